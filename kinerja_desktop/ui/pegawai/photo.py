"""The optional photo of a pegawai: preview, choose a PNG/JPG (at most 2 MB), remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.pegawai.records import FOTO_MAKS
from kinerja_desktop.ui.common.dialogs import show_error

FOTO_W, FOTO_H = 96, 128


def check_foto(data: bytes, name: str) -> str | None:
    """Why ``data`` cannot be a photo, or None when it can."""
    if len(data) > FOTO_MAKS:
        ukuran = format_angka(len(data) / 1024 / 1024, desimal=1)
        return f"Berkas {name} berukuran {ukuran} MB; foto maksimal 2 MB."
    if not (data.startswith((b"\x89PNG", b"\xff\xd8\xff")) and QPixmap().loadFromData(QByteArray(data))):
        return f"Berkas {name} bukan gambar PNG atau JPG."
    return None


class FotoBox(QWidget):
    """Shows ``data``; the two buttons change it (saved with the form)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: bytes | None = None
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(FOTO_W, FOTO_H)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.choose_button = QPushButton("Pilih foto…", clicked=self.on_choose_button_clicked)
        self.delete_button = QPushButton("Hapus foto", clicked=self.on_delete_button_clicked)
        for button in (self.choose_button, self.delete_button):
            button.setAutoDefault(False)  # Enter in the form saves, whatever button had focus before
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.delete_button)
        layout.addStretch()
        self.show_foto()

    def set_data(self, data: bytes | None) -> None:
        self.data = data
        self.show_foto()
        self.changed.emit()

    def show_foto(self) -> None:
        pixmap = QPixmap()
        if self.data and pixmap.loadFromData(QByteArray(self.data)):
            self.preview.setPixmap(
                pixmap.scaled(
                    FOTO_W - 4,
                    FOTO_H - 4,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.clear()
            self.preview.setText("tanpa foto")
        self.delete_button.setEnabled(self.data is not None and self.choose_button.isEnabled())

    def set_read_only(self, read_only: bool) -> None:
        self.choose_button.setEnabled(not read_only)
        self.delete_button.setEnabled(not read_only and self.data is not None)

    def set_file(self, path: Path) -> bool:
        """Take the picture in ``path``, or say why not."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(self, f"Berkas {path.name} tidak bisa dibaca: {exc.strerror}.")
            return False
        problem = check_foto(data, path.name)
        if problem:
            show_error(self, problem)
            return False
        self.set_data(data)
        return True

    def on_choose_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Pilih foto pegawai", str(Path.home()), "Gambar (*.png *.jpg *.jpeg)"
        )
        if name:
            self.set_file(Path(name))

    def on_delete_button_clicked(self) -> None:
        self.set_data(None)
