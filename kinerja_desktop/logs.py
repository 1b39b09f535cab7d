"""Logging to a rotating file in the data folder, plus faulthandler for hard crashes."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from io import TextIOWrapper
from pathlib import Path
from typing import IO

from kinerja_desktop.core.paths import private_dir, private_file

_fault_file: IO[str] | None = None


class PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are the user's alone on POSIX (0600): every file it opens, the first
    and each one started after a rotation, is made so before a line is written."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        private_file(Path(self.baseFilename))
        return stream


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path:
    """Log to ``log_dir/kinerja.log`` (rotated at 1 MB, 5 kept) and dump native crashes beside it;
    the folder and its files are the user's alone on POSIX."""
    global _fault_file
    private_dir(log_dir)
    log_file = log_dir / "kinerja.log"
    handler = PrivateFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not isinstance(h, logging.handlers.RotatingFileHandler)]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if _fault_file is None:
        _fault_file = (log_dir / "crash.log").open("a", encoding="utf-8")
        private_file(log_dir / "crash.log")
        faulthandler.enable(_fault_file)
    return log_file
