"""Where the app keeps its files: one data folder (platformdirs, or ``--data-dir``) for everything."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop import APP_NAME

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
        """The engine URL: ``KINERJA_DATABASE_URL`` when set, else the SQLite file in the data folder."""
        return os.environ.get(ENV_DATABASE_URL) or f"sqlite:///{self.database}"

    def ensure(self) -> AppPaths:
        """Create the folders (idempotent) and return self."""
        for folder in (self.data_dir, self.backups, self.logs, self.evidence):
            folder.mkdir(parents=True, exist_ok=True)
        return self


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
