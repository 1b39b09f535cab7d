"""The Excel menu of the Pegawai page: export what is shown, import with a preview, apply after a backup."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from pendukung_db import sidik_basis_data
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from kinerja_desktop.core.db.backup import list_backups
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import pegawai
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.pegawai import excel
from kinerja_desktop.ui.pegawai.page import PegawaiPage


@pytest.fixture(scope="module")
def demo_template(demo_office: Callable[[int], Path]) -> Path:
    return demo_office(12)


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path, demo_template: Path, sync_tasks: None) -> Iterator[PegawaiPage]:
    shutil.copytree(demo_template, tmp_path / "d")
    ws = Workspace.open(AppPaths(tmp_path / "d"))
    widget = PegawaiPage(UiContext(ws, ws.login("operator", "operator123"), TaskRunner(None)))
    qtbot.addWidget(widget)
    widget.refresh()
    yield widget
    ws.close()


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(excel, "show_info", lambda parent, text, detail="": said.append(text))
    return said


def _nips(path: Path) -> list[str]:
    sheet = openpyxl.load_workbook(path, read_only=True)["Pegawai"]
    return [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]


def test_export_writes_only_the_rows_shown(
    page: PegawaiPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quiet: list[str]
) -> None:
    target = tmp_path / "tampil.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    first = page.model.rows[0]
    page.search.setText(first.nip[:14])
    shown = [r.nip for r in page.model.rows]
    assert 0 < len(shown) < 12
    page.excel.on_export_triggered()
    assert sorted(_nips(target)) == sorted(shown)
    assert quiet == [f"{len(shown)} pegawai diekspor ke tampil.xlsx."]


def test_import_shows_a_preview_then_applies_after_a_backup(
    page: PegawaiPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quiet: list[str]
) -> None:
    roster = tmp_path / "semua.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(roster), ""))
    page.excel.on_export_triggered()
    book = openpyxl.load_workbook(roster)
    sheet = book["Pegawai"]
    sheet.cell(row=2, column=2).value = "Nama Baru Sekali"
    nip = str(sheet.cell(row=2, column=1).value)
    book.save(roster)

    seen: dict[str, object] = {}

    def accept(dialog: excel.PratinjauImpor) -> int:
        seen["rows"] = [(b.nip, b.aksi.value) for b in dialog.model.rows]
        seen["enabled"] = dialog.apply_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(excel.PratinjauImpor, "exec", accept)
    page.excel.import_file(roster)
    assert seen == {"rows": [(nip, "ubah")], "enabled": True}
    ws = page.ctx.workspace
    with ws.read() as session:
        names = {r.nip: r.nama for r in pegawai.list_pegawai(session, page.ctx.actor)}
    assert names[nip] == "Nama Baru Sekali"
    dibuat = any("sebelum-impor-pegawai" in p.name for p in list_backups(ws.paths.backups))
    assert dibuat == ws.is_sqlite  # a server database is backed up with the server's tools
    assert quiet and quiet[-1].startswith("Impor selesai: 0 pegawai ditambah, 1 diubah")
    assert "Nama Baru Sekali" in [r.nama for r in page.model.rows]


def test_file_with_errors_cannot_be_applied(
    page: PegawaiPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quiet: list[str]
) -> None:
    roster = tmp_path / "rusak.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(roster), ""))
    page.excel.on_export_triggered()
    book = openpyxl.load_workbook(roster)
    book["Pegawai"].cell(row=3, column=1).value = 198609262015051001  # a NIP Excel turned into a number
    book.save(roster)
    before = sidik_basis_data(page.ctx.workspace.paths.data_dir)
    seen: dict[str, object] = {}

    def look(dialog: excel.PratinjauImpor) -> int:
        seen["enabled"] = dialog.apply_button.isEnabled()
        seen["keadaan"] = dialog.keadaan.text()
        seen["rincian"] = [excel._rincian(b) for b in dialog.model.rows if b.galat]
        return QDialog.DialogCode.Accepted  # even if accepted, nothing may be written

    monkeypatch.setattr(excel.PratinjauImpor, "exec", look)
    page.excel.import_file(roster)
    assert seen["enabled"] is False
    assert "kesalahan" in str(seen["keadaan"])
    assert any("angka" in r and "baris 3" in r for r in seen["rincian"])  # type: ignore[union-attr]
    assert sidik_basis_data(page.ctx.workspace.paths.data_dir) == before


def test_preview_model_passes_the_model_tester(
    page: PegawaiPage, tmp_path: Path, qtmodeltester: object
) -> None:
    from kinerja_desktop.core.exchange.roster import export_roster, plan_import

    roster = tmp_path / "r.xlsx"
    ws = page.ctx.workspace
    with ws.transaction(page.ctx.actor) as session:
        export_roster(session, page.ctx.actor, roster)
    with ws.read() as session:
        plan = plan_import(session, page.ctx.actor, roster)
    dialog = excel.PratinjauImpor(plan)
    dialog.only_notable.setChecked(False)
    assert dialog.model.rowCount() == 12
    assert not dialog.apply_button.isEnabled()  # nothing changes
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
