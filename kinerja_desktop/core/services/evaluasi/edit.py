"""Evaluating one SKP for one period: start, self-assessment, feedback, ratings, finalise, reopen."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db import concurrency
from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import (
    Evaluasi,
    Pegawai,
    Perilaku,
    Skp,
    UmpanBalikPerilaku,
    UmpanBalikRhk,
)
from kinerja_desktop.core.db.session import log_event
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.model.evaluasi import RATING_DARI_CAPAIAN, JenisRating, StatusEvaluasi
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi, Temuan
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.evaluasi.access import (
    check_periode_evaluasi,
    ensure_draf,
    ensure_penilai,
    ensure_periode_in_skp,
    ensure_ratings,
    ensure_self_assess,
    ensure_skp_disetujui,
    find_evaluasi,
    get_capaian,
    get_evaluasi_row,
    is_penilai,
    kepala_dari,
    may_self_assess,
    recompute,
)
from kinerja_desktop.core.services.evaluasi.snapshot import snapshot_pejabat
from kinerja_desktop.core.services.evaluasi.unit import distribusi_unit
from kinerja_desktop.core.services.skp.access import get_rhk_row, get_skp_row
from kinerja_desktop.core.validation.base import TextRule
from kinerja_desktop.core.validation.evaluasi import EVALUASI, TEKS_MAKS, rating_rule


class DistribusiPerluDiakui(ValidationError):
    """Finalising needs the pejabat penilai to acknowledge the distribution findings first."""

    def __init__(self, temuan: list[Temuan]) -> None:
        daftar = "\n".join(f"• {t.pesan}" for t in temuan)
        super().__init__(
            f"Sebaran predikat unit belum sesuai pola distribusi:\n{daftar}",
            saran="Periksa kembali penilaian, atau nyatakan bahwa Anda sudah memperhatikan peringatan ini "
            "lalu finalkan.",
        )
        self.temuan = temuan


def _teks(teks: str, kolom: str, nama: str) -> str:
    return TextRule(kolom, nama, TEKS_MAKS).ensure(teks.strip())


def start_evaluasi(session: Session, actor: Actor, skp_id: str, kode_periode: str) -> str:
    """The evaluation of the SKP's pegawai for the period, created as a draft when there is none yet.

    The pejabat penilai, an administrator, or whoever may type the pegawai's self-assessment may start
    it. A unit head's rating hasil kerja starts at the rating that follows the unit's capaian.
    """
    require(actor, Izin.LIHAT_DATA)
    skp = get_skp_row(session, skp_id)
    if not (is_penilai(actor, skp) or may_self_assess(session, actor, skp)):
        ensure_penilai(session, actor, skp, "memulai evaluasi ini")
    ensure_skp_disetujui(skp)
    p = check_periode_evaluasi(session, kode_periode)
    ensure_periode_in_skp(skp, p)
    ada = find_evaluasi(session, skp.pegawai_id, skp.tahun, p.kode)
    if ada is not None:
        return ada.id
    pegawai = session.get(Pegawai, skp.pegawai_id)
    assert pegawai is not None
    ev = Evaluasi(skp_id=skp.id, periode=p.kode, status=StatusEvaluasi.DRAF.value)
    ev.capaian_organisasi = get_capaian(session, pegawai.unit_kerja_id, skp.tahun, p.kode)
    dipimpin = kepala_dari(session, pegawai.id)
    if dipimpin is not None:
        capaian = get_capaian(session, dipimpin.id, skp.tahun, p.kode)
        if capaian is not None:
            ev.capaian_organisasi = capaian
            ev.rating_hasil = RATING_DARI_CAPAIAN[CapaianOrganisasi(capaian)].value
    session.add(ev)
    session.flush()
    recompute(session, ev, skp)
    return ev.id


def _rating(nilai: str | None, jenis: JenisRating) -> str | None:
    if nilai is None or nilai == "":
        return None
    return rating_rule(jenis).ensure(nilai)


def set_rating(
    session: Session, actor: Actor, evaluasi_id: str, rating_hasil: str | None, rating_perilaku: str | None
) -> str | None:
    """Set both ratings (None clears one); returns the predikat computed from the matrix."""
    ev, skp = get_evaluasi_row(session, evaluasi_id)
    ensure_penilai(session, actor, skp, "memberi rating")
    ensure_draf(ev)
    ev.rating_hasil = _rating(rating_hasil, JenisRating.HASIL)
    ev.rating_perilaku = _rating(rating_perilaku, JenisRating.PERILAKU)
    ev.distribusi_diakui = False
    recompute(session, ev, skp)
    return ev.predikat


def set_catatan(
    session: Session, actor: Actor, evaluasi_id: str, catatan: str, tanggal: date | None = None
) -> None:
    """Catatan/rekomendasi of the pejabat penilai and the date of the evaluation."""
    ev, skp = get_evaluasi_row(session, evaluasi_id)
    ensure_penilai(session, actor, skp, "menulis catatan evaluasi")
    ensure_draf(ev)
    ev.catatan_rekomendasi = _teks(catatan, "catatan_rekomendasi", "Catatan/rekomendasi")
    if tanggal is not None:
        ev.tanggal_evaluasi = tanggal


def _umpan_balik_rhk(session: Session, ev: Evaluasi, rhk_id: str) -> UmpanBalikRhk:
    rhk, rhk_skp = get_rhk_row(session, rhk_id)
    if rhk_skp.id != ev.skp_id:
        raise NotFound("RHK ini bukan bagian dari SKP yang dievaluasi.")
    row = session.scalar(
        select(UmpanBalikRhk).where(UmpanBalikRhk.evaluasi_id == ev.id, UmpanBalikRhk.rhk_id == rhk.id)
    )
    if row is None:
        row = UmpanBalikRhk(evaluasi_id=ev.id, rhk_id=rhk.id, penilaian_diri="", umpan_balik="")
        session.add(row)
    row.dihapus_pada = None
    return row


def set_umpan_balik_rhk(session: Session, actor: Actor, evaluasi_id: str, rhk_id: str, teks: str) -> None:
    """Umpan balik berkelanjutan of the pejabat penilai on one RHK."""
    ev, skp = get_evaluasi_row(session, evaluasi_id)
    ensure_penilai(session, actor, skp, "memberi umpan balik")
    ensure_draf(ev)
    _umpan_balik_rhk(session, ev, rhk_id).umpan_balik = _teks(teks, "umpan_balik", "Umpan balik")


def set_penilaian_diri(session: Session, actor: Actor, evaluasi_id: str, rhk_id: str, teks: str) -> None:
    """The pegawai's own account of how one RHK was realised, shown to the pejabat penilai."""
    ev, skp = get_evaluasi_row(session, evaluasi_id)
    ensure_self_assess(session, actor, skp)
    ensure_draf(ev)
    _umpan_balik_rhk(session, ev, rhk_id).penilaian_diri = _teks(teks, "penilaian_diri", "Penilaian diri")


def set_umpan_balik_perilaku(
    session: Session, actor: Actor, evaluasi_id: str, perilaku_id: str, teks: str
) -> None:
    """Umpan balik of the pejabat penilai on one BerAKHLAK value."""
    ev, skp = get_evaluasi_row(session, evaluasi_id)
    ensure_penilai(session, actor, skp, "memberi umpan balik")
    ensure_draf(ev)
    perilaku = session.get(Perilaku, perilaku_id)
    if perilaku is None or perilaku.dihapus_pada is not None:
        raise NotFound("Nilai perilaku kerja tidak ditemukan.")
    row = session.scalar(
        select(UmpanBalikPerilaku).where(
            UmpanBalikPerilaku.evaluasi_id == ev.id, UmpanBalikPerilaku.perilaku_id == perilaku_id
        )
    )
    if row is None:
        row = UmpanBalikPerilaku(evaluasi_id=ev.id, perilaku_id=perilaku_id)
        session.add(row)
    row.dihapus_pada = None
    row.umpan_balik = _teks(teks, "umpan_balik", "Umpan balik")


def temuan_untuk(session: Session, actor: Actor, evaluasi_id: str) -> list[Temuan]:
    """Distribution findings of the pegawai's unit for the evaluation's period."""
    ev, skp = get_evaluasi_row(session, evaluasi_id)
    unit_id = session.scalar(select(Pegawai.unit_kerja_id).where(Pegawai.id == skp.pegawai_id))
    if unit_id is None:
        return []
    return distribusi_unit(session, actor, unit_id, skp.tahun, ev.periode).temuan


def check_finalise(session: Session, actor: Actor, evaluasi_id: str) -> list[Temuan]:
    """What stands before finalising: refused like ``finalise_evaluasi`` would refuse (not the pejabat
    penilai, already final, a rating missing: ValidationError naming it), else the distribution
    findings of the pegawai's unit that must be acknowledged (none: nothing to ask)."""
    ev, skp = get_evaluasi_row(session, evaluasi_id)
    _ensure_may_finalise(session, actor, ev, skp)
    return temuan_untuk(session, actor, evaluasi_id)


def _ensure_may_finalise(session: Session, actor: Actor, ev: Evaluasi, skp: Skp) -> None:
    ensure_penilai(session, actor, skp, "memfinalkan evaluasi")
    ensure_draf(ev)
    ensure_ratings(ev)


def finalise_evaluasi(
    session: Session,
    actor: Actor,
    evaluasi_id: str,
    *,
    akui_temuan: bool = False,
    stamp: str | None = None,
    revisi: int | None = None,
) -> None:
    """Lock the evaluation and freeze who the pegawai, penilai and atasan penilai are now.

    Distribution findings of the pegawai's unit do not block, but must be acknowledged
    (``akui_temuan``); otherwise DistribusiPerluDiakui lists them. ``stamp`` as the form read it (or
    the evaluation row's ``revisi`` as the grid read it): an evaluation changed meanwhile is not
    finalised unseen.
    """
    ev, skp = get_evaluasi_row(session, evaluasi_id, stamp)
    concurrency.ensure_row(session, ev, revisi)
    _ensure_may_finalise(session, actor, ev, skp)
    recompute(session, ev, skp)
    temuan = temuan_untuk(session, actor, evaluasi_id)
    if temuan and not akui_temuan:
        raise DistribusiPerluDiakui(temuan)
    pegawai = session.get(Pegawai, skp.pegawai_id)
    assert pegawai is not None
    ev.capaian_organisasi = get_capaian(session, pegawai.unit_kerja_id, skp.tahun, ev.periode) or (
        ev.capaian_organisasi
    )
    ev.distribusi_diakui = bool(temuan)
    ev.snapshot_pegawai = snapshot_pejabat(session, skp.pegawai_id)
    ev.snapshot_penilai = snapshot_pejabat(session, skp.pejabat_penilai_id)
    ev.snapshot_atasan_penilai = snapshot_pejabat(session, skp.atasan_penilai_id)
    ev.status = StatusEvaluasi.FINAL.value
    ev.difinalkan_pada = utcnow()
    ev.difinalkan_oleh = actor.username
    if ev.tanggal_evaluasi is None:
        ev.tanggal_evaluasi = date.today()
    if temuan:
        log_event(
            session,
            "akui_distribusi",
            f"Peringatan pola distribusi diakui saat memfinalkan evaluasi {Periode(ev.periode).label} "
            f"{pegawai.nama}: " + " ".join(t.pesan for t in temuan),
            tabel="evaluasi",
            baris_id=ev.id,
        )


def reopen_evaluasi(
    session: Session, actor: Actor, evaluasi_id: str, alasan: str, *, stamp: str | None = None
) -> None:
    """Unlock a final evaluation (administrators only) with a reason kept on the row and in the audit log."""
    require(actor, Izin.BUKA_EVALUASI)
    ev, _skp = get_evaluasi_row(session, evaluasi_id, stamp)
    if ev.status != StatusEvaluasi.FINAL:
        raise ValidationError("Evaluasi ini belum final, jadi tidak perlu dibuka kembali.")
    bersih = alasan.strip()
    if len(bersih) < 5:
        raise ValidationError(
            "Tuliskan alasan membuka kembali evaluasi ini (sedikitnya 5 karakter).", kolom="alasan_dibuka"
        )
    tanggal = utcnow().strftime("%d-%m-%Y")
    riwayat = f"{tanggal} {actor.username}: {_teks(bersih, 'alasan_dibuka', 'Alasan')}"
    ev.alasan_dibuka = EVALUASI.text("alasan_dibuka").ensure(f"{ev.alasan_dibuka}\n{riwayat}".strip())
    ev.status = StatusEvaluasi.DRAF.value
    ev.distribusi_diakui = False
    log_event(
        session, "buka_evaluasi", f"Evaluasi dibuka kembali: {bersih}", tabel="evaluasi", baris_id=ev.id
    )
