"""The base class of the main window's pages: a title, the permission that shows it, refresh and leave."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.ui.common.context import UiContext


class Page(QWidget):
    """A page of the main window. Subclasses set ``title``, ``izin`` and ``bab_panduan``, and fill themselves
    in ``refresh``."""

    title = ""
    izin = Izin.LIHAT_DATA
    #: The Panduan chapter F1 opens on this page (the anchor of ``resources/panduan/NN-<bab>.md``).
    bab_panduan = "mulai"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx

    def refresh(self) -> None:
        """Reload what the page shows from the database (called when the page is opened)."""

    def can_leave(self) -> bool:
        """False keeps the user on the page (e.g. unsaved changes the user wants to keep)."""
        return True
