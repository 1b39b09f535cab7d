"""Deleting a pegawai entered by mistake: only while nothing else refers to them; otherwise deactivate."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import (
    CapaianUnit,
    Pegawai,
    Pelatihan,
    Pengguna,
    RiwayatJabatan,
    RiwayatPangkat,
    Skp,
    TindakLanjut,
    UnitKerja,
)
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.pegawai.records import _get

#: What to do instead when a pegawai cannot be deleted.
SARAN_NONAKTIF = (
    "Bila ia tidak lagi bekerja di kantor ini, nonaktifkan saja (tombol Nonaktifkan…): datanya tetap "
    "tersimpan untuk riwayat."
)
#: The history entries the app itself makes for a new pegawai (position and rank at entry).
_ENTRI_AWAL = 1


def alasan_tidak_bisa_dihapus(session: Session, pegawai_id: str) -> list[str]:
    """Why the pegawai cannot be deleted, in words a clerk reads ("sudah memiliki SKP tahun 2026");
    empty when nothing but the record itself would go."""
    alasan: list[str] = []
    hidup = Skp.dihapus_pada.is_(None)
    tahun = sorted(set(session.scalars(select(Skp.tahun).where(Skp.pegawai_id == pegawai_id, hidup))))
    if tahun:
        alasan.append("sudah memiliki SKP tahun " + ", ".join(str(t) for t in tahun))
    dinilai = session.scalar(
        select(func.count())
        .select_from(Skp)
        .where(
            (Skp.pejabat_penilai_id == pegawai_id) | (Skp.atasan_penilai_id == pegawai_id),
            Skp.pegawai_id != pegawai_id,
            hidup,
        )
    )
    if dinilai:
        alasan.append(f"menjadi pejabat penilai atau atasannya pada {format_angka(dinilai)} SKP pegawai lain")
    if session.scalar(
        select(func.count()).select_from(CapaianUnit).where(CapaianUnit.ditetapkan_oleh_id == pegawai_id)
    ):
        alasan.append("sudah menetapkan capaian kinerja organisasi")
    bawahan = session.scalar(
        select(func.count())
        .select_from(Pegawai)
        .where(Pegawai.atasan_id == pegawai_id, Pegawai.dihapus_pada.is_(None))
    )
    if bawahan:
        alasan.append(f"menjadi atasan langsung {format_angka(bawahan)} pegawai")
    units = list(
        session.scalars(
            select(UnitKerja.nama).where(UnitKerja.kepala_id == pegawai_id, UnitKerja.dihapus_pada.is_(None))
        )
    )
    if units:
        alasan.append("menjadi kepala " + ", ".join(units))
    akun = list(session.scalars(select(Pengguna.username).where(Pengguna.pegawai_id == pegawai_id)))
    if akun:
        alasan.append("memiliki akun pengguna " + ", ".join(akun))
    pelatihan = _hitung(session, Pelatihan, pegawai_id)
    if pelatihan:
        alasan.append(f"memiliki {format_angka(pelatihan)} catatan pelatihan")
    if _hitung(session, TindakLanjut, pegawai_id):
        alasan.append("memiliki catatan tindak lanjut")
    riwayat = _hitung(session, RiwayatJabatan, pegawai_id) + _hitung(session, RiwayatPangkat, pegawai_id)
    if riwayat > 2 * _ENTRI_AWAL:
        alasan.append("riwayat jabatan atau pangkatnya sudah diisi")
    return alasan


def _hitung(
    session: Session, model: type[Pelatihan | TindakLanjut | RiwayatJabatan | RiwayatPangkat], pid: str
) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(model)
            .where(model.pegawai_id == pid, model.dihapus_pada.is_(None))
        )
        or 0
    )


def delete_pegawai(session: Session, actor: Actor, pegawai_id: str, *, revisi: int | None = None) -> str:
    """Delete a pegawai entered by mistake (a tombstone, audited, sent in the next package) with the
    history entries the app made for them; returns the name. Refused, naming every reason, when anything
    else refers to them."""
    require(actor, Izin.KELOLA_PEGAWAI)
    pegawai = _get(session, pegawai_id, revisi)
    alasan = alasan_tidak_bisa_dihapus(session, pegawai.id)
    if alasan:
        raise ValidationError(
            f"{pegawai.nama} tidak bisa dihapus karena {daftar(alasan)}.", saran=SARAN_NONAKTIF
        )
    now = utcnow()
    jabatan = RiwayatJabatan.pegawai_id == pegawai.id, RiwayatJabatan.dihapus_pada.is_(None)
    for row_jabatan in session.scalars(select(RiwayatJabatan).where(*jabatan)):
        row_jabatan.dihapus_pada = now
    pangkat = RiwayatPangkat.pegawai_id == pegawai.id, RiwayatPangkat.dihapus_pada.is_(None)
    for row_pangkat in session.scalars(select(RiwayatPangkat).where(*pangkat)):
        row_pangkat.dihapus_pada = now
    pegawai.dihapus_pada = now
    return pegawai.nama


def daftar(items: list[str]) -> str:
    """ "a", "a dan b", "a, b, dan c"."""
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]
