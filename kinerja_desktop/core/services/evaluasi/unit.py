"""Appraisal by unit: every pegawai's evaluation for a period, the predikat distribution, who is missing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Evaluasi, Indikator, Pegawai, Realisasi, Rhk, Skp, UnitKerja
from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, DistribusiUnit, StatusEvaluasi
from kinerja_desktop.core.model.pegawai import nama_lengkap
from kinerja_desktop.core.model.skp import StatusSkp
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi, Temuan, check_distribusi, persentase
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.evaluasi.access import (
    check_periode_evaluasi,
    get_capaian,
    is_penilai_of,
)
from kinerja_desktop.core.services.skp.access import get_unit_row, unit_ids_under


def _anggota(unit_ids: list[str], bawahan_dari: str | None = None) -> Select[Any]:
    stmt = select(Pegawai.id).where(
        Pegawai.unit_kerja_id.in_(unit_ids), Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None)
    )
    if bawahan_dari is not None:
        stmt = stmt.where(Pegawai.atasan_id == bawahan_dari)
    return stmt


def grid_unit(
    session: Session,
    actor: Actor,
    unit_id: str,
    tahun: int,
    kode_periode: str,
    *,
    termasuk_sub_unit: bool = True,
    hanya_bawahan: bool = False,
) -> list[BarisEvaluasi]:
    """Every active pegawai of the unit with the state of their evaluation for the period.

    ``hanya_bawahan`` keeps the direct subordinates of the account's own pegawai (a pejabat penilai's view).
    Six indexed queries whatever the size of the unit.
    """
    require(actor, Izin.LIHAT_DATA)
    p = check_periode_evaluasi(session, kode_periode)
    units = unit_ids_under(session, unit_id, termasuk_sub_unit=termasuk_sub_unit)
    bawahan_dari = actor.pegawai_id if hanya_bawahan else None
    if hanya_bawahan and bawahan_dari is None:
        return []
    anggota = _anggota(units, bawahan_dari)
    pegawai = session.execute(
        select(
            Pegawai.id,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.nip,
            Pegawai.jabatan,
            Pegawai.unit_kerja_id,
            Pegawai.atasan_id,
        ).where(Pegawai.id.in_(anggota))
    ).all()
    skp: dict[str, tuple[str, str | None]] = {}
    for skp_id, pid, penilai_skp in session.execute(
        select(Skp.id, Skp.pegawai_id, Skp.pejabat_penilai_id)
        .where(
            Skp.pegawai_id.in_(anggota),
            Skp.tahun == tahun,
            Skp.status == StatusSkp.DISETUJUI.value,
            Skp.dihapus_pada.is_(None),
        )
        .order_by(Skp.versi)
    ):
        skp[pid] = (skp_id, penilai_skp)
    evaluasi = {
        row.pegawai_id: row
        for row in session.execute(
            select(
                Skp.pegawai_id,
                Evaluasi.id,
                Evaluasi.status,
                Evaluasi.rating_hasil,
                Evaluasi.rating_perilaku,
                Evaluasi.predikat,
                Evaluasi.angka_kredit,
                Evaluasi.revisi,
            )
            .join(Skp, Skp.id == Evaluasi.skp_id)
            .where(
                Skp.pegawai_id.in_(anggota),
                Skp.tahun == tahun,
                Skp.dihapus_pada.is_(None),
                Evaluasi.periode == p.kode,
                Evaluasi.dihapus_pada.is_(None),
            )
            .order_by(Skp.versi)
        )
    }
    dilaporkan = _skp_dengan_realisasi(session, anggota, tahun, p)
    unit_rows = session.execute(
        select(UnitKerja.id, UnitKerja.nama, UnitKerja.kepala_id).where(UnitKerja.id.in_(units))
    ).all()
    nama_unit = {u.id: u.nama for u in unit_rows}
    kepala = {u.kepala_id for u in unit_rows if u.kepala_id}
    penilai_ids = {pen for _, pen in skp.values() if pen} | {r.atasan_id for r in pegawai if r.atasan_id}
    nama_penilai = dict(
        session.execute(select(Pegawai.id, Pegawai.nama).where(Pegawai.id.in_(penilai_ids))).all()
    )
    hasil = []
    for r in pegawai:
        sid: str | None = None
        penilai: str | None = r.atasan_id
        if r.id in skp:
            sid, penilai = skp[r.id]
        ev = evaluasi.get(r.id)
        if ev is not None:
            status = StatusEvaluasi(ev.status)
        else:
            status = StatusEvaluasi.BELUM if sid else StatusEvaluasi.TANPA_SKP
        nama = nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang)
        boleh = sid is not None and status is not StatusEvaluasi.FINAL and is_penilai_of(actor, penilai)
        hasil.append(
            BarisEvaluasi(
                r.id,
                nama,
                r.nip,
                r.jabatan,
                r.unit_kerja_id,
                nama_unit.get(r.unit_kerja_id or "", ""),
                penilai,
                nama_penilai.get(penilai or "", ""),
                sid,
                ev.id if ev else None,
                status,
                ev.rating_hasil if ev else None,
                ev.rating_perilaku if ev else None,
                ev.predikat if ev else None,
                ev.angka_kredit if ev else None,
                r.id in kepala,
                boleh,
                "" if boleh else alasan_terkunci(actor, status, nama, nama_penilai.get(penilai or ""), tahun),
                ev.revisi if ev else 0,
                sid is None or sid in dilaporkan,
            )
        )
    hasil.sort(key=lambda b: (not b.kepala_unit, b.unit, b.nama.casefold(), b.nip))
    return hasil


def _skp_dengan_realisasi(session: Session, anggota: Select[Any], tahun: int, p: Periode) -> set[str]:
    """The SKPs of the year with something realised in the period (any period of the year for AKHIR)."""
    stmt = (
        select(Rhk.skp_id)
        .distinct()
        .join(Indikator, Indikator.rhk_id == Rhk.id)
        .join(Realisasi, Realisasi.indikator_id == Indikator.id)
        .join(Skp, Skp.id == Rhk.skp_id)
        .where(
            Skp.pegawai_id.in_(anggota),
            Skp.tahun == tahun,
            Skp.dihapus_pada.is_(None),
            Rhk.dihapus_pada.is_(None),
            Indikator.dihapus_pada.is_(None),
            Realisasi.dihapus_pada.is_(None),
            (Realisasi.nilai.is_not(None)) | (Realisasi.teks != ""),
        )
    )
    if not p.is_akhir:
        stmt = stmt.where(Realisasi.periode == p.kode)
    return set(session.scalars(stmt))


def alasan_terkunci(actor: Actor, status: StatusEvaluasi, nama: str, penilai: str | None, tahun: int) -> str:
    """Why ``actor`` may not rate this pegawai's evaluation, with what to do next.

    ``penilai`` is the name of the pegawai's pejabat penilai (None when there is none).
    """
    if status is StatusEvaluasi.TANPA_SKP:
        return f"SKP {tahun} {nama} belum disetujui: ajukan dan setujui SKP-nya dulu di halaman SKP."
    if status is StatusEvaluasi.FINAL:
        return "Evaluasi ini sudah final dan terkunci; minta administrator membukanya kembali bila perlu."
    siapa = penilai or "belum ditentukan"
    if not actor.can(Izin.NILAI_KINERJA):
        isi = "mengisi penilaian diri" if actor.can(Izin.KELOLA_SKP) else "melihat"
        return (
            f"Rating diberikan oleh pejabat penilai ({siapa}); akun {actor.peran.label} dapat {isi} "
            "lewat formulir evaluasi (Enter)."
        )
    return f"Hanya pejabat penilai pegawai ini ({siapa}) atau administrator yang dapat memberi rating."


def belum_final(
    session: Session,
    actor: Actor,
    unit_id: str,
    tahun: int,
    kode_periode: str,
    *,
    hanya_bawahan: bool = False,
) -> list[BarisEvaluasi]:
    """Who still needs attention for the period: no approved SKP, not started, or still a draft."""
    baris = grid_unit(session, actor, unit_id, tahun, kode_periode, hanya_bawahan=hanya_bawahan)
    sisa = [b for b in baris if b.status is not StatusEvaluasi.FINAL]
    sisa.sort(key=lambda b: (b.penilai.casefold(), b.unit, b.nama.casefold()))
    return sisa


def distribusi_unit(
    session: Session, actor: Actor, unit_id: str, tahun: int, kode_periode: str
) -> DistribusiUnit:
    """Predikat counts of the unit and its sub-units for the period, checked against the unit's capaian.

    Drafts with a predikat count too, so the pejabat penilai sees the curve while rating.
    """
    require(actor, Izin.LIHAT_DATA)
    p = check_periode_evaluasi(session, kode_periode)
    unit = get_unit_row(session, unit_id)
    anggota = _anggota(unit_ids_under(session, unit_id))
    jumlah = {pr: 0 for pr in Predikat}
    for predikat, n in session.execute(
        select(Evaluasi.predikat, func.count())
        .join(Skp, Skp.id == Evaluasi.skp_id)
        .where(
            Skp.pegawai_id.in_(anggota),
            Skp.tahun == tahun,
            Skp.dihapus_pada.is_(None),
            Evaluasi.periode == p.kode,
            Evaluasi.dihapus_pada.is_(None),
            Evaluasi.predikat.is_not(None),
        )
        .group_by(Evaluasi.predikat)
    ):
        jumlah[Predikat(str(predikat))] += int(n)
    total = session.scalar(select(func.count()).select_from(anggota.subquery())) or 0
    capaian = get_capaian(session, unit_id, tahun, p.kode)
    if capaian is None:
        temuan = [_tanpa_capaian(unit.nama, p)]
    else:
        temuan = check_distribusi(CapaianOrganisasi(capaian), jumlah)
    dinilai = sum(jumlah.values())
    return DistribusiUnit(
        unit.id,
        unit.nama,
        tahun,
        p.kode,
        capaian,
        jumlah,
        persentase(jumlah),
        max(0, total - dinilai),
        temuan,
    )


def _tanpa_capaian(unit: str, p: Periode) -> Temuan:
    return Temuan(
        "capaian_belum_ada",
        f"Capaian kinerja organisasi {unit} untuk {p.label} belum ditetapkan, sehingga sebaran predikat "
        "belum dapat dibandingkan dengan pola distribusi.",
    )
