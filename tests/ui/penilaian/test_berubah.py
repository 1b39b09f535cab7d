"""Two windows on one evaluation: the second save from a stale form is refused and keeps the input."""

from __future__ import annotations

from pendukung_berubah import SINTA, sinta, tangkap

from kinerja_desktop.core.model.evaluasi import IsianEvaluasi, JenisRating, StatusEvaluasi
from kinerja_desktop.core.rules.predikat import Rating
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.penilaian.grid import KOLOM_HASIL
from kinerja_desktop.ui.penilaian.page import PenilaianPage

from .test_form import bawahan_camat, open_dialog, stored
from .test_form import discard_on_teardown as discard_on_teardown
from .test_form import folder as folder
from .test_form import login as login
from .test_form import template as template


def _sinta_writes(ctx: UiContext, skp_id: str, teks: str) -> None:
    """Sinta, in another window on the same folder, saves the pegawai's self-assessment."""
    b = sinta(ctx.workspace)
    rhk = stored(ctx, skp_id).hasil_kerja[0].rhk_id
    f = stored(ctx, skp_id)
    with ctx.workspace.transaction(b) as s:
        evaluasi.save_isian(
            s, b, IsianEvaluasi(skp_id, f.periode, f.evaluasi_id, penilaian_diri={rhk: teks}, stamp=f.stamp)
        )


def test_form_keeps_the_typed_feedback_and_offers_muat_ulang(qtbot, login) -> None:
    penilai = login("penilai")
    skp_id = bawahan_camat(penilai)[1]
    dialog = open_dialog(qtbot, penilai, skp_id)
    assert dialog.form is not None
    rhk = dialog.form.hasil_kerja[0].rhk_id
    dialog.hasil_kerja.umpan[rhk].setPlainText("Pertahankan ketepatan waktunya.")
    _sinta_writes(login("operator"), skp_id, "Laporan selesai lebih awal.")
    dialog.on_save_button_clicked()
    assert dialog.isVisible() and dialog.stale.isVisible()
    assert f"Data ini sudah diubah oleh {SINTA} pukul" in dialog.stale.text()
    assert dialog.hasil_kerja.umpan[rhk].toPlainText() == "Pertahankan ketepatan waktunya."  # kept
    assert dialog.dirty()
    saved = stored(penilai, skp_id)
    assert saved.hasil_kerja[0].penilaian_diri == "Laporan selesai lebih awal."
    assert saved.hasil_kerja[0].umpan_balik == ""
    tangkap(dialog, "evaluasi-berubah")
    dialog.on_finalise_button_clicked()  # saving first is refused the same way: nothing finalised
    assert stored(penilai, skp_id).status is not StatusEvaluasi.FINAL
    dialog.stale.reload_button.click()
    assert not dialog.stale.isVisible() and not dialog.dirty()
    assert dialog.hasil_kerja.diri[rhk].toPlainText() == "Laporan selesai lebih awal."
    dialog.hasil_kerja.umpan[rhk].setPlainText("Pertahankan ketepatan waktunya.")
    dialog.on_save_button_clicked()
    assert dialog.message.text() == "Evaluasi sudah disimpan."
    assert stored(penilai, skp_id).hasil_kerja[0].umpan_balik == "Pertahankan ketepatan waktunya."


def test_grid_rating_over_a_rating_given_meanwhile_is_refused(qtbot, login) -> None:
    penilai = login("penilai")
    page = PenilaianPage(penilai)
    qtbot.addWidget(page)
    page.refresh()
    row = next(r for r in page.model.semua if r.boleh_nilai and r.skp_id and r.evaluasi_id is None)
    admin = login("admin")
    with admin.workspace.transaction(admin.actor) as s:  # another window rates the same pegawai first
        evaluasi.rate_evaluasi(
            s, admin.actor, row.skp_id or "", page.pilihan.value().kode, JenisRating.HASIL, Rating.DI_ATAS
        )
    page.table.setCurrentIndex(page.model.index(page.model.row_of(row.pegawai_id), 0))
    page.give_rating(KOLOM_HASIL, 1)
    assert "sudah diubah oleh" in page.message.text()
    baru = next(r for r in page.model.semua if r.pegawai_id == row.pegawai_id)
    assert baru.rating_hasil == Rating.DI_ATAS.value  # the other window's rating stays, now shown
