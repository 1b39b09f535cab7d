"""Tests for reading and writing numbers the Indonesian way ("1.500" is fifteen hundred, "95,5")."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.angka import format_angka, parse_angka

#: Decimals of up to 15 significant digits, positive and negative, whole and with fractions.
DESIMAL = st.builds(
    lambda koefisien, pangkat: Decimal(koefisien).scaleb(pangkat),
    st.integers(-(10**15) + 1, 10**15 - 1),
    st.integers(-8, 6),
)
#: How format_angka must write: grouped thousands, "," before decimals that end in a non-zero digit.
BENTUK = re.compile(r"-?(0|[1-9][0-9]{0,2}(\.[0-9]{3})*)(,[0-9]*[1-9])?")


def _referensi(x: Decimal) -> str:
    """An independent Indonesian form: Python's English grouping with "." and "," swapped."""
    bulat, _, pecahan = format(x, ",f").partition(".")
    pecahan = pecahan.rstrip("0")
    teks = f"{bulat}.{pecahan}" if pecahan else bulat
    teks = teks.translate(str.maketrans(",.", ".,"))
    return teks.removeprefix("-") if set(teks) <= set("-0.,") else teks


@given(DESIMAL)
@example(Decimal(1500))
@example(Decimal("1500.5"))
@example(Decimal("-1500.25"))
@example(Decimal("0.5"))
@example(Decimal("1.5"))
@example(Decimal(1000000))
@example(Decimal("999999999999999"))
@example(Decimal("-0.00000001"))
def test_tulis_lalu_baca_kembali_sama(x: Decimal) -> None:
    teks = format_angka(x)
    assert parse_angka(teks) == x
    assert BENTUK.fullmatch(teks), teks
    assert teks == _referensi(x)


@given(DESIMAL, st.integers(0, 4))
@example(Decimal("0.125"), 2)
@example(Decimal("-2.5"), 0)
def test_tulis_dengan_desimal_tetap(x: Decimal, desimal: int) -> None:
    teks = format_angka(x, desimal=desimal)
    dibulatkan = x.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    assert parse_angka(teks) == dibulatkan
    assert len(teks.partition(",")[2]) == desimal


@given(DESIMAL)
def test_titik_desimal_gaya_inggris(x: Decimal) -> None:
    """Plain English text ("1234.5") reads as written, except three decimals after 1-3 digits."""
    teks = format(x, "f")
    bulat, _, pecahan = teks.lstrip("-").partition(".")
    ribuan = len(pecahan) == 3 and re.fullmatch(r"[1-9][0-9]{0,2}", bulat) is not None
    assert parse_angka(teks) == (x * 1000 if ribuan else x)


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("1.500", "1500"),
        ("1.500,5", "1500.5"),
        ("95,5", "95.5"),
        ("12", "12"),
        (" 1 500 ", "1500"),
        ("1\u00a0500", "1500"),
        ("-3,25", "-3.25"),
        ("\u22123,25", "-3.25"),
        ("+7", "7"),
        ("1500", "1500"),
        ("1.500.000", "1500000"),
        ("1.500.000,75", "1500000.75"),
        ("12.500", "12500"),
        ("1,500", "1.5"),
        ("0,5", "0.5"),
        (",5", "0.5"),
        ("1.5", "1.5"),
        ("12.25", "12.25"),
        ("0.500", "0.5"),
        ("1234.567", "1234.567"),
        ("1.5000", "1.5"),
        (".5", "0.5"),
        ("-0", "0"),
        ("007", "7"),
    ],
)
def test_contoh_baca(teks: str, nilai: str) -> None:
    hasil = parse_angka(teks)
    assert hasil == Decimal(nilai)
    assert not hasil.is_signed() or hasil < 0


@pytest.mark.parametrize(
    "teks", ["abc", "1,2,3", "", "   ", "1..5", "1.50.0", "1.500.5", "1,500.5", "1e3", "5,", "5.", "-", "NaN"]
)
def test_bukan_angka_ditolak_dengan_nama_kolom(teks: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_angka(teks, kolom="nilai", label="Realisasi")
    assert info.value.kolom == "nilai"
    assert info.value.pesan.startswith("Realisasi ")
    assert "Tulis misalnya 1.500 atau 95,5." in info.value.pesan
    if teks.strip():
        assert f'"{teks}"' in info.value.pesan


def test_pesan_penolakan_utuh() -> None:
    with pytest.raises(ValidationError) as info:
        parse_angka("1,2,3", kolom="target_min", label="Target")
    assert info.value.pesan == 'Target "1,2,3" bukan angka. Tulis misalnya 1.500 atau 95,5.'
    assert info.value.kolom == "target_min"
    with pytest.raises(ValidationError, match="Target belum diisi"):
        parse_angka(" ", kolom="target_min", label="Target")


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [
        (1500, None, "1.500"),
        (Decimal("1500.5"), None, "1.500,5"),
        (Decimal("95.50"), None, "95,5"),
        (Decimal("95.5"), 2, "95,50"),
        (Decimal("95.555"), 2, "95,56"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("100.0000"), None, "100"),
        (Decimal("1E+3"), None, "1.000"),
        (Decimal("-1234567.891"), None, "-1.234.567,891"),
        (Decimal("-0.004"), 2, "0,00"),
        (Decimal("-0"), None, "0"),
        (0, None, "0"),
        (15000, None, "15.000"),
        (85.35, 1, "85,4"),
        (0.1, None, "0,1"),
        (2.0, None, "2"),
        (1e16, None, "10.000.000.000.000.000"),
        (Decimal("1E+30"), 2, "1" + ".000" * 10 + ",00"),
        (Decimal("123"), None, "123"),
        (Decimal("1234"), None, "1.234"),
    ],
)
def test_contoh_tulis(nilai: Decimal | int | float, desimal: int | None, teks: str) -> None:
    assert format_angka(nilai, desimal) == teks


def test_angka_panjang_tidak_dibulatkan() -> None:
    x = Decimal("123456789012345678901234567890.123456789")
    assert format_angka(x) == "123.456.789.012.345.678.901.234.567.890,123456789"
    assert parse_angka(format_angka(x)) == x


@pytest.mark.parametrize("nilai", [Decimal("NaN"), Decimal("Infinity"), float("inf"), float("nan")])
def test_bukan_angka_terhingga_tidak_ditulis(nilai: Decimal | float) -> None:
    with pytest.raises(ValueError):
        format_angka(nilai)
