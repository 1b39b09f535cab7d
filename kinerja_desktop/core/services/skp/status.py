"""The SKP flow: checks, submit, withdraw, approve or reject with a note, and ekspektasi khusus pimpinan."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import EkspektasiPerilaku, Pegawai, Perilaku, Rhk, Skp
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.model.pegawai import Masalah
from kinerja_desktop.core.model.skp import (
    STATUS_BISA_DIUBAH,
    JenisForm,
    JenisLampiran,
    JenisRhk,
    StatusSkp,
)
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.skp.access import (
    ensure_approver,
    ensure_can_edit,
    ensure_editable,
    get_skp_row,
    live_indikator,
    live_lampiran,
    live_rhk,
    live_versions,
)
from kinerja_desktop.core.services.skp.kaskade import allowed_rhk_ids, cascade_problem
from kinerja_desktop.core.validation.skp import EKSPEKTASI_PERILAKU, SKP


class SkpBelumLengkap(ValidationError):
    """The SKP cannot be submitted or approved yet; ``masalah`` lists every problem found."""

    def __init__(self, judul: str, masalah: list[Masalah]) -> None:
        daftar = "\n".join(f"• {m.pesan}" for m in masalah if not m.peringatan)
        super().__init__(
            f"{judul}\n{daftar}", kolom=next((m.kolom for m in masalah if not m.peringatan), None)
        )
        self.masalah = masalah


def _shorten(teks: str, n: int = 60) -> str:
    return teks if len(teks) <= n else teks[: n - 1].rstrip() + "…"


def review_skp(session: Session, skp: Skp) -> list[Masalah]:
    """Every problem that blocks submission (errors) and what is worth knowing (warnings)."""
    masalah: list[Masalah] = []
    rhk = live_rhk(session, skp.id)
    indikator: dict[str, list[str]] = {r.id: [] for r in rhk}
    tanpa_target: dict[str, list[str]] = {r.id: [] for r in rhk}
    for i in live_indikator(session, list(indikator)):
        indikator[i.rhk_id].append(i.id)
        if i.target_min is None and not i.target_teks.strip():
            tanpa_target[i.rhk_id].append(i.teks)
    if not any(r.jenis == JenisRhk.UTAMA for r in rhk):
        masalah.append(Masalah("rhk", "Belum ada RHK utama; SKP memerlukan sedikitnya satu RHK utama."))
    allowed = allowed_rhk_ids(session, skp)
    nomor: dict[str, int] = {}
    for r in rhk:
        nomor[r.jenis] = nomor.get(r.jenis, 0) + 1
        nama = f'RHK {r.jenis} {nomor[r.jenis]} "{_shorten(r.teks)}"'
        if not indikator[r.id]:
            masalah.append(Masalah("indikator", f"{nama} belum memiliki indikator."))
        for teks in tanpa_target[r.id]:
            masalah.append(
                Masalah("target", f'Indikator "{_shorten(teks)}" pada {nama} belum memiliki target.')
            )
        kaskade = cascade_problem(session, skp, r.jenis, r.rhk_atasan_id, allowed)
        if kaskade:
            masalah.append(Masalah("rhk_atasan_id", f"{nama}: {kaskade}"))
        if skp.jenis_form == JenisForm.JPT and not r.perspektif:
            masalah.append(Masalah("perspektif", f"{nama} belum memiliki perspektif."))
    masalah.extend(_peringatan(session, skp))
    return masalah


def _peringatan(session: Session, skp: Skp) -> list[Masalah]:
    hasil: list[Masalah] = []
    if skp.pejabat_penilai_id is None:
        hasil.append(
            Masalah(
                "pejabat_penilai",
                "SKP ini tidak memiliki pejabat penilai di basis data ini; "
                "hanya administrator yang dapat menyetujuinya.",
                True,
            )
        )
    elif skp.jenis_form == JenisForm.JA_JF and allowed_rhk_ids(session, skp) is None:
        nama = session.scalar(select(Pegawai.nama).where(Pegawai.id == skp.pejabat_penilai_id))
        hasil.append(
            Masalah(
                "rhk_atasan_id",
                f"{nama} belum memiliki SKP tahun {skp.tahun} yang disetujui; "
                "RHK belum dapat dikaitkan ke RHK atasan.",
                True,
            )
        )
    atasan_kini = session.scalar(select(Pegawai.atasan_id).where(Pegawai.id == skp.pegawai_id))
    if atasan_kini != skp.pejabat_penilai_id and skp.status in STATUS_BISA_DIUBAH:
        hasil.append(
            Masalah(
                "pejabat_penilai",
                "Atasan langsung pegawai sudah berubah sejak SKP dibuat; perbarui pejabat penilai SKP ini.",
                True,
            )
        )
    ada = {row.jenis for row in live_lampiran(session, skp.id)}
    for jenis in JenisLampiran:
        if jenis.value not in ada:
            hasil.append(Masalah("lampiran", f"Lampiran {jenis.label} belum diisi.", True))
    return hasil


def check_skp(session: Session, actor: Actor, skp_id: str) -> list[Masalah]:
    """The submit check without submitting (errors and warnings), for the form to show."""
    require(actor, Izin.LIHAT_DATA)
    return review_skp(session, get_skp_row(session, skp_id))


def _raise_errors(masalah: list[Masalah], judul: str) -> list[Masalah]:
    if any(not m.peringatan for m in masalah):
        raise SkpBelumLengkap(judul, masalah)
    return masalah


def submit_skp(session: Session, actor: Actor, skp_id: str, *, stamp: str | None = None) -> list[Masalah]:
    """Draft or ditolak → diajukan; raises SkpBelumLengkap listing every problem; returns the warnings."""
    skp = get_skp_row(session, skp_id, stamp)
    ensure_can_edit(session, actor, skp)
    ensure_editable(skp)
    peringatan = _raise_errors(review_skp(session, skp), "SKP belum bisa diajukan:")
    skp.status = StatusSkp.DIAJUKAN.value
    skp.diajukan_pada = utcnow()
    return peringatan


def withdraw_skp(session: Session, actor: Actor, skp_id: str, *, stamp: str | None = None) -> None:
    """Take a submitted SKP back to draft (before the pejabat penilai decides)."""
    skp = get_skp_row(session, skp_id, stamp)
    ensure_can_edit(session, actor, skp)
    if skp.status != StatusSkp.DIAJUKAN:
        raise ValidationError("Hanya SKP yang sedang diajukan yang dapat ditarik kembali.")
    skp.status = StatusSkp.DRAFT.value


def _ensure_diajukan(skp: Skp, tindakan: str) -> None:
    if skp.status != StatusSkp.DIAJUKAN:
        raise ValidationError(
            f"Hanya SKP yang sudah diajukan yang dapat {tindakan}; "
            f"SKP ini berstatus {StatusSkp(skp.status).label}."
        )


def approve_skp(session: Session, actor: Actor, skp_id: str, *, stamp: str | None = None) -> None:
    """Diajukan → disetujui by its pejabat penilai (or an administrator); a previous approved version
    becomes "diganti" and subordinates' links to its unchanged RHKs move to the new version."""
    skp = get_skp_row(session, skp_id, stamp)
    ensure_approver(session, actor, skp, "menyetujui")
    _ensure_diajukan(skp, "disetujui")
    _raise_errors(review_skp(session, skp), "SKP belum bisa disetujui:")
    lama = [v for v in live_versions(session, skp.pegawai_id, skp.tahun) if v.status == StatusSkp.DISETUJUI]
    skp.status = StatusSkp.DISETUJUI.value
    skp.disetujui_pada = utcnow()
    skp.catatan_penolakan = ""
    for versi in lama:
        versi.status = StatusSkp.DIGANTI.value
        _relink_subordinates(session, versi, skp)


def _pengganti(session: Session, lama: Skp, baru: Skp) -> dict[str, str]:
    """Old RHK id → the new version's RHK that replaces it.

    A revision records where each copied RHK came from (``asal_id``), so a reworded RHK still
    replaces its original, and an RHK deleted in the revision replaces nothing. A revision copied
    before that column existed has no origins at all; there the same text decides, as it used to.
    """
    lama_rhk = {r.id: r.teks for r in live_rhk(session, lama.id)}
    baru_rhk = live_rhk(session, baru.id)
    ada_asal = session.scalar(
        select(Rhk.id).where(Rhk.skp_id == baru.id, Rhk.asal_id.is_not(None)).limit(1)
    )  # deleted rows count too: the revision was copied with origins even if the user removed them
    if ada_asal is not None:
        return {r.asal_id: r.id for r in baru_rhk if r.asal_id is not None and r.asal_id in lama_rhk}
    per_teks = {r.teks: r.id for r in baru_rhk}
    return {lama_id: per_teks[teks] for lama_id, teks in lama_rhk.items() if teks in per_teks}


def _relink_subordinates(session: Session, lama: Skp, baru: Skp) -> None:
    """Point links to RHKs of the replaced version at the RHK of the new version that replaces them.

    Links to an RHK the revision deleted stay where they are; the cascade check then tells the
    subordinate that the link points at a replaced version and must be chosen again.
    """
    pengganti = _pengganti(session, lama, baru)
    if not pengganti:
        return
    bawahan = session.scalars(
        select(Rhk)
        .join(Skp, Skp.id == Rhk.skp_id)
        .where(
            Rhk.rhk_atasan_id.in_(pengganti),
            Rhk.dihapus_pada.is_(None),
            Skp.dihapus_pada.is_(None),
            Skp.status != StatusSkp.DIGANTI.value,
        )
    )
    for rhk in bawahan:
        rhk.rhk_atasan_id = pengganti[rhk.rhk_atasan_id or ""]


def reject_skp(
    session: Session, actor: Actor, skp_id: str, catatan: str, *, stamp: str | None = None
) -> None:
    """Diajukan → ditolak with a note telling the pegawai what to change (it becomes editable again)."""
    skp = get_skp_row(session, skp_id, stamp)
    ensure_approver(session, actor, skp, "menolak")
    _ensure_diajukan(skp, "ditolak")
    cleaned = SKP.text("catatan_penolakan").ensure(catatan.strip())
    if not cleaned:
        raise ValidationError(
            "Tuliskan catatan penolakan agar pegawai tahu apa yang perlu diperbaiki.",
            kolom="catatan_penolakan",
        )
    SKP.text("catatan_penolakan").ensure(cleaned)
    skp.status = StatusSkp.DITOLAK.value
    skp.catatan_penolakan = cleaned


def set_ekspektasi(
    session: Session, actor: Actor, skp_id: str, perilaku_id: str, teks: str, *, stamp: str | None = None
) -> None:
    """Ekspektasi khusus pimpinan for one BerAKHLAK value, written by the pejabat penilai before approval."""
    skp = get_skp_row(session, skp_id, stamp)
    ensure_approver(session, actor, skp, "menulis ekspektasi khusus pada")
    if skp.status not in (*STATUS_BISA_DIUBAH, StatusSkp.DIAJUKAN.value):
        ensure_editable(skp)
    perilaku = session.get(Perilaku, perilaku_id)
    if perilaku is None or perilaku.dihapus_pada is not None:
        raise NotFound("Nilai perilaku kerja tidak ditemukan.")
    cleaned = EKSPEKTASI_PERILAKU.text("ekspektasi_khusus").ensure(
        teks.strip(), label=f"Ekspektasi khusus untuk {perilaku.nama}"
    )
    row = session.scalar(
        select(EkspektasiPerilaku).where(
            EkspektasiPerilaku.skp_id == skp.id, EkspektasiPerilaku.perilaku_id == perilaku_id
        )
    )
    if row is None:
        session.add(EkspektasiPerilaku(skp_id=skp.id, perilaku_id=perilaku_id, ekspektasi_khusus=cleaned))
    else:
        row.ekspektasi_khusus = cleaned
        row.dihapus_pada = None


def save_ekspektasi(
    session: Session, actor: Actor, skp_id: str, ekspektasi: Mapping[str, str], *, stamp: str | None = None
) -> None:
    """The editor's "Simpan ekspektasi": every changed ekspektasi khusus (perilaku id → text) of an SKP
    in one action, so a refused one keeps none of the others; ``stamp`` is checked once, first."""
    get_skp_row(session, skp_id, stamp)
    for perilaku_id, teks in ekspektasi.items():
        set_ekspektasi(session, actor, skp_id, perilaku_id, teks)
