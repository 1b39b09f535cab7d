"""The base class of the main window's pages: a title, the permission that shows it, refresh and leave."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.ui.common.context import UiContext


@dataclass(frozen=True)
class Fokus:
    """What a page opened from elsewhere (a line of the Beranda) shows; a page uses the fields it has.

    ``status`` names a subset in the page's own words: an SKP status (``diajukan``, ``draft``), an
    evaluation's (``belum``: not rated yet, ``draf``: rated but not final), ``kurang`` (training hours
    short) or ``terkunci`` (locked accounts). ``unit_id`` None means the whole office.
    """

    tahun: int | None = None
    periode: str | None = None
    unit_id: str | None = None
    status: str = ""
    hanya_bawahan: bool = False


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

    def tampilkan(self, fokus: Fokus) -> None:
        """Open on ``fokus`` instead of the page's own choices (called instead of ``refresh``); a page
        without filters just refreshes."""
        del fokus
        self.refresh()

    def can_leave(self) -> bool:
        """False keeps the user on the page (e.g. unsaved changes the user wants to keep)."""
        return True
