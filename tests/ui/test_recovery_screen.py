"""The start screen when the database cannot be opened, the single app per folder, and storage failures
in the GUI told without a traceback."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pendukung_cadangan import damage_database, database_bytes, newer_backup, other_office_backup
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from kinerja_desktop import app as app_module
from kinerja_desktop.app import AppController, build_app
from kinerja_desktop.core import recovery
from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.lock import FolderInUse, FolderLock
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui import recovery as recovery_screen
from kinerja_desktop.ui.cadangan.model import COLUMN_BERKAS, COLUMN_KANTOR, COLUMN_PEGAWAI, COLUMN_UKURAN
from kinerja_desktop.ui.login import LoginDialog
from kinerja_desktop.ui.recovery import RecoveryWindow


@pytest.fixture
def office(tmp_path: Path, demo_office: Callable[[int], Path]) -> AppPaths:
    """The 20-pegawai demo office with two backups: the older with 20 pegawai, the newer with 19."""
    paths = AppPaths(tmp_path / "d")
    shutil.copytree(demo_office(20), paths.data_dir)
    for _ in range(2):
        ws = Workspace.open(paths)
        ws.backup(reason="manual")
        ws.close()
        with sqlite3.connect(paths.database) as raw:
            raw.execute(
                "UPDATE pegawai SET dihapus_pada = '2026-01-02 00:00:00' WHERE id = "
                "(SELECT id FROM pegawai WHERE dihapus_pada IS NULL ORDER BY nip DESC LIMIT 1)"
            )
        raw.close()
    return paths


@pytest.fixture
def started(qtbot: QtBot, sync_tasks: None) -> Iterator[list[AppController]]:
    """``build_app`` controllers to close after the test."""
    made: list[AppController] = []
    yield made
    for controller in made:
        if controller.window is not None:
            controller.window.close()
        controller.close()


def _build(paths: AppPaths, started: list[AppController], qtbot: QtBot) -> AppController:
    controller = build_app(paths)
    started.append(controller)
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    return controller


def _answer(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    asked: list[str] = []

    def ask(_parent: Any, text: str, detail: str = "", **_kwargs: Any) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(recovery_screen, "ask_yes_no", ask)
    return asked


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_a_damaged_database_opens_the_recovery_screen_and_a_backup_brings_the_app_back(
    office: AppPaths, started: list[AppController], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    damage_database(office)
    controller = _build(office, started, qtbot)
    window = controller.window
    assert isinstance(window, RecoveryWindow) and window.isVisible()
    assert "rusak" in window.reason.text()
    model = window.model
    assert model.rowCount() == 2
    newest, older = backups.list_backups(office.backups)
    assert model.index(0, COLUMN_BERKAS).data() == newest.name  # newest first
    assert model.index(0, COLUMN_KANTOR).data() == "Kecamatan Plaju (PLJ)"
    assert (model.index(0, COLUMN_PEGAWAI).data(), model.index(1, COLUMN_PEGAWAI).data()) == ("19", "20")
    assert model.index(0, COLUMN_UKURAN).data().endswith("KB")
    assert model.index(0, 0).data().count("-") == 2  # dd-mm-yyyy
    assert window.selected() is not None and window.selected().path == newest  # type: ignore[union-attr]

    window.table.selectRow(1)
    asked = _answer(monkeypatch, True)
    window.restore_button.click()

    assert asked and older.name in asked[0] and "20 pegawai" in asked[0]
    login = controller.window
    assert isinstance(login, LoginDialog) and login.isVisible()
    assert "Kecamatan Plaju" in login.kantor_label.text()
    assert controller.workspace is not None
    with sqlite3.connect(office.database) as raw:
        assert raw.execute("SELECT count(*) FROM pegawai WHERE dihapus_pada IS NULL").fetchone() == (20,)
        events = [r[0] for r in raw.execute("SELECT keterangan FROM audit_log WHERE aksi = 'pulihkan'")]
    raw.close()
    assert events and older.name in events[0]
    assert any("rusak-sebelum-pemulihan" in p.name for p in backups.list_backups(office.backups))


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_a_newer_database_opens_the_recovery_screen(
    office: AppPaths, started: list[AppController], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite3.connect(office.database) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099'")
    raw.close()
    controller = _build(office, started, qtbot)
    window = controller.window
    assert isinstance(window, RecoveryWindow) and "lebih baru" in window.reason.text()
    _answer(monkeypatch, True)
    window.restore_button.click()
    assert isinstance(controller.window, LoginDialog)


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_a_newer_backup_chosen_on_the_recovery_screen_is_refused(
    office: AppPaths, started: list[AppController], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    damage_database(office)
    newer = newer_backup(backups.list_backups(office.backups)[0], office.data_dir.parent / "baru.sqlite3")
    controller = _build(office, started, qtbot)
    window = controller.window
    assert isinstance(window, RecoveryWindow)
    before = database_bytes(office)
    asked = _answer(monkeypatch, True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(newer), ""))
    window.choose_file_button.click()
    assert not asked
    assert "lebih baru" in window.message.text() and "tidak diubah" in window.message.text()
    assert controller.window is window and database_bytes(office) == before


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_another_offices_backup_is_asked_for_by_name(
    office: AppPaths, started: list[AppController], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    damage_database(office)
    sku = other_office_backup(backups.list_backups(office.backups)[0], office.data_dir.parent / "sku.sqlite3")
    controller = _build(office, started, qtbot)
    window = controller.window
    assert isinstance(window, RecoveryWindow)
    before = database_bytes(office)
    asked = _answer(monkeypatch, False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(sku), ""))
    window.choose_file_button.click()
    assert asked and "milik kantor lain" in asked[0] and "Kecamatan Sukarami (SKU)" in asked[0]
    assert "Kecamatan Plaju (PLJ)" in asked[0]
    assert "dibatalkan" in window.message.text() and database_bytes(office) == before

    _answer(monkeypatch, True)
    window.choose_file_button.click()
    assert isinstance(controller.window, LoginDialog)
    with sqlite3.connect(office.database) as raw:
        assert raw.execute("SELECT kode FROM kantor").fetchone() == ("SKU",)
    raw.close()


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_a_read_only_folder_is_explained_and_can_be_tried_again(
    office: AppPaths, started: list[AppController], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: AppPaths) -> AppPaths:
        raise PermissionError(errno.EACCES, "Permission denied", str(self.logs))

    with monkeypatch.context() as patched:
        patched.setattr(AppPaths, "ensure", refuse)
        controller = _build(office, started, qtbot)
    window = controller.window
    assert isinstance(window, RecoveryWindow)
    assert "hanya bisa dibaca" in window.reason.text() and "tidak rusak" in window.reason.text()
    assert not window.table.isVisibleTo(window) and not window.restore_button.isVisibleTo(window)
    window.retry_button.click()  # the permission was given meanwhile
    assert isinstance(controller.window, LoginDialog)


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_closing_the_recovery_screen_quits(
    office: AppPaths, started: list[AppController], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    damage_database(office)
    before = database_bytes(office)
    quits: list[bool] = []
    monkeypatch.setattr(AppController, "_quit", lambda _self: quits.append(True))
    controller = _build(office, started, qtbot)
    window = controller.window
    assert isinstance(window, RecoveryWindow)
    window.close_button.click()
    assert quits and database_bytes(office) == before


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_a_second_app_on_the_same_folder_refuses_without_opening_it(
    office: AppPaths, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))

    def must_not_open(_paths: AppPaths) -> Workspace:
        raise AssertionError("the data folder was opened")

    with FolderLock(office.data_dir):
        with pytest.raises(FolderInUse):
            build_app(office)
        monkeypatch.setattr(Workspace, "open", must_not_open)
        assert app_module.main(office.data_dir) == 1
    assert shown and "sudah terbuka untuk folder data" in shown[0]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_a_lock_left_by_a_killed_app_does_not_block(
    office: AppPaths, started: list[AppController], qtbot: QtBot
) -> None:
    code = (
        "import sys, time; from pathlib import Path; from kinerja_desktop.core.lock import FolderLock; "
        "FolderLock(Path(sys.argv[1])).acquire(); print('ok', flush=True); time.sleep(120)"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(office.data_dir)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ok"
    with pytest.raises(FolderInUse):
        build_app(office)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    controller = _build(office, started, qtbot)
    assert isinstance(controller.window, LoginDialog)


def test_a_full_disk_reaching_the_event_loop_is_a_message_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from kinerja_desktop.ui import crash

    dialogs: list[str] = []
    messages: list[str] = []
    monkeypatch.setattr(crash, "show_crash_dialog", lambda details, _log_dir: dialogs.append(details))
    monkeypatch.setattr(crash, "show_error", lambda _parent, error: messages.append(str(error)))
    old_hook = sys.excepthook
    crash.install_excepthook(tmp_path)
    try:
        for exc in (
            OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x")),
            PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "x")),
        ):
            sys.excepthook(type(exc), exc, None)
    finally:
        sys.excepthook = old_hook
    assert not dialogs
    assert "Disk penuh" in messages[0] and "hanya bisa dibaca" in messages[1]


def test_the_controller_needs_a_workspace_or_a_folder() -> None:
    with pytest.raises(ValueError, match="workspace or the paths"):
        AppController()


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_a_refused_restore_on_the_cadangan_page_is_shown_not_crashed(
    office: AppPaths, qtbot: QtBot, sync_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.ui.cadangan.page import CadanganPage
    from kinerja_desktop.ui.common.context import UiContext
    from kinerja_desktop.ui.common.tasks import TaskRunner

    ws = Workspace.open(office)
    try:
        admin = ws.login("admin", "admin123")
        page = CadanganPage(UiContext(ws, admin, TaskRunner(None)))
        qtbot.addWidget(page)
        page.refresh()
        shown: list[str] = []
        monkeypatch.setattr(
            "kinerja_desktop.ui.common.ops.show_error", lambda _p, error: shown.append(str(error))
        )

        def full(source: sqlite3.Connection, target: Path) -> None:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))

        monkeypatch.setattr(backups, "copy_database", full)
        page.create_button.click()
        assert shown and "Disk penuh" in shown[0] and "Disk penuh" in page.message.text()

        newer = newer_backup(backups.list_backups(office.backups)[0], office.data_dir.parent / "n.sqlite3")
        before = database_bytes(office)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(newer), ""))
        page.restore_file_button.click()
        assert "lebih baru" in page.message.text() and database_bytes(office) == before
        assert recovery.check_restore(office, backups.list_backups(office.backups)[0]).info.pegawai == 19
    finally:
        ws.close()


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_a_new_computer_restores_a_backup_from_the_first_run_wizard(
    office: AppPaths,
    tmp_path: Path,
    started: list[AppController],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kinerja_desktop.ui.first_run import FirstRunWizard

    flash = tmp_path / "flashdisk"
    flash.mkdir()
    source = shutil.copy(backups.list_backups(office.backups)[-1], flash)
    controller = _build(AppPaths(tmp_path / "komputer-baru"), started, qtbot)
    wizard = controller.window
    assert isinstance(wizard, FirstRunWizard)
    asked = _answer(monkeypatch, True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    wizard.welcome_page.restore_button.click()

    assert asked and "20 pegawai" in asked[0] and "milik kantor lain" not in asked[0]
    login = controller.window
    assert isinstance(login, LoginDialog) and "Kecamatan Plaju" in login.kantor_label.text()
    assert controller.workspace is not None and controller.workspace.kantor_kode == "PLJ"


@pytest.mark.sqlite_only("the recovery screen restores SQLite backups; its office fixture makes them")
def test_log_files_left_by_a_killed_app_open_as_usual(
    office: AppPaths, tmp_path: Path, started: list[AppController], qtbot: QtBot
) -> None:
    ws = Workspace.open(office)
    with ws.transaction() as session:
        from kinerja_desktop.core.services import kantor

        kantor.set_setting(session, "uji", "dari-wal")
    killed = AppPaths(tmp_path / "dibunuh")
    shutil.copytree(office.data_dir, killed.data_dir)  # with -wal and -shm, as a killed app leaves them
    ws.close()
    assert killed.database.with_name("kinerja.sqlite3-wal").exists()
    controller = _build(killed, started, qtbot)
    assert isinstance(controller.window, LoginDialog)
    with controller.workspace.read() as session:  # type: ignore[union-attr]
        assert kantor.get_setting(session, "uji") == "dari-wal"
