"""The indicator dialog: aspek, IKI text, and a target as a number, a range or a text with its satuan."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.skp import Aspek, IndikatorInput, IndikatorView
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.rules.angka import format_angka, parse_angka
from kinerja_desktop.core.validation.tables import max_length
from kinerja_desktop.ui.common.forms import FormDialog, LengthCounter, TeksEdit
from kinerja_desktop.ui.common.widgets import FieldNote, with_note


def _batas(line: QLineEdit, kolom: str, label: str) -> Decimal | None:
    """The number typed in ``line`` ("1.500" is 1500), None when empty; a refused one gets the focus."""
    if not line.text().strip():
        return None
    try:
        return parse_angka(line.text(), kolom=kolom, label=label)
    except ValidationError:
        line.setFocus()
        raise


TARGET_JENIS = (("angka", "Angka"), ("rentang", "Rentang min – maks"), ("teks", "Teks"))


class IndikatorDialog(FormDialog):
    """Aspek, IKI text, and a target as a number, a range or a text, with its satuan."""

    def __init__(self, parent: QWidget | None, awal: IndikatorView | None = None) -> None:
        super().__init__(parent, "Ubah indikator" if awal else "Tambah indikator")
        self.value_: IndikatorInput | None = None
        self.aspek = QComboBox()
        for a in Aspek:
            self.aspek.addItem(a.label, a.value)
        self.aspek.setCurrentIndex(max(0, self.aspek.findData(awal.aspek if awal else "")))
        self.teks = TeksEdit(awal.teks if awal else "", lines=3)
        self.teks.enter.connect(self.accept)
        self.counter = LengthCounter(self.teks, Batas.INDIKATOR)
        self.jenis_target = QButtonGroup(self)
        target_row = QHBoxLayout()
        for n, (_code, label) in enumerate(TARGET_JENIS):
            radio = QRadioButton(label)
            self.jenis_target.addButton(radio, n)
            target_row.addWidget(radio)
        target_row.addStretch()
        self.minimum = QLineEdit(placeholderText="mis. 12 atau 1.500")
        self.maksimum = QLineEdit(placeholderText="maks.")
        self.satuan = QLineEdit(placeholderText="mis. dokumen, %, laporan")
        self.target_teks = QLineEdit(placeholderText="mis. Sesuai SOP")
        self.satuan.setMaxLength(max_length("indikator", "satuan"))
        self.target_teks.setMaxLength(max_length("indikator", "target_teks"))
        for line in (self.minimum, self.maksimum, self.satuan, self.target_teks):
            line.returnPressed.connect(self.accept)
        angka_row = QHBoxLayout()
        angka_row.addWidget(self.minimum)
        self.sampai = QLabel("sampai")
        angka_row.addWidget(self.sampai)
        angka_row.addWidget(self.maksimum)
        self.teks_note, self.target_note = FieldNote(), FieldNote()
        self.notes.update(teks=self.teks_note, target_min=self.target_note, target_maks=self.target_note)
        form = QFormLayout()
        form.addRow("Aspek", self.aspek)
        teks = QVBoxLayout()
        teks.addWidget(self.teks)
        teks.addWidget(self.counter)
        form.addRow("Indikator kinerja\nindividu (IKI)", with_note(teks, self.teks_note))
        form.addRow("Bentuk target", target_row)
        form.addRow("Target", with_note(angka_row, self.target_note))
        form.addRow("Satuan", self.satuan)
        form.addRow("Target (teks)", self.target_teks)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self._fill(awal)
        self.jenis_target.idToggled.connect(self.on_jenis_target_toggled)
        self.on_jenis_target_toggled()
        self.mark_clean()

    def _fill(self, awal: IndikatorView | None) -> None:
        jenis = 0
        if awal is not None:
            if awal.target_min is not None:
                self.minimum.setText(format_angka(awal.target_min))
                jenis = 0
            if awal.target_maks is not None:
                self.maksimum.setText(format_angka(awal.target_maks))
                jenis = 1
            if awal.target_min is None and awal.target_teks:
                jenis = 2
            self.satuan.setText(awal.satuan)
            self.target_teks.setText(awal.target_teks)
        self.jenis_target.button(jenis).setChecked(True)

    def on_jenis_target_toggled(self) -> None:
        jenis = self.jenis_target.checkedId()
        for widget in (self.minimum, self.satuan):
            widget.setEnabled(jenis in (0, 1))
        for shown in (self.maksimum, self.sampai):
            shown.setVisible(jenis == 1)
        self.minimum.setPlaceholderText("min." if jenis == 1 else "mis. 12 atau 1.500")
        self.target_teks.setEnabled(jenis == 2)

    def snapshot(self) -> object:
        return (
            self.aspek.currentData(),
            self.teks.text().strip(),
            self.jenis_target.checkedId(),
            self.minimum.text().strip(),
            self.maksimum.text().strip(),
            self.satuan.text().strip(),
            self.target_teks.text().strip(),
        )

    def check(self) -> bool:
        self.teks_note.clear_note()
        self.target_note.clear_note()
        teks = self.teks.text().strip()
        if not teks:
            self.teks_note.set_error("Tuliskan indikator kinerja individu.")
            self.teks.setFocus()
            return False
        jenis = self.jenis_target.checkedId()
        bawah = atas = None
        if jenis in (0, 1):
            try:
                bawah = _batas(self.minimum, "target_min", "Target" if jenis == 0 else "Batas bawah")
                atas = _batas(self.maksimum, "target_maks", "Batas atas") if jenis == 1 else None
            except ValidationError as exc:
                self.target_note.set_error(exc.pesan)
                return False
            if jenis == 1 and (bawah is None) != (atas is None):
                self.target_note.set_error("Isi batas bawah dan batas atas rentang.")
                return False
            if bawah is not None and atas is not None and bawah > atas:
                self.target_note.set_error("Batas bawah tidak boleh lebih besar dari batas atas.")
                return False
        satuan = self.satuan.text().strip() if jenis in (0, 1) else ""
        target_teks = self.target_teks.text().strip() if jenis == 2 else ""
        self.value_ = IndikatorInput(teks, self.aspek.currentData(), bawah, atas, satuan, target_teks)
        return True

    def value(self) -> IndikatorInput:
        assert self.value_ is not None
        return self.value_
