"""What travels in a package: one sheet per kind of row, in the order rows must be applied."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, LargeBinary, Numeric, Table, UniqueConstraint
from sqlalchemy.sql.schema import Column

from kinerja_desktop.core.db import models
from kinerja_desktop.core.db.base import Base, UtcDateTime
from kinerja_desktop.core.exchange.paket.model import Baris, kelas_baris, make_baris

#: Identity and sync columns, written after the data columns and grouped to the side.
KOLOM_TEKNIS = ("id", "kantor_asal", "revisi", "diubah_pada", "dihapus_pada")


class TipeKolom(StrEnum):
    """How a cell is written and read back."""

    TEKS = "teks"
    BULAT = "bulat"
    DESIMAL = "desimal"
    TANGGAL = "tanggal"
    WAKTU = "waktu"  # UTC date-time
    BOOLEAN = "boolean"
    JSON = "json"


@dataclass(frozen=True)
class Kolom:
    nama: str  # the column name in the database
    judul: str  # the Indonesian header in the sheet
    tipe: TipeKolom
    wajib: bool  # NOT NULL in the database
    rujukan: str | None  # the table a foreign key points to
    teknis: bool
    isi_wajib: bool = False  # a text the application never leaves empty ("" is invalid too)


@dataclass(frozen=True)
class Jenis:
    """One kind of travelling row: its table, its sheet and its columns (data first, then technical)."""

    tabel: str
    lembar: str
    kolom: tuple[Kolom, ...]
    kunci_bisnis: tuple[tuple[str, ...], ...]  # unique constraints other than the id

    def kolom_bernama(self, nama: str) -> Kolom:
        return next(k for k in self.kolom if k.nama == nama)

    @cached_property
    def nama_kolom(self) -> tuple[str, ...]:
        return tuple(k.nama for k in self.kolom)

    @cached_property
    def kelas(self) -> type[Baris]:
        """The class of this sheet's rows (values in ``kolom`` order)."""
        return kelas_baris(self.tabel, self.nama_kolom)

    def indeks(self, nama: str) -> int:
        """The position of column ``nama`` in a row."""
        return self.kelas._indeks[nama]

    def baris(self, **nilai: Any) -> Baris:
        """A row of this sheet from named values (the columns not named are None)."""
        salah = set(nilai) - set(self.nama_kolom)
        if salah:
            raise KeyError(f"Kolom tidak dikenal di {self.tabel}: {', '.join(sorted(salah))}")
        return make_baris(self.kelas, [nilai.get(n) for n in self.nama_kolom])

    @property
    def table(self) -> Table:
        return Base.metadata.tables[self.tabel]


#: Sheets in apply order (a row's references come earlier, or from the same sheet).
URUTAN: tuple[tuple[type[Base], str], ...] = (
    (models.Kantor, "Kantor"),
    (models.UnitKerja, "Unit Kerja"),
    (models.Pegawai, "Pegawai"),
    (models.RiwayatJabatan, "Riwayat Jabatan"),
    (models.RiwayatPangkat, "Riwayat Pangkat"),
    (models.Pelatihan, "Pelatihan"),
    (models.Perilaku, "Perilaku Kerja"),
    (models.Skp, "SKP"),
    (models.Rhk, "RHK"),
    (models.Indikator, "Indikator"),
    (models.LampiranSkp, "Lampiran SKP"),
    (models.EkspektasiPerilaku, "Ekspektasi Pimpinan"),
    (models.RencanaAksi, "Rencana Aksi"),
    (models.Realisasi, "Realisasi"),
    (models.BuktiDukung, "Bukti Dukung"),
    (models.CapaianUnit, "Capaian Organisasi"),
    (models.Evaluasi, "Evaluasi"),
    (models.UmpanBalikRhk, "Umpan Balik RHK"),
    (models.UmpanBalikPerilaku, "Umpan Balik Perilaku"),
    (models.TindakLanjut, "Tindak Lanjut"),
)

_JUDUL_KHUSUS = {
    "id": "ID",
    "nip": "NIP",
    "skp_id": "ID SKP",
    "rhk_id": "ID RHK",
    "rhk_atasan_id": "ID RHK Atasan",
    "asal_id": "ID RHK Asal",
    "kantor_asal": "Kantor Asal",
    "diubah_pada": "Diubah Pada (UTC)",
    "dihapus_pada": "Dihapus Pada (UTC)",
    "difinalkan_pada": "Difinalkan Pada (UTC)",
    "diajukan_pada": "Diajukan Pada (UTC)",
    "disetujui_pada": "Disetujui Pada (UTC)",
    "sha256": "SHA-256",
    "tmt_cpns": "TMT CPNS",
    "tmt_golongan": "TMT Golongan",
    "tmt_jabatan": "TMT Jabatan",
    "tmt": "TMT",
    "jp": "JP",
    "is_pusat": "Kantor Pusat",
    "email": "E-mail",
}

#: Texts the application never leaves empty (NOT NULL alone allows ""): what the services refuse as
#: "… wajib diisi" (kantor, unit kerja, pegawai, pelatihan, RHK, indikator, lampiran, rencana aksi) and
#: the codes every row is created with (status, jenis, periode, pendekatan).
ISI_WAJIB: dict[str, frozenset[str]] = {
    "kantor": frozenset({"kode", "nama", "tempat"}),
    "unit_kerja": frozenset({"nama"}),
    "pegawai": frozenset({"nip", "nama", "status_kepegawaian", "status_aktif"}),
    "pelatihan": frozenset({"nama"}),
    "perilaku": frozenset({"nama"}),
    "skp": frozenset({"pendekatan", "jenis_form", "status"}),
    "rhk": frozenset({"jenis", "teks"}),
    "indikator": frozenset({"teks"}),
    "lampiran_skp": frozenset({"jenis", "teks"}),
    "rencana_aksi": frozenset({"periode", "teks"}),
    "realisasi": frozenset({"periode"}),
    "bukti_dukung": frozenset({"periode", "jenis"}),
    "capaian_organisasi": frozenset({"periode"}),
    "evaluasi": frozenset({"periode", "status"}),
}

#: Columns that never travel (pictures are kept where they were taken).
_TIDAK_IKUT = {("pegawai", "foto"), ("kantor", "logo")}


def _judul(nama: str) -> str:
    if nama in _JUDUL_KHUSUS:
        return _JUDUL_KHUSUS[nama]
    if nama.endswith("_id"):
        return "ID " + nama[:-3].replace("_", " ").title()
    return nama.replace("_", " ").capitalize()


def _tipe(col: Column[object]) -> TipeKolom:
    t = col.type
    if isinstance(t, UtcDateTime):
        return TipeKolom.WAKTU
    if isinstance(t, Boolean):
        return TipeKolom.BOOLEAN
    if isinstance(t, Date):
        return TipeKolom.TANGGAL
    if isinstance(t, Numeric):
        return TipeKolom.DESIMAL
    if isinstance(t, Integer):
        return TipeKolom.BULAT
    if isinstance(t, JSON):
        return TipeKolom.JSON
    return TipeKolom.TEKS


def _kolom(table: Table, col: Column[object]) -> Kolom:
    fk = next(iter(col.foreign_keys), None)
    return Kolom(
        col.name,
        _judul(col.name),
        _tipe(col),
        not col.nullable,
        str(fk.column.table.name) if fk is not None else None,
        col.name in KOLOM_TEKNIS,
        col.name in ISI_WAJIB.get(table.name, ()),
    )


def _jenis(model: type[Base], lembar: str) -> Jenis:
    table = model.__table__
    assert isinstance(table, Table)
    ikut = [c for c in table.columns if (table.name, c.name) not in _TIDAK_IKUT]
    cols = [c for c in ikut if not isinstance(c.type, LargeBinary)]
    data = [_kolom(table, c) for c in cols if c.name not in KOLOM_TEKNIS]
    teknis = [_kolom(table, table.columns[n]) for n in KOLOM_TEKNIS]
    kunci = tuple(
        tuple(c.name for c in con.columns) for con in table.constraints if isinstance(con, UniqueConstraint)
    )
    kunci += tuple((c.name,) for c in table.columns if c.unique)
    nama = str(table.name)  # a plain str: the driver checks a str subclass for adapters on every row
    return Jenis(nama, lembar, (*data, *teknis), tuple(dict.fromkeys(kunci)))


@cache
def semua_jenis() -> tuple[Jenis, ...]:
    """Every kind of travelling row, in apply order."""
    return tuple(_jenis(model, lembar) for model, lembar in URUTAN)


@cache
def tabel_dirujuk() -> frozenset[str]:
    """The tables some column refers to."""
    return frozenset(k.rujukan for j in semua_jenis() for k in j.kolom if k.rujukan)


def jenis_tabel(tabel: str) -> Jenis:
    return next(j for j in semua_jenis() if j.tabel == tabel)
