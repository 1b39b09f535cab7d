"""Matriks peran hasil: the cascade of a unit — each superior RHK with the subordinate RHKs supporting it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Pegawai, Rhk, Skp, UnitKerja
from kinerja_desktop.core.errors import NotFound
from kinerja_desktop.core.model.pegawai import nama_lengkap
from kinerja_desktop.core.model.skp import JenisRhk, StatusSkp
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.skp.access import unit_ids_under


@dataclass(frozen=True)
class PendukungRhk:
    """A subordinate's RHK (from the newest version of their SKP); ``catatan`` says why it is unlinked."""

    pegawai_id: str
    nama: str
    nip: str
    jabatan: str
    skp_id: str
    status_skp: str
    rhk_id: str
    jenis: str
    teks: str
    catatan: str = ""


@dataclass(frozen=True)
class BarisMatriks:
    """One RHK of a superior's approved SKP and the subordinates' RHKs that intervene it."""

    pegawai_id: str
    nama: str
    jabatan: str
    rhk_id: str
    jenis: str
    teks: str
    pendukung: list[PendukungRhk] = field(default_factory=list)


@dataclass(frozen=True)
class MatriksPeranHasil:
    unit_id: str
    unit_nama: str
    tahun: int
    baris: list[BarisMatriks]
    tanpa_induk: list[PendukungRhk]
    atasan_tanpa_skp: list[str]


@dataclass(frozen=True)
class _Orang:
    id: str
    nama: str
    nip: str
    jabatan: str
    atasan_id: str | None


@dataclass(frozen=True)
class _RhkSkp:
    rhk_id: str
    jenis: str
    teks: str
    urutan: int
    rhk_atasan_id: str | None
    skp_id: str
    versi: int
    status: str


def _load(
    session: Session, units: list[str], tahun: int
) -> tuple[dict[str, _Orang], dict[str, list[_RhkSkp]]]:
    pegawai_stmt = select(Pegawai.id).where(
        Pegawai.unit_kerja_id.in_(units), Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None)
    )
    orang = {
        r[0]: _Orang(r[0], nama_lengkap(r[1], r[2], r[3]), r[4], r[5], r[6])
        for r in session.execute(
            select(
                Pegawai.id,
                Pegawai.nama,
                Pegawai.gelar_depan,
                Pegawai.gelar_belakang,
                Pegawai.nip,
                Pegawai.jabatan,
                Pegawai.atasan_id,
            ).where(Pegawai.id.in_(pegawai_stmt))
        )
    }
    per_pegawai: dict[str, list[_RhkSkp]] = {}
    for row in session.execute(
        select(
            Skp.pegawai_id,
            Rhk.id,
            Rhk.jenis,
            Rhk.teks,
            Rhk.urutan,
            Rhk.rhk_atasan_id,
            Skp.id,
            Skp.versi,
            Skp.status,
        )
        .join(Skp, Skp.id == Rhk.skp_id)
        .where(Skp.tahun == tahun, Skp.dihapus_pada.is_(None), Rhk.dihapus_pada.is_(None))
        .where(Skp.pegawai_id.in_(pegawai_stmt))
        .order_by(Rhk.jenis != JenisRhk.UTAMA.value, Rhk.urutan)
    ):
        per_pegawai.setdefault(row[0], []).append(_RhkSkp(*row[1:]))
    return orang, per_pegawai


def matriks_peran_hasil(
    session: Session, actor: Actor, unit_id: str, tahun: int, *, termasuk_sub_unit: bool = True
) -> MatriksPeranHasil:
    """Rows: the approved RHKs of every superior in the unit; under each, the subordinates' RHKs that
    intervene it. ``tanpa_induk``: subordinates' RHKs that support none of them."""
    require(actor, Izin.LIHAT_DATA)
    unit = session.get(UnitKerja, unit_id)
    if unit is None or unit.dihapus_pada is not None:
        raise NotFound("Unit kerja tidak ditemukan.")
    orang, per_pegawai = _load(
        session, unit_ids_under(session, unit_id, termasuk_sub_unit=termasuk_sub_unit), tahun
    )
    pemimpin = sorted(
        {o.atasan_id for o in orang.values() if o.atasan_id in orang}, key=lambda i: orang[i].nama
    )
    baris: dict[str, BarisMatriks] = {}
    tanpa_skp: list[str] = []
    for pid in pemimpin:
        disetujui = [r for r in per_pegawai.get(pid, []) if r.status == StatusSkp.DISETUJUI]
        if not disetujui:
            tanpa_skp.append(orang[pid].nama)
        for r in disetujui:
            baris[r.rhk_id] = BarisMatriks(
                pid, orang[pid].nama, orang[pid].jabatan, r.rhk_id, r.jenis, r.teks
            )
    tanpa_induk: list[PendukungRhk] = []
    for o in sorted(orang.values(), key=lambda o: o.nama):
        if o.atasan_id is None:
            continue
        rows = per_pegawai.get(o.id, [])
        versi = max((r.versi for r in rows), default=0)
        for r in rows:
            if r.versi != versi:
                continue
            dukung = PendukungRhk(
                o.id, o.nama, o.nip, o.jabatan, r.skp_id, r.status, r.rhk_id, r.jenis, r.teks
            )
            if r.rhk_atasan_id in baris:
                baris[r.rhk_atasan_id].pendukung.append(dukung)
            elif r.rhk_atasan_id is None:
                tanpa_induk.append(replace(dukung, catatan="Tidak mengintervensi RHK atasan."))
            elif o.atasan_id in orang:
                tanpa_induk.append(
                    replace(dukung, catatan="RHK atasan yang dirujuk bukan dari SKP atasan yang berlaku.")
                )
    return MatriksPeranHasil(unit.id, unit.nama, tahun, list(baris.values()), tanpa_induk, tanpa_skp)
