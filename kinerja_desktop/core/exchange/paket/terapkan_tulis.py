"""Bulk writing of a plan's rows with Core statements, in this database's ids, revisi kept as they came."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, bindparam, insert, update

from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.skema import Jenis, semua_jenis

_POTONG = 20_000  # rows per executemany
_BERULANG = frozenset({date, datetime, Decimal})


def kolom_tunda(jenis: Jenis) -> tuple[str, ...]:
    """References to the same sheet or a later one (induk, atasan, kepala unit, RHK atasan/asal).

    Inserted empty and filled in once every row exists, so the order of rows never matters.
    """
    posisi = {j.tabel: i for i, j in enumerate(semua_jenis())}
    sini = posisi[jenis.tabel]
    return tuple(k.nama for k in jenis.kolom if k.rujukan and posisi[k.rujukan] >= sini)


class Penulis:
    """Writes one table's rows: inserts, full updates, and the postponed references."""

    def __init__(self, conn: Connection, jenis: Jenis, peta: dict[str, str], tabel_peta: set[str]) -> None:
        self.conn = conn
        self.jenis = jenis
        self.peta = peta
        self.kolom = [k.nama for k in jenis.kolom]  # a row's values are in this order
        self.tunda = kolom_tunda(jenis)
        dipetakan = {"id"} if jenis.tabel in tabel_peta else set()
        dipetakan |= {k.nama for k in jenis.kolom if k.rujukan in tabel_peta}
        self._ids = [i for i, c in enumerate(self.kolom) if c in dipetakan]
        self._tunda_i = {i for i, c in enumerate(self.kolom) if c in self.tunda}
        self._id = self.kolom.index("id")
        dialect = conn.dialect
        self.cepat = dialect.name == "sqlite"
        table = jenis.table
        stmt = insert(table).values({c: bindparam(c) for c in self.kolom})
        compiled = stmt.compile(dialect=dialect)
        self.sql = str(compiled)
        urutan = list(compiled.positiontup or self.kolom)
        self._urutkan = itemgetter(*[self.kolom.index(c) for c in urutan])
        self._proses: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = []
        for i, c in enumerate(self.kolom):
            proses = table.c[c].type.dialect_impl(dialect).bind_processor(dialect)
            if proses is not None:
                self._proses.append((i, proses, {}))

    def nilai(self, row: Baris, *, kosongkan_tunda: bool) -> list[Any]:
        """The row's values in column order, ids mapped, postponed references emptied if asked."""
        peta = self.peta
        out = list(row)
        for i in self._ids:
            v = out[i]
            if v is not None and v in peta:
                out[i] = peta[v]
        if kosongkan_tunda:
            for i in self._tunda_i:
                out[i] = None
        return out

    def _siap(self, vals: list[Any]) -> tuple[Any, ...]:
        """The values as the driver takes them (each column type's own bind processor)."""
        for i, proses, memo in self._proses:
            v = vals[i]
            if v is None:
                continue
            if type(v) in _BERULANG:  # dates, times and decimals repeat a lot; their processors are slow
                hasil = memo.get(v, memo)
                if hasil is memo:
                    hasil = memo[v] = proses(v)
                vals[i] = hasil
            else:
                vals[i] = proses(v)
        hasil_tuple: tuple[Any, ...] = self._urutkan(vals)
        return hasil_tuple

    def sisipkan(self, rows: list[Baris]) -> None:
        for a in range(0, len(rows), _POTONG):
            potong = rows[a : a + _POTONG]
            if self.cepat:
                data = [self._siap(self.nilai(r, kosongkan_tunda=True)) for r in potong]
                self.conn.exec_driver_sql(self.sql, data)
            else:
                dicts = [
                    dict(zip(self.kolom, self.nilai(r, kosongkan_tunda=True), strict=True)) for r in potong
                ]
                self.conn.execute(insert(self.jenis.table), dicts)

    def perbarui(self, rows: list[Baris]) -> None:
        """Every column of each row (postponed references too: every target exists by now)."""
        if not rows:
            return
        t = self.jenis.table
        lain = [c for c in self.kolom if c != "id"]
        stmt = update(t).where(t.c.id == bindparam("b_id")).values({c: bindparam(f"v_{c}") for c in lain})
        data = []
        for r in rows:
            vals = dict(zip(self.kolom, self.nilai(r, kosongkan_tunda=False), strict=True))
            data.append({"b_id": vals.pop("id"), **{f"v_{c}": v for c, v in vals.items()}})
        for a in range(0, len(data), _POTONG):
            self.conn.execute(stmt, data[a : a + _POTONG])

    def isi_tunda(self, rows: list[Baris]) -> None:
        """Fill the postponed references of inserted rows."""
        if not self.tunda or not rows:
            return
        t = self.jenis.table
        stmt = (
            update(t).where(t.c.id == bindparam("b_id")).values({c: bindparam(f"v_{c}") for c in self.tunda})
        )
        posisi = [self.kolom.index(c) for c in self.tunda]
        data = []
        for r in rows:
            vals = self.nilai(r, kosongkan_tunda=False)
            if any(vals[i] is not None for i in posisi):
                nilai = {f"v_{c}": vals[i] for c, i in zip(self.tunda, posisi, strict=True)}
                data.append({"b_id": vals[self._id], **nilai})
        for a in range(0, len(data), _POTONG):
            self.conn.execute(stmt, data[a : a + _POTONG])
