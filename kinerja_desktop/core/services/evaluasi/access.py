"""Shared ground of the appraisal services: periods, loading rows, who may rate, self-assess or reopen."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db import concurrency
from kinerja_desktop.core.db.models import (
    CapaianUnit,
    Evaluasi,
    Pegawai,
    Skp,
    UmpanBalikPerilaku,
    UmpanBalikRhk,
    UnitKerja,
)
from kinerja_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from kinerja_desktop.core.model.evaluasi import JenisRating, StatusEvaluasi
from kinerja_desktop.core.rules.angka_kredit import compute_angka_kredit
from kinerja_desktop.core.rules.jabatan import JenjangFungsional
from kinerja_desktop.core.rules.periode import AKHIR, Periode, periode
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.core.rules.tanggal import format_rentang
from kinerja_desktop.core.services.access import Actor, Izin, Peran, require
from kinerja_desktop.core.services.realisasi import periode_realisasi, ritme_kantor
from kinerja_desktop.core.services.skp.access import get_skp_row, may_edit
from kinerja_desktop.core.validation.evaluasi import bulan_dalam_periode as bulan_di_periode
from kinerja_desktop.core.validation.evaluasi import predikat_dari as predikat_dari
from kinerja_desktop.core.validation.evaluasi import skp_problem

PESAN_FINAL = "Evaluasi ini sudah final dan terkunci; hanya administrator yang dapat membukanya kembali."


def periode_evaluasi(session: Session) -> list[Periode]:
    """The office's periodic periods followed by the annual AKHIR evaluation."""
    return [*periode_realisasi(session), Periode(AKHIR)]


def check_periode_evaluasi(session: Session, kode: str) -> Periode:
    """The period for ``kode`` when it is one of the office's rhythm or AKHIR, else ValidationError."""
    p = periode(kode)
    if p not in periode_evaluasi(session):
        raise ValidationError(
            f"{p.label} bukan periode evaluasi kantor ini (ritme {ritme_kantor(session).label.lower()}).",
            kolom="periode",
            saran="Pilih salah satu periode pada daftar, atau Akhir Tahun untuk evaluasi tahunan.",
        )
    return p


def bulan_dalam_periode(skp: Skp, p: Periode) -> int:
    """Whole months of the period that fall inside the SKP's periode penilaian (for pro-rata AK)."""
    return bulan_di_periode(p.kode, skp.tahun, skp.periode_awal, skp.periode_akhir)


def ensure_periode_in_skp(skp: Skp, p: Periode) -> None:
    if bulan_dalam_periode(skp, p) == 0:
        rentang = format_rentang(skp.periode_awal, skp.periode_akhir)
        raise ValidationError(f"{p.label} di luar periode penilaian SKP ini ({rentang}).", kolom="periode")


def ensure_skp_disetujui(skp: Skp) -> None:
    masalah = skp_problem(skp.status)
    if masalah is not None:
        raise ValidationError(masalah.pesan, saran=masalah.saran)


def evaluasi_parts(evaluasi_id: str) -> tuple[concurrency.Part, ...]:
    """The rows the evaluation form shows and writes: the evaluation and its feedback (their stamp is
    ``EvaluasiForm.stamp``)."""
    return (
        (Evaluasi, Evaluasi.id == evaluasi_id),
        (UmpanBalikRhk, UmpanBalikRhk.evaluasi_id == evaluasi_id),
        (UmpanBalikPerilaku, UmpanBalikPerilaku.evaluasi_id == evaluasi_id),
    )


def get_evaluasi_row(session: Session, evaluasi_id: str, stamp: str | None = None) -> tuple[Evaluasi, Skp]:
    """The evaluation and its SKP; with ``stamp`` (as the form read it) refused when it changed meanwhile."""
    row = session.get(Evaluasi, evaluasi_id)
    if row is not None:
        concurrency.ensure_unchanged(session, stamp, *evaluasi_parts(row.id))
    if row is None or row.dihapus_pada is not None:
        raise NotFound("Evaluasi tidak ditemukan (mungkin sudah dihapus).")
    return row, get_skp_row(session, row.skp_id)


def find_evaluasi(session: Session, pegawai_id: str, tahun: int, kode: str) -> Evaluasi | None:
    """The pegawai's evaluation for the period on any version of the year's SKP (there is at most one)."""
    return session.scalar(
        select(Evaluasi)
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .where(
            Skp.pegawai_id == pegawai_id,
            Skp.tahun == tahun,
            Skp.dihapus_pada.is_(None),
            Evaluasi.periode == kode,
            Evaluasi.dihapus_pada.is_(None),
        )
        .order_by(Skp.versi.desc())
        .limit(1)
    )


def is_penilai_of(actor: Actor, penilai_id: str | None) -> bool:
    """``actor`` is the pejabat penilai ``penilai_id`` (with the right to rate), or an administrator."""
    if actor.peran is Peran.ADMIN:
        return True
    return actor.can(Izin.NILAI_KINERJA) and actor.pegawai_id is not None and actor.pegawai_id == penilai_id


def is_penilai(actor: Actor, skp: Skp) -> bool:
    """The SKP's own pejabat penilai (with the right to rate) or an administrator."""
    return is_penilai_of(actor, skp.pejabat_penilai_id)


def ensure_penilai(session: Session, actor: Actor, skp: Skp, tindakan: str) -> None:
    require(actor, Izin.NILAI_KINERJA)
    if is_penilai(actor, skp):
        return
    if actor.pegawai_id is None:
        raise PermissionDenied(
            f"Akun {actor.username} belum ditautkan ke data pegawai sehingga tidak bisa {tindakan}.",
            saran="Minta administrator menautkan akun ini ke data pegawai pejabat penilai.",
        )
    raise PermissionDenied(
        f"Hanya pejabat penilai SKP ini (atau administrator) yang dapat {tindakan}.",
        saran="Evaluasi dilakukan oleh atasan langsung yang tercantum sebagai pejabat penilai pada SKP.",
    )


def may_self_assess(session: Session, actor: Actor, skp: Skp) -> bool:
    """The pegawai's own account, typed by the pegawai, an operator for them, or an administrator.

    A pejabat penilai account writes only its own self-assessment, never its subordinates'.
    """
    if actor.peran is Peran.PENILAI:
        return actor.pegawai_id is not None and actor.pegawai_id == skp.pegawai_id
    return may_edit(session, actor, skp)


def ensure_self_assess(session: Session, actor: Actor, skp: Skp) -> None:
    if not may_self_assess(session, actor, skp):
        raise PermissionDenied(
            f"Akun {actor.username} tidak dapat mengisi penilaian diri pegawai ini.",
            saran="Penilaian diri diisi oleh pegawai sendiri atau operator kantor.",
        )


def ensure_draf(row: Evaluasi) -> None:
    if row.status == StatusEvaluasi.FINAL:
        raise ValidationError(PESAN_FINAL, saran="Minta administrator membuka kembali dengan alasan.")


def rating_kurang(rating_hasil: str | None, rating_perilaku: str | None) -> list[JenisRating]:
    """The ratings still missing before an evaluation can be final (it needs both)."""
    pasangan = ((JenisRating.HASIL, rating_hasil), (JenisRating.PERILAKU, rating_perilaku))
    return [jenis for jenis, nilai in pasangan if not nilai]


def ensure_ratings(row: Evaluasi) -> None:
    """Refuse to finalise without both ratings, naming the first one missing (``kolom``)."""
    kurang = rating_kurang(row.rating_hasil, row.rating_perilaku)
    if kurang:
        raise ValidationError(
            f"Evaluasi belum bisa difinalkan: {' dan '.join(j.label for j in kurang)} belum dipilih.",
            kolom=kurang[0].value,
            saran="Pilih rating pada tab Rating dan Predikat formulir evaluasi (atau ketik 3, 2 atau 1 pada "
            "halaman Penilaian), lalu finalkan lagi.",
        )


def kepala_dari(session: Session, pegawai_id: str) -> UnitKerja | None:
    """The open unit this pegawai heads, if any (the first by order when several)."""
    return session.scalar(
        select(UnitKerja)
        .where(UnitKerja.kepala_id == pegawai_id, UnitKerja.dihapus_pada.is_(None))
        .order_by(UnitKerja.urutan, UnitKerja.nama)
        .limit(1)
    )


def get_capaian(session: Session, unit_id: str | None, tahun: int, kode: str) -> str | None:
    """The unit's capaian kinerja organisasi for the period (None when not set yet)."""
    if unit_id is None:
        return None
    return session.scalar(
        select(CapaianUnit.capaian).where(
            CapaianUnit.unit_kerja_id == unit_id,
            CapaianUnit.tahun == tahun,
            CapaianUnit.periode == kode,
            CapaianUnit.dihapus_pada.is_(None),
        )
    )


def jenjang_of(pegawai: Pegawai) -> JenjangFungsional | None:
    """The jenjang fungsional that earns angka kredit, None for other positions."""
    try:
        return JenjangFungsional(pegawai.jenjang_jabatan) if pegawai.jenjang_jabatan else None
    except ValueError:
        return None


def recompute(session: Session, ev: Evaluasi, skp: Skp) -> None:
    """Predikat from the two ratings (never typed) and the angka kredit pro rata for the period."""
    predikat = predikat_dari(ev.rating_hasil, ev.rating_perilaku)
    ev.predikat = predikat.value if predikat is not None else None
    pegawai = session.get(Pegawai, skp.pegawai_id)
    jenjang = jenjang_of(pegawai) if pegawai is not None else None
    bulan = bulan_dalam_periode(skp, periode(ev.periode))
    if ev.predikat is None or jenjang is None or bulan == 0:
        ev.angka_kredit = None
    else:
        ev.angka_kredit = compute_angka_kredit(jenjang, Predikat(ev.predikat), bulan=bulan)
