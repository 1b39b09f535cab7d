"""Tests for parsing, formatting and building NIP PNS and NI PPPK."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.nip import (
    JenisNip,
    NipInfo,
    check_consistency,
    format_nip,
    make_nip_pns,
    make_nip_pppk,
    normalize_nip,
    parse_nip,
)

HARI_INI = date(2026, 11, 23)
CONTOH = "198609262015051001"


def parse(teks: str, jenis: JenisNip | None = None) -> NipInfo:
    return parse_nip(teks, jenis, hari_ini=HARI_INI)


def test_contoh_nyata() -> None:
    info = parse(CONTOH)
    assert info == NipInfo(
        nip=CONTOH,
        jenis=JenisNip.PNS,
        tanggal_lahir=date(1986, 9, 26),
        tmt_cpns=date(2015, 5, 1),
        tahun_pengangkatan=None,
        kode_pppk=None,
        jenis_kelamin="L",
        nomor_urut=1,
    )
    assert format_nip(CONTOH) == "19860926 201505 1 001"


def test_contoh_pppk() -> None:
    info = parse("199001152023212007")
    assert info.jenis is JenisNip.PPPK
    assert info.tanggal_lahir == date(1990, 1, 15)
    assert (info.tahun_pengangkatan, info.kode_pppk, info.tmt_cpns) == (2023, "21", None)
    assert (info.jenis_kelamin, info.nomor_urut) == ("P", 7)
    assert format_nip("199001152023212007") == "19900115 2023 21 2 007"


def test_kode_pppk_mirip_bulan_butuh_jenis() -> None:
    nip = "199001152023052001"
    assert parse(nip).jenis is JenisNip.PNS
    info = parse(nip, JenisNip.PPPK)
    assert (info.jenis, info.tahun_pengangkatan, info.kode_pppk) == (JenisNip.PPPK, 2023, "05")
    assert format_nip(nip, JenisNip.PPPK) == "19900115 2023 05 2 001"


@pytest.mark.parametrize(
    "teks",
    [
        "19860926 201505 1 001",
        "19860926.201505.1.001",
        "19860926-201505-1-001",
        "19860926\u00a0201505\u00a01\u00a0001",
        " 1986 0926 2015 0510 01 ",
        "NIP. 19860926 201505 1 001",
        "nip 198609262015051001",
    ],
)
def test_normalize(teks: str) -> None:
    assert normalize_nip(teks) == CONTOH
    assert parse(teks).nip == CONTOH


def test_normalize_tidak_memvalidasi() -> None:
    assert normalize_nip("12 ab-3") == "12ab3"


def test_format_nilai_rusak_dibiarkan() -> None:
    assert format_nip(" 12345 ") == "12345"
    assert format_nip("1986092620150510x1") == "1986092620150510x1"


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("", "NIP belum diisi."),
        ("19860926201505100", "NIP harus 18 digit, tetapi yang diisi 17 digit."),
        ("1986092620150510011", "NIP harus 18 digit, tetapi yang diisi 19 digit."),
        ("19860926201505100O", "NIP hanya boleh berisi angka, tetapi ada karakter 'O'."),
        ("198613262015051001", "8 digit pertama (19861326) bukan tanggal lahir yang sah."),
        ("198602302015051001", "8 digit pertama (19860230) bukan tanggal lahir yang sah."),
        ("193912312015051001", "Tahun lahir pada NIP (1939) tidak masuk akal: sebelum 1940."),
        (
            "200911242025051001",
            "Tanggal lahir pada NIP (24 November 2009) berarti pegawai belum berumur 17 tahun.",
        ),
        (
            "198609262003051001",
            "TMT CPNS pada NIP (Mei 2003) lebih awal dari ulang tahun ke-17 pegawai (26 September 2003).",
        ),
        ("198609262028051001", "TMT CPNS pada NIP (Mei 2028) masih jauh di masa depan."),
        (
            "198609262015053001",
            "Digit ke-15 NIP (3) adalah jenis kelamin, harus 1 (laki-laki) atau 2 (perempuan).",
        ),
        (
            "198609262015050001",
            "Digit ke-15 NIP (0) adalah jenis kelamin, harus 1 (laki-laki) atau 2 (perempuan).",
        ),
        (
            "198609262015051000",
            "Nomor urut NIP (3 digit terakhir) tidak boleh 000; nomor urut dimulai dari 001.",
        ),
        (
            "198609262002211001",
            "Tahun pengangkatan PPPK pada NIP (2002) lebih awal dari tahun pegawai berumur 17 tahun (2003).",
        ),
        ("198609262028211001", "Tahun pengangkatan PPPK pada NIP (2028) masih jauh di masa depan."),
    ],
)
def test_penolakan(teks: str, pesan: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse(teks)
    assert info.value.kolom == "nip"
    assert info.value.pesan == pesan
    assert info.value.saran is not None
    assert "TTTTBBHH" in info.value.saran


def test_bulan_tmt_salah_bila_jenis_pns() -> None:
    with pytest.raises(ValidationError) as info:
        parse("198609262015131001", JenisNip.PNS)
    assert info.value.pesan == "Digit ke-13 dan ke-14 NIP (13) adalah bulan TMT CPNS, harus 01 sampai 12."
    # Without a jenis the same digits are a valid NI PPPK with code 13.
    assert parse("198609262015131001").kode_pppk == "13"


def test_tepat_17_tahun_diterima() -> None:
    assert parse("200911232027011001").tanggal_lahir == date(2009, 11, 23)
    assert parse("198609262003101001").tmt_cpns == date(2003, 10, 1)
    # TMT 1 September 2003 is before the 17th birthday on 26 September 2003.
    with pytest.raises(ValidationError, match="ulang tahun ke-17"):
        parse("198609262003091001")


def test_tahun_1940_diterima() -> None:
    assert parse("194001012015051001").tanggal_lahir.year == 1940


def test_hari_ini_bawaan_dipakai() -> None:
    assert parse_nip(CONTOH).nip == CONTOH


def tanggal_lahir() -> st.SearchStrategy[date]:
    return st.dates(min_value=date(1940, 1, 1), max_value=date(2009, 11, 23))


@st.composite
def data_pns(draw: st.DrawFn) -> tuple[date, date, str, int]:
    lahir = draw(tanggal_lahir())
    tahun_awal = lahir.year + 17 + (1 if (lahir.month, lahir.day) > (1, 1) else 0)
    tahun = draw(st.integers(tahun_awal, HARI_INI.year + 1))
    tmt = date(tahun, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    return lahir, tmt, draw(st.sampled_from(["L", "P"])), draw(st.integers(1, 999))


@given(data_pns())
def test_pns_bangun_lalu_urai(data: tuple[date, date, str, int]) -> None:
    lahir, tmt, kelamin, urut = data
    nip = make_nip_pns(lahir, tmt, kelamin, urut)
    info = parse(nip)
    assert info.jenis is JenisNip.PNS
    assert info.tanggal_lahir == lahir
    assert info.tmt_cpns == tmt.replace(day=1)
    assert (info.jenis_kelamin, info.nomor_urut) == (kelamin, urut)
    assert normalize_nip(format_nip(nip)) == nip
    assert check_consistency(info, lahir, kelamin, tmt) == []


@given(
    tanggal_lahir(),
    st.integers(0, 40),
    st.from_regex(r"[0-9]{2}", fullmatch=True),
    st.sampled_from(["L", "P"]),
    st.integers(1, 999),
)
def test_pppk_bangun_lalu_urai(lahir: date, tambah: int, kode: str, kelamin: str, urut: int) -> None:
    tahun = min(lahir.year + 17 + tambah, HARI_INI.year + 1)
    nip = make_nip_pppk(lahir, tahun, kode, kelamin, urut)
    info = parse(nip, JenisNip.PPPK)
    assert (info.tanggal_lahir, info.tahun_pengangkatan, info.kode_pppk) == (lahir, tahun, kode)
    assert (info.jenis_kelamin, info.nomor_urut, info.tmt_cpns) == (kelamin, urut, None)
    assert normalize_nip(format_nip(nip, JenisNip.PPPK)) == nip
    assert format_nip(nip, JenisNip.PPPK).split(" ")[2] == kode
    if not 1 <= int(kode) <= 12:
        assert parse(nip).jenis is JenisNip.PPPK


def test_buat_nip() -> None:
    assert make_nip_pns(date(1986, 9, 26), date(2015, 5, 20), "L", 1) == CONTOH
    assert make_nip_pppk(date(1990, 1, 15), 2023, "21", "P", 7) == "199001152023212007"
    assert make_nip_pns(date(1986, 9, 26), date(2015, 5, 1), "perempuan", 12)[-4:] == "2012"


@pytest.mark.parametrize(
    ("kelamin", "urut", "kolom"),
    [("X", 1, "jenis_kelamin"), ("L", 0, "nip"), ("P", 1000, "nip")],
)
def test_buat_nip_ditolak(kelamin: str, urut: int, kolom: str) -> None:
    with pytest.raises(ValidationError) as info:
        make_nip_pns(date(1986, 9, 26), date(2015, 5, 1), kelamin, urut)
    assert info.value.kolom == kolom


@pytest.mark.parametrize("kode", ["1", "123", "a1"])
def test_buat_nip_pppk_kode_salah(kode: str) -> None:
    with pytest.raises(ValidationError, match="Kode NI PPPK"):
        make_nip_pppk(date(1990, 1, 15), 2023, kode, "L", 1)


def test_cek_kesesuaian_pns() -> None:
    info = parse(CONTOH)
    assert check_consistency(info, date(1986, 9, 26), "L", date(2015, 5, 1)) == []
    assert check_consistency(info, None, None, None) == []
    assert check_consistency(info, None, "Laki-laki", date(2015, 5, 31)) == []
    pesan = check_consistency(info, date(1987, 3, 12), "P", date(2016, 1, 1))
    assert pesan == [
        "Tanggal lahir 12 Maret 1987 tidak sama dengan tanggal lahir pada NIP (26 September 1986).",
        "Jenis kelamin Perempuan tidak sama dengan NIP (digit ke-15 menunjukkan laki-laki).",
        "TMT CPNS 1 Januari 2016 tidak sesuai dengan NIP (digit 9–14 menunjukkan Mei 2015).",
    ]


def test_cek_kesesuaian_pppk_dengan_tmt_cpns() -> None:
    info = parse("199001152023212007")
    pesan = check_consistency(info, None, "P", date(2023, 3, 1))
    assert len(pesan) == 1
    assert pesan[0].startswith("NIP ini berformat NI PPPK")


def test_cek_kesesuaian_jenis_kelamin_tidak_dikenal() -> None:
    with pytest.raises(ValidationError) as info:
        check_consistency(parse(CONTOH), None, "?", None)
    assert info.value.kolom == "jenis_kelamin"


def test_angka_non_ascii_ditolak() -> None:
    with pytest.raises(ValidationError) as info:
        parse("19860926201505100\u0663")
    assert "hanya boleh berisi angka" in info.value.pesan
