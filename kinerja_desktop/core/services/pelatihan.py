"""Training hours (pengembangan kompetensi): records per pegawai and the yearly JP check."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.concurrency import ensure_row
from kinerja_desktop.core.db.models import Pegawai, Pelatihan, UnitKerja
from kinerja_desktop.core.errors import NotFound
from kinerja_desktop.core.model.pegawai import nama_lengkap
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.validation.base import raise_first
from kinerja_desktop.core.validation.pelatihan import PELATIHAN

# PP 11/2017 Pasal 203(4) as amended by PP 17/2020: at least 20 JP a year for a PNS.
JP_MINIMUM_PNS = 20
# PP 49/2018 Pasal 40(1): at most 24 JP per contract year for a PPPK.
JP_MAKSIMUM_PPPK = 24


@dataclass(frozen=True)
class PelatihanInput:
    nama: str
    tanggal_mulai: date
    jp: int
    penyelenggara: str = ""
    tanggal_selesai: date | None = None
    nomor_sertifikat: str = ""


@dataclass(frozen=True)
class PelatihanRow:
    id: str
    pegawai_id: str
    data: PelatihanInput
    revisi: int = 1


@dataclass(frozen=True)
class RekapJp:
    """One pegawai's JP in a year against the rule for their status."""

    pegawai_id: str
    nip: str
    nama: str
    status_kepegawaian: str
    unit_nama: str
    jp: int

    @property
    def kurang(self) -> int:
        """JP still missing for a PNS/CPNS (0 when met or for PPPK)."""
        if self.status_kepegawaian == "pppk":
            return 0
        return max(0, JP_MINIMUM_PNS - self.jp)

    @property
    def lebih(self) -> int:
        """JP above the PPPK limit (0 otherwise)."""
        return max(0, self.jp - JP_MAKSIMUM_PPPK) if self.status_kepegawaian == "pppk" else 0

    @property
    def keterangan(self) -> str:
        if self.kurang:
            return f"Kurang {self.kurang} JP dari minimal {JP_MINIMUM_PNS} JP"
        if self.lebih:
            return f"Melebihi batas {JP_MAKSIMUM_PPPK} JP untuk PPPK sebanyak {self.lebih} JP"
        return "Memenuhi"


def _validate(data: PelatihanInput) -> PelatihanInput:
    """Tidied, then checked by the same rules as an imported training (``validation.pelatihan``)."""
    clean = PelatihanInput(
        nama=" ".join(data.nama.split()),
        tanggal_mulai=data.tanggal_mulai,
        jp=data.jp,
        penyelenggara=" ".join(data.penyelenggara.split()),
        tanggal_selesai=data.tanggal_selesai,
        nomor_sertifikat=data.nomor_sertifikat.strip(),
    )
    raise_first(PELATIHAN.check(asdict(clean)))
    return clean


def _pegawai(session: Session, pegawai_id: str) -> Pegawai:
    pegawai = session.get(Pegawai, pegawai_id)
    if pegawai is None or pegawai.dihapus_pada is not None:
        raise NotFound("Data pegawai tidak ditemukan.")
    return pegawai


def add_pelatihan(session: Session, actor: Actor, pegawai_id: str, data: PelatihanInput) -> str:
    require(actor, Izin.KELOLA_PEGAWAI)
    _pegawai(session, pegawai_id)
    clean = _validate(data)
    row = Pelatihan(pegawai_id=pegawai_id, **clean.__dict__)
    session.add(row)
    session.flush()
    return row.id


def _get(session: Session, pelatihan_id: str, revisi: int | None = None) -> Pelatihan:
    row = session.get(Pelatihan, pelatihan_id)
    if row is not None:
        ensure_row(session, row, revisi)
    if row is None or row.dihapus_pada is not None:
        raise NotFound("Data pelatihan tidak ditemukan.")
    return row


def update_pelatihan(
    session: Session, actor: Actor, pelatihan_id: str, data: PelatihanInput, *, revisi: int | None = None
) -> None:
    """Save a training's changes; ``revisi`` (as the form read it) refuses a row changed meanwhile."""
    require(actor, Izin.KELOLA_PEGAWAI)
    row = _get(session, pelatihan_id, revisi)
    for key, value in _validate(data).__dict__.items():
        setattr(row, key, value)


def delete_pelatihan(session: Session, actor: Actor, pelatihan_id: str, *, revisi: int | None = None) -> None:
    """Delete as a tombstone so the deletion reaches the central office too."""
    require(actor, Izin.KELOLA_PEGAWAI)
    _get(session, pelatihan_id, revisi).dihapus_pada = utcnow()


def list_pelatihan(session: Session, actor: Actor, pegawai_id: str) -> list[PelatihanRow]:
    """A pegawai's trainings, newest first."""
    require(actor, Izin.LIHAT_DATA)
    rows = session.scalars(
        select(Pelatihan)
        .where(Pelatihan.pegawai_id == pegawai_id, Pelatihan.dihapus_pada.is_(None))
        .order_by(Pelatihan.tanggal_mulai.desc())
    )
    return [
        PelatihanRow(
            r.id,
            r.pegawai_id,
            PelatihanInput(
                r.nama, r.tanggal_mulai, r.jp, r.penyelenggara, r.tanggal_selesai, r.nomor_sertifikat
            ),
            r.revisi,
        )
        for r in rows
    ]


def jp_tahun(session: Session, pegawai_id: str, tahun: int) -> int:
    """JP of trainings that started in ``tahun``."""
    total = session.scalar(
        select(func.coalesce(func.sum(Pelatihan.jp), 0)).where(
            Pelatihan.pegawai_id == pegawai_id,
            Pelatihan.dihapus_pada.is_(None),
            Pelatihan.tanggal_mulai >= date(tahun, 1, 1),
            Pelatihan.tanggal_mulai <= date(tahun, 12, 31),
        )
    )
    return int(total or 0)


def jp_per_pegawai(tahun: int) -> Subquery:
    """Subquery (``pegawai_id``, ``jp``): each pegawai's training hours of ``tahun`` (by start date)."""
    return (
        select(Pelatihan.pegawai_id, func.sum(Pelatihan.jp).label("jp"))
        .where(
            Pelatihan.dihapus_pada.is_(None),
            Pelatihan.tanggal_mulai >= date(tahun, 1, 1),
            Pelatihan.tanggal_mulai <= date(tahun, 12, 31),
        )
        .group_by(Pelatihan.pegawai_id)
        .subquery()
    )


def rekap_jp(session: Session, actor: Actor, tahun: int, *, hanya_bermasalah: bool = False) -> list[RekapJp]:
    """Every active pegawai's JP for ``tahun`` (by start date); optionally only those short or over."""
    require(actor, Izin.LIHAT_DATA)
    jp = jp_per_pegawai(tahun)
    stmt = (
        select(
            Pegawai.id,
            Pegawai.nip,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.status_kepegawaian,
            UnitKerja.nama,
            func.coalesce(jp.c.jp, 0),
        )
        .outerjoin(jp, jp.c.pegawai_id == Pegawai.id)
        .outerjoin(UnitKerja, UnitKerja.id == Pegawai.unit_kerja_id)
        .where(Pegawai.status_aktif == "aktif", Pegawai.dihapus_pada.is_(None))
        .order_by(UnitKerja.nama, Pegawai.nama)
    )
    rows = [
        RekapJp(r[0], r[1], nama_lengkap(r[2], r[3], r[4]), r[5], r[6] or "", int(r[7]))
        for r in session.execute(stmt)
    ]
    if hanya_bermasalah:
        rows = [r for r in rows if r.kurang or r.lebih]
    return rows
