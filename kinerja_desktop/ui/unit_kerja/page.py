"""Unit Kerja page: the unit tree with heads and staff counts; add, change, move, close, reopen, delete."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
)

from kinerja_desktop.core.model.pegawai import PegawaiRow
from kinerja_desktop.core.services import pegawai, unit_kerja
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.core.services.unit_kerja import UnitRow
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.ops import Work
from kinerja_desktop.ui.common.unit_tree import (
    UnitIndex,
    fill_tree,
    index_of_unit,
    totals_with_children,
    unit_id_at,
)
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE, OK_STYLE
from kinerja_desktop.ui.unit_kerja.dialogs import PindahUnitDialog, UnitDialog


class UnitKerjaPage(Page):
    title = "Unit Kerja"
    izin = Izin.LIHAT_DATA
    bab_panduan = "pegawai"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.can_edit = ctx.actor.can(Izin.KELOLA_PEGAWAI)
        self.units = UnitIndex([])
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(model=self.model, uniformRowHeights=True, alternatingRowColors=True)
        self.tree.activated.connect(
            self.on_edit_button_clicked
        )  # Enter, or (double-)click as the platform does
        self.show_closed_check = QCheckBox("Tampilkan unit yang ditutup", checked=True)
        self.show_closed_check.toggled.connect(self.refresh)

        self.add_button = QPushButton("Tambah sub-unit…", clicked=self.on_add_button_clicked)
        self.edit_button = QPushButton("Ubah…", clicked=self.on_edit_button_clicked)
        self.move_button = QPushButton("Pindahkan…", clicked=self.on_move_button_clicked)
        self.close_button = QPushButton("Tutup", clicked=self.on_close_button_clicked)
        self.open_button = QPushButton("Buka kembali", clicked=self.on_open_button_clicked)
        self.delete_button = QPushButton("Hapus", clicked=self.on_delete_button_clicked)
        self.buttons = (
            self.add_button,
            self.edit_button,
            self.move_button,
            self.close_button,
            self.open_button,
            self.delete_button,
        )
        bar = QHBoxLayout()
        for button in self.buttons:
            bar.addWidget(button)
        bar.addStretch()
        bar.addWidget(self.show_closed_check)
        intro = "Pilih satu unit, lalu tekan tombol di atas. Klik dua kali untuk mengubah."
        if not self.can_edit:
            intro = "Anda hanya dapat melihat susunan unit kerja."
        self.message = QLabel(wordWrap=True)
        self.error_line = ops.note(lambda text: self.say(text, ok=False))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(intro, styleSheet=HINT_STYLE))
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        self.tree.selectionModel().currentChanged.connect(self.on_selection_changed)
        self.on_selection_changed()

    def refresh(self) -> None:
        current, ditutup = self.selected(), self.show_closed_check.isChecked()
        dibaca = ops.look(
            self, lambda s, a: unit_kerja.list_units(s, a, termasuk_ditutup=ditutup), message=self.error_line
        )
        if not dibaca:
            return
        units = dibaca.value
        self.units = UnitIndex(units)
        direct = {u.id: u.jumlah_pegawai for u in units}
        with QSignalBlocker(self.tree.selectionModel()):
            fill_tree(self.model, self.units, totals_with_children(self.units, direct), direct=direct)
            self.tree.expandToDepth(1)
            header = self.tree.header()  # the model was rebuilt: set the column sizes again
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column, width in ((1, 130), (2, 260), (3, 110), (4, 170)):
                self.tree.setColumnWidth(column, width)
        self.select(current.id if current else None)
        self.on_selection_changed()

    def select(self, unit_id: str | None) -> None:
        index = index_of_unit(self.model, unit_id)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.tree.selectionModel().setCurrentIndex(index, flags)

    def selected(self) -> UnitRow | None:
        return self.units.by_id.get(unit_id_at(self.tree.currentIndex()) or "")

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def on_selection_changed(self) -> None:
        unit = self.selected()
        has_parent = unit is not None and unit.induk_id is not None
        self.add_button.setEnabled(self.can_edit and unit is not None and unit.aktif)
        self.edit_button.setEnabled(self.can_edit and unit is not None)
        self.move_button.setEnabled(self.can_edit and has_parent)
        self.close_button.setEnabled(self.can_edit and has_parent and unit is not None and unit.aktif)
        self.open_button.setEnabled(self.can_edit and unit is not None and not unit.aktif)
        self.delete_button.setEnabled(self.can_edit and has_parent)

    def _done(self, unit_id: str | None, text: str) -> None:
        self.refresh()
        self.select(unit_id)
        self.say(text)

    def _pegawai_rows(self) -> list[PegawaiRow] | None:
        """The active pegawai (heads to choose from); None when they could not be read (the error shown)."""
        dibaca = ops.look(self, lambda s, a: pegawai.list_pegawai(s, a, termasuk_nonaktif=False))
        return dibaca.value if dibaca else None

    def on_add_button_clicked(self) -> None:
        induk = self.selected()
        if induk is None or not self.can_edit or (rows := self._pegawai_rows()) is None:
            return
        dialog = UnitDialog(self.ctx, self.units, rows, induk=induk, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(
                dialog.saved_id, f"Unit {dialog.nama.text().strip()} sudah ditambahkan di bawah {induk.nama}."
            )

    def on_edit_button_clicked(self) -> None:
        unit = self.selected()
        if unit is None or not self.can_edit or (rows := self._pegawai_rows()) is None:
            return
        dialog = UnitDialog(self.ctx, self.units, rows, unit=unit, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(unit.id, f"Perubahan unit {dialog.nama.text().strip()} sudah disimpan.")

    def on_move_button_clicked(self) -> None:
        unit = self.selected()
        if unit is None or not self.can_edit:
            return
        dialog = PindahUnitDialog(self.ctx, self.units, unit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(unit.id, f"{unit.nama} sekarang berada di bawah {dialog.induk.currentText()}.")

    def act(self, unit: UnitRow, fn: Work[None], done: str) -> None:
        """One service call on ``unit``; a refusal shows the service's own message (and advice) in red."""
        ops.act(self, fn, then=lambda _: self._done(unit.id, done), message=self.error_line)

    def on_close_button_clicked(self) -> None:
        unit = self.selected()
        detail = "Unit yang ditutup tetap tercatat untuk riwayat dan bisa dibuka kembali."
        if unit is None or not ask_yes_no(self, f"Tutup unit {unit.nama} per hari ini?", detail):
            return
        self.act(
            unit,
            lambda s, a: unit_kerja.close_unit(s, a, unit.id, revisi=unit.revisi),
            f"Unit {unit.nama} sudah ditutup.",
        )

    def on_open_button_clicked(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        self.act(
            unit,
            lambda s, a: unit_kerja.reopen_unit(s, a, unit.id, revisi=unit.revisi),
            f"Unit {unit.nama} dibuka kembali.",
        )

    def on_delete_button_clicked(self) -> None:
        unit = self.selected()
        detail = "Unit yang pernah berisi pegawai tidak bisa dihapus; tutup saja unit itu."
        if unit is None or not ask_yes_no(self, f"Hapus unit {unit.nama}?", detail):
            return
        self.act(
            unit,
            lambda s, a: unit_kerja.delete_unit(s, a, unit.id, revisi=unit.revisi),
            f"Unit {unit.nama} sudah dihapus.",
        )
