"""Shared ground of the SKP services: loading live rows, who may edit or approve, versions, unit scope."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db import concurrency
from kinerja_desktop.core.db.models import (
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    Pegawai,
    Rhk,
    Skp,
    UnitKerja,
)
from kinerja_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.core.model.skp import STATUS_BISA_DIUBAH, StatusSkp
from kinerja_desktop.core.services.access import Actor, Izin, Peran, require


def skp_parts(skp_id: str) -> tuple[concurrency.Part, ...]:
    """The rows the SKP editor shows of one SKP: the SKP, its RHK and their indicators, its lampiran and
    ekspektasi; their stamp is what an action of the editor hands back (``SkpDetail.stamp``)."""
    rhk_ids = select(Rhk.id).where(Rhk.skp_id == skp_id)
    return (
        (Skp, Skp.id == skp_id),
        (Rhk, Rhk.skp_id == skp_id),
        (Indikator, Indikator.rhk_id.in_(rhk_ids)),
        (LampiranSkp, LampiranSkp.skp_id == skp_id),
        (EkspektasiPerilaku, EkspektasiPerilaku.skp_id == skp_id),
    )


def skp_stamp(session: Session, skp_id: str) -> str:
    return concurrency.stamp(session, *skp_parts(skp_id))


def get_skp_row(session: Session, skp_id: str, stamp: str | None = None) -> Skp:
    """The SKP; with ``stamp`` (as the editor read it) refused when anything of it changed meanwhile."""
    skp = session.get(Skp, skp_id)
    if skp is not None:
        concurrency.ensure_unchanged(session, stamp, *skp_parts(skp.id))
    if skp is None or skp.dihapus_pada is not None:
        raise NotFound("SKP tidak ditemukan (mungkin sudah dihapus).")
    return skp


def get_rhk_row(session: Session, rhk_id: str, stamp: str | None = None) -> tuple[Rhk, Skp]:
    rhk = session.get(Rhk, rhk_id)
    if rhk is not None:
        concurrency.ensure_unchanged(session, stamp, *skp_parts(rhk.skp_id))
    if rhk is None or rhk.dihapus_pada is not None:
        raise NotFound("RHK tidak ditemukan (mungkin sudah dihapus).")
    return rhk, get_skp_row(session, rhk.skp_id)


def get_indikator_row(
    session: Session, indikator_id: str, stamp: str | None = None
) -> tuple[Indikator, Rhk, Skp]:
    indikator = session.get(Indikator, indikator_id)
    if indikator is None or indikator.dihapus_pada is not None:
        rhk = session.get(Rhk, indikator.rhk_id) if indikator is not None else None
        if rhk is not None:
            concurrency.ensure_unchanged(session, stamp, *skp_parts(rhk.skp_id))
        raise NotFound("Indikator tidak ditemukan (mungkin sudah dihapus).")
    rhk, skp = get_rhk_row(session, indikator.rhk_id, stamp)
    return indikator, rhk, skp


def get_lampiran_row(session: Session, lampiran_id: str, stamp: str | None = None) -> tuple[LampiranSkp, Skp]:
    row = session.get(LampiranSkp, lampiran_id)
    if row is not None:
        concurrency.ensure_unchanged(session, stamp, *skp_parts(row.skp_id))
    if row is None or row.dihapus_pada is not None:
        raise NotFound("Butir lampiran tidak ditemukan (mungkin sudah dihapus).")
    return row, get_skp_row(session, row.skp_id)


def get_unit_row(session: Session, unit_id: str) -> UnitKerja:
    unit = session.get(UnitKerja, unit_id)
    if unit is None or unit.dihapus_pada is not None:
        raise NotFound("Unit kerja tidak ditemukan (mungkin sudah dihapus).")
    return unit


def get_pegawai_row(session: Session, pegawai_id: str) -> Pegawai:
    pegawai = session.get(Pegawai, pegawai_id)
    if pegawai is None or pegawai.dihapus_pada is not None:
        raise NotFound("Data pegawai tidak ditemukan (mungkin sudah dihapus).")
    return pegawai


def in_scope(session: Session, actor: Actor, pegawai_id: str, penilai_id: str | None = None) -> bool:
    """A pejabat penilai account reaches only its own SKP and those of its direct subordinates."""
    if actor.peran is not Peran.PENILAI:
        return True
    if actor.pegawai_id is None:
        return False
    if actor.pegawai_id in (pegawai_id, penilai_id):
        return True
    return session.scalar(select(Pegawai.atasan_id).where(Pegawai.id == pegawai_id)) == actor.pegawai_id


def may_edit(session: Session, actor: Actor, skp: Skp) -> bool:
    return actor.can(Izin.KELOLA_SKP) and in_scope(session, actor, skp.pegawai_id, skp.pejabat_penilai_id)


def ensure_scope(session: Session, actor: Actor, pegawai_id: str, penilai_id: str | None = None) -> None:
    """Raise PermissionDenied unless ``actor`` may manage SKPs of this pegawai."""
    require(actor, Izin.KELOLA_SKP)
    if in_scope(session, actor, pegawai_id, penilai_id):
        return
    if actor.pegawai_id is None:
        raise PermissionDenied(
            f"Akun {actor.username} belum ditautkan ke data pegawai sehingga tidak bisa mengelola SKP.",
            saran="Minta administrator menautkan akun ini ke data pegawai pejabat penilai.",
        )
    nama = session.scalar(select(Pegawai.nama).where(Pegawai.id == pegawai_id)) or "pegawai ini"
    raise PermissionDenied(
        f"Akun {actor.username} hanya dapat mengelola SKP sendiri dan SKP bawahan langsung; "
        f"{nama} bukan bawahan langsung."
    )


def ensure_can_edit(session: Session, actor: Actor, skp: Skp) -> None:
    ensure_scope(session, actor, skp.pegawai_id, skp.pejabat_penilai_id)


def ensure_editable(skp: Skp) -> None:
    """Refuse changes to the plan unless the SKP is a draft or was rejected."""
    if skp.status in STATUS_BISA_DIUBAH:
        return
    if skp.status == StatusSkp.DISETUJUI:
        raise ValidationError(
            "SKP sudah disetujui sehingga tidak bisa diubah; buat revisi untuk mengubahnya.",
            saran="Revisi membuat versi baru; versi yang disetujui tetap tersimpan.",
        )
    if skp.status == StatusSkp.DIAJUKAN:
        raise ValidationError(
            "SKP sedang diajukan sehingga tidak bisa diubah; tarik kembali pengajuannya "
            "atau tunggu keputusan pejabat penilai."
        )
    raise ValidationError(f"SKP versi {skp.versi} sudah diganti oleh revisi dan hanya bisa dilihat.")


def is_approver(actor: Actor, skp: Skp) -> bool:
    if actor.peran is Peran.ADMIN:
        return True
    return (
        actor.can(Izin.SETUJUI_SKP)
        and actor.pegawai_id is not None
        and (actor.pegawai_id == skp.pejabat_penilai_id)
    )


def ensure_approver(session: Session, actor: Actor, skp: Skp, tindakan: str) -> None:
    """Only the SKP's pejabat penilai (or an administrator) approves, rejects or sets ekspektasi."""
    require(actor, Izin.SETUJUI_SKP)
    if is_approver(actor, skp):
        return
    penilai = session.get(Pegawai, skp.pejabat_penilai_id) if skp.pejabat_penilai_id else None
    siapa = f"pejabat penilainya ({penilai.nama})" if penilai else "administrator"
    raise PermissionDenied(f"Hanya {siapa} atau administrator yang dapat {tindakan} SKP ini.")


def live_versions(session: Session, pegawai_id: str, tahun: int) -> list[Skp]:
    """Every live version of one pegawai's SKP for a year, newest first."""
    return list(
        session.scalars(
            select(Skp)
            .where(Skp.pegawai_id == pegawai_id, Skp.tahun == tahun, Skp.dihapus_pada.is_(None))
            .order_by(Skp.versi.desc())
        )
    )


def latest_skp(session: Session, pegawai_id: str, tahun: int) -> Skp | None:
    versions = live_versions(session, pegawai_id, tahun)
    return versions[0] if versions else None


def approved_skp(session: Session, pegawai_id: str, tahun: int) -> Skp | None:
    """The version in force: approved and not yet replaced by an approved revision."""
    return session.scalar(
        select(Skp)
        .where(
            Skp.pegawai_id == pegawai_id,
            Skp.tahun == tahun,
            Skp.status == StatusSkp.DISETUJUI.value,
            Skp.dihapus_pada.is_(None),
        )
        .order_by(Skp.versi.desc())
        .limit(1)
    )


def live_rhk(session: Session, skp_id: str) -> list[Rhk]:
    return list(
        session.scalars(
            select(Rhk).where(Rhk.skp_id == skp_id, Rhk.dihapus_pada.is_(None)).order_by(Rhk.urutan, Rhk.id)
        )
    )


def live_indikator(session: Session, rhk_ids: list[str]) -> list[Indikator]:
    if not rhk_ids:
        return []
    return list(
        session.scalars(
            select(Indikator)
            .where(Indikator.rhk_id.in_(rhk_ids), Indikator.dihapus_pada.is_(None))
            .order_by(Indikator.urutan, Indikator.id)
        )
    )


def live_lampiran(session: Session, skp_id: str) -> list[LampiranSkp]:
    return list(
        session.scalars(
            select(LampiranSkp)
            .where(LampiranSkp.skp_id == skp_id, LampiranSkp.dihapus_pada.is_(None))
            .order_by(LampiranSkp.urutan, LampiranSkp.id)
        )
    )


def unit_ids_under(session: Session, unit_id: str, *, termasuk_sub_unit: bool = True) -> list[str]:
    """``unit_id`` and (optionally) every unit below it."""
    if session.get(UnitKerja, unit_id) is None:
        raise NotFound("Unit kerja tidak ditemukan.")
    if not termasuk_sub_unit:
        return [unit_id]
    anak: dict[str | None, list[str]] = {}
    for uid, induk in session.execute(
        select(UnitKerja.id, UnitKerja.induk_id).where(UnitKerja.dihapus_pada.is_(None))
    ):
        anak.setdefault(induk, []).append(uid)
    hasil, antre = [], [unit_id]
    while antre:
        uid = antre.pop()
        hasil.append(uid)
        antre.extend(anak.get(uid, []))
    return hasil
