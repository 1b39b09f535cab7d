"""Capaian kinerja organisasi per unit and period, set by the head of the unit one level up."""

from __future__ import annotations

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db import concurrency
from kinerja_desktop.core.db.models import CapaianUnit, Evaluasi, Pegawai, Skp, UnitKerja
from kinerja_desktop.core.errors import PermissionDenied
from kinerja_desktop.core.model.evaluasi import RATING_DARI_CAPAIAN, CapaianRow, StatusEvaluasi
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi
from kinerja_desktop.core.services.access import Actor, Izin, Peran, require
from kinerja_desktop.core.services.evaluasi.access import (
    check_periode_evaluasi,
    get_capaian,
    recompute,
)
from kinerja_desktop.core.services.skp.access import get_unit_row
from kinerja_desktop.core.validation.base import raise_first
from kinerja_desktop.core.validation.evaluasi import CAPAIAN_ORGANISASI


def penetap_capaian(session: Session, unit: UnitKerja) -> str | None:
    """The pegawai who sets this unit's capaian: the head of its parent unit (None for the top unit)."""
    if unit.induk_id is None:
        return None
    return session.scalar(select(UnitKerja.kepala_id).where(UnitKerja.id == unit.induk_id))


def may_set_capaian(session: Session, actor: Actor, unit: UnitKerja) -> bool:
    if actor.peran is Peran.ADMIN:
        return True
    if not actor.can(Izin.NILAI_KINERJA) or actor.pegawai_id is None:
        return False
    return penetap_capaian(session, unit) == actor.pegawai_id


def list_capaian(
    session: Session, actor: Actor, unit_ids: list[str], tahun: int, kode: str
) -> list[CapaianRow]:
    """The capaian of each unit for the period, with who set it and whether ``actor`` may change it."""
    require(actor, Izin.LIHAT_DATA)
    p = check_periode_evaluasi(session, kode)
    units = {u.id: u for u in session.scalars(select(UnitKerja).where(UnitKerja.id.in_(unit_ids)))}
    semua = {  # deleted ones too: their revisi is what a change must hand back
        r.unit_kerja_id: r
        for r in session.scalars(
            select(CapaianUnit).where(
                CapaianUnit.unit_kerja_id.in_(unit_ids),
                CapaianUnit.tahun == tahun,
                CapaianUnit.periode == p.kode,
            )
        )
    }
    rows = {uid: r for uid, r in semua.items() if r.dihapus_pada is None}
    penetap_ids = {r.ditetapkan_oleh_id for r in rows.values() if r.ditetapkan_oleh_id}
    nama = (
        dict(session.execute(select(Pegawai.id, Pegawai.nama).where(Pegawai.id.in_(penetap_ids))).all())
        if penetap_ids
        else {}
    )
    hasil = []
    for uid in unit_ids:
        unit = units.get(uid)
        if unit is None:
            continue
        row = rows.get(uid)
        hasil.append(
            CapaianRow(
                uid,
                unit.nama,
                p.kode,
                row.capaian if row else None,
                row.catatan if row else "",
                nama.get(row.ditetapkan_oleh_id or "", "") if row else "",
                may_set_capaian(session, actor, unit),
                semua[uid].revisi if uid in semua else 0,
            )
        )
    return hasil


def set_capaian(
    session: Session,
    actor: Actor,
    unit_id: str,
    tahun: int,
    kode: str,
    capaian: str,
    catatan: str = "",
    *,
    revisi: int | None = None,
) -> None:
    """Record the unit's capaian for the period; a unit head's draft rating hasil kerja follows it.
    ``revisi`` as the screen read it (0: none yet): a capaian set meanwhile by someone else is refused."""
    require(actor, Izin.NILAI_KINERJA)
    unit = get_unit_row(session, unit_id)
    if not may_set_capaian(session, actor, unit):
        if unit.induk_id is None:
            pesan = (
                "Capaian unit tertinggi kantor ditetapkan oleh pimpinan di atasnya; "
                "isikan lewat akun administrator."
            )
        else:
            pesan = "Capaian kinerja organisasi ditetapkan oleh kepala unit satu tingkat di atasnya."
        raise PermissionDenied(pesan)
    p = check_periode_evaluasi(session, kode)
    raise_first(CAPAIAN_ORGANISASI.check({"capaian": capaian, "catatan": catatan.strip()}))
    nilai, teks = CapaianOrganisasi(capaian), catatan.strip()
    row = session.scalar(
        select(CapaianUnit).where(
            CapaianUnit.unit_kerja_id == unit_id, CapaianUnit.tahun == tahun, CapaianUnit.periode == p.kode
        )
    )
    if revisi is not None and (row.revisi if row is not None else 0) != revisi:
        raise concurrency.changed(
            session,
            (
                CapaianUnit,
                and_(
                    CapaianUnit.unit_kerja_id == unit_id,
                    CapaianUnit.tahun == tahun,
                    CapaianUnit.periode == p.kode,
                ),
            ),
        )
    if row is None:
        row = CapaianUnit(unit_kerja_id=unit_id, tahun=tahun, periode=p.kode, capaian=nilai.value)
        session.add(row)
    row.capaian = nilai.value
    row.catatan = teks
    row.dihapus_pada = None
    row.ditetapkan_oleh_id = actor.pegawai_id
    _follow_capaian(session, unit, tahun, p.kode, nilai)


def _follow_capaian(
    session: Session, unit: UnitKerja, tahun: int, kode: str, nilai: CapaianOrganisasi
) -> None:
    """Draft evaluations in the unit carry the new capaian; the head's empty rating hasil follows it."""
    anggota = select(Pegawai.id).where(Pegawai.unit_kerja_id == unit.id)
    drafts = session.scalars(
        select(Evaluasi)
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .where(
            Skp.tahun == tahun,
            Evaluasi.periode == kode,
            Evaluasi.status == StatusEvaluasi.DRAF.value,
            Evaluasi.dihapus_pada.is_(None),
            (Skp.pegawai_id.in_(anggota)) | (Skp.pegawai_id == unit.kepala_id),
        )
    )
    for ev in drafts:
        skp = session.get(Skp, ev.skp_id)
        assert skp is not None
        ev.capaian_organisasi = nilai.value
        if skp.pegawai_id == unit.kepala_id and ev.rating_hasil is None:
            ev.rating_hasil = RATING_DARI_CAPAIAN[nilai].value
            recompute(session, ev, skp)


__all__ = ["get_capaian", "list_capaian", "may_set_capaian", "penetap_capaian", "set_capaian"]
