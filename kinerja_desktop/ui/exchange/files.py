"""The first step of the import wizard: the package files, chosen one by one or as a whole folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.common.widgets import HINT_STYLE

XLSX = "Paket data Excel (*.xlsx)"


def paket_di_folder(folder: Path) -> list[Path]:
    """The workbooks directly inside ``folder``, by name (Excel's own lock files "~$…" left out)."""
    return sorted(
        (
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() == ".xlsx" and not p.name.startswith("~$")
        ),
        key=lambda p: p.name.lower(),
    )


class PilihBerkas(QWidget):
    """A list of files; ``changed`` when it changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.daftar = QListWidget()
        tambah = QPushButton("Tambah berkas…")
        tambah.clicked.connect(self.on_add_button_clicked)
        folder = QPushButton("Tambah semua paket dalam folder…")
        folder.clicked.connect(self.on_folder_clicked)
        hapus = QPushButton("Hapus dari daftar")
        hapus.clicked.connect(self.on_delete_button_clicked)
        petunjuk = QLabel(
            "Pilih paket yang diterima (berkas .xlsx dari Kinerja Desktop). Kantor pusat bisa memilih satu "
            "folder berisi paket semua kantor sekaligus. Setiap berkas diperiksa dan diimpor satu per satu, "
            "berurutan; Anda melihat rencananya dulu sebelum ada yang disimpan.",
            wordWrap=True,
        )
        petunjuk.setStyleSheet(HINT_STYLE)
        judul = QLabel("Pilih paket yang akan diimpor")
        judul.setStyleSheet("font-size: 12pt; font-weight: bold;")
        tombol = QHBoxLayout()
        for b in (tambah, folder, hapus):
            tombol.addWidget(b)
        tombol.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(judul)
        layout.addWidget(petunjuk)
        layout.addLayout(tombol)
        layout.addWidget(self.daftar, 1)

    def berkas(self) -> list[Path]:
        return [Path(self.daftar.item(i).text()) for i in range(self.daftar.count())]

    def add_files(self, paths: list[Path]) -> None:
        ada = set(self.berkas())
        for p in paths:
            if p not in ada:
                self.daftar.addItem(str(p))
                ada.add(p)
        self.changed.emit()

    def on_add_button_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Pilih paket", "", XLSX)
        self.add_files([Path(n) for n in names])

    def on_folder_clicked(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Pilih folder berisi paket")
        if name:
            self.add_files(paket_di_folder(Path(name)))

    def on_delete_button_clicked(self) -> None:
        for item in self.daftar.selectedItems():
            self.daftar.takeItem(self.daftar.row(item))
        self.changed.emit()
