"""Storage failures said plainly (a full disk with how much is needed, a read-only folder); free space."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import uuid
from pathlib import Path

from kinerja_desktop.core.errors import DatabaseError, KnownError
from kinerja_desktop.core.rules.angka import format_angka

# Room kept free on top of what a copy needs: the file system's own bookkeeping, the log, a journal.
MARGIN = 8 * 1024 * 1024

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


class DiskFullError(DatabaseError):
    """Not enough free space where something had to be written; nothing was changed."""

    def __init__(self, pesan: str, *, saran: str | None = None, needed: int | None = None) -> None:
        super().__init__(pesan, saran=saran)
        self.needed = needed


class ReadOnlyError(DatabaseError):
    """A folder or file the app must write to can only be read (permissions, write-protected disk)."""


def size_text(size: int) -> str:
    """``12 KB`` or ``3,4 MB`` or ``1,2 GB`` (Indonesian decimal comma)."""
    if size < 1024 * 1024:
        return f"{format_angka(max(1, round(size / 1024)))} KB"
    if size < 1024 * 1024 * 1024:
        return f"{format_angka(size / (1024 * 1024), desimal=1)} MB"
    return f"{format_angka(size / (1024 * 1024 * 1024), desimal=1)} GB"


def existing_parent(path: Path) -> Path:
    """``path`` or its nearest parent that exists (free space is asked of a folder that is there)."""
    current = path
    while not current.exists() and current.parent != current:
        current = current.parent
    return current


def free_space(folder: Path) -> int | None:
    """Free bytes on the disk that holds ``folder``, or None when the system cannot tell."""
    try:
        return shutil.disk_usage(existing_parent(folder)).free
    except OSError:
        return None


def disk_full(folder: Path, needed: int | None = None, *, free: int | None = None) -> DiskFullError:
    """The message for a full disk at ``folder``: how much is free and, when known, how much is needed."""
    free = free if free is not None else free_space(folder)
    pesan = f"Disk penuh: ruang kosong di {existing_parent(folder)} tidak cukup."
    if needed is not None:
        kurang = max(needed + MARGIN - (free or 0), 1024 * 1024)
        saran = (
            f"Perlu sekitar {size_text(needed)}; sisa sekarang {size_text(free or 0)}. "
            f"Kosongkan paling sedikit {size_text(kurang)} (hapus atau pindahkan berkas yang tidak "
            "perlu), lalu coba lagi. Data yang ada tidak diubah."
        )
    else:
        sisa = f" Sisa sekarang {size_text(free)}." if free is not None else ""
        saran = (
            "Kosongkan ruang penyimpanan (hapus atau pindahkan berkas yang tidak perlu), lalu coba "
            f"lagi.{sisa} Data yang sudah tersimpan tidak diubah."
        )
    return DiskFullError(pesan, saran=saran, needed=needed)


def read_only(folder: Path, action: str = "menyimpan data") -> ReadOnlyError:
    """The message for a folder (or a file in it) that can only be read."""
    return ReadOnlyError(
        f"Folder {folder} hanya bisa dibaca, sehingga aplikasi tidak bisa {action}. "
        "Data di dalamnya tidak rusak.",
        saran=(
            "Minta petugas TI memberi izin tulis pada folder itu, atau pilih folder lain. Bila folder "
            "ada di flash disk atau kartu memori, matikan kunci tulisnya (write-protect)."
        ),
    )


def require_free_space(folder: Path, needed: int) -> None:
    """Raise ``DiskFullError`` (saying how much) when ``folder``'s disk has less than ``needed`` + margin."""
    free = free_space(folder)
    if free is not None and free < needed + MARGIN:
        raise disk_full(folder, needed, free=free)


def is_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in _FULL


def is_read_only(exc: BaseException) -> bool:
    return isinstance(exc, PermissionError) or (isinstance(exc, OSError) and exc.errno in _READ_ONLY)


def translate_os_error(
    exc: BaseException,
    folder: Path | None = None,
    *,
    needed: int | None = None,
    action: str = "menyimpan data",
) -> KnownError | None:
    """A clerk-readable error for a full disk or a read-only place, or None for any other failure."""
    if not isinstance(exc, OSError):
        return None
    where = folder or (Path(exc.filename).parent if isinstance(exc.filename, str) else Path.cwd())
    if is_full(exc):
        return disk_full(where, needed)
    if is_read_only(exc):
        return read_only(where, action)
    return None


def translate_failure(exc: BaseException) -> KnownError | None:
    """A storage failure that reached the top (a full disk, a read-only place, a locked or damaged
    database) as a clerk-readable error; None for anything else, which is a bug to report."""
    if isinstance(exc, KnownError):
        return exc
    if isinstance(exc, OSError):
        return translate_os_error(exc)
    from kinerja_desktop.core.db.engine import translate_db_error

    return translate_db_error(exc)


def probe_writable(folder: Path) -> OSError | None:
    """Try to create (and remove) a small file in ``folder``: None when that works, else the error."""
    probe = folder / f".tulis-{uuid.uuid4().hex[:8]}.tmp"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"0")
        probe.unlink()
    except OSError as exc:
        return exc
    return None


def file_size(path: Path) -> int:
    """Size of ``path`` (0 when missing) plus its SQLite ``-wal`` file beside it, if any."""
    total = 0
    for candidate in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            total += os.stat(candidate).st_size
    return total
