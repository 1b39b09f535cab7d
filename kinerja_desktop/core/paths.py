"""Where the app keeps its files: one data folder (platformdirs, or ``--data-dir``) for everything."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop import APP_NAME

#: On Linux and macOS the data folder and everything the app keeps in it is for the user alone: the
#: database holds personal data of every pegawai and the password hashes. Windows keeps the per-user
#: folder's own permissions (the user's profile is private there).
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
POSIX = os.name == "posix"

ENV_DATA_DIR = "KINERJA_DATA_DIR"
ENV_DATABASE_URL = "KINERJA_DATABASE_URL"
DATABASE_FILENAME = "kinerja.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    """Every folder and file the app writes, all below ``data_dir``."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILENAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "cadangan"

    @property
    def logs(self) -> Path:
        return self.data_dir / "log"

    @property
    def evidence(self) -> Path:
        return self.data_dir / "bukti"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "pengaturan.json"

    def database_url(self) -> str:
        """``KINERJA_DATABASE_URL`` when set, else the SQLite file in the data folder; the app opens
        ``core.server.settings.database_url``, which also knows the server a folder remembers."""
        return os.environ.get(ENV_DATABASE_URL) or f"sqlite:///{self.database}"

    def ensure(self) -> AppPaths:
        """Create the folders (idempotent), for the user alone on POSIX, and return self.

        Folders made by an earlier version are made private too; the files inside get their mode
        when they are written (``private_file``), and the private folder shuts out everyone else.
        """
        for folder in (self.data_dir, self.backups, self.logs, self.evidence):
            private_dir(folder)
        return self


def private_dir(folder: Path) -> Path:
    """``folder`` created with any missing parents; on POSIX it, and each parent made here, is 0700
    (best effort: a folder the user does not own keeps its mode). Only created on Windows."""
    missing = [folder, *(p for p in folder.parents if not p.exists())] if not folder.exists() else [folder]
    folder.mkdir(parents=True, exist_ok=True)
    if POSIX:
        for made in missing:
            with contextlib.suppress(OSError):
                os.chmod(made, PRIVATE_DIR_MODE)
    return folder


def private_file(path: Path) -> None:
    """On POSIX, ``path`` (when it exists) readable and writable by the user alone (0600); nothing
    on Windows."""
    if POSIX:
        with contextlib.suppress(OSError):  # gone meanwhile, or not the user's own: it keeps its mode
            os.chmod(path, PRIVATE_FILE_MODE)


def default_data_dir() -> Path:
    """The per-user data folder (e.g. ``%LOCALAPPDATA%\\kinerja-desktop`` on Windows)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Paths for ``data_dir``, else ``KINERJA_DATA_DIR``, else the per-user default."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    base = Path(chosen).expanduser() if chosen else default_data_dir()
    return AppPaths(base.resolve())


def resources_dir() -> Path:
    """The ``resources`` folder: beside the package in a checkout, inside the bundle when frozen."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    base = Path(frozen_base) if frozen_base else Path(__file__).resolve().parents[2]
    return base / "resources"
