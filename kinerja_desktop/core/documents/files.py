"""Saving a PDF safely: written beside the target, then renamed, with failures a clerk can act on."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from kinerja_desktop.core.errors import KnownError


def save_pdf(data: bytes, path: Path) -> None:
    """Write ``data`` to ``path`` all or nothing: a failure never leaves half a PDF (or none) behind."""
    tmp: str | None = None
    try:
        if not path.parent.is_dir():
            raise KnownError(
                f"Folder {path.parent} tidak ada.", saran="Pilih folder yang sudah ada, lalu coba lagi."
            )
        fd, tmp = tempfile.mkstemp(prefix=".kinerja-", suffix=".pdf", dir=path.parent)
        with os.fdopen(fd, "wb") as berkas:
            berkas.write(data)
            berkas.flush()
            os.fsync(berkas.fileno())
        os.replace(tmp, path)
        tmp = None
    except PermissionError as exc:
        raise KnownError(
            f"Berkas {path.name} tidak bisa ditulis (mungkin sedang dibuka di pembaca PDF, atau folder ini "
            "tidak boleh ditulisi).",
            saran="Tutup berkas itu atau pilih folder/nama lain, lalu coba lagi.",
        ) from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise KnownError(
                f"Disk penuh: berkas {path.name} tidak dapat disimpan.",
                saran="Kosongkan ruang disk atau simpan ke flashdisk/folder lain, lalu coba lagi.",
            ) from exc
        raise KnownError(f"Berkas {path.name} gagal disimpan: {exc.strerror or exc}.") from exc
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
