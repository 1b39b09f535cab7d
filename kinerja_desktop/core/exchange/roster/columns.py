"""The roster columns, defined once for export, template and import: headers, widths, kinds, labels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional
from kinerja_desktop.core.rules.pangkat import GOLONGAN_PNS, GOLONGAN_PPPK, StatusKepegawaian

#: Written in the hidden marker sheet; an import refuses other formats and newer versions.
FORMAT = "kinerja-desktop roster"
VERSI = 1
LEMBAR_DATA = "Pegawai"
LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_DAFTAR = "Daftar"
LEMBAR_PENANDA = "_kinerja"
#: Between the parts of a unit path: "Kecamatan Plaju / Sekretariat / Subbagian Umum".
PEMISAH_UNIT = " / "
FORMAT_TANGGAL = "dd/mm/yyyy"


class Jenis(StrEnum):
    """How a column's cells are written and read."""

    TEKS = "teks"
    KODE = "kode"  # text that Excel must not turn into a number (NIP, telephone)
    TANGGAL = "tanggal"


@dataclass(frozen=True)
class Kolom:
    """One roster column: ``kunci`` is the PegawaiInput field (or unit_kerja/atasan/status_aktif)."""

    kunci: str
    judul: str
    lebar: float
    jenis: Jenis = Jenis.TEKS
    alias: tuple[str, ...] = ()
    wajib: bool = False
    petunjuk: str = ""


KOLOM: tuple[Kolom, ...] = (
    Kolom(
        "nip",
        "NIP",
        22,
        Jenis.KODE,
        ("nip ni pppk", "nip pegawai", "ni pppk", "nomor induk pegawai"),
        True,
        "18 digit NIP PNS atau NI PPPK, diketik sebagai teks (spasi boleh).",
    ),
    Kolom("nama", "Nama", 30, alias=("nama pegawai",), wajib=True, petunjuk="Nama tanpa gelar."),
    Kolom("gelar_depan", "Gelar Depan", 12, petunjuk="Misalnya Drs. atau dr."),
    Kolom("gelar_belakang", "Gelar Belakang", 14, petunjuk="Misalnya S.Kom. atau M.Si."),
    Kolom("tempat_lahir", "Tempat Lahir", 16),
    Kolom(
        "tanggal_lahir",
        "Tanggal Lahir",
        13,
        Jenis.TANGGAL,
        ("tgl lahir",),
        petunjuk="Boleh dikosongkan: diambil dari NIP.",
    ),
    Kolom(
        "jenis_kelamin",
        "Jenis Kelamin (L/P)",
        10,
        alias=("jk", "l p", "jenis kelamin l p"),
        petunjuk="L atau P. Boleh dikosongkan: diambil dari NIP.",
    ),
    Kolom(
        "status_kepegawaian",
        "Status (PNS/CPNS/PPPK)",
        12,
        alias=("status kepegawaian", "status pegawai", "status pns cpns pppk"),
        petunjuk="PNS, CPNS atau PPPK (kosong berarti PNS).",
    ),
    Kolom(
        "golongan",
        "Golongan",
        10,
        alias=("gol", "golongan ruang", "gol ruang", "pangkat golongan"),
        petunjuk="PNS/CPNS: I/a sampai IV/e (juga 'III a', '3a'); PPPK: I sampai XVII.",
    ),
    Kolom("tmt_golongan", "TMT Golongan", 13, Jenis.TANGGAL, ("tmt pangkat", "tmt gol")),
    Kolom("tmt_cpns", "TMT CPNS", 13, Jenis.TANGGAL, petunjuk="Boleh dikosongkan: diambil dari NIP PNS."),
    Kolom("jabatan", "Jabatan", 32, alias=("nama jabatan",)),
    Kolom(
        "jenis_jabatan",
        "Jenis Jabatan",
        24,
        petunjuk="Pilih dari daftar: JPT, Administrator, Pengawas, Pelaksana, Jabatan Fungsional.",
    ),
    Kolom(
        "jenjang_jabatan",
        "Jenjang",
        14,
        alias=("jenjang jabatan", "jenjang fungsional"),
        petunjuk="Hanya untuk jabatan fungsional, misalnya Ahli Pertama atau Terampil.",
    ),
    Kolom("tmt_jabatan", "TMT Jabatan", 13, Jenis.TANGGAL),
    Kolom(
        "unit_kerja",
        "Unit Kerja",
        42,
        alias=("unit", "unit organisasi", "satuan kerja"),
        petunjuk="Jalur lengkap dipisah ' / ', misalnya 'Kecamatan Plaju / Seksi Pemerintahan'. "
        "Unit yang belum ada akan dibuat.",
    ),
    Kolom(
        "atasan",
        "NIP Atasan",
        22,
        Jenis.KODE,
        ("nip atasan langsung", "nip pejabat penilai", "nip pejabat penilai kinerja"),
        petunjuk="NIP atasan langsung (pejabat penilai), sebagai teks; boleh pegawai di berkas ini.",
    ),
    Kolom("email", "Email", 26, alias=("e mail", "surel", "alamat surel", "alamat email")),
    Kolom(
        "telepon",
        "Telepon",
        16,
        Jenis.KODE,
        ("no hp", "nomor hp", "hp", "no telepon", "nomor telepon", "telp", "no telp"),
    ),
    Kolom(
        "status_aktif",
        "Status Aktif",
        14,
        alias=("keaktifan",),
        petunjuk="Aktif, Pensiun, Mutasi keluar, Meninggal dunia atau Berhenti (kosong berarti Aktif).",
    ),
    Kolom(
        "tanggal_nonaktif",
        "Tanggal Nonaktif",
        14,
        Jenis.TANGGAL,
        ("tmt nonaktif",),
        petunjuk="Wajib bila Status Aktif bukan Aktif.",
    ),
)

KOLOM_PER_KUNCI: dict[str, Kolom] = {k.kunci: k for k in KOLOM}
#: Roster fields that are PegawaiInput fields of the same name.
MEDAN_INPUT: tuple[str, ...] = tuple(
    k.kunci for k in KOLOM if k.kunci not in ("unit_kerja", "atasan", "status_aktif", "tanggal_nonaktif")
)

_KURUNG = re.compile(r"\([^)]*\)")
_BUKAN_HURUF = re.compile(r"[^0-9a-z]+")


def kunci_judul(teks: str) -> str:
    """A header as compared: "Jenis Kelamin (L/P)", "jenis  kelamin" and "JenisKelamin" all agree."""
    return _BUKAN_HURUF.sub("", _KURUNG.sub(" ", teks.casefold()))


#: Normalised header text (the header itself, with and without its bracket, and aliases) → kunci.
JUDUL_DIKENAL: dict[str, str] = {}
for _k in KOLOM:
    for _teks in (_k.judul, *_k.alias):
        JUDUL_DIKENAL[kunci_judul(_teks)] = _k.kunci
        JUDUL_DIKENAL[_BUKAN_HURUF.sub("", _teks.casefold())] = _k.kunci


def huruf_kolom(indeks: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 → A, 27 → AB."""
    hasil = ""
    n = indeks + 1
    while n:
        n, sisa = divmod(n - 1, 26)
        hasil = chr(65 + sisa) + hasil
    return hasil


def label_status(kode: str) -> str:
    return kode.upper()


def label_jenis_jabatan(kode: str) -> str:
    try:
        return JenisJabatan(kode).label
    except ValueError:
        return kode


def label_jenjang(kode: str) -> str:
    try:
        return JenjangFungsional(kode).label
    except ValueError:
        return kode


def label_status_aktif(kode: str) -> str:
    try:
        return StatusAktif(kode).label
    except ValueError:
        return kode


def pilihan_status() -> list[str]:
    return [s.label for s in StatusKepegawaian]


def pilihan_golongan() -> list[str]:
    return [*GOLONGAN_PNS, *GOLONGAN_PPPK]


def pilihan_jenis_jabatan() -> list[str]:
    return [j.label for j in JenisJabatan]


def pilihan_jenjang() -> list[str]:
    return [j.label for j in JenjangFungsional]


def pilihan_status_aktif() -> list[str]:
    return [s.label for s in StatusAktif]
