"""The shared form pieces: a dialog that stays open until its text is stored, the unsaved-changes
guard, and the counter of characters left."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.teks import check_length
from kinerja_desktop.core.services import akun, pegawai, pelatihan, unit_kerja
from kinerja_desktop.ui.common import forms
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import LengthCounter, TeksDialog
from kinerja_desktop.ui.common.ops import Outcome
from kinerja_desktop.ui.common.unit_tree import UnitIndex

TAHUN = date.today().year

SAVE, DISCARD, CANCEL = (
    QMessageBox.StandardButton.Save,
    QMessageBox.StandardButton.Discard,
    QMessageBox.StandardButton.Cancel,
)


def store_at_most(maks: int, stored: list[str], dialog: TeksDialog) -> Outcome[str]:
    """What an ``ops.act`` does with a service that checks the length: a refusal goes to the dialog."""
    try:
        teks = check_length(dialog.value(), maks, "Catatan", "teks")
    except ValidationError as exc:
        dialog.message.set_error(str(exc))
        return Outcome(error=exc)
    stored.append(teks)
    return Outcome(teks)


def test_a_refused_text_keeps_the_dialog_open_with_the_text_and_the_reason(qtbot) -> None:
    stored: list[str] = []
    dialog = TeksDialog(None, "Catatan", "Catatan:", maks=10)
    qtbot.addWidget(dialog)
    dialog.write_with(lambda: store_at_most(10, stored, dialog))
    dialog.show()
    dialog.teks.setPlainText("dua belas huruf")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0 and stored == []
    assert dialog.value() == "dua belas huruf" and "terlalu panjang: 15 karakter" in dialog.message.text()
    dialog.teks.setPlainText("sebelas")
    dialog.accept()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert stored == ["sebelas"] and dialog.outcome is not None and dialog.outcome.value == "sebelas"


@pytest.mark.parametrize(
    ("jawab", "open_after", "stored_after"),
    [(SAVE, False, ["diketik"]), (DISCARD, False, []), (CANCEL, True, [])],
)
def test_closing_with_typed_text_asks_simpan_buang_batal(
    qtbot, monkeypatch, jawab, open_after, stored_after
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(forms, "ask_save_discard", lambda _p, text: asked.append(text) or jawab)
    stored: list[str] = []
    dialog = TeksDialog(None, "Catatan", "Catatan:", maks=100)
    qtbot.addWidget(dialog)
    dialog.write_with(lambda: store_at_most(100, stored, dialog))
    dialog.show()
    dialog.reject()  # nothing typed yet: closes without a question
    assert not dialog.isVisible() and asked == []
    dialog.show()
    dialog.teks.setPlainText("diketik")
    dialog.reject()  # Esc, Batal or the window's close button
    assert asked == ["Perubahan pada isian ini belum disimpan."]
    assert dialog.isVisible() is open_after and stored == stored_after
    if open_after:
        QDialog.done(dialog, QDialog.DialogCode.Rejected)


def test_the_counter_shows_what_is_left_and_turns_red_when_over(qtbot) -> None:
    box = QPlainTextEdit()
    counter = LengthCounter(box, 2000)
    assert counter.text() == "Sisa 2.000 dari 2.000 karakter"
    box.setPlainText("  Rapat koordinasi  ")  # measured as the services measure: stripped
    assert counter.text() == "Sisa 1.984 dari 2.000 karakter" and "b00020" not in counter.styleSheet()
    box.setPlainText("x" * 2345)
    assert counter.text() == "Kelebihan 345 karakter (paling banyak 2.000); persingkat sebelum menyimpan."
    assert "b00020" in counter.styleSheet()
    line = QLineEdit()
    assert LengthCounter(line, 60).text() == "Sisa 60 dari 60 karakter"


def test_a_counter_near_its_limit_only_appears_when_the_text_gets_long(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = QPlainTextEdit(parent)
    counter = LengthCounter(box, 100, near=0.8)
    counter.setParent(parent)
    parent.show()
    counter.on_box_text_changed()
    assert not counter.isVisible()
    box.setPlainText("x" * 80)
    assert counter.isVisible() and counter.text() == "Sisa 20 dari 100 karakter"
    box.setReadOnly(True)
    counter.on_box_text_changed()
    assert not counter.isVisible()  # nothing to count in a box that cannot be typed in


# --- every dialog that writes what was typed asks before dropping it ------------------------------------
def _dialogs(ctx: UiContext) -> dict[str, tuple[QDialog, Callable[[QDialog], None]]]:
    """Each guarded dialog on the demo office, with a way to type something into it."""
    from kinerja_desktop.ui.pegawai.archive import ArsipDialog, GantiAtasanDialog
    from kinerja_desktop.ui.pegawai.form_pelatihan import PelatihanDialog
    from kinerja_desktop.ui.pengguna.page import PenggunaDialog, ResetPasswordDialog
    from kinerja_desktop.ui.penilaian.capaian import CapaianDialog
    from kinerja_desktop.ui.skp.list_dialogs import HeaderDialog
    from kinerja_desktop.ui.unit_kerja.dialogs import PindahUnitDialog, UnitDialog

    with ctx.workspace.read() as s:
        rows = pegawai.list_pegawai(s, ctx.actor)
        units = UnitIndex(unit_kerja.list_units(s, ctx.actor))
        akun_row = akun.list_pengguna(s, ctx.actor)[0]
    top = next(u for u, depth in units.walk() if depth == 0)
    sub = next(u for u, depth in units.walk() if depth == 1)
    orang = rows[0]
    return {
        "pelatihan": (PelatihanDialog(ctx, orang.id, None), lambda d: d.nama.setText("Latsar CPNS")),
        "unit": (UnitDialog(ctx, units, rows, induk=top), lambda d: d.nama.setText("Seksi Baru")),
        "pindah unit": (
            PindahUnitDialog(ctx, units, sub),
            lambda d: d.induk.setCurrentIndex((d.induk.currentIndex() + 1) % d.induk.count()),
        ),
        "capaian": (
            CapaianDialog(ctx, top.id, top.nama, TAHUN, "TW1", "Triwulan I"),
            lambda d: d.catatan.setPlainText("Capaian rencana aksi 95 %"),
        ),
        "arsip": (ArsipDialog(ctx, orang), lambda d: d.alasan.setText("SK Mutasi 800/12")),
        "atasan baru": (
            GantiAtasanDialog(ctx, orang, ["Budi"], rows),
            lambda d: d.atasan.line.setText("seseorang"),
        ),
        "akun baru": (PenggunaDialog(ctx, None), lambda d: d.username.setText("budi.s")),
        "sandi": (ResetPasswordDialog(ctx, akun_row), lambda d: d.password.setText("rahasia99")),
        "periode skp": (
            HeaderDialog(None, TAHUN, date(TAHUN, 1, 1), date(TAHUN, 12, 31), "kuantitatif"),
            lambda d: d.awal.setDate(date(TAHUN, 3, 1)),
        ),
    }


NAMES = [
    "pelatihan",
    "unit",
    "pindah unit",
    "capaian",
    "arsip",
    "atasan baru",
    "akun baru",
    "sandi",
    "periode skp",
]


@pytest.mark.parametrize("name", NAMES)
def test_every_form_dialog_asks_before_dropping_what_was_typed(
    qtbot, ctx: UiContext, monkeypatch, name
) -> None:
    answers: list[QMessageBox.StandardButton] = []
    asked: list[str] = []

    def ask(_parent, text, *_a, **_k):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(forms, "ask_save_discard", ask)
    dialog, type_into = _dialogs(ctx)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # untouched: closes without a question
    assert not dialog.isVisible() and asked == []
    dialog.show()
    type_into(dialog)
    answers[:] = [CANCEL, DISCARD]
    dialog.reject()  # Batal: the dialog and what was typed stay
    assert dialog.isVisible() and len(asked) == 1 and "belum disimpan" in asked[0]
    dialog.reject()  # Buang: closed, nothing written
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected and answers == []


def test_simpan_in_the_question_saves_the_training_and_closes(qtbot, ctx: UiContext, monkeypatch) -> None:
    from kinerja_desktop.ui.pegawai.form_pelatihan import PelatihanDialog

    monkeypatch.setattr(forms, "ask_save_discard", lambda *_a, **_k: SAVE)
    orang = _dialogs(ctx)["arsip"][0].row  # type: ignore[attr-defined]
    dialog = PelatihanDialog(ctx, orang.id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.nama.setText("Latsar CPNS")
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    with ctx.workspace.read() as s:
        assert "Latsar CPNS" in [r.data.nama for r in pelatihan.list_pelatihan(s, ctx.actor, orang.id)]
