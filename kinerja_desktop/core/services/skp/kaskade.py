"""The cascade: an RHK intervenes an RHK of the pejabat penilai's approved SKP of the same year."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Pegawai, Rhk, Skp
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.skp import (
    IndikatorInput,
    JenisForm,
    JenisRhk,
    PilihanKaskade,
    RhkPilihan,
    StatusSkp,
)
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.skp.access import approved_skp, get_skp_row, live_indikator, live_rhk


def superior_skp(session: Session, skp: Skp) -> Skp | None:
    """The pejabat penilai's approved SKP of the same year, if this database has one."""
    if skp.pejabat_penilai_id is None:
        return None
    return approved_skp(session, skp.pejabat_penilai_id, skp.tahun)


def allowed_rhk_ids(session: Session, skp: Skp) -> set[str] | None:
    """Ids the RHK of ``skp`` may intervene; None when the superior has no approved SKP here."""
    atas = superior_skp(session, skp)
    if atas is None:
        return None
    return {r.id for r in live_rhk(session, atas.id)}


def cascade_problem(
    session: Session, skp: Skp, jenis: str, rhk_atasan_id: str | None, allowed: set[str] | None
) -> str | None:
    """Why this link breaks the cascade rule, or None when it is acceptable."""
    if rhk_atasan_id is None:
        wajib = skp.jenis_form == JenisForm.JA_JF and jenis == JenisRhk.UTAMA and allowed is not None
        if wajib:
            return (
                "RHK utama wajib mengintervensi salah satu RHK atasan dari SKP atasan yang sudah disetujui."
            )
        return None
    if allowed is not None and rhk_atasan_id in allowed:
        return None
    target = session.get(Rhk, rhk_atasan_id)
    pemilik = session.get(Skp, target.skp_id) if target is not None else None
    if target is None or pemilik is None or target.dihapus_pada is not None or pemilik.dihapus_pada:
        return "RHK atasan yang dipilih tidak ditemukan (mungkin sudah dihapus)."
    if pemilik.pegawai_id != skp.pejabat_penilai_id:
        nama = session.scalar(select(Pegawai.nama).where(Pegawai.id == pemilik.pegawai_id))
        return f"RHK yang dipilih milik {nama}, bukan milik pejabat penilai SKP ini."
    if pemilik.tahun != skp.tahun:
        return (
            f"RHK yang dipilih berasal dari SKP atasan tahun {pemilik.tahun}; "
            f"pilih RHK dari SKP atasan tahun {skp.tahun}."
        )
    if pemilik.status == StatusSkp.DIGANTI:
        return "RHK yang dipilih berasal dari versi SKP atasan yang sudah diganti revisi; pilih ulang."
    return (
        f"SKP atasan yang memuat RHK itu belum disetujui (status {StatusSkp(pemilik.status).label}); "
        "hanya RHK dari SKP atasan yang sudah disetujui yang dapat diintervensi."
    )


def check_cascade(session: Session, skp: Skp, jenis: str, rhk_atasan_id: str | None) -> None:
    """Raise ValidationError (kolom ``rhk_atasan_id``) when the link breaks the cascade rule."""
    masalah = cascade_problem(session, skp, jenis, rhk_atasan_id, allowed_rhk_ids(session, skp))
    if masalah:
        raise ValidationError(masalah, kolom="rhk_atasan_id")


def _pilihan(session: Session, atas: Skp) -> list[RhkPilihan]:
    rhk = live_rhk(session, atas.id)
    per_rhk: dict[str, list[IndikatorInput]] = {r.id: [] for r in rhk}
    for i in live_indikator(session, list(per_rhk)):
        per_rhk[i.rhk_id].append(
            IndikatorInput(i.teks, i.aspek, i.target_min, i.target_maks, i.satuan, i.target_teks)
        )
    urut = sorted(rhk, key=lambda r: (r.jenis != JenisRhk.UTAMA, r.urutan))
    return [RhkPilihan(r.id, r.jenis, r.teks, per_rhk[r.id]) for r in urut]


def cascade_options(session: Session, actor: Actor, skp_id: str) -> PilihanKaskade:
    """The superior RHKs the form offers for this SKP, or a sentence saying why there are none."""
    require(actor, Izin.LIHAT_DATA)
    skp = get_skp_row(session, skp_id)
    if skp.pejabat_penilai_id is None:
        return PilihanKaskade(None, "", None, [], "SKP ini tidak memiliki pejabat penilai di basis data ini.")
    nama = session.scalar(select(Pegawai.nama).where(Pegawai.id == skp.pejabat_penilai_id)) or ""
    atas = superior_skp(session, skp)
    if atas is None:
        pesan = (
            f"{nama} belum memiliki SKP tahun {skp.tahun} yang disetujui; RHK boleh disimpan "
            "tanpa RHK atasan dan dikaitkan setelah SKP atasan disetujui."
        )
        return PilihanKaskade(skp.pejabat_penilai_id, nama, None, [], pesan)
    return PilihanKaskade(skp.pejabat_penilai_id, nama, atas.id, _pilihan(session, atas), "")


def starting_points(session: Session, actor: Actor, skp_id: str) -> list[RhkPilihan]:
    """The pejabat penilai's own approved RHKs (with indicators) that this SKP can start from."""
    return cascade_options(session, actor, skp_id).pilihan
