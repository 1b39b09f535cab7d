"""A year of the demo office through the GUI: drafts, cascade, rejection, approval, four quarters' work."""

from __future__ import annotations

import hashlib
import shutil
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.app import AppController
from kinerja_desktop.core.db.models import AuditLog, BuktiDukung, Indikator, Realisasi, RencanaAksi, Rhk, Skp
from kinerja_desktop.core.model.pegawai import PegawaiRow
from kinerja_desktop.core.model.skp import IndikatorInput, RhkInput, SkpInput
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.rules.nip import format_nip
from kinerja_desktop.core.services import akun, pegawai, skp
from kinerja_desktop.core.services.access import Peran
from kinerja_desktop.core.services.bukti_store import store_for
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.forms import MasalahDialog, TeksDialog
from kinerja_desktop.ui.login import LoginDialog
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.realisasi.grid import KOLOM_REALISASI
from kinerja_desktop.ui.realisasi.page import RealisasiPage
from kinerja_desktop.ui.skp.editor import SkpEditor
from kinerja_desktop.ui.skp.hasil_kerja import KUNCI
from kinerja_desktop.ui.skp.indikator_dialog import IndikatorDialog
from kinerja_desktop.ui.skp.list_dialogs import DrafUnitDialog, HasilDraftDialog
from kinerja_desktop.ui.skp.page import SkpPage
from kinerja_desktop.ui.skp.rhk_dialogs import TANPA_ATASAN, RhkDialog

TAHUN = date.today().year + 1  # the demo office has no SKP yet in the year after its demo year
TRIWULAN = ("TW1", "TW2", "TW3", "TW4")
KASI_USER, KASI_SANDI = "kasi", "kasi12345"
CATATAN_TOLAK = "Target patroli terlalu rendah untuk satu tahun; naikkan menjadi 96 kali."
RHK_KASI = (
    "Terselenggaranya ketenteraman dan ketertiban umum di wilayah kecamatan",
    "Meningkatnya kepatuhan pelaku usaha terhadap peraturan daerah",
)
RHK_STAF = "Terlaksananya patroli ketertiban pelaku usaha sesuai jadwal"
RHK_STAF_TAMBAHAN = "Tersusunnya laporan kegiatan patroli bulanan"
OK = QDialogButtonBox.StandardButton.Ok


# --- answering the modal dialogs ------------------------------------------------------------------
Jawaban = Callable[[Any], None]


class Dialogs:
    """Answers the application's modal dialogs in the order the scenario expects them.

    Every ``exec`` of a dialog or message box comes here: the dialog is shown and the next expected
    answer clicks its real buttons. A dialog nobody expected (an error message, say) is recorded and
    turned down, as is a failed check inside an answer; the next ``periksa`` fails the test with them.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.antre: list[tuple[type[QDialog], Jawaban]] = []
        self.tak_terduga: list[str] = []

        def exec_(dialog: QDialog) -> int:
            return self.jawab(dialog)

        for cls in (QDialog, QMessageBox, QInputDialog):
            monkeypatch.setattr(cls, "exec", exec_)

    def harap(self, cls: type[QDialog], jawaban: Jawaban) -> None:
        self.antre.append((cls, jawaban))

    def jawab(self, dialog: QDialog) -> int:
        if not self.antre or not isinstance(dialog, self.antre[0][0]):
            self.tak_terduga.append(uraian(dialog))
            return 0
        _cls, jawaban = self.antre.pop(0)
        dialog.show()
        try:
            jawaban(dialog)
        except AssertionError:  # raised inside a Qt slot: keep it for ``periksa``
            self.tak_terduga.append(f"{uraian(dialog)}\n{traceback.format_exc()}")
            dialog.hide()
            return 0
        if dialog.isVisible():
            self.tak_terduga.append(f"tetap terbuka setelah dijawab: {uraian(dialog)}")
            dialog.hide()
        return dialog.result()

    def periksa(self) -> None:
        QApplication.processEvents()  # errors shown through a zero timer (realisasi cells)
        assert not self.tak_terduga, "\n".join(self.tak_terduga)
        assert self.antre == [], f"dialog yang ditunggu tidak muncul: {[c.__name__ for c, _ in self.antre]}"


def uraian(dialog: QDialog) -> str:
    if isinstance(dialog, QMessageBox):
        return f"{type(dialog).__name__}: {dialog.text()} {dialog.informativeText()}".strip()
    return f"{type(dialog).__name__}: {dialog.windowTitle()}"


def klik_ok(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(OK).click()


def ya(bagian_teks: str) -> Jawaban:
    def jawab(box: QMessageBox) -> None:
        assert bagian_teks in box.text(), box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    return jawab


def tetap_ajukan(box: MasalahDialog) -> None:
    """The submit check found only warnings (e.g. empty lampiran): submit anyway."""
    items = [box.daftar.item(n).text() for n in range(box.daftar.count())]
    assert items and all(t.startswith("⚠") for t in items), items
    klik_ok(box)


def isi_teks(teks: str) -> Jawaban:
    """A text dialog (TeksDialog, or a QInputDialog): type into its text field and press Simpan."""

    def jawab(dialog: QDialog) -> None:
        paragraf = dialog.findChild(QPlainTextEdit)
        if paragraf is not None and paragraf.isVisible():
            paragraf.setPlainText(teks)
        else:
            line = dialog.findChild(QLineEdit)
            assert line is not None
            line.setText(teks)
        klik_ok(dialog)

    return jawab


def rhk_baru(teks: str, *, tambahan: bool = False, atasan: str | None = None) -> Jawaban:
    def jawab(dialog: RhkDialog) -> None:
        if tambahan:
            dialog.jenis.setCurrentIndex(dialog.jenis.findText("Tambahan"))
        if atasan is not None:
            dialog.atasan.setCurrentIndex(dialog.atasan.findData(atasan))
        dialog.teks.setPlainText(teks)
        klik_ok(dialog)

    return jawab


def indikator_baru(
    teks: str, target: str = "", satuan: str = "", *, target_teks: str = "", aspek: str = "kuantitas"
) -> Jawaban:
    def jawab(dialog: IndikatorDialog) -> None:
        dialog.aspek.setCurrentIndex(dialog.aspek.findData(aspek))
        dialog.teks.setPlainText(teks)
        if target_teks:
            dialog.jenis_target.button(2).click()
            dialog.target_teks.setText(target_teks)
        else:
            dialog.minimum.setText(target)
            dialog.satuan.setText(satuan)
        klik_ok(dialog)

    return jawab


# --- the office, the accounts and the windows -----------------------------------------------------
@dataclass
class Kantor:
    workspace: Workspace
    app: AppController
    kasi: PegawaiRow
    staf: PegawaiRow
    unit_nama: str
    anggota_unit: list[str]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def kantor(
    qtbot: QtBot, tmp_path: Path, demo_office: Callable[[int], Path], sync_tasks: None
) -> Iterator[Kantor]:
    """The 20-pegawai demo in a folder of its own; a kepala seksi gets a pejabat penilai account."""
    shutil.copytree(demo_office(20), tmp_path / "d")
    ws = Workspace.open(AppPaths(tmp_path / "d"))
    admin = ws.login("admin", "admin123")
    with ws.transaction(admin) as session:
        rows = pegawai.list_pegawai(session, admin, termasuk_nonaktif=False)
        kasi = next(p for p in rows if p.jabatan.startswith("Kepala Seksi Ketentraman"))
        staf = min((p for p in rows if p.atasan_id == kasi.id), key=lambda p: p.nama_lengkap)
        akun.create_pengguna(session, admin, KASI_USER, KASI_SANDI, Peran.PENILAI, kasi.nama_lengkap, kasi.id)
        assert not any(r.pegawai_id in (kasi.id, staf.id) for r in skp.list_skp(session, admin, TAHUN))
    anggota = sorted(p.nama_lengkap for p in rows if p.unit_kerja_id == kasi.unit_kerja_id)
    app = AppController(ws)
    app.start()
    assert app.window is not None
    qtbot.addWidget(app.window)
    yield Kantor(ws, app, kasi, staf, kasi.unit_nama, anggota)
    if app.window is not None:
        app.window.close()
    ws.close()


def masuk(kantor: Kantor, username: str, sandi: str) -> MainWindow:
    """Log in through the login dialog, as a user would."""
    dialog = kantor.app.window
    assert isinstance(dialog, LoginDialog)
    dialog.username.setText(username)
    dialog.password.setText(sandi)
    dialog.login_button.click()
    window = kantor.app.window
    assert isinstance(window, MainWindow), dialog.message.text()
    assert window.actor.username == username
    return window


def keluar(window: MainWindow) -> None:
    window.logout()


def halaman_skp(window: MainWindow, tahun: int = TAHUN) -> SkpPage:
    page = window.open_page(SkpPage)
    assert isinstance(page, SkpPage)
    page.tahun.setValue(tahun)
    return page


def klik_baris(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def buka_skp(qtbot: QtBot, page: SkpPage, nama: str) -> SkpEditor:
    """Search the list for ``nama``, click the line and press Buka."""
    page.search.setText(nama)
    assert [r.nama for r in page.model.rows] == [nama]
    klik_baris(qtbot, page.table, page.model.index(0, 0))
    assert page.open_button.isEnabled()
    page.open_button.click()
    assert page.stack.currentWidget() is page.editor and page.editor.detail is not None
    return page.editor


def kembali(page: SkpPage) -> None:
    page.editor.back_button.click()
    assert page.stack.currentIndex() == 0
    page.search.clear()


def klik_kunci(qtbot: QtBot, editor: SkpEditor, jenis: str, item_id: str) -> None:
    """Click the line of an RHK or an indicator in the Hasil Kerja tree."""
    tab = editor.hasil_kerja
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    (found,) = tab.model.match(tab.model.index(0, 0), KUNCI, f"{jenis}:{item_id}", 1, flags)
    klik_baris(qtbot, tab.tree, found)
    assert tab.selected() == (jenis, item_id)


def ajukan(editor: SkpEditor, dialogs: Dialogs) -> None:
    dialogs.harap(MasalahDialog, tetap_ajukan)
    editor.submit_button.click()
    dialogs.periksa()
    assert editor.detail is not None and editor.detail.status == "diajukan"
    assert editor.message.text() == "SKP sudah diajukan kepada pejabat penilai."


def setujui(editor: SkpEditor, dialogs: Dialogs) -> None:
    assert editor.approve_button.isVisible() and editor.reject_button.isVisible()
    dialogs.harap(QMessageBox, ya("Setujui SKP"))
    editor.approve_button.click()
    dialogs.periksa()
    assert editor.detail is not None and editor.detail.status == "disetujui"
    assert editor.alasan.text() == "SKP sudah disetujui; buat revisi untuk mengubah."


# --- the steps of the year ------------------------------------------------------------------------
def operator_membuat_draf_unit(qtbot: QtBot, kantor: Kantor, dialogs: Dialogs) -> None:
    window = masuk(kantor, "operator", "operator123")
    page = halaman_skp(window)
    page.unit.setCurrentIndex(page.unit.findText(kantor.unit_nama, Qt.MatchFlag.MatchContains))
    assert sorted(r.nama for r in page.model.rows) == kantor.anggota_unit
    assert {r.status_label for r in page.model.rows} == {"Belum ada SKP"}
    hasil: list[list[str]] = []

    def draf_unit(dialog: DrafUnitDialog) -> None:
        assert dialog.unit.currentData() == kantor.kasi.unit_kerja_id
        assert dialog.sub_unit.isChecked() and not dialog.copy_check.isChecked()
        klik_ok(dialog)

    def hasil_draf(dialog: HasilDraftDialog) -> None:
        hasil.append([dialog.dibuat.item(n).text() for n in range(dialog.dibuat.count())])
        assert dialog.dilewati.count() == 0
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()

    dialogs.harap(DrafUnitDialog, draf_unit)
    dialogs.harap(HasilDraftDialog, hasil_draf)
    page.unit_drafts_button.click()
    dialogs.periksa()
    assert hasil == [kantor.anggota_unit]
    assert page.message.text() == f"{len(kantor.anggota_unit)} draf SKP dibuat, 0 pegawai dilewati."
    assert {r.status_label for r in page.model.rows} == {"Draf"}
    page.unit.setCurrentIndex(0)

    editor = buka_skp(qtbot, page, kantor.kasi.nama_lengkap)
    for teks, target in zip(RHK_KASI, ("24", "80"), strict=True):

        def tanpa_pilihan_atasan(dialog: RhkDialog, teks: str = teks) -> None:
            assert [dialog.atasan.itemText(n) for n in range(dialog.atasan.count())] == [TANPA_ATASAN]
            assert "belum memiliki SKP tahun" in dialog.pesan.text()
            rhk_baru(teks)(dialog)

        dialogs.harap(RhkDialog, tanpa_pilihan_atasan)
        editor.hasil_kerja.add_rhk_button.click()
        satuan = "kegiatan" if target == "24" else "%"
        dialogs.harap(IndikatorDialog, indikator_baru(f"Capaian: {teks[:40]}", target, satuan))
        editor.hasil_kerja.add_indikator_button.click()  # the new RHK is the selected line
        dialogs.periksa()
    assert editor.detail is not None
    assert [(r.teks, len(r.indikator)) for r in editor.detail.rhk_utama] == [(t, 1) for t in RHK_KASI]
    ajukan(editor, dialogs)
    kembali(page)
    keluar(window)


def camat_menyetujui_kasi(qtbot: QtBot, kantor: Kantor, dialogs: Dialogs) -> None:
    window = masuk(kantor, "penilai", "penilai123")
    page = halaman_skp(window)
    assert page.bawahan.isChecked()
    editor = buka_skp(qtbot, page, kantor.kasi.nama_lengkap)
    assert editor.alasan.text().startswith("SKP ini diajukan kepada Anda")
    setujui(editor, dialogs)
    kembali(page)
    keluar(window)


def operator_menyusun_skp_staf(qtbot: QtBot, kantor: Kantor, dialogs: Dialogs, rhk_kasi: list[str]) -> None:
    window = masuk(kantor, "operator", "operator123")
    page = halaman_skp(window)
    editor = buka_skp(qtbot, page, kantor.staf.nama_lengkap)

    def kaskade(dialog: RhkDialog) -> None:
        ditawarkan = [dialog.atasan.itemData(n) for n in range(dialog.atasan.count())]
        assert ditawarkan == [None, *rhk_kasi]
        dialog.teks.setPlainText(RHK_STAF)
        klik_ok(dialog)  # an RHK utama without the superior's RHK is refused
        assert dialog.isVisible() and "wajib" in dialog.atasan_note.text()
        dialog.atasan.setCurrentIndex(dialog.atasan.findData(rhk_kasi[1]))
        assert dialog.teks.text() == RHK_STAF  # typed text is not replaced by the superior's
        klik_ok(dialog)

    dialogs.harap(RhkDialog, kaskade)
    editor.hasil_kerja.add_rhk_button.click()
    dialogs.harap(IndikatorDialog, indikator_baru("Jumlah patroli ketertiban pelaku usaha", "48", "kali"))
    editor.hasil_kerja.add_indikator_button.click()
    dialogs.periksa()
    assert editor.detail is not None
    utama = editor.detail.rhk_utama[0]
    klik_kunci(qtbot, editor, "rhk", utama.id)
    dialogs.harap(
        IndikatorDialog,
        indikator_baru(
            "Patroli dilaksanakan sesuai prosedur", target_teks="Sesuai SOP patroli", aspek="kualitas"
        ),
    )
    editor.hasil_kerja.add_indikator_button.click()
    dialogs.harap(RhkDialog, rhk_baru(RHK_STAF_TAMBAHAN, tambahan=True))
    editor.hasil_kerja.add_rhk_button.click()
    dialogs.harap(IndikatorDialog, indikator_baru("Jumlah laporan patroli", "12", "laporan"))
    editor.hasil_kerja.add_indikator_button.click()
    dialogs.periksa()

    d = editor.detail
    assert [(r.teks, r.rhk_atasan_id) for r in d.rhk_utama] == [(RHK_STAF, rhk_kasi[1])]
    assert d.rhk_utama[0].rhk_atasan_teks == RHK_KASI[1]
    assert [i.target for i in d.rhk_utama[0].indikator] == ["48 kali", "Sesuai SOP patroli"]
    assert [(r.teks, r.rhk_atasan_id) for r in d.rhk_tambahan] == [(RHK_STAF_TAMBAHAN, None)]
    tree = editor.hasil_kerja.model
    assert tree.index(0, 1, tree.index(0, 0)).data() == RHK_KASI[1]  # the cascade column of A.1
    ajukan(editor, dialogs)
    kembali(page)
    keluar(window)


def kasi_menolak(qtbot: QtBot, kantor: Kantor, dialogs: Dialogs) -> None:
    window = masuk(kantor, KASI_USER, KASI_SANDI)
    page = halaman_skp(window)
    assert page.bawahan.isChecked()
    bawahan = {r.nama for r in page.model.rows}
    assert {kantor.kasi.nama_lengkap, kantor.staf.nama_lengkap} <= bawahan
    assert bawahan <= set(kantor.anggota_unit)
    editor = buka_skp(qtbot, page, kantor.staf.nama_lengkap)

    def catatan(dialog: TeksDialog) -> None:
        klik_ok(dialog)  # an empty note is refused
        assert dialog.isVisible() and dialog.note.isVisible()
        dialog.teks.setPlainText(CATATAN_TOLAK)
        klik_ok(dialog)

    dialogs.harap(TeksDialog, catatan)
    editor.reject_button.click()
    dialogs.periksa()
    assert editor.detail is not None and editor.detail.status == "ditolak"
    assert editor.message.text() == "SKP sudah ditolak dengan catatan."
    kembali(page)
    keluar(window)


def operator_memperbaiki(qtbot: QtBot, kantor: Kantor, dialogs: Dialogs) -> None:
    window = masuk(kantor, "operator", "operator123")
    page = halaman_skp(window)
    page.search.setText(kantor.staf.nama_lengkap)
    assert [r.status_label for r in page.model.rows] == ["Ditolak"]
    editor = buka_skp(qtbot, page, kantor.staf.nama_lengkap)
    assert editor.header.catatan.isVisible()
    assert editor.header.catatan.text() == f"Catatan penolakan: {CATATAN_TOLAK}"
    assert not editor.alasan.isVisible() and editor.submit_button.isVisible()

    assert editor.detail is not None
    patroli = editor.detail.rhk_utama[0].indikator[0]
    klik_kunci(qtbot, editor, "indikator", patroli.id)
    assert editor.hasil_kerja.edit_button.text() == "Ubah indikator…"

    def naikkan(dialog: IndikatorDialog) -> None:
        assert dialog.minimum.text() == "48" and dialog.satuan.text() == "kali"
        dialog.minimum.setText("96")
        klik_ok(dialog)

    dialogs.harap(IndikatorDialog, naikkan)
    editor.hasil_kerja.edit_button.click()
    dialogs.periksa()
    assert editor.detail.rhk_utama[0].indikator[0].target == "96 kali"
    ajukan(editor, dialogs)
    assert not editor.header.catatan.isVisible()
    kembali(page)
    keluar(window)


def kasi_menyetujui(qtbot: QtBot, kantor: Kantor, dialogs: Dialogs) -> None:
    window = masuk(kantor, KASI_USER, KASI_SANDI)
    page = halaman_skp(window)
    editor = buka_skp(qtbot, page, kantor.staf.nama_lengkap)
    setujui(editor, dialogs)
    kembali(page)
    keluar(window)


def isi_sel(qtbot: QtBot, page: RealisasiPage, row: int, teks: str) -> None:
    """Double-click a realisasi cell, type the value and press Enter."""
    index = page.model.index(row, KOLOM_REALISASI)
    page.table.scrollTo(index)
    pos = page.table.visualRect(index).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    editor = page.table.indexWidget(index)
    assert isinstance(editor, QLineEdit), "sel realisasi tidak bisa disunting"
    editor.selectAll()
    qtbot.keyClicks(editor, teks)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.indexWidget(index) is None)  # saved and closed (a queued call)


def operator_mengisi_realisasi(
    qtbot: QtBot, kantor: Kantor, dialogs: Dialogs, berkas: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = masuk(kantor, "operator", "operator123")
    page = window.open_page(RealisasiPage)
    assert isinstance(page, RealisasiPage)
    page.bar.tahun.setValue(TAHUN)
    page.picker.line.setFocus()
    qtbot.keyClicks(page.picker.line, format_nip(kantor.staf.nip))
    popup = page.picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1  # the one suggestion: click it
    klik_baris(qtbot, popup, popup.model().index(0, 0))
    assert page.picker.value() == kantor.staf.id
    for n, kode in enumerate(TRIWULAN, 1):
        page.bar.periode.setCurrentIndex(page.bar.periode.findData(kode))
        assert page.stack.currentIndex() == 0 and page.model.editable, page.alasan.text()
        assert page.grid is not None and page.grid.periode == kode
        baris = page.model.rows
        assert len(baris) == 3 and all(b.indikator_id for b in baris)
        assert [b.target for b in baris] == ["96 kali", "Sesuai SOP patroli", "12 laporan"]
        for row, teks in enumerate((f"{24 * n}", f"Sesuai SOP, triwulan {n}", f"{3 * n}")):
            isi_sel(qtbot, page, row, teks)
        dialogs.periksa()
        tampil = [page.model.index(row, KOLOM_REALISASI).data() for row in range(3)]
        assert tampil == [f"{24 * n} kali", f"Sesuai SOP, triwulan {n}", f"{3 * n} laporan"]

        for rhk_id in dict.fromkeys(b.rhk_id for b in baris):
            klik_baris(qtbot, page.table, page.model.index(page.model.rhk_rows(rhk_id)[0], 0))
            assert page.aksi.sasaran is not None and page.aksi.sasaran.rhk_id == rhk_id
            dialogs.harap(TeksDialog, isi_teks(f"Rencana aksi {kode}: jadwal dan rute patroli"))
            page.aksi.add_button.click()
            dialogs.periksa()
            assert [r.teks for r in page.aksi.model.rows] == [f"Rencana aksi {kode}: jadwal dan rute patroli"]

        klik_baris(qtbot, page.table, page.model.index(0, 0))  # the RHK utama
        dialogs.harap(TeksDialog, isi_teks(f"Daftar hadir apel patroli {kode}"))
        page.bukti.catatan.click()
        dialogs.harap(TeksDialog, isi_teks(f"https://drive.example.go.id/patroli/{kode.lower()}"))
        page.bukti.tautan.click()
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, f=berkas[kode], **k: (str(f), ""))
        page.bukti.berkas.click()
        dialogs.periksa()
        isi = [page.bukti.model.index(r, 1).data() for r in range(page.bukti.model.rowCount())]
        assert len(isi) == 3 and isi[0] == f"Daftar hadir apel patroli {kode}"
        assert isi[2].startswith(berkas[kode].name)
        assert page.bukti.model.index(2, 2).data() == "tersimpan"
        assert page.bukti.title() == f"Bukti dukung {page.grid.periode_label} (3)"
    keluar(window)


# --- the tests --------------------------------------------------------------------------------------
# The pegawai picker's suggestion list is a popup; the offscreen platform cannot raise it or grab keys.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_setahun_penuh_dari_gui(
    qtbot: QtBot, kantor: Kantor, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    berkas: dict[str, Path] = {}
    for kode in TRIWULAN:
        berkas[kode] = tmp_path / f"laporan patroli {kode}.pdf"
        berkas[kode].write_bytes(f"%PDF-1.4 laporan patroli {kode}".encode())

    operator_membuat_draf_unit(qtbot, kantor, dialogs)
    camat_menyetujui_kasi(qtbot, kantor, dialogs)
    with kantor.workspace.read() as s:
        skp_kasi = s.scalars(select(Skp).where(Skp.pegawai_id == kantor.kasi.id, Skp.tahun == TAHUN)).one()
        rhk_kasi = list(s.scalars(select(Rhk.id).where(Rhk.skp_id == skp_kasi.id).order_by(Rhk.urutan)))
    operator_menyusun_skp_staf(qtbot, kantor, dialogs, rhk_kasi)
    kasi_menolak(qtbot, kantor, dialogs)
    operator_memperbaiki(qtbot, kantor, dialogs)
    kasi_menyetujui(qtbot, kantor, dialogs)
    operator_mengisi_realisasi(qtbot, kantor, dialogs, berkas, monkeypatch)

    with kantor.workspace.read() as s:
        staf_rhk = periksa_status_dan_kaskade(s, kantor, rhk_kasi)
        periksa_realisasi(s, staf_rhk)
        periksa_bukti(s, kantor.workspace.paths.evidence, staf_rhk[RHK_STAF], berkas)


# --- what the database holds afterwards -------------------------------------------------------------
def status_tercatat(s: Session, skp_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(who, status, all that changed) for every audit entry that set the status of an SKP."""
    rows = s.scalars(
        select(AuditLog).where(AuditLog.tabel == "skp", AuditLog.baris_id == skp_id).order_by(AuditLog.id)
    )
    return [(a.username, a.sesudah["status"], a.sesudah) for a in rows if a.sesudah and "status" in a.sesudah]


def periksa_status_dan_kaskade(s: Session, kantor: Kantor, rhk_kasi: list[str]) -> dict[str, Rhk]:
    """Both SKPs approved by the right account, the rejection note kept in the audit log, the link."""
    semua = list(s.scalars(select(Skp).where(Skp.tahun == TAHUN, Skp.dihapus_pada.is_(None))))
    kasi = next(x for x in semua if x.pegawai_id == kantor.kasi.id)
    staf = next(x for x in semua if x.pegawai_id == kantor.staf.id)
    assert (kasi.status, kasi.versi, kasi.pejabat_penilai_id) == ("disetujui", 1, kantor.kasi.atasan_id)
    assert (staf.status, staf.versi, staf.pejabat_penilai_id) == ("disetujui", 1, kantor.kasi.id)
    assert staf.catatan_penolakan == ""  # cleared on approval; the audit log keeps it
    assert {x.status for x in semua if x.id not in (kasi.id, staf.id)} == {"draft"}  # the rest of the unit

    assert [(u, st) for u, st, _ in status_tercatat(s, kasi.id)] == [
        ("operator", "draft"),
        ("operator", "diajukan"),
        ("penilai", "disetujui"),
    ]
    jejak = status_tercatat(s, staf.id)
    assert [(u, st) for u, st, _ in jejak] == [
        ("operator", "draft"),
        ("operator", "diajukan"),
        (KASI_USER, "ditolak"),
        ("operator", "diajukan"),
        (KASI_USER, "disetujui"),
    ]
    assert jejak[2][2]["catatan_penolakan"] == CATATAN_TOLAK

    rhk = {r.teks: r for r in s.scalars(select(Rhk).where(Rhk.skp_id == staf.id, Rhk.dihapus_pada.is_(None)))}
    assert set(rhk) == {RHK_STAF, RHK_STAF_TAMBAHAN}
    atasan = s.get(Rhk, rhk[RHK_STAF].rhk_atasan_id)
    assert atasan is not None and atasan.id == rhk_kasi[1] and atasan.skp_id == kasi.id
    assert atasan.teks == RHK_KASI[1]
    assert rhk[RHK_STAF_TAMBAHAN].rhk_atasan_id is None
    return rhk


def periksa_realisasi(s: Session, rhk: dict[str, Rhk]) -> None:
    """Every indicator has a realisasi in each quarter; every RHK a rencana aksi in each quarter."""
    rhk_ids = [r.id for r in rhk.values()]
    indikator = list(s.scalars(select(Indikator).where(Indikator.rhk_id.in_(rhk_ids))))
    assert len(indikator) == 3
    realisasi = s.scalars(
        select(Realisasi).where(
            Realisasi.indikator_id.in_([i.id for i in indikator]), Realisasi.dihapus_pada.is_(None)
        )
    )
    tercatat = {(r.indikator_id, r.periode): (r.nilai, r.teks) for r in realisasi}
    assert sorted(tercatat) == sorted((i.id, kode) for i in indikator for kode in TRIWULAN)
    patroli = next(i for i in indikator if i.satuan == "kali")
    laporan = next(i for i in indikator if i.satuan == "laporan")
    mutu = next(i for i in indikator if i.target_teks)
    assert patroli.target_min == Decimal(96)  # the fix after the rejection
    for n, kode in enumerate(TRIWULAN, 1):
        assert tercatat[patroli.id, kode] == (Decimal(24 * n), "")
        assert tercatat[laporan.id, kode] == (Decimal(3 * n), "")
        assert tercatat[mutu.id, kode] == (None, f"Sesuai SOP, triwulan {n}")

    aksi = s.scalars(select(RencanaAksi).where(RencanaAksi.rhk_id.in_(rhk_ids)))
    assert sorted((a.rhk_id, a.periode, a.teks) for a in aksi) == sorted(
        (r, kode, f"Rencana aksi {kode}: jadwal dan rute patroli") for r in rhk_ids for kode in TRIWULAN
    )


def periksa_bukti(s: Session, evidence: Path, rhk: Rhk, berkas: dict[str, Path]) -> None:
    """A note, a link and a file per quarter; each file stored under its content hash (in the data
    folder, or on a server database)."""
    bukti = list(s.scalars(select(BuktiDukung).where(BuktiDukung.rhk_id == rhk.id)))
    assert sorted((b.periode, b.jenis) for b in bukti) == sorted(
        (kode, jenis) for kode in TRIWULAN for jenis in ("catatan", "tautan", "berkas")
    )
    for b in bukti:
        if b.jenis == "tautan":
            assert b.tautan == f"https://drive.example.go.id/patroli/{b.periode.lower()}"
        if b.jenis == "berkas":
            asli = berkas[b.periode]
            assert b.nama_berkas == asli.name
            assert b.sha256 == hashlib.sha256(asli.read_bytes()).hexdigest()
            assert b"".join(store_for(s, evidence).open(s, b.sha256)) == asli.read_bytes()


def test_salin_skp_tahun_lalu_dari_gui(qtbot: QtBot, kantor: Kantor, dialogs: Dialogs) -> None:
    """An approved SKP of one year (set up through the services) is copied into the next from the GUI."""
    ws, staf = kantor.workspace, kantor.staf
    admin = ws.login("admin", "admin123")
    rencana = {
        "utama": ("Terlaksananya patroli ketertiban", [("Jumlah patroli", Decimal(48), "kali", "")]),
        "tambahan": ("Tersusunnya laporan patroli", [("Laporan patroli", None, "", "Tepat waktu")]),
    }
    with ws.transaction(admin) as s:
        skp_id = skp.create_skp(s, admin, staf.id, TAHUN, SkpInput.setahun(TAHUN))
        for jenis, (teks, indikator) in rencana.items():
            rhk_id = skp.add_rhk(s, admin, skp_id, RhkInput(teks, jenis))
            for iki, target, satuan, target_teks in indikator:
                skp.add_indikator(
                    s, admin, rhk_id, IndikatorInput(iki, "kuantitas", target, None, satuan, target_teks)
                )
        skp.submit_skp(s, admin, skp_id)
        skp.approve_skp(s, admin, skp_id)

    window = masuk(kantor, "operator", "operator123")
    page = halaman_skp(window, TAHUN + 1)
    page.search.setText(staf.nama_lengkap)
    assert [r.status_label for r in page.model.rows] == ["Belum ada SKP"]
    klik_baris(qtbot, page.table, page.model.index(0, 0))
    assert page.copy_button.isEnabled()
    dialogs.harap(QMessageBox, ya(f"Buat SKP {TAHUN + 1} {staf.nama_lengkap} dengan menyalin"))
    page.copy_button.click()
    dialogs.periksa()

    assert page.stack.currentWidget() is page.editor
    d = page.editor.detail
    assert d is not None and (d.tahun, d.status, d.versi, d.pegawai.id) == (TAHUN + 1, "draft", 1, staf.id)
    assert d.id != skp_id
    assert f"disalin dari SKP {TAHUN}" in page.editor.message.text()
    salinan = {
        r.jenis: (r.teks, [(i.teks, i.target) for i in r.indikator]) for r in d.rhk_utama + d.rhk_tambahan
    }
    assert salinan == {
        "utama": ("Terlaksananya patroli ketertiban", [("Jumlah patroli", "48 kali")]),
        "tambahan": ("Tersusunnya laporan patroli", [("Laporan patroli", "Tepat waktu")]),
    }
    model = page.editor.hasil_kerja.model
    assert model.index(0, 2, model.index(0, 0)).data() == "Terlaksananya patroli ketertiban"
    kembali(page)
    page.search.setText(staf.nama_lengkap)
    assert [(r.status_label, r.jumlah_rhk) for r in page.model.rows] == [("Draf", 2)]
    with ws.read() as s:
        asli = s.get(Skp, skp_id)
        assert asli is not None and asli.status == "disetujui"
    keluar(window)
