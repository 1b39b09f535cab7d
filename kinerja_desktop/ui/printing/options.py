"""The print options beside the preview: date, place, paper, signer prefixes, Mengetahui, pangkat, kop."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.documents.options import PREFIX_PENANDATANGAN, OpsiCetak
from kinerja_desktop.ui.common.widgets import HINT_STYLE
from kinerja_desktop.ui.printing.signatures import TtdPindaian

KERTAS = (("F4 (215 × 330 mm)", "F4"), ("A4 (210 × 297 mm)", "A4"))


def _prefix() -> QComboBox:
    combo = QComboBox()
    for nilai in PREFIX_PENANDATANGAN:
        combo.addItem(nilai or "(tanpa)", nilai)
    return combo


class OpsiPanel(QWidget):
    """Every change emits ``changed``; ``value()`` is the options to print with."""

    changed = Signal()

    def __init__(self, awal: OpsiCetak, parent: QWidget | None = None, *, boleh_ttd: bool = False) -> None:
        super().__init__(parent)
        self.awal = awal
        self.ttd = TtdPindaian(boleh_ttd)
        self.tanggal = QDateEdit(calendarPopup=True, displayFormat="d MMMM yyyy")
        kalender = self.tanggal.calendarWidget()
        kalender.setGridVisible(True)
        self.tanggal.setDate(QDate(awal.tanggal.year, awal.tanggal.month, awal.tanggal.day))
        self.tanggal.setToolTip("Tanggal pada baris tempat dan tanggal tanda tangan")
        self._bulan_indonesia()
        self.tempat = QLineEdit(awal.tempat, placeholderText="mis. Plaju")
        self.kertas = QComboBox()
        for label, kode in KERTAS:
            self.kertas.addItem(label, kode)
        self.kertas.setCurrentIndex(max(self.kertas.findData(awal.kertas), 0))
        self.prefix_pegawai, self.prefix_penilai, self.prefix_atasan = _prefix(), _prefix(), _prefix()
        self.mengetahui = QCheckBox("Blok \u201cMengetahui\u201d atasan pejabat penilai")
        self.pangkat = QCheckBox("Pangkat di bawah nama penanda tangan")
        self.kop = QCheckBox("Kop surat (nama instansi dan kantor)", checked=awal.cetak_kop)
        self.kop.setEnabled(awal.kop is not None)
        self._build_layout()
        self.tanggal.dateChanged.connect(self.changed)
        self.tempat.editingFinished.connect(self.on_tempat_finished)
        for combo in (self.kertas, self.prefix_pegawai, self.prefix_penilai, self.prefix_atasan):
            combo.currentIndexChanged.connect(self.changed)
        for check in (self.mengetahui, self.pangkat, self.kop):
            check.toggled.connect(self.changed)
        self.ttd.changed.connect(self.changed)
        self._tempat_terakhir = awal.tempat

    def _bulan_indonesia(self) -> None:
        """Month names in Indonesian whatever the system locale (Qt ships no translation here)."""
        from PySide6.QtCore import QLocale

        self.tanggal.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))

    def _build_layout(self) -> None:
        umum = QFormLayout()
        umum.addRow("Tanggal", self.tanggal)
        umum.addRow("Tempat", self.tempat)
        umum.addRow("Kertas", self.kertas)
        ttd = QGroupBox("Penanda tangan (Plt./Plh.)")
        form = QFormLayout(ttd)
        form.addRow("Pegawai", self.prefix_pegawai)
        form.addRow("Pejabat penilai", self.prefix_penilai)
        form.addRow("Atasan penilai", self.prefix_atasan)
        catatan = QLabel(
            "Plt./Plh. ditulis di depan jabatan penanda tangan. Tanda tangan dibubuhkan basah "
            "setelah dicetak.",
            wordWrap=True,
            styleSheet=HINT_STYLE,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(umum)
        layout.addWidget(ttd)
        for w in (self.mengetahui, self.pangkat, self.kop, self.ttd, catatan):
            layout.addWidget(w)
        layout.addStretch(1)

    def on_tempat_finished(self) -> None:
        if self.tempat.text().strip() != self._tempat_terakhir:
            self._tempat_terakhir = self.tempat.text().strip()
            self.changed.emit()

    def value(self) -> OpsiCetak:
        d = self.tanggal.date()
        return replace(
            self.awal,
            tanggal=date(d.year(), d.month(), d.day()),
            tempat=self.tempat.text().strip() or self.awal.tempat,
            kertas=str(self.kertas.currentData()),
            prefix_pegawai=str(self.prefix_pegawai.currentData()),
            prefix_penilai=str(self.prefix_penilai.currentData()),
            prefix_atasan=str(self.prefix_atasan.currentData()),
            tampilkan_mengetahui=self.mengetahui.isChecked(),
            tampilkan_pangkat=self.pangkat.isChecked(),
            cetak_kop=self.kop.isChecked() and self.awal.kop is not None,
            ttd_pegawai=self.ttd.gambar("pegawai"),
            ttd_penilai=self.ttd.gambar("penilai"),
            ttd_atasan=self.ttd.gambar("atasan"),
        )
