"""Dialogs of the SKP list: pendekatan for a new SKP, drafts for a unit, and what the drafts run did."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.skp import HasilDraft, Pendekatan, SkpInput
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.ui.common.forms import FormDialog, tombol
from kinerja_desktop.ui.common.screen import fit_to_screen
from kinerja_desktop.ui.common.unit_tree import UnitIndex
from kinerja_desktop.ui.common.widgets import HINT_STYLE

PENDEKATAN = {
    Pendekatan.KUANTITATIF.value: (
        "Kuantitatif",
        "Hasil kerja diukur dengan target angka (jumlah, persentase, waktu); lazim untuk kebanyakan jabatan.",
    ),
    Pendekatan.KUALITATIF.value: (
        "Kualitatif",
        "Hasil kerja diukur dengan uraian mutu yang disepakati dengan pejabat penilai.",
    ),
}


class PendekatanDialog(QDialog):
    """Which approach the new SKP takes (chosen once, when the SKP is created)."""

    def __init__(self, parent: QWidget | None, nama: str, tahun: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Buat SKP {tahun}")
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(f"SKP tahun {tahun} untuk <b>{nama}</b>, periode 1 Januari s.d. 31 Desember.")
        )
        layout.addWidget(QLabel("Pendekatan hasil kerja:"))
        for n, (code, (label, keterangan)) in enumerate(PENDEKATAN.items()):
            radio = QRadioButton(label)
            radio.setProperty("kode", code)
            radio.setChecked(n == 0)
            self.group.addButton(radio, n)
            layout.addWidget(radio)
            hint = QLabel(keterangan, wordWrap=True, styleSheet=HINT_STYLE)
            hint.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(hint)
        buttons = tombol("Buat SKP")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def value(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("kode")) if checked is not None else Pendekatan.KUANTITATIF.value


class DrafUnitDialog(QDialog):
    """The unit (and whether its sub-units too) whose pegawai get a draft SKP for the year."""

    def __init__(self, parent: QWidget | None, units: UnitIndex, unit_id: str | None, tahun: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Buat draf SKP {tahun} untuk unit")
        self.unit = QComboBox()
        for unit, depth in units.walk():
            if unit.aktif:
                self.unit.addItem("    " * depth + unit.nama, unit.id)
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit_id)))
        self.sub_unit = QCheckBox("Termasuk semua sub-unit", checked=True)
        self.copy_check = QCheckBox(f"Isi dengan RHK, indikator dan lampiran SKP {tahun - 1} bila ada")
        form = QFormLayout()
        form.addRow("Unit kerja", self.unit)
        form.addRow("", self.sub_unit)
        form.addRow("", self.copy_check)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"Setiap pegawai aktif di unit ini yang belum memiliki SKP {tahun} dibuatkan draf SKP "
                "dengan pejabat penilai dari atasan langsungnya. Pegawai yang sudah memiliki SKP dilewati.",
                wordWrap=True,
            )
        )
        layout.addLayout(form)
        buttons = tombol("Buat draf")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def value(self) -> tuple[str, bool, bool]:
        return str(self.unit.currentData()), self.sub_unit.isChecked(), self.copy_check.isChecked()


class HasilDraftDialog(QDialog):
    """Who got a draft and who was skipped, with the reason."""

    def __init__(self, parent: QWidget | None, hasil: HasilDraft, nama: dict[str, str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hasil pembuatan draf SKP")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{format_angka(len(hasil.dibuat))} draf dibuat</b>"))
        self.dibuat = QListWidget()
        self.dibuat.addItems(sorted(nama.get(pid, pid) for pid in hasil.dibuat))
        layout.addWidget(self.dibuat, 1)
        layout.addWidget(QLabel(f"<b>{format_angka(len(hasil.dilewati))} pegawai dilewati</b>"))
        self.dilewati = QListWidget(wordWrap=True)
        self.dilewati.addItems([f"{d.nama} — {d.alasan}" for d in hasil.dilewati])
        layout.addWidget(self.dilewati, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 480)


class HeaderDialog(FormDialog):
    """Periode penilaian (within the SKP's year) and pendekatan of a draft SKP; stays open with the
    dates chosen when they are refused."""

    def __init__(self, parent: QWidget | None, tahun: int, awal: date, akhir: date, pendekatan: str) -> None:
        super().__init__(parent, f"Periode dan pendekatan SKP {tahun}")
        self.awal = QDateEdit(awal, calendarPopup=True, displayFormat="dd-MM-yyyy")
        self.akhir = QDateEdit(akhir, calendarPopup=True, displayFormat="dd-MM-yyyy")
        for edit in (self.awal, self.akhir):
            edit.setDateRange(date(tahun, 1, 1), date(tahun, 12, 31))
        self.pendekatan = QComboBox()
        for code, (label, _keterangan) in PENDEKATAN.items():
            self.pendekatan.addItem(label, code)
        self.pendekatan.setCurrentIndex(max(0, self.pendekatan.findData(pendekatan)))
        form = QFormLayout(self)
        form.addRow("Periode awal", self.awal)
        form.addRow("Periode akhir", self.akhir)
        form.addRow("Pendekatan", self.pendekatan)
        hint = "Biasanya 1 Januari s.d. 31 Desember; ubah bila pegawai mulai atau berhenti di tengah tahun."
        form.addRow(QLabel(hint, wordWrap=True, styleSheet=HINT_STYLE))
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.mark_clean()

    def snapshot(self) -> object:
        return self.data()

    def data(self) -> SkpInput:
        return SkpInput(
            cast(date, self.awal.date().toPython()),
            cast(date, self.akhir.date().toPython()),
            str(self.pendekatan.currentData()),
        )
