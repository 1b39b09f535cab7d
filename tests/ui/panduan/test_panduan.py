"""The Panduan: every page has its chapter, F1 opens it, links and pictures resolve, search finds words."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

import kinerja_desktop.ui as ui_package
from kinerja_desktop.core.services.access import Peran
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common import screen
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.main_window import MainWindow, page_classes
from kinerja_desktop.ui.panduan import isi
from kinerja_desktop.ui.panduan.window import PanduanWindow

PERAN_BAB = {"administrator", "operator", "penilai", "pimpinan"}
LANGKAH_BAB = {"skp", "realisasi", "penilaian", "cetak", "pertukaran", "cadangan"}


def _nama_bab() -> set[str]:
    return {bab.nama for bab in isi.daftar_bab()}


def test_a_chapter_per_role_and_per_yearly_step() -> None:
    nama = _nama_bab()
    assert PERAN_BAB | LANGKAH_BAB | {isi.BAB_AWAL} <= nama
    assert len(Peran) == len(PERAN_BAB)


@pytest.mark.parametrize("cls", [Page, *page_classes()], ids=lambda c: c.__name__)
def test_every_page_names_a_chapter_that_exists(cls: type[Page]) -> None:
    assert cls.bab_panduan in _nama_bab()


@pytest.mark.parametrize("bab", isi.daftar_bab(), ids=lambda b: b.nama)
def test_every_link_and_picture_of_a_chapter_resolves(bab: isi.Bab) -> None:
    tautan = isi.tautan(bab.teks())
    assert tautan, "a chapter without any link or picture leaves the reader stuck"
    for gambar, target in tautan:
        if target.startswith(("http://", "https://")):
            continue
        assert "#" not in target, f"{bab.nama}: {target}: a chapter is opened whole, not at a heading"
        path = bab.path.parent / target
        assert path.is_file(), f"{bab.nama}: {target} does not exist"
        if gambar:
            assert not QImage(str(path)).isNull(), f"{bab.nama}: {target} is not a picture"
        else:
            assert isi.bab_dari_berkas(target) in _nama_bab(), f"{bab.nama}: {target} is not a chapter"


def test_the_pictures_are_small_and_all_used() -> None:
    folder = isi.folder() / "gambar"
    pictures = sorted(folder.glob("*.png"))
    used = {Path(t).name for bab in isi.daftar_bab() for is_img, t in isi.tautan(bab.teks()) if is_img}
    assert pictures and {p.name for p in pictures} == used
    assert all(p.stat().st_size < 100 * 1024 for p in pictures), [p.name for p in pictures]
    assert sum(p.stat().st_size for p in pictures) < 1.5 * 1024 * 1024


def test_the_guide_is_found_inside_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(isi.folder(), tmp_path / "resources" / "panduan")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert isi.folder() == tmp_path / "resources" / "panduan"
    assert [b.nama for b in isi.daftar_bab()] == [
        b.nama for b in isi.daftar_bab(tmp_path / "resources" / "panduan")
    ]
    assert all(b.path.is_relative_to(tmp_path) for b in isi.daftar_bab())


def test_the_build_bundles_the_resources_folder() -> None:
    spec = (Path(__file__).resolve().parents[3] / "build.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace) -> MainWindow:
    win = MainWindow(demo_ws, demo_ws.login("admin", "admin123"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _panduan(win: MainWindow) -> PanduanWindow:
    found = win.findChild(PanduanWindow)
    assert isinstance(found, PanduanWindow)
    return found


def test_f1_opens_the_chapter_of_the_page_in_view(qtbot: QtBot, window: MainWindow) -> None:
    for cls in page_classes():
        page = window.open_page(cls)
        assert page is not None
        window.activateWindow()
        qtbot.keyClick(page, Qt.Key.Key_F1)
        guide = _panduan(window)
        assert guide.isVisible() and not guide.isModal()
        assert guide.nama_sekarang == cls.bab_panduan, cls.__name__
        judul = guide.bab(cls.bab_panduan)
        assert judul is not None and judul.judul in guide.halaman.toPlainText()
        assert guide.daftar.currentItem().text() == judul.judul
    assert len(window.findChildren(PanduanWindow)) == 1  # one window, brought forward each time
    window._logging_out = True
    window.close()


def test_the_help_menu_names_the_guide_with_f1(window: MainWindow) -> None:
    bantuan = next(a.menu() for a in window.menuBar().actions() if a.text() == "Ba&ntuan")
    panduan = next(a for a in bantuan.actions() if a.text() == "&Panduan")
    assert panduan.shortcut().toString() == "F1"
    window._logging_out = True
    window.close()


@pytest.fixture
def guide(qtbot: QtBot) -> PanduanWindow:
    win = PanduanWindow()
    qtbot.addWidget(win)
    win.buka(isi.BAB_AWAL)
    win.show()
    return win


def test_an_internal_link_opens_its_chapter_and_kembali_returns(guide: PanduanWindow) -> None:
    guide.halaman.anchorClicked.emit(QUrl("07-skp.md"))
    assert guide.nama_sekarang == "skp"
    assert "SKP di bulan Januari" in guide.halaman.toPlainText()
    assert guide.kembali.isEnabled()
    guide.kembali.click()
    assert guide.nama_sekarang == isi.BAB_AWAL
    assert not guide.kembali.isEnabled()


def test_the_chapter_list_opens_a_chapter(guide: PanduanWindow) -> None:
    row = [b.nama for b in guide.semua].index("cadangan")
    guide.daftar.setCurrentRow(row)
    assert guide.nama_sekarang == "cadangan"
    assert "Cadangan dan pemulihan" in guide.halaman.toPlainText()


def test_pictures_show_and_fit_the_reading_pane(guide: PanduanWindow) -> None:
    guide.buka("penilaian")
    image = guide.halaman.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("gambar/penilaian-kinerja.png")
    )
    assert isinstance(image, QImage) and not image.isNull()
    assert image.width() <= max(480, guide.halaman.viewport().width())


def test_search_keeps_the_chapters_that_have_the_word_and_enter_walks_through(
    qtbot: QtBot, guide: PanduanWindow
) -> None:
    guide.cari.setText("flash disk")
    tampil = [guide.semua[r].nama for r in range(guide.daftar.count()) if not guide.daftar.item(r).isHidden()]
    assert "cadangan" in tampil and "penilaian" not in tampil
    assert guide.nama_sekarang in tampil
    assert "temuan" in guide.jumlah.text()
    assert guide.halaman.extraSelections()
    first = guide.nama_sekarang
    for _ in range(40):  # Enter moves from hit to hit, then to the next chapter with hits
        qtbot.keyClick(guide.cari, Qt.Key.Key_Return)
        if guide.nama_sekarang != first:
            break
    assert guide.nama_sekarang != first and guide.nama_sekarang in tampil
    guide.cari.setText("kata-yang-tidak-ada")
    assert "Tidak ditemukan" in guide.jumlah.text()
    guide.cari.clear()
    assert all(not guide.daftar.item(r).isHidden() for r in range(guide.daftar.count()))


def test_the_guide_fits_an_office_screen(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen, "free_area", lambda _widget: QRect(0, 0, 1366, 728))
    win = PanduanWindow()
    qtbot.addWidget(win)
    assert screen.fits(win)


def test_every_button_the_guide_names_with_an_ellipsis_exists_in_the_screens() -> None:
    """A bold label ending in "…" is a button or menu item (they open a dialog): the screens must have it."""
    source = " ".join(p.read_text(encoding="utf-8") for p in Path(ui_package.__file__).parent.rglob("*.py"))
    source = source.replace("&&", "\0").replace("&", "").replace("\0", "&")  # "&Simpan" reads "Simpan"
    checked = 0
    for bab in isi.daftar_bab():
        for term in re.findall(r"\*\*([^*]+)\*\*", bab.teks()):
            label = " ".join(term.split())
            if label.endswith("…") and "…" not in label[:-1]:
                assert f'{label}"' in source, f"{bab.nama}: {label}"
                checked += 1
    assert checked > 30
