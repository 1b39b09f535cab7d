"""Bulk reads and writes that each back end does its own fastest way: COPY and arrays on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    String,
    Table,
    any_,
    bindparam,
    cast,
    insert,
    literal,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.types import NullType

from kinerja_desktop.core.db.background_writes import running

#: Values per ``IN (...)`` on SQLite (under its old 999-parameter limit); per array on PostgreSQL.
BLOK_SQLITE = 900
BLOK_ARRAY = 20_000


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def blocks(conn: Connection, values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """``values`` in blocks of the size one ``in_values`` condition takes on this back end.

    On PostgreSQL the rest of the transaction plans each statement for its own values
    (``plan_cache_mode``): psycopg prepares a statement run five times, and the server's generic plan
    of ``= ANY($1)``, made without knowing the array, scanned the whole table comparing each row with
    every value of the array (13 seconds for one block of 5,000 base entries, measured); planned with
    the array in hand it looks the values up (tens of milliseconds).
    """
    if is_sqlite(conn):
        n = BLOK_SQLITE
    else:
        n = BLOK_ARRAY
        if values:
            conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
    for a in range(0, len(values), n):
        yield values[a : a + n]


def in_values(conn: Connection, column: ColumnElement[Any], values: Sequence[Any]) -> ColumnElement[bool]:
    """``column IN values`` for one of the ``blocks``.

    SQLite takes an ``IN`` list of up to 900 parameters. PostgreSQL gets one array parameter
    (``column = ANY(%s)``) of up to 20,000: one statement instead of 22 and an index lookup for each
    value, where an ``IN`` of 900 parameters compared every row of the table with each of them (two
    seconds apiece on a table of 250,000 base entries).
    """
    if is_sqlite(conn):
        return column.in_(values)
    if all(type(v) is str for v in values):
        # Texts (ids): the array as one text the server reads as the parameter's value; the driver's
        # array encoder takes a second or two per 250,000 values. Cast from an untyped parameter, so
        # the value is an array constant (cast from a text, it was converted row by row, unhashed).
        teks = "{" + ",".join(map(_elemen, values)) + "}"
        return column == any_(cast(bindparam(None, teks, type_=NullType()), ARRAY(String())))
    return column == any_(literal(list(values), ARRAY(column.type)))


def _elemen(v: str) -> str:
    """One text in PostgreSQL's array syntax: quoted, backslash and quote escaped."""
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _larik(values: Iterable[str | None]) -> str:
    """Texts (or None) as one PostgreSQL array literal."""
    return "{" + ",".join("NULL" if v is None else _elemen(v) for v in values) + "}"


def update_texts(
    conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[str | None]]
) -> None:
    """Set text ``columns`` (ids, mostly) of the rows whose id is each row's first value to its other values.

    SQLite: one ``executemany`` of an UPDATE by id. PostgreSQL: one ``UPDATE … FROM unnest(…)`` a block
    of 20,000 rows, the values sent as one array text a column, where an UPDATE a row cost the server a
    statement each (17,000 of them for the RHK of a 3,000-pegawai office: about a second).
    """
    if not rows:
        return
    if is_sqlite(conn):
        nilai: dict[str, Any] = {c: bindparam(f"v_{c}") for c in columns}
        stmt = update(table).where(table.c.id == bindparam("b_id")).values(nilai)
        data = [{"b_id": r[0], **{f"v_{c}": v for c, v in zip(columns, r[1:], strict=True)}} for r in rows]
        for a in range(0, len(data), BLOK_ARRAY):
            conn.execute(stmt, data[a : a + BLOK_ARRAY])
        return
    quote = conn.dialect.identifier_preparer.quote
    semua = ("id", *columns)
    kolom = ", ".join(f"unnest(CAST(%s AS text[])) AS {quote('v_' + c)}" for c in semua)
    isi = ", ".join(f"{quote(c)} = v.{quote('v_' + c)}" for c in columns)
    nama = quote(table.name)
    sql = f"UPDATE {nama} SET {isi} FROM (SELECT {kolom}) AS v WHERE {nama}.id = v.v_id"
    for a in range(0, len(rows), BLOK_ARRAY):
        blok = rows[a : a + BLOK_ARRAY]
        conn.exec_driver_sql(sql, tuple(_larik(r[i] for r in blok) for i in range(len(semua))))


def bind_processors(conn: Connection, table: Table, columns: Sequence[str]) -> list[Callable[[Any], Any]]:
    """Each column's own conversion of a Python value into what the driver takes (identity when none)."""
    dialect = conn.dialect
    out: list[Callable[[Any], Any]] = []
    for c in columns:
        proses = table.c[c].type.dialect_impl(dialect).bind_processor(dialect)
        out.append(proses if proses is not None else sama)
    return out


def sama(v: Any) -> Any:
    """The value unchanged: the conversion of a column whose type needs none."""
    return v


class BulkInsert:
    """Inserts rows given as tuples of driver values in ``columns`` order into ``table``.

    SQLite: one ``executemany`` of the compiled INSERT. PostgreSQL: ``COPY … FROM STDIN`` in the
    connection's transaction — one statement for all rows instead of one INSERT each, which is what a
    package's hundreds of thousands of rows, audit entries and base entries spent their time on (the
    driver's round of a statement per row on both sides). The values must already be what the driver
    takes (``bind_processors``); on PostgreSQL a JSON column may also get the JSON text itself.
    """

    def __init__(self, conn: Connection, table: Table, columns: Sequence[str]) -> None:
        self.conn = conn
        self.columns = tuple(columns)
        if is_sqlite(conn):
            compiled = insert(table).values({c: bindparam(c) for c in columns}).compile(dialect=conn.dialect)
            self.sql = str(compiled)
            urutan = tuple(compiled.positiontup or columns)
            ambil = itemgetter(*[self.columns.index(c) for c in urutan])
            # a tuple in the statement's order (the driver takes no lists), also from one column
            self._urutkan: Callable[[Sequence[Any]], tuple[Any, ...]] = (
                ambil if len(urutan) > 1 else lambda r: (ambil(r),)
            )
        else:
            quote = conn.dialect.identifier_preparer.quote
            kolom = ", ".join(quote(c) for c in columns)
            self.sql = f"COPY {quote(table.name)} ({kolom}) FROM STDIN"

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        """Insert ``rows``; while ``background_writes`` runs on the connection, the COPY goes to its
        worker thread (the rows made here first) and this returns at once."""
        if is_sqlite(self.conn):
            data = list(map(self._urutkan, rows))
            if data:
                self.conn.exec_driver_sql(self.sql, data)
            return
        latar = running(self.conn)
        if latar is None:
            self._copy(rows)
            return
        semua = list(rows)
        latar.submit(lambda: self._copy(semua))

    def _copy(self, rows: Iterable[Sequence[Any]]) -> None:
        raw = self.conn.connection.driver_connection  # psycopg's own connection, in this transaction
        assert raw is not None
        dbapi = self.conn.dialect.loaded_dbapi
        try:
            with raw.cursor() as cur, cur.copy(self.sql) as copy:
                for r in rows:
                    copy.write_row(r)
        except dbapi.Error as exc:  # as SQLAlchemy raises it for a statement (IntegrityError, …)
            raise DBAPIError.instance(self.sql, None, exc, dbapi.Error) from exc
