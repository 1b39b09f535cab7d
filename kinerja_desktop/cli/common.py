"""What every subcommand shares: the ``--data-dir`` option, opening the workspace, asking a password."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from kinerja_desktop.core.errors import KnownError

if TYPE_CHECKING:
    from sqlalchemy import URL

    from kinerja_desktop.core.lock import FolderLock
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.workspace import Workspace

ENV_PASSWORD = "KINERJA_PASSWORD"
#: Confirms, without a screen, that a server database may be upgraded with no pg_dump made here first.
ENV_SERVER_BACKED_UP = "KINERJA_SERVER_SUDAH_DICADANGKAN"
SERVER_BACKED_UP_FLAG = "--server-sudah-dicadangkan"


def common_parser() -> argparse.ArgumentParser:
    """The options every subcommand accepts (``--data-dir``), as an argparse parent."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder untuk semua berkas aplikasi (basis data, cadangan, log, pengaturan)",
    )
    common.add_argument(
        SERVER_BACKED_UP_FLAG,
        action="store_true",
        default=argparse.SUPPRESS,
        help="basis data di server boleh diperbarui ke skema versi ini walau pg_dump tidak ada di komputer "
        f"ini: Anda sudah memastikan server memiliki cadangan terbaru (sama dengan {ENV_SERVER_BACKED_UP}=1)",
    )
    return common


def resolved_paths(args: argparse.Namespace) -> AppPaths:
    """The data folder named by ``--data-dir``, else ``KINERJA_DATA_DIR``, else the default."""
    from kinerja_desktop.core.paths import resolve_paths

    return resolve_paths(getattr(args, "data_dir", None))


def open_workspace(
    args: argparse.Namespace, paths: AppPaths | None = None, url: str | URL | None = None
) -> Workspace:
    """Open (creating or upgrading) the data folder named by ``--data-dir`` or the default.

    A server database to upgrade that cannot be dumped here first is refused, untouched, unless
    ``--server-sudah-dicadangkan`` or ``KINERJA_SERVER_SUDAH_DICADANGKAN=1`` confirms the server's backup.
    """
    from kinerja_desktop.core.errors import ServerBackupUnconfirmed
    from kinerja_desktop.core.workspace import Workspace

    confirmed = getattr(args, "server_sudah_dicadangkan", False) or os.environ.get(
        ENV_SERVER_BACKED_UP, ""
    ).strip().lower() in ("1", "ya", "yes", "true")
    try:
        if confirmed:
            return Workspace.open(paths or resolved_paths(args), url, upgrade_without_dump=True)
        return Workspace.open(paths or resolved_paths(args), url)
    except ServerBackupUnconfirmed as exc:
        before, after = exc.revisi
        raise KnownError(
            f"Basis data di server perlu diperbarui dari skema {before} ke {after}, tetapi pg_dump yang "
            "cocok tidak ada di komputer ini, jadi cadangan sebelum pembaruan tidak bisa dibuat. Basis data "
            f"belum diubah.\n{exc.alasan}",
            saran="Pasang alat itu lalu jalankan lagi, atau pastikan server sudah memiliki cadangan terbaru "
            f"lalu jalankan lagi dengan {SERVER_BACKED_UP_FLAG} (atau {ENV_SERVER_BACKED_UP}=1).",
        ) from exc


def lock_folder(args: argparse.Namespace, purpose: str) -> FolderLock:
    """The data folder's lock (``with lock_folder(args, "pemulihan"):``): a command that replaces or
    fills the whole database refuses while the app has the folder open."""
    from kinerja_desktop.core.lock import FolderLock

    return FolderLock(resolved_paths(args).data_dir, purpose)


def ask_password(prompt: str) -> str:
    """An existing account's password: once from the terminal, else from KINERJA_PASSWORD."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    value = os.environ.get(ENV_PASSWORD)
    if not value:
        raise KnownError(
            "Kata sandi tidak bisa ditanyakan karena tidak ada terminal.",
            saran=f"Isi variabel lingkungan {ENV_PASSWORD} dengan kata sandi akun itu.",
        )
    return value


def read_password(prompt: str) -> str:
    """From the terminal (asked twice), else from KINERJA_PASSWORD."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("Ulangi kata sandi: ") != first:
            raise KnownError("Kedua kata sandi tidak sama.")
        return first
    value = os.environ.get(ENV_PASSWORD)
    if not value:
        raise KnownError(
            "Kata sandi tidak bisa ditanyakan karena tidak ada terminal.",
            saran=f"Isi variabel lingkungan {ENV_PASSWORD} dengan kata sandi administrator.",
        )
    return value
