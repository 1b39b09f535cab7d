"""Restore a data folder from a backup without opening its database, and say why a database will not open.

A restore checks the backup first (this app's, intact, a schema this version knows, which office) and
touches nothing when it refuses. Then it saves the database as it is (a backup, or its raw files when
it is too damaged for that), writes the backup beside it under a temporary name and only then swaps
the files, so a failure halfway leaves the old database in place.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.db.backup_info import BackupInfo, connect_live, connect_read_only, read_backup_info
from kinerja_desktop.core.errors import DatabaseError, KnownError
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.storage import (
    disk_full,
    file_size,
    probe_writable,
    read_only,
    require_free_space,
    translate_os_error,
)

_SIDE_FILES = ("-wal", "-shm", "-journal")


class OpenError(DatabaseError):
    """The data folder's database cannot be opened; ``restorable`` when restoring a backup would help."""

    def __init__(self, pesan: str, *, saran: str | None = None, restorable: bool) -> None:
        super().__init__(pesan, saran=saran)
        self.restorable = restorable


@dataclass(frozen=True)
class KantorRef:
    """An office as a backup or a database names it."""

    kode: str
    nama: str

    @property
    def text(self) -> str:
        return f"{self.nama} ({self.kode})"


@dataclass(frozen=True)
class RestoreCheck:
    """A backup found fit to restore, and the office this data folder holds (None when unknown)."""

    info: BackupInfo
    here: KantorRef | None

    @property
    def other_kantor(self) -> bool:
        """The backup belongs to another office than the one this folder holds."""
        return bool(self.here and self.info.kantor_kode and self.info.kantor_kode != self.here.kode)


class OtherKantorBackup(KnownError):
    """The backup is another office's: restoring it needs an explicit confirmation."""

    def __init__(self, check: RestoreCheck) -> None:
        assert check.here is not None
        super().__init__(
            f"Cadangan {check.info.path.name} milik {check.info.kantor_text}, bukan kantor di folder data "
            f"ini ({check.here.text}).",
            saran="Pemulihan dibatalkan dan basis data tidak diubah. Pulihkan cadangan kantor lain hanya "
            "bila Anda memang ingin mengganti seluruh data di sini dengan data kantor itu.",
        )
        self.check = check


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup put in place, where the data before it went, evidence brought back."""

    info: BackupInfo
    safety: Path | None
    damaged: bool
    bukti: int


def read_kantor(database: Path) -> KantorRef | None:
    """The office of a database file, read without changing it; None when it has none or is unreadable."""
    if not database.is_file():
        return None
    try:
        conn = connect_live(database)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute(
            "SELECT k.kode, k.nama FROM kantor k JOIN pengaturan p ON p.nilai = k.id "
            "WHERE p.kunci = 'kantor_id'"
        ).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return KantorRef(str(row[0]), str(row[1])) if row else None


def folder_kantor(paths: AppPaths, exclude: Path | None = None) -> KantorRef | None:
    """The office this data folder holds: its database's, or when that cannot be read, the office of its
    newest readable backup (not ``exclude``)."""
    found = read_kantor(paths.database)
    if found is not None or _is_empty_database(paths.database):
        return found
    for path in backups.list_backups(paths.backups):
        if exclude is not None and path.resolve() == exclude.resolve():
            continue
        info = read_backup_info(path)
        if info.usable and info.kantor_kode:
            return KantorRef(info.kantor_kode, info.kantor_nama)
    return None


def _is_empty_database(database: Path) -> bool:
    """True for a database that opens and holds no office yet (a fresh folder): nothing to compare."""
    if not database.is_file():
        return True
    try:
        conn = connect_live(database)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "pengaturan" not in names:
                return not names
            return conn.execute("SELECT 1 FROM pengaturan WHERE kunci = 'kantor_id'").fetchone() is None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def check_restore(paths: AppPaths, source: Path) -> RestoreCheck:
    """Read ``source`` completely (integrity included) and refuse what cannot be restored; changes nothing."""
    info = read_backup_info(source, integrity=True)
    if not info.usable:
        raise info.refusal()
    return RestoreCheck(info, folder_kantor(paths, exclude=source))


def confirm_restore(paths: AppPaths, check: RestoreCheck, *, kantor_lain: bool = False) -> None:
    """The last checks before anything is touched: the office confirmed, room on the disk."""
    if check.other_kantor and not kantor_lain:
        raise OtherKantorBackup(check)
    # The data as it is now is saved first (its size), then the backup is written beside it (its size).
    require_free_space(paths.data_dir, file_size(paths.database) + check.info.size)


def restore_folder(paths: AppPaths, check: RestoreCheck, *, kantor_lain: bool = False) -> RestoreResult:
    """Put the backup of ``check`` in place of the folder's database, never opening that database.

    Nobody may have the database open (the GUI disposes its engine first; a second app is kept out by
    the folder lock). The caller opens the folder afterwards, which upgrades an older backup.
    """
    source = check.info.path
    if _changed_since(check.info):
        check = RestoreCheck(check_restore(paths, source).info, check.here)
    confirm_restore(paths, check, kantor_lain=kantor_lain)
    backups.sync_evidence(paths.evidence, paths.backups / "bukti")
    safety, damaged = save_current(paths)
    _replace(paths.database, source, check.info.size)
    bukti = backups.sync_evidence(paths.backups / "bukti", paths.evidence)
    beside = source.parent / "bukti"
    if beside.is_dir() and beside.resolve() != (paths.backups / "bukti").resolve():
        bukti += backups.sync_evidence(beside, paths.evidence)  # a copy taken to a flash disk
    return RestoreResult(check.info, safety, damaged, bukti)


def _changed_since(info: BackupInfo) -> bool:
    try:
        stat = info.path.stat()
    except OSError:
        return True
    return stat.st_size != info.size


def save_current(paths: AppPaths) -> tuple[Path | None, bool]:
    """Save the database as it is into the backups folder before it is replaced.

    Returns the saved file and whether the database was too damaged to back up (then its raw files,
    ``-wal`` included, are copied as they are).
    """
    database = paths.database
    if not database.is_file():
        return None, False
    needed = file_size(database)
    try:
        paths.backups.mkdir(parents=True, exist_ok=True)
        return backups.backup_file(database, paths.backups, "sebelum-pemulihan"), False
    except DatabaseError as exc:
        cause = exc.__cause__
        if not isinstance(cause, sqlite3.DatabaseError) or "disk is full" in str(cause).lower():
            raise
    except OSError as exc:
        raise backups.storage_failure(exc, paths.backups, needed, "menyimpan data lama") from exc
    target = backups.new_backup_path(paths.backups, "rusak-sebelum-pemulihan")
    written: list[Path] = []
    try:
        for suffix in ("", "-wal"):
            original = database.with_name(database.name + suffix)
            if original.is_file():
                copy = target.with_name(target.name + suffix)
                shutil.copyfile(original, copy)
                written.append(copy)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise backups.storage_failure(exc, paths.backups, needed, "menyimpan data lama") from exc
    return target, True


def _replace(database: Path, source: Path, size: int) -> None:
    """Write ``source`` beside ``database`` under a temporary name, then swap it in with its side files
    (``-wal``, ``-shm``, a journal) moved away, so SQLite never applies the old log to the new file."""
    partial = database.with_name(database.name + ".pemulihan.tmp")
    partial.unlink(missing_ok=True)
    try:
        src = connect_read_only(source)
        try:
            backups.copy_database(src, partial)
        finally:
            src.close()
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise backups.storage_failure(exc, database.parent, size, "memulihkan cadangan") from exc
    moved: list[Path] = []
    try:
        for suffix in ("", *_SIDE_FILES):
            current = database.with_name(database.name + suffix)
            if current.exists():
                os.replace(current, _aside(current))
                moved.append(current)
        os.replace(partial, database)
    except OSError as exc:
        for current in reversed(moved):
            os.replace(_aside(current), current)
        partial.unlink(missing_ok=True)
        raise backups.storage_failure(exc, database.parent, size, "memulihkan cadangan") from exc
    for current in moved:
        _aside(current).unlink(missing_ok=True)


def _aside(path: Path) -> Path:
    return path.with_name(path.name + ".lama")


def open_failure(paths: AppPaths, exc: BaseException) -> OpenError | None:
    """Why the data folder could not be opened, for a clerk; None when the failure is not a known one."""
    if isinstance(exc, OpenError):
        return exc
    if isinstance(exc, OSError):
        known = translate_os_error(exc, paths.data_dir, action="membuka folder data")
        return OpenError(known.pesan, saran=known.saran, restorable=False) if known is not None else None
    if isinstance(exc, DatabaseError):  # from the migration: a newer schema, another app's database
        saran = f"{exc.saran} " if exc.saran else ""
        return OpenError(
            exc.pesan,
            saran=f"{saran}Atau pulihkan dari cadangan yang dibuat versi ini.",
            restorable=True,
        )
    if isinstance(exc, KnownError):
        return OpenError(exc.pesan, saran=exc.saran, restorable=False)
    if isinstance(exc, DBAPIError | sqlite3.Error):
        return _database_failure(paths, exc)
    return None


def _database_failure(paths: AppPaths, exc: BaseException) -> OpenError | None:
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "locked" in text or "busy" in text:
        return OpenError(
            "Basis data sedang dipakai oleh program lain.",
            saran="Tutup program lain yang membuka berkas itu (atau jendela Kinerja Desktop lain), "
            "lalu coba lagi.",
            restorable=False,
        )
    if "disk is full" in text or "no space" in text:
        full = disk_full(paths.data_dir, file_size(paths.database))
        return OpenError(full.pesan, saran=full.saran, restorable=False)
    if "readonly" in text or "read-only" in text or "unable to open" in text or "access permission" in text:
        if probe_writable(paths.data_dir) is not None or not _can_write(paths.database):
            ro = read_only(paths.data_dir, "membuka basis data")
            return OpenError(ro.pesan, saran=ro.saran, restorable=False)
        return _damaged(paths, text)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return _damaged(paths, text)
    return None


def _can_write(path: Path) -> bool:
    """True when ``path`` (and the SQLite files beside it that exist) can be opened for writing."""
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if not candidate.exists():
            continue
        try:
            with open(candidate, "r+b"):
                pass
        except OSError:
            return False
    return True


def _damaged(paths: AppPaths, detail: str) -> OpenError:
    return OpenError(
        f"Basis data {paths.database} rusak dan tidak bisa dibuka (keterangan teknis: {detail}).",
        saran="Pulihkan dari cadangan terakhir: pilih cadangan di daftar pemulihan saat aplikasi dibuka, "
        "atau jalankan 'kinerja-desktop restore BERKAS --yes'. Berkas yang rusak disimpan dulu di folder "
        "cadangan, tidak dihapus.",
        restorable=True,
    )
