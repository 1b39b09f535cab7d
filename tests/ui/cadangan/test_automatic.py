"""Automatic backups of the main window (at closing after a change, daily while open), the reminder to
copy them to a flash disk, and Salin cadangan ke… on the Cadangan page."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.db.backup_info import backup_reason
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.cadangan import automatic
from kinerja_desktop.ui.cadangan import page as cadangan_page
from kinerja_desktop.ui.cadangan.page import CadanganPage
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, admin: Actor, sync_tasks: None) -> MainWindow:
    win = MainWindow(workspace, admin)
    qtbot.addWidget(win)
    win.show()
    return win


def _reasons(workspace: Workspace) -> list[str]:
    return [backup_reason(p) for p in backups.list_backups(workspace.paths.backups)]


def _change(workspace: Workspace, admin: Actor, username: str = "budi") -> None:
    with workspace.transaction(admin) as session:
        akun.create_pengguna(session, admin, username, f"{username}12345", Peran.OPERATOR)


def _copied_days_ago(workspace: Workspace, days: int) -> None:
    record = {
        "waktu": (datetime.now() - timedelta(days=days)).isoformat(),
        "tujuan": "/media/flashdisk/kinerja-cadangan-plj",
        "berkas": "kinerja-lama.sqlite3",
    }
    (workspace.paths.backups / backups.COPY_RECORD).write_text(json.dumps(record), encoding="utf-8")


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions put by the automatic backups (answered Tidak unless a test says otherwise)."""
    questions: list[str] = []

    def ask(_parent: Any, text: str, *_args: Any, **_kwargs: Any) -> bool:
        questions.append(text)
        return False

    monkeypatch.setattr(automatic, "ask_yes_no", ask)
    return questions


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_closing_after_a_change_makes_a_backup(
    window: MainWindow, workspace: Workspace, admin: Actor, asked: list[str]
) -> None:
    _change(workspace, admin)
    assert window.close()
    assert _reasons(workspace) == ["otomatis-tutup"]
    assert not asked  # a new office: no reminder in its first week
    assert not window.automatic_backups.timer.isActive()


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_closing_without_a_change_makes_none(
    window: MainWindow, workspace: Workspace, admin: Actor, asked: list[str]
) -> None:
    workspace.backup(admin)
    workspace.login("admin", "rahasia123")  # logging in changes no data
    assert window.close()
    assert _reasons(workspace) == ["manual"]


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_logging_out_after_a_change_makes_a_backup(
    window: MainWindow, workspace: Workspace, admin: Actor, asked: list[str]
) -> None:
    workspace.backup(admin)
    _change(workspace, admin)
    logged_out: list[bool] = []
    window.logged_out.connect(lambda: logged_out.append(True))
    window.logout()
    assert logged_out and _reasons(workspace) == ["otomatis-tutup", "manual"]
    assert not asked


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_the_daily_timer_backs_up_once_a_day_when_data_changed(
    window: MainWindow, workspace: Workspace, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    timer = window.automatic_backups.timer
    assert timer.isActive() and timer.interval() == automatic.CHECK_INTERVAL_MS

    workspace.backup(admin)
    _change(workspace, admin)
    timer.timeout.emit()  # changed, but the newest backup is from today
    assert _reasons(workspace) == ["manual"]

    yesterday = datetime.now() - timedelta(days=1, minutes=5)
    monkeypatch.setattr(Workspace, "last_backup", lambda _self: yesterday)
    timer.timeout.emit()
    assert _reasons(workspace) == ["otomatis-harian", "manual"]
    assert "harian dibuat" in window.statusBar().currentMessage()
    timer.timeout.emit()  # a day old still (patched), but nothing changed since
    assert _reasons(workspace) == ["otomatis-harian", "manual"]


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_the_daily_backup_failing_is_said_in_the_status_bar(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(*_args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(workspace.paths.backups / "x"))

    monkeypatch.setattr(backups, "copy_database", full)
    window.automatic_backups.on_timer_timeout()  # no backup at all yet: due
    assert "Cadangan otomatis gagal: Disk penuh" in window.statusBar().currentMessage()

    shown: list[str] = []
    monkeypatch.setattr("kinerja_desktop.ui.common.ops.show_error", lambda _p, e: shown.append(str(e)))
    assert window.close()  # the backup at closing fails too: said, and the app still closes
    assert shown and "Disk penuh" in shown[0]
    assert backups.list_backups(workspace.paths.backups) == []


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_a_reminder_at_closing_when_the_last_copy_is_older_than_a_week(
    window: MainWindow, workspace: Workspace, asked: list[str]
) -> None:
    _copied_days_ago(workspace, 9)
    assert window.close()
    assert len(asked) == 1 and "9 hari lalu" in asked[0] and "flash disk" in asked[0]


def test_no_reminder_when_copied_this_week(
    window: MainWindow, workspace: Workspace, asked: list[str]
) -> None:
    _copied_days_ago(workspace, 3)
    assert window.close()
    assert not asked


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_no_reminder_at_logout_nor_for_a_role_without_backups(
    qtbot: QtBot, workspace: Workspace, admin: Actor, asked: list[str], sync_tasks: None
) -> None:
    _copied_days_ago(workspace, 30)
    _change(workspace, admin, "pimpinan1")
    with workspace.transaction(admin) as session:
        akun.create_pengguna(session, admin, "kepala", "kepala12345", Peran.PIMPINAN)
    pimpinan = workspace.login("kepala", "kepala12345")
    win = MainWindow(workspace, pimpinan)
    qtbot.addWidget(win)
    assert win.close()
    assert not asked
    assert _reasons(workspace) == ["otomatis-tutup"]  # made as the system, whatever the role


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_accepting_the_reminder_copies_to_the_chosen_folder_then_closes(
    window: MainWindow, workspace: Workspace, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copied_days_ago(workspace, 8)
    _change(workspace, admin)
    flash = tmp_path / "flashdisk"
    flash.mkdir()
    monkeypatch.setattr(automatic, "ask_yes_no", lambda *_a, **_k: True)
    monkeypatch.setattr(automatic, "choose_copy_folder", lambda _parent: flash)
    told: list[str] = []
    monkeypatch.setattr(automatic, "show_info", lambda _parent, text, *_a: told.append(text))

    assert window.close()
    assert not window.isVisible()
    [copied] = backups.list_backups(flash / "kinerja-cadangan-plj")
    assert told and str(flash) in told[0]
    record = workspace.last_copy_out()
    assert record is not None and record.berkas == copied.name
    assert datetime.now() - record.waktu < timedelta(minutes=1)
    assert _reasons(workspace) == ["salinan"]  # the copy's fresh backup; nothing changed after it


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_copy_button_copies_backup_and_evidence_and_records_the_date(
    qtbot: QtBot,
    workspace: Workspace,
    admin: Actor,
    tmp_path: Path,
    sync_tasks: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = CadanganPage(UiContext(workspace, admin, TaskRunner(None)))
    qtbot.addWidget(page)
    page.refresh()
    assert "belum pernah disalin" in page.copy_status.text()
    stored = workspace.paths.evidence / "ef" / ("ef" + "2" * 62)
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"daftar hadir")
    flash = tmp_path / "flashdisk"
    flash.mkdir()
    monkeypatch.setattr(cadangan_page, "choose_copy_folder", lambda _parent: flash)

    with qtbot.waitSignal(page.status_changed):
        page.copy_button.click()

    target = flash / "kinerja-cadangan-plj"
    [copied] = backups.list_backups(target)
    assert (target / "bukti" / "ef" / stored.name).read_bytes() == b"daftar hadir"
    assert str(target) in page.message.text() and "1 berkas bukti dukung" in page.message.text()
    assert "Terakhir disalin ke luar folder data" in page.copy_status.text()
    assert str(target) in page.copy_status.text()
    assert page.model.rowCount() == 1 and copied.name == page.model.rows[0].path.name


@pytest.mark.sqlite_only("automatic backups and copies of the SQLite file")
def test_copy_into_the_data_folder_is_refused_on_the_page(
    qtbot: QtBot, workspace: Workspace, admin: Actor, sync_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = CadanganPage(UiContext(workspace, admin, TaskRunner(None)))
    qtbot.addWidget(page)
    shown: list[str] = []
    monkeypatch.setattr("kinerja_desktop.ui.common.ops.show_error", lambda _p, e: shown.append(str(e)))
    monkeypatch.setattr(cadangan_page, "choose_copy_folder", lambda _parent: workspace.paths.data_dir)
    page.copy_button.click()
    assert shown and "di luar folder data" in page.message.text()
    assert workspace.last_copy_out() is None
