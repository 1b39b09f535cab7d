"""Pegawai page: unit tree, instant search and filters over every pegawai, and the actions on one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.model.pegawai import PegawaiRow, StatusAktif
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.pangkat import GOLONGAN_PNS, GOLONGAN_PPPK, StatusKepegawaian
from kinerja_desktop.core.services import pegawai, unit_kerja
from kinerja_desktop.core.services.access import Actor, Izin
from kinerja_desktop.core.services.pegawai.hapus import (
    SARAN_NONAKTIF,
    alasan_tidak_bisa_dihapus,
    daftar,
    delete_pegawai,
)
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no, show_info
from kinerja_desktop.ui.common.list_panel import panel_daftar
from kinerja_desktop.ui.common.table import make_table, select_row, set_widths
from kinerja_desktop.ui.common.unit_tree import (
    SEMUA,
    UnitIndex,
    fill_tree,
    index_of_unit,
    totals_with_children,
    unit_id_at,
)
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, OK_STYLE
from kinerja_desktop.ui.pegawai.archive import ArsipDialog, GantiAtasanDialog
from kinerja_desktop.ui.pegawai.excel import ExcelPegawai
from kinerja_desktop.ui.pegawai.form import PegawaiForm
from kinerja_desktop.ui.pegawai.list_model import PegawaiTableModel, Saringan

AKTIF_PILIHAN = (("Aktif", "aktif"), ("Nonaktif", "nonaktif"), ("Aktif dan nonaktif", ""))
WIDTHS = ("19860926 201505 1 001", "", "Golongan", "", "", "", "Status__")


class PegawaiPage(Page):
    title = "Pegawai"
    izin = Izin.LIHAT_DATA
    bab_panduan = "pegawai"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.can_edit = ctx.actor.can(Izin.KELOLA_PEGAWAI)
        self.units = UnitIndex([])
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView(model=self.tree_model, headerHidden=True, uniformRowHeights=True)
        self.tree.setMinimumWidth(200)
        self.model = PegawaiTableModel(self)
        self.model.sort_column = 1
        self.table = make_table(self.model)
        set_widths(self.table, WIDTHS, {1: (3, 220), 3: (2, 110), 4: (2, 110), 5: (1.5, 90)}, key="pegawai")

        self.search = QLineEdit(placeholderText="Cari nama, NIP, jabatan atau unit…", clearButtonEnabled=True)
        self.status = QComboBox()
        self.status.addItem("Semua status", "")
        for status in StatusKepegawaian:
            self.status.addItem(status.label, status.value)
        self.golongan = QComboBox()
        self.golongan.setMinimumContentsLength(12)
        self.aktif = QComboBox()
        for label, code in AKTIF_PILIHAN:
            self.aktif.addItem(label, code)
        self.fill_golongan()

        self.add_button = QPushButton("Tambah…", clicked=self.on_add_button_clicked, enabled=self.can_edit)
        self.edit_button = QPushButton(
            "Ubah…" if self.can_edit else "Lihat…", clicked=self.on_edit_button_clicked
        )
        self.deactivate_button = QPushButton("Nonaktifkan…", clicked=self.on_deactivate_button_clicked)
        self.activate_button = QPushButton("Aktifkan kembali", clicked=self.on_activate_button_clicked)
        self.delete_button = QPushButton("Hapus…", clicked=self.on_delete_button_clicked)
        self.delete_button.setToolTip("Hanya untuk data yang salah masuk: belum punya SKP, bawahan, riwayat")
        self.excel = ExcelPegawai(ctx, self, lambda: list(self.model.rows), self.refresh)
        self.excel_button = QPushButton("Excel")
        self.excel_button.setMenu(self.excel.menu())
        self.count = QLabel()
        self.message = QLabel(wordWrap=True)
        self.error_line = ops.note(lambda text: self.say(text, ok=False))
        self._build_layout()

        self.search.textChanged.connect(self.on_filter_changed)
        self.search.returnPressed.connect(self.on_search_return)
        self.status.currentIndexChanged.connect(self.on_status_changed)
        self.golongan.currentIndexChanged.connect(self.on_filter_changed)
        self.aktif.currentIndexChanged.connect(self.on_filter_changed)
        self.tree.selectionModel().currentChanged.connect(self.on_filter_changed)
        self.table.activated.connect(
            self.on_edit_button_clicked
        )  # Enter, or (double-)click as the platform does
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence("Ctrl+N"), self, self.on_add_button_clicked)
        self.on_selection_changed()

    def _build_layout(self) -> None:
        right = panel_daftar(
            [(self.search, 2), (self.status, 0), (self.golongan, 0), (self.aktif, 0)],
            [
                self.add_button,
                self.edit_button,
                self.deactivate_button,
                self.activate_button,
                self.delete_button,
                self.excel_button,
            ],
            self.count,
            self.table,
            self.message,
        )
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 890])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.search, self.status)
        QWidget.setTabOrder(self.status, self.golongan)
        QWidget.setTabOrder(self.golongan, self.aktif)
        QWidget.setTabOrder(self.aktif, self.table)

    # --- data -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload pegawai and units; filters, the chosen unit and the selected pegawai stay."""
        selected, unit = self.selected(), self.selected_unit()
        dibaca = ops.look(
            self,
            lambda s, a: (pegawai.list_pegawai(s, a), unit_kerja.list_units(s, a)),
            message=self.error_line,
        )
        if not dibaca:
            return
        rows, units = dibaca.value
        self.units = UnitIndex(units)
        direct: dict[str, int] = {}
        for row in rows:
            if row.status_aktif == StatusAktif.AKTIF.value and row.unit_kerja_id:
                direct[row.unit_kerja_id] = direct.get(row.unit_kerja_id, 0) + 1
        active = sum(direct.values())
        with QSignalBlocker(self.tree.selectionModel()):
            fill_tree(
                self.tree_model,
                self.units,
                totals_with_children(self.units, direct),
                semua=f"Semua unit ({format_angka(active)})",
            )
            self.tree.expandToDepth(0)
            self.select_unit(unit or SEMUA)
        self.model.saringan = Saringan()  # the unit list may have changed: filter afresh
        self.model.set_rows(rows)
        self.on_filter_changed()
        if selected is not None:
            self.select_pegawai(selected.id)

    def saringan(self) -> Saringan:
        unit = self.selected_unit()
        unit_ids = frozenset(self.units.descendants(unit)) if unit else None
        return Saringan(
            teks=self.search.text(),
            unit_ids=unit_ids,
            status=self.status.currentData(),
            golongan=self.golongan.currentData(),
            aktif=self.aktif.currentData(),
        )

    def fill_golongan(self) -> None:
        status = self.status.currentData()
        choices = (
            GOLONGAN_PPPK if status == "pppk" else GOLONGAN_PNS if status else GOLONGAN_PNS + GOLONGAN_PPPK
        )
        current = self.golongan.currentData()
        with QSignalBlocker(self.golongan):
            self.golongan.clear()
            self.golongan.addItem("Semua golongan", "")
            for golongan in choices:
                prefix = "PPPK " if golongan in GOLONGAN_PPPK and not status else ""
                self.golongan.addItem(f"{prefix}{golongan}", golongan)
            self.golongan.setCurrentIndex(max(0, self.golongan.findData(current)))

    # --- selection --------------------------------------------------------------------------------
    def selected(self) -> PegawaiRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_unit(self) -> str | None:
        """The chosen unit's id; None for "Semua unit" or nothing chosen."""
        return unit_id_at(self.tree.currentIndex()) or None

    def select_unit(self, unit_id: str) -> None:
        index = index_of_unit(self.tree_model, unit_id)
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def select_pegawai(self, pegawai_id: str) -> bool:
        return select_row(self.table, self.model.row_of(pegawai_id))

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # --- reactions --------------------------------------------------------------------------------
    def on_filter_changed(self) -> None:
        """Every keystroke and filter change: filter in the model (no per-row proxy), keep the selection."""
        selected = self.selected()
        self.model.set_saringan(self.saringan())
        self.count.setText(f"{format_angka(self.model.rowCount())} pegawai")
        if selected is not None:
            self.select_pegawai(selected.id)
        self.on_selection_changed()

    def on_status_changed(self) -> None:
        self.fill_golongan()
        self.on_filter_changed()

    def on_search_return(self) -> None:
        self.table.setFocus()
        if self.selected() is None and self.model.rowCount():
            self.table.selectRow(0)

    def on_selection_changed(self) -> None:
        row = self.selected()
        aktif = row is not None and row.status_aktif == StatusAktif.AKTIF.value
        self.edit_button.setEnabled(row is not None)
        self.deactivate_button.setEnabled(self.can_edit and aktif)
        self.activate_button.setEnabled(self.can_edit and row is not None and not aktif)
        self.delete_button.setEnabled(self.can_edit and row is not None)

    def open_form(self, pegawai_id: str | None, *, tab: str = "") -> PegawaiForm:
        return PegawaiForm(self.ctx, pegawai_id, self, rows=self.model.semua, tab=tab)

    def on_add_button_clicked(self) -> None:
        if not self.can_edit:
            return
        form = self.open_form(None)
        if form.exec() == QDialog.DialogCode.Accepted and form.saved_id:
            self.refresh()
            if not self.select_pegawai(form.saved_id):
                self.search.clear()
                self.select_pegawai(form.saved_id)
            self.say(f"{form.identitas.nama.text().strip()} sudah ditambahkan.")

    def on_edit_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        form = self.open_form(row.id)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.say(f"Perubahan data {row.nama} sudah disimpan.")
        elif form.pelatihan is not None:
            self.refresh()  # trainings are saved as they are entered

    def on_deactivate_button_clicked(self) -> None:
        row = self.selected()
        if row is None or not self.can_edit:
            return
        dialog = ArsipDialog(self.ctx, row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.hasil is None:
            return
        hasil, rows = dialog.hasil, self.model.semua
        text = f"{row.nama_lengkap} sudah dinonaktifkan ({dialog.status.currentText().lower()})."
        if hasil.unit_dipimpin:
            units = ", ".join(hasil.unit_dipimpin)
            text += f" Ia tidak lagi kepala {units}; pilih kepala baru di halaman Unit Kerja."
        self.refresh()
        if hasil.bawahan:
            nama = ", ".join(hasil.bawahan[:5]) + (" dan lainnya" if len(hasil.bawahan) > 5 else "")
            question = (
                f"{format_angka(len(hasil.bawahan))} pegawai masih melapor kepada {row.nama_lengkap}: {nama}."
            )
            if ask_yes_no(self, question, "Pilih atasan baru untuk mereka sekarang?", default_yes=True):
                ganti = GantiAtasanDialog(self.ctx, row, hasil.bawahan, rows, self)
                if ganti.exec() == QDialog.DialogCode.Accepted:
                    text += f" {ganti.jumlah} bawahannya kini melapor kepada {ganti.nama_baru}."
                    self.refresh()
            else:
                text += " Bawahannya masih perlu atasan baru."
        self.say(text)

    def on_delete_button_clicked(self) -> None:
        """Delete a pegawai entered by mistake; one that anything refers to is explained instead."""
        row = self.selected()
        if row is None or not self.can_edit:
            return
        dibaca = ops.look(self, lambda s, _a: alasan_tidak_bisa_dihapus(s, row.id), message=self.error_line)
        if not dibaca:
            return
        if dibaca.value:
            show_info(
                self,
                f"{row.nama_lengkap} tidak bisa dihapus karena {daftar(dibaca.value)}.",
                SARAN_NONAKTIF,
            )
            return
        if not ask_yes_no(
            self,
            f"Hapus data {row.nama_lengkap}?",
            "Hapus hanya untuk data yang salah masuk. Penghapusan tercatat di log audit dan ikut terkirim "
            "dalam paket berikutnya. Bila NIP yang sama dimasukkan lagi, datanya dipakai kembali.",
        ):
            return

        def done(nama: str) -> None:
            self.refresh()
            self.say(f"Data {nama} sudah dihapus.")

        ops.act(
            self,
            lambda s, a: delete_pegawai(s, a, row.id, revisi=row.revisi),
            then=done,
            message=self.error_line,
        )

    def on_activate_button_clicked(self) -> None:
        row = self.selected()
        if row is None or not self.can_edit:
            return
        if not ask_yes_no(self, f"Aktifkan kembali {row.nama_lengkap}?", default_yes=True):
            return

        def aktifkan(session: Session, actor: Actor) -> bool:
            """Reactivate; True when the pegawai came back without a unit (theirs was closed)."""
            pegawai.reactivate_pegawai(session, actor, row.id, revisi=row.revisi)
            return pegawai.get_pegawai(session, actor, row.id).data.unit_kerja_id is None

        def done(unit_kosong: bool) -> None:
            self.refresh()
            self.select_pegawai(row.id)
            extra = " Unit kerjanya sudah ditutup: pilih unit baru lewat Ubah…." if unit_kosong else ""
            self.say(f"{row.nama_lengkap} aktif kembali.{extra}")

        ops.act(self, aktifkan, then=done, message=self.error_line)
