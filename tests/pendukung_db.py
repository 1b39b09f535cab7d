"""Test support for looking into a data folder's database directly, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pendukung_pg import server_url
from sqlalchemy import Connection, CursorResult, select

from kinerja_desktop.core.db.engine import make_engine
from kinerja_desktop.core.db.models import Base
from kinerja_desktop.core.paths import AppPaths

#: True when this run's databases are on a PostgreSQL server (``KINERJA_TEST_DATABASE_URL``).
DI_POSTGRES = server_url() is not None


class Raw:
    """``execute(sql, params)`` with ``?`` placeholders, as ``sqlite3`` takes them, on either back end."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> CursorResult[Any]:
        if self.conn.dialect.name != "sqlite":
            sql = sql.replace("?", "%s")
        return self.conn.exec_driver_sql(sql, tuple(params))


@contextmanager
def basis_data(folder: Path) -> Iterator[Raw]:
    """The database of the data folder ``folder``, in one transaction committed at the end."""
    engine = make_engine(AppPaths(folder).database_url())
    try:
        with engine.begin() as conn:
            yield Raw(conn)
    finally:
        engine.dispose()


def sidik_basis_data(folder: Path) -> str:
    """A fingerprint of the database of ``folder``: the SQLite file's bytes, or on a server every row of
    every table (equal means nothing was written)."""
    if not DI_POSTGRES:
        return hashlib.sha256((folder / "kinerja.sqlite3").read_bytes()).hexdigest()
    digest = hashlib.sha256()
    engine = make_engine(AppPaths(folder).database_url())
    try:
        with engine.connect() as conn:
            for table in sorted(Base.metadata.tables.values(), key=lambda t: t.name):
                rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
                digest.update(f"{table.name}:{rows!r}".encode())
    finally:
        engine.dispose()
    return digest.hexdigest()
