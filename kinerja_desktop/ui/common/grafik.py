"""The app's one chart look on QtCharts: fonts, the predikat palette, Indonesian numbers, a titled card."""

from __future__ import annotations

import math
from itertools import pairwise

from PySide6.QtCharts import QAbstractAxis, QAbstractSeries, QCategoryAxis, QChart, QChartView
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsSimpleTextItem,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.ui.common.widgets import HINT_STYLE

#: One colour per predikat for every chart and the Penilaian grid: greens for good, amber to red for less.
WARNA_PREDIKAT: dict[Predikat, QColor] = {
    Predikat.SANGAT_BAIK: QColor("#1b6e4a"),
    Predikat.BAIK: QColor("#4c9a6a"),
    Predikat.BUTUH_PERBAIKAN: QColor("#d4a017"),
    Predikat.KURANG: QColor("#d9822b"),
    Predikat.SANGAT_KURANG: QColor("#b00020"),
}
#: Worst to best, the x-axis of the regulation's distribution curve.
URUTAN_SUMBU_X: tuple[Predikat, ...] = tuple(reversed(Predikat))
WARNA_TEKS = QColor("#333333")
WARNA_GARIS = QColor("#e4e4e4")
WARNA_KURVA = QColor("#1f3b73")


def label_predikat(predikat: Predikat) -> str:
    """The predikat on two lines where it is long: "Kurang/\nMisconduct", "Sangat\nBaik"."""
    return predikat.label.replace("/", "/\n").replace(" ", "\n")


def langkah(maks: float) -> int:
    """A tick step giving at most five ticks above zero: 1, 2, 5, 10, 20, 50, …"""
    base = 1
    while True:
        for step in (base, 2 * base, 5 * base):
            if maks <= 5 * step:
                return step
        base *= 10


def huruf(tambah: float = 0.0, tebal: bool = False) -> QFont:
    """The application's font, ``tambah`` points larger (negative: smaller)."""
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    font.setPointSizeF(max(6.5, size + tambah))
    font.setBold(tebal)
    return font


def sumbu_nilai(maks: float, *, persen: bool = False, judul: str = "") -> QCategoryAxis:
    """A value axis from 0 whose tick labels are written by ``format_angka`` ("1.500", "50%")."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    gaya_sumbu(axis, judul)
    isi_sumbu(axis, maks, persen=persen)
    return axis


def isi_sumbu(axis: QCategoryAxis, maks: float, *, persen: bool = False) -> None:
    """(Re)label ``axis`` for values up to ``maks``: 0–100% in quarters, or about five round steps."""
    for label in axis.categoriesLabels():
        axis.remove(label)
    if persen:
        puncak, step = 100, 25
    else:
        step = langkah(max(maks, 1))
        puncak = step * max(1, math.ceil(maks / step))
    axis.setStartValue(0)
    for tick in range(step, puncak + 1, step):
        axis.append(format_angka(tick) + ("%" if persen else ""), tick)
    axis.setRange(0, puncak)


def gaya_sumbu(axis: QAbstractAxis, judul: str = "") -> None:
    axis.setLabelsFont(huruf(-1))
    axis.setLabelsColor(WARNA_TEKS)
    axis.setGridLineColor(WARNA_GARIS)
    axis.setLinePenColor(QColor("#999999"))
    if judul:
        axis.setTitleText(judul)
        axis.setTitleFont(huruf(-1))
        axis.setTitleBrush(QBrush(WARNA_TEKS))


def chart_baru() -> QChart:
    """An empty chart in the app's look: white, no animation, legend below, tight margins."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 10, 8, 4))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(huruf(-1))
    chart.legend().setLabelColor(WARNA_TEKS)
    return chart


def titik_kurva(nilai: list[int], langkah_per_ruas: int = 12) -> list[QPointF]:
    """Points of a smooth curve through (0, nilai[0]), (1, nilai[1]), …, flat at each point as the annex
    draws it, so it never swings below zero or above the highest bar."""
    titik = [QPointF(0, nilai[0])] if nilai else []
    for n, (a, b) in enumerate(pairwise(nilai)):
        for k in range(1, langkah_per_ruas + 1):
            t = k / langkah_per_ruas
            halus = t * t * (3 - 2 * t)
            titik.append(QPointF(n + t, a + (b - a) * halus))
    return titik


def pena_kurva() -> QPen:
    pen = QPen(WARNA_KURVA, 2)
    pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class LabelNilai:
    """Texts written on a chart at data points, centred: above the point (a bar's count), or with
    ``di_bawah`` below it (category names under the axis, which QtCharts would cut to "Kura…"); they follow
    the plot area when the chart is resized. Give the chart a bottom margin for texts below the axis."""

    def __init__(self, chart: QChart, series: QAbstractSeries, *, di_bawah: bool = False) -> None:
        self.chart, self.series, self.di_bawah = chart, series, di_bawah
        self.items: list[tuple[QPointF, QGraphicsSimpleTextItem]] = []
        chart.plotAreaChanged.connect(self.on_plot_area_changed)

    def set_labels(self, labels: list[tuple[QPointF, str]], font: QFont | None = None) -> None:
        for _, item in self.items:
            self.chart.scene().removeItem(item)
        self.items = []
        for point, text in labels:
            item = QGraphicsSimpleTextItem(text, self.chart)
            item.setFont(font or huruf(-1, tebal=True))
            item.setBrush(QBrush(WARNA_TEKS))
            self.items.append((point, item))
        self.on_plot_area_changed()

    def texts(self) -> list[str]:
        return [item.text() for _, item in self.items]

    def on_plot_area_changed(self) -> None:
        for point, item in self.items:
            pos = self.chart.mapToPosition(point, self.series)
            box = item.boundingRect()
            y = pos.y() + 4 if self.di_bawah else pos.y() - box.height() - 1
            item.setPos(pos.x() - box.width() / 2, y)


class ChartView(QChartView):
    """A chart view with antialiasing and no frame."""

    def __init__(self, chart: QChart, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)


class KartuGrafik(QFrame):
    """A titled card that shows a chart, or one friendly line instead of an empty axis."""

    def __init__(self, judul: str, isi: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.judul = QLabel(judul)
        self.judul.setFont(huruf(0.5, tebal=True))
        self.judul.setWordWrap(True)
        self.keterangan = QLabel()
        self.keterangan.setWordWrap(True)
        self.keterangan.setStyleSheet(HINT_STYLE)
        self.pesan = QLabel()
        self.pesan.setWordWrap(True)
        self.pesan.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pesan.setStyleSheet(HINT_STYLE)
        self.tumpukan = QStackedWidget()
        self.tumpukan.addWidget(isi)
        self.tumpukan.addWidget(self.pesan)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.judul)
        layout.addWidget(self.keterangan)
        layout.addWidget(self.tumpukan, 1)

    def tampilkan(self, judul: str, keterangan: str = "") -> None:
        """Show the chart under ``judul`` (which says what and which period it counts)."""
        self.judul.setText(judul)
        self.keterangan.setText(keterangan)
        self.keterangan.setVisible(bool(keterangan))
        self.tumpukan.setCurrentIndex(0)

    def kosong(self, judul: str, pesan: str) -> None:
        """No data: ``pesan`` (what is missing and what to do) instead of the chart."""
        self.judul.setText(judul)
        self.keterangan.hide()
        self.pesan.setText(pesan)
        self.tumpukan.setCurrentIndex(1)

    @property
    def ada_grafik(self) -> bool:
        return self.tumpukan.currentIndex() == 0
