"""Tests for the pola distribusi checks (SE MenPANRB 3/2023)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi, Temuan, check_distribusi, persentase
from kinerja_desktop.core.rules.predikat import Predikat

C = CapaianOrganisasi
SB, B, BP, K, SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)


def kode(capaian: CapaianOrganisasi, jumlah: dict[Predikat, int]) -> set[str]:
    return {t.kode for t in check_distribusi(capaian, jumlah)}


def test_label_capaian() -> None:
    assert [c.label for c in C] == ["Istimewa", "Baik", "Butuh Perbaikan (Cukup)", "Kurang", "Sangat Kurang"]
    assert C.BUTUH_PERBAIKAN.value == "butuh_perbaikan"


# Istimewa: Sangat Baik terbanyak, maksimal 70 %.
def test_istimewa_melebihi_70_persen_pesan_lengkap() -> None:
    temuan = check_distribusi(C.ISTIMEWA, {SB: 8, B: 2})
    assert temuan == [
        Temuan(
            "sangat_baik_melebihi_batas",
            "Sangat Baik 8 dari 10 pegawai (80%) melebihi batas 70% untuk capaian organisasi Istimewa.",
        )
    ]


def test_istimewa_tepat_70_persen_lolos() -> None:
    assert check_distribusi(C.ISTIMEWA, {SB: 7, B: 2, BP: 1}) == []


def test_istimewa_sedikit_di_atas_70_persen() -> None:
    # 71 of 101 is 70.3 %: above the cap even though it rounds to 70 %.
    temuan = check_distribusi(C.ISTIMEWA, {SB: 71, B: 30})
    assert [t.kode for t in temuan] == ["sangat_baik_melebihi_batas"]
    assert "(70,3%)" in temuan[0].pesan


def test_istimewa_sangat_baik_bukan_terbanyak() -> None:
    temuan = check_distribusi(C.ISTIMEWA, {SB: 3, B: 5, BP: 2})
    assert [t.kode for t in temuan] == ["sangat_baik_bukan_terbanyak"]
    assert "Baik lebih banyak: 5 pegawai (50%)" in temuan[0].pesan
    assert "3 dari 10 pegawai (30%)" in temuan[0].pesan


def test_istimewa_seri_dihitung_terbanyak() -> None:
    assert check_distribusi(C.ISTIMEWA, {SB: 4, B: 4, BP: 2}) == []


# Baik: Baik terbanyak, maksimal 70 %, wajib ada Butuh Perbaikan dan/atau Kurang.
def test_baik_sesuai_pola() -> None:
    assert check_distribusi(C.BAIK, {SB: 1, B: 7, BP: 2}) == []
    assert check_distribusi(C.BAIK, {B: 6, K: 1, SK: 3}) == []


def test_baik_melebihi_70_persen() -> None:
    assert kode(C.BAIK, {B: 8, BP: 2}) == {"baik_melebihi_batas"}


def test_baik_tanpa_butuh_perbaikan_atau_kurang() -> None:
    temuan = check_distribusi(C.BAIK, {SB: 3, B: 7})
    assert [t.kode for t in temuan] == ["butuh_perbaikan_kurang_tidak_ada"]
    assert "Butuh Perbaikan atau Kurang/Misconduct" in temuan[0].pesan
    assert "capaian organisasi Baik" in temuan[0].pesan


def test_baik_bukan_terbanyak() -> None:
    assert kode(C.BAIK, {SB: 4, B: 3, BP: 3}) == {"baik_bukan_terbanyak"}


# Butuh Perbaikan: minimal 60 %, Sangat Baik maksimal 10 %.
def test_butuh_perbaikan_tepat_60_dan_10_persen() -> None:
    assert check_distribusi(C.BUTUH_PERBAIKAN, {BP: 6, SB: 1, B: 3}) == []
    assert check_distribusi(C.BUTUH_PERBAIKAN, {BP: 3, K: 2}) == []


def test_butuh_perbaikan_kurang_dari_60_persen() -> None:
    temuan = check_distribusi(C.BUTUH_PERBAIKAN, {BP: 5, B: 5})
    assert temuan == [
        Temuan(
            "butuh_perbaikan_kurang_dari_minimum",
            "Butuh Perbaikan hanya 5 dari 10 pegawai (50%), kurang dari minimal 60% "
            "untuk capaian organisasi Butuh Perbaikan (Cukup).",
        )
    ]


def test_butuh_perbaikan_sangat_baik_di_atas_10_persen() -> None:
    temuan = check_distribusi(C.BUTUH_PERBAIKAN, {BP: 6, SB: 1, B: 2})
    assert [t.kode for t in temuan] == ["sangat_baik_melebihi_batas"]
    assert "1 dari 9 pegawai (11,1%)" in temuan[0].pesan


# Kurang: Kurang minimal 60 %, Butuh Perbaikan minimal 10 %, Sangat Baik maksimal 10 %.
def test_kurang_sesuai_pola_pada_batas() -> None:
    assert check_distribusi(C.KURANG, {K: 6, BP: 1, SB: 1, B: 2}) == []


def test_kurang_pelanggaran() -> None:
    assert kode(C.KURANG, {K: 6, B: 4}) == {"butuh_perbaikan_kurang_dari_minimum"}
    assert kode(C.KURANG, {K: 5, BP: 5}) == {"kurang_kurang_dari_minimum"}
    assert kode(C.KURANG, {K: 6, BP: 2, SB: 2}) == {"sangat_baik_melebihi_batas"}


# Sangat Kurang: minimal 60 %, Kurang + Butuh Perbaikan minimal 10 %, tanpa Sangat Baik.
def test_sangat_kurang_sesuai_pola() -> None:
    assert check_distribusi(C.SANGAT_KURANG, {SK: 6, K: 1, B: 3}) == []
    assert check_distribusi(C.SANGAT_KURANG, {SK: 6, BP: 1, B: 3}) == []
    # "dan/atau": each below 10 % alone, together exactly 10 %.
    assert check_distribusi(C.SANGAT_KURANG, {SK: 15, K: 1, BP: 1, B: 3}) == []


def test_sangat_kurang_tanpa_kurang_maupun_butuh_perbaikan() -> None:
    temuan = check_distribusi(C.SANGAT_KURANG, {SK: 6, B: 4})
    assert [t.kode for t in temuan] == ["kurang_butuh_perbaikan_kurang_dari_minimum"]
    assert temuan[0].pesan.startswith("Gabungan Kurang/Misconduct dan Butuh Perbaikan hanya 0 dari 10")


def test_sangat_kurang_tidak_boleh_ada_sangat_baik() -> None:
    temuan = check_distribusi(C.SANGAT_KURANG, {SK: 8, K: 1, SB: 1})
    assert [t.kode for t in temuan] == ["sangat_baik_tidak_boleh_ada"]
    assert "1 dari 10 pegawai (10%)" in temuan[0].pesan
    assert kode(C.SANGAT_KURANG, {SK: 5, SB: 1}) == {
        "sangat_baik_tidak_boleh_ada",
        "kurang_butuh_perbaikan_kurang_dari_minimum",
    }


@pytest.mark.parametrize(
    ("capaian", "predikat", "harapan"),
    [
        (C.ISTIMEWA, SB, {"sangat_baik_melebihi_batas"}),
        (C.BAIK, B, {"baik_melebihi_batas", "butuh_perbaikan_kurang_tidak_ada"}),
        (C.BUTUH_PERBAIKAN, BP, set()),
        (C.KURANG, K, {"butuh_perbaikan_kurang_dari_minimum"}),
        (C.SANGAT_KURANG, SK, {"kurang_butuh_perbaikan_kurang_dari_minimum"}),
    ],
)
def test_unit_satu_orang(capaian: CapaianOrganisasi, predikat: Predikat, harapan: set[str]) -> None:
    assert kode(capaian, {predikat: 1}) == harapan


@pytest.mark.parametrize("capaian", list(C))
def test_unit_kosong_tanpa_temuan(capaian: CapaianOrganisasi) -> None:
    assert check_distribusi(capaian, {}) == []
    assert check_distribusi(capaian, dict.fromkeys(Predikat, 0)) == []


def test_jumlah_negatif_ditolak() -> None:
    with pytest.raises(ValidationError) as info:
        check_distribusi(C.BAIK, {B: -1})
    assert info.value.kolom == "jumlah"
    assert "Baik" in info.value.pesan


def test_persentase() -> None:
    hasil = persentase({SB: 1, B: 2})
    assert hasil[SB] == pytest.approx(100 / 3)
    assert hasil[B] == pytest.approx(200 / 3)
    assert hasil[SK] == 0.0
    assert set(hasil) == set(Predikat)
    assert persentase({}) == dict.fromkeys(Predikat, 0.0)


jumlah_acak = st.fixed_dictionaries({p: st.integers(0, 30) for p in Predikat})


@given(jumlah_acak, st.sampled_from(list(C)), st.integers(2, 7))
def test_temuan_hanya_bergantung_pada_proporsi(
    jumlah: dict[Predikat, int], capaian: CapaianOrganisasi, faktor: int
) -> None:
    dikali = {p: n * faktor for p, n in jumlah.items()}
    assert kode(capaian, dikali) == kode(capaian, jumlah)


@given(jumlah_acak)
def test_persentase_berjumlah_100(jumlah: dict[Predikat, int]) -> None:
    total = sum(persentase(jumlah).values())
    assert total == pytest.approx(100.0 if sum(jumlah.values()) else 0.0)
