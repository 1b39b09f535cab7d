"""The Identitas and Kontak tabs of the pegawai form."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kinerja_desktop.core.model.pegawai import PegawaiInput
from kinerja_desktop.core.rules.nip import format_nip
from kinerja_desktop.core.services.pegawai.check import jenis_nip_untuk
from kinerja_desktop.core.validation.tables import max_length
from kinerja_desktop.ui.common.widgets import DateField, FieldNote, with_note
from kinerja_desktop.ui.pegawai.photo import FotoBox


class FieldsTab(QWidget):
    """A tab of labelled fields, each with a note line for its problems (keyed by the service's kolom)."""

    def __init__(self) -> None:
        super().__init__()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.notes: dict[str, FieldNote] = {}
        self.fields: dict[str, QWidget] = {}

    def add_row(self, label: str, kolom: str, field: QWidget) -> None:
        note = FieldNote()
        self.notes[kolom] = note
        self.fields[kolom] = field
        self.form.addRow(label, with_note(field, note))

    def order(self) -> list[QWidget]:
        """The fields in Tab order (a date is its checkbox, then the date)."""
        return [w for f in self.fields.values() for w in (f.chain() if isinstance(f, DateField) else [f])]

    def set_read_only(self, read_only: bool) -> None:
        for field in self.fields.values():
            if isinstance(field, QLineEdit):
                field.setReadOnly(read_only)
            else:
                field.setEnabled(not read_only)


class IdentitasTab(FieldsTab):
    """NIP, name with titles, birth, gender and the photo."""

    def __init__(self) -> None:
        super().__init__()
        self.nip = QLineEdit(placeholderText="18 digit, misalnya 19860926 201505 1 001", maxLength=30)
        self.gelar_depan = QLineEdit(
            placeholderText="misalnya Drs. atau Hj.", maxLength=max_length("pegawai", "gelar_depan")
        )
        self.nama = QLineEdit(placeholderText="nama tanpa gelar", maxLength=max_length("pegawai", "nama"))
        self.gelar_belakang = QLineEdit(
            placeholderText="misalnya S.Kom., M.Si.", maxLength=max_length("pegawai", "gelar_belakang")
        )
        self.tempat_lahir = QLineEdit(maxLength=max_length("pegawai", "tempat_lahir"))
        self.tanggal_lahir = DateField()
        self.jenis_kelamin = QComboBox()
        for label, code in (("— belum diisi —", ""), ("Laki-laki", "L"), ("Perempuan", "P")):
            self.jenis_kelamin.addItem(label, code)
        self.add_row("NIP / NI PPPK", "nip", self.nip)
        self.add_row("Gelar depan", "gelar_depan", self.gelar_depan)
        self.add_row("Nama", "nama", self.nama)
        self.add_row("Gelar belakang", "gelar_belakang", self.gelar_belakang)
        self.add_row("Tempat lahir", "tempat_lahir", self.tempat_lahir)
        self.add_row("Tanggal lahir", "tanggal_lahir", self.tanggal_lahir)
        self.add_row("Jenis kelamin", "jenis_kelamin", self.jenis_kelamin)
        self.foto = FotoBox()
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addStretch()
        layout.addLayout(left, 1)
        layout.addSpacing(12)
        layout.addWidget(self.foto)

    def load(self, data: PegawaiInput) -> None:
        self.nip.setText(format_nip(data.nip, jenis_nip_untuk(data.status_kepegawaian)))
        for name in ("gelar_depan", "nama", "gelar_belakang", "tempat_lahir"):
            getattr(self, name).setText(getattr(data, name))
        self.tanggal_lahir.set_value(data.tanggal_lahir)
        self.jenis_kelamin.setCurrentIndex(max(0, self.jenis_kelamin.findData(data.jenis_kelamin)))

    def values(self) -> dict[str, Any]:
        return {
            "nip": self.nip.text(),
            "gelar_depan": self.gelar_depan.text(),
            "nama": self.nama.text(),
            "gelar_belakang": self.gelar_belakang.text(),
            "tempat_lahir": self.tempat_lahir.text(),
            "tanggal_lahir": self.tanggal_lahir.value(),
            "jenis_kelamin": self.jenis_kelamin.currentData() or "",
        }

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.foto.set_read_only(read_only)


class KontakTab(FieldsTab):
    """Email, telephone and address."""

    def __init__(self) -> None:
        super().__init__()
        self.email = QLineEdit(placeholderText="nama@contoh.go.id", maxLength=max_length("pegawai", "email"))
        self.telepon = QLineEdit(
            placeholderText="misalnya 0812 3456 7890", maxLength=max_length("pegawai", "telepon")
        )
        self.alamat = QLineEdit(placeholderText="alamat rumah", maxLength=max_length("pegawai", "alamat"))
        self.add_row("Surel (email)", "email", self.email)
        self.add_row("Telepon", "telepon", self.telepon)
        self.add_row("Alamat", "alamat", self.alamat)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch()

    def load(self, data: PegawaiInput) -> None:
        self.email.setText(data.email)
        self.telepon.setText(data.telepon)
        self.alamat.setText(data.alamat)

    def values(self) -> dict[str, Any]:
        return {"email": self.email.text(), "telepon": self.telepon.text(), "alamat": self.alamat.text()}
