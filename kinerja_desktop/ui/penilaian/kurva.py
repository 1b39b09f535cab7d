"""The distribution curve as the regulation's annex draws it: bars per predikat, worst to best."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.ui.penilaian.grid import WARNA_PREDIKAT

#: The x-axis of the annex, left to right.
SUMBU_X = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)
_LABEL_X = {
    Predikat.SANGAT_KURANG: "Sangat\nKurang",
    Predikat.KURANG: "Kurang/\nMisconduct",
    Predikat.BUTUH_PERBAIKAN: "Butuh\nPerbaikan",
    Predikat.BAIK: "Baik",
    Predikat.SANGAT_BAIK: "Sangat\nBaik",
}
LEBAR, TINGGI = 330, 220
_KANAN_TENGAH = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_KIRI, _KANAN, _ATAS, _BAWAH = 46, 6, 14, 36


def langkah(maks: int) -> int:
    """A tick step giving at most about five ticks: 1, 2, 5, 10, 20, 50, …"""
    base = 1
    while True:
        for step in (base, 2 * base, 5 * base):
            if maks <= 5 * step:
                return step
        base *= 10


def gambar_kurva(
    jumlah: dict[Predikat, int], lebar: int = LEBAR, tinggi: int = TINGGI, skala: float = 1.0
) -> QPixmap:
    """The chart as a pixmap (``skala``: the screen's device pixel ratio, for sharp lines)."""
    pixmap = QPixmap(int(lebar * skala), int(tinggi * skala))
    pixmap.setDevicePixelRatio(skala)
    pixmap.fill(QColor("white"))
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(p.font())
    font.setPointSizeF(7.5)
    p.setFont(font)
    plot = QRectF(_KIRI, _ATAS, lebar - _KIRI - _KANAN, tinggi - _ATAS - _BAWAH)
    maks = max(jumlah.values(), default=0)
    step = langkah(max(maks, 1))
    puncak = max(step * -(-max(maks, 1) // step), 1)
    axis = QPen(QColor("#555555"))
    grid = QPen(QColor("#e4e4e4"))
    for tick in range(0, puncak + 1, step):
        y = plot.bottom() - plot.height() * tick / puncak
        p.setPen(grid)
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(axis)
        p.drawText(QRectF(_KIRI - 30, y - 8, 24, 16), _KANAN_TENGAH, str(tick))
    p.save()
    p.translate(12, plot.center().y())
    p.rotate(-90)
    p.drawText(
        QRectF(-plot.height() / 2, -8, plot.height(), 16), Qt.AlignmentFlag.AlignCenter, "Frekuensi Pegawai"
    )
    p.restore()
    p.setPen(axis)
    p.drawLine(plot.bottomLeft(), plot.bottomRight())
    p.drawLine(plot.bottomLeft(), plot.topLeft())
    slot = plot.width() / len(SUMBU_X)
    tops: list[QPointF] = []
    for n, predikat in enumerate(SUMBU_X):
        nilai = jumlah.get(predikat, 0)
        x = plot.left() + slot * n
        h = plot.height() * nilai / puncak
        bar = QRectF(x + slot * 0.18, plot.bottom() - h, slot * 0.64, h)
        p.fillRect(bar, WARNA_PREDIKAT[predikat])
        tops.append(QPointF(bar.center().x(), bar.top()))
        p.setPen(axis)
        if nilai:
            p.drawText(QRectF(x, bar.top() - 15, slot, 14), Qt.AlignmentFlag.AlignCenter, str(nilai))
        p.drawText(
            QRectF(x, plot.bottom() + 3, slot, _BAWAH - 3),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            _LABEL_X[predikat],
        )
    if maks:
        _kurva(p, tops)
    else:
        p.setPen(QColor("#888888"))
        p.drawText(plot, Qt.AlignmentFlag.AlignCenter, "Belum ada predikat")
    p.end()
    return pixmap


def _kurva(p: QPainter, tops: list[QPointF]) -> None:
    """A smooth line through the tops of the bars, as the annex draws its curve."""
    path = QPainterPath(tops[0])
    for a, b in pairwise(tops):
        middle = (a.x() + b.x()) / 2
        path.cubicTo(QPointF(middle, a.y()), QPointF(middle, b.y()), b)
    pen = QPen(QColor("#1f3b73"), 1.6)
    pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


class KurvaLabel(QLabel):
    """Shows the chart; ``set_jumlah`` redraws it (no paint-event override, see ``ui/table.py``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(LEBAR, TINGGI)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip("Kurva distribusi predikat kinerja pegawai (lampiran SE MenPANRB 3/2023)")
        self.jumlah: dict[Predikat, int] = {}
        self.set_jumlah({})

    def set_jumlah(self, jumlah: dict[Predikat, int]) -> None:
        self.jumlah = dict(jumlah)
        screen = QGuiApplication.primaryScreen()
        skala = screen.devicePixelRatio() if screen is not None else 1.0
        self.setPixmap(gambar_kurva(self.jumlah, skala=skala))
