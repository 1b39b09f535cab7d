"""In-memory records the generators share while they write rows: units and pegawai of the demo office."""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja_desktop.core.demo.data_jabatan import JenisUnit
from kinerja_desktop.core.demo.data_rhk import RhkContoh
from kinerja_desktop.core.rules.jabatan import JenisJabatan, JenjangFungsional
from kinerja_desktop.core.rules.pangkat import PANGKAT_PNS
from kinerja_desktop.core.rules.predikat import Rating

PERIODE_REALISASI = ("TW1", "TW2", "TW3")


@dataclass(eq=False)
class DUnit:
    """A unit of the demo office; ``capaian`` maps period code to a CapaianOrganisasi value."""

    id: str
    jenis: JenisUnit
    nama: str
    kode: str
    induk: DUnit | None
    jabatan_kepala: str
    urutan: int
    kedalaman: int
    kepala: DPegawai | None = None
    daun: bool = True
    capaian: dict[str, str] = field(default_factory=dict)


@dataclass(eq=False)
class DRhk:
    """An RHK as later steps need it: id, jenis, template, and its indicators (id, aspek, target)."""

    id: str
    jenis: str
    contoh: RhkContoh
    indikator: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass(eq=False)
class DPegawai:
    """A demo pegawai with what the SKP and evaluation steps need to know about them."""

    id: str
    nama: str
    gelar_depan: str
    gelar_belakang: str
    nip: str
    status: str
    golongan: str
    jabatan: str
    jenis_jabatan: JenisJabatan
    jenjang: JenjangFungsional | None
    unit: DUnit
    atasan: DPegawai | None
    kepala_dari: DUnit | None = None
    skp_id: str = ""
    skp_status: str = ""
    rhk: list[DRhk] = field(default_factory=list)
    rating: dict[str, tuple[Rating, Rating]] = field(default_factory=dict)

    @property
    def nama_lengkap(self) -> str:
        nama = f"{self.gelar_depan} {self.nama}" if self.gelar_depan else self.nama
        return f"{nama}, {self.gelar_belakang}" if self.gelar_belakang else nama

    def snapshot(self) -> dict[str, str]:
        """Who this pegawai is now, as a final evaluation freezes it."""
        return {
            "nama": self.nama_lengkap,
            "nip": self.nip,
            "pangkat": PANGKAT_PNS.get(self.golongan, ""),
            "golongan": self.golongan,
            "jabatan": self.jabatan,
            "unit": self.unit.nama,
        }
