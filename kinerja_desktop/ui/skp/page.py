"""SKP page: the year's SKP of every pegawai (or "Belum ada SKP"), filters, creation, and the editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.model.skp import HasilDraft, SkpInput, StatusSkp
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import pegawai, skp, unit_kerja
from kinerja_desktop.core.services.access import Actor, Izin, Peran
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Fokus, Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.list_panel import panel_daftar
from kinerja_desktop.ui.common.table import make_table, select_row, set_widths
from kinerja_desktop.ui.common.unit_tree import UnitIndex
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, OK_STYLE, on_enter
from kinerja_desktop.ui.printing.menu import tombol_skp
from kinerja_desktop.ui.skp.editor import SkpEditor
from kinerja_desktop.ui.skp.list_dialogs import DrafUnitDialog, HasilDraftDialog, PendekatanDialog
from kinerja_desktop.ui.skp.list_model import BELUM, BELUM_LABEL, BarisSkp, Saringan, SkpListModel, merge_rows

STATUS_FILTER = [("Semua status", ""), (BELUM_LABEL, BELUM)] + [
    (s.label, s.value) for s in StatusSkp if s is not StatusSkp.DIGANTI
]
WIDTHS = ("", "19860926 201505 1 001", "", "Versi", "Belum ada SKP_", "", "RHK_")


class SkpPage(Page):
    title = "SKP"
    izin = Izin.LIHAT_DATA
    bab_panduan = "skp"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.can_edit = ctx.actor.can(Izin.KELOLA_SKP)
        self.units = UnitIndex([])
        self.tahun = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.tahun.setPrefix("Tahun ")
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(24)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status = QComboBox()
        for label, code in STATUS_FILTER:
            self.status.addItem(label, code)
        self.search = QLineEdit(placeholderText="Cari nama, NIP, jabatan atau unit…", clearButtonEnabled=True)
        penilai = ctx.actor.peran is Peran.PENILAI and ctx.actor.pegawai_id is not None
        self.bawahan = QCheckBox("Hanya saya dan bawahan langsung", checked=penilai)
        self.bawahan.setVisible(penilai)
        self.model = SkpListModel(self)
        self.table = make_table(self.model)
        set_widths(self.table, WIDTHS, {0: (3, 200), 2: (2.5, 140), 5: (2, 130)}, key="skp")
        self.open_button = QPushButton("Buka", clicked=self.on_open_button_clicked)
        self.create_button = QPushButton("Buat SKP…", clicked=self.on_create_button_clicked)
        self.copy_button = QPushButton("Salin dari tahun lalu", clicked=self.on_copy_button_clicked)
        self.unit_drafts_button = QPushButton(
            "Buat draf untuk unit…", clicked=self.on_unit_drafts_button_clicked
        )
        self.print_button = tombol_skp(ctx, self, lambda: row.skp_id if (row := self.selected()) else None)
        self.count = QLabel()
        self.message = QLabel(wordWrap=True)
        self.error_line = ops.note(lambda text: self.say(text, ok=False))
        self.editor = SkpEditor(ctx)
        self.editor.closed.connect(self.on_editor_closed)
        self.stack = QStackedWidget()
        self._build_layout()

        self.tahun.valueChanged.connect(self.on_tahun_changed)
        self.unit.currentIndexChanged.connect(self.on_filter_changed)
        self.status.currentIndexChanged.connect(self.on_filter_changed)
        self.search.textChanged.connect(self.on_filter_changed)
        self.bawahan.toggled.connect(self.on_filter_changed)
        self.search.returnPressed.connect(self.on_search_return)
        self.table.doubleClicked.connect(self.on_open_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        on_enter(self.table, self.on_open_button_clicked)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.on_selection_changed()

    def _build_layout(self) -> None:
        daftar = panel_daftar(
            [(self.tahun, 0), (self.unit, 0), (self.status, 0), (self.search, 1), (self.bawahan, 0)],
            [
                self.open_button,
                self.create_button,
                self.copy_button,
                self.unit_drafts_button,
                self.print_button,
            ],
            self.count,
            self.table,
            self.message,
        )
        self.stack.addWidget(daftar)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        for a, b in (
            (self.tahun, self.unit),
            (self.unit, self.status),
            (self.status, self.search),
            (self.search, self.table),
            (self.table, self.open_button),
        ):
            QWidget.setTabOrder(a, b)

    # --- data -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload units and the list; the open SKP (if any) too."""
        units = ops.look(self, unit_kerja.list_units, message=self.error_line)
        if not units:
            return
        self.units = UnitIndex(units.value)
        current = self.unit.currentData()
        with QSignalBlocker(self.unit):
            self.unit.clear()
            self.unit.addItem("Semua unit", "")
            for unit, depth in self.units.walk():
                self.unit.addItem("    " * depth + unit.nama, unit.id)
                self.unit.setItemData(
                    self.unit.count() - 1, self.units.path(unit.id), Qt.ItemDataRole.ToolTipRole
                )
            self.unit.setCurrentIndex(max(0, self.unit.findData(current)))
        self.load_list()
        if self.stack.currentWidget() is self.editor:
            self.editor.reload()

    def tampilkan(self, fokus: Fokus) -> None:
        """The list of ``fokus``'s year, unit (None: every unit) and SKP status, without a search text;
        a penilai's own staff when asked."""
        if self.stack.currentWidget() is self.editor:
            self.stack.setCurrentIndex(0)  # leaving the page already asked about unsaved changes
        with QSignalBlocker(self.tahun), QSignalBlocker(self.status), QSignalBlocker(self.search):
            if fokus.tahun is not None:
                self.tahun.setValue(fokus.tahun)
            self.status.setCurrentIndex(max(0, self.status.findData(fokus.status)))
            self.search.clear()
        if not self.bawahan.isHidden():
            with QSignalBlocker(self.bawahan):
                self.bawahan.setChecked(fokus.hanya_bawahan)
        self.refresh()
        with QSignalBlocker(self.unit):
            self.unit.setCurrentIndex(max(0, self.unit.findData(fokus.unit_id or "")))
        self.on_filter_changed()

    def load_list(self) -> None:
        selected, tahun = self.selected(), self.tahun.value()
        dibaca = ops.look(
            self,
            lambda s, a: (skp.list_skp(s, a, tahun), pegawai.list_pegawai(s, a, termasuk_nonaktif=False)),
            message=self.error_line,
        )
        if not dibaca:
            return
        rows, staff = dibaca.value
        self.model.saringan = self.saringan()
        self.model.set_semua(merge_rows(rows, staff))
        self.update_count()
        if selected is not None:
            self.select_pegawai(selected.pegawai_id)
        self.on_selection_changed()

    def saringan(self) -> Saringan:
        unit = self.unit.currentData()
        return Saringan(
            teks=self.search.text(),
            unit_ids=frozenset(self.units.descendants(unit)) if unit else None,
            status=self.status.currentData() or "",
            bawahan_dari=self.ctx.actor.pegawai_id if self.bawahan.isChecked() else None,
        )

    def update_count(self) -> None:
        semua = self.model.rowCount()
        belum = sum(1 for r in self.model.rows if r.skp_id is None)
        self.count.setText(f"{format_angka(semua)} pegawai · {format_angka(belum)} belum ada SKP")

    # --- selection --------------------------------------------------------------------------------
    def selected(self) -> BarisSkp | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_pegawai(self, pegawai_id: str) -> bool:
        return select_row(self.table, self.model.row_of(pegawai_id))

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def can_leave(self) -> bool:
        return self.stack.currentWidget() is not self.editor or self.editor.can_leave()

    # --- reactions --------------------------------------------------------------------------------
    def on_tahun_changed(self) -> None:
        self.load_list()

    def on_filter_changed(self) -> None:
        selected = self.selected()
        self.model.set_saringan(self.saringan())
        self.update_count()
        if selected is not None:
            self.select_pegawai(selected.pegawai_id)
        self.on_selection_changed()

    def on_search_return(self) -> None:
        self.table.setFocus()
        if self.selected() is None and self.model.rowCount():
            self.table.selectRow(0)

    def on_selection_changed(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None and row.skp_id is not None)
        kosong = row is not None and row.skp_id is None and self.can_edit
        self.create_button.setEnabled(kosong)
        self.copy_button.setEnabled(kosong)
        self.unit_drafts_button.setEnabled(self.can_edit)

    def open_skp(self, skp_id: str) -> None:
        if self.stack.currentWidget() is self.editor and not self.editor.can_leave():
            return
        if self.editor.load(skp_id):
            self.stack.setCurrentWidget(self.editor)
            self.editor.tabs.setFocus()

    def on_open_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.skp_id is None:
            self.on_create_button_clicked()
            return
        self.open_skp(row.skp_id)

    def on_editor_closed(self) -> None:
        self.stack.setCurrentIndex(0)
        self.load_list()
        self.table.setFocus()

    def create_skp(self, row: BarisSkp, *, salin: bool, pendekatan: str = "") -> None:
        tahun = self.tahun.value()

        def new_skp(session: Session, actor: Actor) -> str:
            if salin:
                return skp.copy_last_year(session, actor, row.pegawai_id, tahun)
            return skp.create_skp(session, actor, row.pegawai_id, tahun, SkpInput.setahun(tahun, pendekatan))

        dibuat = ops.act(self, new_skp)
        if not dibuat:
            return
        self.load_list()
        self.select_pegawai(row.pegawai_id)
        self.open_skp(dibuat.value)
        self.editor.say(
            f"SKP {tahun} {row.nama} sudah dibuat sebagai draf."
            + (f" Isinya disalin dari SKP {tahun - 1}." if salin else " Tambahkan RHK-nya.")
        )

    def on_create_button_clicked(self) -> None:
        row = self.selected()
        if row is None or row.skp_id is not None or not self.can_edit:
            return
        dialog = PendekatanDialog(self, row.nama, self.tahun.value())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_skp(row, salin=False, pendekatan=dialog.value())

    def on_copy_button_clicked(self) -> None:
        row = self.selected()
        if row is None or row.skp_id is not None or not self.can_edit:
            return
        tahun = self.tahun.value()
        tanya = f"Buat SKP {tahun} {row.nama} dengan menyalin RHK, indikator dan lampiran SKP {tahun - 1}?"
        if ask_yes_no(self, tanya, "Tautan ke RHK atasan perlu dipilih ulang.", default_yes=True):
            self.create_skp(row, salin=True)

    def on_unit_drafts_button_clicked(self) -> None:
        if not self.can_edit:
            return
        tahun = self.tahun.value()
        unit = self.unit.currentData() or next((u.id for u, _ in self.units.walk()), None)
        dialog = DrafUnitDialog(self, self.units, unit, tahun)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        unit_id, sub_unit, salin = dialog.value()
        self.unit_drafts_button.setEnabled(False)
        self.say("Membuat draf SKP…")
        # Batal raises Cancelled from ops.progress inside the transaction: nothing is kept.
        ops.act(
            self,
            lambda s, a: skp.create_drafts_for_unit(
                s,
                a,
                unit_id,
                tahun,
                termasuk_sub_unit=sub_unit,
                salin_tahun_lalu=salin,
                progress=ops.progress,
            ),
            then=self.on_drafts_done,
            failed=self.on_drafts_failed,
            cancelled=self.on_drafts_cancelled,
            background=f"Membuat draf SKP {tahun}…",
        )

    def on_drafts_done(self, hasil: HasilDraft) -> None:
        self.unit_drafts_button.setEnabled(self.can_edit)
        self.load_list()
        nama = {r.pegawai_id: r.nama for r in self.model.semua}
        self.say(
            f"{format_angka(len(hasil.dibuat))} draf SKP dibuat, "
            f"{format_angka(len(hasil.dilewati))} pegawai dilewati."
        )
        HasilDraftDialog(self, hasil, nama).exec()

    def on_drafts_failed(self, _exc: KnownError) -> None:
        self.unit_drafts_button.setEnabled(self.can_edit)
        self.say("Draf SKP tidak dibuat.", ok=False)

    def on_drafts_cancelled(self) -> None:
        self.unit_drafts_button.setEnabled(self.can_edit)
        self.say("Pembuatan draf SKP dibatalkan; tidak ada draf yang dibuat.", ok=False)
