"""Ubah sambungan server: a central office PC whose server password or address changed after set-up."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pendukung_server import cluster_postgres, jalankan_sql
from pytestqt.qtbot import QtBot

from kinerja_desktop.app import build_app
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui import main_window, server_dialog
from kinerja_desktop.ui.login import LoginDialog
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.recovery import RecoveryWindow
from kinerja_desktop.ui.server_dialog import ServerSettingsDialog

LAMA, BARU = "sandi-lama-1", "sandi-baru-2"


@pytest.fixture(scope="module")
def cluster() -> Iterator[ServerSettings]:
    with cluster_postgres() as settings:
        yield settings


@pytest.fixture
def kantor_di_server(cluster: ServerSettings, tmp_path: Path) -> Iterator[tuple[AppPaths, ServerSettings]]:
    """A data folder of a central office whose database (owned by its own user) is on the cluster."""
    nama = f"pusat_{abs(hash(tmp_path)) % 10**8}"
    jalankan_sql(
        cluster,
        f"DROP DATABASE IF EXISTS {nama}",
        f"DROP ROLE IF EXISTS {nama}",
        f"CREATE ROLE {nama} LOGIN PASSWORD '{LAMA}'",
        f"CREATE DATABASE {nama} OWNER {nama}",
    )
    settings = ServerSettings(cluster.host, cluster.port, nama, nama, LAMA)
    paths = AppPaths(tmp_path / "pc-staf")
    ws = Workspace.open(paths, url=settings.url())
    with ws.transaction() as s:
        kantor.initialise(
            s,
            kantor.KantorInput(kode="BKP", nama="BKPSDM Kota Palembang", tempat="Palembang"),
            "admin",
            "rahasia123",
            "Admin Pusat",
        )
    ws.close()
    server.save(paths, settings)
    yield paths, settings
    jalankan_sql(cluster, f"DROP DATABASE IF EXISTS {nama} WITH (FORCE)", f"DROP ROLE IF EXISTS {nama}")


def _new_password(dialog: ServerSettingsDialog) -> int:
    """Answer the dialog as an administrator would: the new password, Uji koneksi, Simpan."""
    dialog.fields.password.setText(BARU)
    dialog.fields.test_button.click()
    dialog.save_button.click()
    return int(dialog.result())


def _test(dialog: ServerSettingsDialog) -> None:
    dialog.fields.test_button.click()


def test_a_changed_password_is_tested_then_kept(
    qtbot: QtBot, sync_tasks: None, kantor_di_server: tuple[AppPaths, ServerSettings], cluster: ServerSettings
) -> None:
    paths, settings = kantor_di_server
    jalankan_sql(cluster, f"ALTER ROLE {settings.user} PASSWORD '{BARU}'")
    dialog = ServerSettingsDialog(paths, "BKP")
    qtbot.addWidget(dialog)
    assert dialog.fields.settings() == settings  # filled in as kept, password included
    assert settings.label in dialog.state.text()
    assert not dialog.save_button.isEnabled()
    _test(dialog)
    assert "kata sandi basis data salah" in dialog.fields.result.text()
    assert not dialog.save_button.isEnabled()
    dialog.fields.password.setText(BARU)
    assert not dialog.save_button.isEnabled()  # typed, not yet tested
    _test(dialog)
    assert dialog.fields.result.text().startswith("✓") and dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert dialog.result() == ServerSettingsDialog.DialogCode.Accepted
    assert server.load(paths) == replace(settings, password=BARU)


def test_a_server_of_another_office_or_an_empty_one_is_not_kept(
    qtbot: QtBot, sync_tasks: None, kantor_di_server: tuple[AppPaths, ServerSettings], cluster: ServerSettings
) -> None:
    paths, settings = kantor_di_server
    dialog = ServerSettingsDialog(paths, "PLJ")
    qtbot.addWidget(dialog)
    _test(dialog)
    assert "bukan kantor ini (PLJ)" in dialog.fields.result.text() and not dialog.save_button.isEnabled()
    jalankan_sql(cluster, "DROP DATABASE IF EXISTS kosong_kinerja", "CREATE DATABASE kosong_kinerja")
    dialog.fields.database.setText("kosong_kinerja")
    dialog.fields.user.setText(cluster.user)
    dialog.fields.password.setText(cluster.password)
    _test(dialog)
    assert "belum berisi data kantor" in dialog.fields.result.text() and not dialog.save_button.isEnabled()
    dialog.reject()
    assert server.load(paths) == settings  # nothing written


def test_the_recovery_screen_offers_new_settings_then_opens_the_office(
    qtbot: QtBot,
    sync_tasks: None,
    monkeypatch: pytest.MonkeyPatch,
    kantor_di_server: tuple[AppPaths, ServerSettings],
    cluster: ServerSettings,
) -> None:
    paths, settings = kantor_di_server
    jalankan_sql(cluster, f"ALTER ROLE {settings.user} PASSWORD '{BARU}'")
    controller = build_app(paths)
    try:
        window = controller.window
        assert isinstance(window, RecoveryWindow)
        qtbot.addWidget(window)
        assert "kata sandi" in window.reason.text().lower()
        assert window.server_button.isVisibleTo(window)

        monkeypatch.setattr(server_dialog.ServerSettingsDialog, "exec", _new_password)
        window.server_button.click()
        assert isinstance(controller.window, LoginDialog)
        assert server.load(paths) == replace(settings, password=BARU)
    finally:
        if controller.window is not None:
            controller.window.close()
        controller.close()


def test_the_administrator_changes_the_server_from_the_main_window(
    qtbot: QtBot,
    sync_tasks: None,
    monkeypatch: pytest.MonkeyPatch,
    kantor_di_server: tuple[AppPaths, ServerSettings],
    cluster: ServerSettings,
) -> None:
    paths, settings = kantor_di_server
    controller = build_app(paths)
    try:
        login = controller.window
        assert isinstance(login, LoginDialog)
        login.password.setText("rahasia123")
        login.username.setText("admin")
        login.login_button.click()
        window = controller.window
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        assert window.server_action.isEnabled()
        jalankan_sql(cluster, f"ALTER ROLE {settings.user} PASSWORD '{BARU}'")
        seen: list[str] = []

        def answer(dialog: ServerSettingsDialog) -> int:
            seen.append(dialog.state.text())
            return _new_password(dialog)

        monkeypatch.setattr(server_dialog.ServerSettingsDialog, "exec", answer)
        monkeypatch.setattr(main_window, "show_info", lambda *_args: None)
        window.server_action.trigger()
        assert seen and settings.label in seen[0]
        assert isinstance(controller.window, LoginDialog)  # the folder opened again with the new password
        assert controller.workspace is not None and controller.workspace.server_label == settings.label
    finally:
        if controller.window is not None:
            controller.window.close()
        controller.close()
