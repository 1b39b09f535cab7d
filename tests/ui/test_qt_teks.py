"""Qt's own texts a user meets are Indonesian: the text fields' menu, dialog buttons, the file dialog."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from kinerja_desktop.core.paths import resources_dir
from kinerja_desktop.ui import qt_teks

TS = resources_dir() / "translations" / "qt_id.ts"


@pytest.fixture
def indonesia(qapp: QApplication) -> Iterator[None]:
    assert qt_teks.install(qapp)
    yield
    qt_teks.uninstall(qapp)


def _menu_texts(widget: QLineEdit | QPlainTextEdit) -> list[str]:
    menu = widget.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return texts


def test_the_right_click_menu_of_text_fields(qtbot: QtBot, indonesia: None) -> None:
    line, text = QLineEdit("isi"), QPlainTextEdit("isi")
    for widget in (line, text):
        qtbot.addWidget(widget)
        texts = _menu_texts(widget)
        for indonesian in ("&Urungkan", "&Ulangi", "Po&tong", "&Salin", "T&empel", "Hapus", "Pilih Semua"):
            assert indonesian in texts, (type(widget).__name__, texts)


def test_standard_dialog_buttons(qtbot: QtBot, indonesia: None) -> None:
    std = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(std.Ok | std.Cancel | std.Yes | std.No | std.Close | std.Save)
    qtbot.addWidget(box)
    texts = {b: box.button(b).text() for b in (std.Cancel, std.Yes, std.No, std.Close, std.Save)}
    assert texts == {
        std.Cancel: "Batal",
        std.Yes: "&Ya",
        std.No: "&Tidak",
        std.Close: "Tutup",
        std.Save: "Simpan",
    }


def test_the_qt_file_dialog(qtbot: QtBot, indonesia: None, tmp_path: Path) -> None:
    dialog = QFileDialog(None, "Pilih berkas", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {w.text() for w in dialog.findChildren(QLabel)} | {
        b.text() for b in dialog.findChildren(QPushButton)
    }
    assert {"&Cari di:", "&Nama berkas:", "&Jenis berkas:", "Batal"} <= texts, texts


def test_the_shipped_catalogue_is_the_compiled_source(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "qt_id.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (TS.parent / "qt_id.qm").read_bytes(), (
        "qt_id.qm is older than qt_id.ts: run pyside6-lrelease resources/translations/qt_id.ts"
    )
