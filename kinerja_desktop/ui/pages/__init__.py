"""Pages of the main window; ``PAGES`` lists them in navigation order."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.services.akses import Izin
from kinerja_desktop.ui.context import UiContext


class Page(QWidget):
    """A page of the main window. Subclasses set ``title`` and ``izin`` and fill themselves in ``refresh``."""

    title = ""
    izin = Izin.LIHAT_DATA

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx

    def refresh(self) -> None:
        """Reload what the page shows from the database (called when the page is opened)."""

    def can_leave(self) -> bool:
        """False keeps the user on the page (e.g. unsaved changes the user wants to keep)."""
        return True
