"""Roles, permissions and the acting user; services call ``require`` before they change anything."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kinerja_desktop.core.db.session import AuditActor
from kinerja_desktop.core.errors import PermissionDenied


class Peran(StrEnum):
    """The four roles of a local account."""

    ADMIN = "admin"
    OPERATOR = "operator"
    PENILAI = "penilai"
    PIMPINAN = "pimpinan"

    @property
    def label(self) -> str:
        return _PERAN_LABEL[self]


_PERAN_LABEL = {
    Peran.ADMIN: "Administrator",
    Peran.OPERATOR: "Operator",
    Peran.PENILAI: "Pejabat Penilai",
    Peran.PIMPINAN: "Pimpinan (hanya lihat)",
}


class Izin(StrEnum):
    """What an action needs; the label completes the sentence "Anda tidak berhak …"."""

    LIHAT_DATA = "lihat_data"
    KELOLA_PENGGUNA = "kelola_pengguna"
    KELOLA_KANTOR = "kelola_kantor"
    KELOLA_PEGAWAI = "kelola_pegawai"
    KELOLA_SKP = "kelola_skp"
    SETUJUI_SKP = "setujui_skp"
    NILAI_KINERJA = "nilai_kinerja"
    BUKA_EVALUASI = "buka_evaluasi"
    CADANGAN = "cadangan"
    PULIHKAN = "pulihkan"
    LIHAT_AUDIT = "lihat_audit"
    SINKRONISASI = "sinkronisasi"
    TERIMA_KUNCI = "terima_kunci"
    CETAK = "cetak"

    @property
    def label(self) -> str:
        return _IZIN_LABEL[self]


_IZIN_LABEL = {
    Izin.LIHAT_DATA: "melihat data",
    Izin.KELOLA_PENGGUNA: "mengelola akun pengguna",
    Izin.KELOLA_KANTOR: "mengubah identitas kantor",
    Izin.KELOLA_PEGAWAI: "mengubah data pegawai dan unit kerja",
    Izin.KELOLA_SKP: "menyusun SKP dan mengisi realisasi",
    Izin.SETUJUI_SKP: "menyetujui atau menolak SKP",
    Izin.NILAI_KINERJA: "menilai dan memfinalkan evaluasi kinerja",
    Izin.BUKA_EVALUASI: "membuka kembali evaluasi yang sudah final",
    Izin.CADANGAN: "membuat cadangan basis data",
    Izin.PULIHKAN: "memulihkan basis data dari cadangan",
    Izin.LIHAT_AUDIT: "melihat log audit",
    Izin.SINKRONISASI: "mengekspor atau mengimpor paket data",
    Izin.TERIMA_KUNCI: "menerima kunci tanda tangan baru dari kantor lain",
    Izin.CETAK: "mencetak dokumen",
}

PERAN_IZIN: dict[Peran, frozenset[Izin]] = {
    Peran.ADMIN: frozenset(Izin),
    Peran.OPERATOR: frozenset(
        {
            Izin.LIHAT_DATA,
            Izin.KELOLA_PEGAWAI,
            Izin.KELOLA_SKP,
            Izin.CADANGAN,
            Izin.SINKRONISASI,
            Izin.CETAK,
        }
    ),
    Peran.PENILAI: frozenset(
        {Izin.LIHAT_DATA, Izin.KELOLA_SKP, Izin.SETUJUI_SKP, Izin.NILAI_KINERJA, Izin.CETAK, Izin.CADANGAN}
    ),
    Peran.PIMPINAN: frozenset({Izin.LIHAT_DATA, Izin.CETAK, Izin.LIHAT_AUDIT}),
}


@dataclass(frozen=True)
class Actor:
    """The logged-in user as services see it (plain data, no ORM object)."""

    pengguna_id: str | None
    username: str
    nama: str
    peran: Peran
    pegawai_id: str | None = None

    def can(self, izin: Izin) -> bool:
        return izin in PERAN_IZIN[self.peran]

    @property
    def audit(self) -> AuditActor:
        return AuditActor(self.pengguna_id, self.username)


SYSTEM = Actor(None, "sistem", "Sistem", Peran.ADMIN)


def require(actor: Actor, izin: Izin) -> None:
    """Raise PermissionDenied (in Indonesian) when ``actor``'s role lacks ``izin``."""
    if not actor.can(izin):
        raise PermissionDenied(
            f"Akun {actor.username} ({actor.peran.label}) tidak berhak {izin.label}.",
            saran="Minta administrator kantor untuk melakukannya atau memberi peran yang sesuai.",
        )
