"""The first-run wizard's central office on a server: fields checked, Uji koneksi's verdict, settings kept."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pendukung_server import KeyringMemori, cluster_postgres, jalankan_sql, pakai_keyring, port_tertutup
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.qtbot import QtBot

from kinerja_desktop.app import AppController, build_app
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.server.check import Verdict
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui import server_fields, server_form
from kinerja_desktop.ui.first_run import FirstRunWizard
from kinerja_desktop.ui.login import LoginDialog
from kinerja_desktop.ui.main_window import MainWindow


@pytest.fixture
def controller(qtbot: QtBot, paths: AppPaths, sync_tasks: None) -> Iterator[AppController]:
    ctl = build_app(paths)
    assert ctl.window is not None
    qtbot.addWidget(ctl.window)
    yield ctl
    if ctl.window is not None:
        ctl.window.close()
    ctl.close()


@pytest.fixture
def memori() -> Iterator[KeyringMemori]:
    with pakai_keyring(KeyringMemori()) as backend:
        assert isinstance(backend, KeyringMemori)
        yield backend


@pytest.fixture
def pura_pura_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """The server stood in for by a SQLite database: Uji koneksi passes, Lanjut opens that database.
    ``state["folder"]`` may be set to a prepared data folder (a server that already holds an office)."""
    state: dict[str, Any] = {"folder": tmp_path / "server", "urls": []}
    open_folder = Workspace.open

    def check(settings: ServerSettings) -> Verdict:
        return Verdict(True, "Koneksi berhasil (PostgreSQL 16.4).", versi="PostgreSQL 16.4")

    def open_server(paths: AppPaths, url: Any = None) -> Workspace:
        state["urls"].append(url)
        return open_folder(AppPaths(state["folder"]))

    monkeypatch.setattr(server_fields, "check_server", check)
    monkeypatch.setattr(server_form.Workspace, "open", staticmethod(open_server))
    return state


def _server_page(controller: AppController) -> tuple[FirstRunWizard, server_form.ServerPage]:
    wizard = controller.window
    assert isinstance(wizard, FirstRunWizard)
    wizard.welcome_page.server.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.server_page
    return wizard, wizard.server_page


def _fill(page: server_form.ServerPage, port: int = 5432) -> None:
    page.host.setText("db.bkpsdm.local")
    page.port.setValue(port)
    page.database.setText("kinerja")
    page.user.setText("kinerja")
    page.password.setText("Sandi: @/rahasia")


def _next_enabled(wizard: QWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_fields_are_checked_before_connecting(controller: AppController) -> None:
    wizard, page = _server_page(controller)
    assert page.port.value() == 5432 and page.database.text() == "kinerja"
    assert not _next_enabled(wizard)  # Lanjut only after a successful test
    page.test_button.click()
    assert page.notes["host"].isVisibleTo(page) and "wajib" in page.notes["host"].text()
    page.host.setText("db bkpsdm")
    page.test_button.click()
    assert "spasi" in page.notes["host"].text()
    page.database.clear()
    page.host.setText("db.bkpsdm.local")
    page.test_button.click()
    assert "Nama basis data wajib" in page.notes["database"].text()
    assert not page.notes["host"].isVisibleTo(page)


def test_an_unreachable_server_is_said_inline_and_keeps_lanjut_off(controller: AppController) -> None:
    pytest.importorskip("psycopg")
    wizard, page = _server_page(controller)
    _fill(page, port_tertutup())
    page.host.setText("127.0.0.1")
    page.test_button.click()
    assert "tidak bisa dihubungi" in page.result.text() and page.result.text().startswith("✗")
    assert page.notes["host"].isVisibleTo(page)
    assert not _next_enabled(wizard)
    page.port.setValue(5433)
    assert "berubah" in page.result.text() and not page.notes["host"].isVisibleTo(page)


def test_a_new_central_office_on_the_server(
    controller: AppController, memori: KeyringMemori, pura_pura_server: dict[str, Any]
) -> None:
    wizard, page = _server_page(controller)
    _fill(page)
    page.test_button.click()
    assert page.result.text() == "✓ Koneksi berhasil (PostgreSQL 16.4)."
    assert _next_enabled(wizard)
    page.user.setText("lain")  # what was tested is no longer what is typed
    assert not _next_enabled(wizard) and "berubah" in page.result.text()
    page.user.setText("kinerja")
    page.test_button.click()
    wizard.next()

    assert wizard.currentPage() is wizard.kantor_page
    assert pura_pura_server["urls"][-1] == page.settings().url()
    assert wizard.kantor_page.pusat.isChecked() and not wizard.kantor_page.pusat.isEnabled()
    folder = controller.paths.data_dir
    assert not server.settings_file(AppPaths(folder)).exists()  # remembered once the office exists
    wizard.kantor_page.nama.setText("BKPSDM Kota Palembang")
    wizard.kantor_page.kode.setText("BKP")
    wizard.kantor_page.tempat.setText("Palembang")
    wizard.next()
    admin = wizard.admin_page
    admin.password.setText("rahasia123")
    admin.repeat.setText("rahasia123")
    wizard.next()
    assert wizard.currentPage() is not admin, admin.error.text()

    saved = server.load(AppPaths(folder))
    assert saved == ServerSettings("db.bkpsdm.local", 5432, "kinerja", "kinerja", "Sandi: @/rahasia")
    assert server.password_store(AppPaths(folder)) == "keyring"
    assert "rahasia" not in server.settings_file(AppPaths(folder)).read_text(encoding="utf-8")
    local = controller.workspace
    wizard.button(QWizard.WizardButton.FinishButton).click()
    login = controller.window
    assert isinstance(login, LoginDialog) and login.username.text() == "admin"
    assert controller.workspace is not local
    assert (
        controller.workspace is not None and controller.workspace.paths.data_dir == pura_pura_server["folder"]
    )
    assert not (local is not None and local.is_initialised())  # nothing was set up on this PC


def test_a_second_pc_joins_the_office_on_the_server(
    controller: AppController, template_folder: Path, tmp_path: Path, pura_pura_server: dict[str, Any]
) -> None:
    pura_pura_server["folder"] = tmp_path / "server-berisi"
    shutil.copytree(template_folder, pura_pura_server["folder"])
    wizard, page = _server_page(controller)
    _fill(page)
    page.test_button.click()
    wizard.next()
    assert wizard.currentPage() is wizard.joined_page
    assert "Kecamatan Plaju (PLJ)" in wizard.joined_page.label.text()
    assert server.load(AppPaths(controller.paths.data_dir)) == page.settings()  # the file fallback
    wizard.button(QWizard.WizardButton.FinishButton).click()
    login = controller.window
    assert isinstance(login, LoginDialog) and "Kecamatan Plaju" in login.kantor_label.text()


def test_back_to_the_welcome_page_sets_up_this_pc_after_all(
    controller: AppController, pura_pura_server: dict[str, Any]
) -> None:
    wizard, page = _server_page(controller)
    local = wizard.workspace
    _fill(page)
    page.test_button.click()
    wizard.next()
    assert wizard.workspace is not local
    wizard.back()
    wizard.back()
    assert wizard.currentPage() is wizard.welcome_page
    assert wizard.workspace is local and wizard.server_settings is None
    wizard.welcome_page.new_office.setChecked(True)
    wizard.next()
    assert wizard.kantor_page.pusat.isEnabled()


def test_the_status_bar_names_the_server(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, sync_tasks: None
) -> None:
    monkeypatch.setattr(Workspace, "server_label", property(lambda self: "db.bkpsdm.local:5432/kinerja"))
    monkeypatch.setattr(Workspace, "is_sqlite", property(lambda self: False))
    monkeypatch.setattr(Workspace, "can_back_up", lambda self: False)  # no pg_dump on this PC
    window = MainWindow(workspace, workspace.login("admin", "rahasia123"))
    qtbot.addWidget(window)
    assert window.status_db.text() == "Server: db.bkpsdm.local:5432/kinerja"
    assert window.status_backup.text() == "Cadangan: dengan alat server"


@pytest.fixture(scope="module")
def cluster() -> Iterator[ServerSettings]:
    with cluster_postgres() as settings:
        yield settings


def test_the_wizard_on_a_real_server(controller: AppController, cluster: ServerSettings) -> None:
    jalankan_sql(cluster, "DROP DATABASE IF EXISTS wizard_kinerja", "CREATE DATABASE wizard_kinerja")
    wizard, page = _server_page(controller)
    page.host.setText(cluster.host)
    page.port.setValue(cluster.port)
    page.database.setText("wizard_kinerja")
    page.user.setText(cluster.user)
    page.password.setText("salah")
    page.test_button.click()
    assert "kata sandi basis data salah" in page.result.text() and not _next_enabled(wizard)
    page.password.setText(cluster.password)
    page.test_button.click()
    assert "Basis data masih kosong" in page.result.text() and _next_enabled(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.kantor_page
    wizard.kantor_page.nama.setText("BKPSDM Kota Palembang")
    wizard.kantor_page.kode.setText("BKP")
    wizard.kantor_page.tempat.setText("Palembang")
    wizard.next()
    wizard.admin_page.password.setText("rahasia123")
    wizard.admin_page.repeat.setText("rahasia123")
    wizard.next()
    label = f"{cluster.host}:{cluster.port}/wizard_kinerja"
    assert label in wizard.currentPage().findChild(QLabel).text()  # type: ignore[union-attr]
    wizard.button(QWizard.WizardButton.FinishButton).click()
    login = controller.window
    assert isinstance(login, LoginDialog)
    login.password.setText("rahasia123")
    login.login_button.click()
    window = controller.window
    assert isinstance(window, MainWindow)
    assert window.status_db.text() == f"Server: {label}"
    assert server.load(AppPaths(controller.paths.data_dir)) == page.settings()
