"""Pertukaran Data page: export, the import wizard (plan, conflicts side by side, apply, report), history."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from pendukung_db import sidik_basis_data
from pendukung_demo import demo_actor
from pendukung_paket import sign_workbook
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Pegawai
from kinerja_desktop.core.exchange.actions import export_paket
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.common.widgets import ERROR_STYLE
from kinerja_desktop.ui.exchange import import_wizard as wz
from kinerja_desktop.ui.exchange.files import paket_di_folder
from kinerja_desktop.ui.exchange.page import SinkronisasiPage

Buka = Callable[[str], Workspace]


@pytest.fixture(scope="module")
def templat(tmp_path_factory: pytest.TempPathFactory, demo_office: Callable[[int], Path]) -> dict[str, Path]:
    """PLJ (the shared demo office), SKU (a second small office) and an empty central office BKPSDM."""
    from kinerja_desktop.core.demo import generate_demo

    root = tmp_path_factory.mktemp("sinkron-ui")
    ws = Workspace.open(AppPaths(root / "SKU"))
    generate_demo(ws, jumlah_pegawai=5, kantor_kode="SKU", kantor_nama="Kecamatan Sukarami", seed=2)
    ws.close()
    ws = Workspace.open(AppPaths(root / "PUSAT"))
    with ws.transaction() as s:
        data = kantor.KantorInput(
            kode="BKPSDM", nama="BKPSDM Kota Palembang", tempat="Palembang", is_pusat=True
        )
        kantor.initialise(s, data, "admin", "rahasia123", "Admin Pusat")
    ws.close()
    return {"PLJ": demo_office(8), "SKU": root / "SKU", "PUSAT": root / "PUSAT"}


@pytest.fixture
def buka(tmp_path: Path, templat: dict[str, Path], sync_tasks: None) -> Iterator[Buka]:
    dibuka: list[Workspace] = []

    def _buka(kode: str) -> Workspace:
        shutil.copytree(templat[kode], tmp_path / kode)
        ws = Workspace.open(AppPaths(tmp_path / kode))
        dibuka.append(ws)
        return ws

    yield _buka
    for ws in dibuka:
        ws.close()


def _page(qtbot: QtBot, ws: Workspace, user: str = "admin", password: str = "rahasia123") -> SinkronisasiPage:
    page = SinkronisasiPage(UiContext(ws, ws.login(user, password), TaskRunner(None)))
    qtbot.addWidget(page)
    page.refresh()
    return page


def _ekspor(ws: Workspace, path: Path) -> Path:
    export_paket(ws, SYSTEM, path)
    return path


def _hash(ws: Workspace) -> str:
    ws.engine.dispose()
    return sidik_basis_data(ws.paths.data_dir)


def _counts(w: wz.ImporWizard, lembar: str) -> list[str]:
    m = w.rencana.jumlah
    row = next(i for i, j in enumerate(m.rows) if j.lembar == lembar)
    return [str(m.index(row, c).data()) for c in range(1, 7)]


def _ubah_nama(ws: Workspace, nip: str, nama: str) -> None:
    with ws.transaction() as s:
        p = s.scalars(select(Pegawai).where(Pegawai.nip == nip)).one()
        p.nama = nama


def test_export_from_a_demo_office_reports_rows_and_the_file(
    qtbot: QtBot, buka: Buka, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, buka("PLJ"), "operator", "operator123")
    assert not page.export_box.jenis_induk.isVisibleTo(page), "only the central office makes a paket induk"
    target = tmp_path / "kirim.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export_box.on_export_button_clicked()
    assert target.exists()
    assert (
        str(target) in page.export_box.hasil_label.text()
        and "Paket kantor untuk kantor pusat tersimpan" in page.export_box.hasil_label.text()
    )
    assert "Pegawai 8," in page.export_box.rincian.text()
    assert [(r.arah_label, r.nama_berkas, r.username) for r in page.model.rows] == [
        ("Ekspor", "kirim.xlsx", "operator")
    ]


def test_import_through_the_wizard_then_again_changes_nothing(
    qtbot: QtBot, buka: Buka, tmp_path: Path
) -> None:
    paket = _ekspor(buka("PLJ"), tmp_path / "plj.xlsx")
    pusat = buka("PUSAT")
    page = _page(qtbot, pusat)
    w = page.open_wizard([paket])
    assert w.stack.currentIndex() == wz.RENCANA
    assert w.rencana.judul.text() == "Berkas 1 dari 1: plj.xlsx"
    assert _counts(w, "Pegawai") == ["8", "0", "0", "0", "0", "0"]
    assert _counts(w, "Perilaku Kerja") == ["0", "0", "7", "0", "0", "0"]
    assert w.next_button.text() == "Impor sekarang" and w.next_button.isEnabled()
    w.next_button.click()
    assert w.stack.currentIndex() == wz.LAPORAN
    (h,) = w.laporan.model.rows
    assert h.hasil == "Diimpor" and h.baru > 8
    if pusat.is_sqlite:
        assert h.cadangan is not None and h.cadangan.exists()
        assert "sebelum-impor-paket" in w.laporan.cadangan.text()
    else:  # a server database is backed up with the server's tools, and the report says so
        assert h.cadangan is None and "Tanpa cadangan otomatis" in w.laporan.cadangan.text()
    assert [r.arah_label for r in page.model.rows] == ["Impor"]
    w.next_button.click()  # Selesai

    sebelum = _hash(pusat)
    w = page.open_wizard([paket])
    assert "Tidak ada yang berubah" in w.rencana.keadaan.text()
    assert "sudah pernah diimpor" in w.rencana.ringkasan.text()
    assert w.next_button.text() == "Lihat laporan"
    w.next_button.click()
    assert [(h.hasil, h.keterangan) for h in w.laporan.model.rows] == [
        ("Tidak ada yang berubah", "Sudah pernah diimpor")
    ]
    assert _hash(pusat) == sebelum


def test_a_conflict_is_resolved_side_by_side_and_audited(qtbot: QtBot, buka: Buka, tmp_path: Path) -> None:
    plj, pusat = buka("PLJ"), buka("PUSAT")
    page = _page(qtbot, pusat)
    page.open_wizard([_ekspor(plj, tmp_path / "a.xlsx")]).next_button.click()
    with plj.read() as s:
        nip = s.scalars(select(Pegawai.nip).order_by(Pegawai.nip).limit(1)).one()
    _ubah_nama(pusat, nip, "Nama Dari Pusat")
    _ubah_nama(plj, nip, "Nama Dari Kantor")
    w = page.open_wizard([_ekspor(plj, tmp_path / "b.xlsx")])
    assert w.next_button.text() == "Lanjut: putuskan konflik" and w.next_button.isEnabled()
    w.next_button.click()
    assert w.stack.currentIndex() == wz.KONFLIK
    assert not w.next_button.isEnabled() and "1 konflik belum diputuskan" in w.alasan.text()
    beda = [(b.kolom, b.kami, b.mereka) for b in w.konflik.beda.rows]
    assert beda == [("Nama", "Nama Dari Pusat", "Nama Dari Kantor")]
    w.konflik.mereka.click()
    assert w.konflik.model.index(0, 2).data() == "Pakai data paket"
    assert w.next_button.isEnabled() and w.next_button.text() == "Impor sekarang"
    w.next_button.click()
    assert w.laporan.model.rows[0].konflik == 1
    with pusat.read() as s:
        assert s.scalar(select(Pegawai.nama).where(Pegawai.nip == nip)) == "Nama Dari Kantor"
        audit = s.scalars(select(AuditLog).where(AuditLog.aksi == "konflik")).all()
    assert [a.username for a in audit] == ["admin"]


def test_invalid_files_show_a_clear_message_and_change_nothing(
    qtbot: QtBot, buka: Buka, tmp_path: Path
) -> None:
    plj, pusat = buka("PLJ"), buka("PUSAT")
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan buku kerja")
    paket = _ekspor(plj, tmp_path / "nip.xlsx")
    book = openpyxl.load_workbook(paket)
    sheet = book["Pegawai"]
    kolom = [c.value for c in sheet[1]].index("NIP") + 1
    sheet.cell(row=3, column=kolom).value = 198609262015051001  # a NIP Excel turned into a number
    book.save(paket)
    sign_workbook(plj, paket)  # as PLJ's own export: the rows are checked one by one
    page = _page(qtbot, pusat)
    sebelum = _hash(pusat)
    w = page.open_wizard([rusak, paket])
    assert w.galat.isVisibleTo(w) and "Berkas ini tidak bisa diimpor" in w.galat.text()
    assert "rusak.xlsx" in w.galat.text() and "Tidak ada yang diubah" in w.galat.text()
    assert w.next_button.text() == "Berkas berikutnya"
    w.next_button.click()
    assert not w.galat.isVisibleTo(w) and w.rencana.masalah.rows
    m = w.rencana.masalah.rows[0]
    assert (m.lembar, m.baris, m.kolom) == ("Pegawai", 3, "NIP") and m.menghalangi
    assert not w.next_button.isEnabled() and "kesalahan" in w.alasan.text()
    w.skip_button.click()
    assert [h.hasil for h in w.laporan.model.rows] == ["Ditolak", "Dilewati"]
    assert _hash(pusat) == sebelum


def test_the_office_s_own_package_is_said_plainly_not_as_an_error(
    qtbot: QtBot, buka: Buka, tmp_path: Path
) -> None:
    plj = buka("PLJ")
    paket = _ekspor(plj, tmp_path / "sendiri.xlsx")
    page = SinkronisasiPage(UiContext(plj, demo_actor(plj, "admin"), TaskRunner(None)))
    qtbot.addWidget(page)
    sebelum = _hash(plj)
    w = page.open_wizard([paket])
    teks = w.galat.text()
    assert (
        w.galat.isVisibleTo(w)
        and "dibuat oleh kantor ini sendiri (PLJ); tidak ada yang perlu diimpor" in teks
    )
    assert "tidak bisa diimpor" not in teks and ERROR_STYLE not in w.galat.styleSheet()
    w.next_button.click()
    assert [h.hasil for h in w.laporan.model.rows] == ["Tidak perlu diimpor"]
    assert _hash(plj) == sebelum


def test_an_edited_package_is_refused_by_the_wizard(qtbot: QtBot, buka: Buka, tmp_path: Path) -> None:
    plj, pusat = buka("PLJ"), buka("PUSAT")
    paket = _ekspor(plj, tmp_path / "ubah.xlsx")
    book = openpyxl.load_workbook(paket)
    sheet = book["Pegawai"]
    kolom = [c.value for c in sheet[1]].index("Nama") + 1
    sheet.cell(row=2, column=kolom).value = "Nama Diketik di Excel"
    book.save(paket)
    page = _page(qtbot, pusat)
    sebelum = _hash(pusat)
    w = page.open_wizard([paket])
    teks = w.galat.text()
    assert w.galat.isVisibleTo(w) and not w.rencana.isVisibleTo(w)
    assert "Isi paket ini diubah setelah diekspor" in teks and "Minta kantor PLJ mengekspor ulang" in teks
    assert not w.save_button.isVisibleTo(w) and not w.skip_button.isVisibleTo(w)
    assert w.next_button.text() == "Lihat laporan" and w.next_button.isEnabled()
    w.next_button.click()
    assert [h.hasil for h in w.laporan.model.rows] == ["Ditolak"]
    assert _hash(pusat) == sebelum


def test_central_imports_a_folder_of_two_packages_then_sends_a_paket_induk(
    qtbot: QtBot, buka: Buka, tmp_path: Path
) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    _ekspor(buka("PLJ"), folder / "plj.xlsx")
    _ekspor(buka("SKU"), folder / "sku.xlsx")
    (folder / "~$plj.xlsx").write_bytes(b"lock")
    pusat = buka("PUSAT")
    page = _page(qtbot, pusat)
    files = paket_di_folder(folder)
    assert [f.name for f in files] == ["plj.xlsx", "sku.xlsx"]
    w = page.open_wizard(files)
    assert w.rencana.judul.text() == "Berkas 1 dari 2: plj.xlsx" and w.next_button.text() == "Impor sekarang"
    w.next_button.click()
    assert w.rencana.judul.text() == "Berkas 2 dari 2: sku.xlsx"
    assert _counts(w, "Pegawai") == ["5", "0", "0", "0", "0", "0"]
    w.next_button.click()
    assert [h.hasil for h in w.laporan.model.rows] == ["Diimpor", "Diimpor"]
    assert w.laporan.judul.text() == "Selesai: 2 dari 2 berkas diimpor."
    with pusat.read() as s:
        assert len(s.scalars(select(Pegawai.id)).all()) == 13
    assert {r.kantor_kode for r in page.model.rows} == {"PLJ", "SKU"}

    panel = page.export_box
    assert panel.jenis_induk.isVisibleTo(page) and panel.kantor.count() == 2
    panel.jenis_induk.setChecked(True)
    panel.kantor.setCurrentIndex(panel.kantor.findData("SKU"))
    panel.export_to(tmp_path / "induk-sku.xlsx")
    assert "Paket induk untuk kantor SKU tersimpan" in panel.hasil_label.text()
    assert page.model.rows[0].arah_label == "Ekspor" and page.model.rows[0].kantor_kode == "SKU"


def test_central_export_box_adds_the_siasn_sheet_only_outside_a_paket_induk(
    qtbot: QtBot, buka: Buka, tmp_path: Path
) -> None:
    from kinerja_desktop.core.exchange.actions import import_file, plan_file

    plj = buka("PLJ")
    di_kantor = _page(qtbot, plj, "operator", "operator123")
    assert not di_kantor.export_box.siasn.isVisibleTo(di_kantor), "offices make no SIASN sheet"
    pusat = buka("PUSAT")
    import_file(pusat, SYSTEM, plan_file(pusat, SYSTEM, _ekspor(plj, tmp_path / "plj.xlsx")))
    page = _page(qtbot, pusat)
    panel = page.export_box
    assert panel.siasn.isVisibleTo(page) and not panel.siasn.isChecked()
    panel.jenis_induk.setChecked(True)
    assert not panel.siasn.isVisibleTo(page)
    panel.jenis_kantor.setChecked(True)
    panel.siasn.setChecked(True)
    panel.tahun.setCurrentIndex(panel.tahun.findData(None))
    panel.export_to(tmp_path / "siasn.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "siasn.xlsx", read_only=True)
    n = len(list(wb["SIASN Kinerja Periodik"].values)) - 1
    wb.close()
    assert n > 0 and f"SIASN: {n} penilaian final" in panel.rincian.text(), panel.rincian.text()


def test_the_wizard_works_with_real_background_tasks_and_its_models_pass_the_tester(
    qtbot: QtBot, buka: Buka, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtmodeltester: object
) -> None:
    monkeypatch.setattr(TaskRunner, "synchronous", False)
    paket = _ekspor(buka("PLJ"), tmp_path / "plj.xlsx")
    page = _page(qtbot, buka("PUSAT"))
    w = page.open_wizard([paket])
    assert w.sibuk and not w.next_button.isEnabled()
    qtbot.waitUntil(lambda: w.stack.currentIndex() == wz.RENCANA and not w.sibuk, timeout=20_000)
    for model in (w.rencana.jumlah, w.rencana.masalah, w.rencana.gabung, w.konflik.model, page.model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    w.next_button.click()
    qtbot.waitUntil(lambda: w.stack.currentIndex() == wz.LAPORAN, timeout=20_000)
    qtmodeltester.check(w.laporan.model)  # type: ignore[attr-defined]
    assert [r.arah_label for r in page.model.rows] == ["Impor"]


def test_the_page_is_in_the_navigation_for_those_who_exchange() -> None:
    from kinerja_desktop.core.services.access import Izin
    from kinerja_desktop.ui.main_window import page_classes

    assert SinkronisasiPage in page_classes() and SinkronisasiPage.izin is Izin.SINKRONISASI
