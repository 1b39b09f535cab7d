"""The SKP editor when someone else changed the SKP after it was shown: refused, said, Muat ulang."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pendukung_berubah import SINTA, sinta, tangkap
from PySide6.QtWidgets import QDialog

from kinerja_desktop.core.model.skp import IndikatorInput, RhkInput
from kinerja_desktop.core.services import skp
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.skp import editor as editor_module
from kinerja_desktop.ui.skp.rhk_dialogs import RhkDialog

from .test_editor import _ctx, editor_for, new_skp_for_reni
from .test_editor import demo_template as demo_template  # the module's demo office


@pytest.fixture
def penilai(tmp_path: Path, demo_template: Path) -> Iterator[UiContext]:
    yield from _ctx(tmp_path, demo_template, "penilai")


@pytest.fixture
def admin(tmp_path: Path, demo_template: Path) -> Iterator[UiContext]:
    yield from _ctx(tmp_path, demo_template, "admin")


def test_approving_what_sinta_changed_meanwhile_is_refused(qtbot, penilai: UiContext, monkeypatch) -> None:
    editor = editor_for(qtbot, penilai, "heru")  # submitted to the penilai
    assert editor.detail is not None
    skp_id = editor.detail.id
    b = sinta(penilai.workspace)
    with penilai.workspace.transaction(b) as s:  # Sinta takes it back, lowers a target, submits again
        skp.withdraw_skp(s, b, skp_id)
        indikator = skp.get_skp(s, b, skp_id).rhk_utama[0].indikator[0]
        skp.update_indikator(s, b, indikator.id, IndikatorInput(indikator.teks, target_min=Decimal(1)))
        skp.submit_skp(s, b, skp_id)
    monkeypatch.setattr(editor_module, "ask_yes_no", lambda *_a, **_k: True)
    editor.show()
    editor.on_approve_button_clicked()
    with penilai.workspace.read() as s:
        assert skp.get_skp(s, penilai.actor, skp_id).status == "diajukan"
    assert editor.stale.isVisible()
    assert f"Data ini sudah diubah oleh {SINTA} pukul" in editor.stale.text()
    tangkap(editor, "skp-setujui-berubah")
    editor.on_approve_button_clicked()  # still the old view: refused again, not approved unseen
    with penilai.workspace.read() as s:
        assert skp.get_skp(s, penilai.actor, skp_id).status == "diajukan"
    editor.stale.reload_button.click()
    assert not editor.stale.isVisible()
    assert editor.detail is not None and editor.detail.rhk_utama[0].indikator[0].target == "1"
    editor.on_approve_button_clicked()
    with penilai.workspace.read() as s:
        assert skp.get_skp(s, penilai.actor, skp_id).status == "disetujui"


def test_rhk_dialog_stays_open_with_the_typed_text(qtbot, admin: UiContext, monkeypatch) -> None:
    editor = new_skp_for_reni(qtbot, admin)
    assert editor.detail is not None
    skp_id = editor.detail.id
    with admin.workspace.transaction(admin.actor) as s:
        rhk_id = skp.add_rhk(s, admin.actor, skp_id, RhkInput("Tersusunnya laporan bulanan", "tambahan"))
    editor.reload()
    editor.hasil_kerja.select(("rhk", rhk_id))
    b = sinta(admin.workspace)
    seen: list[tuple[bool, str, str]] = []

    def type_then_save(dialog: RhkDialog) -> QDialog.DialogCode:
        dialog.teks.setPlainText("Tersusunnya laporan bulanan yang tepat waktu")
        with admin.workspace.transaction(b) as s:  # Sinta saves the same RHK first
            skp.update_rhk(s, b, rhk_id, RhkInput("Tersusunnya laporan bulanan lengkap", "tambahan"))
        dialog.show()
        dialog.accept()
        seen.append((dialog.isVisible(), dialog.teks.toPlainText(), dialog.message.text()))
        tangkap(dialog, "skp-rhk-berubah")
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RhkDialog, "exec", type_then_save)
    editor.hasil_kerja.on_edit_button_clicked()
    [(open_, typed, message)] = seen
    assert open_ and typed == "Tersusunnya laporan bulanan yang tepat waktu"
    assert message.startswith(f"Data ini sudah diubah oleh {SINTA} pukul")
    assert editor.stale.text() and SINTA in editor.stale.text()
    with admin.workspace.read() as s:
        assert (
            skp.get_skp(s, admin.actor, skp_id).rhk_tambahan[0].teks == "Tersusunnya laporan bulanan lengkap"
        )
