"""Tests for the predikat to angka kredit conversion."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.angka_kredit import (
    KOEFISIEN_JENJANG,
    PERSENTASE_PREDIKAT,
    compute_angka_kredit,
)
from kinerja_desktop.core.rules.jabatan import JenjangFungsional
from kinerja_desktop.core.rules.predikat import Predikat

J = JenjangFungsional
P = Predikat


def test_contoh_ahli_madya_baik() -> None:
    hasil = compute_angka_kredit(J.AHLI_MADYA, P.BAIK)
    assert hasil == Decimal("37.5")
    assert str(hasil) == "37.500"


def test_tabel_persentase_dan_koefisien() -> None:
    harapan_persen = {
        P.SANGAT_BAIK: Decimal(150),
        P.BAIK: Decimal(100),
        P.BUTUH_PERBAIKAN: Decimal(75),
        P.KURANG: Decimal(50),
        P.SANGAT_KURANG: Decimal(25),
    }
    harapan_koefisien = {
        J.AHLI_UTAMA: Decimal(50),
        J.AHLI_MADYA: Decimal("37.5"),
        J.AHLI_MUDA: Decimal(25),
        J.AHLI_PERTAMA: Decimal("12.5"),
        J.PENYELIA: Decimal(25),
        J.MAHIR: Decimal("12.5"),
        J.TERAMPIL: Decimal(5),
        J.PEMULA: Decimal("3.75"),
    }
    assert harapan_persen == PERSENTASE_PREDIKAT
    assert harapan_koefisien == KOEFISIEN_JENJANG


@pytest.mark.parametrize(
    ("jenjang", "predikat", "harapan"),
    [
        (J.AHLI_UTAMA, P.SANGAT_BAIK, "75"),
        (J.AHLI_MUDA, P.BUTUH_PERBAIKAN, "18.75"),
        (J.AHLI_PERTAMA, P.KURANG, "6.25"),
        (J.TERAMPIL, P.SANGAT_KURANG, "1.25"),
        (J.PEMULA, P.BUTUH_PERBAIKAN, "2.813"),  # 2.8125 rounds half up
    ],
)
def test_setahun_penuh(jenjang: JenjangFungsional, predikat: Predikat, harapan: str) -> None:
    assert compute_angka_kredit(jenjang, predikat) == Decimal(harapan)


def test_pro_rata_bulan() -> None:
    assert compute_angka_kredit(J.AHLI_MADYA, P.BAIK, bulan=6) == Decimal("18.75")
    assert compute_angka_kredit(J.AHLI_MADYA, P.BAIK, bulan=1) == Decimal("3.125")
    # 12.5 × 150 % × 5/12 = 7.8125: half-up gives 7.813 (banker's rounding would give 7.812).
    assert compute_angka_kredit(J.AHLI_PERTAMA, P.SANGAT_BAIK, bulan=5) == Decimal("7.813")
    # 3.75 × 25 % × 1/12 = 0.078125
    assert compute_angka_kredit(J.PEMULA, P.SANGAT_KURANG, bulan=1) == Decimal("0.078")


def test_selalu_tiga_desimal() -> None:
    for jenjang in J:
        for predikat in P:
            for bulan in range(1, 13):
                assert compute_angka_kredit(jenjang, predikat, bulan).as_tuple().exponent == -3


@pytest.mark.parametrize("bulan", [0, 13, -1, True])
def test_bulan_di_luar_rentang(bulan: int) -> None:
    with pytest.raises(ValidationError) as info:
        compute_angka_kredit(J.AHLI_MUDA, P.BAIK, bulan)
    assert info.value.kolom == "bulan"
    assert "1 sampai 12" in str(info.value)
