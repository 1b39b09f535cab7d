"""Scanned signatures for a print: off by default, one image per signer, only for final evaluations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from kinerja_desktop.ui.common.dialogs import show_error
from kinerja_desktop.ui.common.widgets import HINT_STYLE

PERAN = (("pegawai", "Pegawai"), ("penilai", "Pejabat penilai"), ("atasan", "Atasan (Mengetahui)"))
UKURAN_MAKS = 2_000_000


class TtdPindaian(QGroupBox):
    """A checkable group (unchecked) with a "Pilih…" per signer; ``gambar(peran)`` is what to print."""

    changed = Signal()

    def __init__(self, boleh: bool, parent: QWidget | None = None) -> None:
        super().__init__("Tanda tangan pindaian", parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.setEnabled(boleh)
        self.setToolTip(
            "Hanya untuk evaluasi yang sudah final; gambar tidak disimpan, hanya dipakai untuk cetakan ini."
            if boleh
            else "Tanda tangan pindaian hanya boleh pada formulir evaluasi yang sudah final."
        )
        self._gambar: dict[str, bytes] = {}
        self._nama: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        for baris, (peran, label) in enumerate(PERAN):
            nama = QLabel("(tidak ada)", styleSheet=HINT_STYLE)
            self._nama[peran] = nama
            grid.addWidget(QLabel(label), baris, 0)
            grid.addWidget(nama, baris, 1)
            grid.addWidget(QPushButton("Pilih…", clicked=lambda _=False, p=peran: self.choose(p)), baris, 2)
        self.toggled.connect(self.changed)

    def choose(self, peran: str, path: str | None = None) -> None:
        """Choose the image of ``peran`` (asked for when ``path`` is None); an empty choice removes it."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, "Pilih gambar tanda tangan", "", "Gambar (*.png *.jpg *.jpeg)"
            )
        if not path:
            self._gambar.pop(peran, None)
            self._nama[peran].setText("(tidak ada)")
            self.changed.emit()
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            show_error(self, f"Gambar {Path(path).name} tidak dapat dibaca: {exc.strerror or exc}.")
            return
        if len(data) > UKURAN_MAKS or QImage.fromData(data).isNull():
            show_error(self, f"{Path(path).name} bukan gambar PNG/JPEG yang dapat dipakai (maksimal 2 MB).")
            return
        self._gambar[peran] = data
        self._nama[peran].setText(Path(path).name)
        self.changed.emit()

    def gambar(self, peran: str) -> bytes | None:
        return self._gambar.get(peran) if self.isEnabled() and self.isChecked() else None
