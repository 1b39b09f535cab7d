"""Mulai data kantor sungguhan: from the demo office to the first-run wizard, the demo kept aside."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kinerja_desktop.app import build_app
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui import demo_exit
from kinerja_desktop.ui.beranda.page import BerandaPage
from kinerja_desktop.ui.first_run import FirstRunWizard
from kinerja_desktop.ui.login import LoginDialog
from kinerja_desktop.ui.main_window import MainWindow


@pytest.mark.sqlite_only("the demo office's own SQLite file is what is set aside")
def test_from_the_demo_to_the_wizard_keeping_the_demo_aside(
    qtbot: QtBot, demo_office: Callable[[int], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(demo_office(10), folder)
    controller = build_app(AppPaths(folder))
    try:
        login = controller.window
        assert isinstance(login, LoginDialog)
        login.username.setText("admin")
        login.password.setText("admin123")
        login.login_button.click()
        window = controller.window
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        assert window.start_real_action.isVisible() and window.start_real_action.isEnabled()
        beranda = window.page(BerandaPage)
        assert isinstance(beranda, BerandaPage) and not beranda.demo_button.isHidden()
        monkeypatch.setattr(demo_exit.MulaiSungguhanDialog, "exec", lambda self: 1)
        beranda.demo_button.click()  # the banner's button asks the main window, which asks how
        assert isinstance(controller.window, FirstRunWizard)
        [kept] = [p for p in folder.iterdir() if p.name.startswith("demo-")]
        assert (kept / "kinerja.sqlite3").is_file() and (kept / "cadangan").is_dir()
        assert controller.workspace is not None and not controller.workspace.is_initialised()
    finally:
        if controller.window is not None:
            controller.window.close()
        controller.close()


def test_a_real_office_offers_no_way_out_of_a_demo(qtbot: QtBot, workspace: Workspace, admin: Actor) -> None:
    window = MainWindow(workspace, admin)
    qtbot.addWidget(window)
    beranda = window.page(BerandaPage)
    assert isinstance(beranda, BerandaPage)
    assert not window.start_real_action.isVisible() and beranda.demo_button.isHidden()
