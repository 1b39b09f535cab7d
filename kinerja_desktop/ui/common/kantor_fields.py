"""The office identity fields, worded alike in the first-run wizard and on the Kantor page."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLayout, QLineEdit, QPlainTextEdit, QWidget

from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.validation.tables import max_length

KERTAS_LABEL = {"F4": "F4 (215 × 330 mm)", "A4": "A4 (210 × 297 mm)"}
RITME_LABEL = {"triwulan": "Triwulanan (4 kali setahun)", "bulanan": "Bulanan (12 kali setahun)"}


class IsianKantor:
    """Name, code, agency, place, address, phone, e-mail, paper and rhythm of an office.

    Mixed into the widget that shows them: ``make_kantor_fields`` makes the fields, ``fill_form`` lays
    them out.
    """

    nama: QLineEdit
    kode: QLineEdit
    instansi: QLineEdit
    tempat: QLineEdit
    alamat: QPlainTextEdit
    telepon: QLineEdit
    email: QLineEdit
    kertas: QComboBox
    ritme: QComboBox

    def make_kantor_fields(self) -> None:
        self.nama = QLineEdit(placeholderText="mis. Kecamatan Plaju")
        self.kode = QLineEdit(placeholderText="mis. PLJ (singkat, tidak bisa diubah nanti)")
        self.kode.setMaxLength(20)
        self.instansi = QLineEdit(placeholderText="mis. Pemerintah Kota Palembang")
        self.tempat = QLineEdit(placeholderText="kota/tempat pada baris tanda tangan, mis. Plaju")
        for kolom in ("nama", "instansi", "tempat"):
            getattr(self, kolom).setMaxLength(max_length("kantor", kolom))
        self.alamat = QPlainTextEdit()
        self.alamat.setFixedHeight(60)
        self.alamat.setTabChangesFocus(True)
        self.telepon = QLineEdit()
        self.email = QLineEdit(placeholderText="mis. kecamatan.plaju@palembang.go.id")
        self.telepon.setMaxLength(max_length("kantor", "telepon"))
        self.email.setMaxLength(max_length("kantor", "email"))
        self.kertas = QComboBox()
        for code in kantor.KERTAS:
            self.kertas.addItem(KERTAS_LABEL.get(code, code), code)
        self.ritme = QComboBox()
        for code in kantor.RITME:
            self.ritme.addItem(RITME_LABEL.get(code, code), code)

    def fill_form(self, form: QFormLayout, kode: QWidget | QLayout) -> None:
        """Add the rows in their order; ``kode`` is the code field as this form shows it. * = required."""
        form.addRow("Nama kantor *", self.nama)
        form.addRow("Kode kantor *", kode)
        form.addRow("Instansi", self.instansi)
        form.addRow("Tempat (kota/kecamatan) *", self.tempat)
        form.addRow("Alamat", self.alamat)
        form.addRow("Telepon", self.telepon)
        form.addRow("E-mail", self.email)
        form.addRow("Ukuran kertas", self.kertas)
        form.addRow("Ritme penilaian", self.ritme)
