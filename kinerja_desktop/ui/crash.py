"""Unexpected errors: logged with traceback, then a crash dialog the user can copy from."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from kinerja_desktop import APP_TITLE, __version__
from kinerja_desktop.core.errors import KnownError, ServerTidakTerjangkau
from kinerja_desktop.core.storage import translate_failure
from kinerja_desktop.ui.common import koneksi
from kinerja_desktop.ui.common.dialogs import show_error, translate_buttons

log = logging.getLogger("kinerja_desktop.crash")


def install_excepthook(log_dir: Path) -> None:
    """Route uncaught exceptions to the log and a dialog instead of a silent exit."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        known = translate_failure(exc)
        if isinstance(known, ServerTidakTerjangkau):
            log.warning("Database server lost outside an action: %r", exc)
            offer_reload(known)
            return
        if isinstance(exc, KnownError):
            log.info("Known error reached the event loop: %s", exc)
            show_error(QApplication.activeWindow(), exc)
            return
        if known is not None:  # a full disk, a read-only folder: no traceback for the clerk
            log.warning("Storage failure reached the event loop: %r", exc)
            show_error(QApplication.activeWindow(), known)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unexpected error:\n%s", text)
        show_crash_dialog(text, log_dir)

    sys.excepthook = hook


def offer_reload(exc: ServerTidakTerjangkau) -> None:
    """The unreachable server with Coba lagi, which reloads the page of the active window (when it has
    pages: ``reload_page``)."""
    window = QApplication.activeWindow()
    if koneksi.tanya_coba_lagi(window, exc):
        reload_page = getattr(window, "reload_page", None)
        if callable(reload_page):
            reload_page()


def show_crash_dialog(details: str, log_dir: Path) -> None:
    """A dialog that says sorry, where the log is, and shows the traceback for IT staff."""
    if QApplication.instance() is None:
        print(details, file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE, "Terjadi kesalahan yang tidak terduga.")
    box.setInformativeText(
        "Perubahan yang belum selesai tidak disimpan; data yang sudah tersimpan tetap aman.\n"
        f"Catatan kesalahan ada di folder {log_dir}. Kirimkan berkas kinerja.log kepada petugas TI."
    )
    box.setDetailedText(f"{APP_TITLE} {__version__}\n\n{details}")
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    translate_buttons(box)
    box.exec()
