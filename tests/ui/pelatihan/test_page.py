"""The Pelatihan (JP) page and the form's Pelatihan tab: who is short of 20 JP, recording a training."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from kinerja_desktop.core.services import pegawai, pelatihan
from kinerja_desktop.core.services.pelatihan import PelatihanInput
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.pegawai.form import PegawaiForm
from kinerja_desktop.ui.pegawai.form_pelatihan import PelatihanDialog, ringkasan_jp
from kinerja_desktop.ui.pelatihan import page as pelatihan_page
from kinerja_desktop.ui.pelatihan.page import PelatihanPage

TAHUN = 2025  # the demo records trainings in the current year only; this year starts empty


@pytest.fixture
def ids(ctx: UiContext) -> dict[str, str]:
    with ctx.workspace.read() as s:
        return {r.nama: r.id for r in pegawai.list_pegawai(s, ctx.actor)}


@pytest.fixture
def page(qtbot, ctx: UiContext, ids: dict[str, str]) -> PelatihanPage:
    with ctx.workspace.transaction(ctx.actor) as s:
        for nama, jp in (
            ("Sri Hasanah", 12),
            ("Erna Rosita", 24),
            ("Ahmad Azhari", 30),
            ("Fikri Nugraha", 8),
        ):
            pelatihan.add_pelatihan(
                s, ctx.actor, ids[nama], PelatihanInput("Diklat Teknis", date(TAHUN, 5, 2), jp)
            )
    widget = PelatihanPage(ctx)
    qtbot.addWidget(widget)
    widget.tahun.setValue(TAHUN)
    widget.refresh()
    return widget


def _names(page: PelatihanPage) -> list[str]:
    return [r.nama for r in page.model.rows]


def test_lists_pns_short_of_20_jp_and_pppk_over_the_limit(page: PelatihanPage, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    names = _names(page)
    assert "Sri Hasanah" in names and "Erna Rosita" not in names  # 12 JP short, 24 JP met
    assert "Ahmad Azhari" in names and "Fikri Nugraha" not in names  # PPPK: 30 over 24, 8 within
    assert len(names) == 21 + 1  # the 22 PNS/CPNS but Erna, plus one PPPK over the limit
    sri = page.model.rows[names.index("Sri Hasanah")]
    cells = [page.model.index(names.index("Sri Hasanah"), c).data() for c in range(6)]
    assert cells[2] == "PNS" and cells[4] == "12" and cells[5] == "Kurang 8 JP dari minimal 20 JP"
    assert sri.kurang == 8
    assert page.count.text().startswith("22 pegawai — 21 kurang dari 20 JP, 1 PPPK melebihi 24 JP")
    page.hanya.setChecked(False)
    assert len(_names(page)) == 30


def test_double_click_opens_the_pelatihan_tab_and_adding_updates_the_list(
    qtbot, page: PelatihanPage, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def add_eight_jp(form: PegawaiForm) -> int:
        assert form.tabs.currentWidget() is form.pelatihan and form.pelatihan is not None
        assert form.pelatihan.tahun.value() == TAHUN
        assert form.pelatihan.jp_label.text() == f"Tahun {TAHUN}: 12 JP dari minimal 20 JP — kurang 8 JP."

        def fill(dialog: PelatihanDialog) -> int:
            dialog.nama.setText("Pelatihan Kearsipan")
            dialog.tanggal_mulai.set_value(date(TAHUN, 9, 1))
            dialog.jp.setValue(8)
            dialog.on_save_button_clicked()
            return dialog.result()

        monkeypatch.setattr(PelatihanDialog, "exec", fill)
        before = form.pelatihan.model.rowCount()  # the demo's own trainings are in other years
        form.pelatihan.add_button.click()
        assert form.pelatihan.model.rowCount() == before + 1
        assert "memenuhi minimal 20 JP" in form.pelatihan.jp_label.text()
        return 0

    monkeypatch.setattr(PegawaiForm, "exec", add_eight_jp)
    page.table.selectRow(_names(page).index("Sri Hasanah"))
    page.on_table_activated()
    assert "Sri Hasanah" not in _names(page)


def test_training_dialog_refuses_bad_dates_inline(qtbot, ctx: UiContext, ids: dict[str, str]) -> None:
    dialog = PelatihanDialog(ctx, ids["Sri Hasanah"], None)
    qtbot.addWidget(dialog)
    dialog.nama.setText("Bimtek SRIKANDI")
    dialog.tanggal_mulai.set_value(date(TAHUN, 9, 10))
    dialog.tanggal_selesai.set_value(date(TAHUN, 9, 1))
    dialog.on_save_button_clicked()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "tidak boleh sebelum tanggal mulai" in dialog.notes["tanggal_selesai"].text()


def test_jp_summary_text() -> None:
    assert ringkasan_jp(20, "pns", 2026) == ("Tahun 2026: 20 JP — memenuhi minimal 20 JP.", True)
    assert ringkasan_jp(25, "pppk", 2026)[0].endswith("melebihi batas PPPK 24 JP sebanyak 1 JP.")


@pytest.mark.parametrize("username", ["penilai", "pimpinan"])
def test_read_only_roles_see_the_recap(qtbot, ctx: UiContext, username: str, monkeypatch) -> None:
    actor = ctx.workspace.login(username, f"{username}123")
    view = PelatihanPage(UiContext(ctx.workspace, actor, ctx.tasks))
    qtbot.addWidget(view)
    view.refresh()
    assert view.model.rowCount() > 0
    seen: list[bool] = []
    monkeypatch.setattr(
        PegawaiForm, "exec", lambda f: seen.append(not f.pelatihan.add_button.isEnabled()) or 0
    )
    monkeypatch.setattr(pelatihan_page, "PegawaiForm", PegawaiForm)
    view.table.selectRow(0)
    view.on_table_activated()
    assert seen == [True]
