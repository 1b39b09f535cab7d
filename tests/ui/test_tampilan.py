"""The main window opens maximised the first time, then as the account left it; dragged column widths
come back; each account keeps its own."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common import tampilan
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.pegawai.page import PegawaiPage


def _window(qtbot: QtBot, ws: Workspace, user: str) -> MainWindow:
    window = MainWindow(ws, ws.login(user, f"{user}123"))
    qtbot.addWidget(window)
    return window


def _close(window: MainWindow) -> None:
    window._logging_out = True  # as after Keluar akun: no backup questions
    window.close()


def test_maximised_first_then_as_left_and_per_account(qtbot: QtBot, demo_ws: Workspace) -> None:
    first = _window(qtbot, demo_ws, "admin")
    assert first.windowState() & Qt.WindowState.WindowMaximized
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.resize(QSize(700, 500))
    first.show()
    _close(first)
    again = _window(qtbot, demo_ws, "admin")
    assert not again.windowState() & Qt.WindowState.WindowMaximized
    assert again.size() == QSize(700, 500)
    _close(again)
    other = _window(qtbot, demo_ws, "operator")  # another account on the same PC: its own first time
    assert other.windowState() & Qt.WindowState.WindowMaximized
    _close(other)
    assert (demo_ws.paths.data_dir / tampilan.FOLDER / "admin.ini").is_file()


def test_a_dragged_column_width_comes_back(qtbot: QtBot, demo_ws: Workspace) -> None:
    window = _window(qtbot, demo_ws, "admin")
    page = window.open_page(PegawaiPage)
    assert isinstance(page, PegawaiPage)
    page.table.horizontalHeader().resizeSection(2, 171)  # as a drag does
    _close(window)
    window = _window(qtbot, demo_ws, "admin")
    page = window.open_page(PegawaiPage)
    assert isinstance(page, PegawaiPage)
    assert page.table.columnWidth(2) == 171
    _close(window)


def test_the_status_bar_has_no_parentheses_inside_parentheses(qtbot: QtBot, demo_ws: Workspace) -> None:
    import re

    from PySide6.QtWidgets import QLabel

    window = _window(qtbot, demo_ws, "pimpinan")
    texts = [label.text() for label in window.statusBar().findChildren(QLabel) if label.text()]
    assert any("Pimpinan (hanya lihat)" in t for t in texts)
    for text in texts:
        assert not re.search(r"\([^)]*\(", text), text
    _close(window)
