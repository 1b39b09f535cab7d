"""Restore a server database from pg_dump's archive in one transaction: all of it, or nothing.

pg_restore only translates the archive into SQL; the app runs that SQL itself, in one transaction that
first drops the app's own tables. ``pg_restore --clean --single-transaction`` alone drops just what the
archive holds, so an archive of an older schema (the backup taken before an upgrade) would meet the
newer tables and keys and fail. A table another computer is using makes the transaction give up after
``LOCK_TIMEOUT_S`` instead of waiting for ever; every failure rolls the whole restore back.
"""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.pool import NullPool

from kinerja_desktop.core.db.models import Base
from kinerja_desktop.core.errors import DatabaseError

LOCK_TIMEOUT_S = 15
RESTORE_TIMEOUT_S = 3600
#: psql's lines in pg_restore's SQL that guard a script read by psql; nothing for the server to run.
_PSQL_GUARDS = (b"\\restrict ", b"\\unrestrict ")


class DatabaseInUse(DatabaseError):
    """Another computer holds the database's tables; the restore was rolled back, nothing changed."""


def other_sessions(engine: Engine) -> int:
    """How many other connections (other computers, other windows) the database has right now."""
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                )
            ).scalar()
            or 0
        )


def own_tables(engine: Engine) -> list[str]:
    """The app's tables the database holds now (those of this version, and Alembic's)."""
    ours = set(Base.metadata.tables) | {"alembic_version"}
    with engine.connect() as conn:
        return sorted(ours & set(inspect(conn).get_table_names()))


def restore_dump(
    engine: Engine, archive: Path, pg_restore: Path, lock_timeout_s: int = LOCK_TIMEOUT_S
) -> None:
    """Replace the app's tables in the database behind ``engine`` with the archive's, all or nothing.

    The archive must have been checked (``server_backup.check_dump``). Runs on a connection of its own,
    closed afterwards (the archive's SQL changes the session's settings).
    """
    drop = own_tables(engine)
    own = create_engine(engine.url, poolclass=NullPool, connect_args={"connect_timeout": 10})
    raw = own.raw_connection()
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [
                str(pg_restore),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--file=-",
                str(archive),
            ],
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        assert proc.stdout is not None
        try:
            connection: Any = raw.driver_connection
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = '{int(lock_timeout_s)}s'")
                if drop:
                    cursor.execute("DROP TABLE IF EXISTS " + ", ".join(f'public."{t}"' for t in drop))
                _run_script(cursor, proc.stdout)
            code = proc.wait(timeout=RESTORE_TIMEOUT_S)
            if code != 0:
                errors.seek(0)
                raise _failed(errors.read().decode("utf-8", "replace") or f"kode keluar {code}")
            connection.commit()
        except BaseException as exc:
            with contextlib.suppress(Exception):  # a broken connection has rolled back already
                raw.driver_connection.rollback()  # type: ignore[union-attr]
            proc.kill()
            proc.wait()
            raise _translate(exc, engine) from exc
        finally:
            proc.stdout.close()
            raw.close()
            own.dispose()


def _run_script(cursor: Any, lines: Iterator[bytes]) -> None:
    """Run pg_restore's SQL: the statements between COPY blocks in one go each, every COPY block's
    rows streamed to the server."""
    pending: list[bytes] = []
    for line in lines:
        if line.startswith(_PSQL_GUARDS) or line.startswith(b"SET lock_timeout"):
            continue  # our lock timeout stays; psql's guards mean nothing here
        if line.startswith(b"\\"):
            raise DatabaseError(
                f"Arsip berisi perintah yang tidak dikenal: {line[:40].decode('utf-8', 'replace')}."
            )
        if line.startswith(b"COPY ") and line.rstrip().endswith(b"FROM stdin;"):
            _flush(cursor, pending)
            with cursor.copy(line.decode("utf-8").rstrip().rstrip(";")) as copy:
                for row in lines:
                    if row in (b"\\.\n", b"\\."):
                        break
                    copy.write(row)
            continue
        pending.append(line)
    _flush(cursor, pending)


def _flush(cursor: Any, pending: list[bytes]) -> None:
    sql = b"".join(pending).decode("utf-8").strip()
    pending.clear()
    if sql:
        cursor.execute(sql, prepare=False)


def _failed(detail: str) -> DatabaseError:
    last = detail.strip().splitlines()[-1] if detail.strip() else detail
    return DatabaseError(
        f"Pemulihan basis data server gagal ({last}). Basis data tidak diubah.",
        saran="Periksa pesan itu; bila menyebut hak akses, minta pengelola server menjadikan pengguna "
        "basis data ini pemiliknya. Lalu coba lagi.",
    )


def _translate(exc: BaseException, engine: Engine) -> BaseException:
    if isinstance(exc, DatabaseError) or not isinstance(exc, Exception):
        return exc
    state = getattr(exc, "sqlstate", None) or getattr(getattr(exc, "orig", None), "sqlstate", None)
    if state == "55P03":  # lock_not_available
        try:
            others = other_sessions(engine)
        except Exception:
            others = 0
        siapa = f" ({others} sambungan lain masih terbuka)" if others else ""
        return DatabaseInUse(
            f"Basis data sedang dipakai komputer lain{siapa}, sehingga pemulihan tidak bisa dijalankan. "
            "Basis data tidak diubah.",
            saran="Minta semua rekan menutup Kinerja Desktop di komputer masing-masing, lalu coba lagi.",
        )
    if isinstance(exc, OSError | subprocess.SubprocessError):
        return _failed(str(exc))
    detail = str(exc).strip().splitlines()
    return _failed(detail[0] if detail else type(exc).__name__)
