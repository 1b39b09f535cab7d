"""The real start-up path: wizard on a new folder, login, main window, log-out, smoke flag."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from kinerja_desktop.app import AppController, build_app
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services.access import Peran
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.first_run import FirstRunWizard
from kinerja_desktop.ui.login import LoginDialog
from kinerja_desktop.ui.main_window import MainWindow


@pytest.fixture
def controller(qtbot: QtBot, paths: AppPaths, sync_tasks: None) -> AppController:
    ctl = build_app(paths)
    assert ctl.window is not None
    qtbot.addWidget(ctl.window)
    yield ctl
    if ctl.window is not None:
        ctl.window.close()
    ctl.close()


def _fill_wizard(wizard: FirstRunWizard) -> None:
    page = wizard.kantor_page
    page.nama.setText("Kecamatan Plaju")
    page.kode.setText("plj")
    page.tempat.setText("Plaju")
    page.instansi.setText("Pemerintah Kota Palembang")


def test_new_folder_opens_the_wizard_and_it_sets_up_the_office(
    qtbot: QtBot, controller: AppController
) -> None:
    wizard = controller.window
    assert isinstance(wizard, FirstRunWizard) and wizard.isVisible()
    wizard.next()
    assert wizard.currentPage() is wizard.kantor_page

    wizard.next()  # empty form: stays, says what is missing
    assert wizard.currentPage() is wizard.kantor_page
    assert "Kode kantor" in wizard.kantor_page.error.text()

    _fill_wizard(wizard)
    wizard.next()
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    admin.username.setText("Kepala")
    admin.password.setText("rahasia123")
    admin.repeat.setText("beda12345")
    wizard.next()
    assert "tidak sama" in admin.error.text()
    assert not controller.workspace.is_initialised()

    admin.repeat.setText("rahasia123")
    wizard.next()
    assert controller.workspace.is_initialised()
    wizard.button(QWizard.WizardButton.FinishButton).click()

    login = controller.window
    assert isinstance(login, LoginDialog) and login.isVisible()
    assert login.username.text() == "kepala"
    assert "Kecamatan Plaju" in login.kantor_label.text()


def test_cancelling_the_wizard_changes_nothing(qtbot: QtBot, controller: AppController) -> None:
    wizard = controller.window
    assert isinstance(wizard, FirstRunWizard)
    wizard.reject()
    assert not controller.workspace.is_initialised()


@pytest.fixture
def ready(qtbot: QtBot, workspace: Workspace, sync_tasks: None) -> AppController:
    ctl = AppController(workspace)
    ctl.start()
    assert ctl.window is not None
    qtbot.addWidget(ctl.window)
    return ctl


def _login(ctl: AppController, username: str, password: str) -> None:
    dialog = ctl.window
    assert isinstance(dialog, LoginDialog)
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.login_button.click()


def test_wrong_password_is_explained_inline(ready: AppController) -> None:
    _login(ready, "admin", "keliru123")
    dialog = ready.window
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    assert "salah" in dialog.message.text()
    assert "Sisa 4" in dialog.message.text()
    assert dialog.password.text() == ""


def test_login_opens_main_window_with_status_and_pages(qtbot: QtBot, ready: AppController) -> None:
    _login(ready, "admin", "rahasia123")
    window = ready.window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert window.windowTitle() == "Kinerja Desktop — Kecamatan Plaju"
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[0] == "Beranda" and "Pengguna" in titles and "Cadangan" in titles
    assert ("belum pernah" if window.can_back_up else "alat server") in window.status_backup.text()
    for row in range(window.nav.count()):  # every page opens against the real database
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is not None

    assert window.backup_action.isEnabled() == window.can_back_up  # a server: when pg_dump fits it
    if not window.can_back_up:
        return
    window.backup_action.trigger()
    assert "belum pernah" not in window.status_backup.text()
    assert len(ready.workspace.list_backups()) == 1


def test_operator_sees_only_pages_for_the_role(ready: AppController, workspace: Workspace) -> None:
    from kinerja_desktop.core.services import akun

    admin = workspace.login("admin", "rahasia123")
    with workspace.transaction(admin) as session:
        akun.create_pengguna(session, admin, "operator1", "operator123", Peran.OPERATOR)
    _login(ready, "operator1", "operator123")
    window = ready.window
    assert isinstance(window, MainWindow)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Pengguna" not in titles and "Log Audit" not in titles
    assert "Beranda" in titles


def test_logout_returns_to_login(ready: AppController) -> None:
    _login(ready, "admin", "rahasia123")
    window = ready.window
    assert isinstance(window, MainWindow)
    window.logout()
    assert isinstance(ready.window, LoginDialog)
    assert ready.window.username.text() == "admin"


def test_forced_password_change_after_reset(
    ready: AppController, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.core.services import akun
    from kinerja_desktop.ui import login as login_module

    admin = workspace.login("admin", "rahasia123")
    with workspace.transaction(admin) as session:
        uid = akun.create_pengguna(session, admin, "operator1", "operator123", Peran.OPERATOR)
        akun.reset_password(session, admin, uid, "sementara1")

    def fake_exec(dialog: login_module.ChangePasswordDialog) -> int:
        dialog.new.setText("baruSekali9")
        dialog.repeat.setText("baruSekali9")
        dialog.on_save_clicked()
        return int(dialog.result())

    monkeypatch.setattr(login_module.ChangePasswordDialog, "exec", fake_exec)
    _login(ready, "operator1", "sementara1")
    assert isinstance(ready.window, MainWindow)
    assert workspace.login("operator1", "baruSekali9").username == "operator1"


def test_smoke_flag_exits_zero_on_a_new_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--smoke", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "FirstRunWizard tampil" in result.stderr
    assert (tmp_path / "d" / "kinerja.sqlite3").exists()
    assert (tmp_path / "d" / "log" / "kinerja.log").exists()


def test_app_instance_is_indonesian(qapp: QApplication) -> None:
    from PySide6.QtCore import QLocale

    from kinerja_desktop.app import _application

    assert _application() is qapp
    assert QLocale().language() == QLocale.Language.Indonesian
    assert not qapp.windowIcon().isNull()


def test_saving_office_settings_updates_title_and_status_bar(ready: AppController) -> None:
    from kinerja_desktop.ui.kantor.page import KantorPage

    _login(ready, "admin", "rahasia123")
    window = ready.window
    assert isinstance(window, MainWindow)
    page = window.open_page(KantorPage)
    assert isinstance(page, KantorPage)
    page.nama.setText("Kecamatan Plaju Baru")
    assert page.save()
    assert window.windowTitle() == "Kinerja Desktop — Kecamatan Plaju Baru"
    assert "Kecamatan Plaju Baru" in window.status_kantor.text()


def test_demo_button_in_the_wizard_loads_the_demo_office(qtbot: QtBot, controller: AppController) -> None:
    wizard = controller.window
    assert isinstance(wizard, FirstRunWizard)
    wizard.welcome_page.demo.setChecked(True)
    wizard.next()
    page = wizard.demo_page
    assert wizard.currentPage() is page
    assert not page.isComplete()
    page.load_button.click()  # tasks run inline in tests
    assert page.isComplete()
    assert page.accounts.rowCount() == 4
    assert page.accounts.item(0, 0).text() == "admin"
    wizard.button(QWizard.WizardButton.FinishButton).click()

    login = controller.window
    assert isinstance(login, LoginDialog)
    assert "DATA DEMO" in login.kantor_label.text()
    _login(controller, "admin", "admin123")
    window = controller.window
    assert isinstance(window, MainWindow)
    assert window.windowTitle().endswith("[DATA DEMO]")
    home = window.stack.currentWidget()
    assert home.cards["pegawai"].value.text() == "40"  # type: ignore[attr-defined]
    assert home.demo_banner.isVisibleTo(window)  # type: ignore[attr-defined]


def test_monitoring_row_opens_the_skp_page_on_that_skp(qtbot: QtBot, controller: AppController) -> None:
    from kinerja_desktop.ui.monitoring.page import MonitoringPage
    from kinerja_desktop.ui.skp.page import SkpPage

    wizard = controller.window
    assert isinstance(wizard, FirstRunWizard)
    wizard.welcome_page.demo.setChecked(True)
    wizard.next()
    wizard.demo_page.load_button.click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    _login(controller, "admin", "admin123")
    window = controller.window
    assert isinstance(window, MainWindow)
    monitoring = window.open_page(MonitoringPage)
    assert isinstance(monitoring, MonitoringPage)
    target = next(r for r in monitoring.model.rows if r.skp_id) if monitoring.model.rows else None
    assert target is not None
    monitoring.open_skp.emit(target.skp_id)
    skp_page = window.stack.currentWidget()
    assert isinstance(skp_page, SkpPage)
    assert window.nav.currentItem().text() == "SKP"
    assert skp_page.stack.currentWidget() is skp_page.editor
    assert skp_page.editor.detail is not None and skp_page.editor.detail.id == target.skp_id
