"""Reading the rows a package carries out of the database (tombstones included), with Core selects."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import (
    Evaluasi,
    Indikator,
    Kantor,
    Pegawai,
    Rhk,
    Skp,
    UnitKerja,
)
from kinerja_desktop.core.errors import NotFound
from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.skema import Jenis, semua_jenis

Kemajuan = Callable[[int, int], bool]  # (done, total) → False to cancel

#: Children of a pegawai, an SKP, an RHK or an evaluation: table → its parent column.
_ANAK_PEGAWAI = {"riwayat_jabatan", "riwayat_pangkat", "pelatihan", "tindak_lanjut"}
_ANAK_SKP = {"rhk", "lampiran_skp", "ekspektasi_perilaku", "evaluasi"}
_ANAK_RHK = {"indikator", "rencana_aksi", "bukti_dukung"}
_ANAK_EVALUASI = {"umpan_balik_rhk", "umpan_balik_perilaku"}


def _rows(session: Session, jenis: Jenis, where: Iterable[ColumnElement[bool]]) -> list[Baris]:
    cols = [jenis.table.c[k.nama] for k in jenis.kolom]
    stmt: Select[tuple[object, ...]] = select(*cols).where(*where).order_by(jenis.table.c.id)
    nama = [k.nama for k in jenis.kolom]
    return [dict(zip(nama, r, strict=True)) for r in session.execute(stmt)]


def _kantor_id(session: Session, kode: str) -> str:
    kid = session.scalar(select(Kantor.id).where(Kantor.kode == kode))
    if kid is None:
        raise NotFound(f"Kantor dengan kode {kode} tidak ada di basis data ini.")
    return kid


Pilih = Select[Any]


def _filter(
    jenis: Jenis, pegawai: Pilih, skp: Pilih, unit: Pilih, tahun: int | None
) -> list[ColumnElement[bool]]:
    t = jenis.table.c
    if jenis.tabel == "pegawai":
        return [t.id.in_(pegawai)]
    if jenis.tabel == "unit_kerja":
        return [t.id.in_(unit)]
    if jenis.tabel in _ANAK_PEGAWAI:
        return [t.pegawai_id.in_(pegawai)]
    if jenis.tabel == "skp":
        return [t.id.in_(skp)]
    if jenis.tabel in _ANAK_SKP:
        return [t.skp_id.in_(skp)]
    if jenis.tabel in _ANAK_RHK:
        return [t.rhk_id.in_(select(Rhk.id).where(Rhk.skp_id.in_(skp)))]
    if jenis.tabel in _ANAK_EVALUASI:
        return [t.evaluasi_id.in_(select(Evaluasi.id).where(Evaluasi.skp_id.in_(skp)))]
    if jenis.tabel == "realisasi":
        rhk = select(Rhk.id).where(Rhk.skp_id.in_(skp))
        return [t.indikator_id.in_(select(Indikator.id).where(Indikator.rhk_id.in_(rhk)))]
    if jenis.tabel == "capaian_organisasi":
        where = [t.unit_kerja_id.in_(unit)]
        return where + ([t.tahun == tahun] if tahun is not None else [])
    return []  # perilaku: the BerAKHLAK master, always whole


def ambil_paket_kantor(
    session: Session, kantor_kode: str, tahun: int | None = None, kemajuan: Kemajuan | None = None
) -> dict[str, list[Baris]]:
    """Everything the office holds (for one year of SKPs, capaian and evaluations, or all), tombstones too.

    Staff, units, histories and training always travel whole: they are small and the year's SKPs
    refer to them.
    """
    kid = _kantor_id(session, kantor_kode)
    pegawai = select(Pegawai.id).where(Pegawai.kantor_id == kid)
    unit = select(UnitKerja.id).where(UnitKerja.kantor_id == kid)
    skp = select(Skp.id).where(Skp.pegawai_id.in_(pegawai))
    if tahun is not None:
        skp = skp.where(Skp.tahun == tahun)
    hasil: dict[str, list[Baris]] = {}
    daftar = semua_jenis()
    for i, jenis in enumerate(daftar):
        if jenis.tabel == "kantor":
            hasil[jenis.tabel] = _rows(session, jenis, [jenis.table.c.id == kid])
        else:
            hasil[jenis.tabel] = _rows(session, jenis, _filter(jenis, pegawai, skp, unit, tahun))
        if kemajuan is not None and not kemajuan(i + 1, len(daftar)):
            break
    return hasil
