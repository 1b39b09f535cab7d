"""The evaluation form's evidence pane: the period's notes, links and files of the chosen RHK, in place."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QPushButton
from reportlab.pdfgen import canvas
from sqlalchemy import delete, select, update

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import BerkasBukti, BuktiDukung, Pegawai, Skp
from kinerja_desktop.core.services import bukti
from kinerja_desktop.core.services.skp.access import live_rhk
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common import bukti_viewer, screen
from kinerja_desktop.ui.common.bukti_viewer import BuktiDialog
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.screen import FRAME_H, FRAME_W
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.penilaian.form import EvaluasiDialog
from kinerja_desktop.ui.penilaian.form_bukti import BuktiRhkPane

TW = "TW3"


@pytest.fixture(scope="module")
def demo_template(demo_office: Callable[[int], Path]) -> Path:
    return demo_office(20)


@pytest.fixture
def sasaran(ctx: UiContext) -> tuple[str, list[str]]:
    """A subordinate of the camat (the penilai account): the SKP id and its RHK ids, without evidence."""
    with ctx.workspace.transaction(ctx.actor) as s:
        camat = s.scalars(select(Pegawai.id).where(Pegawai.atasan_id.is_(None))).one()
        skp_id = s.scalars(
            select(Skp.id)
            .join(Pegawai, Pegawai.id == Skp.pegawai_id)
            .where(Pegawai.atasan_id == camat, Skp.status == "disetujui")
            .order_by(Pegawai.nip)
        ).first()
        assert skp_id is not None
        rhk = [r.id for r in live_rhk(s, skp_id)]
        s.execute(update(BuktiDukung).where(BuktiDukung.rhk_id.in_(rhk)).values(dihapus_pada=utcnow()))
    return skp_id, rhk


@pytest.fixture
def penilai(ctx: UiContext) -> UiContext:
    ws = ctx.workspace
    return UiContext(ws, ws.login("penilai", "penilai123"), TaskRunner(None))


@pytest.fixture
def dibuka(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What would have been handed to the browser or the system's program."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def _berkas(ctx: UiContext, rhk_id: str, path: Path, periode: str = TW, keterangan: str = "") -> str:
    with ctx.workspace.transaction(ctx.actor) as s:
        return bukti.add_berkas(s, ctx.actor, rhk_id, periode, path, ctx.workspace.paths.evidence, keterangan)


def _gambar(tmp_path: Path) -> Path:
    img = QImage(1800, 1200, QImage.Format.Format_RGB32)
    img.fill(QColor("#3b78c2"))
    path = tmp_path / "foto kegiatan.png"
    assert img.save(str(path))
    return path


def _pdf(tmp_path: Path) -> Path:
    path = tmp_path / "laporan triwulan.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 760, "Laporan kegiatan triwulan III")
    c.showPage()
    c.drawString(72, 760, "Halaman kedua")
    c.save()
    return path


def _lose(ws: Workspace, sha: str) -> None:
    if ws.is_sqlite:
        (ws.paths.evidence / sha[:2] / sha).unlink()
        return
    with ws.engine.begin() as conn:
        conn.execute(delete(BerkasBukti).where(BerkasBukti.sha256 == sha))


def _open(qtbot, ctx: UiContext, skp_id: str, periode: str = TW) -> EvaluasiDialog:
    dialog = EvaluasiDialog(ctx, skp_id, periode)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def _pilih(pane: BuktiRhkPane, bukti_id: str) -> None:
    [n] = [n for n, r in enumerate(pane.model.rows) if r.id == bukti_id]
    pane.table.selectRow(n)


def test_the_pane_shows_this_periods_notes_and_links_read_only(
    qtbot, ctx: UiContext, penilai: UiContext, sasaran, dibuka: list[QUrl], monkeypatch
) -> None:
    skp_id, [a, b, *_] = sasaran
    with ctx.workspace.transaction(ctx.actor) as s:
        catatan = bukti.add_catatan(s, ctx.actor, a, TW, "Rapat koordinasi 3 Juli\nhadir 24 orang")
        tautan = bukti.add_tautan(s, ctx.actor, a, TW, "https://arsip.example.go.id/tw3", "Notulen")
        lama = bukti.add_catatan(s, ctx.actor, a, "TW2", "Catatan triwulan lalu")
    dialog = _open(qtbot, penilai, skp_id)
    pane, viewer = dialog.hasil_kerja.bukti, dialog.hasil_kerja.bukti.viewer
    assert pane.rhk_id == a and [r.id for r in pane.model.rows] == [catatan, tautan]  # not TW2's
    assert "Bukti dukung A.1" in pane.judul.text() and "periode ini: 2" in pane.judul.text()
    assert viewer.stack.currentWidget() is viewer.teks  # the first piece is shown at once
    assert viewer.teks.toPlainText() == "Rapat koordinasi 3 Juli\nhadir 24 orang"

    _pilih(pane, tautan)
    assert (
        viewer.stack.currentWidget() is viewer.tautan
        and "https://arsip.example.go.id/tw3" in viewer.tautan.text()
    )
    assert viewer.keterangan.text() == "Notulen" and viewer.tautan_button.isVisibleTo(viewer)
    jawaban: list[str] = []
    monkeypatch.setattr(
        bukti_viewer, "ask_yes_no", lambda _w, text, detail="", **_k: jawaban.append(detail) or False
    )
    viewer.tautan_button.click()
    assert dibuka == [] and "di luar Kinerja Desktop" in jawaban[0]  # declined: nothing opened
    monkeypatch.setattr(bukti_viewer, "ask_yes_no", lambda *_a, **_k: True)
    viewer.tautan.linkActivated.emit("https://arsip.example.go.id/tw3")
    assert [u.toString() for u in dibuka] == ["https://arsip.example.go.id/tw3"]

    tombol = {b.text() for b in pane.findChildren(QPushButton)}
    assert not tombol & {"Hapus", "Tambah catatan…", "Tambah tautan…", "Lampirkan berkas…"}

    dialog.hasil_kerja.umpan[b].setFocus()  # typing about A.2 brings its evidence beside it
    qtbot.waitUntil(lambda: pane.rhk_id == b)
    assert pane.model.rowCount() == 0 and "Belum ada bukti dukung untuk RHK A.2" in viewer.kosong.text()
    kartu_a = dialog.hasil_kerja.kartu[a][1]
    kartu_a.bukti_button.click()
    assert pane.rhk_id == a and kartu_a.objectName() == "kartu_terpilih"
    assert lama not in {r.id for r in pane.model.rows}


def test_the_annual_form_lists_the_whole_year_with_periods(qtbot, ctx: UiContext, penilai, sasaran) -> None:
    skp_id, [a, *_] = sasaran
    with ctx.workspace.transaction(ctx.actor) as s:
        bukti.add_catatan(s, ctx.actor, a, "TW3", "Triwulan tiga")
        bukti.add_catatan(s, ctx.actor, a, "TW2", "Triwulan dua")
    pane = _open(qtbot, penilai, skp_id, "AKHIR").hasil_kerja.bukti
    assert pane.model.headerData(0, Qt.Orientation.Horizontal) == "Periode"
    assert [pane.model.index(n, 0).data() for n in range(2)] == ["Triwulan II", "Triwulan III"]
    assert "sepanjang tahun: 2" in pane.judul.text()


def test_an_image_is_previewed_and_a_pdf_opens_in_the_viewer(
    qtbot, ctx: UiContext, penilai, sasaran, tmp_path: Path, dibuka: list[QUrl]
) -> None:
    skp_id, [a, *_] = sasaran
    foto = _berkas(ctx, a, _gambar(tmp_path), keterangan="Dokumentasi rapat")
    laporan = _berkas(ctx, a, _pdf(tmp_path))
    dialog = _open(qtbot, penilai, skp_id)
    pane, viewer = dialog.hasil_kerja.bukti, dialog.hasil_kerja.bukti.viewer
    assert viewer.row is not None and viewer.row.id == foto
    assert viewer.stack.currentWidget() is viewer.gambar_area
    gambar = viewer.gambar.pixmap()
    ruang = viewer.gambar_area.viewport().size()
    assert not gambar.isNull() and gambar.width() <= ruang.width() and gambar.height() <= ruang.height()
    assert abs(gambar.width() / gambar.height() - 1.5) < 0.02  # scaled, not stretched
    assert "foto kegiatan.png" in viewer.judul.text() and viewer.keterangan.text() == "Dokumentasi rapat"

    _pilih(pane, laporan)
    assert viewer.stack.currentWidget() is viewer.pdf_view
    assert viewer.pdf.status() == QPdfDocument.Status.Ready and viewer.pdf.pageCount() == 2
    viewer.program_button.click()  # the system's program gets a copy under the file's own name
    [url] = dibuka
    assert Path(url.toLocalFile()).name == "laporan triwulan.pdf"
    assert Path(url.toLocalFile()).read_bytes() == (tmp_path / "laporan triwulan.pdf").read_bytes()


def test_other_files_open_with_the_systems_program(
    qtbot, ctx: UiContext, penilai, sasaran, tmp_path: Path, dibuka: list[QUrl]
) -> None:
    skp_id, [a, *_] = sasaran
    daftar = tmp_path / "daftar hadir.docx"
    daftar.write_bytes(b"PK\x03\x04 daftar hadir")
    _berkas(ctx, a, daftar)
    viewer = _open(qtbot, penilai, skp_id).hasil_kerja.bukti.viewer
    assert viewer.stack.currentWidget() is viewer.kosong
    assert "tidak bisa ditampilkan di dalam aplikasi" in viewer.kosong.text()
    viewer.program_button.click()
    assert [Path(u.toLocalFile()).read_bytes() for u in dibuka] == [daftar.read_bytes()]


def test_a_missing_file_says_what_to_do(qtbot, ctx: UiContext, penilai, sasaran, tmp_path: Path) -> None:
    skp_id, [a, *_] = sasaran
    path = _pdf(tmp_path)
    _berkas(ctx, a, path)
    _lose(ctx.workspace, hashlib.sha256(path.read_bytes()).hexdigest())
    pane = _open(qtbot, penilai, skp_id).hasil_kerja.bukti
    viewer = pane.viewer
    assert pane.model.index(0, 2).data() == "berkas hilang" and "1 berkas bermasalah" in pane.judul.text()
    pesan = viewer.pesan.text()
    assert viewer.pesan.isVisibleTo(viewer) and "laporan triwulan.pdf tidak ada" in pesan
    assert "halaman Realisasi" in pesan and not viewer.program_button.isVisibleTo(viewer)


def test_a_large_file_waits_for_its_button_and_is_read_in_the_background(
    qtbot, ctx: UiContext, penilai, sasaran, tmp_path: Path, monkeypatch, tugas_dijalankan: list[str]
) -> None:
    skp_id, [a, *_] = sasaran
    monkeypatch.setattr(bukti_viewer, "BATAS_LATAR", 100)
    _berkas(ctx, a, _gambar(tmp_path))
    viewer = _open(qtbot, penilai, skp_id).hasil_kerja.bukti.viewer
    assert viewer.stack.currentWidget() is viewer.kosong and tugas_dijalankan == []
    assert "Tampilkan" in viewer.kosong.text() and viewer.tampilkan_button.isVisibleTo(viewer)
    viewer.tampilkan_button.click()
    assert tugas_dijalankan == ["Membaca berkas foto kegiatan.png…"]
    assert viewer.stack.currentWidget() is viewer.gambar_area and not viewer.gambar.pixmap().isNull()


def test_the_forms_and_the_viewer_window_fit_an_office_screen(
    qtbot, ctx: UiContext, penilai, sasaran, tmp_path: Path, monkeypatch
) -> None:
    skp_id, [a, *_] = sasaran
    _berkas(ctx, a, _pdf(tmp_path))
    kantor = QRect(0, 0, 1366, 728)  # 1366×768 less a 40 px taskbar
    monkeypatch.setattr(screen, "free_area", lambda _widget: kantor)
    dialog = _open(qtbot, penilai, skp_id)
    lihat = BuktiDialog(dialog)
    qtbot.addWidget(lihat)
    lihat.show_bukti(dialog.hasil_kerja.bukti.model.rows[0])
    for w in (dialog, lihat):
        assert w.width() + FRAME_W <= kantor.width() and w.height() + FRAME_H <= kantor.height()
        assert w.minimumSizeHint().height() + FRAME_H <= kantor.height()
    assert lihat.viewer.stack.currentWidget() is lihat.viewer.pdf_view
