"""Logging to a rotating file in the data folder, plus faulthandler for hard crashes."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from pathlib import Path
from typing import IO

_fault_file: IO[str] | None = None


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path:
    """Log to ``log_dir/kinerja.log`` (rotated at 1 MB, 5 kept) and dump native crashes beside it."""
    global _fault_file
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "kinerja.log"
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not isinstance(h, logging.handlers.RotatingFileHandler)]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if _fault_file is None:
        _fault_file = (log_dir / "crash.log").open("a", encoding="utf-8")
        faulthandler.enable(_fault_file)
    return log_file
