"""Printing in the GUI: preview with pages, options re-render, save, print to a PDF printer, the batch."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import select

from kinerja_desktop.core.db.models import UnitKerja
from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, StatusEvaluasi
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.services.printing.batch import JenisCetak, Permintaan
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.printing import actions as aksi
from kinerja_desktop.ui.printing.actions import pratinjau_evaluasi, pratinjau_skp, print_batch
from kinerja_desktop.ui.printing.preview import PratinjauDialog

TAHUN = date.today().year
F4 = (609.4, 935.4)
A4 = (595.3, 841.9)


@pytest.fixture
def workspace(demo_office: Callable[[int], Path], buka_salinan: Callable[[Path], Workspace]) -> Workspace:
    return buka_salinan(demo_office(20))


def _ctx(ws: Workspace, user: str = "penilai") -> UiContext:
    return UiContext(ws, ws.login(user, f"{user}123"), TaskRunner(None))


def _bawahan_final(ctx: UiContext) -> BarisEvaluasi:
    """A subordinate of the account's pegawai with a final TW1 evaluation."""
    with ctx.workspace.read() as s:
        root = unit_kerja.root_unit_id(s)
        rows = evaluasi_unit.grid_unit(s, ctx.actor, root, TAHUN, "TW1", hanya_bawahan=True)
    return next(r for r in rows if r.status is StatusEvaluasi.FINAL)


def _teks(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _ukuran(dialog: PratinjauDialog) -> tuple[float, float]:
    size = dialog.dokumen.pagePointSize(0)
    return round(size.width(), 1), round(size.height(), 1)


def _simpan_ke(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _printer_pdf(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[QPrinter]:
    """QPrintDialog.exec accepts at once, with the printer turned into a PDF file writer."""
    dipakai: list[QPrinter] = []

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        dipakai.append(printer)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return dipakai


def test_skp_preview_opens_and_an_option_change_renders_again(qtbot, workspace: Workspace) -> None:
    ctx = _ctx(workspace)
    baris = _bawahan_final(ctx)
    assert baris.skp_id is not None
    dialog = pratinjau_skp(ctx, None, baris.skp_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.dokumen.pageCount() >= 2
    assert _ukuran(dialog) == F4 and "kertas F4 tegak" in dialog.info.text()
    dialog.opsi.kertas.setCurrentIndex(dialog.opsi.kertas.findData("A4"))
    qtbot.waitUntil(lambda: _ukuran(dialog) == A4, timeout=3000)
    dialog.opsi.prefix_penilai.setCurrentIndex(dialog.opsi.prefix_penilai.findData("Plt."))
    dialog.opsi.tanggal.setDate(dialog.opsi.tanggal.date().addDays(-1))
    qtbot.waitUntil(
        lambda: dialog.opsi.value().prefix_penilai == "Plt." and "Plt. " in " ".join(_teks(dialog.pdf)),
        timeout=3000,
    )
    assert dialog.opsi.value().kertas == "A4"


@pytest.mark.parametrize("jenis", [JenisCetak.EVALUASI, JenisCetak.DOKUMEN_EVALUASI])
def test_a_supervisor_previews_prints_and_saves_a_form(
    qtbot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jenis: JenisCetak
) -> None:
    ctx = _ctx(workspace)
    baris = _bawahan_final(ctx)
    assert baris.skp_id is not None
    dialog = pratinjau_evaluasi(ctx, None, jenis, baris.skp_id, "TW1")
    assert dialog is not None
    qtbot.addWidget(dialog)
    halaman = dialog.dokumen.pageCount()
    assert halaman >= 1
    simpan = tmp_path / "simpan.pdf"
    _simpan_ke(monkeypatch, simpan)
    dialog.save_button.click()
    teks = " ".join(p.extract_text() for p in PdfReader(simpan).pages)
    assert len(PdfReader(simpan).pages) == halaman and baris.nip in teks
    assert "Tersimpan" in dialog.message.text()
    dicetak = tmp_path / "printer.pdf"
    dipakai = _printer_pdf(monkeypatch, dicetak)
    dialog.print_button.click()
    assert dipakai and dicetak.exists()
    hasil = PdfReader(dicetak)
    assert len(hasil.pages) == halaman
    box = hasil.pages[0].mediabox
    asli = _ukuran(dialog)
    # Same paper at 100 %, within a point (Qt rounds custom paper sizes to its own units).
    assert abs(float(box.width) - asli[0]) < 1.5 and abs(float(box.height) - asli[1]) < 1.5
    assert "halaman dikirim" in dialog.message.text()


def test_save_failure_is_told_in_indonesian(
    qtbot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _ctx(workspace)
    baris = _bawahan_final(ctx)
    dialog = pratinjau_evaluasi(ctx, None, JenisCetak.DOKUMEN_EVALUASI, str(baris.skp_id), "TW1")
    assert dialog is not None
    qtbot.addWidget(dialog)
    pesan: list[str] = []
    monkeypatch.setattr(
        "kinerja_desktop.ui.common.ops.show_error", lambda _parent, exc: pesan.append(str(exc))
    )
    _simpan_ke(monkeypatch, tmp_path / "tidak-ada" / "x.pdf")
    dialog.save_button.click()
    assert pesan and "tidak ada" in pesan[0]


def _unit_sek(ctx: UiContext) -> tuple[str, int]:
    with ctx.workspace.read() as s:
        unit_id = str(s.scalar(select(UnitKerja.id).where(UnitKerja.kode == "PLJ.SEK")))
        di_unit = evaluasi_unit.grid_unit(s, ctx.actor, unit_id, TAHUN, "TW1")
    return unit_id, sum(r.evaluasi_id is not None for r in di_unit)


def test_batch_of_a_unit_is_one_pdf_with_one_dokumen_evaluasi_per_evaluation(
    qtbot, workspace: Workspace, sync_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _ctx(workspace, "admin")
    unit_id, jumlah = _unit_sek(ctx)
    monkeypatch.setattr(aksi, "ask_yes_no", lambda *a, **k: True)
    hasil: list[object] = []
    print_batch(ctx, None, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN, "TW1", unit_id), hasil.append)
    dialog = hasil[0]
    assert isinstance(dialog, PratinjauDialog)
    qtbot.addWidget(dialog)
    halaman = _teks(dialog.pdf)
    assert sum("Halaman 1 dari" in h for h in halaman) == jumlah > 1
    assert all("DOKUMEN EVALUASI KINERJA PEGAWAI" in h for h in halaman if "Halaman 1 dari" in h)
    assert dialog.sumber.jumlah == jumlah and f"{jumlah} dokumen" in dialog.info.text()


def test_a_cancelled_batch_leaves_no_file(
    qtbot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _ctx(workspace, "admin")
    monkeypatch.setattr(aksi, "BATAS_PRATINJAU", 0)  # straight to a file
    tujuan = tmp_path / "semua.pdf"
    _simpan_ke(monkeypatch, tujuan)
    hasil: list[object] = []
    tugas = print_batch(ctx, None, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN, "TW1"), hasil.append)
    assert tugas is not None
    tugas.cancel()
    qtbot.waitUntil(lambda: bool(hasil), timeout=10_000)
    assert hasil == [None] and not tujuan.exists()
    assert not list(tmp_path.glob(".kinerja-*"))
    monkeypatch.setattr(aksi, "show_info", lambda *a, **k: None)
    hasil.clear()
    print_batch(ctx, None, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN, "TW1"), hasil.append)
    qtbot.waitUntil(lambda: bool(hasil), timeout=30_000)
    assert hasil == [tujuan] and len(PdfReader(tujuan).pages) > 10


def test_the_pages_offer_the_print_buttons(qtbot, workspace: Workspace, sync_tasks: None) -> None:
    from kinerja_desktop.ui.penilaian.form import EvaluasiDialog
    from kinerja_desktop.ui.penilaian.page import PenilaianPage

    ctx = _ctx(workspace)
    page = PenilaianPage(ctx)
    qtbot.addWidget(page)
    teks = [a.text() for a in page.print_button.menu().actions()]
    assert "Dokumen Evaluasi…" in teks and "Cetak semua Dokumen Evaluasi unit ini…" in teks
    baris = _bawahan_final(ctx)
    form = EvaluasiDialog(ctx, str(baris.skp_id), "TW1")
    qtbot.addWidget(form)
    assert "Rekap predikat unit…" not in [a.text() for a in form.print_button.menu().actions()]


def test_scanned_signatures_are_offered_only_for_a_final_evaluation(
    qtbot, workspace: Workspace, tmp_path: Path
) -> None:
    from kinerja_desktop.core.paths import resources_dir

    ctx = _ctx(workspace)
    baris = _bawahan_final(ctx)
    skp = pratinjau_skp(ctx, None, str(baris.skp_id))
    assert skp is not None
    qtbot.addWidget(skp)
    assert not skp.opsi.ttd.isEnabled() and not skp.opsi.ttd.isChecked()
    dialog = pratinjau_evaluasi(ctx, None, JenisCetak.DOKUMEN_EVALUASI, str(baris.skp_id), "TW1")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.opsi.ttd.isEnabled() and not dialog.opsi.ttd.isChecked()
    dialog.opsi.ttd.choose("penilai", str(resources_dir() / "icons" / "app.png"))
    dialog.opsi.ttd.setChecked(True)
    qtbot.waitUntil(lambda: len(PdfReader(io.BytesIO(dialog.pdf)).pages[0].images) == 1, timeout=3000)
    dialog.opsi.ttd.setChecked(False)
    qtbot.waitUntil(lambda: len(PdfReader(io.BytesIO(dialog.pdf)).pages[0].images) == 0, timeout=3000)


def test_a_batch_preview_renders_again_in_the_background(
    qtbot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _ctx(workspace, "admin")
    unit_id, jumlah = _unit_sek(ctx)
    monkeypatch.setattr(aksi, "ask_yes_no", lambda *a, **k: True)
    hasil: list[object] = []
    print_batch(ctx, None, Permintaan(JenisCetak.DOKUMEN_EVALUASI, TAHUN, "TW1", unit_id), hasil.append)
    qtbot.waitUntil(lambda: bool(hasil), timeout=20_000)
    dialog = hasil[0]
    assert isinstance(dialog, PratinjauDialog) and dialog.sumber.latar
    qtbot.addWidget(dialog)
    assert _ukuran(dialog) == F4
    dialog.opsi.kertas.setCurrentIndex(dialog.opsi.kertas.findData("A4"))
    qtbot.waitUntil(lambda: _ukuran(dialog) == A4 and dialog.isEnabled(), timeout=20_000)
    assert sum("Halaman 1 dari" in h for h in _teks(dialog.pdf)) == jumlah
    ctx.tasks.wait()
