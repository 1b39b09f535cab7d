"""The Unit Kerja page: tree with heads and counts, add/change/move, close/reopen/delete and refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.unit_tree import index_of_unit
from kinerja_desktop.ui.unit_kerja import page as unit_page
from kinerja_desktop.ui.unit_kerja.dialogs import PindahUnitDialog, UnitDialog
from kinerja_desktop.ui.unit_kerja.page import UnitKerjaPage


@pytest.fixture
def page(qtbot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> UnitKerjaPage:
    monkeypatch.setattr(unit_page, "ask_yes_no", lambda *a, **k: True)
    widget = UnitKerjaPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def _unit_id(page: UnitKerjaPage, nama: str) -> str:
    return next(u.id for u in page.units.by_id.values() if u.nama == nama)


def _select(page: UnitKerjaPage, nama: str) -> None:
    page.select(_unit_id(page, nama))
    unit = page.selected()
    assert unit is not None and unit.nama == nama
    page.on_selection_changed()


def _cells(page: UnitKerjaPage, nama: str) -> list[str]:
    index = index_of_unit(page.model, _unit_id(page, nama))
    return [index.siblingAtColumn(c).data() for c in range(5)]


def _dialog(monkeypatch: pytest.MonkeyPatch, cls: type, **values: str) -> list:
    opened: list = []

    def fake_exec(dialog: UnitDialog | PindahUnitDialog) -> int:
        opened.append(dialog)
        for name, text in values.items():
            getattr(dialog, name).setText(text)
        dialog.on_save_button_clicked()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return opened


def test_tree_shows_heads_and_counts(page: UnitKerjaPage, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    assert _cells(page, "Kecamatan Plaju") == [
        "Kecamatan Plaju",
        "PLJ",
        "H. Iqbal Fauzi, S.AP., M.AP.",
        "1 (total 30)",
        "",
    ]
    assert _cells(page, "Seksi Pemerintahan")[2:4] == ["R. Fauzan Abdul Pratama, S.H.", "2"]
    root = page.model.index(0, 0)
    assert page.model.rowCount(root) == 11 and page.model.rowCount(QModelIndex()) == 1


def test_add_a_sub_unit_and_refuse_a_twin(page: UnitKerjaPage, monkeypatch: pytest.MonkeyPatch) -> None:
    _select(page, "Seksi Pemerintahan")
    _dialog(monkeypatch, UnitDialog, nama="Subseksi Kependudukan", kode="PLJ.PEM.1")
    page.add_button.click()
    unit = page.selected()
    assert unit is not None and unit.nama == "Subseksi Kependudukan" and unit.kode == "PLJ.PEM.1"
    assert page.units.path(unit.id) == "Kecamatan Plaju › Seksi Pemerintahan › Subseksi Kependudukan"
    assert "sudah ditambahkan di bawah Seksi Pemerintahan" in page.message.text()

    _select(page, "Seksi Pemerintahan")
    opened = _dialog(monkeypatch, UnitDialog, nama="subseksi  kependudukan")
    page.add_button.click()
    assert "Sudah ada unit bernama" in opened[0].notes["nama"].text()


def test_change_name_and_head(page: UnitKerjaPage, ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> None:
    _select(page, "Seksi Pemerintahan")
    opened: list[UnitDialog] = []

    def fake_exec(dialog: UnitDialog) -> int:
        opened.append(dialog)
        assert [label.split(" — ")[0] for _id, label in dialog.staf] == [
            "Aidil Abdul Nugraha, A.Md.",
            "R. Fauzan Abdul Pratama, S.H.",
        ]
        dialog.nama.setText("Seksi Tata Pemerintahan")
        dialog.kepala.set_value(dialog.staf[0][0])
        dialog.on_save_button_clicked()
        return dialog.result()

    monkeypatch.setattr(UnitDialog, "exec", fake_exec)
    page.edit_button.click()
    assert _cells(page, "Seksi Tata Pemerintahan")[2] == "Aidil Abdul Nugraha, A.Md."


def test_move_offers_only_possible_parents(page: UnitKerjaPage, ctx: UiContext, monkeypatch) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        sub = unit_kerja.create_unit(s, ctx.actor, "Subseksi A", _unit_id(page, "Seksi Pemerintahan"))
    page.refresh()
    _select(page, "Seksi Pemerintahan")
    opened: list[PindahUnitDialog] = []

    def fake_exec(dialog: PindahUnitDialog) -> int:
        opened.append(dialog)
        targets = [dialog.induk.itemData(i) for i in range(dialog.induk.count())]
        assert sub not in targets and _unit_id(page, "Seksi Pemerintahan") not in targets
        dialog.induk.setCurrentIndex(dialog.induk.findData(_unit_id(page, "Kelurahan Plaju Ulu")))
        dialog.on_save_button_clicked()
        return dialog.result()

    monkeypatch.setattr(PindahUnitDialog, "exec", fake_exec)
    page.move_button.click()
    assert page.units.path(sub) == "Kecamatan Plaju › Kelurahan Plaju Ulu › Seksi Pemerintahan › Subseksi A"
    assert "sekarang berada di bawah Kecamatan Plaju › Kelurahan Plaju Ulu" in page.message.text()


def test_a_unit_with_active_staff_cannot_be_deleted_or_closed(page: UnitKerjaPage, ctx: UiContext) -> None:
    _select(page, "Seksi Pemerintahan")
    page.delete_button.click()
    text = page.message.text()
    assert "Unit 'Seksi Pemerintahan' masih memiliki 2 pegawai aktif sehingga tidak bisa dihapus." in text
    assert "Pindahkan pegawainya ke unit lain terlebih dahulu." in text
    assert "b00020" in page.message.styleSheet()
    page.close_button.click()
    assert "tidak bisa ditutup" in page.message.text()
    with ctx.workspace.read() as s:
        units = {u.nama: u for u in unit_kerja.list_units(s, ctx.actor)}
    assert units["Seksi Pemerintahan"].aktif
    _select(page, "Kecamatan Plaju")
    assert (
        not page.delete_button.isEnabled()
        and not page.close_button.isEnabled()
        and not page.move_button.isEnabled()
    )


def test_close_reopen_and_delete_an_empty_unit(page: UnitKerjaPage, ctx: UiContext) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        unit_kerja.create_unit(s, ctx.actor, "Subseksi Kosong", _unit_id(page, "Seksi Pemerintahan"))
    page.refresh()
    _select(page, "Subseksi Kosong")
    page.close_button.click()
    assert _cells(page, "Subseksi Kosong")[4].startswith("Ditutup sejak")
    assert (
        page.open_button.isEnabled() and not page.close_button.isEnabled() and not page.add_button.isEnabled()
    )
    page.open_button.click()
    assert _cells(page, "Subseksi Kosong")[4] == ""
    page.delete_button.click()
    assert page.message.text() == "Unit Subseksi Kosong sudah dihapus."
    assert "Subseksi Kosong" not in [u.nama for u in page.units.by_id.values()]


@pytest.mark.parametrize("username", ["penilai", "pimpinan"])
def test_read_only_roles_see_the_tree_only(qtbot, ctx: UiContext, username: str) -> None:
    actor = ctx.workspace.login(username, f"{username}123")
    page = UnitKerjaPage(UiContext(ctx.workspace, actor, ctx.tasks))
    qtbot.addWidget(page)
    page.refresh()
    _select(page, "Seksi Pemerintahan")
    assert not any(button.isEnabled() for button in page.buttons)
    page.on_edit_button_clicked()  # Enter or double-click does nothing either
