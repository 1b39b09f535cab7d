"""Monitoring page: counts per unit as the service gives them, the list filtered by unit, open an SKP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.core.services.monitoring import monitoring
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.monitoring import page as monitoring_page
from kinerja_desktop.ui.monitoring.page import MonitoringPage


@pytest.fixture(scope="module")
def demo_template(demo_office: Callable[[int], Path]) -> Path:
    return demo_office(20)


@pytest.fixture
def page(qtbot, ctx: UiContext) -> MonitoringPage:
    widget = MonitoringPage(ctx)
    qtbot.addWidget(widget)
    widget.bar.tahun.setValue(date.today().year)
    widget.refresh()
    return widget


def _cells(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


@pytest.mark.parametrize("kode", ["TW2", "TW4"])
def test_counts_match_the_service(page: MonitoringPage, ctx: UiContext, qtmodeltester, kode: str) -> None:
    page.bar.periode.setCurrentIndex(page.bar.periode.findData(kode))
    with ctx.workspace.read() as s:
        data = monitoring(s, ctx.actor, date.today().year, kode)
    model = page.unit_model
    assert model.rowCount() == len(data.units) + 1
    row_of = {r.unit_id: n for n, r in enumerate(model.rows) if not r.total}
    for unit in data.units:
        cells = _cells(model, row_of[unit.unit_id])
        assert cells[0].strip() == unit.nama
        assert cells[1:5] == [
            str(unit.pegawai_aktif),
            str(unit.tanpa_skp),
            str(unit.belum_disetujui),
            str(unit.tanpa_realisasi),
        ]
    assert _cells(model, len(data.units))[:2] == ["Jumlah", str(data.total.pegawai_aktif)]
    parents = [r for r in model.rows if r.depth == 0 and not r.total]
    assert [r.data.nama for r in parents] == ["Kecamatan Plaju"]  # every other unit is indented under it
    assert model.index(len(data.units), 0).data(Qt.ItemDataRole.FontRole).bold()
    assert page.model.rowCount() == len(data.daftar)  # the Jumlah row is selected: every unit
    qtmodeltester.check(model)
    qtmodeltester.check(page.model)


def test_choosing_a_unit_filters_the_list(page: MonitoringPage) -> None:
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Nama", "NIP", "Unit kerja", "Masalah"]
    busy = next(n for n, r in enumerate(page.unit_model.rows) if not r.total and r.data.pegawai_aktif > 1)
    unit = page.unit_model.rows[busy].data
    page.units.selectRow(busy)
    assert {r.unit_id for r in page.model.rows} <= {unit.unit_id}
    assert page.model.rowCount() == unit.tanpa_skp + unit.belum_disetujui + unit.tanpa_realisasi
    assert unit.nama in page.judul_daftar.text()


def test_double_click_asks_to_open_the_skp(page: MonitoringPage, qtbot) -> None:
    page.bar.periode.setCurrentIndex(page.bar.periode.findData("TW4"))
    row = next(n for n, r in enumerate(page.model.rows) if r.skp_id)
    page.table.selectRow(row)
    with qtbot.wait_signal(page.open_skp) as signal:
        page.table.doubleClicked.emit(page.model.index(row, 0))
    assert signal.args == [page.model.rows[row].skp_id]


def test_a_slow_office_counts_in_the_background(
    page: MonitoringPage, tugas_dijalankan: list[str], monkeypatch
) -> None:
    ran = tugas_dijalankan
    # "Fast" must not depend on how busy the machine is: any count below a minute counts as fast here.
    monkeypatch.setattr(monitoring_page, "BATAS_DETIK", 60.0)
    page.pemuat.lambat = True
    page.bar.periode.setCurrentIndex(page.bar.periode.findData("TW1"))
    assert ran == ["Menghitung monitoring…"]
    assert page.data is not None and page.data.periode == "TW1"
    assert page.pemuat.lambat is False  # measured fast this time: the next count runs inline
