"""What a backup file is, read without changing it: this app's?, schema, office, pegawai, intact?"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kinerja_desktop.core.db.migrate import SCHEMA_HEAD, known_revisions
from kinerja_desktop.core.errors import KnownError

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUP_NAME = re.compile(r"^kinerja-(\d{8}-\d{6})(?:-(\d+))?-([a-z0-9-]+)\.sqlite3$")
#: A backup of either kind: a SQLite copy, or pg_dump's archive of a server database (``.dump``).
ANY_BACKUP_NAME = re.compile(r"^kinerja-(\d{8}-\d{6})(?:-(\d+))?-([a-z0-9-]+)\.(?:sqlite3|dump)$")
REQUIRED_TABLES = frozenset({"alembic_version", "pengguna", "pegawai", "kantor", "pengaturan"})
# Audit events that record no change of data: a backup, a log-in. The change mark skips them, so a
# database that was only backed up or logged into counts as unchanged since its last backup.
UNCHANGING_EVENTS = ("cadangan", "login", "login_gagal", "akun_terkunci")
MARK_SQL = (
    "SELECT id, waktu FROM audit_log WHERE aksi NOT IN ("
    + ", ".join(f"'{aksi}'" for aksi in UNCHANGING_EVENTS)
    + ") ORDER BY id DESC LIMIT 1"
)


class BackupRefused(KnownError):
    """A backup that cannot be restored (not this app's, damaged, from a newer version); nothing changed."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as read: ``problem`` is None when it can be restored (as far as was checked)."""

    path: Path
    size: int
    dibuat: datetime
    alasan: str = ""
    revision: str | None = None
    kantor_kode: str = ""
    kantor_nama: str = ""
    pegawai: int | None = None
    demo: bool = False
    mark: str | None = None
    problem: str | None = None
    saran: str | None = None
    integrity_checked: bool = False

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def kantor_text(self) -> str:
        """``Kecamatan Plaju (PLJ)``, or what stands for it when the office is unknown."""
        if self.kantor_kode:
            return f"{self.kantor_nama} ({self.kantor_kode})"
        return "kantor belum disiapkan" if self.usable else "—"

    def refusal(self) -> BackupRefused:
        """The error that refuses this backup, saying that the database stayed as it was."""
        assert self.problem is not None
        saran = f"{self.saran} " if self.saran else ""
        return BackupRefused(self.problem, saran=f"{saran}Basis data yang sekarang tidak diubah.")


def backup_time(path: Path) -> datetime:
    """When a backup was made: the time in its name, else the file's modification time."""
    match = ANY_BACKUP_NAME.match(path.name)
    if match:
        try:
            return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime)


def backup_order(path: Path) -> tuple[datetime, int, str]:
    """Sort key, oldest first: the time made, then the counter of backups made in the same second."""
    match = ANY_BACKUP_NAME.match(path.name)
    counter = int(match.group(2)) if match and match.group(2) else 1
    return (backup_time(path), counter, path.name)


def backup_reason(path: Path) -> str:
    """The reason word in a backup's name (``manual``, ``otomatis-tutup``, …), or ``""``."""
    match = ANY_BACKUP_NAME.match(path.name)
    return match.group(3) if match else ""


def sqlite_uri(path: Path, query: str) -> str:
    """``file:`` URI of ``path`` for SQLite: spaces, ``#`` and ``?`` escaped, drive letters and network
    shares (``\\\\server\\share``) written the way SQLite reads them (an empty authority)."""
    text = path.resolve().as_posix()
    if not text.startswith("/"):
        text = "/" + text  # C:/… → /C:/…
    return f"file://{quote(text, safe='/:')}?{query}"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file nor create anything beside it (no -wal, no -shm)."""
    return sqlite3.connect(sqlite_uri(path, "mode=ro&immutable=1"), uri=True)


def connect_live(database: Path) -> sqlite3.Connection:
    """Read a database that may be in use, writing nothing: with its log when it has one (SQLite then
    needs it and its index, -shm), else the file alone, so that no -wal or -shm is left beside it."""
    if database.with_name(database.name + "-wal").exists():
        return sqlite3.connect(sqlite_uri(database, "mode=ro"), uri=True)
    return connect_read_only(database)


def read_mark(conn: sqlite3.Connection) -> str:
    """The newest audit entry that records a change, as ``id@time`` (``""`` when there is none)."""
    row = conn.execute(MARK_SQL).fetchone()
    return f"{row[0]}@{row[1]}" if row else ""


def read_head(path: Path, length: int) -> tuple[int, bytes] | BackupInfo:
    """The file's size and first ``length`` bytes, or (never raising) a ``BackupInfo`` whose ``problem``
    says why it cannot be read; for a SQLite copy and a server's archive alike."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            return size, handle.read(length)
    except FileNotFoundError:
        return BackupInfo(path, 0, datetime.now(), problem=f"Berkas cadangan tidak ditemukan: {path}.")
    except OSError as exc:
        return BackupInfo(
            path,
            0,
            datetime.now(),
            problem=f"Berkas {path.name} tidak bisa dibaca ({exc.strerror or exc}).",
            saran="Periksa izin berkas itu, atau salin dulu ke folder lain.",
        )


def read_backup_info(path: Path, *, integrity: bool = False) -> BackupInfo:
    """Read ``path`` without changing it; with ``integrity`` also run SQLite's full integrity check.

    Never raises for a bad file: what is wrong with it is in ``problem`` (and what to do in ``saran``).
    """
    head = read_head(path, len(SQLITE_HEADER))
    if isinstance(head, BackupInfo):
        return head
    size, header = head
    if not path.is_file():
        return BackupInfo(path, 0, datetime.now(), problem=f"{path} bukan berkas.")
    base = BackupInfo(path, size, backup_time(path), backup_reason(path))
    if header != SQLITE_HEADER:
        return _with(
            base,
            problem=f"Berkas {path.name} bukan berkas cadangan Kinerja Desktop (bukan SQLite).",
            saran="Pilih berkas cadangan yang dibuat aplikasi ini (nama kinerja-….sqlite3).",
        )
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        return _with(base, problem=f"Berkas {path.name} rusak dan tidak bisa dibuka: {exc}.")
    try:
        return _read(conn, base, integrity)
    except sqlite3.Error as exc:
        return _with(
            base,
            problem=f"Berkas {path.name} rusak dan tidak bisa dipulihkan: {exc}.",
            saran="Pilih cadangan lain, misalnya yang lebih lama.",
        )
    finally:
        conn.close()


def _with(info: BackupInfo, **changes: Any) -> BackupInfo:
    return replace(info, **changes)


def _read(conn: sqlite3.Connection, base: BackupInfo, integrity: bool) -> BackupInfo:
    name = base.path.name
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables >= REQUIRED_TABLES:
        return _with(
            base,
            problem=f"Berkas {name} bukan cadangan Kinerja Desktop (tabelnya tidak sesuai).",
            saran="Berkas itu basis data aplikasi lain. Pilih berkas cadangan Kinerja Desktop.",
        )
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = str(row[0]) if row else None
    info = _with(base, revision=revision)
    problem = revision_problem(name, revision)
    if problem is not None:
        # A newer version's tables may differ: the office is shown when it can still be read.
        with contextlib.suppress(sqlite3.Error):
            info = _with(info, **_office(conn))
        return _with(info, problem=problem[0], saran=problem[1])
    info = _with(info, **_office(conn), mark=read_mark(conn))
    if integrity:
        result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(5)")]
        info = _with(info, integrity_checked=True)
        if result != ["ok"]:
            return _with(
                info,
                problem=f"Berkas {name} rusak ({'; '.join(result)[:200]}) dan tidak bisa dipulihkan.",
                saran="Pilih cadangan lain, misalnya yang lebih lama.",
            )
    return info


def revision_problem(name: str, revision: str | None) -> tuple[str, str] | None:
    if revision == SCHEMA_HEAD:
        return None
    if revision is None:
        return (f"Berkas {name} rusak: versi skemanya tidak tercatat.", "Pilih cadangan lain.")
    if revision in known_revisions():
        return None
    if revision.isdigit() and len(revision) == len(SCHEMA_HEAD) and revision > SCHEMA_HEAD:
        return (
            f"Cadangan {name} dibuat oleh versi Kinerja Desktop yang lebih baru (skema {revision}; "
            f"versi ini mengenal sampai skema {SCHEMA_HEAD}).",
            "Pasang versi aplikasi terbaru lebih dulu, lalu pulihkan cadangan ini dengan versi itu.",
        )
    return (
        f"Berkas {name} bukan cadangan Kinerja Desktop (versi skema {revision} tidak dikenal).",
        "Pilih berkas cadangan yang dibuat aplikasi ini.",
    )


def _office(conn: sqlite3.Connection) -> dict[str, Any]:
    settings = dict(conn.execute("SELECT kunci, nilai FROM pengaturan WHERE kunci IN ('kantor_id', 'demo')"))
    kantor_id = settings.get("kantor_id", "")
    office = conn.execute("SELECT kode, nama FROM kantor WHERE id = ?", (kantor_id,)).fetchone()
    pegawai = conn.execute("SELECT count(*) FROM pegawai WHERE dihapus_pada IS NULL").fetchone()[0]
    return {
        "kantor_kode": str(office[0]) if office else "",
        "kantor_nama": str(office[1]) if office else "",
        "pegawai": int(pegawai),
        "demo": settings.get("demo") == "1",
    }
