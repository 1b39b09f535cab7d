"""Typing in a past position or golongan of a long-serving pegawai, saved at once when it checks out."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.rules.jabatan import JenisJabatan
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.pegawai.riwayat import (
    RiwayatJabatanInput,
    RiwayatPangkatInput,
    add_riwayat_jabatan,
    add_riwayat_pangkat,
)
from kinerja_desktop.core.validation.tables import max_length
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import tombol
from kinerja_desktop.ui.common.widgets import DateField, FieldNote, with_note


class _RiwayatDialog(QDialog):
    """Fields, a note beside each, Simpan/Batal; Simpan writes in one transaction and closes once saved."""

    def __init__(self, ctx: UiContext, pegawai_id: str, judul: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self.setMinimumWidth(520)
        self.ctx, self.pegawai_id = ctx, pegawai_id
        self.form = QFormLayout()
        self.notes: dict[str, FieldNote] = {}
        self.error = FieldNote()
        buttons = tombol("Simpan")
        buttons.accepted.connect(self.on_save_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_row(self, label: str, kolom: str, field: QWidget) -> None:
        self.notes[kolom] = FieldNote()
        self.form.addRow(label, with_note(field, self.notes[kolom]))

    def write(self, session: Session, actor: Actor) -> None:
        raise NotImplementedError

    def on_save_button_clicked(self) -> None:
        for note in (*self.notes.values(), self.error):
            note.clear_note()
        if ops.act(self, self.write, notes=self.notes, message=self.error):
            self.accept()


class RiwayatJabatanDialog(_RiwayatDialog):
    """A past position: name, kind, from (TMT) and until."""

    def __init__(self, ctx: UiContext, pegawai_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, pegawai_id, "Tambah riwayat jabatan", parent)
        self.jabatan = QLineEdit(
            placeholderText="misalnya Pengadministrasi Umum",
            maxLength=max_length("riwayat_jabatan", "jabatan"),
        )
        self.jenis = QComboBox()
        self.jenis.addItem("—", "")
        for jenis in JenisJabatan:
            self.jenis.addItem(jenis.label, jenis.value)
        self.tmt = DateField(optional=False)
        self.sampai = DateField(optional=False)
        self.keterangan = QLineEdit(placeholderText="misalnya di Dinas Kependudukan, SK nomor …")
        self.add_row("Jabatan", "jabatan", self.jabatan)
        self.add_row("Jenis jabatan", "jenis_jabatan", self.jenis)
        self.add_row("TMT jabatan", "tmt", self.tmt)
        self.add_row("Sampai", "sampai", self.sampai)
        self.add_row("Keterangan", "keterangan", self.keterangan)
        self.tmt.set_value(date(date.today().year - 5, 1, 1))
        self.sampai.set_value(date(date.today().year - 1, 1, 1))
        self.jabatan.setFocus()

    def write(self, session: Session, actor: Actor) -> None:
        data = RiwayatJabatanInput(
            self.jabatan.text(),
            self.tmt.value(),
            self.sampai.value(),
            self.jenis.currentData() or "",
            self.keterangan.text(),
        )
        add_riwayat_jabatan(session, actor, self.pegawai_id, data)


class RiwayatPangkatDialog(_RiwayatDialog):
    """A past golongan with its TMT and SK."""

    def __init__(self, ctx: UiContext, pegawai_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, pegawai_id, "Tambah riwayat pangkat/golongan", parent)
        self.golongan = QLineEdit(placeholderText="misalnya III/a, 3a atau Penata Muda")
        self.tmt = DateField(optional=False)
        self.nomor_sk = QLineEdit(maxLength=max_length("riwayat_pangkat", "nomor_sk"))
        self.keterangan = QLineEdit()
        self.add_row("Golongan", "golongan", self.golongan)
        self.add_row("TMT golongan", "tmt", self.tmt)
        self.add_row("Nomor SK", "nomor_sk", self.nomor_sk)
        self.add_row("Keterangan", "keterangan", self.keterangan)
        self.tmt.set_value(date(date.today().year - 4, 4, 1))
        self.golongan.setFocus()

    def write(self, session: Session, actor: Actor) -> None:
        data = RiwayatPangkatInput(
            self.golongan.text(), self.tmt.value(), self.nomor_sk.text(), self.keterangan.text()
        )
        add_riwayat_pangkat(session, actor, self.pegawai_id, data)
