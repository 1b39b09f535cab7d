"""What the database already holds for a package's rows (ids with revisi, keys, whole rows); a GC pause."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, func, select

from kinerja_desktop.core.db.bulk import blocks, in_values
from kinerja_desktop.core.exchange.paket.model import Baris, make_baris
from kinerja_desktop.core.exchange.paket.schema import Jenis

_PINDAI = 3  # scan the whole table when it holds at most this many times the rows asked about
_PINDAI_MAKS = 100_000  # … and marking rows by a scan needs a map of at most this many package ids


@contextmanager
def tanpa_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a package is planned or written.

    Planning and writing make millions of short-lived tuples next to the package's million rows; each
    full collection would walk all of them again. The work makes no reference cycles worth collecting.
    """
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()


def jumlah_baris(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def revisi_lokal(conn: Connection, table: Table, ids: Iterable[str]) -> dict[str, int]:
    """Of ``ids``, those the table holds, with their revisi."""
    n = jumlah_baris(conn, table)
    if n == 0:
        return {}
    dicari = set(ids)
    if not dicari:
        return {}
    if n <= _PINDAI * len(dicari):
        rows = conn.execute(select(table.c.id, table.c.revisi))
        return {r[0]: r[1] for r in rows if r[0] in dicari}
    hasil: dict[str, int] = {}
    for blok in blocks(conn, sorted(dicari)):
        stmt = select(table.c.id, table.c.revisi).where(in_values(conn, table.c.id, blok))
        hasil.update((r[0], r[1]) for r in conn.execute(stmt).all())
    return hasil


def tanda_lokal(conn: Connection, table: Table, ids: list[Any]) -> bytearray:
    """1 at each position of ``ids`` whose row the table holds, else 0 (a byte a row, however many)."""
    tanda = bytearray(len(ids))
    n = jumlah_baris(conn, table)
    if n == 0:
        return tanda
    if n <= _PINDAI * len(ids) and len(ids) <= _PINDAI_MAKS:
        posisi: dict[str, int] = {}
        for i, v in enumerate(ids):
            if type(v) is str:
                posisi.setdefault(v, i)  # an id twice: the later copy is invalid anyway
        for (rid,) in conn.execute(select(table.c.id)):
            j = posisi.get(rid)
            if j is not None:
                tanda[j] = 1
        return tanda
    urut = sorted((v, i) for i, v in enumerate(ids) if type(v) is str)
    for potong in blocks(conn, urut):
        blok: dict[str, int] = {}
        for v, i in potong:
            blok.setdefault(v, i)
        for (rid,) in conn.execute(select(table.c.id).where(in_values(conn, table.c.id, list(blok)))).all():
            tanda[blok[rid]] = 1
    return tanda


def ada_lokal(conn: Connection, table: Table, ids: Iterable[str]) -> set[str]:
    """Of ``ids``, those the table holds."""
    daftar = list(ids)
    return {v for v, ada in zip(daftar, tanda_lokal(conn, table, daftar), strict=True) if ada}


def kunci_lokal(
    conn: Connection, table: Table, kolom: tuple[str, ...], awal: set[Any]
) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(business key, local id) of the rows whose first key column is one of ``awal`` (and maybe others).

    Yielded as read, so a caller holding the package's keys never holds all of ours too.
    """
    n = jumlah_baris(conn, table) if awal else 0
    if n == 0:
        return
    cols = [table.c[k] for k in kolom]
    stmt = select(table.c.id, *cols)
    if n <= _PINDAI * len(awal):
        for r in conn.execute(stmt):
            yield tuple(r[1:]), r[0]
        return
    for blok in blocks(conn, sorted(awal, key=str)):
        for r in conn.execute(stmt.where(in_values(conn, cols[0], blok))).all():
            yield tuple(r[1:]), r[0]


def baris_lokal(conn: Connection, jenis: Jenis, ids: Iterable[str]) -> dict[str, Baris]:
    """The whole rows (every package column) of ``ids`` as this database holds them."""
    t = jenis.table
    cols = [t.c[k.nama] for k in jenis.kolom]
    kelas = jenis.kelas
    hasil: dict[str, Baris] = {}
    for blok in blocks(conn, sorted(set(ids))):
        for r in conn.execute(select(*cols).where(in_values(conn, t.c.id, blok))).all():
            row = make_baris(kelas, r)
            hasil[row.id] = row
    return hasil
