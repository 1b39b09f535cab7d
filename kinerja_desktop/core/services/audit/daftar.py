"""Reading the audit log: filtered, newest first, a page at a time after the last entry shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, false, func, or_, select, union_all
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.bulk import in_values
from kinerja_desktop.core.db.models import (
    AuditLog,
    BuktiDukung,
    EkspektasiPerilaku,
    Evaluasi,
    Indikator,
    LampiranSkp,
    Pegawai,
    Pelatihan,
    Pengguna,
    Realisasi,
    RencanaAksi,
    Rhk,
    RiwayatJabatan,
    RiwayatPangkat,
    Skp,
    TindakLanjut,
    UmpanBalikPerilaku,
    UmpanBalikRhk,
)
from kinerja_desktop.core.search import search_query
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.audit.label import peran_singkat

#: Pegawai a filter matches up to which their rows' ids are read and looked up one by one in the log.
PEGAWAI_LANGSUNG = 100
#: The ``pengguna`` filter value of entries written by the application itself (no one logged in).
SISTEM = "\x00sistem"


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as stored."""

    id: int
    waktu: datetime
    username: str
    aksi: str
    tabel: str
    baris_id: str
    sebelum: dict[str, Any] | None
    sesudah: dict[str, Any] | None
    keterangan: str
    pengguna_id: str | None = None


@dataclass(frozen=True)
class AuditFilter:
    """What the log is narrowed to; empty fields do not narrow.

    ``pegawai`` is typed text (name words in any order, or NIP digits): entries about every matching
    pegawai and what belongs to them (SKP, RHK, realisation, evaluations, history, training).
    """

    pegawai: str = ""
    pengguna: str = ""
    aksi: str = ""
    tabel: str = ""
    dari: date | None = None
    sampai: date | None = None
    teks: str = ""


def _pegawai_ids(teks: str) -> Select[Any] | None:
    query = search_query(teks)
    if not query:
        return None
    if len(query) == 1 and query[0].isdigit():
        return select(Pegawai.id).where(Pegawai.nip.contains(query[0]))
    return select(Pegawai.id).where(*(Pegawai.nama.ilike(f"%{kata}%") for kata in query))


def _terkait(pegawai: Any, baca: Callable[[Select[Any]], Any]) -> tuple[list[Any], list[Select[Any]]]:
    """The rows about the pegawai ``pegawai`` (their ids, or a select of them): the parents — pegawai,
    SKP, RHK, indikator, evaluasi, each passed through ``baca`` (read, or kept as a subquery) — and the
    selects of the rows hanging from them."""
    skp = baca(select(Skp.id).where(Skp.pegawai_id.in_(pegawai)))
    rhk = baca(select(Rhk.id).where(Rhk.skp_id.in_(skp)))
    indikator = baca(select(Indikator.id).where(Indikator.rhk_id.in_(rhk)))
    evaluasi = baca(select(Evaluasi.id).where(Evaluasi.skp_id.in_(skp)))
    daun = [
        select(Realisasi.id).where(Realisasi.indikator_id.in_(indikator)),
        select(BuktiDukung.id).where(BuktiDukung.rhk_id.in_(rhk)),
        select(RencanaAksi.id).where(RencanaAksi.rhk_id.in_(rhk)),
        select(LampiranSkp.id).where(LampiranSkp.skp_id.in_(skp)),
        select(EkspektasiPerilaku.id).where(EkspektasiPerilaku.skp_id.in_(skp)),
        select(UmpanBalikRhk.id).where(UmpanBalikRhk.evaluasi_id.in_(evaluasi)),
        select(UmpanBalikPerilaku.id).where(UmpanBalikPerilaku.evaluasi_id.in_(evaluasi)),
        select(RiwayatJabatan.id).where(RiwayatJabatan.pegawai_id.in_(pegawai)),
        select(RiwayatPangkat.id).where(RiwayatPangkat.pegawai_id.in_(pegawai)),
        select(Pelatihan.id).where(Pelatihan.pegawai_id.in_(pegawai)),
        select(TindakLanjut.id).where(TindakLanjut.pegawai_id.in_(pegawai)),
    ]
    return [pegawai, skp, rhk, indikator, evaluasi], daun


def _local_midnight(d: date) -> datetime:
    return datetime.combine(d, time.min).astimezone()


def _pegawai_condition(session: Session, teks: str) -> Any:
    """``baris_id`` among the rows about the pegawai ``teks`` finds. For a few pegawai their rows' ids
    are read level by level (each an index lookup) and the log's ``baris_id`` index finds the entries;
    a search matching many pegawai stays one subquery."""
    pegawai = _pegawai_ids(teks)
    if pegawai is None:
        return None
    ids = list(session.scalars(pegawai.limit(PEGAWAI_LANGSUNG + 1)))
    if len(ids) > PEGAWAI_LANGSUNG:
        induk, daun = _terkait(pegawai, lambda stmt: stmt)
        semua = union_all(*induk, *daun).subquery()
        return AuditLog.baris_id.in_(select(semua.c[0]))
    if not ids:
        return false()
    induk, daun = _terkait(ids, lambda stmt: list(session.scalars(stmt)))
    terkait = [i for level in induk for i in level] + list(session.scalars(union_all(*daun)))
    return in_values(session.connection(), AuditLog.__table__.c.baris_id, terkait)


def _conditions(session: Session, f: AuditFilter) -> list[Any]:
    cond: list[Any] = []
    if f.aksi:
        cond.append(AuditLog.aksi == f.aksi)
    if f.tabel:
        cond.append(AuditLog.tabel == f.tabel)
    if f.pengguna:
        sistem = f.pengguna == SISTEM
        cond.append(AuditLog.pengguna_id.is_(None) if sistem else AuditLog.username == f.pengguna)
    if f.dari:
        cond.append(AuditLog.waktu >= _local_midnight(f.dari))
    if f.sampai:
        cond.append(AuditLog.waktu < _local_midnight(f.sampai + timedelta(days=1)))
    pegawai = _pegawai_condition(session, f.pegawai)
    if pegawai is not None:
        cond.append(pegawai)
    if f.teks.strip():
        cond.append(AuditLog.keterangan.ilike(f"%{f.teks.strip()}%"))
    return cond


def count_audit(session: Session, actor: Actor, f: AuditFilter, *, paling_banyak: int | None = None) -> int:
    """How many entries match ``f``; with ``paling_banyak``, counting stops one above it (a server counts
    a long log row by row: "more than 10,000" is told at once)."""
    require(actor, Izin.LIHAT_AUDIT)
    cocok = select(AuditLog.id).where(*_conditions(session, f))
    if paling_banyak is not None:
        cocok = cocok.limit(paling_banyak + 1)
    return int(session.scalar(select(func.count()).select_from(cocok.subquery())) or 0)


def list_audit(
    session: Session,
    actor: Actor,
    f: AuditFilter,
    *,
    setelah: AuditRow | None = None,
    limit: int = 200,
) -> list[AuditRow]:
    """Entries matching ``f``, newest first, the next ``limit`` after ``setelah`` (the last one shown).

    Paging continues from the last entry rather than by offset: the index on ``waktu`` finds the next
    page as fast at the end of a long log as at its start, and entries written meanwhile shift nothing.
    """
    require(actor, Izin.LIHAT_AUDIT)
    cond = _conditions(session, f)
    if setelah is not None:
        cond.append(
            or_(
                AuditLog.waktu < setelah.waktu,
                and_(AuditLog.waktu == setelah.waktu, AuditLog.id < setelah.id),
            )
        )
    kolom = (
        AuditLog.id,
        AuditLog.waktu,
        AuditLog.username,
        AuditLog.aksi,
        AuditLog.tabel,
        AuditLog.baris_id,
        AuditLog.sebelum,
        AuditLog.sesudah,
        AuditLog.keterangan,
        AuditLog.pengguna_id,
    )
    stmt = select(*kolom).where(*cond).order_by(AuditLog.waktu.desc(), AuditLog.id.desc()).limit(limit)
    return [AuditRow(*row) for row in session.execute(stmt)]


def audit_users(session: Session, actor: Actor) -> list[tuple[str, str]]:
    """``(filter value, label)`` of every account, "Operator Sinta (sinta)", then the application itself."""
    require(actor, Izin.LIHAT_AUDIT)
    stmt = select(Pengguna.username, Pengguna.nama, Pengguna.peran).order_by(Pengguna.username)
    rows = session.execute(stmt)
    users = [(u, f"{peran_singkat(peran)} {nama or u} ({u})") for u, nama, peran in rows]
    return [*users, (SISTEM, "Sistem (tanpa pengguna)")]
