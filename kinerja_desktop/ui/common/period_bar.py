"""Year and period chooser shared by the realisation and monitoring pages (the office's rhythm)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from kinerja_desktop.core.rules.periode import Periode


def periode_sekarang(pilihan: list[Periode], hari: date) -> str:
    """The code of the period containing ``hari`` (the first one when none does)."""
    for p in pilihan:
        if p.memuat(hari.year, hari):
            return p.kode
    return pilihan[0].kode if pilihan else ""


class PeriodeBar(QWidget):
    """ "Tahun [2026]  Periode [Triwulan IV]"; ``changed`` fires when either changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tahun = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.tahun.setToolTip("Tahun SKP")
        self.periode = QComboBox()
        self.periode.setMinimumContentsLength(12)
        self.periode.setToolTip("Periode sesuai ritme kantor (pengaturan Kantor)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Tahun"))
        layout.addWidget(self.tahun)
        layout.addSpacing(8)
        layout.addWidget(QLabel("Periode"))
        layout.addWidget(self.periode)
        self.tahun.valueChanged.connect(self.on_value_changed)
        self.periode.currentIndexChanged.connect(self.on_value_changed)

    def set_periode(self, pilihan: list[Periode], hari: date | None = None) -> None:
        """Offer ``pilihan``; keep the chosen period when still offered, else the one containing today."""
        current = self.kode() or periode_sekarang(pilihan, hari or date.today())
        with QSignalBlocker(self.periode):
            self.periode.clear()
            for p in pilihan:
                self.periode.addItem(p.label, p.kode)
            found = self.periode.findData(current)
            if found < 0:
                found = self.periode.findData(periode_sekarang(pilihan, hari or date.today()))
            self.periode.setCurrentIndex(max(found, 0))

    def pilih(self, tahun: int | None, kode: str | None) -> None:
        """Choose a year and an offered period without emitting ``changed`` (None keeps the choice)."""
        with QSignalBlocker(self.tahun), QSignalBlocker(self.periode):
            if tahun is not None:
                self.tahun.setValue(tahun)
            found = self.periode.findData(kode) if kode else -1
            if found >= 0:
                self.periode.setCurrentIndex(found)

    def kode(self) -> str:
        value = self.periode.currentData()
        return str(value) if value else ""

    def label(self) -> str:
        return self.periode.currentText()

    def value(self) -> tuple[int, str]:
        return self.tahun.value(), self.kode()

    def on_value_changed(self) -> None:
        self.changed.emit()
