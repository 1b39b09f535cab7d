"""One app per data folder: an operating-system lock on a file in the folder, gone when its process dies.

The lock is taken on the file's first byte (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows);
the system drops it when the holder exits or is killed, so a lock file left by a crash never blocks.
After that byte the file says who holds the lock (process id, since when), for the message.
"""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import datetime
from pathlib import Path
from types import TracebackType

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.storage import translate_os_error

LOCK_FILENAME = "kinerja.lock"


class FolderInUse(KnownError):
    """Another running copy of the app holds the data folder."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class FolderLock:
    """``FolderLock(folder).acquire()`` or ``with FolderLock(folder):``; raises ``FolderInUse``."""

    def __init__(self, folder: Path, purpose: str = "aplikasi") -> None:
        self.path = folder / LOCK_FILENAME
        self.purpose = purpose
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> FolderLock:
        if self._fd is not None:
            return self
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            known = translate_os_error(exc, self.path.parent, action="membuka folder data")
            if known is not None:
                raise known from exc
            raise
        if not _try_lock(fd):
            holder = self._holder()
            os.close(fd)
            raise FolderInUse(
                f"Kinerja Desktop sudah terbuka untuk folder data {self.path.parent}{holder}.",
                saran="Gunakan jendela Kinerja Desktop yang sudah terbuka (lihat di taskbar), atau tutup "
                "dulu jendela itu lalu coba lagi. Satu folder data hanya boleh dibuka satu aplikasi.",
            )
        self._fd = fd
        stamp = f"{os.getpid()}\n{datetime.now():%Y-%m-%dT%H:%M:%S}\n{self.purpose}\n".encode()
        # Who holds the lock is only for the message; the lock itself is what counts.
        with contextlib.suppress(OSError):
            os.lseek(fd, 1, os.SEEK_SET)
            os.write(fd, stamp)
            os.ftruncate(fd, 1 + len(stamp))
        return self

    def _holder(self) -> str:
        """`` (proses 1234, sejak 07-12-2025 15:30)`` from the file, or ``""`` when unreadable."""
        try:
            with open(self.path, "rb") as handle:
                handle.seek(1)
                lines = handle.read(200).decode("utf-8", "replace").split("\n")
            pid, since, purpose = [*lines, "", ""][:3]
            waktu = datetime.fromisoformat(since)
        except (OSError, ValueError):
            return ""
        jenis = f"{purpose}, " if purpose and purpose != "aplikasi" else ""
        return f" ({jenis}proses {pid.strip()}, sejak {waktu:%d-%m-%Y %H:%M})"

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> FolderLock:
        return self.acquire()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
