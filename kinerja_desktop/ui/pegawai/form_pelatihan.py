"""The Pelatihan tab: a pegawai's trainings, the year's JP against the rule, and the training dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import pelatihan
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.pelatihan import (
    JP_MAKSIMUM_PPPK,
    JP_MINIMUM_PNS,
    PelatihanInput,
    PelatihanRow,
)
from kinerja_desktop.core.validation.tables import max_length
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.forms import UnsavedGuard
from kinerja_desktop.ui.common.stale import StaleBar
from kinerja_desktop.ui.common.table import Column, RowTableModel, make_table, set_widths, tanggal_pendek
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, OK_STYLE, DateField, FieldNote, with_note


class PelatihanModel(RowTableModel):
    columns = (
        Column("Nama pelatihan", lambda r: r.data.nama),
        Column("Penyelenggara", lambda r: r.data.penyelenggara),
        Column("Mulai", lambda r: tanggal_pendek(r.data.tanggal_mulai), lambda r: r.data.tanggal_mulai),
        Column("Selesai", lambda r: tanggal_pendek(r.data.tanggal_selesai)),
        Column("JP", lambda r: format_angka(r.data.jp), lambda r: r.data.jp, right=True),
        Column("Nomor sertifikat", lambda r: r.data.nomor_sertifikat),
    )


def ringkasan_jp(jp: int, status: str, tahun: int) -> tuple[str, bool]:
    """The year's JP against the rule for the status, and whether it is met."""
    if status == "pppk":
        lebih = jp - JP_MAKSIMUM_PPPK
        if lebih > 0:
            return (
                f"Tahun {tahun}: {jp} JP — melebihi batas PPPK {JP_MAKSIMUM_PPPK} JP sebanyak {lebih} JP.",
                False,
            )
        return f"Tahun {tahun}: {jp} JP — dalam batas PPPK {JP_MAKSIMUM_PPPK} JP setahun.", True
    kurang = JP_MINIMUM_PNS - jp
    if kurang > 0:
        return f"Tahun {tahun}: {jp} JP dari minimal {JP_MINIMUM_PNS} JP — kurang {kurang} JP.", False
    return f"Tahun {tahun}: {jp} JP — memenuhi minimal {JP_MINIMUM_PNS} JP.", True


class PelatihanDialog(QDialog):
    """Add or change one training; saved at once in its own transaction, closed only once saved.
    Batal, Esc or closing the window with something typed asks Simpan / Buang / Batal first."""

    def __init__(
        self, ctx: UiContext, pegawai_id: str, row: PelatihanRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            parent, windowTitle="Ubah pelatihan" if row else "Tambah pelatihan", minimumWidth=480
        )
        self.ctx, self.pegawai_id, self.row = ctx, pegawai_id, row
        self.nama = QLineEdit(placeholderText="misalnya Pelatihan Kepemimpinan")
        self.penyelenggara = QLineEdit(placeholderText="misalnya BPSDM")
        self.nama.setMaxLength(max_length("pelatihan", "nama"))
        self.penyelenggara.setMaxLength(max_length("pelatihan", "penyelenggara"))
        self.tanggal_mulai = DateField(optional=False)
        self.tanggal_selesai = DateField()
        self.jp = QSpinBox(minimum=1, maximum=1000, value=8, suffix=" JP")
        self.jp.setMaximumWidth(120)
        self.nomor_sertifikat = QLineEdit()
        self.nomor_sertifikat.setMaxLength(max_length("pelatihan", "nomor_sertifikat"))
        self.fill(row.data if row else None)
        self.notes = {k: FieldNote() for k in ("nama", "jp", "tanggal_selesai")}
        form = QFormLayout()
        form.addRow("Nama pelatihan", with_note(self.nama, self.notes["nama"]))
        form.addRow("Penyelenggara", self.penyelenggara)
        form.addRow("Tanggal mulai", self.tanggal_mulai)
        form.addRow("Tanggal selesai", with_note(self.tanggal_selesai, self.notes["tanggal_selesai"]))
        form.addRow("Jumlah JP", with_note(self.jp, self.notes["jp"]))
        form.addRow("Nomor sertifikat", self.nomor_sertifikat)
        self.error = FieldNote()
        self.stale = StaleBar()
        self.stale.reload_requested.connect(self.on_stale_reload_requested)
        buttons = QDialogButtonBox(self)
        buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.on_save_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.stale)
        layout.addWidget(buttons)
        self.nama.setFocus()
        self.guard = UnsavedGuard(self.data, "Data pelatihan ini belum disimpan.")
        self.guard.mark_clean()

    def fill(self, data: PelatihanInput | None) -> None:
        self.nama.setText(data.nama if data else "")
        self.penyelenggara.setText(data.penyelenggara if data else "")
        self.tanggal_mulai.set_value(data.tanggal_mulai if data else date.today())
        self.tanggal_selesai.set_value(data.tanggal_selesai if data else None)
        self.jp.setValue(data.jp if data else 8)
        self.nomor_sertifikat.setText(data.nomor_sertifikat if data else "")

    def on_stale_reload_requested(self) -> None:
        """Muat ulang: the training as stored now (a deleted one: say so)."""
        row_id, pegawai_id = self.row.id if self.row else "", self.pegawai_id
        dibaca = ops.look(self, lambda s, a: pelatihan.list_pelatihan(s, a, pegawai_id), message=self.error)
        row = next((r for r in dibaca.value if r.id == row_id), None) if dibaca else None
        if row is None:
            self.error.set_error("Pelatihan ini sudah dihapus; tutup jendela ini.")
            return
        self.row = row
        self.fill(row.data)
        self.guard.mark_clean()

    def data(self) -> PelatihanInput:
        mulai = self.tanggal_mulai.value()
        assert mulai is not None
        return PelatihanInput(
            nama=self.nama.text(),
            tanggal_mulai=mulai,
            jp=self.jp.value(),
            penyelenggara=self.penyelenggara.text(),
            tanggal_selesai=self.tanggal_selesai.value(),
            nomor_sertifikat=self.nomor_sertifikat.text(),
        )

    def write(self, session: Session, actor: Actor) -> None:
        if self.row is None:
            pelatihan.add_pelatihan(session, actor, self.pegawai_id, self.data())
        else:
            pelatihan.update_pelatihan(session, actor, self.row.id, self.data(), revisi=self.row.revisi)

    def on_save_button_clicked(self) -> None:
        for note in (*self.notes.values(), self.error):
            note.clear_note()
        if ops.act(self, self.write, notes=self.notes, message=self.error, stale=self.stale):
            self.accept()

    def reject(self) -> None:
        if self.guard.allows_leave(self, self.on_save_button_clicked):
            super().reject()


class PelatihanTab(QWidget):
    """Trainings newest first; Tambah/Ubah/Hapus write at once (the pegawai must already exist)."""

    def __init__(
        self, ctx: UiContext, pegawai_id: str, status: Callable[[], str], tahun: int, *, read_only: bool
    ) -> None:
        super().__init__()
        self.ctx, self.pegawai_id, self.status = ctx, pegawai_id, status
        self.model = PelatihanModel(self)
        self.model.sort_column, self.model.sort_order = 2, Qt.SortOrder.DescendingOrder
        self.table = make_table(self.model)
        tanggal = "00-00-0000"
        set_widths(
            self.table, ("", "", tanggal, tanggal, "JP__", ""), {0: (3, 180), 1: (2, 120), 5: (1.5, 110)}
        )
        self.table.activated.connect(self.on_edit_button_clicked)
        self.tahun = QSpinBox(minimum=2000, maximum=date.today().year + 1, value=tahun)
        self.tahun.valueChanged.connect(self.show_jp)
        self.jp_label = QLabel(wordWrap=True)
        self.add_button = QPushButton("Tambah pelatihan…", clicked=self.on_add_button_clicked)
        self.edit_button = QPushButton("Ubah…", clicked=self.on_edit_button_clicked)
        self.delete_button = QPushButton("Hapus", clicked=self.on_delete_button_clicked)
        top = QHBoxLayout()
        top.addWidget(QLabel("Tahun"))
        top.addWidget(self.tahun)
        top.addWidget(self.jp_label, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
            button.setEnabled(not read_only)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.read_only = read_only
        self.refresh()

    def refresh(self) -> None:
        rows = ops.look(self, lambda s, a: pelatihan.list_pelatihan(s, a, self.pegawai_id))
        if rows:
            self.model.set_rows(rows.value)
            self.show_jp()

    def show_jp(self) -> None:
        tahun = self.tahun.value()
        jp = sum(r.data.jp for r in self.model.rows if r.data.tanggal_mulai.year == tahun)
        text, ok = ringkasan_jp(jp, self.status(), tahun)
        self.jp_label.setText(text)
        self.jp_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def selected(self) -> PelatihanRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def on_add_button_clicked(self) -> None:
        if PelatihanDialog(self.ctx, self.pegawai_id, None, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def on_edit_button_clicked(self) -> None:
        row = self.selected()
        if row is None or self.read_only:
            return
        if PelatihanDialog(self.ctx, self.pegawai_id, row, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def on_delete_button_clicked(self) -> None:
        row = self.selected()
        if row is None or not ask_yes_no(self, f"Hapus pelatihan '{row.data.nama}'?"):
            return
        ops.act(self, lambda s, a: pelatihan.delete_pelatihan(s, a, row.id, revisi=row.revisi))
        self.refresh()  # also after a refusal: the list shows what is stored
