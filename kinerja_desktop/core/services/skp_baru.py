"""Starting an SKP: the header check, one SKP per pegawai per year, the penilai, and the new draft."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import new_id
from kinerja_desktop.core.db.models import EkspektasiPerilaku, Pegawai, Perilaku, Skp
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.jabatan import JenisJabatan
from kinerja_desktop.core.rules.tanggal import format_tanggal
from kinerja_desktop.core.services.skp_akses import latest_skp
from kinerja_desktop.core.services.skp_data import JenisForm, Pendekatan, SkpInput, StatusSkp

TAHUN_MIN, TAHUN_MAKS = 2000, 2100


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
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise ValidationError(f"Tahun SKP harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.", kolom="tahun")
    for kolom, tanggal in (("periode_awal", data.periode_awal), ("periode_akhir", data.periode_akhir)):
        if tanggal.year != tahun:
            raise ValidationError(
                f"Tanggal {format_tanggal(tanggal)} di luar tahun SKP {tahun}.",
                kolom=kolom,
                saran=f"Periode penilaian berada di antara 1 Januari dan 31 Desember {tahun}.",
            )
    if data.periode_akhir < data.periode_awal:
        raise ValidationError("Akhir periode penilaian lebih awal dari awalnya.", kolom="periode_akhir")
    pendekatan = data.pendekatan.strip().lower()
    if pendekatan not in {p.value for p in Pendekatan}:
        raise ValidationError("Pendekatan harus kuantitatif atau kualitatif.", kolom="pendekatan")
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
