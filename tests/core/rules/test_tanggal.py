"""Tests for Indonesian date formatting and parsing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.tanggal import (
    NAMA_BULAN,
    baris_tempat_tanggal,
    format_periode_penilaian,
    format_rentang,
    format_tanggal,
    parse_tanggal,
)


def test_nama_bulan() -> None:
    assert list(NAMA_BULAN) == list(range(1, 13))
    assert NAMA_BULAN[1] == "Januari"
    assert NAMA_BULAN[8] == "Agustus"
    assert NAMA_BULAN[11] == "November"
    assert NAMA_BULAN[12] == "Desember"


def test_format_tanggal_tanpa_nol_di_depan() -> None:
    assert format_tanggal(date(2026, 11, 23)) == "23 November 2026"
    assert format_tanggal(date(2026, 1, 5)) == "5 Januari 2026"


def test_baris_tempat_tanggal() -> None:
    assert baris_tempat_tanggal("Plaju", date(2026, 11, 23)) == "Plaju, 23 November 2026"
    assert baris_tempat_tanggal("  Palembang ", date(2026, 3, 1)) == "Palembang, 1 Maret 2026"
    assert baris_tempat_tanggal("", date(2026, 3, 1)) == "1 Maret 2026"


def test_format_rentang() -> None:
    assert format_rentang(date(2026, 1, 1), date(2026, 12, 31)) == "1 Januari s.d. 31 Desember 2026"
    assert format_rentang(date(2025, 12, 1), date(2026, 1, 31)) == "1 Desember 2025 s.d. 31 Januari 2026"


def test_format_periode_penilaian() -> None:
    assert (
        format_periode_penilaian(date(2026, 1, 1), date(2026, 12, 31))
        == "01 JANUARI SD 31 DESEMBER TAHUN 2026"
    )
    assert format_periode_penilaian(date(2026, 4, 1), date(2026, 6, 30)) == "01 APRIL SD 30 JUNI TAHUN 2026"
    assert (
        format_periode_penilaian(date(2025, 7, 1), date(2026, 6, 30)) == "01 JULI 2025 SD 30 JUNI TAHUN 2026"
    )


def test_rentang_terbalik_ditolak() -> None:
    with pytest.raises(ValidationError) as info:
        format_rentang(date(2026, 12, 31), date(2026, 1, 1))
    assert info.value.kolom == "tanggal"
    with pytest.raises(ValidationError):
        format_periode_penilaian(date(2026, 12, 31), date(2026, 1, 1))


@pytest.mark.parametrize(
    "teks",
    [
        "23/11/2026",
        "23-11-2026",
        "23.11.2026",
        "2026-11-23",
        "23 November 2026",
        "23 november 2026",
        "23 NOVEMBER 2026",
        "23 Nopember 2026",
        "23 Nov 2026",
        " 23  November\u00a02026 ",
    ],
)
def test_parse_format_diterima(teks: str) -> None:
    assert parse_tanggal(teks) == date(2026, 11, 23)


def test_parse_tanpa_nol_dan_singkatan_lain() -> None:
    assert parse_tanggal("1/2/2026") == date(2026, 2, 1)
    assert parse_tanggal("17 Agustus 1945") == date(1945, 8, 17)
    assert parse_tanggal("17 Agt 1945") == date(1945, 8, 17)
    assert parse_tanggal("29/02/2024") == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("teks", "potongan"),
    [
        ("23/11/26", "4 digit"),
        ("23 November 26", "4 digit"),
        ("23/11/02026", "4 digit"),
        ("31/02/2026", "hanya sampai tanggal 28"),
        ("29/02/2025", "hanya sampai tanggal 28"),
        ("31 April 2026", "hanya sampai tanggal 30"),
        ("2026-13-01", "1 sampai 12"),
        ("23/13/2026", "1 sampai 12"),
        ("23 Novembre 2026", "Nama bulan 'Novembre'"),
        ("besok", "tidak dikenali"),
        ("23/11-2026", "tidak dikenali"),
        ("", "belum diisi"),
    ],
)
def test_parse_ditolak_dengan_daftar_format(teks: str, potongan: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_tanggal(teks)
    assert info.value.kolom == "tanggal"
    assert potongan in info.value.pesan
    assert info.value.saran is not None
    assert "23/11/2026" in info.value.saran and "23 November 2026" in info.value.saran


@given(st.dates(min_value=date(1000, 1, 1)))
def test_parse_kebalikan_format(d: date) -> None:
    assert parse_tanggal(format_tanggal(d)) == d
    assert parse_tanggal(f"{d.day:02d}/{d.month:02d}/{d.year:04d}") == d
    assert parse_tanggal(d.isoformat()) == d
