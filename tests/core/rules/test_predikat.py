"""Tests for ratings and the 3×3 predikat matrix."""

from __future__ import annotations

import pytest

from kinerja_desktop.core.rules.predikat import Predikat, Rating, compute_predikat

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH


@pytest.mark.parametrize(
    ("hasil", "perilaku", "predikat"),
    [
        (A, A, Predikat.SANGAT_BAIK),
        (A, S, Predikat.BAIK),
        (A, B, Predikat.KURANG),
        (S, A, Predikat.BAIK),
        (S, S, Predikat.BAIK),
        (S, B, Predikat.KURANG),
        (B, A, Predikat.BUTUH_PERBAIKAN),
        (B, S, Predikat.BUTUH_PERBAIKAN),
        (B, B, Predikat.SANGAT_KURANG),
    ],
)
def test_matriks_setiap_sel(hasil: Rating, perilaku: Rating, predikat: Predikat) -> None:
    assert compute_predikat(hasil, perilaku) is predikat


def test_matriks_menerima_kode_simpan() -> None:
    assert compute_predikat(Rating("di_bawah"), Rating("di_atas")) is Predikat.BUTUH_PERBAIKAN


def test_matriks_tidak_simetris() -> None:
    # Hasil di atas + perilaku di bawah is misconduct; the mirror case only needs improvement.
    assert compute_predikat(A, B) is not compute_predikat(B, A)


def test_rating_kode_dan_label() -> None:
    assert [r.value for r in Rating] == ["di_atas", "sesuai", "di_bawah"]
    assert [r.label for r in Rating] == ["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
    assert [r.kode_angka for r in Rating] == [3, 2, 1]


def test_predikat_kode_label_urutan() -> None:
    assert [p.value for p in Predikat] == [
        "sangat_baik",
        "baik",
        "butuh_perbaikan",
        "kurang",
        "sangat_kurang",
    ]
    assert [p.label for p in Predikat] == [
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
    ]
    acak = [Predikat.KURANG, Predikat.SANGAT_BAIK, Predikat.SANGAT_KURANG, Predikat.BAIK]
    urut = sorted(acak, key=lambda p: p.urutan)
    assert urut == [Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.KURANG, Predikat.SANGAT_KURANG]
    assert Predikat.SANGAT_BAIK.urutan == 0
    assert Predikat.SANGAT_KURANG.urutan == 4
