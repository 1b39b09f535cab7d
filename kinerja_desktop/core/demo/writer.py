"""Fast bulk writer: buffers plain rows per table and inserts them in parent-first order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table, bindparam, insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.base import Base
from kinerja_desktop.core.db.models import (
    BuktiDukung,
    CapaianUnit,
    EkspektasiPerilaku,
    Evaluasi,
    Indikator,
    LampiranSkp,
    Pegawai,
    Pelatihan,
    Realisasi,
    RencanaAksi,
    Rhk,
    RiwayatJabatan,
    RiwayatPangkat,
    Skp,
    TindakLanjut,
    UmpanBalikPerilaku,
    UmpanBalikRhk,
    UnitKerja,
)

#: Insert order: every table after the tables it points to (rows within a table keep their order).
URUTAN: tuple[type[Base], ...] = (
    UnitKerja,
    Pegawai,
    RiwayatJabatan,
    RiwayatPangkat,
    Pelatihan,
    CapaianUnit,
    Skp,
    Rhk,
    Indikator,
    LampiranSkp,
    EkspektasiPerilaku,
    RencanaAksi,
    Realisasi,
    BuktiDukung,
    Evaluasi,
    UmpanBalikRhk,
    UmpanBalikPerilaku,
    TindakLanjut,
)

#: Page cache (KiB) while writing; SQLite only takes what the data needs.
CACHE_KIB = 262_144

_Proses = Callable[[Any], Any]


class _Tabel:
    """One table's insert statement, column defaults and value converters."""

    def __init__(self, table: Table, conn: Connection, sync: dict[str, Any]) -> None:
        dialect = conn.dialect
        self.table = table
        self.cepat = dialect.name == "sqlite"
        stmt = insert(table).values({c.name: bindparam(c.name) for c in table.c})
        compiled = stmt.compile(dialect=dialect)
        self.sql = str(compiled)
        urutan = list(compiled.positiontup or [c.name for c in table.c])
        self.ambil = itemgetter(*urutan)
        self.proses: dict[str, _Proses] = {}
        self.bawaan_mentah: dict[str, Any] = {}
        for col in table.c:
            nilai = self._bawaan(col, sync)
            if nilai is not _WAJIB:
                self.bawaan_mentah[col.name] = nilai
            proses = col.type.dialect_impl(dialect).bind_processor(dialect)
            if proses is not None:
                self.proses[col.name] = proses
        self.bawaan = {k: self._convert(k, v) for k, v in self.bawaan_mentah.items()}
        self.baris: list[dict[str, Any]] = []
        self._memo: dict[tuple[str, Any], Any] = {}

    @staticmethod
    def _bawaan(col: Column[Any], sync: dict[str, Any]) -> Any:
        if col.name in sync:
            return sync[col.name]
        default = col.default
        if default is not None and getattr(default, "is_scalar", False):
            return getattr(default, "arg", None)
        if col.nullable and not col.primary_key:
            return None
        return _WAJIB

    def _convert(self, kolom: str, nilai: Any) -> Any:
        proses = self.proses.get(kolom)
        return nilai if proses is None or nilai is None else proses(nilai)

    def tuple_siap(self, baris: dict[str, Any]) -> tuple[Any, ...]:
        gabung = {**self.bawaan, **baris}
        memo = self._memo
        for kolom, proses in self.proses.items():
            nilai = baris.get(kolom)
            if nilai is None:
                continue
            if isinstance(nilai, date):  # dates and datetimes repeat a lot; their processors are slow
                kunci = (kolom, nilai)
                hasil = memo.get(kunci)
                if hasil is None:
                    hasil = memo[kunci] = proses(nilai)
                gabung[kolom] = hasil
            else:
                gabung[kolom] = proses(nilai)
        hasil_tuple: tuple[Any, ...] = self.ambil(gabung)
        return hasil_tuple


class _Wajib:
    """Marker: the column has no default and must be given."""


_WAJIB = _Wajib()


class Penulis:
    """Collects rows (dicts of column values) and inserts them in bulk inside the caller's transaction.

    Every row gets the sync columns (``kantor_asal``, ``revisi`` 1, a fixed ``diubah_pada``,
    ``dihapus_pada`` empty) and the model's scalar column defaults unless it gives its own values.
    On SQLite the rows go straight to the driver's ``executemany`` after each value has passed the
    column type's own bind processor (so the stored text is what SQLAlchemy itself would write);
    other databases use a Core ``insert`` with the same rows.
    """

    def __init__(self, session: Session, kantor_kode: str, waktu: datetime, batas: int = 40_000) -> None:
        self._conn = session.connection()
        self._sync = {"kantor_asal": kantor_kode, "revisi": 1, "diubah_pada": waktu, "dihapus_pada": None}
        self._tabel: dict[type[Base], _Tabel] = {}
        self._batas = batas
        self._antre = 0
        self.jumlah: dict[str, int] = {}
        self._cache_lama: int | None = None
        if self._conn.dialect.name == "sqlite":
            # A larger page cache keeps the random-uuid indexes in memory while a big demo is written.
            self._cache_lama = int(self._conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
            self._conn.exec_driver_sql(f"PRAGMA cache_size = {-CACHE_KIB}")

    def add(self, model: type[Base], baris: dict[str, Any]) -> None:
        """Queue one row (written by ``titik_aman`` or ``kirim``)."""
        tabel = self._tabel.get(model)
        if tabel is None:
            tabel = self._tabel[model] = _Tabel(model.__table__, self._conn, self._sync)  # type: ignore[arg-type]
        tabel.baris.append(baris)
        self._antre += 1

    def titik_aman(self) -> None:
        """Write the queues if they are full; call only when every queued row's parent is queued too."""
        if self._antre >= self._batas:
            self.flush()

    def flush(self) -> None:
        """Write every queued row, parents before children."""
        for model in URUTAN:
            tabel = self._tabel.get(model)
            if tabel is None or not tabel.baris:
                continue
            nama = tabel.table.name
            self.jumlah[nama] = self.jumlah.get(nama, 0) + len(tabel.baris)
            if tabel.cepat:
                self._conn.exec_driver_sql(tabel.sql, [tabel.tuple_siap(b) for b in tabel.baris])
            else:
                self._conn.execute(insert(tabel.table), [{**tabel.bawaan_mentah, **b} for b in tabel.baris])
            tabel.baris.clear()
        self._antre = 0

    def selesai(self) -> None:
        """Write what is left and give the connection its usual page cache back."""
        self.flush()
        if self._cache_lama is not None:
            self._conn.exec_driver_sql(f"PRAGMA cache_size = {self._cache_lama}")
            self._cache_lama = None
