"""Plain data of staff records: what forms and imports hand in, and what lists and details show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class StatusAktif(StrEnum):
    """Whether a pegawai is serving, and why not."""

    AKTIF = "aktif"
    PENSIUN = "pensiun"
    MUTASI_KELUAR = "mutasi_keluar"
    MENINGGAL = "meninggal"
    BERHENTI = "berhenti"

    @property
    def label(self) -> str:
        return {
            "aktif": "Aktif",
            "pensiun": "Pensiun",
            "mutasi_keluar": "Mutasi keluar",
            "meninggal": "Meninggal dunia",
            "berhenti": "Berhenti",
        }[self.value]


@dataclass(frozen=True)
class PegawaiInput:
    """Every editable field of a pegawai; codes as stored (status "pns", golongan "III/b", …)."""

    nip: str
    nama: str
    status_kepegawaian: str = "pns"
    gelar_depan: str = ""
    gelar_belakang: str = ""
    tempat_lahir: str = ""
    tanggal_lahir: date | None = None
    jenis_kelamin: str = ""
    tmt_cpns: date | None = None
    golongan: str = ""
    tmt_golongan: date | None = None
    jabatan: str = ""
    jenis_jabatan: str = ""
    jenjang_jabatan: str = ""
    tmt_jabatan: date | None = None
    unit_kerja_id: str | None = None
    atasan_id: str | None = None
    email: str = ""
    telepon: str = ""
    alamat: str = ""


@dataclass(frozen=True)
class Masalah:
    """One problem with a value: an error blocks saving, a warning (``peringatan``) does not; ``saran``
    says what to do when the message alone does not."""

    kolom: str
    pesan: str
    peringatan: bool = False
    saran: str = ""


@dataclass(frozen=True)
class PegawaiRow:
    """A line of the staff list (cheap to build for 15,000 pegawai)."""

    id: str
    nip: str
    nama: str
    nama_lengkap: str
    status_kepegawaian: str
    golongan: str
    jabatan: str
    jenis_jabatan: str
    unit_kerja_id: str | None
    unit_nama: str
    atasan_id: str | None
    atasan_nama: str
    status_aktif: str
    jenis_kelamin: str
    revisi: int | None = None  # as read, for an action on the row (None: not read, not checked)


@dataclass(frozen=True)
class RiwayatJabatanRow:
    id: str
    jabatan: str
    jenis_jabatan: str
    jenjang_jabatan: str
    unit_nama: str
    tmt: date | None
    sampai: date | None
    keterangan: str


@dataclass(frozen=True)
class RiwayatPangkatRow:
    id: str
    golongan: str
    tmt: date | None
    nomor_sk: str
    keterangan: str


@dataclass(frozen=True)
class Orang:
    """Who someone is, briefly: for superiors shown beside a pegawai."""

    id: str
    nama: str
    nip: str
    jabatan: str


@dataclass(frozen=True)
class PegawaiDetail:
    """Everything the detail form shows about one pegawai."""

    id: str
    data: PegawaiInput
    status_aktif: str
    tanggal_nonaktif: date | None
    alasan_nonaktif: str
    revisi: int
    unit_nama: str
    atasan: Orang | None
    atasan_penilai: Orang | None
    riwayat_jabatan: list[RiwayatJabatanRow] = field(default_factory=list)
    riwayat_pangkat: list[RiwayatPangkatRow] = field(default_factory=list)


def nama_lengkap(nama: str, gelar_depan: str = "", gelar_belakang: str = "") -> str:
    """Name with titles as printed: "Drs. Ahmad Fauzi, M.Si"."""
    text = f"{gelar_depan} {nama}".strip() if gelar_depan else nama
    return f"{text}, {gelar_belakang}" if gelar_belakang else text
