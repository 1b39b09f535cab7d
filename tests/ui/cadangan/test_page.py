"""The Cadangan page: make a backup, restore one (selected or chosen file), refuse a wrong file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pengguna
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.storage import size_text
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.cadangan import page as cadangan_page
from kinerja_desktop.ui.cadangan.model import (
    COLUMN_BERKAS,
    COLUMN_KANTOR,
    COLUMN_KETERANGAN,
    COLUMN_PEGAWAI,
    COLUMN_UKURAN,
)
from kinerja_desktop.ui.cadangan.page import CadanganPage
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner


@pytest.fixture
def ctx(workspace: Workspace, admin: Actor, sync_tasks: None) -> UiContext:
    return UiContext(workspace, admin, TaskRunner(None))


@pytest.fixture
def page(qtbot, ctx: UiContext) -> CadanganPage:
    widget = CadanganPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        "kinerja_desktop.ui.common.ops.show_error", lambda _parent, error: shown.append(str(error))
    )
    return shown


def _usernames(ctx: UiContext) -> set[str]:
    with ctx.workspace.read() as s:
        return set(s.scalars(select(Pengguna.username)))


@pytest.mark.sqlite_only("backup and restore of the SQLite file")
def test_backup_button_creates_a_file(page: CadanganPage, ctx: UiContext, qtbot, qtmodeltester) -> None:
    assert page.model.rowCount() == 0
    assert str(ctx.workspace.paths.backups) in page.findChild(type(page.message), "intro").text()
    with qtbot.waitSignal(page.status_changed):
        page.create_button.click()
    files = list(ctx.workspace.paths.backups.glob("*.sqlite3"))
    assert len(files) == 1
    assert page.model.rowCount() == 1
    assert page.model.index(0, COLUMN_BERKAS).data() == files[0].name
    assert page.model.index(0, COLUMN_KETERANGAN).data() == "Dibuat manual"
    assert page.model.index(0, COLUMN_UKURAN).data().endswith("KB")
    assert page.model.index(0, COLUMN_KANTOR).data() == "Kecamatan Plaju (PLJ)"
    assert page.model.index(0, COLUMN_PEGAWAI).data() == "0"
    assert files[0].name in page.message.text()
    assert ctx.workspace.last_backup() is not None

    page.create_button.click()
    assert page.model.rowCount() == 2
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


@pytest.mark.sqlite_only("backup and restore of the SQLite file")
def test_restore_selected_backup_brings_back_old_data(
    page: CadanganPage, ctx: UiContext, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.create_button.click()
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "budi", "budi12345", Peran.OPERATOR, "Budi")
    assert "budi" in _usernames(ctx)

    questions: list[str] = []
    monkeypatch.setattr(
        cadangan_page,
        "ask_yes_no",
        lambda _p, text, detail, *_a, **_k: questions.append(text + detail) or True,
    )
    assert not page.restore_button.isEnabled()
    page.table.selectRow(0)
    assert page.restore_button.isEnabled()
    chosen = page.selected()
    assert chosen is not None
    with qtbot.waitSignal(page.restored):
        page.restore_button.click()

    assert questions and chosen.path.name in questions[0] and "Kecamatan Plaju (PLJ)" in questions[0]
    assert "dicadangkan dulu" in questions[0]
    assert _usernames(ctx) == {"admin"}
    names = [row.path.name for row in page.model.rows]
    assert any("sebelum-pemulihan" in name for name in names)


@pytest.mark.sqlite_only("backup and restore of the SQLite file")
def test_declining_the_question_changes_nothing(
    page: CadanganPage, ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.create_button.click()
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "budi", "budi12345", Peran.OPERATOR, "Budi")
    monkeypatch.setattr(cadangan_page, "ask_yes_no", lambda *_a, **_k: False)
    page.table.selectRow(0)
    page.restore_button.click()
    assert "budi" in _usernames(ctx)
    assert page.model.rowCount() == 1


@pytest.mark.sqlite_only("backup and restore of the SQLite file")
def test_restore_from_chosen_file(
    page: CadanganPage, ctx: UiContext, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = ctx.workspace.backup(ctx.actor)
    copy = tmp_path / "salinan.sqlite3"
    copy.write_bytes(source.read_bytes())
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "citra", "citra1234", Peran.OPERATOR, "Citra")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(copy), ""))
    monkeypatch.setattr(cadangan_page, "ask_yes_no", lambda *_a, **_k: True)
    with qtbot.waitSignal(page.restored):
        page.restore_file_button.click()
    assert _usernames(ctx) == {"admin"}


@pytest.mark.sqlite_only("backup and restore of the SQLite file")
def test_non_database_file_is_refused(
    page: CadanganPage, ctx: UiContext, errors: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bogus = tmp_path / "bukan.sqlite3"
    bogus.write_text("ini hanya teks")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bogus), ""))
    asked: list[str] = []
    monkeypatch.setattr(cadangan_page, "ask_yes_no", lambda _p, text, *_a, **_k: asked.append(text) or True)
    restored: list[bool] = []
    page.restored.connect(lambda: restored.append(True))

    page.restore_file_button.click()
    assert errors and "bukan berkas cadangan" in errors[0]
    assert not asked and not restored
    assert _usernames(ctx) == {"admin"}


@pytest.mark.sqlite_only("backup and restore of the SQLite file")
def test_restore_needs_permission(qtbot, ctx: UiContext) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "ops", "ops12345", Peran.OPERATOR, "Operator")
    operator = ctx.workspace.login("ops", "ops12345")
    page = CadanganPage(UiContext(ctx.workspace, operator, ctx.tasks))
    qtbot.addWidget(page)
    page.refresh()
    page.create_button.click()
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert page.create_button.isEnabled()
    assert not page.restore_button.isEnabled() and not page.restore_file_button.isEnabled()


def test_size_text() -> None:
    assert size_text(300) == "1 KB"
    assert size_text(150 * 1024) == "150 KB"
    assert size_text(int(3.4 * 1024 * 1024)) == "3,4 MB"
    assert size_text(int(1.5 * 1024**3)) == "1,5 GB"
