"""The predikat distribution chart: five bars, Sangat Kurang → Sangat Baik, y "Frekuensi Pegawai"."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.colors import Color, black

from kinerja_desktop.core.documents.fonts import HURUF, HURUF_TEBAL, register_fonts
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.predikat import Predikat

#: The x-axis of the annex curve, worst to best.
URUTAN_SUMBU_X: tuple[Predikat, ...] = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)
_BATANG = Color(0.33, 0.47, 0.68)


def _label(predikat: Predikat) -> str:
    """Axis label on two lines where it is long ("Kurang/\nMisconduct")."""
    return predikat.label.replace("/", "/\n").replace(" ", "\n")


def _langkah(maks: int) -> int:
    for langkah in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if maks / langkah <= 8:
            return langkah
    return max(1, maks // 8)


def grafik_distribusi(
    jumlah: Mapping[Predikat, int], lebar: float, tinggi: float, judul: str = ""
) -> Drawing:
    """A bar chart of pegawai per predikat, with the count above each bar."""
    register_fonts()
    gambar = Drawing(lebar, tinggi)
    nilai = [int(jumlah.get(p, 0)) for p in URUTAN_SUMBU_X]
    atas = 14 if judul else 4
    grafik = VerticalBarChart()
    grafik.x, grafik.y = 42, 36
    grafik.width, grafik.height = lebar - 52, tinggi - 36 - atas - 10
    grafik.data = [nilai]
    grafik.bars[0].fillColor = _BATANG
    grafik.bars[0].strokeColor = black
    grafik.barSpacing = 0
    grafik.groupSpacing = 12
    maks = max(nilai) if any(nilai) else 1
    langkah = _langkah(maks)
    grafik.valueAxis.valueMin = 0
    grafik.valueAxis.valueMax = ((maks // langkah) + 1) * langkah
    grafik.valueAxis.valueStep = langkah
    grafik.valueAxis.labelTextFormat = format_angka
    grafik.valueAxis.labels.fontName = HURUF
    grafik.valueAxis.labels.fontSize = 7
    grafik.valueAxis.visibleGrid = True
    grafik.valueAxis.gridStrokeColor = Color(0.85, 0.85, 0.85)
    grafik.categoryAxis.categoryNames = [_label(p) for p in URUTAN_SUMBU_X]
    grafik.categoryAxis.labels.fontName = HURUF
    grafik.categoryAxis.labels.fontSize = 7
    grafik.categoryAxis.labels.dy = -2
    grafik.barLabelFormat = format_angka
    grafik.barLabels.fontName = HURUF_TEBAL
    grafik.barLabels.fontSize = 7
    grafik.barLabels.nudge = 6
    gambar.add(grafik)
    sumbu_y = Group(String(0, 0, "Frekuensi Pegawai", fontName=HURUF, fontSize=7.5, textAnchor="middle"))
    sumbu_y.translate(10, grafik.y + grafik.height / 2)
    sumbu_y.rotate(90)
    gambar.add(sumbu_y)
    sumbu_x = String(grafik.x + grafik.width / 2, 4, "Predikat Kinerja Pegawai", fontName=HURUF, fontSize=7.5)
    sumbu_x.textAnchor = "middle"
    gambar.add(sumbu_x)
    if judul:
        teks_judul = String(lebar / 2, tinggi - 10, judul, fontName=HURUF_TEBAL, fontSize=8)
        teks_judul.textAnchor = "middle"
        gambar.add(teks_judul)
    return gambar
