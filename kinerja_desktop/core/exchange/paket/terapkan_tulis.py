"""Bulk writing of a plan's rows with Core statements, in this database's ids, revisi kept as they came."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, insert, update

from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.rencana_klasifikasi import kolom_id
from kinerja_desktop.core.exchange.paket.skema import Jenis, semua_jenis

_POTONG = 20_000  # rows per executemany


def kolom_tunda(jenis: Jenis) -> tuple[str, ...]:
    """References to the same sheet or a later one (induk, atasan, kepala unit, RHK atasan/asal).

    Inserted empty and filled in once every row exists, so the order of rows never matters.
    """
    posisi = {j.tabel: i for i, j in enumerate(semua_jenis())}
    sini = posisi[jenis.tabel]
    return tuple(k.nama for k in jenis.kolom if k.rujukan and posisi[k.rujukan] >= sini)


class Penulis:
    """Writes one table's rows: inserts, full updates, and the postponed references."""

    def __init__(self, conn: Connection, jenis: Jenis, peta: dict[str, str]) -> None:
        self.conn = conn
        self.jenis = jenis
        self.peta = peta
        self.kolom = [k.nama for k in jenis.kolom]
        self.tunda = kolom_tunda(jenis)
        self._ids = {i for i, c in enumerate(self.kolom) if c in kolom_id(jenis)}
        self._tunda_i = {i for i, c in enumerate(self.kolom) if c in self.tunda}
        self._id = self.kolom.index("id")
        dialect = conn.dialect
        self.cepat = dialect.name == "sqlite"
        table = jenis.table
        stmt = insert(table).values({c: bindparam(c) for c in self.kolom})
        compiled = stmt.compile(dialect=dialect)
        self.sql = str(compiled)
        urutan = list(compiled.positiontup or self.kolom)
        self._posisi = [self.kolom.index(c) for c in urutan]
        self._proses: list[Callable[[Any], Any] | None] = [
            table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in self.kolom
        ]
        self._memo: dict[tuple[int, Any], Any] = {}

    def nilai(self, row: Baris, *, kosongkan_tunda: bool) -> list[Any]:
        """The row's values in column order, ids mapped, postponed references emptied if asked."""
        peta = self.peta
        out = [row.get(c) for c in self.kolom]
        for i in self._ids:
            v = out[i]
            if v is not None and v in peta:
                out[i] = peta[v]
        if kosongkan_tunda:
            for i in self._tunda_i:
                out[i] = None
        return out

    def _siap(self, vals: list[Any]) -> tuple[Any, ...]:
        memo = self._memo
        for i, proses in enumerate(self._proses):
            v = vals[i]
            if proses is None or v is None:
                continue
            if isinstance(v, date):  # dates repeat a lot and their processors are slow
                kunci = (i, v)
                hasil = memo.get(kunci)
                if hasil is None:
                    hasil = memo[kunci] = proses(v)
                vals[i] = hasil
            else:
                vals[i] = proses(v)
        return tuple(vals[i] for i in self._posisi)

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
