"""An unreachable server in the window: Coba lagi runs the same action again, Tutup leaves it undone,
and the window knows whether the server answers (the error simulated; real servers in test_server_hilang)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pendukung_putus import Pertanyaan
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import ServerTidakTerjangkau
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.ui import crash
from kinerja_desktop.ui.common import koneksi, ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskContext, TaskRunner

HILANG = ServerTidakTerjangkau("db.bkpsdm.local:5432")


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
def tanya(monkeypatch: pytest.MonkeyPatch) -> Pertanyaan:
    return Pertanyaan(monkeypatch)


def _gagal_sekali(calls: list[int]) -> ops.Work[str]:
    def work(_s: Session, _a: Actor) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise HILANG
        return "hasil"

    return work


@pytest.mark.parametrize("background", [None, "Memuat…"])
def test_coba_lagi_runs_the_same_action_again(page: _Page, tanya: Pertanyaan, background: str | None) -> None:
    calls: list[int] = []
    got: list[str] = []
    status: list[bool] = []
    page.ctx.tasks.server.berubah.connect(status.append)
    tanya.jawaban = [True]
    outcome = ops.act(page, _gagal_sekali(calls), then=got.append, background=background)
    assert len(calls) == 2 and got == ["hasil"]
    assert bool(outcome) is (background is None)
    assert [e.server for e in tanya.pesan] == ["db.bkpsdm.local:5432"]
    assert status == [False, True] and page.ctx.tasks.server.terjangkau


@pytest.mark.parametrize("background", [None, "Memuat…"])
def test_tutup_leaves_it_undone_and_the_server_marked_unreachable(
    page: _Page, tanya: Pertanyaan, background: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _w, exc: shown.append(str(exc)))
    failed: list[BaseException] = []
    lines: list[str] = []
    tanya.jawaban = [False]
    outcome = ops.look(
        page,
        _gagal_sekali([]),
        then=lambda _v: pytest.fail("nothing to hand over"),
        failed=failed.append,
        message=ops.note(lines.append),
        background=background,
    )
    assert not outcome and failed == [HILANG]
    assert shown == [] and lines == []  # said once, in the question, not again elsewhere
    assert not page.ctx.tasks.server.terjangkau
    assert ops.look(page, lambda _s, _a: 1) and page.ctx.tasks.server.terjangkau  # a read that works


def test_background_work_of_the_runner_is_retried_too(
    qtbot: QtBot, sync_tasks: None, tanya: Pertanyaan
) -> None:
    runner = TaskRunner(None)
    calls: list[int] = []
    done: list[int] = []

    def work(_t: TaskContext) -> int:
        calls.append(1)
        if len(calls) < 3:
            raise HILANG
        return 7

    tanya.jawaban = [True, True]
    runner.run(work, done.append)
    assert done == [7] and len(tanya.pesan) == 2 and runner.server.terjangkau


def test_outside_an_action_coba_lagi_reloads_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tanya: Pertanyaan, qapp: object
) -> None:
    reloaded: list[int] = []

    class _Window(QWidget):
        def reload_page(self) -> None:
            reloaded.append(1)

    window = _Window()
    monkeypatch.setattr(crash.QApplication, "activeWindow", staticmethod(lambda: window))
    monkeypatch.setattr(crash, "show_crash_dialog", lambda *_: pytest.fail("no crash dialog"))
    old_hook = sys.excepthook
    crash.install_excepthook(tmp_path)
    try:
        tanya.jawaban = [True]
        sys.excepthook(ServerTidakTerjangkau, HILANG, None)
    finally:
        sys.excepthook = old_hook
    assert reloaded == [1] and tanya.pesan == [HILANG]


@pytest.mark.parametrize("tombol", ["Coba lagi", "Tutup"])
def test_the_question_has_coba_lagi_and_tutup(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tombol: str
) -> None:
    boxes: list[QMessageBox] = []

    def klik(box: QMessageBox) -> int:
        boxes.append(box)
        next(b for b in box.buttons() if b.text() == tombol).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", klik)
    assert koneksi.tanya_coba_lagi(None, HILANG) is (tombol == "Coba lagi")
    box = boxes[0]
    assert sorted(b.text() for b in box.buttons()) == ["Coba lagi", "Tutup"]
    assert box.text() == HILANG.pesan and "Periksa jaringan" in box.informativeText()
    assert "masih ada di layar" in box.informativeText()


def test_the_import_wizard_reports_to_the_window_s_status(qtbot: QtBot, ctx: UiContext) -> None:
    from kinerja_desktop.ui.exchange.import_wizard import ImporWizard

    wizard = ImporWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.tasks.server.hilang(HILANG)  # a lost server met by the wizard's own runner
    assert not ctx.tasks.server.terjangkau
