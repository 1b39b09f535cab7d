"""New SKPs: a draft, a revision, last year's plan, and drafts for a whole unit."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import new_id
from kinerja_desktop.core.db.models import (
    BuktiDukung,
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    Pegawai,
    Realisasi,
    RencanaAksi,
    Rhk,
    Skp,
)
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.skp import DraftDilewati, HasilDraft, JenisForm, SkpInput, StatusSkp
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.access import Actor, Izin, Peran, require
from kinerja_desktop.core.services.skp.access import (
    approved_skp,
    ensure_can_edit,
    ensure_scope,
    get_pegawai_row,
    get_skp_row,
    latest_skp,
    live_indikator,
    unit_ids_under,
)
from kinerja_desktop.core.services.skp.header import (
    add_ekspektasi_rows,
    clean_header,
    ensure_no_skp,
    new_skp,
    perilaku_ids,
    skp_row,
    tanggal_dalam_tahun,
)

Progress = Callable[[int, int, str], None]
# Pegawai per batch of drafts: one flush and one progress report each (150 batches for 15,000).
BATCH_DRAF = 100


def start_draft(
    session: Session, actor: Actor, pegawai_id: str, tahun: int, data: SkpInput | None = None
) -> Skp:
    """Checks shared by every way of starting an SKP, then the new draft (version 1 unless deleted ones)."""
    pegawai = get_pegawai_row(session, pegawai_id)
    ensure_scope(session, actor, pegawai.id)
    if pegawai.status_aktif != "aktif":
        raise ValidationError(f"{pegawai.nama} tidak aktif sehingga tidak dibuatkan SKP baru.")
    ensure_no_skp(session, pegawai, tahun)
    header = clean_header(tahun, data or SkpInput.setahun(tahun))
    return new_skp(session, pegawai, tahun, header)


def copy_content(session: Session, src: Skp, dst: Skp, *, lengkap: bool) -> None:
    """Copy RHK, indicators and lampiran; ``lengkap`` (a revision) adds cascade links, each RHK's origin
    (``asal_id``), ekspektasi and the year's work."""
    rhk_map, ind_map = _copy_plans(session, [(src.id, dst)], lengkap=lengkap)
    if lengkap:
        _copy_progress(session, src, dst, rhk_map, ind_map)


def _copy_plans(
    session: Session, pasangan: Sequence[tuple[str, Skp]], *, lengkap: bool
) -> tuple[dict[str, str], dict[str, str]]:
    """RHK, indicators and lampiran of each source SKP id into its new SKP, in three queries for all.

    Returns the new ids of the copied RHKs and indicators, keyed by the old ones.
    """
    tujuan = dict(pasangan)
    rhk_map: dict[str, str] = {}
    for r in session.scalars(
        select(Rhk).where(Rhk.skp_id.in_(tujuan), Rhk.dihapus_pada.is_(None)).order_by(Rhk.urutan, Rhk.id)
    ):
        dst = tujuan[r.skp_id]
        jpt = dst.jenis_form == JenisForm.JPT
        rhk_map[r.id] = new_id()
        session.add(
            Rhk(
                id=rhk_map[r.id],
                skp_id=dst.id,
                jenis=r.jenis,
                teks=r.teks,
                urutan=r.urutan,
                rhk_atasan_id=r.rhk_atasan_id if lengkap else None,
                asal_id=r.id if lengkap else None,
                perspektif=r.perspektif if jpt else "",
                penugasan_dari=r.penugasan_dari if jpt else "",
            )
        )
    ind_map: dict[str, str] = {}
    for i in live_indikator(session, list(rhk_map)):
        ind_map[i.id] = new_id()
        session.add(
            Indikator(
                id=ind_map[i.id],
                rhk_id=rhk_map[i.rhk_id],
                aspek=i.aspek,
                teks=i.teks,
                urutan=i.urutan,
                target_min=i.target_min,
                target_maks=i.target_maks,
                satuan=i.satuan,
                target_teks=i.target_teks,
            )
        )
    for row in session.scalars(
        select(LampiranSkp)
        .where(LampiranSkp.skp_id.in_(tujuan), LampiranSkp.dihapus_pada.is_(None))
        .order_by(LampiranSkp.urutan, LampiranSkp.id)
    ):
        session.add(
            LampiranSkp(skp_id=tujuan[row.skp_id].id, jenis=row.jenis, teks=row.teks, urutan=row.urutan)
        )
    return rhk_map, ind_map


def _copy_progress(
    session: Session, src: Skp, dst: Skp, rhk_map: dict[str, str], ind_map: dict[str, str]
) -> None:
    session.flush()
    lama = dict(
        session.execute(
            select(EkspektasiPerilaku.perilaku_id, EkspektasiPerilaku.ekspektasi_khusus).where(
                EkspektasiPerilaku.skp_id == src.id, EkspektasiPerilaku.dihapus_pada.is_(None)
            )
        ).all()
    )
    for row in session.scalars(select(EkspektasiPerilaku).where(EkspektasiPerilaku.skp_id == dst.id)):
        row.ekspektasi_khusus = lama.get(row.perilaku_id, "")
    for a in session.scalars(
        select(RencanaAksi).where(RencanaAksi.rhk_id.in_(rhk_map), RencanaAksi.dihapus_pada.is_(None))
    ):
        session.add(RencanaAksi(rhk_id=rhk_map[a.rhk_id], periode=a.periode, teks=a.teks, urutan=a.urutan))
    for r in session.scalars(
        select(Realisasi).where(Realisasi.indikator_id.in_(ind_map), Realisasi.dihapus_pada.is_(None))
    ):
        session.add(
            Realisasi(indikator_id=ind_map[r.indikator_id], periode=r.periode, nilai=r.nilai, teks=r.teks)
        )
    for b in session.scalars(
        select(BuktiDukung).where(BuktiDukung.rhk_id.in_(rhk_map), BuktiDukung.dihapus_pada.is_(None))
    ):
        session.add(
            BuktiDukung(
                rhk_id=rhk_map[b.rhk_id],
                periode=b.periode,
                jenis=b.jenis,
                keterangan=b.keterangan,
                tautan=b.tautan,
                nama_berkas=b.nama_berkas,
                sha256=b.sha256,
                ukuran=b.ukuran,
            )
        )


def revise_skp(session: Session, actor: Actor, skp_id: str, *, stamp: str | None = None) -> str:
    """A new draft version copying everything of an approved SKP; the approved one stays in force
    (read-only) until the revision is approved, then it is marked "diganti"."""
    skp = get_skp_row(session, skp_id, stamp)
    ensure_can_edit(session, actor, skp)
    if skp.status != StatusSkp.DISETUJUI:
        raise ValidationError(
            f"Hanya SKP yang sudah disetujui yang direvisi; SKP ini berstatus {StatusSkp(skp.status).label}."
        )
    terbaru = latest_skp(session, skp.pegawai_id, skp.tahun)
    if terbaru is not None and terbaru.id != skp.id:
        raise ValidationError(
            f"Sudah ada revisi SKP ini (versi {terbaru.versi}, status {StatusSkp(terbaru.status).label}); "
            "lanjutkan revisi tersebut."
        )
    pegawai = get_pegawai_row(session, skp.pegawai_id)
    header = SkpInput(skp.periode_awal, skp.periode_akhir, skp.pendekatan)
    baru = new_skp(session, pegawai, skp.tahun, header)
    copy_content(session, skp, baru, lengkap=True)
    return baru.id


def _previous(session: Session, pegawai_id: str, tahun: int) -> Skp | None:
    return approved_skp(session, pegawai_id, tahun - 1) or latest_skp(session, pegawai_id, tahun - 1)


def copy_last_year(
    session: Session, actor: Actor, pegawai_id: str, tahun: int, data: SkpInput | None = None
) -> str:
    """A draft for ``tahun`` with last year's RHK, indicators and lampiran (without cascade links)."""
    src = _previous(session, pegawai_id, tahun)
    if src is None:
        nama = get_pegawai_row(session, pegawai_id).nama
        raise ValidationError(f"{nama} tidak memiliki SKP tahun {tahun - 1} untuk disalin.", kolom="tahun")
    if data is None:
        awal, akhir = (tanggal_dalam_tahun(d, tahun) for d in (src.periode_awal, src.periode_akhir))
        data = SkpInput(awal, akhir, src.pendekatan)
    baru = start_draft(session, actor, pegawai_id, tahun, data)
    copy_content(session, src, baru, lengkap=False)
    return baru.id


def _sources_last_year(session: Session, tahun: int) -> dict[str, str]:
    """Pegawai id → the SKP of ``tahun - 1`` that ``_previous`` would pick (approved first, then latest)."""
    terpilih: dict[str, tuple[bool, int, str]] = {}
    for pegawai_id, skp_id, status, versi in session.execute(
        select(Skp.pegawai_id, Skp.id, Skp.status, Skp.versi).where(
            Skp.tahun == tahun - 1, Skp.dihapus_pada.is_(None)
        )
    ):
        kunci = (status == StatusSkp.DISETUJUI, versi, skp_id)
        if pegawai_id not in terpilih or kunci[:2] > terpilih[pegawai_id][:2]:
            terpilih[pegawai_id] = kunci
    return {pegawai_id: kunci[2] for pegawai_id, kunci in terpilih.items()}


def _in_scope(actor: Actor, pegawai_id: str, atasan: dict[str, str | None]) -> bool:
    """``in_scope`` without a query per pegawai (``atasan`` maps every pegawai to their superior)."""
    if actor.peran is not Peran.PENILAI:
        return True
    if actor.pegawai_id is None:
        return False
    return actor.pegawai_id in (pegawai_id, atasan.get(pegawai_id))


def create_drafts_for_unit(
    session: Session,
    actor: Actor,
    unit_id: str,
    tahun: int,
    *,
    termasuk_sub_unit: bool = True,
    salin_tahun_lalu: bool = False,
    progress: Progress | None = None,
) -> HasilDraft:
    """A draft SKP for every active pegawai of the unit who has none for ``tahun``; says who was skipped.

    The drafts are written in batches of ``BATCH_DRAF`` pegawai; ``progress(done, total, label)`` is
    called after each batch (about a hundred times for 15,000 pegawai). An exception it raises (a
    cancel) leaves the caller's transaction to roll back, so either every draft is made or none.
    """
    require(actor, Izin.KELOLA_SKP)
    header = clean_header(tahun, SkpInput.setahun(tahun))
    units = unit_ids_under(session, unit_id, termasuk_sub_unit=termasuk_sub_unit)
    pegawai = list(
        session.scalars(
            select(Pegawai)
            .where(
                Pegawai.unit_kerja_id.in_(units),
                Pegawai.status_aktif == "aktif",
                Pegawai.dihapus_pada.is_(None),
            )
            .order_by(Pegawai.nama, Pegawai.nip)
        )
    )
    atasan: dict[str, str | None] = {
        pid: atas for pid, atas in session.execute(select(Pegawai.id, Pegawai.atasan_id))
    }
    versi = dict(
        session.execute(
            select(Skp.pegawai_id, func.max(Skp.versi)).where(Skp.tahun == tahun).group_by(Skp.pegawai_id)
        ).all()
    )
    ada = dict(
        session.execute(
            select(Skp.pegawai_id, Skp.status)
            .where(Skp.tahun == tahun, Skp.dihapus_pada.is_(None))
            .order_by(Skp.versi)
        ).all()
    )
    hasil = HasilDraft()
    baru: list[tuple[Pegawai, Skp]] = []
    for p in pegawai:
        if not _in_scope(actor, p.id, atasan):
            hasil.dilewati.append(DraftDilewati(p.id, p.nama, "Bukan bawahan langsung Anda."))
        elif p.id in ada:
            alasan = f"Sudah memiliki SKP tahun {tahun} (status {StatusSkp(ada[p.id]).label})."
            hasil.dilewati.append(DraftDilewati(p.id, p.nama, alasan))
        else:
            penilai = (p.atasan_id, atasan.get(p.atasan_id) if p.atasan_id else None)
            baru.append((p, skp_row(p, tahun, header, int(versi.get(p.id) or 0) + 1, penilai)))
    sumber = _sources_last_year(session, tahun) if salin_tahun_lalu else {}
    perilaku = perilaku_ids(session)
    total = len(baru)
    if progress is not None:
        progress(0, total, _label(0, total))
    for mulai in range(0, total, BATCH_DRAF):
        bagian = baru[mulai : mulai + BATCH_DRAF]
        session.add_all(skp for _, skp in bagian)
        session.flush()
        add_ekspektasi_rows(session, [skp.id for _, skp in bagian], perilaku)
        salin = [(sumber[p.id], skp) for p, skp in bagian if p.id in sumber]
        if salin:
            _copy_plans(session, salin, lengkap=False)
        session.flush()
        for p, skp in bagian:
            hasil.dibuat[p.id] = skp.id
        if progress is not None:
            selesai = mulai + len(bagian)
            progress(selesai, total, _label(selesai, total))
    return hasil


def _label(selesai: int, total: int) -> str:
    return f"Membuat draf SKP: {format_angka(selesai)} dari {format_angka(total)} pegawai"


def create_skp(
    session: Session, actor: Actor, pegawai_id: str, tahun: int, data: SkpInput | None = None
) -> str:
    """A draft SKP for ``tahun`` (1 Januari – 31 Desember unless ``data`` says otherwise).

    The pejabat penilai is the pegawai's superior, the atasan pejabat penilai the superior's superior;
    the form is JPT for JPT positions, else JA/JF. Refused when the pegawai already has one that year.
    """
    return start_draft(session, actor, pegawai_id, tahun, data).id
