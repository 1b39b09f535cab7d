"""The Cadangan page and start-up on a server database: pg_dump archives, restore, missing tools."""

from __future__ import annotations

from pathlib import Path

import pytest
from pendukung_db import DI_POSTGRES, basis_data
from pendukung_skema import DATA, isi_folder_skema
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from kinerja_desktop.app import AppController, build_app
from kinerja_desktop.core.db import server_backup
from kinerja_desktop.core.db.models import Pengguna
from kinerja_desktop.core.db.pg_tools import ENV_PG_BIN, find_tools
from kinerja_desktop.core.errors import ServerBackupUnconfirmed
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.cadangan import page as cadangan_page
from kinerja_desktop.ui.cadangan import upgrade
from kinerja_desktop.ui.cadangan.model import COLUMN_BERKAS, COLUMN_KANTOR, COLUMN_KETERANGAN, COLUMN_PEGAWAI
from kinerja_desktop.ui.cadangan.page import CadanganPage
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.login import LoginDialog

server_only = pytest.mark.skipif(
    not DI_POSTGRES, reason="PostgreSQL only: pg_dump and pg_restore of a server"
)


@pytest.fixture
def ctx(workspace: Workspace, admin: Actor, sync_tasks: None) -> UiContext:
    return UiContext(workspace, admin, TaskRunner(None))


def _page(qtbot, ctx: UiContext) -> CadanganPage:
    widget = CadanganPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def test_without_tools_the_page_says_what_to_install_and_disables_the_buttons(
    qtbot, ctx: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_PG_BIN, str(tmp_path / "kosong"))
    monkeypatch.setattr(Workspace, "is_sqlite", property(lambda _self: False))
    monkeypatch.setattr(Workspace, "server_label", property(lambda _self: "db.bkpsdm.local:5432/kinerja"))
    monkeypatch.setattr(Workspace, "server_tools", lambda _self: find_tools(15))
    folder = ctx.workspace.paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kinerja-20261201-080000-manual.dump").write_bytes(b"PGDMP" + b"\0" * 2000)
    page = _page(qtbot, ctx)
    intro = page.findChild(QLabel, "intro").text()
    assert "db.bkpsdm.local:5432/kinerja" in intro and "pg_dump" in intro and "pengelola server" in intro
    status = page.findChild(QLabel, "tools_status")
    assert not status.isHidden()
    for words in ("tidak ditemukan", '"Command Line Tools"', "postgresql-client-15", "pg_dump harian"):
        assert words in status.text()
    for button in (page.create_button, page.restore_button, page.restore_file_button, page.copy_button):
        assert not button.isEnabled() and button.toolTip()
    assert "tidak ditemukan" in page.create_button.toolTip()
    assert page.open_folder_button.isEnabled()
    assert page.model.rowCount() == 1 and page.model.index(0, COLUMN_KETERANGAN).data() == "Dibuat manual"
    assert page.table.isColumnHidden(COLUMN_KANTOR) and page.table.isColumnHidden(COLUMN_PEGAWAI)


def test_the_upgrade_question_needs_the_checkbox_before_lanjutkan(qtbot) -> None:
    problem = ServerBackupUnconfirmed(
        "perlu diperbarui", alasan="pg_dump tidak ditemukan.", revisi=("0005", "0006"), server="db:5432/k"
    )
    dialog = upgrade.UpgradeWithoutDumpDialog(problem)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "db:5432/k" in texts and "0005" in texts and "pg_dump tidak ditemukan" in texts
    assert "tidak diubah" in texts
    assert dialog.confirmation.text() == upgrade.CONFIRMATION
    assert not dialog.continue_button.isEnabled() and dialog.cancel_button.text() == "Batal"
    dialog.confirmation.setChecked(True)
    assert dialog.continue_button.isEnabled() and dialog.continue_button.text() == "Lanjutkan"


@server_only
def test_backup_and_restore_from_the_page(qtbot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, ctx)
    assert page.findChild(QLabel, "tools_status").isHidden() and page.create_button.isEnabled()
    with qtbot.waitSignal(page.status_changed):
        page.create_button.click()
    (archive,) = server_backup.list_dumps(ctx.workspace.paths.backups)
    assert page.model.rowCount() == 1 and page.model.index(0, COLUMN_BERKAS).data() == archive.name
    assert archive.name in page.message.text()
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "budi", "budi12345", Peran.OPERATOR, "Budi")
    asked: list[str] = []
    monkeypatch.setattr(cadangan_page, "ask_yes_no", lambda _p, q, d, *_a, **_k: asked.append(q + d) or True)
    page.table.selectRow(0)
    with qtbot.waitSignal(page.restored):
        page.restore_button.click()
    assert "server" in asked[0] and "pg_dump" in asked[0] and "menutup Kinerja Desktop" in asked[0]
    with ctx.workspace.read() as s:
        assert set(s.scalars(select(Pengguna.username))) == {"admin"}
    assert any(r.alasan == "sebelum-pemulihan" for r in page.model.rows)


def _old_server_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    paths = isi_folder_skema(DATA / "schema_0005.sqlite3", tmp_path / "data")
    monkeypatch.setenv(ENV_PG_BIN, str(tmp_path / "kosong"))
    return paths.data_dir


def _revision(folder: Path) -> str:
    with basis_data(folder) as db:
        return str(db.execute("SELECT version_num FROM alembic_version").scalar())


@server_only
def test_batal_at_start_up_leaves_the_server_database_alone(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.core.paths import AppPaths

    folder = _old_server_folder(tmp_path, monkeypatch)
    asked: list[ServerBackupUnconfirmed] = []
    monkeypatch.setattr(upgrade, "confirm_upgrade_without_dump", lambda _w, exc: asked.append(exc) or False)
    controller: AppController = build_app(AppPaths(folder))
    try:
        assert asked and asked[0].revisi[0] == "0005"
        assert controller.declined and controller.window is None
    finally:
        controller.close()
    assert _revision(folder) == "0005"


@server_only
def test_lanjutkan_at_start_up_upgrades_and_goes_on_to_the_login(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.core.paths import AppPaths

    folder = _old_server_folder(tmp_path, monkeypatch)
    monkeypatch.setattr(upgrade, "confirm_upgrade_without_dump", lambda _w, _exc: True)
    controller = build_app(AppPaths(folder))
    try:
        assert isinstance(controller.window, LoginDialog)
        assert controller.workspace is not None and "tanpa cadangan" in controller.workspace.migration.catatan
    finally:
        if controller.window is not None:
            controller.window.close()
        controller.close()
    assert _revision(folder) != "0005"
