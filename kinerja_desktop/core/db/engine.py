"""Engine creation: SQLite pragmas (WAL, foreign keys, busy timeout) and friendly errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from kinerja_desktop.core.db.disconnect import server_unreachable
from kinerja_desktop.core.errors import DatabaseError
from kinerja_desktop.core.paths import POSIX, private_file


def make_engine(url: str, *, busy_timeout_ms: int = 5000, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys, WAL and a busy timeout on every connection.

    On POSIX a SQLite file is the user's alone (0600), set as each connection opens it, before anything
    is written into a new one; SQLite gives its -wal and -shm files the database file's mode. A server's
    pooled connections are tested before use (``pool_pre_ping``): a server restarted, or a connection
    dropped by the network while the app stood open, costs a reconnect instead of an error.
    """
    if make_url(url).get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        database = _database_file(engine.url.database)

        def on_connect(dbapi_connection: Any, _record: Any) -> None:
            if database is not None:
                for path in (database, *_companions(database)):
                    private_file(path)
            _sqlite_pragmas(dbapi_connection, busy_timeout_ms)

        event.listen(engine, "connect", on_connect)
    return engine


def _database_file(name: str | None) -> Path | None:
    """The file behind a SQLite URL's database, or None (in memory, or not on POSIX)."""
    if not POSIX or not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def _companions(database: Path) -> tuple[Path, ...]:
    return tuple(database.with_name(database.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def _sqlite_pragmas(dbapi_connection: Any, busy_timeout_ms: int) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def translate_db_error(exc: BaseException, url: URL | None = None) -> DatabaseError | None:
    """A clerk-readable DatabaseError for known storage failures, or None for anything else.

    A connection to a server (``url``, when known) that is lost or cannot be made is
    ``ServerTidakTerjangkau`` naming that server.
    """
    lost = server_unreachable(exc, url)
    if lost is not None:
        return lost
    if not isinstance(exc, OperationalError | DBAPIError):
        return None
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError(
            "Basis data sedang dipakai oleh program lain sehingga perubahan tidak disimpan.",
            saran="Tutup jendela Kinerja Desktop lain yang membuka data yang sama, lalu coba lagi.",
        )
    if "disk" in text and ("full" in text or "space" in text):
        return DatabaseError(
            "Penyimpanan komputer penuh (disk penuh) sehingga perubahan tidak disimpan. "
            "Data lama tetap utuh.",
            saran="Kosongkan ruang penyimpanan paling sedikit sebesar berkas basis data (hapus atau "
            "pindahkan berkas yang tidak perlu), lalu coba lagi.",
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseError(
            "Berkas basis data hanya bisa dibaca sehingga perubahan tidak disimpan.",
            saran="Periksa izin folder data atau hubungi petugas TI.",
        )
    if "unable to open" in text:
        return DatabaseError(
            "Berkas basis data tidak bisa dibuka untuk ditulis.",
            saran="Periksa apakah folder data masih ada dan boleh ditulis (izin folder, flash disk yang "
            "dicabut), lalu buka aplikasi lagi.",
        )
    if "not a database" in text or "malformed" in text:
        return DatabaseError(
            "Berkas basis data rusak.",
            saran="Pulihkan dari cadangan terakhir (menu Cadangan atau perintah 'kinerja-desktop restore').",
        )
    return None


def begin_sqlite_now(connection: Connection, *, immediate: bool = False) -> None:
    """On SQLite, open the database transaction now when the Python driver has not yet (it does so only
    at the first write); ``immediate`` also takes the write lock now (``BEGIN IMMEDIATE``, waiting out
    another writer within the busy timeout). Nothing on other back ends or inside an open transaction."""
    if connection.dialect.name != "sqlite":
        return
    dbapi = connection.connection.dbapi_connection
    if not getattr(dbapi, "in_transaction", True):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
