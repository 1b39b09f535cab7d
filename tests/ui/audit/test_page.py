"""The Log Audit page: entries after changes, filters, loading more rows on demand, and the detail pane."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate

from kinerja_desktop.core.db.session import log_event
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.audit.page import BATCH, AuditPage
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner


@pytest.fixture
def ctx(workspace: Workspace, admin: Actor, sync_tasks: None) -> UiContext:
    return UiContext(workspace, admin, TaskRunner(None))


@pytest.fixture
def page(qtbot, ctx: UiContext) -> AuditPage:
    widget = AuditPage(ctx)
    qtbot.addWidget(widget)
    return widget


def _column(page: AuditPage, column: int) -> list[str]:
    return [page.model.index(i, column).data() for i in range(page.model.rowCount())]


def _select_aksi(page: AuditPage, aksi: str) -> None:
    page.aksi.setCurrentIndex(page.aksi.findData(aksi))


def _cadangan(ctx: UiContext) -> None:
    """A backup event in the log: a backup made, or on a server database (backed up with the server's
    tools) the event alone."""
    if ctx.workspace.is_sqlite:
        ctx.workspace.backup(ctx.actor)
        return
    with ctx.workspace.transaction(ctx.actor) as s:
        log_event(s, "cadangan", "Cadangan dibuat dengan alat server")


def test_entries_appear_after_changes(page: AuditPage, ctx: UiContext, qtmodeltester) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "budi", "budi12345", Peran.OPERATOR, "Budi Santoso")
    _cadangan(ctx)
    page.refresh()

    total = page.model.total
    assert total == page.model.rowCount() > 2
    assert page.jumlah.text() == f"{total} entri"
    assert _column(page, 2)[0] == "Cadangan"  # newest first
    assert _column(page, 1)[0] == "admin"
    assert "Tambah" in _column(page, 2)
    assert "pengguna" in _column(page, 3)
    waktu = _column(page, 0)[0]
    assert len(waktu) == len("31-12-2025 23:59:59") and waktu[2] == "-" and waktu[5] == "-"
    assert page.tabel.findData("pengguna") > 0
    qtmodeltester.check(page.model)


def test_filter_by_aksi_narrows(page: AuditPage, ctx: UiContext) -> None:
    _cadangan(ctx)
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "budi", "budi12345", Peran.OPERATOR, "Budi Santoso")
    page.refresh()
    everything = page.model.rowCount()

    _select_aksi(page, "cadangan")
    assert page.model.rowCount() == 1 < everything
    assert _column(page, 2) == ["Cadangan"]
    assert page.jumlah.text() == "1 entri"

    _select_aksi(page, "tambah")
    assert set(_column(page, 2)) == {"Tambah"}

    page.reset_password_button.click()
    assert page.aksi.currentIndex() == 0
    assert page.model.rowCount() == everything


def test_filter_by_text_table_and_dates(page: AuditPage, ctx: UiContext) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "budi", "budi12345", Peran.OPERATOR, "Budi Santoso")
        log_event(s, "cadangan", "Catatan khusus untuk dicari")
    page.refresh()

    page.teks.setText("khusus")
    page.apply_filter()  # the text box waits a moment before filtering; do it now
    assert _column(page, 4) == ["Catatan khusus untuk dicari"]
    page.teks.clear()

    page.tabel.setCurrentIndex(page.tabel.findData("pengguna"))
    assert set(_column(page, 3)) == {"pengguna"}
    page.tabel.setCurrentIndex(0)

    tomorrow = date.today() + timedelta(days=1)
    page.pakai_dari.setChecked(True)
    assert page.dari.isEnabled()
    page.dari.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert page.model.rowCount() == 0 and page.jumlah.text() == "0 entri"
    page.dari.setDate(QDate.currentDate())
    page.pakai_sampai.setChecked(True)
    page.sampai.setDate(QDate.currentDate())
    assert page.model.rowCount() == page.model.total > 0


def test_fetch_more_loads_the_rest(page: AuditPage, ctx: UiContext, qtmodeltester) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        for i in range(450):
            log_event(s, "cadangan", f"Entri uji {i}")
    page.refresh()
    total = page.model.total
    assert total >= 450
    assert page.model.rowCount() == BATCH
    assert page.model.canFetchMore(page.model.index(-1, -1))

    while page.model.canFetchMore(page.model.index(-1, -1)):
        page.model.fetchMore(page.model.index(-1, -1))
    assert page.model.rowCount() == total > 2 * BATCH
    assert len({row.id for row in page.model.rows}) == total
    assert page.model.rows[0].keterangan == "Entri uji 449"  # newest first
    assert [r.waktu for r in page.model.rows] == sorted((r.waktu for r in page.model.rows), reverse=True)
    qtmodeltester.check(page.model)


def test_scrolling_loads_more(page: AuditPage, ctx: UiContext, qtbot) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        for i in range(450):
            log_event(s, "cadangan", f"Entri uji {i}")
    page.resize(1000, 650)
    page.show()
    page.refresh()
    assert page.model.rowCount() == BATCH
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > BATCH)


def test_detail_shows_before_and_after(page: AuditPage, ctx: UiContext, qtmodeltester) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        pid = akun.create_pengguna(s, ctx.actor, "budi", "budi12345", Peran.OPERATOR, "Budi")
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.update_pengguna(
            s, ctx.actor, pid, nama="Budi Santoso", peran=Peran.OPERATOR, pegawai_id=None, aktif=True
        )
    page.refresh()
    _select_aksi(page, "ubah")
    assert page.model.rowCount() == 1
    page.table.selectRow(0)

    rows = {kolom: (sebelum, sesudah) for kolom, sebelum, sesudah in page.detail_model.rows}
    assert rows["nama"] == ("Budi", "Budi Santoso")
    assert "Ubah oleh admin" in page.detail_title.text()
    assert "pengguna" in page.detail_title.text()
    qtmodeltester.check(page.detail_model)

    _select_aksi(page, "tambah")
    page.table.selectRow(0)
    rows = {kolom: (sebelum, sesudah) for kolom, sebelum, sesudah in page.detail_model.rows}
    assert rows["password_hash"] == ("", "***")
