"""Unit, office settings, account and training editors when someone else saved the same row first."""

from __future__ import annotations

from datetime import date

from pendukung_berubah import SINTA, sinta, tangkap
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pegawai
from kinerja_desktop.core.services import akun, kantor, pelatihan, unit_kerja
from kinerja_desktop.core.services.access import Peran
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.unit_tree import UnitIndex
from kinerja_desktop.ui.kantor.page import KantorPage
from kinerja_desktop.ui.pegawai.form_pelatihan import PelatihanDialog
from kinerja_desktop.ui.pengguna.page import PenggunaDialog
from kinerja_desktop.ui.unit_kerja.dialogs import UnitDialog

PESAN = f"Data ini sudah diubah oleh {SINTA} pukul"


def test_unit_dialog(qtbot, ctx: UiContext) -> None:
    with ctx.workspace.read() as s:
        units = unit_kerja.list_units(s, ctx.actor)
    unit = next(u for u in units if u.induk_id is not None)
    dialog = UnitDialog(ctx, UnitIndex(units), [], unit=unit)
    qtbot.addWidget(dialog)
    dialog.nama.setText(unit.nama + " (A)")
    b = sinta(ctx.workspace, "admin")
    with ctx.workspace.transaction(b) as s:
        unit_kerja.update_unit(
            s, b, unit.id, nama=unit.nama + " (B)", kode=unit.kode, kepala_id=unit.kepala_id
        )
    dialog.on_save_button_clicked()
    assert dialog.result() == 0 and dialog.nama.text() == unit.nama + " (A)"
    assert PESAN in dialog.stale.text() and not dialog.stale.isHidden()
    tangkap(dialog, "unit-berubah")
    dialog.stale.reload_button.click()
    assert dialog.nama.text() == unit.nama + " (B)" and dialog.stale.isHidden()
    dialog.nama.setText(unit.nama + " (A)")
    dialog.on_save_button_clicked()
    assert dialog.result() == 1


def test_kantor_page(qtbot, ctx: UiContext) -> None:
    page = KantorPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    page.alamat.setPlainText("Jl. Dari A")
    b = sinta(ctx.workspace, "admin")
    with ctx.workspace.transaction(b) as s:
        info = kantor.get_kantor(s)
        kantor.update_kantor(s, b, kantor.KantorInput(info.kode, info.nama, info.tempat, alamat="Jl. Dari B"))
    assert not page.save()
    assert PESAN in page.stale.text() and page.alamat.toPlainText() == "Jl. Dari A"
    with ctx.workspace.read() as s:
        assert kantor.get_kantor(s).alamat == "Jl. Dari B"
    page.stale.reload_button.click()
    assert page.alamat.toPlainText() == "Jl. Dari B" and page.stale.isHidden()


def test_account_dialog(qtbot, ctx: UiContext) -> None:
    with ctx.workspace.read() as s:
        row = next(r for r in akun.list_pengguna(s, ctx.actor) if r.username == "operator")
    dialog = PenggunaDialog(ctx, row)
    qtbot.addWidget(dialog)
    dialog.nama.setText("Nama dari A")
    b = sinta(ctx.workspace, "admin")
    with ctx.workspace.transaction(b) as s:
        akun.update_pengguna(
            s, b, row.id, nama="Nama dari B", peran=Peran.OPERATOR, pegawai_id=None, aktif=True
        )
    dialog.on_save_button_clicked()
    assert dialog.result() == 0 and dialog.nama.text() == "Nama dari A" and PESAN in dialog.stale.text()
    dialog.stale.reload_button.click()
    assert dialog.nama.text() == "Nama dari B"


def test_pelatihan_dialog(qtbot, ctx: UiContext) -> None:
    with ctx.workspace.read() as s:
        pid = s.scalars(select(Pegawai.id).order_by(Pegawai.nip)).first() or ""
    data = pelatihan.PelatihanInput("Diklat Arsip", date(2026, 2, 3), 12)
    with ctx.workspace.transaction(ctx.actor) as s:
        pelatihan.add_pelatihan(s, ctx.actor, pid, data)
        [row] = [r for r in pelatihan.list_pelatihan(s, ctx.actor, pid) if r.data.nama == "Diklat Arsip"]
    dialog = PelatihanDialog(ctx, pid, row)
    qtbot.addWidget(dialog)
    dialog.jp.setValue(16)
    b = sinta(ctx.workspace)
    with ctx.workspace.transaction(b) as s:
        pelatihan.update_pelatihan(
            s, b, row.id, pelatihan.PelatihanInput("Diklat Arsip", date(2026, 2, 3), 20)
        )
    dialog.on_save_button_clicked()
    assert dialog.result() == 0 and dialog.jp.value() == 16 and PESAN in dialog.stale.text()
    dialog.stale.reload_button.click()
    assert dialog.jp.value() == 20
