"""Writing workbooks: text cells that stay text, and saving beside the target, then renamed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from kinerja_desktop.core.errors import KnownError

#: Text starting with one of these would be taken for a formula when a person edits the cell.
AWAL_RUMUS = ("=", "+", "-", "@")


def text_cell(ws: Any, teks: str) -> WriteOnlyCell:
    """A write-only cell holding ``teks`` as text, never a formula, whatever it starts with.

    Text that looks like a formula ("=SUM(1)", "+62 812…") is also quoted (Excel's leading apostrophe),
    so it stays text when a person edits the cell in Excel.
    """
    cell = WriteOnlyCell(ws, value=teks)
    cell.data_type = "s"
    if teks.startswith(AWAL_RUMUS):
        cell.quotePrefix = True
    return cell


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
