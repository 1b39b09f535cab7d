"""NIP of PNS and NI PPPK: 18-digit identity numbers (Perka BKN 22/2007), parsing and building."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.tanggal import NAMA_BULAN, format_tanggal


class JenisNip(StrEnum):
    """Layout of the 18 digits: PNS (TMT CPNS year and month) or PPPK (year and 2-digit code)."""

    PNS = "pns"
    PPPK = "pppk"

    @property
    def label(self) -> str:
        """Display text: "NIP PNS" or "NI PPPK"."""
        return "NIP PNS" if self == JenisNip.PNS else "NI PPPK"


@dataclass(frozen=True)
class NipInfo:
    """The parts of a valid NIP; PNS fill ``tmt_cpns``, PPPK fill ``tahun_pengangkatan``/``kode_pppk``."""

    nip: str
    jenis: JenisNip
    tanggal_lahir: date
    tmt_cpns: date | None
    tahun_pengangkatan: int | None
    kode_pppk: str | None
    jenis_kelamin: str
    nomor_urut: int


_BUANG = re.compile(r"[\s.\-\u2010-\u2015\u2212\u200b\ufeff]")
_AWALAN = re.compile(r"^\s*(NIP|NI\s*PPPK)\s*[.:]?", re.IGNORECASE)
_ANGKA = frozenset("0123456789")
_SUSUNAN = (
    "NIP PNS: 8 digit tanggal lahir (TTTTBBHH), 6 digit TMT CPNS (TTTTBB), 1 digit jenis kelamin, "
    "3 digit nomor urut. NI PPPK: 8 digit tanggal lahir, 4 digit tahun pengangkatan, 2 digit kode, "
    "1 digit jenis kelamin, 3 digit nomor urut. Periksa kembali NIP pada SK atau kartu pegawai."
)
_LABEL_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}


def _gagal(pesan: str) -> ValidationError:
    return ValidationError(pesan, kolom="nip", saran=_SUSUNAN)


def normalize_nip(text: str) -> str:
    """Remove spaces (also non-breaking), dots, dashes and a leading "NIP"; does not validate."""
    return _BUANG.sub("", _AWALAN.sub("", text))


def _umur(lahir: date, tahun: int, bulan: int, hari: int) -> int:
    return tahun - lahir.year - ((bulan, hari) < (lahir.month, lahir.day))


def _ulang_tahun_17(lahir: date) -> date:
    try:
        return lahir.replace(year=lahir.year + 17)
    except ValueError:  # 29 February in a non-leap year
        return date(lahir.year + 17, 3, 1)


def _deteksi(nip: str) -> JenisNip:
    return JenisNip.PNS if 1 <= int(nip[12:14]) <= 12 else JenisNip.PPPK


def kode_jenis_kelamin(teks: str) -> str:
    """ "L" or "P" from what people type (L/P, Laki-laki, Pria, Perempuan, Wanita, 1/2)."""
    kunci = teks.strip().upper()
    if kunci in ("L", "LAKI-LAKI", "LAKI LAKI", "LAKI", "PRIA", "1"):
        return "L"
    if kunci in ("P", "PEREMPUAN", "WANITA", "W", "2"):
        return "P"
    raise ValidationError(
        f"Jenis kelamin '{teks}' tidak dikenali.",
        kolom="jenis_kelamin",
        saran="Isi L untuk laki-laki atau P untuk perempuan.",
    )


def parse_nip(text: str, jenis: JenisNip | None = None, *, hari_ini: date | None = None) -> NipInfo:
    """Validate an NIP and split it into its parts.

    Without ``jenis`` the layout is guessed: digits 13–14 forming a month 01–12 mean PNS,
    anything else PPPK (a PPPK code 01–12 is therefore read as PNS unless ``jenis`` is given).
    ``hari_ini`` (default today) is used for the "at least 17 years old" checks.
    """
    hari_ini = hari_ini or date.today()
    nip = normalize_nip(text)
    if not nip:
        raise _gagal("NIP belum diisi.")
    asing = sorted({c for c in nip if c not in _ANGKA})
    if asing:
        daftar = ", ".join(f"'{c}'" for c in asing)
        raise _gagal(f"NIP hanya boleh berisi angka, tetapi ada karakter {daftar}.")
    if len(nip) != 18:
        raise _gagal(f"NIP harus 18 digit, tetapi yang diisi {len(nip)} digit.")
    try:
        lahir = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise _gagal(f"8 digit pertama ({nip[:8]}) bukan tanggal lahir yang sah.") from None
    if lahir.year < 1940:
        raise _gagal(f"Tahun lahir pada NIP ({lahir.year}) tidak masuk akal: sebelum 1940.")
    if _umur(lahir, hari_ini.year, hari_ini.month, hari_ini.day) < 17:
        raise _gagal(
            f"Tanggal lahir pada NIP ({format_tanggal(lahir)}) berarti pegawai belum berumur 17 tahun."
        )
    jenis = JenisNip(jenis) if jenis is not None else _deteksi(nip)
    tahun = int(nip[8:12])
    tmt: date | None = None
    kode: str | None = None
    if jenis == JenisNip.PNS:
        bulan = int(nip[12:14])
        if not 1 <= bulan <= 12:
            raise _gagal(
                f"Digit ke-13 dan ke-14 NIP ({nip[12:14]}) adalah bulan TMT CPNS, harus 01 sampai 12."
            )
        if _umur(lahir, tahun, bulan, 1) < 17:
            raise _gagal(
                f"TMT CPNS pada NIP ({NAMA_BULAN[bulan]} {tahun}) lebih awal dari ulang tahun ke-17 "
                f"pegawai ({format_tanggal(_ulang_tahun_17(lahir))})."
            )
        if tahun > hari_ini.year + 1:
            raise _gagal(f"TMT CPNS pada NIP ({NAMA_BULAN[bulan]} {tahun}) masih jauh di masa depan.")
        tmt = date(tahun, bulan, 1)
    else:
        if _umur(lahir, tahun, 12, 31) < 17:
            raise _gagal(
                f"Tahun pengangkatan PPPK pada NIP ({tahun}) lebih awal dari tahun pegawai berumur "
                f"17 tahun ({lahir.year + 17})."
            )
        if tahun > hari_ini.year + 1:
            raise _gagal(f"Tahun pengangkatan PPPK pada NIP ({tahun}) masih jauh di masa depan.")
        kode = nip[12:14]
    if nip[14] not in "12":
        raise _gagal(
            f"Digit ke-15 NIP ({nip[14]}) adalah jenis kelamin, harus 1 (laki-laki) atau 2 (perempuan)."
        )
    if nip[15:] == "000":
        raise _gagal("Nomor urut NIP (3 digit terakhir) tidak boleh 000; nomor urut dimulai dari 001.")
    return NipInfo(
        nip=nip,
        jenis=jenis,
        tanggal_lahir=lahir,
        tmt_cpns=tmt,
        tahun_pengangkatan=tahun if jenis == JenisNip.PPPK else None,
        kode_pppk=kode,
        jenis_kelamin="L" if nip[14] == "1" else "P",
        nomor_urut=int(nip[15:]),
    )


def format_nip(nip: str, jenis: JenisNip | None = None) -> str:
    """Grouped for print: PNS "19860926 201505 1 001", PPPK "19860926 2023 21 1 001".

    Text that is not 18 digits after normalising is returned stripped but otherwise unchanged,
    so that bad legacy data still displays.
    """
    angka = normalize_nip(nip)
    if len(angka) != 18 or not set(angka) <= _ANGKA:
        return nip.strip()
    jenis = JenisNip(jenis) if jenis is not None else _deteksi(angka)
    if jenis == JenisNip.PNS:
        return f"{angka[:8]} {angka[8:14]} {angka[14]} {angka[15:]}"
    return f"{angka[:8]} {angka[8:12]} {angka[12:14]} {angka[14]} {angka[15:]}"


def _ekor(jenis_kelamin: str, nomor_urut: int) -> str:
    if isinstance(nomor_urut, bool) or not 1 <= nomor_urut <= 999:
        raise ValidationError(
            f"Nomor urut NIP {nomor_urut} tidak sah.", kolom="nip", saran="Nomor urut harus 1 sampai 999."
        )
    return ("1" if kode_jenis_kelamin(jenis_kelamin) == "L" else "2") + f"{nomor_urut:03d}"


def _check_year(tahun: int, nama: str) -> None:
    if not 1000 <= tahun <= 9999:
        raise ValidationError(f"{nama} {tahun} tidak sah.", kolom="nip", saran="Tahun harus 4 digit.")


def make_nip_pns(tanggal_lahir: date, tmt_cpns: date, jenis_kelamin: str, nomor_urut: int) -> str:
    """The 18-digit NIP of a PNS; only the year and month of ``tmt_cpns`` are used."""
    _check_year(tanggal_lahir.year, "Tahun lahir")
    _check_year(tmt_cpns.year, "Tahun TMT CPNS")
    return f"{tanggal_lahir:%Y%m%d}{tmt_cpns.year:04d}{tmt_cpns.month:02d}{_ekor(jenis_kelamin, nomor_urut)}"


def make_nip_pppk(tanggal_lahir: date, tahun: int, kode: str, jenis_kelamin: str, nomor_urut: int) -> str:
    """The 18-digit NI PPPK: birth date, year of appointment, 2-digit code, gender, serial."""
    _check_year(tanggal_lahir.year, "Tahun lahir")
    _check_year(tahun, "Tahun pengangkatan")
    if len(kode) != 2 or not set(kode) <= _ANGKA:
        raise ValidationError(
            f"Kode NI PPPK '{kode}' tidak sah.", kolom="nip", saran="Kode harus tepat 2 digit angka."
        )
    return f"{tanggal_lahir:%Y%m%d}{tahun:04d}{kode}{_ekor(jenis_kelamin, nomor_urut)}"


def check_consistency(
    info: NipInfo, tanggal_lahir: date | None, jenis_kelamin: str | None, tmt_cpns: date | None
) -> list[str]:
    """Messages where typed employee data disagrees with the NIP; None skips a check."""
    pesan: list[str] = []
    if tanggal_lahir is not None and tanggal_lahir != info.tanggal_lahir:
        pesan.append(
            f"Tanggal lahir {format_tanggal(tanggal_lahir)} tidak sama dengan tanggal lahir pada NIP "
            f"({format_tanggal(info.tanggal_lahir)})."
        )
    if jenis_kelamin is not None and jenis_kelamin.strip():
        kode = kode_jenis_kelamin(jenis_kelamin)
        if kode != info.jenis_kelamin:
            pesan.append(
                f"Jenis kelamin {_LABEL_KELAMIN[kode]} tidak sama dengan NIP "
                f"(digit ke-15 menunjukkan {_LABEL_KELAMIN[info.jenis_kelamin].lower()})."
            )
    if tmt_cpns is not None:
        if info.tmt_cpns is None:
            pesan.append(
                f"NIP ini berformat NI PPPK (tanpa TMT CPNS), tetapi TMT CPNS diisi "
                f"{format_tanggal(tmt_cpns)}. Periksa status kepegawaian atau NIP."
            )
        elif (tmt_cpns.year, tmt_cpns.month) != (info.tmt_cpns.year, info.tmt_cpns.month):
            pesan.append(
                f"TMT CPNS {format_tanggal(tmt_cpns)} tidak sesuai dengan NIP "
                f"(digit 9–14 menunjukkan {NAMA_BULAN[info.tmt_cpns.month]} {info.tmt_cpns.year})."
            )
    return pesan
