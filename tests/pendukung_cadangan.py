"""Test support for backups and recovery: backups that must be refused, damaged databases, file bytes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kinerja_desktop.core.paths import AppPaths


def database_bytes(paths: AppPaths) -> dict[str, bytes]:
    """The database file and its log, byte for byte (to show that nothing was touched). The log's index
    (-shm) is left out: SQLite rewrites it whenever anyone reads."""
    found = {}
    for suffix in ("", "-wal"):
        path = paths.database.with_name(paths.database.name + suffix)
        if path.exists():
            found[suffix or "db"] = path.read_bytes()
    return found


def altered_copy(backup: Path, target: Path, *statements: str) -> Path:
    """A copy of ``backup`` with ``statements`` run on it (e.g. another schema revision or office)."""
    shutil.copyfile(backup, target)
    with sqlite3.connect(target) as raw:
        for statement in statements:
            raw.execute(statement)
    raw.close()
    return target


def newer_backup(backup: Path, target: Path) -> Path:
    """``backup`` as a newer version of the app would have made it (schema 0099)."""
    return altered_copy(backup, target, "UPDATE alembic_version SET version_num = '0099'")


def other_office_backup(backup: Path, target: Path) -> Path:
    """``backup`` as if made at Kecamatan Sukarami (SKU)."""
    return altered_copy(backup, target, "UPDATE kantor SET kode = 'SKU', nama = 'Kecamatan Sukarami'")


def other_app_database(target: Path) -> Path:
    """A SQLite database of some other application."""
    with sqlite3.connect(target) as raw:
        raw.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
        raw.execute("INSERT INTO pelanggan (nama) VALUES ('Toko Sejahtera')")
    raw.close()
    return target


def damaged_index_copy(backup: Path, target: Path, index: str = "ix_pegawai_nama") -> Path:
    """A copy of ``backup`` whose index ``index`` has a scribbled page: it still opens and reads, but
    SQLite's integrity check fails."""
    shutil.copyfile(backup, target)
    with sqlite3.connect(target) as raw:
        page_size = raw.execute("PRAGMA page_size").fetchone()[0]
        root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    raw.close()
    with target.open("r+b") as handle:
        handle.seek(page_size * (root - 1))
        handle.write(b"\x0d" + b"\xff" * 11)
    return target


def damage_database(paths: AppPaths) -> None:
    """Overwrite the live database's first pages with garbage (and drop its side files)."""
    for suffix in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
    with paths.database.open("r+b") as handle:
        handle.write(b"\x00kerusakan-disk\x00" * 512)
