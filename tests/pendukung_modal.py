"""A watchdog for UI tests: a modal dialog nobody answers fails its test instead of hanging the run."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

#: Seconds a modal dialog may stay open in a test before it is closed and the test fails.
BATAS_DETIK = 20.0


def describe(widget: QWidget) -> str:
    """The dialog's class, title and (for a message box) text, for the failure."""
    text = widget.text() if isinstance(widget, QMessageBox) else ""
    return f"{type(widget).__name__} {widget.windowTitle()!r} {text!r}".strip()


@contextmanager
def modal_watchdog(limit: float = BATAS_DETIK) -> Iterator[list[str]]:
    """While the block runs, close any modal dialog open longer than ``limit`` seconds (the nested event
    loop of ``exec()`` runs this timer too) and list it in the yielded list."""
    stuck: list[str] = []
    opened: dict[int, float] = {}

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            opened.clear()
            return
        since = opened.setdefault(id(widget), time.monotonic())
        if time.monotonic() - since < limit:
            return
        stuck.append(describe(widget))
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        else:
            widget.close()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(500)
    try:
        yield stuck
    finally:
        timer.stop()
