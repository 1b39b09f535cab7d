"""Matriks peran hasil page: per unit and year, which subordinate RHKs support which superior RHK."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
)

from kinerja_desktop.core.exchange.matriks_excel import export_matriks
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.core.services.matriks import MatriksPeranHasil, matriks_peran_hasil
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import show_info
from kinerja_desktop.ui.common.measured_load import MeasuredLoad
from kinerja_desktop.ui.common.unit_tree import UnitIndex
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE
from kinerja_desktop.ui.matriks.tree_model import MatriksModel

#: A matriks that took longer than this is built in the background from then on.
BATAS_DETIK = 0.3
#: An office with more pegawai than this builds its first matriks in the background too.
BATAS_PEGAWAI = 3000


def nama_berkas(unit: str, tahun: int) -> str:
    """ "Matriks Peran Hasil - Seksi Pemerintahan 2026.xlsx" without characters file systems refuse."""
    bersih = "".join(c for c in unit if c not in '\\/:*?"<>|').strip()
    return f"Matriks Peran Hasil - {bersih} {tahun}.xlsx"


class MatriksPage(Page):
    """A unit (with its sub-units) and a year; the tree of the cascade; export to Excel."""

    title = "Matriks Peran Hasil"
    izin = Izin.LIHAT_DATA
    bab_panduan = "skp"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.data: MatriksPeranHasil | None = None
        self.pemuat = MeasuredLoad(ctx.tasks, lambat=None)  # known slow: built in the background
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(30)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tahun = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.export_button = QPushButton("Ekspor ke Excel…", clicked=self.on_export_button_clicked)
        self.ringkas = QLabel()
        self.model = MatriksModel(self)
        self.tree = QTreeView(model=self.model, uniformRowHeights=True, alternatingRowColors=True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 0; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        self.message = QLabel(wordWrap=True)
        self.error_line = ops.note(lambda text: self.say(text, error=True))
        top = QHBoxLayout()
        top.addWidget(QLabel("Unit kerja"))
        top.addWidget(self.unit)
        top.addSpacing(8)
        top.addWidget(QLabel("Tahun"))
        top.addWidget(self.tahun)
        top.addStretch()
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.ringkas)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        self.unit.currentIndexChanged.connect(self.on_pilihan_changed)
        self.tahun.valueChanged.connect(self.on_pilihan_changed)

    def refresh(self) -> None:
        """Reload the unit list (keeping the chosen unit) and the matriks."""
        dibaca = ops.look(
            self, lambda s, a: unit_kerja.list_units(s, a, termasuk_ditutup=False), message=self.error_line
        )
        if not dibaca:
            return
        daftar = dibaca.value
        if self.pemuat.lambat is None:
            self.pemuat.lambat = sum(u.jumlah_pegawai for u in daftar) > BATAS_PEGAWAI
        units = UnitIndex(daftar)
        current = self.unit.currentData()
        with QSignalBlocker(self.unit):
            self.unit.clear()
            for unit, depth in units.walk():
                self.unit.addItem("    " * depth + unit.nama, unit.id)
            self.unit.setCurrentIndex(max(self.unit.findData(current), 0))
        self.load()

    def load(self) -> None:
        """Build the matriks of the chosen unit and year: in the background when it is known to be slow."""
        unit_id, tahun = self.unit.currentData(), self.tahun.value()
        if not unit_id:
            self.model.set_data(None)
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(False)
        if self.pemuat.lambat:
            self.say("Menyusun matriks…")
        self.pemuat.look(
            self,
            lambda s, a: matriks_peran_hasil(s, a, unit_id, tahun),
            then=self.on_data_loaded,
            message=self.error_line,
            label="Menyusun matriks…",
            batas=BATAS_DETIK,
        )

    def on_data_loaded(self, data: MatriksPeranHasil) -> None:
        if (data.unit_id, data.tahun) != (self.unit.currentData(), self.tahun.value()):
            return  # another unit or year was chosen meanwhile; its matriks follows
        self.data = data
        self.model.set_data(self.data)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(1, 230)
        self.tree.setColumnWidth(2, 260)
        self.tree.expandAll()
        d = self.data
        pendukung = sum(len(b.pendukung) for b in d.baris)
        self.ringkas.setText(
            f"{format_angka(len(d.baris))} RHK atasan, didukung {format_angka(pendukung)} RHK bawahan; "
            f"{format_angka(len(d.tanpa_induk))} RHK tidak mendukung RHK atasan."
        )
        self.export_button.setEnabled(True)
        self.say("Arahkan tetikus ke teks yang terpotong untuk melihat selengkapnya.")

    def on_pilihan_changed(self) -> None:
        self.load()

    def on_export_button_clicked(self) -> None:
        unit_id, tahun = self.unit.currentData(), self.tahun.value()
        if not unit_id:
            return
        saran = str(Path.home() / nama_berkas(self.unit.currentText(), tahun))
        name, _ = QFileDialog.getSaveFileName(
            self, "Ekspor matriks peran hasil", saran, "Buku Excel (*.xlsx)"
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")

        def done(jumlah: int) -> None:
            show_info(
                self,
                f"Matriks peran hasil tersimpan di {path.name} ({format_angka(jumlah)} baris).",
                str(path.parent),
            )

        ops.act(
            self,
            lambda s, a: export_matriks(s, a, unit_id, tahun, path),
            then=done,
            background="Mengekspor matriks peran hasil…",
            cancellable=False,
        )

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))
