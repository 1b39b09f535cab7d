"""Leaving the demo: the demo office's files set aside in a folder of their own (or deleted), so the
data folder starts empty for the real office."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from kinerja_desktop.core.errors import DatabaseError
from kinerja_desktop.core.paths import AppPaths

#: The demo office's files and folders; logs, the lock and the settings stay with the data folder.
_FILES = ("kinerja.sqlite3", "kinerja.sqlite3-wal", "kinerja.sqlite3-shm")
_FOLDERS = ("bukti", "cadangan", "tampilan")


def demo_aside(paths: AppPaths, *, keep: bool, now: datetime | None = None) -> Path | None:
    """Move the demo office's database and its folders into ``demo-YYYYMMDD-HHMMSS`` beside them
    (``keep``) or delete them; returns the folder kept, or None. The database must be closed.

    The database file goes first: if it cannot be moved (still open somewhere) nothing has changed.
    """
    stamp = f"{now or datetime.now():%Y%m%d-%H%M%S}"
    target = paths.data_dir / f"demo-{stamp}"
    present = [paths.data_dir / name for name in (*_FILES, *_FOLDERS) if (paths.data_dir / name).exists()]
    try:
        if keep:
            target.mkdir()
            for path in present:
                os.replace(path, target / path.name)
            return target
        for path in present:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        return None
    except OSError as exc:
        raise DatabaseError(
            f"Data demo tidak bisa {'dipindahkan' if keep else 'dihapus'} ({exc.strerror or exc}).",
            saran="Tutup program lain yang membuka folder data (mis. penjelajah berkas), lalu coba lagi.",
        ) from exc
