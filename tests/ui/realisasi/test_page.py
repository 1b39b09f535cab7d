"""Realisasi page: edit a realisasi cell, the reason instead of the grid, rencana aksi and bukti dukung."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit
from sqlalchemy import delete

from kinerja_desktop.core.db.models import BerkasBukti
from kinerja_desktop.core.model.skp import SkpRow, StatusSkp
from kinerja_desktop.core.services import kantor, realisasi, skp
from kinerja_desktop.ui.common import bukti_viewer
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import TeksDialog
from kinerja_desktop.ui.realisasi import page as realisasi_page
from kinerja_desktop.ui.realisasi import panel
from kinerja_desktop.ui.realisasi.grid import KOLOM_REALISASI
from kinerja_desktop.ui.realisasi.page import RealisasiPage

TAHUN = date.today().year


@pytest.fixture(scope="module")
def demo_template(demo_office: Callable[[int], Path]) -> Path:
    return demo_office(20)


def _skp(ctx: UiContext, approved: bool) -> SkpRow:
    with ctx.workspace.read() as s:
        rows = skp.list_skp(s, ctx.actor, TAHUN)
    return next(r for r in rows if (r.status == StatusSkp.DISETUJUI) == approved and r.jumlah_rhk)


@pytest.fixture
def page(qtbot, ctx: UiContext) -> RealisasiPage:
    widget = RealisasiPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    widget.select_pegawai(_skp(ctx, True).pegawai_id, TAHUN, "TW4")
    return widget


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    record = lambda parent, error: said.append(str(error))  # noqa: E731
    monkeypatch.setattr(realisasi_page, "show_error", record)
    monkeypatch.setattr("kinerja_desktop.ui.common.ops.show_error", record)
    return said


def _answer(monkeypatch: pytest.MonkeyPatch, text: str, seen: list[TeksDialog] | None = None) -> None:
    """The next text dialogs get ``text`` typed and Simpan pressed; one that stays open (its text
    refused) is kept in ``seen`` and then closed without asking."""

    def type_and_save(dialog: TeksDialog) -> int:
        dialog.teks.setPlainText(text)
        dialog.accept()
        if seen is not None:
            seen.append(dialog)
        if dialog.result() != QDialog.DialogCode.Accepted:
            QDialog.done(dialog, QDialog.DialogCode.Rejected)
        return dialog.result()

    monkeypatch.setattr(TeksDialog, "exec", type_and_save)


def test_grid_shows_the_indicators(page: RealisasiPage, ctx: UiContext, qtmodeltester) -> None:
    assert page.stack.currentIndex() == 0 and not page.banner.isVisible()
    with ctx.workspace.read() as s:
        grid = realisasi.get_realisasi_grid(s, ctx.actor, page.detail.id, "TW4")
    assert page.model.rowCount() == sum(max(len(r.indikator), 1) for r in grid.rhk)
    first = grid.rhk[0]
    assert page.model.index(0, 0).data() == f"A.1  {first.teks}"
    assert page.model.index(0, 3).data() == first.indikator[0].target
    assert page.model.flags(page.model.index(0, KOLOM_REALISASI)) & Qt.ItemFlag.ItemIsEditable
    assert not page.model.flags(page.model.index(0, 3)) & Qt.ItemFlag.ItemIsEditable
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.bukti.model)


def test_realisasi_cell_saves_a_number_and_refuses_text(
    page: RealisasiPage, ctx: UiContext, errors: list[str], qtbot
) -> None:
    row = next(n for n, r in enumerate(page.model.rows) if r.angka and r.indikator_id)
    index = page.model.index(row, KOLOM_REALISASI)
    assert page.model.setData(index, "12,5")
    assert index.data().split()[0] == "12,5" and index.data(Qt.ItemDataRole.EditRole) == "12,5"
    with ctx.workspace.read() as s:
        grid = realisasi.get_realisasi_grid(s, ctx.actor, page.detail.id, "TW4")
    saved = {i.indikator_id: i.nilai for r in grid.rhk for i in r.indikator}
    assert saved[page.model.rows[row].indikator_id] == Decimal("12.5")

    assert not page.model.setData(index, "abc")
    qtbot.wait_until(lambda: len(errors) == 1)
    assert "angka" in errors[0]
    assert index.data(Qt.ItemDataRole.EditRole) == "12,5"


def test_realisasi_cell_reads_thousands_and_refuses_what_is_not_a_number(
    page: RealisasiPage, ctx: UiContext, errors: list[str], qtbot
) -> None:
    row = next(n for n, r in enumerate(page.model.rows) if r.angka and r.indikator_id)
    index = page.model.index(row, KOLOM_REALISASI)
    indikator_id = page.model.rows[row].indikator_id

    def tersimpan() -> Decimal | None:
        with ctx.workspace.read() as s:
            grid = realisasi.get_realisasi_grid(s, ctx.actor, page.detail.id, "TW4")
        return {i.indikator_id: i.nilai for r in grid.rhk for i in r.indikator}[indikator_id]

    assert page.model.setData(index, "1.500")
    assert tersimpan() == Decimal(1500)
    assert index.data(Qt.ItemDataRole.EditRole) == "1.500" and index.data().split()[0] == "1.500"
    page.load()
    index = page.model.index(row, KOLOM_REALISASI)
    assert index.data(Qt.ItemDataRole.EditRole) == "1.500" and index.data().split()[0] == "1.500"
    assert not page.model.setData(index, "1.500"), "the same number again is no change"

    assert page.model.setData(index, "1.500,25")
    assert tersimpan() == Decimal("1500.25") and index.data(Qt.ItemDataRole.EditRole) == "1.500,25"

    assert not page.model.setData(index, "1,2,3")
    qtbot.wait_until(lambda: len(errors) == 1)
    assert errors[0] == 'Realisasi "1,2,3" bukan angka. Tulis misalnya 1.500 atau 95,5.'
    assert tersimpan() == Decimal("1500.25") and index.data(Qt.ItemDataRole.EditRole) == "1.500,25"


def test_an_unapproved_skp_shows_the_reason(page: RealisasiPage, ctx: UiContext) -> None:
    page.select_pegawai(_skp(ctx, False).pegawai_id)
    assert page.stack.currentWidget() is page.alasan
    assert "setelah SKP disetujui" in page.alasan.text()
    assert page.model.rowCount() == 0 and not page.bukti.catatan.isEnabled()


def test_rencana_aksi_add_edit_delete(page: RealisasiPage, monkeypatch, errors: list[str]) -> None:
    monkeypatch.setattr(panel, "ask_yes_no", lambda *a, **k: True)
    _answer(monkeypatch, "Menyusun jadwal musyawarah")
    page.aksi.add_button.click()
    assert [r.teks for r in page.aksi.model.rows] == ["Menyusun jadwal musyawarah"]
    assert page.selected_row() is page.model.rows[0]
    page.aksi.table.selectRow(0)
    _answer(monkeypatch, "Menyusun dan membagikan jadwal")
    page.aksi.edit_button.click()
    assert [r.teks for r in page.aksi.model.rows] == ["Menyusun dan membagikan jadwal"]
    page.aksi.table.selectRow(0)
    page.aksi.delete_button.click()
    assert page.aksi.model.rowCount() == 0 and errors == []


def test_add_catatan_and_tautan(page: RealisasiPage, monkeypatch, errors: list[str], qtbot) -> None:
    _answer(monkeypatch, "Daftar hadir rapat koordinasi")
    page.bukti.catatan.click()
    _answer(monkeypatch, "https://drive.example.go.id/berkas/123")
    page.bukti.tautan.click()
    assert [(r.jenis, r.keterangan or r.tautan) for r in page.bukti.model.rows] == [
        ("catatan", "Daftar hadir rapat koordinasi"),
        ("tautan", "https://drive.example.go.id/berkas/123"),
    ]
    assert page.bukti.model.index(1, 0).data() == "Tautan"
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setattr(bukti_viewer, "ask_yes_no", lambda *_a, **_k: True)  # leaving the app: agreed
    page.bukti.table.selectRow(1)
    page.bukti.open_button.click()
    assert opened == ["https://drive.example.go.id/berkas/123"]
    seen: list[TeksDialog] = []
    _answer(monkeypatch, "bukan alamat", seen)
    page.bukti.tautan.click()
    # Refused in the dialog itself, which kept the text: nothing stored, no message box.
    assert page.bukti.model.rowCount() == 2 and errors == []
    assert "http" in seen[0].message.text() and seen[0].value() == "bukan alamat"


def test_a_rencana_aksi_over_its_limit_keeps_the_dialog_open_with_the_text(
    page: RealisasiPage, ctx: UiContext, monkeypatch, errors: list[str], qtbot
) -> None:
    """The 2,000-character rencana aksi was lost before: now the dialog stays, says why, keeps it."""
    panjang = "Rapat koordinasi " * 125  # 2,125 characters
    shown: list[tuple[bool, str, str, str]] = []

    def type_and_save(dialog: TeksDialog) -> int:
        dialog.show()
        dialog.teks.setPlainText(panjang)
        assert dialog.counter is not None
        counter = dialog.counter.text()
        dialog.accept()  # Simpan
        shown.append((dialog.isVisible(), dialog.value(), dialog.message.text(), counter))
        dialog.teks.setPlainText(panjang[:1990])
        shown.append((dialog.isVisible(), "", "", dialog.counter.text()))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TeksDialog, "exec", type_and_save)
    page.aksi.add_button.click()
    [(open_after, kept, message, counter), (_, _, _, counter_after)] = shown
    assert open_after and kept == panjang.strip()
    assert message.startswith("Rencana aksi terlalu panjang: 2.124 karakter, paling banyak 2.000.")
    assert "Persingkat 124 karakter" in message
    assert counter.startswith("Kelebihan 124 karakter") and counter_after == "Sisa 10 dari 2.000 karakter"
    assert errors == []
    # Shortened, it was stored once; the refused attempt wrote nothing.
    assert [r.teks for r in page.aksi.model.rows] == [panjang[:1990].strip()]


def _lose(ctx: UiContext, sha: str) -> None:
    """The stored content disappears behind the app's back (the folder's file, or the server's row)."""
    ws = ctx.workspace
    if ws.is_sqlite:
        (ws.paths.evidence / sha[:2] / sha).unlink()
        return
    with ws.engine.begin() as conn:
        conn.execute(delete(BerkasBukti).where(BerkasBukti.sha256 == sha))


def test_attach_a_file_then_lose_it(
    page: RealisasiPage, ctx: UiContext, monkeypatch, errors: list[str], tmp_path: Path
) -> None:
    source = tmp_path / "laporan kegiatan.pdf"
    source.write_bytes(b"%PDF-1.4 laporan")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    assert not page.bukti.save_button.isEnabled()
    page.bukti.berkas.click()
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    stored = ctx.workspace.paths.evidence / sha[:2] / sha
    assert stored.is_file() == ctx.workspace.is_sqlite  # a server keeps the content itself
    assert page.bukti.model.index(0, 1).data().startswith("laporan kegiatan.pdf")
    assert page.bukti.model.index(0, 2).data() == "tersimpan"

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page.bukti.table.selectRow(0)
    page.bukti.open_button.click()  # in the app's viewer; not a real PDF, so offered to another program
    lihat = page.bukti.lihat
    assert (
        lihat is not None and lihat.isVisible() and "tidak terbaca sebagai PDF" in lihat.viewer.kosong.text()
    )
    lihat.viewer.program_button.click()
    assert Path(opened[0]).name == "laporan kegiatan.pdf"
    assert Path(opened[0]).read_bytes() == source.read_bytes()

    target = tmp_path / "unduhan" / "laporan.pdf"
    target.parent.mkdir()
    info: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(panel, "show_info", lambda _w, text, detail="": info.append(f"{text} {detail}"))
    assert page.bukti.save_button.isEnabled()
    page.bukti.save_button.click()
    assert target.read_bytes() == source.read_bytes()
    assert info == [f"Berkas laporan kegiatan.pdf sudah disimpan. Tersimpan sebagai {target}"]

    _lose(ctx, sha)
    page.bukti.show_for(page.bukti.sasaran)
    status = page.bukti.model.index(0, 2)
    assert status.data() == "berkas hilang"
    assert status.data(Qt.ItemDataRole.ForegroundRole) == panel.MERAH
    page.bukti.table.selectRow(0)
    page.bukti.open_button.click()
    assert len(opened) == 1 and "tidak ada" in lihat.viewer.pesan.text()  # said in the viewer
    page.bukti.table.selectRow(0)  # the list was read again, with what is wrong
    page.bukti.save_button.click()
    assert len(errors) == 1 and "tidak ada" in errors[0]


def test_penilai_starts_with_themselves(qtbot, ctx: UiContext) -> None:
    penilai = ctx.workspace.login("penilai", "penilai123")
    widget = RealisasiPage(UiContext(ctx.workspace, penilai, ctx.tasks))
    qtbot.addWidget(widget)
    widget.refresh()
    assert widget.picker.value() == penilai.pegawai_id is not None
    assert widget.detail is not None and widget.detail.pegawai.id == penilai.pegawai_id


def test_a_monthly_office_offers_the_months(page: RealisasiPage, ctx: UiContext) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        k = kantor.get_kantor(s)
        data = kantor.KantorInput(k.kode, k.nama, k.tempat, k.instansi, kertas=k.kertas, ritme="bulanan")
        kantor.update_kantor(s, ctx.actor, data)
    page.refresh()
    assert page.bar.periode.count() == 12 and page.bar.periode.itemText(0) == "Januari"
    page.bar.periode.setCurrentIndex(page.bar.periode.findData("B05"))
    assert page.stack.currentIndex() == 0 and page.model.editable
    assert "Mei" in page.aksi.title()


def test_a_refused_realisasi_opens_its_cell_again_with_what_was_typed(
    page: RealisasiPage, ctx: UiContext, errors: list[str], qtbot
) -> None:
    page.show()
    row = next(n for n, r in enumerate(page.model.rows) if r.angka and r.indikator_id)
    index = page.model.index(row, KOLOM_REALISASI)
    assert page.model.setData(index, "12,5")
    assert not page.model.setData(index, "12,5 dokumen")  # refused: not a number
    qtbot.wait_until(lambda: len(errors) == 1)
    editor = page.table.indexWidget(index) or page.table.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "12,5 dokumen"  # typed text kept
    assert page.table.state() == page.table.State.EditingState
    assert index.data(Qt.ItemDataRole.EditRole) == "12,5"  # what is stored is unchanged
