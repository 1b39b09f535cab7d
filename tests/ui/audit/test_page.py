"""The Log Audit page: sentences after changes, filters, loading more rows on demand, and the detail pane."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pegawai, Pengguna
from kinerja_desktop.core.db.session import log_event
from kinerja_desktop.core.rules.tanggal import format_tanggal
from kinerja_desktop.core.services import akun, audit, kantor
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.services.audit import SISTEM
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.audit import page as audit_page
from kinerja_desktop.ui.audit.page import BATCH, PILIH_ENTRI, AuditPage
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


def _select(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def _budi(ctx: UiContext, nama: str = "Budi Santoso", nip: str = "198609262015051001") -> str:
    with ctx.workspace.transaction(ctx.actor) as s:
        p = Pegawai(kantor_id=kantor.get_kantor(s).id, nip=nip, nama=nama, jabatan="Pranata Komputer")
        s.add(p)
        s.flush()
        return p.id


def _operator(ctx: UiContext) -> Actor:
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "sinta", "sinta12345", Peran.OPERATOR, "Sinta")
    with ctx.workspace.read() as s:
        return akun.actor_of(s.scalars(select(Pengguna).where(Pengguna.username == "sinta")).one())


def test_entries_read_as_sentences_newest_first(page: AuditPage, ctx: UiContext, qtmodeltester) -> None:
    pid = _budi(ctx)
    sinta = _operator(ctx)
    with ctx.workspace.transaction(sinta) as s:
        s.get_one(Pegawai, pid).jabatan = "Pranata Komputer Ahli Pertama"
    page.refresh()

    assert page.model.total == page.model.rowCount() > 2
    assert page.jumlah.text() == f"{page.model.total} entri"
    assert _column(page, 1)[0] == (
        "Operator Sinta mengubah Jabatan Budi Santoso: Pranata Komputer → Pranata Komputer Ahli Pertama"
    )
    assert "Administrator Admin Kantor menambah pegawai Budi Santoso" in _column(page, 1)
    bulan = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
    waktu = _column(page, 0)[0]
    assert waktu.split()[1] in bulan and len(waktu) == len("07 Des 2026 23.40")
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["Waktu", "Uraian"]
    qtmodeltester.check(page.model)


def test_filters_by_pegawai_user_kind_and_table(page: AuditPage, ctx: UiContext) -> None:
    pid = _budi(ctx)
    _budi(ctx, "Siti Aminah", "199001012015052002")
    sinta = _operator(ctx)
    with ctx.workspace.transaction(sinta) as s:
        s.get_one(Pegawai, pid).telepon = "0711-1"
    page.refresh()
    everything = page.model.rowCount()

    page.pegawai.setText("santoso budi")
    page.apply_filter()  # the text box waits a moment before filtering; do it now
    assert len(_column(page, 1)) == 2 and all("Budi Santoso" in t for t in _column(page, 1))
    page.pegawai.setText("1990 0101")
    page.apply_filter()
    assert _column(page, 1) == ["Administrator Admin Kantor menambah pegawai Siti Aminah"]
    page.pegawai.clear()
    page.apply_filter()

    _select(page.pengguna, "sinta")
    assert _column(page, 1) == ["Operator Sinta mengubah Telepon Budi Santoso: (kosong) → 0711-1"]
    _select(page.pengguna, "")
    _select(page.aksi, "tambah")
    assert all(" menambah " in t for t in _column(page, 1)) and page.model.rowCount() >= 3
    _select(page.tabel, "pengguna")
    assert _column(page, 1) == [
        "Administrator Admin Kantor menambah akun sinta",
        "Sistem menambah akun admin",
    ]
    assert page.jumlah.text() == "2 entri"

    page.hapus_filter.click()
    assert (page.aksi.currentIndex(), page.tabel.currentIndex(), page.pegawai.text()) == (0, 0, "")
    assert page.model.rowCount() == everything
    _select(page.pengguna, SISTEM)
    assert 0 < page.model.rowCount() < everything
    assert all(t.startswith("Sistem ") for t in _column(page, 1))


def test_filter_by_dates(page: AuditPage, ctx: UiContext) -> None:
    _budi(ctx)
    page.refresh()
    tomorrow = date.today() + timedelta(days=1)
    page.pakai_dari.setChecked(True)
    assert page.dari.isEnabled()
    page.dari.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert page.model.rowCount() == 0 and page.jumlah.text() == "0 entri"
    page.dari.setDate(QDate.currentDate())
    page.pakai_sampai.setChecked(True)
    page.sampai.setDate(QDate.currentDate())
    assert page.model.rowCount() == page.model.total > 0


def test_fetch_more_loads_the_rest(
    page: AuditPage, ctx: UiContext, qtmodeltester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_page, "HITUNG_SAMPAI", 300)
    with ctx.workspace.transaction(ctx.actor) as s:
        for i in range(450):
            log_event(s, "cadangan", f"Entri uji {i}")
    page.refresh()
    assert page.jumlah.text() == "Lebih dari 300 entri; persempit dengan filter di atas."
    assert page.model.rowCount() == BATCH
    assert page.model.canFetchMore(page.model.index(-1, -1))

    while page.model.canFetchMore(page.model.index(-1, -1)):
        page.model.fetchMore(page.model.index(-1, -1))
    with ctx.workspace.read() as s:
        total = audit.count_audit(s, ctx.actor, audit.AuditFilter())
    assert page.model.rowCount() == total > 450
    assert len({row.id for row in page.model.rows}) == total
    assert page.model.rows[0].row.keterangan == "Entri uji 449"  # newest first
    waktu = [r.row.waktu for r in page.model.rows]
    assert waktu == sorted(waktu, reverse=True)
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


def test_detail_shows_every_field_in_words_and_the_stored_json(
    page: AuditPage, ctx: UiContext, qtmodeltester
) -> None:
    pid = _budi(ctx)
    with ctx.workspace.transaction(ctx.actor) as s:
        p = s.get_one(Pegawai, pid)
        p.tmt_jabatan, p.status_kepegawaian = date(2026, 1, 2), "cpns"
    page.refresh()
    assert page.detail_title.text() == PILIH_ENTRI
    _select(page.aksi, "ubah")
    page.table.selectRow(0)

    rows = {r[0]: r[1:] for r in (page.detail_model.cells(p) for p in page.detail_model.rows)}
    assert rows["TMT jabatan"] == ("–", "2 Januari 2026")
    assert rows["Status kepegawaian"] == ("PNS", "CPNS")
    assert "Administrator Admin Kantor mengubah Budi Santoso: " in page.detail_title.text()
    assert page.detail_title.text().startswith(format_tanggal(date.today()))
    stored = json.loads(page.raw.toPlainText())
    assert stored["sesudah"]["tmt_jabatan"] == "2026-01-02" and stored["tabel"] == "pegawai"
    assert stored["baris_id"] == pid
    qtmodeltester.check(page.detail_model)

    _select(page.aksi, "tambah")
    _select(page.tabel, "pengguna")
    page.table.selectRow(0)
    rows = {r[0]: r[1:] for r in (page.detail_model.cells(p) for p in page.detail_model.rows)}
    assert rows["Kata sandi"] == ("–", "(disembunyikan)")
    assert rows["Peran"] == ("–", "Administrator")
    page.table.clearSelection()
    page.on_entry_selected(page.model.index(-1, -1))
    assert page.detail_model.rowCount() == 0 and page.raw.toPlainText() == ""
