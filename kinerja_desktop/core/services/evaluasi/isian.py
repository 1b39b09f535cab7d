"""What is typed in: the evaluation form saved as one action, and one rating given on the unit's grid."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kinerja_desktop.core.db import concurrency
from kinerja_desktop.core.model.evaluasi import IsianEvaluasi, JenisRating
from kinerja_desktop.core.rules.predikat import Rating
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi.access import evaluasi_parts, find_evaluasi, get_evaluasi_row
from kinerja_desktop.core.services.evaluasi.edit import (
    set_catatan,
    set_penilaian_diri,
    set_rating,
    set_umpan_balik_perilaku,
    set_umpan_balik_rhk,
    start_evaluasi,
)
from kinerja_desktop.core.services.skp.access import get_skp_row


def save_isian(session: Session, actor: Actor, isian: IsianEvaluasi) -> str:
    """Write what the evaluation form changed; returns the evaluation's id.

    The evaluation is started first when there is none yet. Then the self-assessment, the feedback per
    RHK and per BerAKHLAK value, the ratings (the predikat follows) and the catatan with its date are
    written as given; each is refused when this account may not write it, and then nothing is kept.
    A date given without a catatan keeps the stored catatan. With ``isian.stamp`` an evaluation changed
    (or started) by someone else since the form read it is refused (``DataBerubah``), before anything.
    """
    if isian.stamp is not None:
        _ensure_as_read(session, isian)
    evaluasi_id = isian.evaluasi_id or start_evaluasi(session, actor, isian.skp_id, isian.periode)
    for rhk_id, teks in isian.penilaian_diri.items():
        set_penilaian_diri(session, actor, evaluasi_id, rhk_id, teks)
    for rhk_id, teks in isian.umpan_balik_rhk.items():
        set_umpan_balik_rhk(session, actor, evaluasi_id, rhk_id, teks)
    for perilaku_id, teks in isian.umpan_balik_perilaku.items():
        set_umpan_balik_perilaku(session, actor, evaluasi_id, perilaku_id, teks)
    if isian.rating is not None:
        set_rating(session, actor, evaluasi_id, *isian.rating)
    if isian.catatan is not None or isian.tanggal is not None:
        catatan = isian.catatan
        if catatan is None:
            catatan = get_evaluasi_row(session, evaluasi_id)[0].catatan_rekomendasi
        set_catatan(session, actor, evaluasi_id, catatan, isian.tanggal)
    return evaluasi_id


def _ensure_as_read(session: Session, isian: IsianEvaluasi) -> None:
    if isian.evaluasi_id is not None:
        get_evaluasi_row(session, isian.evaluasi_id, isian.stamp)
        return
    skp = get_skp_row(session, isian.skp_id)
    ada = find_evaluasi(session, skp.pegawai_id, skp.tahun, isian.periode)
    if ada is not None:  # started by someone else after the form was opened
        raise concurrency.changed(session, *evaluasi_parts(ada.id))


def rate_evaluasi(
    session: Session,
    actor: Actor,
    skp_id: str,
    kode_periode: str,
    jenis: JenisRating,
    rating: Rating | None,
    *,
    revisi: int | None = None,
) -> str:
    """Give one of the two ratings (None clears it) of the SKP's pegawai for the period; returns the
    evaluation's id.

    The evaluation is started when there is none yet. The other rating stays as stored, so a unit
    head's new evaluation keeps the rating hasil kerja that follows the unit's capaian when the rating
    perilaku is given first. Only the pejabat penilai (or an administrator) may rate a draft.
    ``revisi`` is the evaluation's as the grid read it (0: not started): one changed meanwhile is refused.
    """
    if revisi is not None:
        skp = get_skp_row(session, skp_id)
        ada = find_evaluasi(session, skp.pegawai_id, skp.tahun, kode_periode)
        if (ada.revisi if ada is not None else 0) != revisi:
            raise concurrency.changed(session, *evaluasi_parts(ada.id if ada is not None else ""))
    evaluasi_id = start_evaluasi(session, actor, skp_id, kode_periode)
    ev, _skp = get_evaluasi_row(session, evaluasi_id)
    nilai = rating.value if rating is not None else None
    if jenis is JenisRating.HASIL:
        set_rating(session, actor, evaluasi_id, nilai, ev.rating_perilaku)
    else:
        set_rating(session, actor, evaluasi_id, ev.rating_hasil, nilai)
    return evaluasi_id
