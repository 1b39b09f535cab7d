"""An indicator's value so far in the year and its capaian: amounts add up, levels keep the latest."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.core.rules.kumulatif import (
    CaraKumulatif,
    capaian,
    cara_kumulatif,
    format_capaian,
    kumulatif,
)

D = Decimal
JUMLAH, TERAKHIR = CaraKumulatif.JUMLAH, CaraKumulatif.TERAKHIR


@pytest.mark.parametrize(
    ("aspek", "satuan", "cara"),
    [
        ("kuantitas", "dokumen", JUMLAH),
        ("waktu", "bulan", JUMLAH),
        ("biaya", "rupiah", JUMLAH),
        ("kualitas", "%", TERAKHIR),
        ("kualitas", "nilai", TERAKHIR),
        ("kuantitas", "%", TERAKHIR),  # "persentase desa yang …" is a level whatever its aspek
        ("kuantitas", " Persen ", TERAKHIR),
        ("", "", JUMLAH),
    ],
)
def test_amounts_add_up_and_levels_do_not(aspek: str, satuan: str, cara: CaraKumulatif) -> None:
    assert cara_kumulatif(aspek, satuan) is cara


def test_several_periods() -> None:
    assert kumulatif([D(3), D(4), D("2.5")], JUMLAH) == D("9.5")
    assert kumulatif([D(90), D(95), D(92)], TERAKHIR) == D(92)
    assert kumulatif([D(7)], JUMLAH) == D(7)


def test_missing_periods_are_skipped() -> None:
    assert kumulatif([D(3), None, D(5)], JUMLAH) == D(8)
    assert kumulatif([D(3), D(4), None], JUMLAH) == D(7), "this period not reported yet: so far, 7"
    assert kumulatif([D(90), D(95), None], TERAKHIR) == D(95), "the latest reported level"
    assert kumulatif([None, None], JUMLAH) is None and kumulatif([], TERAKHIR) is None
    assert kumulatif([D(0), None], JUMLAH) == D(0), "a reported 0 is a value"


def test_earlier_periods_combine_like_all_periods() -> None:
    """The grid keeps the earlier periods' value and adds this one: the same as all at once."""
    nilai = [D(3), None, D(5), D(2)]
    for cara in CaraKumulatif:
        sebelumnya = kumulatif(nilai[:-1], cara)
        assert kumulatif([sebelumnya, nilai[-1]], cara) == kumulatif(nilai, cara)
        assert kumulatif([sebelumnya, None], cara) == kumulatif(nilai[:-1], cara)


def test_capaian_against_the_annual_target() -> None:
    assert capaian(D(9), D(12)) == D(75)
    assert format_capaian(capaian(D(9), D(12))) == "75,0 %"
    assert format_capaian(capaian(D(681), D(1159))) == "58,8 %"
    assert format_capaian(capaian(D(1500), D(1000))) == "150,0 %"
    assert format_capaian(capaian(D(0), D(5))) == "0,0 %"


def test_no_capaian_without_a_value_or_a_target() -> None:
    assert capaian(None, D(12)) is None
    assert capaian(D(5), None) is None, "a text target"
    assert capaian(D(5), D(0)) is None, "a target of 0 has no percentage"
    assert format_capaian(None) == ""


def test_each_way_says_itself() -> None:
    assert "jumlah" in JUMLAH.penjelasan and "terakhir" in TERAKHIR.penjelasan
