"""Tests for golongan/pangkat normalisation and display."""

from __future__ import annotations

import pytest

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.pangkat import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    PANGKAT_PNS,
    StatusKepegawaian,
    display_pangkat,
    format_pangkat_golongan,
    golongan_untuk_status,
    normalize_golongan,
    urutan_golongan,
)

PNS, CPNS, PPPK = StatusKepegawaian.PNS, StatusKepegawaian.CPNS, StatusKepegawaian.PPPK


def test_daftar_golongan() -> None:
    assert len(GOLONGAN_PNS) == 17
    assert GOLONGAN_PNS[0] == "I/a" and GOLONGAN_PNS[-1] == "IV/e"
    assert list(PANGKAT_PNS) == list(GOLONGAN_PNS)
    assert PANGKAT_PNS["III/b"] == "Penata Muda Tingkat I"
    assert PANGKAT_PNS["IV/e"] == "Pembina Utama"
    assert len(GOLONGAN_PPPK) == 17
    assert GOLONGAN_PPPK[8] == "IX" and GOLONGAN_PPPK[-1] == "XVII"


def test_status() -> None:
    assert [s.label for s in StatusKepegawaian] == ["PNS", "CPNS", "PPPK"]
    assert golongan_untuk_status(PNS) == GOLONGAN_PNS
    assert golongan_untuk_status(CPNS) == GOLONGAN_PNS
    assert golongan_untuk_status(PPPK) == GOLONGAN_PPPK


@pytest.mark.parametrize(
    "teks",
    [
        "III/a",
        "III a",
        "iii-a",
        "3a",
        "3/a",
        "3 A",
        " III/A ",
        "IIIa",
        "iii.a",
        "III / a",
        "Gol. III/a",
        "golongan III/a",
        "Penata Muda",
        "penata muda (III/a)",
        "Penata Muda, III/a",
    ],
)
def test_ejaan_pns(teks: str) -> None:
    assert normalize_golongan(teks) == "III/a"
    assert normalize_golongan(teks, PNS) == "III/a"
    assert normalize_golongan(teks, CPNS) == "III/a"


@pytest.mark.parametrize(
    ("teks", "golongan"),
    [
        ("1a", "I/a"),
        ("i/d", "I/d"),
        ("2-c", "II/c"),
        ("4e", "IV/e"),
        ("IV/E", "IV/e"),
        ("Penata Muda Tk. I", "III/b"),
        ("Penata Muda Tk.I / III/b", "III/b"),
        ("Penata Muda Tingkat I (III/b)", "III/b"),
        ("PEMBINA UTAMA MUDA", "IV/c"),
        ("Juru", "I/c"),
    ],
)
def test_ejaan_pns_lain(teks: str, golongan: str) -> None:
    assert normalize_golongan(teks) == golongan


@pytest.mark.parametrize(
    ("teks", "golongan"),
    [("IX", "IX"), ("ix", "IX"), ("9", "IX"), ("1", "I"), ("17", "XVII"), ("xvii", "XVII"), ("Gol. V", "V")],
)
def test_ejaan_pppk(teks: str, golongan: str) -> None:
    assert normalize_golongan(teks) == golongan
    assert normalize_golongan(teks, PPPK) == golongan


def test_semua_golongan_kanonik_tetap() -> None:
    for gol in GOLONGAN_PNS:
        assert normalize_golongan(gol, PNS) == gol
    for gol in GOLONGAN_PPPK:
        assert normalize_golongan(gol, PPPK) == gol


@pytest.mark.parametrize(
    ("teks", "status", "potongan"),
    [
        ("I/e", None, "golongan I tidak memiliki ruang e"),
        ("3f", None, "bentuk penulisannya tidak dikenal"),
        ("5a", None, "bentuk penulisannya tidak dikenal"),
        ("18", None, "golongan PPPK hanya I sampai XVII"),
        ("0", None, "golongan PPPK hanya I sampai XVII"),
        ("XVIII", None, "golongan PPPK hanya I sampai XVII"),
        ("IIII", None, "golongan PPPK hanya I sampai XVII"),
        ("III", PNS, "harus disertai ruang"),
        ("9", CPNS, "harus disertai ruang"),
        ("III/a", PPPK, "tidak memakai ruang"),
        ("Penata (III/b)", None, "pangkat Penata bukan golongan III/b"),
        ("Kapten", None, "bentuk penulisannya tidak dikenal"),
    ],
)
def test_golongan_ditolak(teks: str, status: StatusKepegawaian | None, potongan: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_golongan(teks, status)
    assert info.value.kolom == "golongan"
    assert potongan in info.value.pesan
    assert f"'{teks}'" in info.value.pesan
    assert info.value.saran is not None and "I/a sampai IV/e" in info.value.saran
    assert "I sampai XVII" in info.value.saran


def test_golongan_kosong() -> None:
    with pytest.raises(ValidationError, match="belum diisi"):
        normalize_golongan("  ")


def test_format_pangkat_golongan() -> None:
    assert format_pangkat_golongan("III/b") == "Penata Muda Tingkat I (III/b)"
    assert format_pangkat_golongan("4e") == "Pembina Utama (IV/e)"
    assert format_pangkat_golongan("IX") == "Golongan IX"
    assert format_pangkat_golongan("9") == "Golongan IX"


def test_urutan_golongan() -> None:
    acak = ["IV/a", "III/d", "I/a", "II/b", "IV/e", "III/a"]
    assert sorted(acak, key=urutan_golongan) == ["I/a", "II/b", "III/a", "III/d", "IV/a", "IV/e"]
    assert [urutan_golongan(g) for g in GOLONGAN_PNS] == list(range(1, 18))
    assert sorted(["X", "IX", "II", "XVII"], key=urutan_golongan) == ["II", "IX", "X", "XVII"]
    assert urutan_golongan("IV/e") < urutan_golongan("I")


def test_pangkat_tampil_falls_back_to_what_was_written() -> None:
    assert display_pangkat("III/c") == "Penata (III/c)"
    assert display_pangkat("III/c", "Penata Lama") == "Penata (III/c)"  # a known golongan wins
    assert display_pangkat("", "Penata (III/c)") == "Penata (III/c)"  # an old snapshot's own text
    assert display_pangkat("X/z") == "X/z" and display_pangkat("X/z", "Pembina") == "Pembina"
    assert display_pangkat("") == ""
