"""Pre-filled fields select their text on focus, by mouse or keyboard, so typing replaces it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kinerja_desktop.ui.common.forms import TeksEdit
from kinerja_desktop.ui.common.widgets import PegawaiPicker

BUDI = "Budi Santoso — 19860926 201505 1 001"


_kept: list[QWidget] = []


def _window(qtbot: QtBot, *widgets: QWidget) -> QLineEdit:
    window = QWidget()
    _kept[:] = [window]  # alive until the next test
    layout = QVBoxLayout(window)
    other = QLineEdit()
    layout.addWidget(other)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    other.setFocus()
    return other


def test_a_chosen_pegawai_is_selected_when_clicked_into_then_typing_replaces_it(qtbot: QtBot) -> None:
    picker = PegawaiPicker()
    picker.set_choices([("p1", BUDI)])
    picker.set_value("p1")
    _window(qtbot, picker)
    qtbot.mouseClick(picker.line, Qt.MouseButton.LeftButton, pos=QPoint(40, picker.line.height() // 2))
    qtbot.waitUntil(lambda: picker.line.selectedText() == BUDI)
    qtbot.keyClicks(picker.line, "Xy")
    assert picker.line.text() == "Xy" and picker.value() is None


def test_a_superior_s_rhk_offered_as_a_start_is_selected_until_typed_over(qtbot: QtBot) -> None:
    teks = TeksEdit()
    other = _window(qtbot, teks)
    teks.prefill("Meningkatnya kualitas pelayanan administrasi kependudukan")
    other.setFocus()
    teks.textCursor().clearSelection()
    cursor = teks.textCursor()
    cursor.clearSelection()
    teks.setTextCursor(cursor)
    teks.setFocus()
    qtbot.waitUntil(lambda: teks.textCursor().selectedText() == teks.text())
    qtbot.keyClicks(teks, "Terlayaninya")
    assert teks.text() == "Terlayaninya"
    other.setFocus()
    teks.setFocus()
    qtbot.wait(20)
    assert teks.textCursor().selectedText() == ""  # typed by the user now: left as it is
