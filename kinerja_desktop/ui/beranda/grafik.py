"""The home screen's charts: progress per unit this period, the predikat distribution, the yearly trend."""

from __future__ import annotations

import textwrap
from html import escape

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QHorizontalBarSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QToolTip, QWidget
from shiboken6 import isValid

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.core.services import grafik as data
from kinerja_desktop.core.services.access import Peran
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.grafik import (
    URUTAN_SUMBU_X,
    WARNA_PREDIKAT,
    ChartView,
    KartuGrafik,
    LabelNilai,
    chart_baru,
    gaya_sumbu,
    huruf,
    isi_sumbu,
    sumbu_nilai,
)
from kinerja_desktop.ui.penilaian.kurva import KurvaDistribusi

#: The steps of a period, each a share of the unit's active pegawai, and their bars' colours (light to dark).
LANGKAH = (
    ("skp_disetujui", "SKP disetujui", "#9ecae1"),
    ("realisasi_terisi", "Realisasi terisi", "#6baed6"),
    ("dinilai", "Sudah dinilai", "#3182bd"),
    ("final", "Final", "#08519c"),
)
SEMUA_UNIT = "Semua unit"
MEMUAT = "Memuat grafik…"
TINGGI_BARIS = 46
LEBAR_NAMA = 26


def persen(n: int, dari: int) -> float:
    """``n`` of ``dari`` in whole percent (0 when there is nobody)."""
    return round(n * 100 / dari) if dari else 0


class GrafikKemajuan(ChartView):
    """Horizontal bars per unit (``Semua unit`` on top): the share of active pegawai at each step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart_ = chart_baru()
        super().__init__(self.chart_, parent)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        margins = self.chart_.margins()
        margins.setRight(margins.right() + 14)  # room for the "100%" tick label
        self.chart_.setMargins(margins)
        self.batang = QHorizontalBarSeries()
        self.batang.setBarWidth(0.8)
        self.sets: dict[str, QBarSet] = {}
        for kunci, label, warna in LANGKAH:
            bar_set = QBarSet(label)
            bar_set.setColor(QColor(warna))
            bar_set.setBorderColor(QColor(warna))
            self.batang.append(bar_set)
            self.sets[kunci] = bar_set
        self.chart_.addSeries(self.batang)
        self.sumbu_unit = QBarCategoryAxis()
        gaya_sumbu(self.sumbu_unit)
        self.sumbu_unit.setGridLineVisible(False)
        self.chart_.addAxis(self.sumbu_unit, Qt.AlignmentFlag.AlignLeft)
        self.batang.attachAxis(self.sumbu_unit)
        self.sumbu_persen = sumbu_nilai(100, persen=True)
        self.chart_.addAxis(self.sumbu_persen, Qt.AlignmentFlag.AlignTop)
        self.batang.attachAxis(self.sumbu_persen)
        self.baris: list[data.KemajuanUnit] = []
        self.batang.hovered.connect(self.on_batang_hovered)

    def set_units(self, units: list[data.KemajuanUnit]) -> None:
        """Top row first; the axis lists categories bottom-up, so the rows go in reversed."""
        total = data.KemajuanUnit(
            None,
            SEMUA_UNIT,
            sum(u.pegawai for u in units),
            *(sum(getattr(u, kunci) for u in units) for kunci, _, _ in LANGKAH),
        )
        self.baris = list(reversed([total, *units] if len(units) > 1 else units))
        for kunci, bar_set in self.sets.items():
            bar_set.remove(0, bar_set.count())
            bar_set.append([float(persen(getattr(u, kunci), u.pegawai)) for u in self.baris])
        self.sumbu_unit.setCategories([self._nama(u) for u in self.baris])
        self.setMinimumHeight(len(self.baris) * TINGGI_BARIS + 70)

    @staticmethod
    def _nama(u: data.KemajuanUnit) -> str:
        """The unit's name on at most two lines (axis labels are rich text) and its active pegawai."""
        baris = textwrap.wrap(f"{u.nama} ({format_angka(u.pegawai)})", LEBAR_NAMA)
        if len(baris) > 2:
            baris = [baris[0], textwrap.shorten(" ".join(baris[1:]), LEBAR_NAMA, placeholder="…")]
        return "<br>".join(escape(b) for b in baris)

    def nilai(self) -> dict[str, dict[str, float]]:
        """Unit name → step → the bar's percentage (for tests and checks)."""
        return {u.nama: {k: self.sets[k].at(n) for k, _, _ in LANGKAH} for n, u in enumerate(self.baris)}

    def keterangan(self, index: int, kunci: str) -> str:
        u = self.baris[index]
        label = next(label for k, label, _ in LANGKAH if k == kunci)
        n = getattr(u, kunci)
        return (
            f"{u.nama}: {label} {format_angka(n)} dari {format_angka(u.pegawai)} pegawai aktif "
            f"({format_angka(persen(n, u.pegawai))}%)"
        )

    def on_batang_hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if not status or not 0 <= index < len(self.baris):
            QToolTip.hideText()
            return
        kunci = next(k for k, s in self.sets.items() if s is bar_set)
        QToolTip.showText(QCursor.pos(), self.keterangan(index, kunci), self)


class GrafikTren(ChartView):
    """Stacked bars per year of final Akhir Tahun predikat (best on top), the total above each bar and
    the year below it. No legend (five names do not fit beside the curve): the colours are those of the
    distribution chart, and hovering a segment names it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart_ = chart_baru()
        super().__init__(self.chart_, parent)
        self.chart_.legend().hide()
        margins = self.chart_.margins()
        margins.setBottom(margins.bottom() + huruf(-1).pointSize() + 10)
        self.chart_.setMargins(margins)
        self.batang = QStackedBarSeries()
        self.batang.setBarWidth(0.6)
        self.sets: dict[Predikat, QBarSet] = {}
        for predikat in URUTAN_SUMBU_X:
            bar_set = QBarSet(predikat.label)
            bar_set.setColor(WARNA_PREDIKAT[predikat])
            bar_set.setBorderColor(WARNA_PREDIKAT[predikat])
            self.batang.append(bar_set)
            self.sets[predikat] = bar_set
        self.chart_.addSeries(self.batang)
        self.sumbu_tahun = QBarCategoryAxis()
        gaya_sumbu(self.sumbu_tahun)
        self.sumbu_tahun.setGridLineVisible(False)
        self.sumbu_tahun.setLabelsVisible(False)  # QtCharts cuts them to "20…" in a narrow card
        self.chart_.addAxis(self.sumbu_tahun, Qt.AlignmentFlag.AlignBottom)
        self.batang.attachAxis(self.sumbu_tahun)
        self.sumbu_y = sumbu_nilai(1, judul="Pegawai")
        self.chart_.addAxis(self.sumbu_y, Qt.AlignmentFlag.AlignLeft)
        self.batang.attachAxis(self.sumbu_y)
        self.total = LabelNilai(self.chart_, self.batang)
        self.label_tahun = LabelNilai(self.chart_, self.batang, di_bawah=True)
        self.tahun: list[int] = []
        self.jumlah: dict[int, dict[Predikat, int]] = {}
        self.batang.hovered.connect(self.on_batang_hovered)

    def set_tren(self, tren: data.Tren) -> None:
        self.tahun = list(tren.tahun)
        self.jumlah = tren.jumlah
        for predikat, bar_set in self.sets.items():
            bar_set.remove(0, bar_set.count())
            bar_set.append([float(tren.jumlah[t][predikat]) for t in self.tahun])
        self.sumbu_tahun.setCategories([str(t) for t in self.tahun])  # a year is a name, not "2.026"
        totals = [sum(tren.jumlah[t].values()) for t in self.tahun]
        isi_sumbu(self.sumbu_y, max(totals, default=0) * 1.12)
        self.total.set_labels([(QPointF(n, v), format_angka(v)) for n, v in enumerate(totals) if v])
        self.label_tahun.set_labels([(QPointF(n, 0), str(t)) for n, t in enumerate(self.tahun)], huruf(-1))

    def keterangan(self, index: int, predikat: Predikat) -> str:
        t = self.tahun[index]
        n, semua = self.jumlah[t][predikat], sum(self.jumlah[t].values())
        return f"{t}: {predikat.label} {format_angka(n)} dari {format_angka(semua)} pegawai"

    def on_batang_hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if not status or not 0 <= index < len(self.tahun):
            QToolTip.hideText()
            return
        predikat = next(p for p, s in self.sets.items() if s is bar_set)
        QToolTip.showText(QCursor.pos(), self.keterangan(index, predikat), self)

    def nilai(self) -> dict[int, dict[Predikat, float]]:
        """Year → predikat → the segment's height (for tests and checks)."""
        return {t: {p: s.at(n) for p, s in self.sets.items()} for n, t in enumerate(self.tahun)}


class GrafikKantor(QWidget):
    """The three charts side by side; ``refresh`` reads their numbers in the background (the page paints
    first) and each card then says which period or years it counts, or why it is still empty."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kemajuan = GrafikKemajuan()
        gulir = QScrollArea()
        gulir.setWidgetResizable(True)
        gulir.setFrameShape(QScrollArea.Shape.NoFrame)
        gulir.setWidget(self.kemajuan)
        self.kartu_kemajuan = KartuGrafik("Kemajuan per unit", gulir)
        self.sebaran = KurvaDistribusi()
        self.kartu_sebaran = KartuGrafik("Sebaran predikat", self.sebaran)
        self.tren = GrafikTren()
        self.kartu_tren = KartuGrafik("Predikat akhir tahun", self.tren)
        self.data: data.DataGrafik | None = None
        self.sebaran.setMinimumSize(160, 120)  # the window may be made small; the charts shrink with it
        self.tren.setMinimumSize(120, 120)
        for kartu in (self.kartu_kemajuan, self.kartu_sebaran, self.kartu_tren):
            kartu.kosong(kartu.judul.text(), MEMUAT)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kartu_kemajuan, 5)
        layout.addWidget(self.kartu_sebaran, 3)
        layout.addWidget(self.kartu_tren, 3)

    def refresh(self) -> None:
        ops.look(
            self,
            lambda s, a: data.data_grafik(s, a),
            then=self.show_data,
            background="Membaca data grafik…",
            quiet=True,
        )

    def show_data(self, hasil: data.DataGrafik) -> None:
        if not isValid(self):  # the page was closed while the numbers were read
            return
        self.data = hasil
        self._kemajuan(hasil)
        self._sebaran(hasil)
        self._tren(hasil)

    def _kemajuan(self, hasil: data.DataGrafik) -> None:
        k = hasil.kemajuan
        judul = f"Kemajuan {k.periode.label} {k.tahun} per unit"
        if not k.units:
            self.kartu_kemajuan.kosong(judul, self._tanpa_pegawai())
            return
        self.kemajuan.set_units(k.units)
        self.kartu_kemajuan.tampilkan(
            judul,
            f"Persen pegawai aktif ({hasil.lingkup}) yang SKP {k.tahun}-nya disetujui, sudah mengisi "
            f"realisasi, sudah dinilai, dan evaluasinya final pada {k.periode.label}.",
        )

    def _tanpa_pegawai(self) -> str:
        actor = self.ctx.actor
        if actor.peran is Peran.PENILAI and actor.pegawai_id is None:
            return (
                "Akun ini belum ditautkan ke data pegawai, jadi bawahan Anda belum diketahui. "
                "Minta administrator menautkan akun ini di halaman Pengguna."
            )
        if actor.peran is Peran.PENILAI:
            return "Belum ada pegawai aktif yang atasan langsungnya Anda. Atasan diisi di data pegawai."
        return "Belum ada pegawai aktif. Tambahkan atau impor pegawai di halaman Pegawai."

    def _sebaran(self, hasil: data.DataGrafik) -> None:
        s = hasil.sebaran
        if s.periode is None or not s.dinilai:
            self.kartu_sebaran.kosong(
                "Sebaran predikat",
                f"Belum ada pegawai berpredikat pada {s.tahun - 1}–{s.tahun}. Grafik ini terisi setelah "
                "pejabat penilai memberi rating di halaman Penilaian Kinerja.",
            )
            return
        self.sebaran.set_jumlah(s.jumlah)
        self.kartu_sebaran.tampilkan(
            f"Sebaran predikat {s.periode.label} {s.tahun}",
            f"{format_angka(s.dinilai)} pegawai berpredikat ({hasil.lingkup}, termasuk yang masih draf), "
            "dengan kurva distribusinya.",
        )

    def _tren(self, hasil: data.DataGrafik) -> None:
        t = hasil.tren
        rentang = f"{t.tahun[0]}–{t.tahun[-1]}"
        judul = f"Predikat akhir tahun {rentang}"
        if t.kosong:
            self.kartu_tren.kosong(
                judul,
                f"Belum ada evaluasi Akhir Tahun yang final pada {rentang}. Grafik ini terisi setelah "
                "evaluasi Akhir Tahun difinalkan di halaman Penilaian Kinerja.",
            )
            return
        self.tren.set_tren(t)
        self.kartu_tren.tampilkan(
            judul,
            f"Evaluasi Akhir Tahun yang sudah final ({hasil.lingkup}); warna predikat seperti pada "
            "grafik sebaran.",
        )
