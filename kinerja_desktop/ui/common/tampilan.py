"""What a user arranged on screen (the main window, column widths), remembered per account."""

from __future__ import annotations

import contextlib
import re

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QTableView

from kinerja_desktop.core.paths import AppPaths

FOLDER = "tampilan"
_store: QSettings | None = None


def open_store(paths: AppPaths, username: str) -> QSettings:
    """The logged-in account's settings: ``tampilan/<username>.ini`` in the data folder (each PC keeps
    its own: a screen's size belongs to the PC, not to the office's database)."""
    global _store
    slug = re.sub(r"[^A-Za-z0-9_.-]", "_", username) or "pengguna"
    folder = paths.data_dir / FOLDER
    with contextlib.suppress(OSError):  # a read-only folder: the arrangement is just not remembered
        folder.mkdir(parents=True, exist_ok=True)
    _store = QSettings(str(folder / f"{slug}.ini"), QSettings.Format.IniFormat)
    return _store


def close_store() -> None:
    """The account logged out: nothing more is remembered for it (written to disk now)."""
    global _store
    if _store is not None:
        _store.sync()
    _store = None


def store() -> QSettings | None:
    """The settings of the account logged in now, or None before a login."""
    return _store


def restore_window(window: QMainWindow) -> bool:
    """Put the main window back as the account left it; False the first time (the caller maximises)."""
    settings = _store
    if settings is None:
        return False
    geometry, state = settings.value("jendela/geometri"), settings.value("jendela/keadaan")
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    if isinstance(state, QByteArray):
        window.restoreState(state)
    return True


def save_window(window: QMainWindow) -> None:
    """Remember the main window's size, position, maximised or not, and its bars."""
    settings = _store
    if settings is None:
        return
    settings.setValue("jendela/geometri", window.saveGeometry())
    settings.setValue("jendela/keadaan", window.saveState())
    settings.sync()


def saved_widths(key: str) -> dict[int, int]:
    """The column widths the account gave table ``key`` ({} when none)."""
    settings = _store
    if settings is None:
        return {}
    raw = settings.value(f"kolom/{key}")
    widths: dict[int, int] = {}
    for part in str(raw or "").split(","):
        column, _, width = part.partition(":")
        if column.isdigit() and width.isdigit() and int(width) > 0:
            widths[int(column)] = int(width)
    return widths


def remember_widths(table: QTableView, key: str) -> None:
    """From now on, every column the user drags in ``table`` is remembered under ``key``."""

    def on_resized(column: int, _old: int, new: int) -> None:
        settings = _store
        if settings is None or new <= 0:
            return
        widths = saved_widths(key) | {column: new}
        settings.setValue(f"kolom/{key}", ",".join(f"{c}:{w}" for c, w in sorted(widths.items())))

    table.horizontalHeader().sectionResized.connect(on_resized)
