"""The distribution curve as the regulation's annex draws it: pegawai per predikat, worst to best."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QLineSeries, QStackedBarSeries
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.ui.common.grafik import (
    URUTAN_SUMBU_X,
    WARNA_PREDIKAT,
    ChartView,
    LabelNilai,
    chart_baru,
    gaya_sumbu,
    huruf,
    isi_sumbu,
    label_predikat,
    pena_kurva,
    sumbu_nilai,
    titik_kurva,
)

#: Kept for the callers that lay out around the chart (its smallest comfortable size).
SUMBU_X = URUTAN_SUMBU_X
LEBAR, TINGGI = 340, 240
KOSONG = "Belum ada predikat"


class KurvaDistribusi(ChartView):
    """Bars of pegawai per predikat (each in its predikat's colour, the count under its name) and the
    dashed curve through their tops; ``set_jumlah`` updates them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart_ = chart_baru()
        super().__init__(self.chart_, parent)
        self.setMinimumSize(LEBAR, TINGGI)
        self.setToolTip("Kurva distribusi predikat kinerja pegawai (lampiran SE MenPANRB 3/2023)")
        self.chart_.legend().hide()
        self.chart_.setTitleFont(huruf(-1))
        self.batang = QStackedBarSeries()
        self.batang.setBarWidth(0.64)
        self.set_batang: dict[Predikat, QBarSet] = {}
        for predikat in URUTAN_SUMBU_X:
            bar_set = QBarSet(predikat.label)
            bar_set.append([0.0] * len(URUTAN_SUMBU_X))
            bar_set.setColor(WARNA_PREDIKAT[predikat])
            bar_set.setBorderColor(WARNA_PREDIKAT[predikat])
            self.batang.append(bar_set)
            self.set_batang[predikat] = bar_set
        self.kurva = QLineSeries()
        self.kurva.setName("Kurva")
        self.kurva.setPen(pena_kurva())
        self.chart_.addSeries(self.batang)
        self.chart_.addSeries(self.kurva)
        self.sumbu_x = QBarCategoryAxis()
        gaya_sumbu(self.sumbu_x)
        self.sumbu_x.setLabelsVisible(False)
        self.sumbu_x.setCategories([p.label for p in URUTAN_SUMBU_X])
        self.sumbu_x.setGridLineVisible(False)
        self.chart_.addAxis(self.sumbu_x, Qt.AlignmentFlag.AlignBottom)
        self.batang.attachAxis(self.sumbu_x)
        self.kurva.attachAxis(self.sumbu_x)
        self.sumbu_y = sumbu_nilai(1, judul="Frekuensi Pegawai")
        self.chart_.addAxis(self.sumbu_y, Qt.AlignmentFlag.AlignLeft)
        self.batang.attachAxis(self.sumbu_y)
        self.kurva.attachAxis(self.sumbu_y)
        self.angka = LabelNilai(self.chart_, self.batang)
        self.nama = LabelNilai(self.chart_, self.batang, di_bawah=True)
        margins = self.chart_.margins()
        margins.setBottom(margins.bottom() + 2 * huruf(-1).pointSize() + 14)
        self.chart_.setMargins(margins)
        self.nama.set_labels(
            [(QPointF(n, 0), label_predikat(p)) for n, p in enumerate(URUTAN_SUMBU_X)], huruf(-2)
        )
        self.jumlah: dict[Predikat, int] = {}
        self.set_jumlah({})

    def set_jumlah(self, jumlah: dict[Predikat, int]) -> None:
        self.jumlah = {p: int(jumlah.get(p, 0)) for p in URUTAN_SUMBU_X}
        nilai = [self.jumlah[p] for p in URUTAN_SUMBU_X]
        for predikat, bar_set in self.set_batang.items():
            for n, sumbu in enumerate(URUTAN_SUMBU_X):
                bar_set.replace(n, float(self.jumlah[predikat]) if sumbu is predikat else 0.0)
        ada = any(nilai)
        self.kurva.replace(titik_kurva(nilai) if ada else [])
        isi_sumbu(self.sumbu_y, max(nilai) * 1.12)
        self.angka.set_labels([(QPointF(n, v), format_angka(v)) for n, v in enumerate(nilai) if v])
        self.chart_.setTitle("" if ada else KOSONG)

    def nilai_batang(self) -> dict[Predikat, float]:
        """What each predikat's bar shows (for tests and checks)."""
        return {p: self.set_batang[p].at(n) for n, p in enumerate(URUTAN_SUMBU_X)}

    def label_angka(self) -> list[str]:
        """The counts written above the bars, left to right (none above an empty bar)."""
        return self.angka.texts()

    def nilai_kurva(self) -> list[float]:
        """The curve's height at each bar (it passes through their tops)."""
        return [p.y() for p in self.kurva.points() if p.x() == int(p.x())]
