"""Mulai data kantor sungguhan: leave the demo office (kept aside or deleted) for the first-run wizard."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QRadioButton, QVBoxLayout, QWidget

from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.forms import tombol
from kinerja_desktop.ui.common.widgets import HINT_STYLE

JUDUL = "Mulai data kantor sungguhan"


class MulaiSungguhanDialog(QDialog):
    """Keep the demo aside (the default) or delete it; ``keep`` is the choice once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(JUDUL)
        self.setMinimumWidth(560)
        intro = QLabel(
            "Data demo akan ditutup, lalu aplikasi membuka panduan penyiapan untuk kantor "
            "Anda: identitas kantor dan akun administrator. Setelah itu isi unit kerja dan pegawai."
        )
        intro.setWordWrap(True)
        self.simpan = QRadioButton("Simpan data demo di samping (folder demo-… di folder data)")
        self.hapus = QRadioButton("Hapus data demo")
        self.simpan.setChecked(True)
        note = QLabel(
            "Data demo yang disimpan tidak dipakai lagi oleh aplikasi; folder itu boleh dihapus kapan saja."
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        buttons = tombol("Mulai")
        buttons.accepted.connect(self.on_start_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.simpan, self.hapus, note):
            layout.addWidget(widget)
        layout.addWidget(buttons)

    @property
    def keep(self) -> bool:
        return self.simpan.isChecked()

    def on_start_clicked(self) -> None:
        if not self.keep and not ask_yes_no(
            self,
            "Hapus data demo?",
            "Data demo dan cadangannya dihapus dari komputer ini; tidak bisa dibatalkan.",
        ):
            return
        self.accept()
