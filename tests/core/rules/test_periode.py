"""Tests for evaluation periods."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.periode import Periode, Ritme, daftar_periode, periode, periode_untuk_tanggal


@pytest.mark.parametrize(
    ("kode", "awal", "akhir"),
    [
        ("TW1", date(2026, 1, 1), date(2026, 3, 31)),
        ("TW2", date(2026, 4, 1), date(2026, 6, 30)),
        ("TW3", date(2026, 7, 1), date(2026, 9, 30)),
        ("TW4", date(2026, 10, 1), date(2026, 12, 31)),
        ("B01", date(2026, 1, 1), date(2026, 1, 31)),
        ("B02", date(2026, 2, 1), date(2026, 2, 28)),
        ("B04", date(2026, 4, 1), date(2026, 4, 30)),
        ("B12", date(2026, 12, 1), date(2026, 12, 31)),
        ("AKHIR", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_batas_periode(kode: str, awal: date, akhir: date) -> None:
    p = periode(kode)
    assert p.awal(2026) == awal
    assert p.akhir(2026) == akhir


def test_februari_tahun_kabisat() -> None:
    assert periode("B02").akhir(2024) == date(2024, 2, 29)
    assert periode("B02").akhir(2100) == date(2100, 2, 28)
    assert periode("TW1").akhir(2024) == date(2024, 3, 31)


def test_label() -> None:
    assert [p.label for p in daftar_periode(Ritme.TRIWULAN)] == [
        "Triwulan I",
        "Triwulan II",
        "Triwulan III",
        "Triwulan IV",
        "Akhir Tahun",
    ]
    assert [p.label_form for p in daftar_periode(Ritme.TRIWULAN)] == [
        "TRIWULAN I",
        "TRIWULAN II",
        "TRIWULAN III",
        "TRIWULAN IV",
        "AKHIR",
    ]
    assert periode("B01").label == "Januari"
    assert periode("B11").label_form == "NOVEMBER"
    assert periode("AKHIR").label == "Akhir Tahun"


def test_jumlah_bulan() -> None:
    assert periode("TW3").jumlah_bulan == 3
    assert periode("B07").jumlah_bulan == 1
    assert periode("AKHIR").jumlah_bulan == 12


def test_daftar_periode() -> None:
    assert [p.kode for p in daftar_periode(Ritme.TRIWULAN, termasuk_akhir=False)] == [
        "TW1",
        "TW2",
        "TW3",
        "TW4",
    ]
    bulanan = daftar_periode(Ritme.BULANAN)
    assert [p.kode for p in bulanan] == [f"B{i:02d}" for i in range(1, 13)] + ["AKHIR"]
    assert bulanan[-1].is_akhir and bulanan[-1].ritme is None
    assert sorted(reversed(bulanan), key=lambda p: p.urutan) == bulanan


@pytest.mark.parametrize("ritme", list(Ritme))
def test_periode_menutup_tahun_tanpa_celah(ritme: Ritme) -> None:
    daftar = daftar_periode(ritme, termasuk_akhir=False)
    assert daftar[0].awal(2024) == date(2024, 1, 1)
    assert daftar[-1].akhir(2024) == date(2024, 12, 31)
    for sebelum, sesudah in pairwise(daftar):
        assert sebelum.akhir(2024) + timedelta(days=1) == sesudah.awal(2024)
    assert sum(p.jumlah_bulan for p in daftar) == 12


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(list(Ritme)))
def test_periode_untuk_tanggal_memuat_tanggal(d: date, ritme: Ritme) -> None:
    p = periode_untuk_tanggal(ritme, d)
    assert p.ritme is ritme
    assert p.awal(d.year) <= d <= p.akhir(d.year)
    assert p.memuat(d.year, d)


def test_periode_untuk_tanggal_contoh() -> None:
    assert periode_untuk_tanggal(Ritme.TRIWULAN, date(2026, 3, 31)).kode == "TW1"
    assert periode_untuk_tanggal(Ritme.TRIWULAN, date(2026, 4, 1)).kode == "TW2"
    assert periode_untuk_tanggal(Ritme.BULANAN, date(2026, 11, 23)).kode == "B11"


@pytest.mark.parametrize(
    ("teks", "kode"), [("tw1", "TW1"), (" TW 4 ", "TW4"), ("b1", "B01"), ("Akhir", "AKHIR")]
)
def test_kode_ditulis_longgar(teks: str, kode: str) -> None:
    assert periode(teks) == Periode(kode)


@pytest.mark.parametrize("teks", ["TW5", "TW0", "B13", "B00", "S1", "", "TAHUNAN"])
def test_kode_tidak_dikenal(teks: str) -> None:
    with pytest.raises(ValidationError) as info:
        periode(teks)
    assert info.value.kolom == "periode"
    assert "tidak dikenal" in info.value.pesan
    assert "TW1 sampai TW4" in str(info.value)


def test_konstruktor_langsung_juga_memeriksa() -> None:
    with pytest.raises(ValidationError):
        Periode("tw1")
