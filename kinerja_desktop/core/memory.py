"""Handing freed memory back to the operating system after a large temporary allocation (glibc only)."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None  # glibc has it; musl does not
    except OSError:
        return None


def release_memory() -> None:
    """Return the free pages of the C heap to the system.

    A workbook sheet read whole (hundreds of megabytes for a big office's year) leaves its freed
    pages inside glibc's heap, where the process's memory use keeps counting them. Elsewhere the
    C runtime hands large freed blocks back by itself, and this does nothing.
    """
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
