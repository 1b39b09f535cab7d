"""The SKP itself: the header check, one SKP per pegawai per year, the penilai, edit and delete."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import new_id, utcnow
from kinerja_desktop.core.db.models import EkspektasiPerilaku, Pegawai, Perilaku, Skp
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.skp import JenisForm, SkpInput, StatusSkp
from kinerja_desktop.core.rules.jabatan import JenisJabatan
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.skp.access import (
    ensure_can_edit,
    ensure_editable,
    get_pegawai_row,
    get_skp_row,
    latest_skp,
    live_indikator,
    live_lampiran,
    live_rhk,
)
from kinerja_desktop.core.validation.base import raise_first
from kinerja_desktop.core.validation.skp import SKP


def ensure_no_skp(session: Session, pegawai: Pegawai, tahun: int) -> None:
    """One SKP per pegawai per year: name the existing one when there is one."""
    ada = latest_skp(session, pegawai.id, tahun)
    if ada is not None:
        raise ValidationError(
            f"{pegawai.nama} sudah memiliki SKP tahun {tahun} (versi {ada.versi}, status "
            f"{StatusSkp(ada.status).label}); satu pegawai hanya memiliki satu SKP per tahun.",
            kolom="tahun",
            saran="Buka SKP tersebut, atau buat revisi bila SKP itu sudah disetujui.",
        )


def clean_header(tahun: int, data: SkpInput) -> SkpInput:
    """Check the periode penilaian (within the year, start before end) and the pendekatan."""
    pendekatan = data.pendekatan.strip().lower()
    row = {
        "tahun": tahun,
        "periode_awal": data.periode_awal,
        "periode_akhir": data.periode_akhir,
        "pendekatan": pendekatan,
    }
    raise_first(SKP.check(row))
    return SkpInput(data.periode_awal, data.periode_akhir, pendekatan)


def jenis_form_for(pegawai: Pegawai) -> str:
    try:
        jpt = JenisJabatan(pegawai.jenis_jabatan).is_jpt
    except ValueError:
        jpt = False
    return JenisForm.JPT.value if jpt else JenisForm.JA_JF.value


def penilai_for(session: Session, pegawai: Pegawai) -> tuple[str | None, str | None]:
    """Pejabat penilai = the direct superior; atasan pejabat penilai = the superior's superior."""
    if pegawai.atasan_id is None:
        return None, None
    atasan_dari_atasan = session.scalar(select(Pegawai.atasan_id).where(Pegawai.id == pegawai.atasan_id))
    return pegawai.atasan_id, atasan_dari_atasan


def skp_row(
    pegawai: Pegawai, tahun: int, data: SkpInput, versi: int, penilai: tuple[str | None, str | None]
) -> Skp:
    """A draft SKP row (not yet added): penilai pair, form from the jenis jabatan."""
    return Skp(
        id=new_id(),
        pegawai_id=pegawai.id,
        tahun=tahun,
        versi=versi,
        periode_awal=data.periode_awal,
        periode_akhir=data.periode_akhir,
        pendekatan=data.pendekatan,
        jenis_form=jenis_form_for(pegawai),
        status=StatusSkp.DRAFT.value,
        catatan_penolakan="",
        pejabat_penilai_id=penilai[0],
        atasan_penilai_id=penilai[1],
    )


def perilaku_ids(session: Session) -> list[str]:
    return list(
        session.scalars(select(Perilaku.id).where(Perilaku.dihapus_pada.is_(None)).order_by(Perilaku.urutan))
    )


def add_ekspektasi_rows(session: Session, skp_ids: Sequence[str], perilaku: Sequence[str]) -> None:
    """An empty ekspektasi khusus row per perilaku for each (already flushed) SKP."""
    session.add_all(EkspektasiPerilaku(skp_id=s, perilaku_id=p) for s in skp_ids for p in perilaku)


def new_skp(session: Session, pegawai: Pegawai, tahun: int, data: SkpInput) -> Skp:
    """Add and flush a draft (the next free version number) with its empty ekspektasi rows."""
    terpakai = session.scalar(
        select(func.max(Skp.versi)).where(Skp.pegawai_id == pegawai.id, Skp.tahun == tahun)
    )
    skp = skp_row(pegawai, tahun, data, int(terpakai or 0) + 1, penilai_for(session, pegawai))
    session.add(skp)
    session.flush()
    add_ekspektasi_rows(session, [skp.id], perilaku_ids(session))
    return skp


def tanggal_dalam_tahun(asal: date, tahun: int) -> date:
    """The same day and month in ``tahun`` (29 February becomes 28 February)."""
    try:
        return asal.replace(year=tahun)
    except ValueError:
        return asal.replace(year=tahun, day=28)


def update_skp(
    session: Session, actor: Actor, skp_id: str, data: SkpInput, *, stamp: str | None = None
) -> None:
    """Change the periode penilaian (within the year) or the pendekatan of a draft."""
    skp = get_skp_row(session, skp_id, stamp)
    ensure_can_edit(session, actor, skp)
    ensure_editable(skp)
    clean = clean_header(skp.tahun, data)
    skp.periode_awal, skp.periode_akhir, skp.pendekatan = (
        clean.periode_awal,
        clean.periode_akhir,
        clean.pendekatan,
    )


def refresh_penilai(session: Session, actor: Actor, skp_id: str, *, stamp: str | None = None) -> bool:
    """Take pejabat penilai, atasan penilai and form from the pegawai's current record; True if changed."""
    skp = get_skp_row(session, skp_id, stamp)
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


def delete_skp(session: Session, actor: Actor, skp_id: str, *, stamp: str | None = None) -> None:
    """Delete a draft (or rejected) version; deleting a revision brings back the approved version."""
    skp = get_skp_row(session, skp_id, stamp)
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
