"""Editing the RHK of a draft SKP and their indicators, with the cascade rule enforced."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import Indikator, Rhk, Skp
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.skp import IndikatorInput, JenisForm, JenisRhk, RhkInput
from kinerja_desktop.core.rules.angka import parse_angka
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.skp.access import (
    ensure_can_edit,
    ensure_editable,
    get_indikator_row,
    get_rhk_row,
    get_skp_row,
    live_indikator,
)
from kinerja_desktop.core.services.skp.kaskade import check_cascade, starting_points
from kinerja_desktop.core.validation.base import RowRules, raise_first
from kinerja_desktop.core.validation.rhk import INDIKATOR, RHK, target_problems

_EMPAT_DESIMAL = Decimal("0.0001")


def _teks(value: str, aturan: RowRules) -> str:
    """The text on one line, checked as every RHK or indicator text is (also when imported)."""
    return aturan.text("teks").ensure(" ".join(value.split()))


def _editable(session: Session, actor: Actor, skp: Skp) -> None:
    ensure_can_edit(session, actor, skp)
    ensure_editable(skp)


def clean_rhk(session: Session, skp: Skp, data: RhkInput) -> RhkInput:
    """Normalised RHK input for this SKP's form; raises ValidationError naming the field."""
    teks = _teks(data.teks, RHK)
    jenis = RHK.code("jenis").ensure(data.jenis.strip().lower())
    perspektif = data.perspektif.strip().lower().replace(" ", "_")
    penugasan = " ".join(data.penugasan_dari.split())
    if skp.jenis_form == JenisForm.JPT:
        RHK.code("perspektif").ensure(perspektif)
        RHK.text("penugasan_dari").ensure(penugasan)
    elif perspektif or penugasan:
        raise ValidationError("Perspektif dan penugasan hanya diisi pada SKP JPT.", kolom="perspektif")
    atasan = data.rhk_atasan_id or None
    check_cascade(session, skp, jenis, atasan)
    return RhkInput(teks, jenis, atasan, perspektif, penugasan)


def _next_urutan(session: Session, stmt: Select[Any]) -> int:
    return int(session.scalar(stmt) or 0) + 1


def add_rhk(session: Session, actor: Actor, skp_id: str, data: RhkInput, *, stamp: str | None = None) -> str:
    """A new RHK at the end of the SKP; JA/JF utama must intervene an approved superior RHK."""
    skp = get_skp_row(session, skp_id, stamp)
    _editable(session, actor, skp)
    clean = clean_rhk(session, skp, data)
    rhk = Rhk(
        skp_id=skp.id,
        jenis=clean.jenis,
        teks=clean.teks,
        rhk_atasan_id=clean.rhk_atasan_id,
        perspektif=clean.perspektif,
        penugasan_dari=clean.penugasan_dari,
        urutan=_next_urutan(session, select(func.max(Rhk.urutan)).where(Rhk.skp_id == skp.id)),
    )
    session.add(rhk)
    session.flush()
    return rhk.id


def update_rhk(
    session: Session, actor: Actor, rhk_id: str, data: RhkInput, *, stamp: str | None = None
) -> None:
    rhk, skp = get_rhk_row(session, rhk_id, stamp)
    _editable(session, actor, skp)
    clean = clean_rhk(session, skp, data)
    rhk.teks, rhk.jenis, rhk.rhk_atasan_id = clean.teks, clean.jenis, clean.rhk_atasan_id
    rhk.perspektif, rhk.penugasan_dari = clean.perspektif, clean.penugasan_dari


def delete_rhk(session: Session, actor: Actor, rhk_id: str, *, stamp: str | None = None) -> None:
    """Delete an RHK and its indicators (tombstones that travel)."""
    rhk, skp = get_rhk_row(session, rhk_id, stamp)
    _editable(session, actor, skp)
    now = utcnow()
    for indikator in live_indikator(session, [rhk.id]):
        indikator.dihapus_pada = now
    rhk.dihapus_pada = now


def _target(value: Decimal | int | float | str | None, kolom: str, label: str) -> Decimal | None:
    """A bound of the target as stored (4 decimals): text as typed ("1.500" is 1500), None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        angka = parse_angka(value, kolom=kolom, label=label)
    else:
        angka = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    raise_first([m for a in INDIKATOR.angka if a.kolom == kolom if (m := a.problem(angka)) is not None])
    return angka.quantize(_EMPAT_DESIMAL)


def clean_indikator(data: IndikatorInput) -> IndikatorInput:
    """Normalised indicator input; a range needs a lower bound not above the upper one."""
    teks = _teks(data.teks, INDIKATOR)
    aspek = INDIKATOR.code("aspek").ensure(data.aspek.strip().lower())
    lo = _target(data.target_min, "target_min", "Target")
    hi = _target(data.target_maks, "target_maks", "Batas atas target")
    raise_first(target_problems(lo, hi))
    if lo is not None and hi == lo:
        hi = None
    satuan = INDIKATOR.text("satuan").ensure(" ".join(data.satuan.split()))
    target_teks = INDIKATOR.text("target_teks").ensure(data.target_teks.strip())
    return IndikatorInput(teks, aspek, lo, hi, satuan, target_teks)


def _apply(indikator: Indikator, clean: IndikatorInput) -> None:
    indikator.teks, indikator.aspek, indikator.satuan = clean.teks, clean.aspek, clean.satuan
    indikator.target_min, indikator.target_maks = clean.target_min, clean.target_maks
    indikator.target_teks = clean.target_teks


def add_indikator(
    session: Session, actor: Actor, rhk_id: str, data: IndikatorInput, *, stamp: str | None = None
) -> str:
    """A new IKI at the end of the RHK; the target may stay empty in a draft (the submit check lists it)."""
    rhk, skp = get_rhk_row(session, rhk_id, stamp)
    _editable(session, actor, skp)
    urutan = _next_urutan(session, select(func.max(Indikator.urutan)).where(Indikator.rhk_id == rhk.id))
    indikator = Indikator(rhk_id=rhk.id, urutan=urutan)
    _apply(indikator, clean_indikator(data))
    session.add(indikator)
    session.flush()
    return indikator.id


def update_indikator(
    session: Session, actor: Actor, indikator_id: str, data: IndikatorInput, *, stamp: str | None = None
) -> None:
    indikator, _, skp = get_indikator_row(session, indikator_id, stamp)
    _editable(session, actor, skp)
    _apply(indikator, clean_indikator(data))


def delete_indikator(session: Session, actor: Actor, indikator_id: str, *, stamp: str | None = None) -> None:
    indikator, _, skp = get_indikator_row(session, indikator_id, stamp)
    _editable(session, actor, skp)
    indikator.dihapus_pada = utcnow()


def add_rhk_from(
    session: Session,
    actor: Actor,
    skp_id: str,
    rhk_atasan_id: str,
    jenis: str = JenisRhk.UTAMA.value,
    *,
    stamp: str | None = None,
) -> str:
    """Start an RHK from one of the pejabat penilai's approved RHKs: its text, indicators and the link."""
    get_skp_row(session, skp_id, stamp)
    sumber = {p.id: p for p in starting_points(session, actor, skp_id)}
    if rhk_atasan_id not in sumber:
        skp = get_skp_row(session, skp_id)
        check_cascade(session, skp, jenis, rhk_atasan_id)
        raise ValidationError("RHK itu tidak dapat dijadikan titik awal.", kolom="rhk_atasan_id")
    pilihan = sumber[rhk_atasan_id]
    rhk_id = add_rhk(session, actor, skp_id, RhkInput(pilihan.teks, jenis, rhk_atasan_id))
    for indikator in pilihan.indikator:
        add_indikator(session, actor, rhk_id, indikator)
    return rhk_id
