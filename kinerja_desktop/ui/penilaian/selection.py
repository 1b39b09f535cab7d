"""What the grid shows: unit (with or without its sub-units), year, period, and a penilai's own staff."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget
from sqlalchemy.orm import Session

from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, CapaianRow, DistribusiUnit
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.services.evaluasi import capaian
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.services.unit_kerja import UnitRow
from kinerja_desktop.ui.common.period_bar import PeriodeBar
from kinerja_desktop.ui.common.unit_tree import UnitIndex, totals_with_children

_TOOLTIP = Qt.ItemDataRole.ToolTipRole


@dataclass(frozen=True)
class Pilihan:
    unit_id: str | None
    tahun: int
    kode: str
    sub_unit: bool
    bawahan: bool


#: What the page reads for a choice: the grid rows, the unit's distribution and its capaian.
Bacaan = tuple[list[BarisEvaluasi], DistribusiUnit, CapaianRow | None]


def read_selection(session: Session, actor: Actor, p: Pilihan) -> Bacaan:
    """What the page shows for a choice: the grid rows, the unit's distribution and its capaian."""
    assert p.unit_id is not None
    rows = evaluasi_unit.grid_unit(
        session, actor, p.unit_id, p.tahun, p.kode, termasuk_sub_unit=p.sub_unit, hanya_bawahan=p.bawahan
    )
    dist = evaluasi_unit.distribusi_unit(session, actor, p.unit_id, p.tahun, p.kode)
    found = capaian.list_capaian(session, actor, [p.unit_id], p.tahun, p.kode)
    return rows, dist, found[0] if found else None


class PilihanBar(QWidget):
    """``changed`` fires when any choice changes; ``units`` keeps the tree for names and paths."""

    changed = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units = UnitIndex([])
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(22)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setToolTip("Unit kerja yang dinilai (jumlah pegawai aktif termasuk sub-unit)")
        self.sub_unit = QCheckBox("Termasuk sub-unit", checked=True)
        self.periode = PeriodeBar()
        self.bawahan = QCheckBox("Hanya bawahan saya", checked=actor.peran is Peran.PENILAI)
        self.bawahan.setToolTip("Hanya pegawai yang atasan langsungnya Anda")
        self.punya_bawahan = actor.pegawai_id is not None
        self.bawahan.setVisible(self.punya_bawahan)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Unit"))
        layout.addWidget(self.unit)
        layout.addWidget(self.sub_unit)
        layout.addSpacing(8)
        layout.addWidget(self.periode)
        self.unit.currentIndexChanged.connect(self.on_changed)
        self.sub_unit.toggled.connect(self.on_changed)
        self.periode.changed.connect(self.on_changed)
        self.bawahan.toggled.connect(self.on_changed)

    def set_units(self, rows: list[UnitRow]) -> None:
        """Offer the open units in tree order, indented; keep the chosen one (else the top unit)."""
        chosen = self.unit_id()
        self.units = UnitIndex(rows)
        totals = totals_with_children(self.units, {u.id: u.jumlah_pegawai for u in rows})
        with QSignalBlocker(self.unit):
            self.unit.clear()
            for unit, depth in self.units.walk():
                jumlah = format_angka(totals.get(unit.id, 0))
                self.unit.addItem(f"{'    ' * depth}{unit.nama} ({jumlah})", unit.id)
                self.unit.setItemData(self.unit.count() - 1, self.units.path(unit.id), _TOOLTIP)
            self.unit.setCurrentIndex(max(self.unit.findData(chosen), 0) if chosen else 0)

    def set_periode(self, pilihan: list[Periode]) -> None:
        self.periode.set_periode(pilihan)

    def unit_id(self) -> str | None:
        value = self.unit.currentData()
        return str(value) if value else None

    def unit_nama(self) -> str:
        unit = self.units.by_id.get(self.unit_id() or "")
        return unit.nama if unit else ""

    def value(self) -> Pilihan:
        tahun, kode = self.periode.value()
        bawahan = self.punya_bawahan and self.bawahan.isChecked()
        return Pilihan(self.unit_id(), tahun, kode, self.sub_unit.isChecked(), bawahan)

    def select(self, unit_id: str | None, tahun: int | None = None, kode: str | None = None) -> None:
        """Choose without emitting ``changed`` (the caller loads once afterwards)."""
        blockers = [QSignalBlocker(w) for w in (self.unit, self.periode.tahun, self.periode.periode)]
        if unit_id is not None:
            self.unit.setCurrentIndex(max(self.unit.findData(unit_id), 0))
        if tahun is not None:
            self.periode.tahun.setValue(tahun)
        if kode is not None:
            self.periode.periode.setCurrentIndex(max(self.periode.periode.findData(kode), 0))
        del blockers

    def on_changed(self) -> None:
        self.changed.emit()
