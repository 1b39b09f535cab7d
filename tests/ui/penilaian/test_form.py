"""The evaluation form: live predikat, saving, who may type what, finalising, reopening, AKHIR and AK."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Evaluasi, Pegawai, Skp
from kinerja_desktop.core.model.evaluasi import EvaluasiForm, StatusEvaluasi
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.rules.predikat import Rating, compute_predikat
from kinerja_desktop.core.services import evaluasi
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import TeksDialog
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.penilaian import form as form_module
from kinerja_desktop.ui.penilaian.form import EvaluasiDialog
from kinerja_desktop.ui.penilaian.form_feedback import TeksTampil
from kinerja_desktop.ui.penilaian.form_history import AkuiDistribusiDialog

TW = "TW3"  # the demo has capaian for TW1–TW3, TW1 final and TW2 draft evaluations


@pytest.fixture(scope="module")
def template(demo_office: Callable[[int], Path]) -> Path:
    return demo_office(20)


@pytest.fixture(autouse=True)
def discard_on_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a dialog with typed text asks Simpan/Buang/Batal (modal): answer Buang unless a test says."""
    monkeypatch.setattr(form_module, "ask_save_discard", lambda *a: QMessageBox.StandardButton.Discard)


@pytest.fixture
def folder(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(template, target)
    return target


@pytest.fixture
def login(folder: Path) -> Iterator[Callable[[str], UiContext]]:
    """``login(user)``: a UiContext for a demo account (password ``<user>123``) on the copied office."""
    opened: list[Workspace] = []

    def make(user: str) -> UiContext:
        ws = Workspace.open(AppPaths(folder))
        opened.append(ws)
        return UiContext(ws, ws.login(user, f"{user}123"), TaskRunner(None))

    yield make
    for ws in opened:
        ws.close()


def bawahan_camat(ctx: UiContext) -> list[str]:
    """SKP ids of the camat's direct subordinates (each heads a unit), by NIP."""
    with ctx.workspace.read() as s:
        camat = s.scalars(select(Pegawai.id).where(Pegawai.atasan_id.is_(None))).one()
        return list(
            s.scalars(
                select(Skp.id)
                .join(Pegawai, Pegawai.id == Skp.pegawai_id)
                .where(Pegawai.atasan_id == camat, Skp.status == "disetujui")
                .order_by(Pegawai.nip)
            )
        )


def skp_jenjang(ctx: UiContext, jenjang: str) -> str:
    with ctx.workspace.read() as s:
        return s.scalars(
            select(Skp.id)
            .join(Pegawai, Pegawai.id == Skp.pegawai_id)
            .where(Pegawai.jenjang_jabatan == jenjang, Skp.status == "disetujui")
        ).one()


def open_dialog(qtbot, ctx: UiContext, skp_id: str, periode: str = TW) -> EvaluasiDialog:
    dialog = EvaluasiDialog(ctx, skp_id, periode)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # the Ctrl+S shortcut needs an active window
        dialog.show()
        dialog.activateWindow()
    return dialog


def stored(ctx: UiContext, skp_id: str, periode: str = TW) -> EvaluasiForm:
    with ctx.workspace.read() as s:
        return evaluasi_baca.get_evaluasi_form(s, ctx.actor, skp_id, periode)


def test_ratings_show_the_predikat_live_from_the_matrix(qtbot, login) -> None:
    penilai = login("penilai")
    dialog = open_dialog(qtbot, penilai, bawahan_camat(penilai)[0])
    assert dialog.form is not None and dialog.form.status is StatusEvaluasi.BELUM
    rating = dialog.rating
    # A unit head: the rating hasil kerja starts at what the unit's capaian gives.
    assert dialog.form.kepala_unit and rating.hasil.value() == Rating(dialog.form.saran_rating_hasil)
    assert rating.saran.text().startswith("Pegawai ini memimpin")
    assert "isi kedua rating" in dialog.predikat.text() and not dialog.dirty()
    for hasil in Rating:
        for perilaku in Rating:
            rating.hasil.tombol[hasil].click()
            rating.perilaku.tombol[perilaku].click()
            label = compute_predikat(hasil, perilaku).label
            assert label in dialog.predikat.text() and label in rating.predikat.text()
            assert f"<b>{label}</b>" in rating.matriks.text()
    assert dialog.dirty() and "belum disimpan" in dialog.message.text()
    assert not rating.ak_box.isVisibleTo(dialog)  # not a jabatan fungsional
    assert not dialog.open_button.isVisible() and dialog.finalise_button.isVisible()


def test_save_persists_feedback_self_assessment_ratings_and_note(qtbot, login) -> None:
    admin = login("admin")  # may both rate and type the self-assessment
    skp_id = bawahan_camat(admin)[1]
    dialog = open_dialog(qtbot, admin, skp_id)
    rhk = dialog.form.hasil_kerja[0].rhk_id  # type: ignore[union-attr]
    perilaku = dialog.form.perilaku[2].perilaku_id  # type: ignore[union-attr]
    assert dialog.focusWidget() is dialog.hasil_kerja.umpan[rhk]  # the cursor starts in the first feedback
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # Tab moves on instead of typing a tab
    assert dialog.focusWidget() is not dialog.hasil_kerja.umpan[rhk] and not dialog.dirty()
    dialog.hasil_kerja.diri[rhk].setPlainText("Tiga laporan selesai sebelum tenggat.")
    dialog.hasil_kerja.umpan[rhk].setPlainText("Bagus; bagikan cara kerjanya kepada tim.")
    dialog.perilaku.umpan[perilaku].setPlainText("Aktif mengikuti pelatihan.")
    dialog.rating.hasil.tombol[Rating.DI_ATAS].click()
    dialog.rating.perilaku.tombol[Rating.DI_ATAS].click()
    dialog.rating.catatan.setPlainText("Diusulkan mengikuti diklat kepemimpinan.")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.message.text() == "Evaluasi sudah disimpan." and not dialog.dirty()
    saved = stored(admin, skp_id)
    assert saved.status is StatusEvaluasi.DRAF and saved.predikat == "sangat_baik"
    assert saved.hasil_kerja[0].penilaian_diri == "Tiga laporan selesai sebelum tenggat."
    assert saved.hasil_kerja[0].umpan_balik.startswith("Bagus;")
    assert saved.perilaku[2].umpan_balik == "Aktif mengikuti pelatihan."
    assert saved.catatan_rekomendasi.startswith("Diusulkan") and saved.tanggal_evaluasi is not None
    # What the dialog shows after saving is what was stored.
    assert (
        dialog.hasil_kerja.umpan[rhk].text().startswith("Bagus;") and "Sangat Baik" in dialog.predikat.text()
    )
    dialog.on_save_button_clicked()
    assert dialog.message.text() == "Tidak ada perubahan untuk disimpan."


def test_operator_types_only_the_self_assessment(qtbot, login) -> None:
    operator = login("operator")
    skp_id = bawahan_camat(operator)[0]
    dialog = open_dialog(qtbot, operator, skp_id)
    f = dialog.form
    assert f is not None and f.boleh_isi_diri and not f.boleh_nilai
    rhk = f.hasil_kerja[0].rhk_id
    assert not dialog.hasil_kerja.diri[rhk].isReadOnly() and dialog.hasil_kerja.umpan[rhk].isReadOnly()
    assert all(e.isReadOnly() for e in dialog.perilaku.umpan.values()) and dialog.rating.catatan.isReadOnly()
    assert not any(b.isEnabled() for b in dialog.rating.hasil.tombol.values())
    assert dialog.rating.hasil.value() is None  # the unit's default is the penilai's to apply
    assert (
        dialog.save_button.isVisible()
        and not dialog.finalise_button.isVisible()
        and not dialog.open_button.isVisible()
    )
    assert "mengisi penilaian diri" in dialog.header.alasan.text()
    dialog.hasil_kerja.diri[rhk].setPlainText("Semua kegiatan triwulan III terlaksana.")
    dialog.on_save_button_clicked()
    saved = stored(operator, skp_id)
    assert saved.status is StatusEvaluasi.DRAF
    assert saved.hasil_kerja[0].penilaian_diri == "Semua kegiatan triwulan III terlaksana."
    assert saved.hasil_kerja[0].umpan_balik == ""
    # The penilai sees it.
    penilai = login("penilai")
    lihat = open_dialog(qtbot, penilai, skp_id)
    assert lihat.hasil_kerja.diri[rhk].text() == "Semua kegiatan triwulan III terlaksana."
    assert not lihat.hasil_kerja.umpan[rhk].isReadOnly()


def test_pimpinan_sees_everything_but_cannot_edit(qtbot, login) -> None:
    pimpinan = login("pimpinan")
    with pimpinan.workspace.read() as s:
        draf = s.scalars(select(Evaluasi).where(Evaluasi.periode == "TW2").order_by(Evaluasi.id)).first()
    assert draf is not None
    dialog = open_dialog(qtbot, pimpinan, draf.skp_id, "TW2")
    assert dialog.form is not None and dialog.form.status is StatusEvaluasi.DRAF
    assert dialog.header.alasan.isVisible() and "hanya dapat melihat" in dialog.header.alasan.text()
    edits = [
        *dialog.hasil_kerja.diri.values(),
        *dialog.hasil_kerja.umpan.values(),
        *dialog.perilaku.umpan.values(),
    ]
    assert edits and all(e.isReadOnly() for e in edits) and dialog.rating.catatan.isReadOnly()
    assert any(e.text() for e in edits)  # the feedback is visible
    assert not dialog.rating.tanggal.isEnabled()
    for b in (dialog.save_button, dialog.finalise_button, dialog.open_button):
        assert not b.isVisible()
    assert dialog.rating.predikat.text()  # the stored ratings give a predikat
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.dirty() and dialog.message.text() == ""


def rate_all_subordinates(ctx: UiContext, periode: str = TW) -> None:
    """Every subordinate of the camat rated Sesuai/Sesuai (Baik): a unit asking for some Butuh Perbaikan."""
    with ctx.workspace.transaction(ctx.actor) as s:
        for skp_id in bawahan_camat(ctx):
            ev = evaluasi.start_evaluasi(s, ctx.actor, skp_id, periode)
            evaluasi.set_rating(s, ctx.actor, ev, "sesuai", "sesuai")


def test_finalise_needs_the_distribution_warnings_acknowledged_then_locks(qtbot, login, monkeypatch) -> None:
    penilai = login("penilai")
    rate_all_subordinates(penilai)
    skp_id = bawahan_camat(penilai)[0]
    dialog = open_dialog(qtbot, penilai, skp_id)
    rhk = dialog.form.hasil_kerja[0].rhk_id  # type: ignore[union-attr]
    dialog.hasil_kerja.umpan[rhk].setPlainText("Pertahankan.")
    shown: list[list[str]] = []

    def cancel(d: AkuiDistribusiDialog) -> QDialog.DialogCode:
        shown.append([d.daftar.item(n).text() for n in range(d.daftar.count())])
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(AkuiDistribusiDialog, "exec", cancel)
    dialog.finalise_button.click()
    assert shown and shown[0] and all(t.startswith("⚠") for t in shown[0])
    saved = stored(penilai, skp_id)
    assert saved.status is StatusEvaluasi.DRAF and saved.hasil_kerja[0].umpan_balik == "Pertahankan."
    assert "belum difinalkan" in dialog.message.text()

    def acknowledge(d: AkuiDistribusiDialog) -> QDialog.DialogCode:
        assert not d.ok.isEnabled()
        d.ok.click()  # not ticked yet: nothing happens
        assert d.result() == 0
        d.acknowledge_check.click()
        assert d.ok.isEnabled()
        d.ok.click()
        return QDialog.DialogCode(d.result())

    monkeypatch.setattr(AkuiDistribusiDialog, "exec", acknowledge)
    dialog.finalise_button.click()
    saved = stored(penilai, skp_id)
    assert saved.final and saved.distribusi_diakui and saved.difinalkan_oleh == "penilai"
    assert dialog.form is not None and dialog.form.final
    assert "Final" in dialog.header.info.text() and "oleh penilai" in dialog.header.info.text()
    assert dialog.header.alasan.isVisible() and "sudah final" in dialog.header.alasan.text()
    assert dialog.hasil_kerja.umpan[rhk].isReadOnly() and dialog.hasil_kerja.diri[rhk].isReadOnly()
    assert not any(b.isEnabled() for b in dialog.rating.perilaku.tombol.values())
    for b in (dialog.save_button, dialog.finalise_button, dialog.open_button):
        assert not b.isVisible()
    with penilai.workspace.read() as s:
        aksi = set(s.scalars(select(AuditLog.aksi).where(AuditLog.baris_id == saved.evaluasi_id)))
    assert "akui_distribusi" in aksi


def test_finalise_asks_exactly_once(qtbot, login, monkeypatch) -> None:
    """A plain confirmation when the unit's distribution is fine, else only the acknowledgement."""
    admin = login("admin")
    skp_id = skp_jenjang(admin, "terampil")
    dialog = open_dialog(qtbot, admin, skp_id)
    dialog.rating.hasil.tombol[Rating.SESUAI].click()
    dialog.rating.perilaku.tombol[Rating.SESUAI].click()
    asked: list[str] = []

    def yes(_parent, text, *_a, **_k) -> bool:
        asked.append(text)
        return True

    def acknowledge(d: AkuiDistribusiDialog) -> QDialog.DialogCode:
        asked.append("akui")
        d.acknowledge_check.setChecked(True)
        d.accept()
        return QDialog.DialogCode(d.result())

    monkeypatch.setattr(form_module, "ask_yes_no", yes)
    monkeypatch.setattr(AkuiDistribusiDialog, "exec", acknowledge)
    dialog.finalise_button.click()
    assert len(asked) == 1 and (asked[0] == "akui" or asked[0].startswith("Finalkan evaluasi"))
    assert stored(admin, skp_id).final
    assert dialog.form is not None and dialog.form.final


def test_admin_reopens_with_a_reason_kept_in_the_audit_log(qtbot, login, monkeypatch) -> None:
    admin = login("admin")
    with admin.workspace.read() as s:
        final = s.scalars(
            select(Evaluasi).where(Evaluasi.periode == "TW1", Evaluasi.status == "final")
        ).first()
    assert final is not None
    dialog = open_dialog(qtbot, admin, final.skp_id, "TW1")
    assert dialog.form is not None and dialog.form.final and dialog.open_button.isVisible()
    assert not dialog.save_button.isVisible() and not dialog.finalise_button.isVisible()
    refused: list[bool] = []

    def reason(d: TeksDialog) -> QDialog.DialogCode:
        d.buttons.button(d.buttons.StandardButton.Ok).click()  # empty: refused with a note
        refused.append(d.note.isVisibleTo(d) and d.result() == 0)
        d.teks.setPlainText("Rating perilaku salah ketik, dikoreksi atas permintaan penilai")
        d.buttons.button(d.buttons.StandardButton.Ok).click()
        return QDialog.DialogCode(d.result())

    monkeypatch.setattr(TeksDialog, "exec", reason)
    dialog.open_button.click()
    assert refused == [True]
    assert dialog.form.status is StatusEvaluasi.DRAF and dialog.save_button.isVisible()
    assert dialog.header.dibuka.isVisible() and "salah ketik" in dialog.header.dibuka.text()
    with admin.workspace.read() as s:
        log = list(
            s.scalars(select(AuditLog).where(AuditLog.baris_id == final.id, AuditLog.aksi == "buka_evaluasi"))
        )
    assert log and "salah ketik" in (log[0].keterangan or "")


def test_akhir_shows_the_realisation_of_every_quarter(qtbot, login) -> None:
    admin = login("admin")
    with admin.workspace.read() as s:
        draf = s.scalars(select(Evaluasi).where(Evaluasi.periode == "TW2").order_by(Evaluasi.id)).first()
    assert draf is not None
    dialog = open_dialog(qtbot, admin, draf.skp_id, "AKHIR")
    assert "AKHIR TAHUN" in dialog.judul.text()
    text = "\n".join(t.toPlainText() for t in dialog.hasil_kerja.findChildren(TeksTampil))
    for label in ("Triwulan I:", "Triwulan II:", "Triwulan III:"):
        assert label in text
    assert "Realisasi per periode" in text
    assert [r.periode for r in dialog.form.riwayat] == ["TW1", "TW2"]  # type: ignore[union-attr]
    assert dialog.tabs.tabText(3).endswith("(2)")


def test_angka_kredit_for_a_jabatan_fungsional(qtbot, login) -> None:
    admin = login("admin")
    dialog = open_dialog(qtbot, admin, skp_jenjang(admin, "ahli_pertama"))
    dialog.tabs.setCurrentWidget(dialog.rating)
    assert dialog.rating.ak_box.isVisible()
    assert "Ahli Pertama" in dialog.rating.ak.text() and "3 bulan" in dialog.rating.ak.text()
    assert "setelah kedua rating diisi" in dialog.rating.ak.text()
    dialog.rating.hasil.tombol[Rating.SESUAI].click()
    dialog.rating.perilaku.tombol[Rating.SESUAI].click()
    assert "12,5 × 100 % (Baik) × 3/12 = <b>3,125</b>" in dialog.rating.ak.text()
    dialog.rating.hasil.tombol[Rating.DI_ATAS].click()
    dialog.rating.perilaku.tombol[Rating.DI_ATAS].click()
    assert "12,5 × 150 % (Sangat Baik) × 3/12 = <b>4,688</b>" in dialog.rating.ak.text()
    dialog.on_save_button_clicked()
    assert str(stored(admin, dialog.skp_id).angka_kredit) == "4.688"


def test_closing_asks_to_save_what_was_typed(qtbot, login, monkeypatch) -> None:
    penilai = login("penilai")
    skp_id = bawahan_camat(penilai)[2]
    dialog = open_dialog(qtbot, penilai, skp_id)
    rhk = dialog.form.hasil_kerja[0].rhk_id  # type: ignore[union-attr]
    dialog.hasil_kerja.umpan[rhk].setPlainText("Catatan yang hampir hilang.")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(form_module, "ask_save_discard", lambda *a: answers.pop(0))
    dialog.close_button.click()
    assert dialog.isVisible() and dialog.dirty()
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert stored(penilai, skp_id).hasil_kerja[0].umpan_balik == "Catatan yang hampir hilang."


def test_a_jpt_form_shows_perspektif_instead_of_aspek(qtbot, login) -> None:
    admin = login("admin")
    dialog = open_dialog(qtbot, admin, bawahan_camat(admin)[0])
    f = dialog.form
    assert f is not None
    rhk = [replace(r, perspektif="penerima_layanan") for r in f.hasil_kerja]
    dialog.hasil_kerja.show_form(replace(f, jenis_form="jpt", hasil_kerja=rhk))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the JA/JF cards are gone
    teks = [label.text() for label in dialog.hasil_kerja.findChildren(QLabel)]
    assert "Perspektif: Penerima Layanan" in teks and not any("diintervensi" in t for t in teks)
    tabel = dialog.hasil_kerja.findChildren(TeksTampil)[0].toPlainText()
    assert "Indikator kinerja individu" in tabel and "Aspek" not in tabel


def test_finalising_without_both_ratings_says_what_to_choose(qtbot, login, monkeypatch) -> None:
    penilai = login("penilai")
    skp_id = bawahan_camat(penilai)[3]
    dialog = open_dialog(qtbot, penilai, skp_id)
    dialog.rating.hasil.tombol[Rating.SESUAI].click()
    shown: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _p, error: shown.append(str(error)))
    dialog.finalise_button.click()
    assert shown and "rating perilaku kerja belum dipilih" in shown[0] and "tab Rating" in shown[0]
    assert dialog.tabs.currentWidget() is dialog.rating
    assert dialog.focusWidget() in dialog.rating.perilaku.tombol.values()  # the rating still to choose
    saved = stored(penilai, skp_id)
    assert saved.status is StatusEvaluasi.DRAF and saved.rating_hasil == "sesuai"  # what was chosen is kept


def test_the_unsaved_reminder_goes_when_the_typing_is_undone_and_other_messages_stay(qtbot, login) -> None:
    penilai = login("penilai")
    dialog = open_dialog(qtbot, penilai, bawahan_camat(penilai)[2])
    rhk = dialog.form.hasil_kerja[0].rhk_id  # type: ignore[union-attr]
    kotak = dialog.hasil_kerja.umpan[rhk]
    kotak.setPlainText("Sementara.")
    assert dialog.message.text().startswith("Ada perubahan")
    kotak.setPlainText("")
    assert not dialog.dirty() and dialog.message.text() == ""
    dialog.say("Evaluasi sudah disimpan.")
    dialog.perilaku.umpan[dialog.form.perilaku[0].perilaku_id].setPlainText("")  # type: ignore[union-attr]
    dialog.on_isian_changed()  # nothing typed: the message that is not the reminder stays
    assert dialog.message.text() == "Evaluasi sudah disimpan."


def test_findings_that_appear_after_the_question_are_asked_again(qtbot, login, monkeypatch) -> None:
    penilai = login("penilai")
    rate_all_subordinates(penilai)
    skp_id = bawahan_camat(penilai)[0]
    dialog = open_dialog(qtbot, penilai, skp_id)
    monkeypatch.setattr(evaluasi, "check_finalise", lambda _s, _a, _id: [])  # none when asked first
    monkeypatch.setattr(form_module, "ask_yes_no", lambda *a, **k: True)
    shown: list[int] = []

    def acknowledge(d: AkuiDistribusiDialog) -> QDialog.DialogCode:
        shown.append(d.daftar.count())
        d.acknowledge_check.setChecked(True)
        d.accept()
        return QDialog.DialogCode(d.result())

    monkeypatch.setattr(AkuiDistribusiDialog, "exec", acknowledge)
    dialog.finalise_button.click()
    assert shown and shown[0] > 0  # the service found them while finalising: asked again
    saved = stored(penilai, skp_id)
    assert saved.final and saved.distribusi_diakui
    assert dialog.message.text() == "Evaluasi sudah final dan terkunci."


def test_closing_and_printing_with_unsaved_feedback_lose_nothing(qtbot, login, monkeypatch) -> None:
    """Buang closes without storing; Cetak with unsaved feedback says to save first and keeps it."""
    penilai = login("penilai")
    skp_id = bawahan_camat(penilai)[2]
    dialog = open_dialog(qtbot, penilai, skp_id)
    rhk = dialog.form.hasil_kerja[0].rhk_id  # type: ignore[union-attr]
    sebelum = stored(penilai, skp_id).hasil_kerja[0].umpan_balik
    dialog.hasil_kerja.umpan[rhk].setPlainText("Umpan balik yang belum disimpan.")
    said: list[str] = []
    monkeypatch.setattr("kinerja_desktop.ui.printing.menu.show_error", lambda _p, text: said.append(text))
    monkeypatch.setattr(
        "kinerja_desktop.ui.printing.menu.pratinjau_evaluasi", lambda *a: pytest.fail("printed unsaved")
    )
    menu = dialog.print_button.menu()
    assert menu is not None
    menu.actions()[0].trigger()
    assert said and "belum disimpan" in said[0] and dialog.dirty()
    asked: list[str] = []

    def buang(_parent, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(form_module, "ask_save_discard", buang)
    dialog.close_button.click()
    assert asked == ["Isian evaluasi ini belum disimpan."] and not dialog.isVisible()
    assert stored(penilai, skp_id).hasil_kerja[0].umpan_balik == sebelum


def test_feedback_over_its_limit_is_refused_and_kept_with_a_counter(qtbot, login, monkeypatch) -> None:
    penilai = login("penilai")
    skp_id = bawahan_camat(penilai)[2]
    dialog = open_dialog(qtbot, penilai, skp_id)
    rhk = dialog.form.hasil_kerja[0].rhk_id  # type: ignore[union-attr]
    box = dialog.hasil_kerja.umpan[rhk]
    assert not box.counter.isVisibleTo(dialog)  # short texts: no counter among the many boxes
    box.setPlainText("a" * 3300)
    assert box.counter.isVisibleTo(dialog) and box.counter.text() == "Sisa 700 dari 4.000 karakter"
    panjang = "b" * 4010
    box.setPlainText(panjang)
    assert box.counter.text().startswith("Kelebihan 10 karakter")
    refused: list[str] = []
    monkeypatch.setattr("kinerja_desktop.ui.common.ops.show_error", lambda _p, e: refused.append(str(e)))
    dialog.on_save_button_clicked()
    assert refused and "terlalu panjang: 4.010 karakter" in refused[0]
    assert dialog.isVisible() and dialog.dirty() and box.text() == panjang
    assert stored(penilai, skp_id).hasil_kerja[0].umpan_balik != panjang


def test_a_reason_to_reopen_that_is_refused_keeps_the_dialog_and_the_text(qtbot, login, monkeypatch) -> None:
    admin = login("admin")
    with admin.workspace.read() as s:
        final = s.scalars(
            select(Evaluasi).where(Evaluasi.periode == "TW1", Evaluasi.status == "final")
        ).first()
    assert final is not None
    dialog = open_dialog(qtbot, admin, final.skp_id, "TW1")
    seen: list[tuple[bool, str, str]] = []

    def too_short(d: TeksDialog) -> QDialog.DialogCode:
        d.show()
        d.teks.setPlainText("Typo")  # the service wants at least 5 characters
        d.buttons.button(d.buttons.StandardButton.Ok).click()
        seen.append((d.isVisible(), d.value(), d.message.text()))
        QDialog.done(d, QDialog.DialogCode.Rejected)
        return QDialog.DialogCode(d.result())

    monkeypatch.setattr(TeksDialog, "exec", too_short)
    dialog.open_button.click()
    [(still_open, kept, message)] = seen
    assert still_open and kept == "Typo" and "sedikitnya 5 karakter" in message
    assert stored(admin, final.skp_id, "TW1").final


def test_the_form_warns_when_nothing_was_realised_in_the_period(qtbot, login) -> None:
    from kinerja_desktop.core.db.base import utcnow
    from kinerja_desktop.core.db.models import Indikator, Realisasi, Rhk

    penilai = login("penilai")
    skp_id = bawahan_camat(penilai)[0]
    dialog = open_dialog(qtbot, penilai, skp_id)
    assert dialog.rating.tanpa_realisasi.isHidden()  # the demo reported this period
    dialog.close()
    with penilai.workspace.transaction() as s:
        indikator = select(Indikator.id).join(Rhk, Rhk.id == Indikator.rhk_id).where(Rhk.skp_id == skp_id)
        for row in s.scalars(
            select(Realisasi).where(Realisasi.indikator_id.in_(indikator), Realisasi.periode == TW)
        ):
            row.dihapus_pada = utcnow()
    dialog = open_dialog(qtbot, penilai, skp_id)
    label = dialog.rating.tanpa_realisasi
    assert not label.isHidden() and label.text().startswith("Belum ada realisasi yang dilaporkan untuk")
    assert dialog.rating.hasil.isEnabled()  # a warning, not a block


def test_the_pimpinan_reads_the_form_without_rating_hints(qtbot, login) -> None:
    pimpinan = login("pimpinan")
    dialog = open_dialog(qtbot, pimpinan, bawahan_camat(pimpinan)[0])
    assert dialog.form is not None and dialog.form.kepala_unit and not dialog.form.boleh_nilai
    assert dialog.rating.saran.isHidden() and dialog.rating.tanpa_realisasi.isHidden()
