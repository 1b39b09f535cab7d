"""Penilaian Kinerja page: keyboard ratings, locked rows, distribution, capaian, finalising, filters."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, StatusEvaluasi
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.core.services.evaluasi import capaian
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.common.widgets import WARNING_STYLE
from kinerja_desktop.ui.penilaian import page as penilaian_page
from kinerja_desktop.ui.penilaian.capaian import CapaianDialog
from kinerja_desktop.ui.penilaian.finalise import AKUI, AkuiDialog
from kinerja_desktop.ui.penilaian.grid import KOLOM_HASIL, KOLOM_PERILAKU, KOLOM_PREDIKAT, KOLOM_STATUS
from kinerja_desktop.ui.penilaian.kurva import SUMBU_X
from kinerja_desktop.ui.penilaian.page import PenilaianPage

TAHUN = date.today().year


@pytest.fixture(scope="module")
def demo_template(demo_office: Callable[[int], Path]) -> Path:
    return demo_office(20)


def _page(qtbot, ws: Workspace, user: str, kode: str) -> PenilaianPage:
    ctx = UiContext(ws, ws.login(user, f"{user}123"), TaskRunner(None))
    widget = PenilaianPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.pilihan.periode.tahun.setValue(TAHUN)
    widget.refresh()
    widget.pilihan.select(None, TAHUN, kode)
    widget.load()
    return widget


@pytest.fixture
def penilai(qtbot, demo_ws: Workspace) -> PenilaianPage:
    """The camat's account on TW3: capaian set, nothing rated yet, "Hanya bawahan saya" on."""
    return _page(qtbot, demo_ws, "penilai", "TW3")


def _service_rows(page: PenilaianPage) -> dict[str, BarisEvaluasi]:
    p = page.pilihan.value()
    assert p.unit_id is not None
    with page.ctx.workspace.read() as s:
        rows = evaluasi_unit.grid_unit(
            s,
            page.ctx.actor,
            p.unit_id,
            p.tahun,
            p.kode,
            termasuk_sub_unit=p.sub_unit,
            hanya_bawahan=p.bawahan,
        )
    return {r.pegawai_id: r for r in rows}


def _row(page: PenilaianPage, pred: Callable[[BarisEvaluasi], bool]) -> int:
    return next(n for n, r in enumerate(page.model.rows) if pred(r))


def _focus(page: PenilaianPage, qtbot, row: int, column: int = 0) -> None:
    page.show()
    page.activateWindow()  # shortcuts bound to a widget need an active window
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, column))


def test_grid_matches_the_service_and_the_page_is_registered(penilai: PenilaianPage, qtmodeltester) -> None:
    from kinerja_desktop.ui.main_window import page_classes
    from kinerja_desktop.ui.monitoring.page import MonitoringPage

    classes = page_classes()
    assert classes[classes.index(MonitoringPage) + 1] is PenilaianPage
    assert penilai.pilihan.bawahan.isChecked() and penilai.pilihan.bawahan.isVisibleTo(penilai)
    service = _service_rows(penilai)
    assert penilai.model.rowCount() == len(service) > 0
    assert {r.pegawai_id for r in penilai.model.rows} == set(service)
    headers = [penilai.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Nama", "Rating hasil", "Rating perilaku"]
    assert f"{len(service)} pegawai" in penilai.ringkas.text()
    qtmodeltester.check(penilai.model)
    qtmodeltester.check(penilai.panel.model)


def test_keyboard_entry_rates_moves_down_and_updates_the_distribution(penilai: PenilaianPage, qtbot) -> None:
    first = _row(penilai, lambda r: r.boleh_nilai and r.status is StatusEvaluasi.BELUM)
    pid = penilai.model.rows[first].pegawai_id
    sebelum = penilai.dist.jumlah[Predikat.SANGAT_BAIK] if penilai.dist else -1
    _focus(penilai, qtbot, first)
    qtbot.keyClick(penilai.table, Qt.Key.Key_3)
    row = _service_rows(penilai)[pid]
    assert (row.status, row.rating_hasil, row.rating_perilaku) == (StatusEvaluasi.DRAF, "di_atas", None)
    assert penilai.table.currentIndex().column() == KOLOM_PERILAKU  # the next key rates perilaku
    assert penilai.model.index(penilai.model.row_of(pid), KOLOM_HASIL).data() == "3 Di Atas"
    qtbot.keyClick(penilai.table, Qt.Key.Key_3)
    row = _service_rows(penilai)[pid]
    assert (row.rating_perilaku, row.predikat) == ("di_atas", Predikat.SANGAT_BAIK.value)
    n = penilai.model.row_of(pid)
    assert penilai.model.index(n, KOLOM_PREDIKAT).data() == "Sangat Baik"
    current = penilai.table.currentIndex()
    assert (current.row(), current.column()) == (n + 1, KOLOM_HASIL)
    assert penilai.dist is not None and penilai.dist.jumlah[Predikat.SANGAT_BAIK] == sebelum + 1
    assert penilai.panel.kurva.jumlah[Predikat.SANGAT_BAIK] == sebelum + 1
    assert penilai.panel.kurva.nilai_batang()[Predikat.SANGAT_BAIK] == sebelum + 1
    sebaran = {r.label: r.jumlah for r in penilai.panel.model.rows}
    assert sebaran["Sangat Baik"] == sebelum + 1
    # Back on the row: Delete clears the rating hasil, and the predikat with it.
    penilai.table.setCurrentIndex(penilai.model.index(n, KOLOM_HASIL))
    qtbot.keyClick(penilai.table, Qt.Key.Key_Delete)
    row = _service_rows(penilai)[pid]
    assert (row.rating_hasil, row.rating_perilaku, row.predikat) == (None, "di_atas", None)
    assert penilai.model.index(n, KOLOM_PREDIKAT).data() == ""


def test_rating_a_pegawai_without_realisation_warns_but_saves(penilai: PenilaianPage, qtbot) -> None:
    from sqlalchemy import select, update

    from kinerja_desktop.core.db.base import utcnow
    from kinerja_desktop.core.db.models import Indikator, Realisasi, Rhk

    n = _row(penilai, lambda r: r.boleh_nilai and r.status is StatusEvaluasi.BELUM and r.ada_realisasi)
    row = penilai.model.rows[n]
    with penilai.ctx.workspace.transaction() as s:  # nothing reported for TW3 after all
        indikator = select(Indikator.id).join(Rhk, Rhk.id == Indikator.rhk_id).where(Rhk.skp_id == row.skp_id)
        s.execute(
            update(Realisasi)
            .where(Realisasi.indikator_id.in_(indikator), Realisasi.periode == "TW3")
            .values(dihapus_pada=utcnow())
        )
    penilai.load()
    n = penilai.model.row_of(row.pegawai_id)
    assert not penilai.model.rows[n].ada_realisasi
    _focus(penilai, qtbot, n)
    qtbot.keyClick(penilai.table, Qt.Key.Key_2)
    assert _service_rows(penilai)[row.pegawai_id].rating_hasil == "sesuai"  # saved all the same
    assert "belum melaporkan realisasi" in penilai.message.text()
    assert WARNING_STYLE in penilai.message.styleSheet()
    other = _row(penilai, lambda r: r.boleh_nilai and r.status is StatusEvaluasi.BELUM and r.ada_realisasi)
    _focus(penilai, qtbot, other)
    qtbot.keyClick(penilai.table, Qt.Key.Key_2)
    assert penilai.message.text() == f"Rating {penilai.model.rows[other].nama} tersimpan."


def test_the_context_menu_rates_too(penilai: PenilaianPage) -> None:
    n = _row(penilai, lambda r: r.boleh_nilai)
    pid = penilai.model.rows[n].pegawai_id
    penilai.table.setCurrentIndex(penilai.model.index(n, 0))
    penilai.give_rating(KOLOM_PERILAKU, 1)
    penilai.table.setCurrentIndex(penilai.model.index(penilai.model.row_of(pid), 0))
    penilai.give_rating(KOLOM_HASIL, 2)
    assert _service_rows(penilai)[pid].predikat == Predikat.KURANG.value


def test_rows_that_may_not_be_rated_refuse_and_say_why(qtbot, demo_ws: Workspace) -> None:
    page = _page(qtbot, demo_ws, "penilai", "TW1")
    page.pilihan.bawahan.setChecked(False)
    final = _row(page, lambda r: r.status is StatusEvaluasi.FINAL)
    lain = _row(page, lambda r: r.status is not StatusEvaluasi.FINAL and r.skp_id and not r.boleh_nilai)
    for n, alasan in ((final, "sudah final"), (lain, "Hanya pejabat penilai")):
        before = page.model.rows[n]
        _focus(page, qtbot, n)
        assert alasan in page.message.text()
        qtbot.keyClick(page.table, Qt.Key.Key_1)
        after = _service_rows(page)[before.pegawai_id]
        assert (after.rating_hasil, after.rating_perilaku) == (before.rating_hasil, before.rating_perilaku)
        assert alasan in page.message.text()
        assert alasan in str(page.model.index(n, KOLOM_HASIL).data(Qt.ItemDataRole.ToolTipRole))
    pimpinan = _page(qtbot, demo_ws, "pimpinan", "TW2")
    assert not pimpinan.pilihan.bawahan.isVisibleTo(pimpinan)
    assert not pimpinan.finalise_all_button.isEnabled() and not any(
        r.boleh_nilai for r in pimpinan.model.rows
    )


def test_the_pimpinan_sees_no_rating_hints(qtbot, demo_ws: Workspace) -> None:
    from PySide6.QtWidgets import QLabel

    from kinerja_desktop.ui.penilaian import rating_keys

    pimpinan = _page(qtbot, demo_ws, "pimpinan", "TW2")
    labels = [w.text() for w in pimpinan.findChildren(QLabel)]
    assert rating_keys.PETUNJUK_LIHAT in labels and rating_keys.PETUNJUK not in labels
    assert pimpinan.finalise_all_button.isHidden() and pimpinan.finalise_selected_button.isHidden()
    rect = pimpinan.table.visualRect(pimpinan.model.index(0, 0))
    menu = rating_keys.menu_rating(
        pimpinan.table, rect.center(), pimpinan.give_rating, lambda: None, boleh_nilai=pimpinan.boleh_nilai
    )
    assert menu is not None
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["Buka formulir evaluasi…"]
    penilai = _page(qtbot, demo_ws, "penilai", "TW2")
    assert rating_keys.PETUNJUK in [w.text() for w in penilai.findChildren(QLabel)]


def test_capaian_dialog_sets_the_capaian(qtbot, demo_ws: Workspace, monkeypatch) -> None:
    page = _page(qtbot, demo_ws, "admin", "TW4")  # the demo sets no capaian for TW4
    assert page.dist is not None and page.dist.capaian is None
    assert [t.kode for t in page.dist.temuan] == ["capaian_belum_ada"]
    assert "belum ditetapkan" in page.panel.capaian.text() and page.panel.set_capaian_button.isEnabled()

    def fake_exec(dialog: CapaianDialog) -> int:
        dialog.pilihan[CapaianOrganisasi.ISTIMEWA].setChecked(True)
        dialog.catatan.setPlainText("Semua target rencana aksi terlampaui")
        dialog.on_simpan()
        return dialog.result()

    monkeypatch.setattr(CapaianDialog, "exec", fake_exec)
    page.panel.set_capaian_button.click()
    unit_id = page.pilihan.unit_id()
    assert unit_id is not None
    with demo_ws.read() as s:
        [row] = capaian.list_capaian(s, page.ctx.actor, [unit_id], TAHUN, "TW4")
    assert (row.capaian, row.catatan) == ("istimewa", "Semua target rencana aksi terlampaui")
    assert "Istimewa" in page.panel.capaian.text() and "terlampaui" in page.panel.catatan.text()
    assert page.dist.capaian == "istimewa" and not page.dist.temuan


def test_the_penilai_may_not_set_the_top_unit_capaian(penilai: PenilaianPage) -> None:
    assert not penilai.panel.set_capaian_button.isEnabled()
    assert "satu tingkat di atasnya" in penilai.panel.set_capaian_button.toolTip()


def _rate_all(page: PenilaianPage, skip: int = 0) -> list[str]:
    """Rate every rateable row Sesuai/Sesuai except the first ``skip``; return their pegawai ids."""
    ctx = page.ctx
    rated = []
    for row in [r for r in page.model.rows if r.boleh_nilai][skip:]:
        with ctx.workspace.transaction(ctx.actor) as s:
            assert row.skp_id is not None
            ev = row.evaluasi_id or evaluasi.start_evaluasi(s, ctx.actor, row.skp_id, "TW3")
            evaluasi.set_rating(s, ctx.actor, ev, "sesuai", "sesuai")
        rated.append(row.pegawai_id)
    page.load()
    return rated


def test_finalising_with_findings_needs_the_acknowledgement_then_locks(
    penilai: PenilaianPage, qtbot, monkeypatch
) -> None:
    rated = _rate_all(penilai)
    assert penilai.dist is not None and penilai.dist.temuan  # all Baik under capaian Baik: a warning
    assert "Peringatan pola distribusi" in penilai.panel.temuan.text()
    seen: list[tuple[bool, str]] = []
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(penilaian_page, "show_info", lambda _p, text, detail="": told.append((text, detail)))
    monkeypatch.setattr(AkuiDialog, "exec", lambda d: seen.append((d.ok.isEnabled(), d.check.text())) or 0)
    penilai.finalise_all_button.click()
    assert seen == [(False, AKUI)] and not told
    rows = _service_rows(penilai)
    assert all(rows[pid].status is StatusEvaluasi.DRAF for pid in rated)

    def acknowledge(dialog: AkuiDialog) -> int:
        dialog.check.setChecked(True)
        assert dialog.ok.isEnabled()
        return 1

    monkeypatch.setattr(AkuiDialog, "exec", acknowledge)
    penilai.finalise_all_button.click()
    assert told and told[-1][0].startswith(f"{len(rated)} evaluasi difinalkan.")
    rows = _service_rows(penilai)
    assert all(rows[pid].status is StatusEvaluasi.FINAL for pid in rated)
    n = penilai.model.row_of(rated[0])
    assert penilai.model.index(n, KOLOM_STATUS).data() == "Final" and not penilai.model.rows[n].boleh_nilai
    _focus(penilai, qtbot, n)
    qtbot.keyClick(penilai.table, Qt.Key.Key_1)
    assert _service_rows(penilai)[rated[0]].rating_hasil == "sesuai"
    assert "sudah final" in penilai.message.text()


def test_finalising_selected_rows_reports_who_failed_and_why(penilai: PenilaianPage, monkeypatch) -> None:
    rated = _rate_all(penilai, skip=1)
    kosong = next(r for r in penilai.model.rows if r.boleh_nilai and r.pegawai_id not in rated)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(penilaian_page, "show_info", lambda _p, text, detail="": told.append((text, detail)))
    monkeypatch.setattr(AkuiDialog, "exec", lambda d: d.check.setChecked(True) or 1)
    penilai.table.selectRow(penilai.model.row_of(kosong.pegawai_id))
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    penilai.table.selectionModel().select(penilai.model.index(penilai.model.row_of(rated[0]), 0), flags)
    assert len(penilai.rows_terpilih()) == 2
    penilai.finalise_selected_button.click()
    text, detail = told[-1]
    assert text.startswith("1 evaluasi difinalkan.") and "1 tidak difinalkan" in text
    assert kosong.nama in detail and "belum" in detail
    rows = _service_rows(penilai)
    assert rows[rated[0]].status is StatusEvaluasi.FINAL
    assert rows[kosong.pegawai_id].status is StatusEvaluasi.BELUM


def test_belum_final_filter_and_summary(qtbot, demo_ws: Workspace) -> None:
    page = _page(qtbot, demo_ws, "admin", "TW1")
    semua = list(page.model.rows)
    finals = [r for r in semua if r.status is StatusEvaluasi.FINAL]
    assert finals and len(finals) < len(semua)
    assert f"{len(finals)} final; belum final {len(semua) - len(finals)}" in page.ringkas.text()
    page.belum_final.setChecked(True)
    assert page.model.rowCount() == len(semua) - len(finals)
    assert all(r.status is not StatusEvaluasi.FINAL for r in page.model.rows)
    with demo_ws.read() as s:
        sisa = evaluasi_unit.belum_final(s, page.ctx.actor, page.pilihan.unit_id() or "", TAHUN, "TW1")
    assert {r.pegawai_id for r in page.model.rows} == {r.pegawai_id for r in sisa}
    page.belum_final.setChecked(False)
    assert page.model.rowCount() == len(semua)


def test_switching_period_and_unit(qtbot, demo_ws: Workspace) -> None:
    page = _page(qtbot, demo_ws, "admin", "TW1")
    kodes = [page.pilihan.periode.periode.itemData(i) for i in range(page.pilihan.periode.periode.count())]
    assert kodes[-1] == "AKHIR" and "TW1" in kodes
    assert any(r.status is StatusEvaluasi.FINAL for r in page.model.rows)
    page.pilihan.periode.periode.setCurrentIndex(kodes.index("TW2"))
    assert {r.status for r in page.model.rows} <= {
        StatusEvaluasi.DRAF,
        StatusEvaluasi.BELUM,
        StatusEvaluasi.TANPA_SKP,
    }
    assert "Triwulan II" in page.panel.judul.text()
    page.pilihan.periode.periode.setCurrentIndex(kodes.index("AKHIR"))
    assert "Akhir Tahun" in page.panel.judul.text()
    assert page.dist is not None and page.dist.periode == "AKHIR"
    root = page.pilihan.unit_id()
    assert root is not None and page.pilihan.units.children.get(root)
    semua = page.model.rowCount()
    page.pilihan.sub_unit.setChecked(False)
    assert {r.unit_id for r in page.model.rows} == {root} and page.model.rowCount() < semua
    page.pilihan.sub_unit.setChecked(True)
    unit = page.pilihan.unit
    sub = max(range(1, unit.count()), key=lambda i: len(_rows_of(page, unit.itemData(i))))
    unit.setCurrentIndex(sub)
    uid = unit.itemData(sub)
    assert unit.itemText(sub).startswith("    ")  # indented under the office
    below = page.pilihan.units.descendants(uid)
    assert page.model.rowCount() and {r.unit_id for r in page.model.rows} <= below
    assert page.dist is not None and page.dist.unit_id == uid
    assert page.dist.unit in page.panel.judul.text()


def _rows_of(page: PenilaianPage, unit_id: str) -> list[BarisEvaluasi]:
    with page.ctx.workspace.read() as s:
        return evaluasi_unit.grid_unit(s, page.ctx.actor, unit_id, TAHUN, "TW1")


def test_selection_and_scroll_survive_a_refresh(qtbot, demo_ws: Workspace) -> None:
    page = _page(qtbot, demo_ws, "admin", "TW2")
    page.resize(1400, 360)
    page.show()
    n = page.model.rowCount() - 2
    page.table.selectRow(n)
    page.table.scrollToBottom()
    scroll = page.table.verticalScrollBar().value()
    assert scroll > 0
    pid = page.model.rows[n].pegawai_id
    page.on_reload_button_clicked()
    assert page.model.rows[page.table.currentIndex().row()].pegawai_id == pid
    assert page.table.verticalScrollBar().value() == scroll


def test_enter_and_double_click_open_the_form_then_refresh(
    penilai: PenilaianPage, qtbot, monkeypatch
) -> None:
    opened: list[tuple[str, str]] = []

    class FakeDialog:
        def __init__(self, ctx: UiContext, skp_id: str, kode_periode: str, parent: QWidget | None = None):
            self.ctx, self.skp_id, self.kode = ctx, skp_id, kode_periode

        def exec(self) -> int:
            opened.append((self.skp_id, self.kode))
            with self.ctx.workspace.transaction(self.ctx.actor) as s:
                ev = evaluasi.start_evaluasi(s, self.ctx.actor, self.skp_id, self.kode)
                evaluasi.set_rating(s, self.ctx.actor, ev, "di_bawah", "di_bawah")
            return 1

    module = types.ModuleType("kinerja_desktop.ui.penilaian.form")
    module.EvaluasiDialog = FakeDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kinerja_desktop.ui.penilaian.form", module)
    n = _row(penilai, lambda r: r.boleh_nilai and r.skp_id is not None)
    row = penilai.model.rows[n]
    _focus(penilai, qtbot, n)
    qtbot.keyClick(penilai.table, Qt.Key.Key_Return)
    assert opened == [(row.skp_id, "TW3")]
    assert penilai.model.rows[penilai.model.row_of(row.pegawai_id)].predikat == Predikat.SANGAT_KURANG.value
    penilai.table.doubleClicked.emit(penilai.model.index(n, 0))
    assert len(opened) == 2


def test_screenshot_of_the_loaded_page(penilai: PenilaianPage, tmp_path: Path) -> None:
    penilai.pilihan.select(None, TAHUN, "TW2")
    penilai.load()
    penilai.show()
    image = penilai.grab()
    assert not image.isNull() and image.save(str(tmp_path / "penilaian.png"))
    kurva = penilai.panel.kurva
    assert sum(kurva.jumlah.values()) > 0
    assert kurva.nilai_batang() == {p: float(n) for p, n in kurva.jumlah.items()}
    assert kurva.nilai_kurva() == [float(kurva.jumlah[p]) for p in SUMBU_X]
    assert kurva.label_angka() == [format_angka(kurva.jumlah[p]) for p in SUMBU_X if kurva.jumlah[p]]


def test_the_real_evaluation_form_is_opened_for_the_row(penilai: PenilaianPage, monkeypatch) -> None:
    form = pytest.importorskip("kinerja_desktop.ui.penilaian.form")
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(form.EvaluasiDialog, "exec", lambda d: opened.append((d.skp_id, d.kode_periode)) or 0)
    n = _row(penilai, lambda r: r.skp_id is not None)
    penilai.table.selectRow(n)
    penilai.open_button.click()
    assert opened == [(penilai.model.rows[n].skp_id, "TW3")]


def test_a_slow_read_runs_in_the_background(
    penilai: PenilaianPage, tugas_dijalankan: list[str], monkeypatch
) -> None:
    ran = tugas_dijalankan
    monkeypatch.setattr(penilaian_page, "BATAS_DETIK", 60.0)  # any read counts as fast here
    penilai.loader.lambat = True
    penilai.pilihan.periode.periode.setCurrentIndex(penilai.pilihan.periode.periode.findData("TW1"))
    assert ran == ["Memuat data penilaian…"]
    assert penilai.dist is not None and penilai.dist.periode == "TW1" and penilai.model.rowCount()
    assert penilai.loader.lambat is False  # measured fast this time: the next read runs inline


def test_keypad_digits_rate_too(penilai: PenilaianPage, qtbot) -> None:
    n = _row(penilai, lambda r: r.boleh_nilai)
    pid = penilai.model.rows[n].pegawai_id
    _focus(penilai, qtbot, n)
    qtbot.keyClick(penilai.table, Qt.Key.Key_2, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClick(penilai.table, Qt.Key.Key_1, Qt.KeyboardModifier.KeypadModifier)
    row = _service_rows(penilai)[pid]
    assert (row.rating_hasil, row.rating_perilaku, row.predikat) == ("sesuai", "di_bawah", "kurang")


def test_without_findings_finalising_asks_a_plain_question(penilai: PenilaianPage, monkeypatch) -> None:
    """The question is a plain Ya/Tidak; a refusal of the service is then reported per pegawai."""
    from kinerja_desktop.ui.penilaian import finalise as finalkan_module

    rated = _rate_all(penilai)
    asked: list[str] = []
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(evaluasi, "temuan_semua", lambda _s, _a, _ids: [])  # as if none were found
    monkeypatch.setattr(AkuiDialog, "exec", lambda d: pytest.fail("no findings: nothing to acknowledge"))
    monkeypatch.setattr(finalkan_module, "ask_yes_no", lambda _p, text, *_a, **_k: asked.append(text) or True)
    monkeypatch.setattr(penilaian_page, "show_info", lambda _p, text, detail="": told.append((text, detail)))
    penilai.finalise_all_button.click()
    assert asked == [f"Finalkan {len(rated)} evaluasi?"]
    # The service still checks the distribution itself: without an acknowledgement nothing is locked.
    text, detail = told[-1]
    assert text == f"0 evaluasi difinalkan. {len(rated)} tidak difinalkan:"
    assert detail.count("pola distribusi") == len(rated)
    rows = _service_rows(penilai)
    assert all(rows[pid].status is StatusEvaluasi.DRAF for pid in rated)
