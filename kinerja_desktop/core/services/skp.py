"""SKP planning in one place: create, read, edit, flow, copy; the other ``skp_*`` modules hold the parts."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import EkspektasiPerilaku
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.services.akses import Actor
from kinerja_desktop.core.services.skp_akses import (
    ensure_can_edit,
    ensure_editable,
    get_pegawai_row,
    get_skp_row,
    live_indikator,
    live_lampiran,
    live_rhk,
)
from kinerja_desktop.core.services.skp_baca import current_skp_for, get_skp, list_skp
from kinerja_desktop.core.services.skp_baru import (
    clean_header,
    jenis_form_for,
    penilai_for,
)
from kinerja_desktop.core.services.skp_data import SkpInput
from kinerja_desktop.core.services.skp_kaskade import cascade_options, starting_points
from kinerja_desktop.core.services.skp_lampiran import (
    add_lampiran,
    delete_lampiran,
    move_indikator,
    move_lampiran,
    move_rhk,
    reorder_indikator,
    reorder_lampiran,
    reorder_rhk,
    update_lampiran,
)
from kinerja_desktop.core.services.skp_rhk import (
    add_indikator,
    add_rhk,
    add_rhk_from,
    delete_indikator,
    delete_rhk,
    update_indikator,
    update_rhk,
)
from kinerja_desktop.core.services.skp_salin import (
    copy_last_year,
    create_drafts_for_unit,
    revise_skp,
    start_draft,
)
from kinerja_desktop.core.services.skp_status import (
    SkpBelumLengkap,
    approve_skp,
    check_skp,
    reject_skp,
    set_ekspektasi,
    submit_skp,
    withdraw_skp,
)


def create_skp(
    session: Session, actor: Actor, pegawai_id: str, tahun: int, data: SkpInput | None = None
) -> str:
    """A draft SKP for ``tahun`` (1 Januari – 31 Desember unless ``data`` says otherwise).

    The pejabat penilai is the pegawai's superior, the atasan pejabat penilai the superior's superior;
    the form is JPT for JPT positions, else JA/JF. Refused when the pegawai already has one that year.
    """
    return start_draft(session, actor, pegawai_id, tahun, data).id


def update_skp(session: Session, actor: Actor, skp_id: str, data: SkpInput) -> None:
    """Change the periode penilaian (within the year) or the pendekatan of a draft."""
    skp = get_skp_row(session, skp_id)
    ensure_can_edit(session, actor, skp)
    ensure_editable(skp)
    clean = clean_header(skp.tahun, data)
    skp.periode_awal, skp.periode_akhir, skp.pendekatan = (
        clean.periode_awal,
        clean.periode_akhir,
        clean.pendekatan,
    )


def refresh_penilai(session: Session, actor: Actor, skp_id: str) -> bool:
    """Take pejabat penilai, atasan penilai and form from the pegawai's current record; True if changed."""
    skp = get_skp_row(session, skp_id)
    ensure_can_edit(session, actor, skp)
    ensure_editable(skp)
    pegawai = get_pegawai_row(session, skp.pegawai_id)
    penilai_id, atasan_id = penilai_for(session, pegawai)
    form = jenis_form_for(pegawai)
    if (skp.pejabat_penilai_id, skp.atasan_penilai_id, skp.jenis_form) == (penilai_id, atasan_id, form):
        return False
    if form != skp.jenis_form and live_rhk(session, skp.id):
        raise ValidationError(
            "Jenis jabatan pegawai kini memerlukan bentuk SKP lain; hapus RHK-nya atau buat SKP baru."
        )
    skp.pejabat_penilai_id, skp.atasan_penilai_id, skp.jenis_form = penilai_id, atasan_id, form
    return True


def skp_exists(session: Session, ident: str) -> bool:
    """Whether ``ident`` is the id of a (not deleted) SKP, for screens handed either kind of id."""
    from kinerja_desktop.core.db.models import Skp

    return session.scalar(select(Skp.id).where(Skp.id == ident, Skp.dihapus_pada.is_(None))) is not None


def delete_skp(session: Session, actor: Actor, skp_id: str) -> None:
    """Delete a draft (or rejected) version; deleting a revision brings back the approved version."""
    skp = get_skp_row(session, skp_id)
    ensure_can_edit(session, actor, skp)
    ensure_editable(skp)
    now = utcnow()
    rhk = live_rhk(session, skp.id)
    for indikator in live_indikator(session, [r.id for r in rhk]):
        indikator.dihapus_pada = now
    for r in rhk:
        r.dihapus_pada = now
    for lampiran in live_lampiran(session, skp.id):
        lampiran.dihapus_pada = now
    for e in session.scalars(select(EkspektasiPerilaku).where(EkspektasiPerilaku.skp_id == skp.id)):
        e.dihapus_pada = now
    skp.dihapus_pada = now


__all__ = [
    "SkpBelumLengkap",
    "add_indikator",
    "add_lampiran",
    "add_rhk",
    "add_rhk_from",
    "approve_skp",
    "cascade_options",
    "check_skp",
    "copy_last_year",
    "create_drafts_for_unit",
    "create_skp",
    "current_skp_for",
    "delete_indikator",
    "delete_lampiran",
    "delete_rhk",
    "delete_skp",
    "get_skp",
    "list_skp",
    "move_indikator",
    "move_lampiran",
    "move_rhk",
    "refresh_penilai",
    "reject_skp",
    "reorder_indikator",
    "reorder_lampiran",
    "reorder_rhk",
    "revise_skp",
    "set_ekspektasi",
    "skp_exists",
    "starting_points",
    "submit_skp",
    "update_indikator",
    "update_lampiran",
    "update_rhk",
    "update_skp",
    "withdraw_skp",
]
