"""The Beranda charts and the shared distribution curve: what their series hold, and the empty cases."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.core.services import grafik as data
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.ui.beranda.grafik import SEMUA_UNIT, GrafikKantor, persen
from kinerja_desktop.ui.beranda.page import BerandaPage
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.grafik import URUTAN_SUMBU_X, isi_sumbu, sumbu_nilai
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.penilaian.kurva import KOSONG, KurvaDistribusi

SB, B, BP, K, SK = Predikat


def _grafik(qtbot, ctx: UiContext) -> GrafikKantor:
    widget = GrafikKantor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 420)
    widget.show()
    return widget


def test_the_charts_show_what_the_core_counted(qtbot, ctx: UiContext, tugas_dijalankan: list[str]) -> None:
    widget = _grafik(qtbot, ctx)
    assert not widget.kartu_kemajuan.ada_grafik and "Memuat" in widget.kartu_kemajuan.pesan.text()
    widget.refresh()
    assert tugas_dijalankan == ["Membaca data grafik…"]  # in the background
    with ctx.workspace.read() as s:
        hasil = data.data_grafik(s, ctx.actor)
    assert widget.data == hasil
    k = hasil.kemajuan
    assert widget.kartu_kemajuan.ada_grafik
    assert f"{k.periode.label} {k.tahun}" in widget.kartu_kemajuan.judul.text()
    nilai = widget.kemajuan.nilai()
    assert list(nilai)[-1] == SEMUA_UNIT  # drawn bottom-up: the total is the top row
    for u in k.units:
        assert nilai[u.nama] == {
            "skp_disetujui": persen(u.skp_disetujui, u.pegawai),
            "realisasi_terisi": persen(u.realisasi_terisi, u.pegawai),
            "dinilai": persen(u.dinilai, u.pegawai),
            "final": persen(u.final, u.pegawai),
        }
    semua = sum(u.pegawai for u in k.units)
    assert nilai[SEMUA_UNIT]["skp_disetujui"] == persen(sum(u.skp_disetujui for u in k.units), semua)
    tip = widget.kemajuan.keterangan(len(k.units), "skp_disetujui")
    assert tip.startswith(f"{SEMUA_UNIT}: SKP disetujui ") and f"dari {format_angka(semua)} pegawai" in tip
    # The demo has rated periods this year: the distribution shows the latest one.
    assert hasil.sebaran.dinilai > 0 and widget.kartu_sebaran.ada_grafik
    assert widget.sebaran.jumlah == hasil.sebaran.jumlah
    assert hasil.sebaran.periode is not None
    assert f"{hasil.sebaran.periode.label} {hasil.sebaran.tahun}" in widget.kartu_sebaran.judul.text()
    # No annual evaluation is final in the demo: a sentence, not an empty axis.
    assert hasil.tren.kosong and not widget.kartu_tren.ada_grafik
    assert "Akhir Tahun" in widget.kartu_tren.pesan.text()
    assert f"{hasil.tren.tahun[0]}–{hasil.tren.tahun[-1]}" in widget.kartu_tren.judul.text()


def _hasil(units: list[data.KemajuanUnit], tren: dict[int, dict[Predikat, int]]) -> data.DataGrafik:
    kosong = {p: 0 for p in Predikat}
    return data.DataGrafik(
        "seluruh kantor",
        data.Kemajuan(2026, Periode("TW4"), units),
        data.Sebaran(2026, None, dict(kosong)),
        data.Tren(sorted(tren), {t: {**kosong, **per} for t, per in tren.items()}),
    )


def test_the_trend_stacks_predikat_per_year(qtbot, ctx: UiContext) -> None:
    widget = _grafik(qtbot, ctx)
    units = [data.KemajuanUnit("u1", "Sekretariat", 4, 4, 3, 2, 1)]
    widget.show_data(_hasil(units, {2025: {B: 3, SB: 1}, 2026: {B: 1200, K: 5}}))
    assert widget.kartu_tren.ada_grafik and widget.kartu_tren.judul.text() == "Predikat akhir tahun 2025–2026"
    assert widget.tren.nilai() == {
        2025: {SK: 0, K: 0, BP: 0, B: 3, SB: 1},
        2026: {SK: 0, K: 5, BP: 0, B: 1200, SB: 0},
    }
    assert widget.tren.sumbu_tahun.categories() == ["2025", "2026"]  # years, not "2.026"
    assert widget.tren.total.texts() == ["4", "1.205"]
    assert widget.tren.label_tahun.texts() == ["2025", "2026"]
    assert widget.tren.keterangan(1, B) == "2026: Baik 1.200 dari 1.205 pegawai"
    # One unit: no "Semua unit" row repeating it.
    assert widget.kemajuan.nilai() == {
        "Sekretariat": {"skp_disetujui": 100, "realisasi_terisi": 75, "dinilai": 50, "final": 25}
    }
    assert not widget.kartu_sebaran.ada_grafik and "Penilaian Kinerja" in widget.kartu_sebaran.pesan.text()


@pytest.mark.parametrize(
    ("actor", "kata"),
    [
        (Actor("x", "penilai", "P", Peran.PENILAI, None), "belum ditautkan"),
        (Actor("x", "penilai", "P", Peran.PENILAI, "pegawai-1"), "atasan langsungnya Anda"),
        (Actor("x", "operator", "O", Peran.OPERATOR), "halaman Pegawai"),
    ],
)
def test_nobody_to_count_says_what_to_do(qtbot, ctx: UiContext, actor: Actor, kata: str) -> None:
    widget = _grafik(qtbot, UiContext(ctx.workspace, actor, TaskRunner(None)))
    widget.show_data(_hasil([], {2026: {}}))
    assert not widget.kartu_kemajuan.ada_grafik and kata in widget.kartu_kemajuan.pesan.text()
    assert "Kemajuan Triwulan IV 2026" in widget.kartu_kemajuan.judul.text()


def test_the_beranda_page_refreshes_its_charts(qtbot, ctx: UiContext) -> None:
    page = BerandaPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.grafik.data is not None and page.grafik.data.kemajuan.tahun == date.today().year


def test_the_curve_has_the_bars_counts_and_a_curve_through_their_tops(qtbot) -> None:
    kurva = KurvaDistribusi()
    qtbot.addWidget(kurva)
    assert kurva.chart_.title() == KOSONG and kurva.label_angka() == [] and kurva.nilai_kurva() == []
    kurva.set_jumlah({SB: 1850, B: 7432, BP: 758, K: 192})
    assert kurva.nilai_batang() == {SK: 0, K: 192, BP: 758, B: 7432, SB: 1850}
    assert kurva.nilai_kurva() == [0, 192, 758, 7432, 1850]  # worst to best, as the annex draws it
    assert kurva.label_angka() == ["192", "758", "7.432", "1.850"]
    tinggi = [p.y() for p in kurva.kurva.points()]
    assert min(tinggi) >= 0 and max(tinggi) == 7432  # never swings below zero or above the top bar
    assert kurva.chart_.title() == ""
    # Each predikat's bar is in its own colour set: only its own category has a value.
    lain = [(p, n) for n, q in enumerate(URUTAN_SUMBU_X) for p in Predikat if p != q]
    assert all(kurva.set_batang[p].at(n) == 0 for p, n in lain)


def test_value_axes_are_labelled_the_indonesian_way(qtbot) -> None:
    axis = sumbu_nilai(7432)
    assert axis.categoriesLabels() == ["2.000", "4.000", "6.000", "8.000"] and axis.max() == 8000
    isi_sumbu(axis, 3.4)
    assert axis.categoriesLabels() == ["1", "2", "3", "4"]
    assert sumbu_nilai(0, persen=True).categoriesLabels() == ["25%", "50%", "75%", "100%"]
