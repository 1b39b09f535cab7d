"""The pegawai form when someone else saved the same pegawai first: in the GUI, or from the command line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
from pendukung_berubah import SINTA, sinta, tangkap
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.core.db.concurrency import SISTEM
from kinerja_desktop.core.db.models import Pegawai
from kinerja_desktop.core.services import pegawai
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.pegawai.form import PegawaiForm


def _seorang(ctx: UiContext) -> str:
    with ctx.workspace.read() as s:
        return (
            s.scalars(select(Pegawai.id).where(Pegawai.atasan_id.is_not(None)).order_by(Pegawai.nip)).first()
            or ""
        )


def _telepon(ctx: UiContext, pid: str) -> str:
    with ctx.workspace.read() as s:
        return s.get_one(Pegawai, pid).telepon


def test_form_stays_open_with_the_typed_text_and_offers_muat_ulang(qtbot, ctx: UiContext) -> None:
    pid = _seorang(ctx)
    dialog = PegawaiForm(ctx, pid)
    qtbot.addWidget(dialog)
    dialog.kontak.telepon.setText("0711-222 (A)")  # A types
    b = sinta(ctx.workspace)
    with ctx.workspace.transaction(b) as s:  # Sinta saves the same pegawai in her window
        data = pegawai.get_pegawai(s, b, pid).data
        pegawai.update_pegawai(s, b, pid, replace(data, telepon="0711-111"))
    assert not dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved_id is None
    assert dialog.kontak.telepon.text() == "0711-222 (A)"  # kept for re-applying
    assert not dialog.stale.isHidden()
    assert f"Data ini sudah diubah oleh {SINTA} pukul" in dialog.stale.text()
    assert "muat ulang untuk melihat perubahannya" in dialog.stale.text()
    assert _telepon(ctx, pid) == "0711-111"
    tangkap(dialog, "pegawai-berubah")
    dialog.stale.reload_button.click()
    assert dialog.stale.isHidden() and dialog.kontak.telepon.text() == "0711-111"
    dialog.kontak.telepon.setText("0711-222 (A)")
    assert dialog.save() and _telepon(ctx, pid) == "0711-222 (A)"


def test_a_roster_import_on_the_command_line_between_opening_and_saving(
    qtbot, ctx: UiContext, tmp_path: Path
) -> None:
    """`kinerja-desktop pegawai import` beside the open window changes the pegawai: the form's save is
    refused, naming the command, and the import's value stays."""
    pid = _seorang(ctx)
    with ctx.workspace.read() as s:
        nip = s.get_one(Pegawai, pid).nip
    dialog = PegawaiForm(ctx, pid)
    qtbot.addWidget(dialog)
    dialog.kontak.telepon.setText("0711-555")
    data_dir = str(ctx.workspace.paths.data_dir)
    daftar = tmp_path / "daftar.xlsx"
    assert main(["pegawai", "export", "--out", str(daftar), "--data-dir", data_dir]) == 0
    book = openpyxl.load_workbook(daftar)
    sheet = book["Pegawai"]
    header = [c.value for c in sheet[1]]
    kolom_nip, kolom_telepon = header.index("NIP") + 1, header.index("Telepon") + 1
    baris = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, kolom_nip).value == nip)
    sheet.cell(baris, kolom_telepon).value = "0711-777"
    book.save(daftar)
    assert main(["pegawai", "import", str(daftar), "--data-dir", data_dir]) == 0
    assert _telepon(ctx, pid) == "0711-777"
    assert not dialog.save()
    assert f"Data ini sudah diubah oleh {SISTEM} pukul" in dialog.stale.text()
    assert dialog.kontak.telepon.text() == "0711-555" and _telepon(ctx, pid) == "0711-777"
