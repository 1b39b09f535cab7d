"""Realisasi typed in a cell that someone else filled meanwhile: refused, said above the grid, kept."""

from __future__ import annotations

from decimal import Decimal

from pendukung_berubah import SINTA, sinta, tangkap
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kinerja_desktop.core.services import realisasi
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.realisasi.grid import KOLOM_REALISASI
from kinerja_desktop.ui.realisasi.page import RealisasiPage

from .test_page import demo_template as demo_template  # the module's demo office
from .test_page import errors as errors
from .test_page import page as page


def _stored(ctx: UiContext, page: RealisasiPage, indikator_id: str) -> Decimal | None:
    assert page.detail is not None
    with ctx.workspace.read() as s:
        grid = realisasi.get_realisasi_grid(s, ctx.actor, page.detail.id, "TW4")
    return {i.indikator_id: i.nilai for r in grid.rhk for i in r.indikator}[indikator_id]


def test_a_cell_sinta_filled_meanwhile_is_not_overwritten(
    page: RealisasiPage, ctx: UiContext, errors: list[str], qtbot
) -> None:
    page.show()
    row = next(n for n, r in enumerate(page.model.rows) if r.angka and r.indikator_id)
    index = page.model.index(row, KOLOM_REALISASI)
    assert page.model.setData(index, "12,5")  # A's own saves go on: the revisi follows
    assert page.model.setData(index, "13")
    indikator_id = page.model.rows[row].indikator_id
    b = sinta(ctx.workspace)
    with ctx.workspace.transaction(b) as s:
        realisasi.set_realisasi(s, b, indikator_id, "TW4", 20, revisi=page.model.rows[row].revisi)
    assert not page.model.setData(index, "14")
    qtbot.wait_until(page.stale.isVisible)
    assert f"Data ini sudah diubah oleh {SINTA} pukul" in page.stale.text() and not errors
    editor = page.table.indexWidget(index) or page.table.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "14"  # what A typed is still there
    assert _stored(ctx, page, indikator_id) == Decimal(20)
    tangkap(page, "realisasi-berubah")
    page.stale.reload_button.click()
    assert not page.stale.isVisible()
    new_index = page.model.index(row, KOLOM_REALISASI)
    assert new_index.data(Qt.ItemDataRole.EditRole) == "20"
    assert page.model.setData(new_index, "14") and _stored(ctx, page, indikator_id) == Decimal(14)
