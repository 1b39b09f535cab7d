"""The Kepegawaian & Jabatan tab: status, golongan for that status, jabatan, unit and superiors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout

from kinerja_desktop.core.model.pegawai import PegawaiInput, PegawaiRow, StatusAktif
from kinerja_desktop.core.rules.jabatan import JenisJabatan, jenjang_untuk_jenis
from kinerja_desktop.core.rules.pangkat import PANGKAT_PNS, StatusKepegawaian, golongan_untuk_status
from kinerja_desktop.core.validation.tables import max_length
from kinerja_desktop.ui.common.unit_tree import UnitIndex
from kinerja_desktop.ui.common.widgets import HINT_STYLE, DateField, PegawaiPicker
from kinerja_desktop.ui.pegawai.form_identitas import FieldsTab

BELUM = "— belum diisi —"
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


def label_pegawai(row: PegawaiRow) -> str:
    """How a pegawai is offered in pickers: "Nama Lengkap — 198001012005011001"."""
    return f"{row.nama_lengkap} — {row.nip}"


def label_golongan(golongan: str) -> str:
    pangkat = PANGKAT_PNS.get(golongan)
    return f"{golongan} — {pangkat}" if pangkat else golongan


class KepegawaianTab(FieldsTab):
    """Fields whose choices depend on each other: status → golongan, jenis → jenjang, atasan → penilai."""

    def __init__(self, units: UnitIndex, rows: dict[str, PegawaiRow], pegawai_id: str | None) -> None:
        super().__init__()
        self.units, self.rows, self.pegawai_id = units, rows, pegawai_id
        self.status = QComboBox()
        for status in StatusKepegawaian:
            self.status.addItem(status.label, status.value)
        self.tmt_cpns = DateField()
        self.golongan = QComboBox()
        self.tmt_golongan = DateField()
        self.jabatan = QLineEdit(
            placeholderText="nama jabatan, misalnya Pranata Komputer Ahli Muda",
            maxLength=max_length("pegawai", "jabatan"),
        )
        self.jenis_jabatan = QComboBox()
        self.jenis_jabatan.addItem(BELUM, "")
        for jenis in JenisJabatan:
            self.jenis_jabatan.addItem(jenis.label, jenis.value)
        self.jenjang_jabatan = QComboBox()
        self.tmt_jabatan = DateField()
        self.unit = QComboBox()
        self.unit.setMaxVisibleItems(20)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(30)
        self.atasan = PegawaiPicker()
        self.penilai = QLabel(wordWrap=True, styleSheet=HINT_STYLE)
        self.add_row("Status kepegawaian", "status_kepegawaian", self.status)
        self.add_row("TMT CPNS", "tmt_cpns", self.tmt_cpns)
        self.add_row("Golongan", "golongan", self.golongan)
        self.add_row("TMT golongan", "tmt_golongan", self.tmt_golongan)
        self.add_row("Jabatan", "jabatan", self.jabatan)
        self.add_row("Jenis jabatan", "jenis_jabatan", self.jenis_jabatan)
        self.add_row("Jenjang", "jenjang_jabatan", self.jenjang_jabatan)
        self.add_row("TMT jabatan", "tmt_jabatan", self.tmt_jabatan)
        self.add_row("Unit kerja", "unit_kerja", self.unit)
        self.add_row("Pejabat penilai (atasan langsung)", "atasan", self.atasan)
        self.form.addRow("Atasan pejabat penilai", self.penilai)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch()
        self._fill_units(None)
        self._fill_atasan()
        self.status.currentIndexChanged.connect(self.on_status_changed)
        self.jenis_jabatan.currentIndexChanged.connect(self.on_jenis_changed)
        self.unit.currentIndexChanged.connect(self.on_unit_changed)
        self.atasan.changed.connect(self.on_atasan_changed)
        self.on_status_changed()
        self.on_jenis_changed()
        self.on_atasan_changed()

    # --- choices ----------------------------------------------------------------------------------
    def _fill_units(self, current: str | None) -> None:
        with QSignalBlocker(self.unit):
            self.unit.clear()
            self.unit.addItem("— pilih unit kerja —", None)
            for unit, _depth in self.units.walk():
                if unit.aktif or unit.id == current:
                    closed = "" if unit.aktif else " (ditutup)"
                    self.unit.addItem(f"{self.units.short_path(unit.id)}{closed}", unit.id)
                    self.unit.setItemData(self.unit.count() - 1, self.units.path(unit.id), _TOOLTIP)
            self.unit.setCurrentIndex(max(0, self.unit.findData(current)))

    def _fill_atasan(self) -> None:
        choices = [
            (r.id, label_pegawai(r))
            for r in self.rows.values()
            if r.status_aktif == StatusAktif.AKTIF.value and r.id != self.pegawai_id
        ]
        known = {r.id: label_pegawai(r) for r in self.rows.values()}
        self.atasan.set_choices(choices, known)

    def _set_combo(self, combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0 and value:
            combo.addItem(f"{value} (tidak berlaku)", value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    # --- load and read ------------------------------------------------------------------------------
    def load(self, data: PegawaiInput) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(data.status_kepegawaian)))
        self.tmt_cpns.set_value(data.tmt_cpns)
        self._set_combo(self.golongan, data.golongan)
        self.tmt_golongan.set_value(data.tmt_golongan)
        self.jabatan.setText(data.jabatan)
        self._set_combo(self.jenis_jabatan, data.jenis_jabatan)
        self._set_combo(self.jenjang_jabatan, data.jenjang_jabatan)
        self.tmt_jabatan.set_value(data.tmt_jabatan)
        self._fill_units(data.unit_kerja_id)
        self.atasan.set_value(data.atasan_id)

    def values(self) -> dict[str, Any]:
        return {
            "status_kepegawaian": self.status.currentData(),
            "tmt_cpns": self.tmt_cpns.value(),
            "golongan": self.golongan.currentData() or "",
            "tmt_golongan": self.tmt_golongan.value(),
            "jabatan": self.jabatan.text(),
            "jenis_jabatan": self.jenis_jabatan.currentData() or "",
            "jenjang_jabatan": self.jenjang_jabatan.currentData() or "",
            "tmt_jabatan": self.tmt_jabatan.value(),
            "unit_kerja_id": self.unit.currentData(),
            "atasan_id": self.atasan.value(),
        }

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.atasan.setEnabled(True)
        self.atasan.setReadOnly(read_only)
        if not read_only:
            self.on_jenis_changed()

    # --- reactions ----------------------------------------------------------------------------------
    def on_status_changed(self) -> None:
        """PNS and CPNS choose I/a … IV/e with pangkat names, PPPK I … XVII; a still-valid choice stays."""
        status = StatusKepegawaian(self.status.currentData())
        current = self.golongan.currentData() or ""
        with QSignalBlocker(self.golongan):
            self.golongan.clear()
            self.golongan.addItem(BELUM, "")
            for golongan in golongan_untuk_status(status):
                self.golongan.addItem(label_golongan(golongan), golongan)
            self.golongan.setCurrentIndex(max(0, self.golongan.findData(current)))
        self.tmt_cpns.setEnabled(status is not StatusKepegawaian.PPPK and self.status.isEnabled())

    def on_jenis_changed(self) -> None:
        """Jenjang only for jabatan fungsional, with the levels of that kind."""
        code = self.jenis_jabatan.currentData() or ""
        try:
            jenjang = jenjang_untuk_jenis(JenisJabatan(code))
        except ValueError:
            jenjang = ()
        current = self.jenjang_jabatan.currentData() or ""
        with QSignalBlocker(self.jenjang_jabatan):
            self.jenjang_jabatan.clear()
            self.jenjang_jabatan.addItem("— tidak ada —" if not jenjang else BELUM, "")
            for level in jenjang:
                self.jenjang_jabatan.addItem(level.label, level.value)
            self.jenjang_jabatan.setCurrentIndex(max(0, self.jenjang_jabatan.findData(current)))
        self.jenjang_jabatan.setEnabled(bool(jenjang) and self.jenis_jabatan.isEnabled())

    def on_unit_changed(self) -> None:
        """With no superior chosen yet, suggest the head of the unit (or of its parent for the head)."""
        unit_id = self.unit.currentData()
        if self.atasan.value() is not None or self.atasan.is_unmatched() or unit_id is None:
            return
        cursor: str | None = unit_id
        while cursor in self.units.by_id:
            unit = self.units.by_id[cursor]
            kepala = unit.kepala_id
            if kepala and kepala != self.pegawai_id and kepala in self.rows:
                self.atasan.set_value(kepala)
                return
            cursor = unit.induk_id

    def on_atasan_changed(self) -> None:
        """Show the derived atasan pejabat penilai: the superior's own superior."""
        atasan = self.rows.get(self.atasan.value() or "")
        penilai = self.rows.get(atasan.atasan_id or "") if atasan else None
        if atasan is None:
            self.penilai.setText("— (otomatis: atasan dari pejabat penilai)")
        elif penilai is None:
            self.penilai.setText(f"— ({atasan.nama_lengkap} belum memiliki atasan)")
        else:
            self.penilai.setText(f"{penilai.nama_lengkap} — {penilai.jabatan or 'tanpa jabatan'}")
