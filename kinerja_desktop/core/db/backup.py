"""Backups with SQLite's online backup API, rotated, and restore from a chosen file."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from kinerja_desktop.core.errors import DatabaseError, KnownError
from kinerja_desktop.core.paths import private_dir, private_file

DEFAULT_KEEP = 10
_NAME = re.compile(r"^kinerja-(\d{8}-\d{6}(?:-\d+)?)-([a-z0-9-]+)\.sqlite3$")


def sqlite_file(engine: Engine) -> Path:
    """The database file behind a SQLite engine; backups of other databases are not done here."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise KnownError(
            "Cadangan otomatis hanya tersedia untuk basis data SQLite.",
            saran="Untuk server PostgreSQL, gunakan alat cadangan server (pg_dump).",
        )
    return Path(engine.url.database)


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        private_file(target)  # before a byte is copied (SQLite has created it empty)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def backup_database(engine: Engine, folder: Path, reason: str = "manual", keep: int = DEFAULT_KEEP) -> Path:
    """Write a consistent copy of the database into ``folder`` and keep only the newest ``keep``."""
    source = sqlite_file(engine)
    private_dir(folder)
    slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"kinerja-{stamp}-{slug}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"kinerja-{stamp}-{counter}-{slug}.sqlite3"
    try:
        _copy(source, target)
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise DatabaseError(
            f"Cadangan gagal dibuat: {exc}.",
            saran="Periksa sisa ruang penyimpanan dan izin folder cadangan, lalu coba lagi.",
        ) from exc
    rotate_backups(folder, keep)
    return target


def sync_evidence(source: Path, target: Path) -> int:
    """Copy evidence files that ``target`` lacks; returns how many were copied.

    Evidence files are stored under their content hash and never change, so one store beside the
    backups serves every backup, and copying back after a restore cannot overwrite anything.
    """
    if not source.is_dir():
        return 0
    copied = 0
    for path in source.rglob("*"):
        if not path.is_file() or path.name.endswith(".tmp"):
            continue
        dest = target / path.relative_to(source)
        if dest.exists() and dest.stat().st_size == path.stat().st_size:
            continue
        private_dir(dest.parent)
        partial = dest.with_name(dest.name + ".tmp")
        try:
            shutil.copyfile(path, partial)
            private_file(partial)
            partial.replace(dest)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise DatabaseError(
                f"Berkas bukti dukung gagal disalin: {exc}.",
                saran="Periksa sisa ruang penyimpanan, lalu coba lagi.",
            ) from exc
        copied += 1
    return copied


def list_backups(folder: Path) -> list[Path]:
    """Backups made by the app in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def rotate_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns what was deleted."""
    removed = list_backups(folder)[max(keep, 1) :]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def last_backup_time(folder: Path) -> datetime | None:
    """When the newest backup was written, or None when there is none."""
    backups = list_backups(folder)
    return datetime.fromtimestamp(backups[0].stat().st_mtime) if backups else None


def check_backup_file(path: Path) -> None:
    """Refuse, with a reason, a file that is not a Kinerja Desktop database."""
    if not path.is_file():
        raise KnownError(f"Berkas cadangan tidak ditemukan: {path}")
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise KnownError(f"Berkas {path.name} bukan berkas cadangan Kinerja Desktop (bukan SQLite).")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:
        raise KnownError(f"Berkas {path.name} rusak dan tidak bisa dipulihkan: {exc}.") from exc
    finally:
        conn.close()
    if not {"alembic_version", "pengguna", "pegawai"} <= names:
        raise KnownError(f"Berkas {path.name} bukan cadangan Kinerja Desktop (tabelnya tidak sesuai).")
    if integrity != "ok":
        raise KnownError(f"Berkas {path.name} rusak ({integrity}) dan tidak bisa dipulihkan.")


def restore_database(engine: Engine, source: Path, folder: Path, keep: int = DEFAULT_KEEP) -> Path:
    """Replace the database with ``source`` after backing up the current one; returns that backup.

    The caller must re-open the database (and migrate it) afterwards.
    """
    check_backup_file(source)
    target = sqlite_file(engine)
    safety = backup_database(engine, folder, "sebelum-pemulihan", keep=keep + 1)
    engine.dispose()
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"Pemulihan gagal: {exc}. Data sebelumnya tersimpan di {safety.name}.") from exc
    return safety
