"""History typed in for staff whose career began before the app: past positions and ranks, checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import Pegawai, RiwayatJabatan, RiwayatPangkat
from kinerja_desktop.core.errors import NotFound, ValidationError
from kinerja_desktop.core.rules.pangkat import StatusKepegawaian, normalize_golongan, urutan_golongan
from kinerja_desktop.core.rules.tanggal import format_tanggal
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.services.pegawai.records import _get
from kinerja_desktop.core.validation.pegawai import RIWAYAT_JABATAN, RIWAYAT_PANGKAT

#: How a history line typed by hand is marked (the app's own lines say "Data awal", "Mutasi", …).
DIISI_MANUAL = "Diisi manual (riwayat sebelum aplikasi)"


@dataclass(frozen=True)
class RiwayatJabatanInput:
    """A past position: held from ``tmt`` until ``sampai`` (both required: the current one is the
    pegawai's own record)."""

    jabatan: str
    tmt: date | None
    sampai: date | None
    jenis_jabatan: str = ""
    keterangan: str = ""


@dataclass(frozen=True)
class RiwayatPangkatInput:
    """A golongan held from its TMT, with the SK that gave it."""

    golongan: str
    tmt: date | None
    nomor_sk: str = ""
    keterangan: str = ""


def _tanggal(pegawai: Pegawai, value: date | None, kolom: str, label: str) -> date:
    if value is None:
        raise ValidationError(f"{label} wajib diisi.", kolom=kolom)
    if value > date.today():
        raise ValidationError(
            f"{label} ({format_tanggal(value)}) belum terjadi: periksa tahunnya.", kolom=kolom
        )
    if pegawai.tanggal_lahir is not None and value <= pegawai.tanggal_lahir:
        raise ValidationError(
            f"{label} ({format_tanggal(value)}) sebelum tanggal lahir {pegawai.nama} "
            f"({format_tanggal(pegawai.tanggal_lahir)}).",
            kolom=kolom,
        )
    return value


def add_riwayat_jabatan(session: Session, actor: Actor, pegawai_id: str, data: RiwayatJabatanInput) -> str:
    """Record a past position; refused when its dates are out of order or overlap another position."""
    require(actor, Izin.KELOLA_PEGAWAI)
    pegawai = _get(session, pegawai_id)
    jabatan = " ".join(data.jabatan.split())
    if not jabatan:
        raise ValidationError("Nama jabatan wajib diisi.", kolom="jabatan")
    RIWAYAT_JABATAN.text("jabatan").ensure(jabatan)
    keterangan = RIWAYAT_JABATAN.text("keterangan").ensure(" ".join(data.keterangan.split()))
    tmt = _tanggal(pegawai, data.tmt, "tmt", "TMT jabatan")
    sampai = _tanggal(pegawai, data.sampai, "sampai", "Tanggal selesai")
    if sampai <= tmt:
        raise ValidationError(
            f"Tanggal selesai ({format_tanggal(sampai)}) harus sesudah TMT ({format_tanggal(tmt)}).",
            kolom="sampai",
        )
    for other in session.scalars(
        select(RiwayatJabatan).where(
            RiwayatJabatan.pegawai_id == pegawai.id, RiwayatJabatan.dihapus_pada.is_(None)
        )
    ):
        mulai = other.tmt or date.min
        akhir = other.sampai or date.max
        if tmt < akhir and mulai < sampai:
            kapan = f"{format_tanggal(other.tmt)}" if other.tmt else "tanpa TMT"
            sampai_lain = format_tanggal(other.sampai) if other.sampai else "sekarang"
            raise ValidationError(
                f"Masa jabatan ini bertumpuk dengan {other.jabatan} ({kapan} s.d. {sampai_lain}).",
                kolom="tmt",
                saran="Periksa TMT dan tanggal selesainya; satu masa hanya untuk satu jabatan.",
            )
    row = RiwayatJabatan(
        pegawai_id=pegawai.id,
        jabatan=jabatan,
        jenis_jabatan=data.jenis_jabatan,
        tmt=tmt,
        sampai=sampai,
        keterangan=keterangan or DIISI_MANUAL,
    )
    session.add(row)
    session.flush()
    return row.id


def add_riwayat_pangkat(session: Session, actor: Actor, pegawai_id: str, data: RiwayatPangkatInput) -> str:
    """Record a past golongan; refused when it breaks the order of ranks (a PNS rises, never drops) or
    shares a TMT with another."""
    require(actor, Izin.KELOLA_PEGAWAI)
    pegawai = _get(session, pegawai_id)
    status = StatusKepegawaian(pegawai.status_kepegawaian)
    golongan = normalize_golongan(data.golongan, status)
    tmt = _tanggal(pegawai, data.tmt, "tmt", "TMT golongan")
    nomor_sk = " ".join(data.nomor_sk.split())
    RIWAYAT_PANGKAT.text("nomor_sk").ensure(nomor_sk)
    keterangan = RIWAYAT_PANGKAT.text("keterangan").ensure(" ".join(data.keterangan.split()))
    baru = urutan_golongan(golongan)
    for other in session.scalars(
        select(RiwayatPangkat).where(
            RiwayatPangkat.pegawai_id == pegawai.id, RiwayatPangkat.dihapus_pada.is_(None)
        )
    ):
        if other.tmt is None:
            continue
        if other.tmt == tmt:
            raise ValidationError(
                f"Sudah ada golongan {other.golongan} dengan TMT {format_tanggal(tmt)}.", kolom="tmt"
            )
        lain = urutan_golongan(other.golongan)
        if status is StatusKepegawaian.PPPK:
            continue
        if other.tmt < tmt and lain > baru:
            pesan = (
                f"Golongan {golongan} per {format_tanggal(tmt)} lebih rendah daripada {other.golongan} "
                f"yang TMT-nya lebih awal ({format_tanggal(other.tmt)})."
            )
        elif other.tmt > tmt and lain < baru:
            pesan = (
                f"Golongan {golongan} per {format_tanggal(tmt)} lebih tinggi daripada {other.golongan} "
                f"yang TMT-nya lebih akhir ({format_tanggal(other.tmt)})."
            )
        else:
            continue
        raise ValidationError(
            pesan, kolom="golongan", saran="Periksa golongan dan TMT-nya: pangkat PNS naik, tidak turun."
        )
    row = RiwayatPangkat(
        pegawai_id=pegawai.id,
        golongan=golongan,
        tmt=tmt,
        nomor_sk=nomor_sk,
        keterangan=keterangan or DIISI_MANUAL,
    )
    session.add(row)
    session.flush()
    return row.id


def delete_riwayat(session: Session, actor: Actor, pegawai_id: str, riwayat_id: str) -> None:
    """Remove a past line of the history (one typed wrongly); the current position and golongan stay,
    they are the pegawai's own record."""
    require(actor, Izin.KELOLA_PEGAWAI)
    pegawai = _get(session, pegawai_id)
    row: RiwayatJabatan | RiwayatPangkat | None = session.get(RiwayatJabatan, riwayat_id) or session.get(
        RiwayatPangkat, riwayat_id
    )
    if row is None or row.pegawai_id != pegawai.id or row.dihapus_pada is not None:
        raise NotFound("Baris riwayat tidak ditemukan (mungkin sudah dihapus).")
    kini = (
        row.sampai is None
        if isinstance(row, RiwayatJabatan)
        else (row.golongan == pegawai.golongan and row.tmt == pegawai.tmt_golongan)
    )
    if kini:
        raise ValidationError(
            "Baris ini jabatan atau golongan yang sekarang; ubah lewat data pegawai, bukan di riwayat."
        )
    row.dihapus_pada = utcnow()
