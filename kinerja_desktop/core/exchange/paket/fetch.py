"""Reading the rows a package carries out of the database (tombstones included), with Core selects."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import Evaluasi, Indikator, Kantor, Pegawai, Rhk, Skp, UnitKerja
from kinerja_desktop.core.errors import NotFound
from kinerja_desktop.core.exchange.paket.compact import Compactor
from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.schema import Jenis, jenis_tabel, semua_jenis

Kemajuan = Callable[[int, int], bool]  # (done, total) → False to cancel

#: Children of a pegawai, an SKP, an RHK or an evaluation: table → its parent column.
_ANAK_PEGAWAI = {"riwayat_jabatan", "riwayat_pangkat", "pelatihan", "tindak_lanjut"}
_ANAK_SKP = {"rhk", "lampiran_skp", "ekspektasi_perilaku", "evaluasi"}
_ANAK_RHK = {"indikator", "rencana_aksi", "bukti_dukung"}
_ANAK_EVALUASI = {"umpan_balik_rhk", "umpan_balik_perilaku"}


_POTONG = 20_000  # rows fetched at a time


def _rows(
    session: Session, jenis: Jenis, where: Iterable[ColumnElement[bool]], hemat: Compactor
) -> list[Baris]:
    cols = [jenis.table.c[k.nama] for k in jenis.kolom]
    stmt: Select[tuple[object, ...]] = select(*cols).where(*where).order_by(jenis.table.c.id)
    hasil: list[Baris] = []
    hasil_db = session.connection().execute(stmt.execution_options(yield_per=_POTONG))  # Core: no ORM loading
    for potong in hasil_db.partitions():
        hasil.extend(hemat.baris(jenis, potong))
    return hasil


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


def fetch_paket_kantor(
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
    hemat = Compactor()
    daftar = semua_jenis()
    for i, jenis in enumerate(daftar):
        if jenis.tabel == "kantor":
            hasil[jenis.tabel] = _rows(session, jenis, [jenis.table.c.id == kid], hemat)
        else:
            hasil[jenis.tabel] = _rows(session, jenis, _filter(jenis, pegawai, skp, unit, tahun), hemat)
        if kemajuan is not None and not kemajuan(i + 1, len(daftar)):
            break
    return hasil


#: What a paket induk carries of the target office itself: its units, its staff and their records.
_INDUK_KANTOR = ("unit_kerja", "pegawai", "riwayat_jabatan", "riwayat_pangkat", "pelatihan")


def _leluhur(session: Session, unit_ids: set[str]) -> set[str]:
    """The units and every unit above them (the induk chain)."""
    semua = set(unit_ids)
    baru = set(unit_ids)
    while baru:
        induk = set(session.scalars(select(UnitKerja.induk_id).where(UnitKerja.id.in_(baru))))
        baru = {i for i in induk if i is not None} - semua
        semua |= baru
    return semua


def drop_outside_references(hasil: dict[str, list[Baris]]) -> None:
    """Blank (in place) every optional reference to a row the package does not carry, so nothing dangles."""
    ada = {tabel: {r.id for r in rows} for tabel, rows in hasil.items()}
    for tabel, rows in hasil.items():
        kolom = [k for k in jenis_tabel(tabel).kolom if k.rujukan and not k.wajib and k.rujukan in ada]
        for n, row in enumerate(rows):
            lepas = {
                k.nama: None
                for k in kolom
                if (v := row.get(k.nama)) is not None and v not in ada[k.rujukan]  # type: ignore[index]
            }
            if lepas:
                rows[n] = row.ganti(**lepas)


def fetch_paket_induk(
    session: Session, tujuan_kode: str, tahun: int | None = None, kemajuan: Kemajuan | None = None
) -> dict[str, list[Baris]]:
    """The master data an office needs from the central office (tombstones too).

    Its units and staff with their histories and training, every office, the BerAKHLAK master, and
    the superiors outside the office that its staff report to, with the units above them and their
    approved SKPs and RHK of ``tahun`` (all years when None), so the office can cascade from them.
    """
    kid = _kantor_id(session, tujuan_kode)
    staf = select(Pegawai.id).where(Pegawai.kantor_id == kid)
    atasan_luar = set(
        session.scalars(
            select(Pegawai.atasan_id).where(
                Pegawai.kantor_id == kid, Pegawai.atasan_id.is_not(None), Pegawai.atasan_id.not_in(staf)
            )
        )
    )
    atasan_luar.discard(None)
    unit_atasan = set(session.scalars(select(Pegawai.unit_kerja_id).where(Pegawai.id.in_(atasan_luar))))
    unit_kantor = set(session.scalars(select(UnitKerja.id).where(UnitKerja.kantor_id == kid)))
    unit_ids = _leluhur(session, unit_kantor | {u for u in unit_atasan if u is not None})
    skp = select(Skp.id).where(
        Skp.pegawai_id.in_(atasan_luar), Skp.status == "disetujui", Skp.dihapus_pada.is_(None)
    )
    if tahun is not None:
        skp = skp.where(Skp.tahun == tahun)
    saring: dict[str, list[ColumnElement[bool]]] = {
        "kantor": [],
        "perilaku": [],
        "unit_kerja": [UnitKerja.id.in_(unit_ids)],
        "pegawai": [Pegawai.id.in_(staf) | Pegawai.id.in_(atasan_luar)],
        "skp": [Skp.id.in_(skp)],
        "rhk": [Rhk.skp_id.in_(skp), Rhk.dihapus_pada.is_(None)],
    }
    hasil: dict[str, list[Baris]] = {}
    hemat = Compactor()
    daftar = semua_jenis()
    for i, jenis in enumerate(daftar):
        t = jenis.table.c
        if jenis.tabel in saring:
            hasil[jenis.tabel] = _rows(session, jenis, saring[jenis.tabel], hemat)
        elif jenis.tabel in _INDUK_KANTOR:
            hasil[jenis.tabel] = _rows(session, jenis, [t.pegawai_id.in_(staf)], hemat)
        else:
            hasil[jenis.tabel] = []
        if kemajuan is not None and not kemajuan(i + 1, len(daftar)):
            break
    drop_outside_references(hasil)
    return hasil
