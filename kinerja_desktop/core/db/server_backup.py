"""Backups of a server database (PostgreSQL): pg_dump's archives in the backups folder, listed, rotated
and checked with pg_restore (ours? intact? which schema and office?) without touching the database."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from kinerja_desktop.core.db import pg_tools
from kinerja_desktop.core.db.backup import DEFAULT_KEEP, new_backup_path, rotate_backups
from kinerja_desktop.core.db.backup_info import (
    REQUIRED_TABLES,
    SQLITE_HEADER,
    BackupInfo,
    backup_order,
    backup_reason,
    backup_time,
    read_head,
    revision_problem,
)
from kinerja_desktop.core.errors import DatabaseError, ServerBackupUnconfirmed
from kinerja_desktop.core.paths import private_dir, private_file

DUMP_TIMEOUT_S = 3600
#: How long pg_dump waits for a table another computer holds locked (a schema upgrade running there).
LOCK_WAIT = "60s"
DUMP_SUFFIX = ".dump"
DUMP_NAME = re.compile(r"^kinerja-(\d{8}-\d{6})(?:-(\d+))?-([a-z0-9-]+)\.dump$")
DUMP_HEADER = b"PGDMP"
#: The change mark of the newest archive (archives are not read for it: that would mean a pg_restore).
MARK_RECORD = "cadangan-server.json"
#: What an import report says of the backup on a server database, which the app does not back up itself.
TANPA_CADANGAN = (
    "Tanpa cadangan otomatis: basis data ada di server PostgreSQL; cadangkan dengan alat server (pg_dump)."
)
_TABLE_ENTRY = re.compile(r"^\d+; \d+ \d+ TABLE (\S+) (\S+) ")


def tools_for(engine: Engine) -> pg_tools.PgTools:
    """pg_dump and pg_restore fit for the server behind ``engine`` (or why there are none)."""
    return pg_tools.find_tools(pg_tools.server_major(engine))


def dump_database(engine: Engine, target: Path, tools: pg_tools.PgTools | None = None) -> Path:
    """Write ``pg_dump``'s archive (custom format) of the database behind ``engine`` to ``target``.

    Without usable tools ``ServerBackupUnavailable`` says what to install; a failed dump leaves no file.
    """
    dump, _restore = (tools or tools_for(engine)).require()
    private_dir(target.parent)
    command = [
        str(dump),
        "--format=custom",
        "--no-owner",
        f"--lock-wait-timeout={LOCK_WAIT}",
        f"--file={target}",
    ]
    try:
        done = subprocess.run(
            command,
            env=pg_tools.program_env(engine.url),
            capture_output=True,
            text=True,
            timeout=DUMP_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        target.unlink(missing_ok=True)
        raise _failed(str(exc)) from exc
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise _failed(done.stderr.strip() or f"kode keluar {done.returncode}")
    private_file(target)
    return target


def make_dump(
    engine: Engine,
    folder: Path,
    reason: str,
    keep: int = DEFAULT_KEEP,
    tools: pg_tools.PgTools | None = None,
) -> Path:
    """A new archive ``kinerja-…-reason.dump`` in ``folder``, then the archives rotated (``keep``)."""
    private_dir(folder)
    target = dump_database(engine, new_backup_path(folder, reason, suffix=DUMP_SUFFIX), tools)
    rotate_backups(folder, keep, listed=list_dumps(folder))
    return target


def dump_before_upgrade(engine: Engine, folder: Path, *, without_dump: bool = False) -> Path | None:
    """The archive start-up makes before a schema upgrade. Without usable tools: None when
    ``without_dump`` (the administrator confirmed the server's own backup), else
    ``ServerBackupUnconfirmed``, the database untouched."""
    tools = tools_for(engine)
    if not tools.usable:
        if without_dump:
            return None
        raise ServerBackupUnconfirmed(
            "Basis data di server perlu diperbarui untuk versi aplikasi ini, tetapi komputer ini tidak "
            f"bisa mencadangkannya lebih dulu: {tools.problem}",
            saran="Pastikan server sudah memiliki cadangan terbaru sebelum melanjutkan. Basis data belum "
            "diubah.",
            alasan=f"{tools.problem}\n{tools.saran}",
        )
    return make_dump(engine, folder, "sebelum-migrasi", tools=tools)


def _failed(detail: str) -> DatabaseError:
    return DatabaseError(
        f"Cadangan basis data server dengan pg_dump gagal ({detail}). Basis data tidak diubah.",
        saran="Periksa bahwa versi pg_dump sama atau lebih baru daripada server PostgreSQL dan pengguna "
        "basis data boleh membaca semua tabel, lalu coba lagi.",
    )


def list_dumps(folder: Path) -> list[Path]:
    """The archives the app made in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if DUMP_NAME.match(p.name) and p.is_file()]
    return sorted(found, key=backup_order, reverse=True)


def last_dump_time(folder: Path) -> datetime | None:
    found = list_dumps(folder)
    return backup_time(found[0]) if found else None


def read_dump_info(path: Path) -> BackupInfo:
    """An archive as the list shows it (date, reason, size), from its name and first bytes only."""
    head = read_head(path, len(DUMP_HEADER))
    if isinstance(head, BackupInfo):
        return head
    size, header = head
    info = BackupInfo(path, size, backup_time(path), backup_reason(path))
    if SQLITE_HEADER.startswith(header) and header:
        return replace(
            info,
            problem=f"Berkas {path.name} adalah cadangan SQLite (kantor di satu komputer), bukan cadangan "
            "basis data server.",
            saran="Pilih arsip pg_dump basis data server ini (nama kinerja-….dump).",
        )
    if header != DUMP_HEADER:
        return _foreign(info)
    return info


def _foreign(info: BackupInfo, detail: str = "") -> BackupInfo:
    return BackupInfo(
        info.path,
        info.size,
        info.dibuat,
        info.alasan,
        problem=f"Berkas {info.path.name} bukan cadangan server Kinerja Desktop{detail}.",
        saran="Pilih arsip pg_dump yang dibuat aplikasi ini (nama kinerja-….dump).",
    )


def check_dump(path: Path, tools: pg_tools.PgTools) -> BackupInfo:
    """Read the archive ``path`` completely with pg_restore, changing nothing: this app's tables, a
    schema this version knows, intact to its last byte; also its office and pegawai. Never raises for a
    bad file: what is wrong is in ``problem``. Without usable tools ``ServerBackupUnavailable``."""
    _dump, restore = tools.require()
    info = read_dump_info(path)
    if not info.usable:
        return info
    listing = _run(restore, ["--list", str(path)])
    if listing.returncode != 0:
        return _unreadable(info, listing.stderr)
    tables = {m.group(2) for m in map(_TABLE_ENTRY.match, listing.stdout.splitlines()) if m}
    if not tables >= REQUIRED_TABLES:
        return _foreign(info, " (tabelnya tidak sesuai)")
    try:
        found, error = _read_data(restore, path)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return _unreadable(info, str(exc))
    if error:
        return _unreadable(info, error)
    revision = found.get("revision")
    info = BackupInfo(
        info.path,
        info.size,
        info.dibuat,
        info.alasan,
        revision=revision,
        kantor_kode=found.get("kode", ""),
        kantor_nama=found.get("nama", ""),
        pegawai=int(found.get("pegawai", "0")),
        demo=found.get("demo") == "1",
        integrity_checked=True,
    )
    problem = revision_problem(path.name, revision)
    if problem is not None:
        return replace(info, problem=problem[0], saran=problem[1])
    return info


def _unreadable(info: BackupInfo, detail: str) -> BackupInfo:
    last = detail.strip().splitlines()[-1] if detail.strip() else "tidak bisa dibaca"
    return BackupInfo(
        info.path,
        info.size,
        info.dibuat,
        info.alasan,
        problem=f"Berkas {info.path.name} rusak atau tidak bisa dibaca pg_restore ({last}).",
        saran="Pilih cadangan lain, misalnya yang lebih lama. Bila pesannya menyebut versi, pasang "
        "pg_restore yang lebih baru.",
    )


def _run(program: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, timeout=DUMP_TIMEOUT_S, check=False
    )


def _read_data(restore: Path, path: Path) -> tuple[dict[str, str], str]:
    """Stream the archive's data through pg_restore (which reads every byte of it) and keep what
    identifies it; returns (found, pg_restore's complaint or "")."""
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [str(restore), "--data-only", "--file=-", str(path)], stdout=subprocess.PIPE, stderr=errors
        )
        assert proc.stdout is not None
        try:
            found = _identity(proc.stdout)
        finally:
            proc.stdout.close()
            code = proc.wait(timeout=DUMP_TIMEOUT_S)
        errors.seek(0)
        complaint = errors.read().decode("utf-8", "replace")
    return found, (complaint or f"kode keluar {code}") if code != 0 else ""


def copy_blocks(lines: Iterator[bytes]) -> Iterator[tuple[str, list[str], Iterator[list[str]]]]:
    """The COPY blocks of pg_restore's SQL: (table, columns, rows), a row being its fields as COPY's text
    writes them (NULL as ``\\N``). A block's rows must be read before the next block."""
    for line in lines:
        text = line.decode("utf-8", "replace")
        match = re.match(r"^COPY (?:\S+\.)?(\S+) \((.*)\) FROM stdin;$", text.rstrip("\n"))
        if match:
            columns = [c.strip().strip('"') for c in match.group(2).split(",")]
            yield match.group(1).strip('"'), columns, _rows(lines)


def _rows(lines: Iterator[bytes]) -> Iterator[list[str]]:
    for line in lines:
        if line in (b"\\.\n", b"\\."):
            return
        yield line.decode("utf-8", "replace").rstrip("\n").split("\t")


def _unescape(field: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), field)


def _identity(stream: Iterator[bytes]) -> dict[str, str]:
    """Revision, office and living pegawai of an archive, from its COPY blocks."""
    found: dict[str, str] = {}
    kantor: dict[str, tuple[str, str]] = {}
    pegawai = 0
    for table, columns, rows in copy_blocks(iter(stream)):
        if table == "alembic_version":
            found.update(("revision", _unescape(r[0])) for r in rows)
        elif table == "pengaturan":
            for row in rows:
                item = dict(zip(columns, row, strict=False))
                if item.get("kunci") in ("kantor_id", "demo"):
                    found[item["kunci"]] = _unescape(item.get("nilai", ""))
        elif table == "kantor":
            for row in rows:
                item = dict(zip(columns, row, strict=False))
                kantor[item.get("id", "")] = (
                    _unescape(item.get("kode", "")),
                    _unescape(item.get("nama", "")),
                )
        elif table == "pegawai":
            at = columns.index("dihapus_pada") if "dihapus_pada" in columns else None
            pegawai += sum(1 for row in rows if at is None or row[at] == "\\N")
        else:
            for _skipped in rows:  # read to the block's end: only then is the next line SQL again
                pass
    kode, nama = kantor.get(found.get("kantor_id", ""), ("", ""))
    found.update(kode=kode, nama=nama, pegawai=str(pegawai))
    return found


def record_mark(folder: Path, archive: Path, mark: str) -> None:
    """Remember the change mark the database had when ``archive`` was made (for "changed since")."""
    record = folder / MARK_RECORD
    partial = record.with_name(record.name + ".tmp")
    try:
        partial.write_text(json.dumps({"berkas": archive.name, "tanda": mark}), encoding="utf-8")
        private_file(partial)
        partial.replace(record)
    except OSError:
        partial.unlink(missing_ok=True)  # a courtesy: without it the next automatic backup comes sooner


def dump_mark(folder: Path, archive: Path) -> str | None:
    """The change mark recorded for ``archive``, or None when none was (or the record is unreadable)."""
    try:
        data = json.loads((folder / MARK_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return str(data.get("tanda")) if isinstance(data, dict) and data.get("berkas") == archive.name else None
