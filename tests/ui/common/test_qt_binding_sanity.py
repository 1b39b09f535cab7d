"""Guards against a Qt binding that leaks references to None (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    before = sys.getrefcount(None)
    for _ in range(2000):
        edit.setText("x")
    # Immortal None (Python 3.12+) reports a huge constant; a leaking binding loses one per call.
    assert sys.getrefcount(None) >= before - 100
