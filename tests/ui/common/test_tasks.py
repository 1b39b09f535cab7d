"""Background tasks hand results back on the GUI thread; errors become messages or the crash dialog."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.ui import crash
from kinerja_desktop.ui.common import tasks
from kinerja_desktop.ui.common.tasks import Cancelled, TaskContext, TaskRunner


def test_task_runs_off_the_gui_thread_and_reports_back(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    seen: dict[str, object] = {}

    def work(ctx: TaskContext) -> int:
        seen["thread"] = threading.current_thread()
        for i in range(3):
            ctx.progress(i, 3, "langkah")
        return 42

    runner.run(work, lambda result: seen.setdefault("result", result))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["thread"] is not threading.main_thread()


@pytest.mark.parametrize("quiet", [False, True])
def test_a_quiet_task_never_shows_the_progress_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, quiet: bool
) -> None:
    monkeypatch.setattr(tasks, "PROGRESS_DELAY_MS", 10)
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    release = threading.Event()
    done: list[object] = []
    runner.run(lambda ctx: release.wait(5), done.append, label="Memuat…", quiet=quiet)
    qtbot.wait(200)  # well past the dialog's delay
    shown = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert bool(shown) is not quiet


def test_cancel_stops_the_task_at_its_next_progress_call(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    started = threading.Event()
    release = threading.Event()
    failures: list[BaseException] = []

    def work(ctx: TaskContext) -> None:
        started.set()
        release.wait(5)
        ctx.progress(1, 2)

    context = runner.run(work, lambda _: None, failures.append)
    assert started.wait(5)
    context.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], Cancelled)


def test_known_error_in_a_task_is_shown_as_a_message(
    qtbot: QtBot, sync_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[object] = []
    monkeypatch.setattr(tasks, "show_error", lambda parent, error: shown.append(error))

    def work(_: TaskContext) -> None:
        raise KnownError("Berkas tidak bisa dibaca.", saran="Pilih berkas lain.")

    TaskRunner(None).run(work, lambda _: None)
    assert [str(e) for e in shown] == ["Berkas tidak bisa dibaca.\nPilih berkas lain."]


def test_unexpected_error_is_logged_and_shown_in_the_crash_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, qapp: object
) -> None:
    dialogs: list[str] = []
    monkeypatch.setattr(crash, "show_crash_dialog", lambda details, log_dir: dialogs.append(details))
    old_hook = sys.excepthook
    crash.install_excepthook(tmp_path)
    try:
        try:
            raise ZeroDivisionError("pembagian nol")
        except ZeroDivisionError as exc:
            with caplog.at_level(logging.ERROR, logger="kinerja_desktop.crash"):
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old_hook
    assert len(dialogs) == 1 and "ZeroDivisionError: pembagian nol" in dialogs[0]
    assert "Traceback" in caplog.text


def test_known_error_reaching_the_event_loop_is_a_message_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    shown: list[object] = []
    crashed: list[str] = []
    monkeypatch.setattr(crash, "show_error", lambda parent, error: shown.append(error))
    monkeypatch.setattr(crash, "show_crash_dialog", lambda details, log_dir: crashed.append(details))
    old_hook = sys.excepthook
    crash.install_excepthook(tmp_path)
    try:
        error = KnownError("Data belum lengkap.")
        sys.excepthook(KnownError, error, None)
    finally:
        sys.excepthook = old_hook
    assert shown == [error] and crashed == []
