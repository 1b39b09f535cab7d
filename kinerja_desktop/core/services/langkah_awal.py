"""First steps of a new real office: identity, units, staff, a penilai account, SKP — each done or not."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Pegawai, Pengguna, Skp, UnitKerja
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin, Peran, require


class Langkah(StrEnum):
    """The steps in the order a new office takes them."""

    IDENTITAS = "identitas"
    UNIT = "unit"
    PEGAWAI = "pegawai"
    AKUN_PENILAI = "akun_penilai"
    SKP = "skp"


@dataclass(frozen=True)
class LangkahAwal:
    langkah: Langkah
    judul: str
    keterangan: str  # what to do, or what was found when done
    selesai: bool


def langkah_awal(session: Session, actor: Actor, tahun: int) -> list[LangkahAwal] | None:
    """The checklist of a real (not demo) office that has not taken every step yet; None otherwise.

    Each step is read from the database, so it is ticked however it was done (by hand, by import, by a
    package from another office).
    """
    require(actor, Izin.LIHAT_DATA)
    info = kantor.get_kantor(session)
    if info.demo:
        return None
    hidup = (UnitKerja.dihapus_pada.is_(None), UnitKerja.ditutup_pada.is_(None))
    units = _count(session, select(func.count()).select_from(UnitKerja).where(*hidup))
    pegawai = _count(
        session,
        select(func.count())
        .select_from(Pegawai)
        .where(Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None)),
    )
    penilai = _count(
        session,
        select(func.count())
        .select_from(Pengguna)
        .where(
            Pengguna.peran == Peran.PENILAI.value, Pengguna.aktif.is_(True), Pengguna.pegawai_id.is_not(None)
        ),
    )
    skp = _count(
        session, select(func.count()).select_from(Skp).where(Skp.tahun == tahun, Skp.dihapus_pada.is_(None))
    )
    identitas = bool(info.instansi.strip() and info.alamat.strip())
    daftar = [
        LangkahAwal(
            Langkah.IDENTITAS,
            "Identitas kantor",
            "Nama instansi dan alamat sudah diisi (dipakai pada kop dokumen)."
            if identitas
            else "Lengkapi nama instansi dan alamat kantor; keduanya tercetak pada kop dokumen.",
            identitas,
        ),
        LangkahAwal(
            Langkah.UNIT,
            "Unit kerja",
            f"{format_angka(units - 1)} unit di bawah kantor."
            if units > 1
            else "Susun unit kerja di bawah kantor (sekretariat, seksi, kelurahan…).",
            units > 1,
        ),
        LangkahAwal(
            Langkah.PEGAWAI,
            "Data pegawai",
            f"{format_angka(pegawai)} pegawai aktif."
            if pegawai
            else "Impor daftar pegawai dari Excel atau isi satu per satu di halaman Pegawai.",
            pegawai > 0,
        ),
        LangkahAwal(
            Langkah.AKUN_PENILAI,
            "Akun pejabat penilai",
            f"{format_angka(penilai)} akun pejabat penilai."
            if penilai
            else "Buat akun berperan Pejabat Penilai untuk atasan, tautkan ke data pegawainya.",
            penilai > 0,
        ),
        LangkahAwal(
            Langkah.SKP,
            f"SKP tahun {tahun}",
            f"{format_angka(skp)} SKP tahun {tahun}."
            if skp
            else f"Buat SKP tahun {tahun}, misalnya dengan Buat draf untuk unit di halaman SKP.",
            skp > 0,
        ),
    ]
    return None if all(item.selesai for item in daftar) else daftar


def _count(session: Session, stmt: Select[int]) -> int:
    return int(session.scalar(stmt) or 0)
