"""Backups of a server database (PostgreSQL) with ``pg_dump``, when the server's tools are installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import Engine

from kinerja_desktop.core.errors import DatabaseError
from kinerja_desktop.core.paths import private_dir, private_file

DUMP_TIMEOUT_S = 3600
#: What an import report says of the backup on a server database, which the app does not back up itself.
TANPA_CADANGAN = (
    "Tanpa cadangan otomatis: basis data ada di server PostgreSQL; cadangkan dengan alat server (pg_dump)."
)


def pg_dump_program() -> str | None:
    """The ``pg_dump`` found on the PATH, or None."""
    return shutil.which("pg_dump")


def dump_database(engine: Engine, target: Path) -> Path | None:
    """Write ``pg_dump``'s archive (custom format, restore with ``pg_restore``) of the database behind
    ``engine`` to ``target``; None, writing nothing, when ``pg_dump`` is not installed here."""
    program = pg_dump_program()
    if program is None:
        return None
    url = engine.url
    env = dict(os.environ)
    for name, value in (
        ("PGHOST", url.host),
        ("PGPORT", str(url.port) if url.port else None),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGDATABASE", url.database),
    ):
        if value:
            env[name] = str(value)
    private_dir(target.parent)
    command = [program, "--format=custom", "--no-owner", f"--file={target}"]
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=DUMP_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        target.unlink(missing_ok=True)
        raise _failed(str(exc)) from exc
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise _failed(done.stderr.strip() or f"kode keluar {done.returncode}")
    private_file(target)
    return target


def _failed(detail: str) -> DatabaseError:
    return DatabaseError(
        f"Cadangan basis data server dengan pg_dump gagal ({detail}). Basis data tidak diubah.",
        saran="Periksa bahwa versi pg_dump sama atau lebih baru daripada server PostgreSQL dan pengguna "
        "basis data boleh membaca semua tabel, lalu buka aplikasi lagi.",
    )
