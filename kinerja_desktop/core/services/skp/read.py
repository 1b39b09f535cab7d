"""Reading SKPs: the whole SKP as one tree for the form, and the list of a year's SKPs."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.core.db.models import EkspektasiPerilaku, Pegawai, Perilaku, Rhk, Skp, UnitKerja
from kinerja_desktop.core.model.pegawai import nama_lengkap
from kinerja_desktop.core.model.skp import (
    STATUS_BISA_DIUBAH,
    IndikatorView,
    JenisLampiran,
    JenisRhk,
    LampiranView,
    Pejabat,
    PerilakuView,
    RhkView,
    SkpDetail,
    SkpRow,
    StatusSkp,
    VersiRow,
)
from kinerja_desktop.core.rules.pangkat import display_pangkat
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.skp.access import (
    get_skp_row,
    is_approver,
    latest_skp,
    live_indikator,
    live_lampiran,
    live_rhk,
    live_versions,
    may_edit,
    skp_stamp,
    unit_ids_under,
)


def pejabat_of(session: Session, pegawai_id: str | None) -> Pejabat | None:
    """The identity block of a pegawai as the forms show it now (None when unknown)."""
    if pegawai_id is None:
        return None
    p = session.get(Pegawai, pegawai_id)
    if p is None:
        return None
    unit = session.scalar(select(UnitKerja.nama).where(UnitKerja.id == p.unit_kerja_id)) or ""
    return Pejabat(p.id, p.nama_lengkap, p.nip, display_pangkat(p.golongan), p.jabatan, unit)


def _rhk_views(session: Session, skp_id: str) -> list[RhkView]:
    rhk = live_rhk(session, skp_id)
    indikator: dict[str, list[IndikatorView]] = {r.id: [] for r in rhk}
    for i in live_indikator(session, list(indikator)):
        indikator[i.rhk_id].append(
            IndikatorView(
                i.id, i.aspek, i.teks, i.target_min, i.target_maks, i.satuan, i.target_teks, i.urutan
            )
        )
    atasan_ids = {r.rhk_atasan_id for r in rhk if r.rhk_atasan_id}
    teks_atasan = (
        dict(session.execute(select(Rhk.id, Rhk.teks).where(Rhk.id.in_(atasan_ids))).all())
        if atasan_ids
        else {}
    )
    return [
        RhkView(
            r.id,
            r.jenis,
            r.teks,
            r.rhk_atasan_id,
            teks_atasan.get(r.rhk_atasan_id or "", ""),
            r.perspektif,
            r.penugasan_dari,
            r.urutan,
            indikator[r.id],
        )
        for r in rhk
    ]


def perilaku_views(session: Session, skp_id: str) -> list[PerilakuView]:
    """The seven BerAKHLAK values in order, with the SKP's ekspektasi khusus pimpinan."""
    ekspektasi = dict(
        session.execute(
            select(EkspektasiPerilaku.perilaku_id, EkspektasiPerilaku.ekspektasi_khusus).where(
                EkspektasiPerilaku.skp_id == skp_id, EkspektasiPerilaku.dihapus_pada.is_(None)
            )
        ).all()
    )
    rows = session.scalars(select(Perilaku).where(Perilaku.dihapus_pada.is_(None)).order_by(Perilaku.urutan))
    return [
        PerilakuView(p.id, p.urutan, p.nama, p.definisi, tuple(p.pernyataan or ()), ekspektasi.get(p.id, ""))
        for p in rows
    ]


def skp_detail(session: Session, actor: Actor, skp: Skp) -> SkpDetail:
    """Build the tree for an SKP row already loaded (a handful of indexed queries)."""
    rhk = _rhk_views(session, skp.id)
    lampiran: dict[str, list[LampiranView]] = {j.value: [] for j in JenisLampiran}
    for row in live_lampiran(session, skp.id):
        lampiran.setdefault(row.jenis, []).append(LampiranView(row.id, row.jenis, row.teks, row.urutan))
    pegawai = pejabat_of(session, skp.pegawai_id)
    assert pegawai is not None
    versi = [
        VersiRow(v.id, v.versi, v.status)
        for v in live_versions(session, skp.pegawai_id, skp.tahun)
        if v.id != skp.id
    ]
    bisa_ubah = skp.status in STATUS_BISA_DIUBAH
    sebelum_setuju = skp.status in (*STATUS_BISA_DIUBAH, StatusSkp.DIAJUKAN.value)
    return SkpDetail(
        id=skp.id,
        tahun=skp.tahun,
        versi=skp.versi,
        periode_awal=skp.periode_awal,
        periode_akhir=skp.periode_akhir,
        pendekatan=skp.pendekatan,
        jenis_form=skp.jenis_form,
        status=skp.status,
        catatan_penolakan=skp.catatan_penolakan,
        diajukan_pada=skp.diajukan_pada,
        disetujui_pada=skp.disetujui_pada,
        pegawai=pegawai,
        pejabat_penilai=pejabat_of(session, skp.pejabat_penilai_id),
        atasan_penilai=pejabat_of(session, skp.atasan_penilai_id),
        rhk_utama=[r for r in rhk if r.jenis == JenisRhk.UTAMA],
        rhk_tambahan=[r for r in rhk if r.jenis != JenisRhk.UTAMA],
        lampiran=lampiran,
        perilaku=perilaku_views(session, skp.id),
        versi_lain=versi,
        read_only=not (bisa_ubah and may_edit(session, actor, skp)),
        boleh_setujui=skp.status == StatusSkp.DIAJUKAN and is_approver(actor, skp),
        boleh_ekspektasi=sebelum_setuju and is_approver(actor, skp),
        revisi=skp.revisi,
        stamp=skp_stamp(session, skp.id),
    )


def get_skp(session: Session, actor: Actor, skp_id: str) -> SkpDetail:
    """One SKP version as a tree: header, RHK with indicators, lampiran, perilaku and ekspektasi."""
    require(actor, Izin.LIHAT_DATA)
    return skp_detail(session, actor, get_skp_row(session, skp_id))


def current_skp_for(session: Session, actor: Actor, pegawai_id: str, tahun: int) -> SkpDetail | None:
    """The newest live version of a pegawai's SKP for ``tahun`` (None when there is none)."""
    require(actor, Izin.LIHAT_DATA)
    skp = latest_skp(session, pegawai_id, tahun)
    return skp_detail(session, actor, skp) if skp is not None else None


def list_skp(
    session: Session,
    actor: Actor,
    tahun: int,
    unit_id: str | None = None,
    *,
    termasuk_sub_unit: bool = True,
    pejabat_penilai_id: str | None = None,
) -> list[SkpRow]:
    """The newest version of each pegawai's SKP for ``tahun``, by unit or by pejabat penilai."""
    require(actor, Izin.LIHAT_DATA)
    terbaru = (
        select(Skp.pegawai_id, func.max(Skp.versi).label("versi"))
        .where(Skp.tahun == tahun, Skp.dihapus_pada.is_(None))
        .group_by(Skp.pegawai_id)
        .subquery()
    )
    jumlah = (
        select(Rhk.skp_id, func.count().label("n"))
        .join(Skp, Skp.id == Rhk.skp_id)
        .where(Skp.tahun == tahun, Rhk.dihapus_pada.is_(None))
        .group_by(Rhk.skp_id)
        .subquery()
    )
    penilai = aliased(Pegawai)
    stmt = (
        select(
            Skp.id,
            Skp.pegawai_id,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.nip,
            Pegawai.jabatan,
            Pegawai.unit_kerja_id,
            UnitKerja.nama,
            Skp.versi,
            Skp.status,
            penilai.nama,
            jumlah.c.n,
        )
        .join(terbaru, (terbaru.c.pegawai_id == Skp.pegawai_id) & (terbaru.c.versi == Skp.versi))
        .join(Pegawai, Pegawai.id == Skp.pegawai_id)
        .outerjoin(UnitKerja, UnitKerja.id == Pegawai.unit_kerja_id)
        .outerjoin(penilai, penilai.id == Skp.pejabat_penilai_id)
        .outerjoin(jumlah, jumlah.c.skp_id == Skp.id)
        .where(Skp.tahun == tahun, Skp.dihapus_pada.is_(None))
        .order_by(Pegawai.nama, Pegawai.nip)
    )
    if unit_id is not None:
        stmt = stmt.where(
            Pegawai.unit_kerja_id.in_(unit_ids_under(session, unit_id, termasuk_sub_unit=termasuk_sub_unit))
        )
    if pejabat_penilai_id is not None:
        stmt = stmt.where(Skp.pejabat_penilai_id == pejabat_penilai_id)
    return [
        SkpRow(
            id=r[0],
            pegawai_id=r[1],
            nama=nama_lengkap(r[2], r[3], r[4]),
            nip=r[5],
            jabatan=r[6],
            unit_id=r[7],
            unit_nama=r[8] or "",
            tahun=tahun,
            versi=r[9],
            status=r[10],
            pejabat_penilai_nama=r[11] or "",
            jumlah_rhk=int(r[12] or 0),
        )
        for r in session.execute(stmt)
    ]


def skp_exists(session: Session, ident: str) -> bool:
    """Whether ``ident`` is the id of a (not deleted) SKP, for screens handed either kind of id."""
    from kinerja_desktop.core.db.models import Skp

    return session.scalar(select(Skp.id).where(Skp.id == ident, Skp.dihapus_pada.is_(None))) is not None
