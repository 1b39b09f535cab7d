"""The one UI action helper: one transaction per action, errors shown where they belong, nothing half-done."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import UnitKerja
from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import Cancelled, TaskContext, TaskRunner
from kinerja_desktop.ui.common.widgets import FieldNote


class _Page(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext) -> _Page:
    widget = _Page(ctx)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _w, exc: messages.append(str(exc)))
    return messages


def _units(ctx: UiContext) -> int:
    with ctx.workspace.read() as session:
        return int(session.scalar(select(func.count()).select_from(UnitKerja)) or 0)


def _rename_units(session: Session, _actor: Actor) -> int:
    units = list(session.scalars(select(UnitKerja)))
    for u in units:
        u.nama = u.nama + " (diubah)"
    return len(units)


def test_act_commits_reports_and_hands_over_the_result(page: _Page, ctx: UiContext, shown: list[str]) -> None:
    said: list[str] = []
    got: list[int] = []
    outcome = ops.act(
        page, _rename_units, success=lambda n: f"{n} unit diubah", say=said.append, then=got.append
    )
    assert outcome and outcome.value == got[0] > 0
    assert said == [f"{got[0]} unit diubah"] and shown == []
    with ctx.workspace.read() as session:
        assert all(u.nama.endswith("(diubah)") for u in session.scalars(select(UnitKerja)))


def test_a_known_error_rolls_back_and_is_shown_in_a_message_box(
    page: _Page, ctx: UiContext, shown: list[str]
) -> None:
    def half_then_refused(session: Session, actor: Actor) -> None:
        _rename_units(session, actor)
        session.flush()
        raise KnownError("Unit tidak boleh diubah.", saran="Hubungi administrator.")

    then: list[object] = []
    failed: list[KnownError] = []
    outcome = ops.act(page, half_then_refused, then=then.append, failed=failed.append)
    assert not outcome and isinstance(outcome.error, KnownError)
    assert shown == ["Unit tidak boleh diubah.\nHubungi administrator."]
    assert then == [] and len(failed) == 1
    with ctx.workspace.read() as session:
        assert not any(u.nama.endswith("(diubah)") for u in session.scalars(select(UnitKerja)))
    with pytest.raises(RuntimeError):
        _ = outcome.value


def test_an_error_naming_a_field_goes_to_that_fields_note(page: _Page, shown: list[str]) -> None:
    nama, umum = FieldNote(page), FieldNote(page)

    def refuse(_s: Session, _a: Actor) -> None:
        raise ValidationError("Nama unit wajib diisi.", kolom="nama")

    assert not ops.act(page, refuse, notes={"nama": nama}, message=umum)
    assert nama.text() == "Nama unit wajib diisi." and nama.is_error and umum.text() == ""

    def other(_s: Session, _a: Actor) -> None:
        raise ValidationError("Kode sudah dipakai.", kolom="kode")

    assert not ops.act(page, other, notes={"nama": nama}, message=umum)
    assert umum.text() == "Kode sudah dipakai." and shown == []


def test_look_reads_without_writing(page: _Page, ctx: UiContext, shown: list[str]) -> None:
    before = _units(ctx)
    outcome = ops.look(page, _rename_units)
    assert outcome.value == before
    with ctx.workspace.read() as session:
        assert not any(u.nama.endswith("(diubah)") for u in session.scalars(select(UnitKerja)))


def test_the_context_is_found_on_a_parent(page: _Page, shown: list[str]) -> None:
    child = QWidget(page)
    assert ops.look(child, lambda s, a: a.username).value == "admin"
    with pytest.raises(RuntimeError):
        ops.look(QWidget(), lambda s, a: None)


def test_background_hands_the_result_over_later(
    page: _Page, tugas_dijalankan: list[str], shown: list[str]
) -> None:
    got: list[int] = []
    outcome = ops.act(page, _rename_units, then=got.append, background="Mengubah unit…")
    assert not outcome and outcome.pending and outcome.task is not None
    assert tugas_dijalankan == ["Mengubah unit…"] and got and got[0] > 0


def test_background_cancel_is_silent_and_a_bug_goes_to_the_crash_handler(
    page: _Page, shown: list[str], monkeypatch: pytest.MonkeyPatch, sync_tasks: None
) -> None:
    def cancelled(_s: Session, _a: Actor) -> None:
        raise Cancelled()

    ops.act(page, cancelled, background="…")
    assert shown == []
    hooked: list[Any] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: hooked.append(args))

    def bug(_s: Session, _a: Actor) -> None:
        raise ZeroDivisionError

    ops.act(page, bug, background="…")
    assert hooked and hooked[0][0] is ZeroDivisionError and shown == []


@pytest.fixture
def tasks_seen(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Background work runs inline with a task context the test can cancel; progress is recorded."""
    seen: dict[str, Any] = {"progress": [], "cancel": False, "kwargs": {}}

    def run(_self: TaskRunner, fn: Any, on_success: Any, on_failure: Any = None, **kwargs: Any) -> Any:
        seen["kwargs"] = kwargs
        task = TaskContext(lambda *args: seen["progress"].append(args))
        if seen["cancel"]:
            task.cancel()
        try:
            result = fn(task)
        except BaseException as exc:
            on_failure(exc)
        else:
            on_success(result)
        return task

    monkeypatch.setattr(TaskRunner, "run", run)
    return seen


def _rename_with_progress(session: Session, actor: Actor) -> int:
    n = _rename_units(session, actor)
    session.flush()
    ops.progress(1, 2, "Separuh…")
    return n


def test_background_work_reports_progress_and_batal_keeps_nothing(
    page: _Page, ctx: UiContext, shown: list[str], tasks_seen: dict[str, Any]
) -> None:
    got: list[int] = []
    ops.act(page, _rename_with_progress, then=got.append, background="Mengubah…", cancellable=False)
    assert tasks_seen["progress"] == [(1, 2, "Separuh…")] and got
    assert tasks_seen["kwargs"] == {"label": "Mengubah…", "cancellable": False, "quiet": False}
    ops.progress(1, 1)  # outside background work: nothing to report, nothing raised

    before = ops.look(page, lambda s, a: [u.nama for u in s.scalars(select(UnitKerja))]).value
    tasks_seen["cancel"] = True
    cancelled: list[bool] = []
    ops.act(
        page, _rename_with_progress, then=got.append, cancelled=lambda: cancelled.append(True), background="…"
    )
    assert cancelled == [True] and shown == []
    with ctx.workspace.read() as session:
        assert [u.nama for u in session.scalars(select(UnitKerja))] == before


def test_attempt_runs_outside_the_workspace_and_shows_a_refusal(page: _Page, shown: list[str]) -> None:
    umum = FieldNote(page)
    said: list[str] = []
    assert ops.attempt(page, lambda: 3, success=lambda n: f"{n} berkas", say=said.append).value == 3
    assert said == ["3 berkas"]

    def refuse() -> None:
        raise KnownError("Berkas tidak bisa ditulis.")

    assert not ops.attempt(page, refuse, message=umum)
    assert umum.text() == "Berkas tidak bisa ditulis." and shown == []
    assert not ops.attempt(None, refuse)
    assert shown == ["Berkas tidak bisa ditulis."]


def test_a_note_hands_the_message_to_a_function(page: _Page) -> None:
    lines: list[str] = []

    def refuse(_s: Session, _a: Actor) -> None:
        raise KnownError("Tidak boleh.", saran="Minta izin.")

    ops.act(page, refuse, message=ops.note(lines.append))
    assert lines == ["Tidak boleh.\nMinta izin."]
