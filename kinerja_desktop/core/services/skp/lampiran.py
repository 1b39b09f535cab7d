"""Lampiran SKP (numbered lists) and the order of RHK, indicators and lampiran items."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import Indikator, LampiranSkp, Rhk, Skp
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.skp.access import (
    ensure_can_edit,
    ensure_editable,
    get_indikator_row,
    get_lampiran_row,
    get_rhk_row,
    get_skp_row,
    live_indikator,
    live_lampiran,
    live_rhk,
)
from kinerja_desktop.core.validation.skp import LAMPIRAN_SKP

T = TypeVar("T", Rhk, Indikator, LampiranSkp)


def _editable(session: Session, actor: Actor, skp: Skp) -> None:
    ensure_can_edit(session, actor, skp)
    ensure_editable(skp)


def _jenis(jenis: str) -> str:
    return LAMPIRAN_SKP.code("jenis").ensure(jenis.strip().lower())


def _teks(teks: str) -> str:
    return LAMPIRAN_SKP.text("teks").ensure(" ".join(teks.split()))


def add_lampiran(
    session: Session, actor: Actor, skp_id: str, jenis: str, teks: str, *, stamp: str | None = None
) -> str:
    """Append an item to one of the three numbered lists of the Lampiran."""
    skp = get_skp_row(session, skp_id, stamp)
    _editable(session, actor, skp)
    kind = _jenis(jenis)
    last = session.scalar(
        select(func.max(LampiranSkp.urutan)).where(LampiranSkp.skp_id == skp.id, LampiranSkp.jenis == kind)
    )
    row = LampiranSkp(skp_id=skp.id, jenis=kind, teks=_teks(teks), urutan=int(last or 0) + 1)
    session.add(row)
    session.flush()
    return row.id


def update_lampiran(
    session: Session, actor: Actor, lampiran_id: str, teks: str, *, stamp: str | None = None
) -> None:
    row, skp = get_lampiran_row(session, lampiran_id, stamp)
    _editable(session, actor, skp)
    row.teks = _teks(teks)


def delete_lampiran(session: Session, actor: Actor, lampiran_id: str, *, stamp: str | None = None) -> None:
    row, skp = get_lampiran_row(session, lampiran_id, stamp)
    _editable(session, actor, skp)
    row.dihapus_pada = utcnow()


def _renumber(rows: Sequence[Rhk | Indikator | LampiranSkp]) -> None:
    for nomor, row in enumerate(rows, start=1):
        if row.urutan != nomor:
            row.urutan = nomor


def _reordered(rows: list[T], ids: Sequence[str], apa: str) -> list[T]:
    by_id = {r.id: r for r in rows}
    if len(ids) != len(by_id) or set(ids) != set(by_id):
        raise ValidationError(f"Urutan baru harus memuat setiap {apa} tepat satu kali.")
    return [by_id[i] for i in ids]


def _moved(rows: list[T], target: T, langkah: int, same_group: set[str]) -> list[T]:
    """``rows`` with ``target`` moved ``langkah`` places among the rows whose id is in ``same_group``."""
    group = [r for r in rows if r.id in same_group]
    posisi = group.index(target)
    baru = max(0, min(len(group) - 1, posisi + langkah))
    group.insert(baru, group.pop(posisi))
    antre = iter(group)
    return [next(antre) if r.id in same_group else r for r in rows]


def reorder_rhk(
    session: Session, actor: Actor, skp_id: str, rhk_ids: Sequence[str], *, stamp: str | None = None
) -> None:
    """Number the SKP's RHK in the order given (every live RHK exactly once)."""
    skp = get_skp_row(session, skp_id, stamp)
    _editable(session, actor, skp)
    _renumber(_reordered(live_rhk(session, skp.id), rhk_ids, "RHK"))


def move_rhk(session: Session, actor: Actor, rhk_id: str, langkah: int, *, stamp: str | None = None) -> None:
    """Move an RHK up (negative) or down (positive) within its group (utama or tambahan)."""
    rhk, skp = get_rhk_row(session, rhk_id, stamp)
    _editable(session, actor, skp)
    rows = live_rhk(session, skp.id)
    _renumber(_moved(rows, rhk, langkah, {r.id for r in rows if r.jenis == rhk.jenis}))


def reorder_indikator(
    session: Session, actor: Actor, rhk_id: str, indikator_ids: Sequence[str], *, stamp: str | None = None
) -> None:
    rhk, skp = get_rhk_row(session, rhk_id, stamp)
    _editable(session, actor, skp)
    _renumber(_reordered(live_indikator(session, [rhk.id]), indikator_ids, "indikator"))


def move_indikator(
    session: Session, actor: Actor, indikator_id: str, langkah: int, *, stamp: str | None = None
) -> None:
    indikator, rhk, skp = get_indikator_row(session, indikator_id, stamp)
    _editable(session, actor, skp)
    rows = live_indikator(session, [rhk.id])
    _renumber(_moved(rows, indikator, langkah, {r.id for r in rows}))


def reorder_lampiran(
    session: Session, actor: Actor, skp_id: str, jenis: str, ids: Sequence[str], *, stamp: str | None = None
) -> None:
    skp = get_skp_row(session, skp_id, stamp)
    _editable(session, actor, skp)
    kind = _jenis(jenis)
    rows = [r for r in live_lampiran(session, skp.id) if r.jenis == kind]
    _renumber(_reordered(rows, ids, "butir lampiran"))


def move_lampiran(
    session: Session, actor: Actor, lampiran_id: str, langkah: int, *, stamp: str | None = None
) -> None:
    row, skp = get_lampiran_row(session, lampiran_id, stamp)
    _editable(session, actor, skp)
    rows = [r for r in live_lampiran(session, skp.id) if r.jenis == row.jenis]
    _renumber(_moved(rows, row, langkah, {r.id for r in rows}))
