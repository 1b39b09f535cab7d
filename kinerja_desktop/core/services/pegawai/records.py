"""Staff records: list, detail, create, edit (history kept), archive and re-activate."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.core.db.concurrency import ensure_row
from kinerja_desktop.core.db.models import Pegawai, RiwayatJabatan, RiwayatPangkat, UnitKerja
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.model.pegawai import (
    Masalah,
    Orang,
    PegawaiDetail,
    PegawaiInput,
    PegawaiRow,
    RiwayatJabatanRow,
    RiwayatPangkatRow,
    StatusAktif,
    nama_lengkap,
)
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.pegawai.check import raise_first_error, review_pegawai
from kinerja_desktop.core.validation.pegawai import PEGAWAI

_INPUT_FIELDS = tuple(f.name for f in fields(PegawaiInput))
_JABATAN_FIELDS = ("jabatan", "jenis_jabatan", "jenjang_jabatan", "unit_kerja_id")


def list_pegawai(session: Session, actor: Actor, *, termasuk_nonaktif: bool = True) -> list[PegawaiRow]:
    """Every pegawai (not deleted) with unit and superior names, ordered by name; one query."""
    require(actor, Izin.LIHAT_DATA)
    atasan = aliased(Pegawai)
    stmt = (
        select(
            Pegawai.id,
            Pegawai.nip,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.status_kepegawaian,
            Pegawai.golongan,
            Pegawai.jabatan,
            Pegawai.jenis_jabatan,
            Pegawai.unit_kerja_id,
            UnitKerja.nama,
            Pegawai.atasan_id,
            atasan.nama,
            Pegawai.status_aktif,
            Pegawai.jenis_kelamin,
            Pegawai.revisi,
        )
        .outerjoin(UnitKerja, UnitKerja.id == Pegawai.unit_kerja_id)
        .outerjoin(atasan, atasan.id == Pegawai.atasan_id)
        .where(Pegawai.dihapus_pada.is_(None))
        .order_by(Pegawai.nama, Pegawai.nip)
    )
    if not termasuk_nonaktif:
        stmt = stmt.where(Pegawai.status_aktif == StatusAktif.AKTIF.value)
    return [
        PegawaiRow(
            id=r[0],
            nip=r[1],
            nama=r[2],
            nama_lengkap=nama_lengkap(r[2], r[3], r[4]),
            status_kepegawaian=r[5],
            golongan=r[6],
            jabatan=r[7],
            jenis_jabatan=r[8],
            unit_kerja_id=r[9],
            unit_nama=r[10] or "",
            atasan_id=r[11],
            atasan_nama=r[12] or "",
            status_aktif=r[13],
            jenis_kelamin=r[14],
            revisi=r[15],
        )
        for r in session.execute(stmt)
    ]


def _get(session: Session, pegawai_id: str, revisi: int | None = None) -> Pegawai:
    """The pegawai; with ``revisi`` (as a screen read it) refused when someone changed it meanwhile."""
    pegawai = session.get(Pegawai, pegawai_id)
    if pegawai is not None:
        ensure_row(session, pegawai, revisi)
    if pegawai is None or pegawai.dihapus_pada is not None:
        raise NotFound("Data pegawai tidak ditemukan (mungkin sudah dihapus).")
    return pegawai


def _orang(p: Pegawai | None) -> Orang | None:
    return Orang(p.id, p.nama_lengkap, p.nip, p.jabatan) if p is not None else None


def get_pegawai(session: Session, actor: Actor, pegawai_id: str) -> PegawaiDetail:
    """The whole record with its superiors (the atasan pejabat penilai is derived) and history."""
    require(actor, Izin.LIHAT_DATA)
    p = _get(session, pegawai_id)
    atasan = session.get(Pegawai, p.atasan_id) if p.atasan_id else None
    atasan_penilai = session.get(Pegawai, atasan.atasan_id) if atasan and atasan.atasan_id else None
    unit = session.get(UnitKerja, p.unit_kerja_id) if p.unit_kerja_id else None
    unit_names: dict[str, str] = {r[0]: r[1] for r in session.execute(select(UnitKerja.id, UnitKerja.nama))}
    jabatan_rows = session.scalars(
        select(RiwayatJabatan)
        .where(RiwayatJabatan.pegawai_id == p.id, RiwayatJabatan.dihapus_pada.is_(None))
        .order_by(RiwayatJabatan.tmt.desc().nulls_last())
    )
    pangkat_rows = session.scalars(
        select(RiwayatPangkat)
        .where(RiwayatPangkat.pegawai_id == p.id, RiwayatPangkat.dihapus_pada.is_(None))
        .order_by(RiwayatPangkat.tmt.desc().nulls_last())
    )
    return PegawaiDetail(
        id=p.id,
        data=PegawaiInput(**{name: getattr(p, name) for name in _INPUT_FIELDS}),
        status_aktif=p.status_aktif,
        tanggal_nonaktif=p.tanggal_nonaktif,
        alasan_nonaktif=p.alasan_nonaktif,
        revisi=p.revisi,
        unit_nama=unit.nama if unit else "",
        atasan=_orang(atasan),
        atasan_penilai=_orang(atasan_penilai),
        riwayat_jabatan=[
            RiwayatJabatanRow(
                r.id,
                r.jabatan,
                r.jenis_jabatan,
                r.jenjang_jabatan,
                unit_names.get(r.unit_kerja_id or "", ""),
                r.tmt,
                r.sampai,
                r.keterangan,
            )
            for r in jabatan_rows
        ],
        riwayat_pangkat=[
            RiwayatPangkatRow(r.id, r.golongan, r.tmt, r.nomor_sk, r.keterangan) for r in pangkat_rows
        ],
    )


def check_pegawai(
    session: Session, actor: Actor, data: PegawaiInput, pegawai_id: str | None = None
) -> tuple[PegawaiInput, list[Masalah]]:
    """Normalised data and every problem, without saving (for forms and import previews)."""
    require(actor, Izin.LIHAT_DATA)
    return review_pegawai(session, data, pegawai_id)


def create_pegawai(session: Session, actor: Actor, data: PegawaiInput) -> str:
    """A new pegawai in this office, with the first entries of its position and rank history."""
    require(actor, Izin.KELOLA_PEGAWAI)
    clean, masalah = review_pegawai(session, data, None)
    raise_first_error(masalah)
    info = kantor.get_kantor(session)
    values = {name: getattr(clean, name) for name in _INPUT_FIELDS}
    pegawai = session.scalar(
        select(Pegawai).where(Pegawai.nip == clean.nip, Pegawai.dihapus_pada.is_not(None))
    )
    if pegawai is None:
        pegawai = Pegawai(kantor_id=info.id, **values)
        session.add(pegawai)
    else:  # the NIP of a pegawai deleted as a mistake: the same record again (one identity per NIP)
        for name, value in values.items():
            setattr(pegawai, name, value)
        pegawai.kantor_id, pegawai.foto, pegawai.dihapus_pada = info.id, None, None
        pegawai.status_aktif, pegawai.tanggal_nonaktif, pegawai.alasan_nonaktif = "aktif", None, ""
    session.flush()
    _add_riwayat_jabatan(session, pegawai, clean.tmt_jabatan, "Data awal")
    if clean.golongan:
        session.add(RiwayatPangkat(pegawai_id=pegawai.id, golongan=clean.golongan, tmt=clean.tmt_golongan))
    return pegawai.id


def save_pegawai(
    session: Session,
    actor: Actor,
    pegawai_id: str | None,
    data: PegawaiInput,
    foto: bytes | None = None,
    *,
    ganti_foto: bool = False,
    revisi: int | None = None,
) -> str:
    """The pegawai form's Simpan: a new pegawai (``pegawai_id`` None) or the changes to one, and with
    ``ganti_foto`` its photo (``foto``; None removes it). One action: a refused photo keeps nothing.
    ``revisi`` is the pegawai's as the form read it: a record changed meanwhile is refused."""
    require(actor, Izin.KELOLA_PEGAWAI)
    if pegawai_id is None:
        pegawai_id = create_pegawai(session, actor, data)
    else:
        update_pegawai(session, actor, pegawai_id, data, revisi=revisi)
    if ganti_foto:
        set_foto(session, actor, pegawai_id, foto)
    return pegawai_id


def _add_riwayat_jabatan(session: Session, pegawai: Pegawai, tmt: date | None, keterangan: str) -> None:
    if pegawai.jabatan or pegawai.unit_kerja_id:
        session.add(
            RiwayatJabatan(
                pegawai_id=pegawai.id,
                jabatan=pegawai.jabatan,
                jenis_jabatan=pegawai.jenis_jabatan,
                jenjang_jabatan=pegawai.jenjang_jabatan,
                unit_kerja_id=pegawai.unit_kerja_id,
                tmt=tmt,
                keterangan=keterangan,
            )
        )


def _close_open_jabatan(session: Session, pegawai_id: str, sampai: date) -> None:
    for row in session.scalars(
        select(RiwayatJabatan).where(
            RiwayatJabatan.pegawai_id == pegawai_id,
            RiwayatJabatan.sampai.is_(None),
            RiwayatJabatan.dihapus_pada.is_(None),
        )
    ):
        row.sampai = sampai


def update_pegawai(
    session: Session, actor: Actor, pegawai_id: str, data: PegawaiInput, *, revisi: int | None = None
) -> list[Masalah]:
    """Save changes; a new jabatan, unit or golongan adds history instead of overwriting it.

    Returns the warnings (e.g. a birth date that disagrees with the NIP) that did not block saving.
    ``revisi`` (as the form read it) refuses a record someone changed meanwhile (``DataBerubah``).
    """
    require(actor, Izin.KELOLA_PEGAWAI)
    pegawai = _get(session, pegawai_id, revisi)
    if pegawai.status_aktif != StatusAktif.AKTIF.value:
        raise ValidationError(
            f"{pegawai.nama} berstatus {StatusAktif(pegawai.status_aktif).label}; "
            "aktifkan kembali untuk mengubah."
        )
    clean, masalah = review_pegawai(session, data, pegawai_id)
    raise_first_error(masalah)
    jabatan_berubah = any(getattr(pegawai, f) != getattr(clean, f) for f in _JABATAN_FIELDS)
    golongan_berubah = clean.golongan != pegawai.golongan
    for name in _INPUT_FIELDS:
        setattr(pegawai, name, getattr(clean, name))
    if jabatan_berubah:
        mulai = clean.tmt_jabatan or date.today()
        _close_open_jabatan(session, pegawai.id, mulai)
        _add_riwayat_jabatan(session, pegawai, mulai, "Perubahan jabatan/unit")
    if golongan_berubah and clean.golongan:
        session.add(RiwayatPangkat(pegawai_id=pegawai.id, golongan=clean.golongan, tmt=clean.tmt_golongan))
    return [m for m in masalah if m.peringatan]


@dataclass(frozen=True)
class HasilArsip:
    """What archiving left for the clerk to sort out."""

    bawahan: list[str]
    unit_dipimpin: list[str]


def archive_pegawai(
    session: Session,
    actor: Actor,
    pegawai_id: str,
    status: StatusAktif,
    tanggal: date,
    alasan: str = "",
    *,
    revisi: int | None = None,
) -> HasilArsip:
    """Mark a pegawai as no longer serving; clears the units they led and names their subordinates."""
    require(actor, Izin.KELOLA_PEGAWAI)
    if status is StatusAktif.AKTIF:
        raise ValidationError("Pilih alasan nonaktif: pensiun, mutasi keluar, meninggal dunia atau berhenti.")
    pegawai = _get(session, pegawai_id, revisi)
    if pegawai.status_aktif != StatusAktif.AKTIF.value:
        raise ValidationError(f"{pegawai.nama} sudah berstatus {StatusAktif(pegawai.status_aktif).label}.")
    pegawai.status_aktif = status.value
    pegawai.tanggal_nonaktif = tanggal
    pegawai.alasan_nonaktif = PEGAWAI.text("alasan_nonaktif").ensure(alasan.strip())
    _close_open_jabatan(session, pegawai.id, tanggal)
    units = list(session.scalars(select(UnitKerja).where(UnitKerja.kepala_id == pegawai.id)))
    for unit in units:
        unit.kepala_id = None
    bawahan = session.scalars(
        select(Pegawai.nama).where(
            Pegawai.atasan_id == pegawai.id, Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None)
        )
    )
    return HasilArsip(sorted(bawahan), [u.nama for u in units])


def reactivate_pegawai(
    session: Session, actor: Actor, pegawai_id: str, tanggal: date | None = None, *, revisi: int | None = None
) -> None:
    """Bring an archived pegawai back (e.g. a mutation cancelled); a new history entry is opened."""
    require(actor, Izin.KELOLA_PEGAWAI)
    pegawai = _get(session, pegawai_id, revisi)
    if pegawai.status_aktif == StatusAktif.AKTIF.value:
        raise ValidationError(f"{pegawai.nama} sudah aktif.")
    if pegawai.unit_kerja_id:
        unit = session.get(UnitKerja, pegawai.unit_kerja_id)
        if unit is None or unit.ditutup_pada is not None or unit.dihapus_pada is not None:
            pegawai.unit_kerja_id = None
    pegawai.status_aktif = StatusAktif.AKTIF.value
    pegawai.tanggal_nonaktif = None
    pegawai.alasan_nonaktif = ""
    _add_riwayat_jabatan(session, pegawai, tanggal or date.today(), "Aktif kembali")


def reassign_bawahan(session: Session, actor: Actor, dari_id: str, ke_id: str | None) -> int:
    """Give every active subordinate of ``dari_id`` a new superior; returns how many moved."""
    require(actor, Izin.KELOLA_PEGAWAI)
    ids = list(
        session.scalars(
            select(Pegawai.id).where(Pegawai.atasan_id == dari_id, Pegawai.status_aktif == "aktif")
        )
    )
    if ke_id is not None:
        baru = _get(session, ke_id)
        if baru.status_aktif != "aktif" or ke_id in ids:
            raise ValidationError(f"{baru.nama} tidak bisa menjadi atasan mereka.")
    for pid in ids:
        pegawai = session.get(Pegawai, pid)
        assert pegawai is not None
        pegawai.atasan_id = ke_id
    return len(ids)


FOTO_MAKS = 2 * 1024 * 1024
_FOTO_AWALAN = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def set_foto(session: Session, actor: Actor, pegawai_id: str, data: bytes | None) -> None:
    """Store (or with None remove) a pegawai's photo: PNG or JPG, at most 2 MB."""
    require(actor, Izin.KELOLA_PEGAWAI)
    pegawai = _get(session, pegawai_id)
    if data is not None:
        if len(data) > FOTO_MAKS:
            raise ValidationError(
                f"Foto terlalu besar ({format_angka(len(data) / 1024 / 1024, desimal=1)} MB); maksimal 2 MB.",
                kolom="foto",
                saran="Perkecil ukuran foto (misalnya 400 × 600 piksel) lalu pilih lagi.",
            )
        if not data.startswith(_FOTO_AWALAN):
            raise ValidationError("Foto harus berkas PNG atau JPG.", kolom="foto")
    pegawai.foto = data


def get_foto(session: Session, actor: Actor, pegawai_id: str) -> bytes | None:
    """The stored photo, or None."""
    require(actor, Izin.LIHAT_DATA)
    return _get(session, pegawai_id).foto
