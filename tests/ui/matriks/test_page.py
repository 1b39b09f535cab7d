"""Matriks peran hasil page: the tree follows the service, the leftover groups, export to Excel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from kinerja_desktop.core.exchange.matriks_excel import LEMBAR_MATRIKS
from kinerja_desktop.core.services.matriks import matriks_peran_hasil
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.matriks import page as matriks_page
from kinerja_desktop.ui.matriks.page import MatriksPage, nama_berkas
from kinerja_desktop.ui.matriks.tree_model import GRUP_TANPA_INDUK, GRUP_TANPA_SKP


@pytest.fixture(scope="module")
def demo_template(demo_office: Callable[[int], Path]) -> Path:
    return demo_office(20)


@pytest.fixture
def page(qtbot, ctx: UiContext) -> MatriksPage:
    widget = MatriksPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def test_tree_follows_the_service(page: MatriksPage, ctx: UiContext, qtmodeltester) -> None:
    unit_id = page.unit.currentData()
    with ctx.workspace.read() as s:
        data = matriks_peran_hasil(s, ctx.actor, unit_id, date.today().year)
    model = page.model
    assert model.rowCount() == len(data.baris) + 2
    for n, b in enumerate(data.baris):
        top = model.index(n, 0)
        assert top.data().startswith(b.teks) and model.index(n, 1).data() == b.nama
        assert top.data(Qt.ItemDataRole.FontRole).bold()
        children = [model.index(i, 0, top).data().split(" (tambahan)")[0] for i in range(model.rowCount(top))]
        assert children == [p.teks for p in b.pendukung]
    lepas = model.index(len(data.baris), 0)
    assert lepas.data() == f"{GRUP_TANPA_INDUK} ({len(data.tanpa_induk)})" and len(data.tanpa_induk) > 0
    assert [model.index(i, 1, lepas).data() for i in range(model.rowCount(lepas))] == [
        p.nama for p in data.tanpa_induk
    ]
    assert "mengintervensi" in model.index(0, 2, lepas).data()
    assert model.index(len(data.baris) + 1, 0).data().startswith(GRUP_TANPA_SKP)
    assert model.parent(model.index(0, 1, lepas)) == lepas
    qtmodeltester.check(model)


def test_another_unit_shows_its_own_cascade(page: MatriksPage) -> None:
    before = page.model.rowCount()
    page.unit.setCurrentIndex(page.unit.findText("Seksi Pemerintahan", flags=Qt.MatchFlag.MatchContains))
    assert 2 <= page.model.rowCount() < before


def test_export_writes_the_workbook(page: MatriksPage, monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "matriks"
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(matriks_page, "show_info", lambda parent, text, detail="": told.append(text))
    page.export_button.click()
    wb = openpyxl.load_workbook(target.with_suffix(".xlsx"))
    rows = wb[LEMBAR_MATRIKS].max_row - 1
    assert told == [f"Matriks peran hasil tersimpan di matriks.xlsx ({rows} baris)."]
    assert nama_berkas("Seksi A/B", 2026) == "Matriks Peran Hasil - Seksi AB 2026.xlsx"


def test_a_slow_matriks_is_built_in_the_background(
    page: MatriksPage, tugas_dijalankan: list[str], monkeypatch
) -> None:
    ran = tugas_dijalankan
    monkeypatch.setattr(matriks_page, "BATAS_DETIK", 60.0)  # "fast" must not depend on a busy machine
    page.pemuat.lambat = True
    page.tahun.setValue(page.tahun.value() - 1)
    assert ran == ["Menyusun matriks…"]
    assert page.data is not None and page.data.tahun == page.tahun.value()
    assert page.pemuat.lambat is False  # measured fast this time: the next one is built at once
    page.tahun.setValue(page.tahun.value() + 1)
    assert ran == ["Menyusun matriks…"] and page.data.tahun == page.tahun.value()


def test_a_result_for_another_choice_is_not_shown(page: MatriksPage, ctx: UiContext) -> None:
    tampil = page.data
    assert tampil is not None
    with ctx.workspace.read() as s:
        lama = matriks_peran_hasil(s, ctx.actor, page.unit.currentData(), page.tahun.value() - 1)
    page.on_data_loaded(lama)
    assert page.data is tampil  # the year shown is still the one chosen
