"""Reading one evaluation as the form shows it: plan, realisation, self-assessment, feedback, history."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db import concurrency
from kinerja_desktop.core.db.models import (
    BuktiDukung,
    Evaluasi,
    Pegawai,
    Perilaku,
    Realisasi,
    Rhk,
    Skp,
    UmpanBalikPerilaku,
    UmpanBalikRhk,
)
from kinerja_desktop.core.model.evaluasi import (
    RATING_DARI_CAPAIAN,
    EvaluasiForm,
    IndikatorEvaluasi,
    PerilakuEvaluasi,
    RhkEvaluasi,
    RiwayatUmpanBalik,
    StatusEvaluasi,
)
from kinerja_desktop.core.model.skp import JenisRhk, format_target
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.evaluasi.access import (
    PESAN_FINAL,
    bulan_dalam_periode,
    check_periode_evaluasi,
    ensure_skp_disetujui,
    evaluasi_parts,
    find_evaluasi,
    get_capaian,
    get_evaluasi_row,
    is_penilai,
    jenjang_of,
    kepala_dari,
    may_self_assess,
)
from kinerja_desktop.core.services.evaluasi.snapshot import pejabat_dari_snapshot
from kinerja_desktop.core.services.skp.access import get_skp_row, live_indikator, live_rhk
from kinerja_desktop.core.services.skp.read import pejabat_of, perilaku_views


def get_evaluasi_form(session: Session, actor: Actor, skp_id: str, kode_periode: str) -> EvaluasiForm:
    """The form for the SKP's pegawai and the period, whether or not the evaluation was started."""
    require(actor, Izin.LIHAT_DATA)
    skp = get_skp_row(session, skp_id)
    ensure_skp_disetujui(skp)
    p = check_periode_evaluasi(session, kode_periode)
    ev = find_evaluasi(session, skp.pegawai_id, skp.tahun, p.kode)
    if ev is not None and ev.skp_id != skp.id:
        skp = get_skp_row(session, ev.skp_id)
    return _form(session, actor, skp, p, ev)


def get_evaluasi_form_by_id(session: Session, actor: Actor, evaluasi_id: str) -> EvaluasiForm:
    require(actor, Izin.LIHAT_DATA)
    ev, skp = get_evaluasi_row(session, evaluasi_id)
    return _form(session, actor, skp, Periode(ev.periode), ev)


def _form(session: Session, actor: Actor, skp: Skp, p: Periode, ev: Evaluasi | None) -> EvaluasiForm:
    status = StatusEvaluasi(ev.status) if ev else StatusEvaluasi.BELUM
    final = status is StatusEvaluasi.FINAL
    pegawai = session.get(Pegawai, skp.pegawai_id)
    assert pegawai is not None
    if final and ev is not None:
        identitas = (
            pejabat_dari_snapshot(ev.snapshot_pegawai),
            pejabat_dari_snapshot(ev.snapshot_penilai),
            pejabat_dari_snapshot(ev.snapshot_atasan_penilai),
        )
    else:
        identitas = (
            pejabat_of(session, skp.pegawai_id),
            pejabat_of(session, skp.pejabat_penilai_id),
            pejabat_of(session, skp.atasan_penilai_id),
        )
    dipimpin = kepala_dari(session, pegawai.id)
    capaian_dipimpin = get_capaian(session, dipimpin.id, skp.tahun, p.kode) if dipimpin else None
    saran = RATING_DARI_CAPAIAN[CapaianOrganisasi(capaian_dipimpin)].value if capaian_dipimpin else None
    capaian = ev.capaian_organisasi if final and ev else None
    if not final:
        capaian = capaian_dipimpin or get_capaian(session, pegawai.unit_kerja_id, skp.tahun, p.kode)
    penilai = is_penilai(actor, skp) and actor.can(Izin.NILAI_KINERJA)
    diri = may_self_assess(session, actor, skp)
    alasan = ""
    if final:
        alasan = PESAN_FINAL
    elif not (penilai or diri):
        alasan = "Akun ini hanya dapat melihat evaluasi ini."
    jenjang = jenjang_of(pegawai)
    pegawai_view, penilai_view, atasan_view = identitas
    assert pegawai_view is not None
    return EvaluasiForm(
        evaluasi_id=ev.id if ev else None,
        skp_id=skp.id,
        tahun=skp.tahun,
        periode=p.kode,
        periode_label=p.label,
        status=status,
        pegawai=pegawai_view,
        pejabat_penilai=penilai_view,
        atasan_penilai=atasan_view,
        unit_id=pegawai.unit_kerja_id,
        jenis_form=skp.jenis_form,
        rating_hasil=ev.rating_hasil if ev else None,
        rating_perilaku=ev.rating_perilaku if ev else None,
        predikat=ev.predikat if ev else None,
        capaian_organisasi=capaian,
        saran_rating_hasil=saran,
        kepala_unit=dipimpin.nama if dipimpin else "",
        catatan_rekomendasi=ev.catatan_rekomendasi if ev else "",
        tanggal_evaluasi=ev.tanggal_evaluasi if ev else None,
        angka_kredit=ev.angka_kredit if ev else None,
        jenjang_fungsional=jenjang.label if jenjang else "",
        jenjang_kode=jenjang.value if jenjang else "",
        skp_periode_awal=skp.periode_awal,
        skp_periode_akhir=skp.periode_akhir,
        bulan_angka_kredit=bulan_dalam_periode(skp, p) if jenjang else 0,
        distribusi_diakui=bool(ev and ev.distribusi_diakui),
        difinalkan_pada=ev.difinalkan_pada if ev else None,
        difinalkan_oleh=ev.difinalkan_oleh if ev else "",
        alasan_dibuka=ev.alasan_dibuka if ev else "",
        hasil_kerja=_hasil_kerja(session, skp, p, ev),
        perilaku=_perilaku(session, skp, ev),
        riwayat=_riwayat(session, skp, p),
        boleh_nilai=penilai and not final,
        boleh_isi_diri=diri and not final,
        boleh_buka=final and actor.can(Izin.BUKA_EVALUASI),
        alasan_hanya_lihat=alasan,
        stamp=concurrency.stamp(session, *evaluasi_parts(ev.id)) if ev else "",
    )


def _teks_realisasi(nilai: Decimal | None, teks: str, satuan: str) -> str:
    if nilai is not None:
        angka = f"{format_angka(nilai)} {satuan}".strip()
        return f"{angka} ({teks})" if teks else angka
    return teks


def _hasil_kerja(session: Session, skp: Skp, p: Periode, ev: Evaluasi | None) -> list[RhkEvaluasi]:
    rhk = sorted(live_rhk(session, skp.id), key=lambda r: (r.jenis != JenisRhk.UTAMA, r.urutan))
    rhk_ids = [r.id for r in rhk]
    indikator = live_indikator(session, rhk_ids)
    kode = [p.kode] if not p.is_akhir else None
    stmt = select(Realisasi).where(
        Realisasi.indikator_id.in_([i.id for i in indikator]), Realisasi.dihapus_pada.is_(None)
    )
    if kode:
        stmt = stmt.where(Realisasi.periode.in_(kode))
    realisasi: dict[str, list[Realisasi]] = {}
    for row in session.scalars(stmt):
        realisasi.setdefault(row.indikator_id, []).append(row)
    bukti_stmt = (
        select(BuktiDukung.rhk_id, func.count())
        .where(BuktiDukung.rhk_id.in_(rhk_ids), BuktiDukung.dihapus_pada.is_(None))
        .group_by(BuktiDukung.rhk_id)
    )
    if kode:
        bukti_stmt = bukti_stmt.where(BuktiDukung.periode.in_(kode))
    bukti = dict(session.execute(bukti_stmt).all())
    umpan: dict[str, UmpanBalikRhk] = {}
    if ev is not None:
        umpan = {
            u.rhk_id: u
            for u in session.scalars(
                select(UmpanBalikRhk).where(
                    UmpanBalikRhk.evaluasi_id == ev.id, UmpanBalikRhk.dihapus_pada.is_(None)
                )
            )
        }
    atasan_ids = {r.rhk_atasan_id for r in rhk if r.rhk_atasan_id}
    teks_atasan = (
        dict(session.execute(select(Rhk.id, Rhk.teks).where(Rhk.id.in_(atasan_ids))).all())
        if atasan_ids
        else {}
    )
    per_rhk: dict[str, list[IndikatorEvaluasi]] = {r.id: [] for r in rhk}
    for i in indikator:
        capaian = sorted(realisasi.get(i.id, []), key=lambda x: Periode(x.periode).urutan)
        if p.is_akhir:
            teks = "; ".join(
                f"{Periode(x.periode).label}: {_teks_realisasi(x.nilai, x.teks, i.satuan)}" for x in capaian
            )
        else:
            teks = _teks_realisasi(capaian[0].nilai, capaian[0].teks, i.satuan) if capaian else ""
        per_rhk[i.rhk_id].append(
            IndikatorEvaluasi(
                i.aspek, i.teks, format_target(i.target_min, i.target_maks, i.satuan, i.target_teks), teks
            )
        )
    hasil = []
    for r in rhk:
        u = umpan.get(r.id)
        hasil.append(
            RhkEvaluasi(
                r.id,
                r.jenis,
                r.teks,
                teks_atasan.get(r.rhk_atasan_id or "", ""),
                r.perspektif,
                per_rhk[r.id],
                int(bukti.get(r.id, 0)),
                u.penilaian_diri if u else "",
                u.umpan_balik if u else "",
            )
        )
    return hasil


def _perilaku(session: Session, skp: Skp, ev: Evaluasi | None) -> list[PerilakuEvaluasi]:
    umpan: dict[str, str] = {}
    if ev is not None:
        umpan = dict(
            session.execute(
                select(UmpanBalikPerilaku.perilaku_id, UmpanBalikPerilaku.umpan_balik).where(
                    UmpanBalikPerilaku.evaluasi_id == ev.id, UmpanBalikPerilaku.dihapus_pada.is_(None)
                )
            ).all()
        )
    return [
        PerilakuEvaluasi(
            v.perilaku_id, v.urutan, v.nama, v.pernyataan, v.ekspektasi_khusus, umpan.get(v.perilaku_id, "")
        )
        for v in perilaku_views(session, skp.id)
    ]


def _riwayat(session: Session, skp: Skp, p: Periode) -> list[RiwayatUmpanBalik]:
    """Earlier evaluations of the same pegawai and year (for AKHIR: every periodic one), oldest first."""
    lain = [
        e
        for e in session.scalars(
            select(Evaluasi)
            .join(Skp, Skp.id == Evaluasi.skp_id)
            .where(
                Skp.pegawai_id == skp.pegawai_id,
                Skp.tahun == skp.tahun,
                Skp.dihapus_pada.is_(None),
                Evaluasi.dihapus_pada.is_(None),
                Evaluasi.periode != p.kode,
            )
        )
        if Periode(e.periode).urutan < p.urutan
    ]
    lain.sort(key=lambda e: Periode(e.periode).urutan)
    if not lain:
        return []
    ids = [e.id for e in lain]
    rhk: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
    for eid, teks, umpan in session.execute(
        select(UmpanBalikRhk.evaluasi_id, Rhk.teks, UmpanBalikRhk.umpan_balik)
        .join(Rhk, Rhk.id == UmpanBalikRhk.rhk_id)
        .where(UmpanBalikRhk.evaluasi_id.in_(ids), UmpanBalikRhk.umpan_balik != "")
        .order_by(Rhk.jenis.desc(), Rhk.urutan)
    ):
        rhk[eid].append((teks, umpan))
    perilaku: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
    for eid, nama, umpan in session.execute(
        select(UmpanBalikPerilaku.evaluasi_id, Perilaku.nama, UmpanBalikPerilaku.umpan_balik)
        .join(Perilaku, Perilaku.id == UmpanBalikPerilaku.perilaku_id)
        .where(UmpanBalikPerilaku.evaluasi_id.in_(ids), UmpanBalikPerilaku.umpan_balik != "")
        .order_by(Perilaku.urutan)
    ):
        perilaku[eid].append((nama, umpan))
    return [
        RiwayatUmpanBalik(
            e.periode, Periode(e.periode).label, e.status, e.predikat, rhk[e.id], perilaku[e.id]
        )
        for e in lain
    ]
