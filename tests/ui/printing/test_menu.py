"""The Cetak menus of the Penilaian page and the evaluation form: Konversi AK only for a pejabat
fungsional, and the unit's batch keeping to the pegawai the filtered list shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from kinerja_desktop.core.db.models import Pegawai
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.penilaian.form import EvaluasiDialog
from kinerja_desktop.ui.penilaian.page import PenilaianPage
from kinerja_desktop.ui.printing import actions as aksi
from kinerja_desktop.ui.printing.preview import PratinjauDialog

TAHUN = date.today().year
KONVERSI = "Konversi Angka Kredit (jabatan fungsional)…"
MASSAL = "Cetak semua Dokumen Evaluasi unit ini…"


@pytest.fixture
def workspace(demo_office: Callable[[int], Path], buka_salinan: Callable[[Path], Workspace]) -> Workspace:
    return buka_salinan(demo_office(20))


def _ctx(ws: Workspace, user: str) -> UiContext:
    return UiContext(ws, ws.login(user, f"{user}123"), TaskRunner(None))


def _aksi(tombol: QPushButton, teks: str) -> QAction:
    """The menu entry ``teks`` as it stands when the menu is about to open."""
    menu = tombol.menu()
    menu.aboutToShow.emit()
    return next(a for a in menu.actions() if a.text() == teks)


def _halaman(qtbot, ctx: UiContext) -> PenilaianPage:
    page = PenilaianPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    with ctx.workspace.read() as s:
        page.show_unit(unit_kerja.root_unit_id(s), TAHUN, "TW1")
    return page


def _fungsional(page: PenilaianPage, ctx: UiContext, ya: bool) -> str:
    """Make current a final row whose pegawai is (or is not) a pejabat fungsional; its SKP id."""
    with ctx.workspace.read() as s:
        row = next(
            r
            for r in page.model.rows
            if r.evaluasi_id is not None and bool(s.get(Pegawai, r.pegawai_id).jenjang_jabatan) is ya
        )
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    page.table.selectionModel().setCurrentIndex(page.model.index(page.model.row_of(row.pegawai_id), 0), flags)
    return str(row.skp_id)


def test_konversi_ak_is_offered_only_for_a_pejabat_fungsional(
    qtbot, workspace: Workspace, sync_tasks: None
) -> None:
    ctx = _ctx(workspace, "admin")
    page = _halaman(qtbot, ctx)
    skp_bukan = _fungsional(page, ctx, ya=False)
    ak = _aksi(page.print_button, KONVERSI)
    assert not ak.isEnabled() and ak.toolTip() == "Hanya untuk pejabat fungsional"
    skp_fungsional = _fungsional(page, ctx, ya=True)
    ak = _aksi(page.print_button, KONVERSI)
    assert ak.isEnabled() and ak.toolTip() != "Hanya untuk pejabat fungsional"
    for skp_id, boleh in ((skp_bukan, False), (skp_fungsional, True)):
        form = EvaluasiDialog(ctx, skp_id, "TW1")
        qtbot.addWidget(form)
        assert bool(form.form and form.form.jenjang_kode) is boleh
        ak = _aksi(form.print_button, KONVERSI)
        assert ak.isEnabled() is boleh
        assert (ak.toolTip() == "Hanya untuk pejabat fungsional") is not boleh


def test_the_unit_batch_follows_the_subordinates_filter(
    qtbot, workspace: Workspace, sync_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _ctx(workspace, "penilai")
    page = _halaman(qtbot, ctx)
    assert page.pilihan.bawahan.isChecked()
    tampil = page.model.rows
    dinilai = sum(r.evaluasi_id is not None for r in tampil)
    assert 1 < dinilai < len(tampil)
    ditanya: list[str] = []

    def tanya(_parent: object, teks: str, detail: str = "", **_k: object) -> bool:
        ditanya.append(f"{teks}\n{detail}")
        return True

    monkeypatch.setattr(aksi, "ask_yes_no", tanya)
    _aksi(page.print_button, MASSAL).trigger()
    assert len(ditanya) == 1 and ditanya[0].startswith(f"{dinilai} dokumen Dokumen Evaluasi akan dicetak")
    assert "tampil di daftar" in ditanya[0]
    dialog = next(d for d in page.findChildren(PratinjauDialog))
    qtbot.addWidget(dialog)
    assert dialog.sumber.jumlah == dinilai
    dialog.close()
    dialog.deleteLater()
    ditanya.clear()
    monkeypatch.setattr(aksi, "ask_yes_no", lambda *a, **k: bool(ditanya.append(a[1])))
    page.pilihan.bawahan.setChecked(False)  # the whole unit again: more documents, the same question
    assert len(page.model.rows) > len(tampil)
    semua = sum(r.evaluasi_id is not None for r in page.model.rows)
    _aksi(page.print_button, MASSAL).trigger()
    assert ditanya == [
        f"{semua} dokumen Dokumen Evaluasi akan dicetak; {len(page.model.rows) - semua} pegawai dilewati."
    ]
