"""Backups with SQLite's online backup API, kept by the rule "newest 10 plus one a month for a year",
the evidence store beside them, and copies to a folder outside the data folder (a flash disk)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from kinerja_desktop.core.db.backup_info import (
    ANY_BACKUP_NAME,
    BACKUP_NAME,
    backup_order,
    backup_time,
    connect_live,
    connect_read_only,
    read_backup_info,
    read_mark,
)
from kinerja_desktop.core.errors import DatabaseError, KnownError
from kinerja_desktop.core.paths import private_dir, private_file
from kinerja_desktop.core.storage import (
    disk_full,
    file_size,
    read_only,
    require_free_space,
    translate_os_error,
)

DEFAULT_KEEP = 10
KEEP_MONTHS = 12
COPY_RECORD = "salinan-luar.json"


def sqlite_file(engine: Engine) -> Path:
    """The database file behind a SQLite engine; backups of other databases are not done here."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise KnownError(
            "Cadangan otomatis hanya tersedia untuk basis data SQLite.",
            saran="Untuk server PostgreSQL, gunakan alat cadangan server (pg_dump).",
        )
    return Path(engine.url.database)


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of the open ``source`` to ``target`` (which must not exist yet)."""
    dst = sqlite3.connect(target)
    try:
        private_file(target)  # before a byte is copied (SQLite has created it empty)
        source.backup(dst)
    finally:
        dst.close()


def storage_failure(exc: BaseException, folder: Path, needed: int, action: str) -> KnownError:
    """What a failed write of ``needed`` bytes into ``folder`` means for a clerk."""
    text = str(exc).lower()
    if isinstance(exc, OSError):
        known = translate_os_error(exc, folder, needed=needed, action=action)
        if known is not None:
            return known
    elif "disk is full" in text or "no space" in text:
        return disk_full(folder, needed)
    elif "readonly" in text or "read-only" in text or "unable to open" in text:
        return read_only(folder, action)
    return DatabaseError(
        f"Gagal {action}: {exc}.",
        saran="Periksa sisa ruang penyimpanan dan izin folder, lalu coba lagi.",
    )


def new_backup_path(folder: Path, reason: str, now: datetime | None = None, suffix: str = ".sqlite3") -> Path:
    """A new name ``kinerja-YYYYmmdd-HHMMSS[-n]-reason.sqlite3`` (or ``suffix``) in ``folder``, after
    (``n``) every backup made in the same second, so that the name order stays the order made even
    after a rotation."""
    slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    counters = [
        int(match.group(2) or 1)
        for match in (ANY_BACKUP_NAME.match(p.name) for p in folder.glob(f"kinerja-{stamp}-*"))
        if match and match.group(1) == stamp
    ]
    if not counters:
        return folder / f"kinerja-{stamp}-{slug}{suffix}"
    return folder / f"kinerja-{stamp}-{max(counters) + 1}-{slug}{suffix}"


def backup_file(database: Path, folder: Path, reason: str = "manual", keep: int = DEFAULT_KEEP) -> Path:
    """Copy the database file ``database`` (with what its WAL holds) into ``folder``, then rotate."""
    needed = file_size(database)
    try:
        private_dir(folder)
    except OSError as exc:
        raise storage_failure(exc, folder, needed, "membuat cadangan") from exc
    require_free_space(folder, needed)
    target = new_backup_path(folder, reason)
    try:
        source = connect_live(database)
        try:
            copy_database(source, target)
        finally:
            source.close()
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise storage_failure(exc, folder, needed, "membuat cadangan") from exc
    rotate_backups(folder, keep)
    return target


def backup_database(engine: Engine, folder: Path, reason: str = "manual", keep: int = DEFAULT_KEEP) -> Path:
    """Write a consistent copy of the database into ``folder`` and rotate the backups there."""
    return backup_file(sqlite_file(engine), folder, reason, keep)


def missing_evidence_size(source: Path, target: Path) -> int:
    """Bytes ``sync_evidence(source, target)`` would copy."""
    return sum(size for _path, _dest, size in _missing_evidence(source, target))


def _missing_evidence(source: Path, target: Path) -> list[tuple[Path, Path, int]]:
    if not source.is_dir():
        return []
    missing = []
    for path in source.rglob("*"):
        if not path.is_file() or path.name.endswith(".tmp"):
            continue
        dest = target / path.relative_to(source)
        size = path.stat().st_size
        if dest.exists() and dest.stat().st_size == size:
            continue
        missing.append((path, dest, size))
    return missing


def sync_evidence(source: Path, target: Path) -> int:
    """Copy evidence files that ``target`` lacks; returns how many were copied.

    Evidence files are stored under their content hash and never change, so one store beside the
    backups serves every backup, and copying back after a restore cannot overwrite anything.
    """
    missing = _missing_evidence(source, target)
    needed = sum(size for _path, _dest, size in missing)
    if missing:
        require_free_space(target, needed)
    for path, dest, _size in missing:
        private_dir(dest.parent)
        partial = dest.with_name(dest.name + ".tmp")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, partial)
            private_file(partial)
            partial.replace(dest)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise storage_failure(exc, target, needed, "menyalin berkas bukti dukung") from exc
    return len(missing)


def list_backups(folder: Path) -> list[Path]:
    """Backups made by the app in ``folder``, newest first (by the time in their names)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if BACKUP_NAME.match(p.name) and p.is_file()]
    return sorted(found, key=backup_order, reverse=True)


def backups_to_keep(
    backups: list[tuple[Path, datetime]],
    keep: int = DEFAULT_KEEP,
    months: int = KEEP_MONTHS,
    now: datetime | None = None,
) -> set[Path]:
    """The rule: the newest ``keep``, plus the newest of each of the last ``months`` calendar months
    (this month included). ``backups`` are (file, time made)."""
    ordered = sorted(backups, key=lambda item: (item[1], *backup_order(item[0])[1:]), reverse=True)
    kept = {path for path, _when in ordered[: max(keep, 1)]}
    today = now or datetime.now()
    first = today.year * 12 + today.month - 1 - (months - 1)
    months_seen: set[int] = set()
    for path, when in ordered:
        month = when.year * 12 + when.month - 1
        if month >= first and month not in months_seen:
            months_seen.add(month)
            kept.add(path)
    return kept


def rotate_backups(
    folder: Path,
    keep: int = DEFAULT_KEEP,
    months: int = KEEP_MONTHS,
    now: datetime | None = None,
    *,
    listed: list[Path] | None = None,
) -> list[Path]:
    """Delete the backups the keeping rule (``backups_to_keep``) lets go; returns what was deleted.
    ``listed`` are the backups to consider (by default the SQLite copies in ``folder``)."""
    found = [(path, backup_time(path)) for path in (list_backups(folder) if listed is None else listed)]
    kept = backups_to_keep(found, keep, months, now)
    removed = [path for path, _when in found if path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
        path.with_name(path.name + "-wal").unlink(missing_ok=True)  # beside a damaged database's copy
    return removed


def last_backup_time(folder: Path) -> datetime | None:
    """When the newest backup was made, or None when there is none."""
    backups = list_backups(folder)
    return backup_time(backups[0]) if backups else None


def check_backup_file(path: Path) -> None:
    """Refuse, with a reason, a file that is not an intact backup this version can restore."""
    info = read_backup_info(path, integrity=True)
    if not info.usable:
        raise info.refusal()


def backup_mark(path: Path) -> str | None:
    """The change mark (newest data-changing audit entry) of a backup, or None when unreadable."""
    try:
        conn = connect_read_only(path)
        try:
            return read_mark(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None


@dataclass(frozen=True)
class CopyRecord:
    """The last copy of the backups outside the data folder: when, where, which file."""

    waktu: datetime
    tujuan: Path
    berkas: str


@dataclass(frozen=True)
class CopyResult:
    """What ``copy_backup_out`` wrote: the backup's copy and how many evidence files were added."""

    backup: Path
    folder: Path
    bukti: int
    size: int


def copy_backup_out(backup: Path, evidence: Path, target: Path) -> CopyResult:
    """Copy ``backup`` and the evidence store ``evidence`` into the folder ``target`` (e.g. on a flash
    disk); a file is written under a temporary name first, so a failure leaves no half copy."""
    needed = backup.stat().st_size + missing_evidence_size(evidence, target / "bukti")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_failure(exc, target, needed, "menyalin cadangan") from exc
    require_free_space(target, needed)
    dest = target / backup.name
    partial = dest.with_name(dest.name + ".tmp")
    try:
        shutil.copyfile(backup, partial)
        partial.replace(dest)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise storage_failure(exc, target, needed, "menyalin cadangan") from exc
    copied = sync_evidence(evidence, target / "bukti")
    rotate_backups(target)
    return CopyResult(dest, target, copied, needed)


def record_copy_out(folder: Path, record: CopyRecord) -> None:
    """Remember ``record`` (in the backups folder) for the reminder to copy again."""
    data = {"waktu": record.waktu.isoformat(), "tujuan": str(record.tujuan), "berkas": record.berkas}
    path = folder / COPY_RECORD
    partial = path.with_name(path.name + ".tmp")
    try:
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise storage_failure(exc, folder, 4096, "mencatat tanggal salinan") from exc


def last_copy_out(folder: Path) -> CopyRecord | None:
    """The last copy outside the data folder, or None when none was recorded (or the record is unreadable)."""
    try:
        data = json.loads((folder / COPY_RECORD).read_text(encoding="utf-8"))
        return CopyRecord(datetime.fromisoformat(data["waktu"]), Path(data["tujuan"]), str(data["berkas"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
