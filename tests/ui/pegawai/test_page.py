"""The Pegawai page: models, instant search by name and NIP, unit/status/golongan/aktif filters, sorting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.search import search_query
from kinerja_desktop.core.services import pegawai, unit_kerja
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.unit_tree import SEMUA, index_of_unit
from kinerja_desktop.ui.pegawai.page import PegawaiPage


@pytest.fixture
def page(qtbot, ctx: UiContext) -> PegawaiPage:
    widget = PegawaiPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def _names(page: PegawaiPage) -> list[str]:
    return [row.nama for row in page.model.rows]


def test_models_pass_the_model_tester(page: PegawaiPage, qtmodeltester) -> None:
    assert page.model.rowCount() == 30
    assert page.count.text() == "30 pegawai"
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.tree_model)
    page.search.setText("a")
    qtmodeltester.check(page.model)


def test_columns_show_formatted_nip_and_names(page: PegawaiPage) -> None:
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == ["NIP", "Nama lengkap", "Golongan", "Jabatan", "Unit kerja", "Atasan", "Status"]
    row = page.model.row_of(next(r.id for r in page.model.rows if r.nip == "198801132012041001"))
    cells = [page.model.index(row, c).data() for c in range(7)]
    assert cells[0] == "19880113 201204 1 001"
    assert cells[1] == "Aidil Abdul Nugraha, A.Md."
    assert cells[2:5] == ["III/b", "Pengolah Data dan Informasi", "Seksi Pemerintahan"]
    assert cells[6] == "PNS"
    pppk = next(n for n, r in enumerate(page.model.rows) if r.status_kepegawaian == "pppk")
    assert page.model.index(pppk, 0).data().count(" ") == 4  # NI PPPK: 8 4 2 1 3


def test_search_by_part_of_a_name(page: PegawaiPage) -> None:
    page.search.setText("rina")
    assert sorted(_names(page)) == ["Rina Handayani", "Rina Puspita"]
    assert page.count.text() == "2 pegawai"
    page.search.setText("RINA  PUS")
    assert _names(page) == ["Rina Puspita"]
    page.search.setText("")
    assert page.model.rowCount() == 30


def test_search_by_nip_digits_with_spaces(page: PegawaiPage) -> None:
    page.search.setText("19880113 2012")
    assert _names(page) == ["Aidil Abdul Nugraha"]
    page.search.setText("1988")
    assert len(_names(page)) == 3
    assert search_query(" 19860926 201505 1 001 ") == ("198609262015051001",)
    assert search_query("Siti  Aminah") == ("siti", "aminah")


def test_search_words_in_any_order_also_in_jabatan_and_unit(page: PegawaiPage) -> None:
    page.search.setText("puspita rina")
    assert _names(page) == ["Rina Puspita"]
    page.search.setText("rina bagus kuning")  # a word of the unit
    assert _names(page) == ["Rina Handayani"]
    page.search.setText("data rina")  # a word of the jabatan
    assert _names(page) == ["Rina Handayani"]
    page.search.setText("lurah PLAJU ulu")  # every pegawai of the unit, the lurah among them
    names = _names(page)
    assert "Rina Puspita" in names and "Rina Handayani" not in names
    page.search.setText("rina sekretaris-tidak-ada")
    assert _names(page) == []


def test_typing_keeps_the_selected_row_when_it_still_matches(page: PegawaiPage) -> None:
    page.search.setText("rina")
    page.table.selectRow(_names(page).index("Rina Puspita"))
    page.search.setText("rina p")
    selected = page.selected()
    assert selected is not None and selected.nama == "Rina Puspita"


def test_unit_filter_includes_sub_units(page: PegawaiPage, ctx: UiContext) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        seksi = next(u for u in unit_kerja.list_units(s, ctx.actor) if u.nama == "Seksi Pemerintahan")
        sub = unit_kerja.create_unit(s, ctx.actor, "Subseksi Kependudukan", seksi.id)
        aidil = next(r for r in pegawai.list_pegawai(s, ctx.actor) if r.nama == "Aidil Abdul Nugraha")
        data = pegawai.get_pegawai(s, ctx.actor, aidil.id).data
        pegawai.update_pegawai(s, ctx.actor, aidil.id, replace(data, unit_kerja_id=sub))
    page.refresh()
    page.select_unit(seksi.id)
    assert sorted(_names(page)) == ["Aidil Abdul Nugraha", "R. Fauzan Abdul Pratama"]
    assert page.tree.currentIndex().data() == "Seksi Pemerintahan (2)"
    page.select_unit(sub)
    assert _names(page) == ["Aidil Abdul Nugraha"]
    page.select_unit(SEMUA)
    assert page.model.rowCount() == 30
    assert index_of_unit(page.tree_model, SEMUA).data() == "Semua unit (30)"


def test_status_golongan_and_aktif_filters(page: PegawaiPage, ctx: UiContext) -> None:
    page.status.setCurrentIndex(page.status.findData("pppk"))
    assert page.model.rowCount() == 8
    assert {r.status_kepegawaian for r in page.model.rows} == {"pppk"}
    assert page.golongan.itemData(1) == "I" and page.golongan.count() == 18  # PPPK I … XVII
    page.golongan.setCurrentIndex(page.golongan.findData("VII"))
    assert _names(page) == ["Rina Handayani"]
    page.status.setCurrentIndex(page.status.findData("pns"))
    assert page.golongan.itemData(1) == "I/a"
    assert page.golongan.currentData() == ""
    page.golongan.setCurrentIndex(page.golongan.findData("III/d"))
    assert len(_names(page)) == 5

    with ctx.workspace.transaction(ctx.actor) as s:
        sri = next(r for r in pegawai.list_pegawai(s, ctx.actor) if r.nama == "Sri Hasanah")
        pegawai.archive_pegawai(s, ctx.actor, sri.id, StatusAktif.PENSIUN, date(2026, 6, 30))
    page.status.setCurrentIndex(0)
    page.golongan.setCurrentIndex(0)
    page.refresh()
    assert "Sri Hasanah" not in _names(page) and page.model.rowCount() == 29
    page.aktif.setCurrentIndex(page.aktif.findData("nonaktif"))
    assert _names(page) == ["Sri Hasanah"]
    assert page.model.index(0, 6).data() == "PNS · Pensiun"
    assert page.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # drawn grey
    page.aktif.setCurrentIndex(page.aktif.findData(""))
    assert page.model.rowCount() == 30


def test_sorting_by_header_keeps_the_selection(page: PegawaiPage) -> None:
    page.table.selectRow(0)
    first = page.selected()
    assert first is not None
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    golongan = [r.golongan for r in page.model.rows]
    assert golongan[0] == "VII" and golongan[-1] == "II/a"  # PPPK after PNS, highest first
    selected = page.selected()
    assert selected is not None and selected.id == first.id
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    nips = [r.nip for r in page.model.rows]
    assert nips == sorted(nips)
    page.search.setText("a")  # filtering keeps the chosen order
    nips = [r.nip for r in page.model.rows]
    assert nips == sorted(nips)


def test_keyboard_search_then_enter_opens_the_form(qtbot, page: PegawaiPage, monkeypatch) -> None:
    opened: list[str | None] = []
    monkeypatch.setattr(PegawaiPage, "open_form", lambda self, pid, tab="": opened.append(pid) or _Closed())
    page.show()
    page.search.setFocus()
    qtbot.keyClicks(page.search, "uli k")
    assert _names(page) == ["Uli Kurniasih"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.focusWidget() is page.table and page.selected() is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.model.rows[0].id]


class _Closed:
    pelatihan = None

    def exec(self) -> int:
        return 0
