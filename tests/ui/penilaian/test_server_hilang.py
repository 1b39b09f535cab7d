"""Saving an evaluation while the server drops the connection keeps the typed feedback (PostgreSQL only)."""

from __future__ import annotations

import pytest
from pendukung_db import DI_POSTGRES
from pendukung_putus import Pertanyaan, putus_saat

from .test_form import bawahan_camat, open_dialog, stored
from .test_form import discard_on_teardown as discard_on_teardown
from .test_form import folder as folder
from .test_form import login as login
from .test_form import template as template

pytestmark = pytest.mark.skipif(not DI_POSTGRES, reason="needs a PostgreSQL server")


def test_feedback_typed_before_the_server_dropped_is_kept_and_saved_by_coba_lagi(
    qtbot, login, monkeypatch: pytest.MonkeyPatch
) -> None:
    tanya = Pertanyaan(monkeypatch)
    penilai = login("penilai")
    skp_id = bawahan_camat(penilai)[1]
    dialog = open_dialog(qtbot, penilai, skp_id)
    assert dialog.form is not None
    rhk = dialog.form.hasil_kerja[0].rhk_id
    dialog.hasil_kerja.umpan[rhk].setPlainText("Pertahankan ketepatan waktunya.")
    tanya.jawaban = [False]
    with putus_saat(penilai.workspace.engine, "INSERT INTO audit_log") as ended:
        dialog.on_save_button_clicked()
    assert len(ended) == 1 and len(tanya.pesan) == 1
    assert dialog.isVisible() and dialog.dirty()
    assert dialog.hasil_kerja.umpan[rhk].toPlainText() == "Pertahankan ketepatan waktunya."
    assert stored(penilai, skp_id).hasil_kerja[0].umpan_balik == ""  # nothing half-written
    tanya.jawaban = [True]
    with putus_saat(penilai.workspace.engine, "INSERT INTO audit_log") as ended:
        dialog.on_save_button_clicked()  # dropped again; Coba lagi saves it
    assert len(ended) == 1 and len(tanya.pesan) == 2
    assert dialog.message.text() == "Evaluasi sudah disimpan."
    assert stored(penilai, skp_id).hasil_kerja[0].umpan_balik == "Pertahankan ketepatan waktunya."
