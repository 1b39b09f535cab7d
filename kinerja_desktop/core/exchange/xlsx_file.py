"""Saving a workbook safely: beside the target, then renamed, with clerk-readable failures."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook

from kinerja_desktop.core.errors import KnownError


def save_workbook(wb: Workbook, path: Path) -> None:
    """Write next to the target and rename, so a failure never leaves half a workbook behind."""
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".kinerja-", suffix=".xlsx", dir=path.parent)
        os.close(fd)
        wb.save(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes it owner-only; a workbook is meant to be shared
        os.replace(tmp, path)
    except PermissionError as exc:
        raise KnownError(
            f"Berkas {path.name} tidak bisa ditulis (mungkin sedang dibuka di Excel, atau folder ini "
            "tidak boleh ditulisi).",
            saran="Tutup berkas itu di Excel atau pilih folder/nama lain, lalu coba lagi.",
        ) from exc
    except OSError as exc:
        raise KnownError(f"Berkas {path.name} gagal disimpan: {exc.strerror or exc}.") from exc
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
