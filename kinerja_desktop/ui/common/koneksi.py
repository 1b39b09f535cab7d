"""A lost database server in the window: the message with Coba lagi, and whether the server answers now."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from kinerja_desktop import APP_TITLE
from kinerja_desktop.core.errors import ServerTidakTerjangkau

#: Under the message: what was typed is still there, and what Coba lagi does.
ISIAN_TETAP = (
    "Isian Anda belum disimpan dan masih ada di layar. Tekan Coba lagi setelah sambungan pulih, "
    "atau Tutup untuk kembali tanpa menyimpan."
)


class StatusServer(QObject):
    """Whether the database server answered the last action: ``berubah(terjangkau)`` when that changes.

    ``hilang`` after an action found the server unreachable; ``pulih`` after any action succeeded.
    """

    berubah = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.terjangkau = True
        self.pesan = ""

    def hilang(self, exc: ServerTidakTerjangkau) -> None:
        self.pesan = exc.pesan
        if self.terjangkau:
            self.terjangkau = False
            self.berubah.emit(False)

    def pulih(self) -> None:
        if not self.terjangkau:
            self.terjangkau = True
            self.pesan = ""
            self.berubah.emit(True)


def tanya_coba_lagi(parent: QWidget | None, exc: ServerTidakTerjangkau) -> bool:
    """The message about the unreachable server with **Coba lagi** and **Tutup**; True for Coba lagi."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, APP_TITLE, exc.pesan, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(f"{exc.saran or ''}\n\n{ISIAN_TETAP}".strip())
    coba = box.addButton("Coba lagi", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Tutup", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(coba)
    box.exec()
    return box.clickedButton() is coba
