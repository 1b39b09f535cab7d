"""The Pengaturan Kantor page: saving changes the database, logo, and the unsaved-change guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.kantor import page as kantor_page
from kinerja_desktop.ui.kantor.page import KantorPage


@pytest.fixture
def ctx(workspace: Workspace, admin: Actor, sync_tasks: None) -> UiContext:
    return UiContext(workspace, admin, TaskRunner(None))


@pytest.fixture
def page(qtbot, ctx: UiContext) -> KantorPage:
    widget = KantorPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def _info(ctx: UiContext) -> kantor.KantorInfo:
    with ctx.workspace.read() as s:
        return kantor.get_kantor(s)


def _png(path: Path) -> Path:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    path.write_bytes(bytes(data.data()))
    return path


def test_form_shows_the_office(page: KantorPage) -> None:
    assert page.nama.text() == "Kecamatan Plaju"
    assert page.kode.text() == "PLJ" and page.kode.isReadOnly()
    assert page.kertas.currentData() == "F4" and page.ritme.currentData() == "triwulan"
    assert not page.is_dirty()
    assert not page.save_button.isEnabled()
    assert page.can_leave()


def test_save_changes_the_database(page: KantorPage, ctx: UiContext) -> None:
    page.instansi.setText("Pemerintah Kota Palembang")
    page.alamat.setPlainText("Jl. Kapten Robani Kadir\nPlaju")
    page.kertas.setCurrentIndex(page.kertas.findData("A4"))
    page.ritme.setCurrentIndex(page.ritme.findData("bulanan"))
    assert page.is_dirty() and page.save_button.isEnabled()

    page.save_button.click()
    info = _info(ctx)
    assert info.instansi == "Pemerintah Kota Palembang"
    assert info.alamat == "Jl. Kapten Robani Kadir\nPlaju"
    assert (info.kertas, info.ritme, info.kode) == ("A4", "bulanan", "PLJ")
    assert page.message.text().startswith("Tersimpan")
    assert not page.is_dirty()


def test_empty_name_is_refused_inline(page: KantorPage, ctx: UiContext) -> None:
    page.nama.setText("  ")
    page.save_button.click()
    assert "Nama kantor wajib diisi" in page.message.text()
    assert _info(ctx).nama == "Kecamatan Plaju"
    assert page.is_dirty()


def test_logo_can_be_set_and_removed(page: KantorPage, ctx: UiContext, tmp_path: Path) -> None:
    page.set_logo_file(_png(tmp_path / "logo.png"))
    assert page.logo_preview.pixmap() is not None and not page.logo_preview.pixmap().isNull()
    assert page.remove_logo_button.isEnabled()
    page.save_button.click()
    assert _info(ctx).punya_logo

    page.remove_logo_button.click()
    page.save_button.click()
    assert not _info(ctx).punya_logo
    assert page.logo_preview.text() == "tanpa logo"


def test_not_a_picture_is_refused(page: KantorPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(kantor_page, "show_error", lambda _parent, text: shown.append(str(text)))
    bogus = tmp_path / "logo.png"
    bogus.write_text("bukan gambar")
    page.set_logo_file(bogus)
    assert shown and "bukan gambar" in shown[0]
    assert page.logo is None and not page.is_dirty()


@pytest.mark.parametrize(
    ("answer", "leaves", "saved_name"),
    [
        (QMessageBox.StandardButton.Save, True, "Kecamatan Plaju Baru"),
        (QMessageBox.StandardButton.Discard, True, "Kecamatan Plaju"),
        (QMessageBox.StandardButton.Cancel, False, "Kecamatan Plaju"),
    ],
)
def test_guard_asks_when_leaving_with_changes(
    page: KantorPage,
    ctx: UiContext,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    leaves: bool,
    saved_name: str,
) -> None:
    asked: list[str] = []

    def fake_ask(_parent: object, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(kantor_page, "ask_save_discard", fake_ask)
    assert page.can_leave() and not asked  # nothing changed: no question

    page.nama.setText("Kecamatan Plaju Baru")
    assert page.can_leave() is leaves
    assert len(asked) == 1
    assert _info(ctx).nama == saved_name
    expected_form = (
        "Kecamatan Plaju Baru" if answer != QMessageBox.StandardButton.Discard else "Kecamatan Plaju"
    )
    assert page.nama.text() == expected_form
