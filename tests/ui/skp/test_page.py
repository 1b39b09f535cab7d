"""The SKP page: the year's list with "Belum ada SKP" lines, filters, creating an SKP, drafts for a unit."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kinerja_desktop.core.demo import generate_demo
from kinerja_desktop.core.model.skp import StatusSkp
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import pegawai, skp
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import Cancelled, TaskContext, TaskRunner
from kinerja_desktop.ui.skp.list_dialogs import DrafUnitDialog, HasilDraftDialog, PendekatanDialog
from kinerja_desktop.ui.skp.list_model import BELUM, BELUM_LABEL
from kinerja_desktop.ui.skp.page import SkpPage

CONTAINS = Qt.MatchFlag.MatchContains
RENI = "Reni Lestari, S.Pd."  # a draft in the demo: deleted here so she has no SKP


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 20-pegawai demo office in which Reni's draft SKP was deleted."""
    folder = tmp_path_factory.mktemp("demo") / "d"
    ws = Workspace.open(AppPaths(folder))
    generate_demo(ws, jumlah_pegawai=20)
    admin = ws.login("admin", "admin123")
    with ws.transaction(admin) as session:
        reni = next(p for p in pegawai.list_pegawai(session, admin) if p.nama_lengkap == RENI)
        skp_id = next(
            r.id for r in skp.list_skp(session, admin, date.today().year) if r.pegawai_id == reni.id
        )
        skp.delete_skp(session, admin, skp_id)
    ws.close()
    return folder


def _ctx(tmp_path: Path, template: Path, user: str) -> Iterator[UiContext]:
    shutil.copytree(template, tmp_path / "d")
    ws = Workspace.open(AppPaths(tmp_path / "d"))
    yield UiContext(ws, ws.login(user, f"{user}123"), TaskRunner(None))
    ws.close()


@pytest.fixture
def ctx(tmp_path: Path, demo_template: Path, sync_tasks: None) -> Iterator[UiContext]:
    yield from _ctx(tmp_path, demo_template, "operator")


@pytest.fixture
def page(qtbot, ctx: UiContext) -> SkpPage:
    widget = SkpPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 750)
    widget.refresh()
    return widget


def accepted(dialog: QDialog) -> QDialog.DialogCode:
    dialog.accept()
    return QDialog.DialogCode.Accepted if dialog.result() else QDialog.DialogCode.Rejected


def test_list_shows_skp_and_pegawai_without_one(page: SkpPage, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 20
    assert page.count.text() == "20 pegawai · 1 belum ada SKP"
    row = page.model.row_of(next(r.pegawai_id for r in page.model.rows if r.nama == RENI))
    cells = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert cells[0] == RENI
    assert cells[3:5] == ["", BELUM_LABEL]
    assert cells[5] == "Nyimas Yuliana Anggraini"
    assert page.model.index(0, 1).data().count(" ") >= 3  # NIP grouped


def test_filters_by_status_unit_and_search(page: SkpPage, qtmodeltester) -> None:
    page.status.setCurrentIndex(page.status.findData(BELUM))
    assert [r.nama for r in page.model.rows] == [RENI]
    page.status.setCurrentIndex(page.status.findData(StatusSkp.DITOLAK.value))
    assert [r.status for r in page.model.rows] == ["ditolak"]
    page.status.setCurrentIndex(0)
    page.unit.setCurrentIndex(page.unit.findText("Sekretariat Kecamatan", flags=CONTAINS))
    assert {r.unit_nama for r in page.model.rows} == {"Sekretariat Kecamatan"}
    assert page.model.rowCount() == 4
    page.unit.setCurrentIndex(0)
    page.search.setText("reni")
    assert [r.nama for r in page.model.rows] == [RENI]
    qtmodeltester.check(page.model)


def _select(page: SkpPage, nama: str) -> None:
    assert page.select_pegawai(next(r.pegawai_id for r in page.model.rows if r.nama == nama))


def test_buat_skp_opens_the_editor_on_a_draft(page: SkpPage, monkeypatch: pytest.MonkeyPatch) -> None:
    _select(page, RENI)
    assert page.create_button.isEnabled() and not page.open_button.isEnabled()

    def pilih_kualitatif(dialog: PendekatanDialog) -> QDialog.DialogCode:
        dialog.group.button(1).setChecked(True)
        return accepted(dialog)

    monkeypatch.setattr(PendekatanDialog, "exec", pilih_kualitatif)
    page.on_create_button_clicked()
    assert page.stack.currentWidget() is page.editor
    detail = page.editor.detail
    assert detail is not None and detail.status == "draft" and detail.pendekatan == "kualitatif"
    assert "sudah dibuat sebagai draf" in page.editor.message.text()
    page.editor.on_back_button_clicked()
    assert page.stack.currentIndex() == 0
    assert page.count.text() == "20 pegawai · 0 belum ada SKP"


def test_salin_dari_tahun_lalu_says_when_there_is_nothing(page: SkpPage, monkeypatch) -> None:
    _select(page, RENI)
    shown: list[str] = []
    monkeypatch.setattr("kinerja_desktop.ui.skp.page.ask_yes_no", lambda *a, **k: True)
    monkeypatch.setattr("kinerja_desktop.ui.common.ops.show_error", lambda _p, e: shown.append(str(e)))
    page.on_copy_button_clicked()
    assert shown and "tidak memiliki SKP tahun" in shown[0]
    assert page.stack.currentIndex() == 0


def test_drafts_for_a_unit_in_the_background(page: SkpPage, monkeypatch: pytest.MonkeyPatch) -> None:
    page.unit.setCurrentIndex(page.unit.findText("Sekretariat Kecamatan", flags=CONTAINS))
    hasil: list[HasilDraftDialog] = []
    monkeypatch.setattr(DrafUnitDialog, "exec", accepted)
    monkeypatch.setattr(HasilDraftDialog, "exec", lambda d: hasil.append(d) or 0)  # type: ignore[func-returns-value]
    page.on_unit_drafts_button_clicked()
    (dialog,) = hasil
    assert dialog.dibuat.count() == 1 and dialog.dibuat.item(0).text() == RENI
    assert dialog.dilewati.count() == 3
    assert "Sudah memiliki SKP" in dialog.dilewati.item(0).text()
    assert page.message.text() == "1 draf SKP dibuat, 3 pegawai dilewati."
    assert page.count.text() == "4 pegawai · 0 belum ada SKP"
    assert page.unit_drafts_button.isEnabled()


def test_drafts_for_a_unit_can_be_cancelled_and_nothing_is_kept(
    page: SkpPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.unit.setCurrentIndex(page.unit.findText("Sekretariat Kecamatan", flags=CONTAINS))
    monkeypatch.setattr(DrafUnitDialog, "exec", accepted)
    monkeypatch.setattr(HasilDraftDialog, "exec", lambda d: pytest.fail("no result after a cancel"))
    laporan: list[tuple[int, int]] = []

    def batal(_task: TaskContext, done: int, total: int, _label: str = "") -> None:
        laporan.append((done, total))
        if done > 0:
            raise Cancelled()

    monkeypatch.setattr(TaskContext, "progress", batal)
    page.on_unit_drafts_button_clicked()
    assert laporan == [(0, 1), (1, 1)]
    assert page.message.text() == "Pembuatan draf SKP dibatalkan; tidak ada draf yang dibuat."
    page.load_list()
    assert page.count.text().endswith("1 belum ada SKP")
    assert page.unit_drafts_button.isEnabled()


def test_penilai_sees_own_and_direct_subordinates_first(qtbot, tmp_path: Path, demo_template: Path) -> None:
    for ctx in _ctx(tmp_path, demo_template, "penilai"):
        widget = SkpPage(ctx)
        qtbot.addWidget(widget)
        widget.refresh()
        assert widget.bawahan.isChecked()
        assert widget.model.rowCount() == 8  # the camat and the heads of the 7 units under him
        widget.bawahan.setChecked(False)
        assert widget.model.rowCount() == 20


def test_enter_opens_the_selected_skp_and_esc_goes_back(page: SkpPage, qtbot) -> None:
    page.show()
    page.activateWindow()  # shortcuts bound to a widget need an active window
    qtbot.waitUntil(page.isActiveWindow)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "zahra")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.focusWidget() is page.table and page.selected() is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.editor
    assert page.editor.detail is not None and page.editor.detail.pegawai.nama == "Zahra Oktarini"
    qtbot.keyClick(page.editor.tabs, Qt.Key.Key_Escape)
    assert page.stack.currentIndex() == 0
