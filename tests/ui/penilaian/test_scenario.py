"""The appraisal round through the screens: the camat evaluates every subordinate for TW3 and the year,
sees the distribution warnings, finalises, and the administrator reopens one evaluation with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog
from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, StatusEvaluasi
from kinerja_desktop.core.rules.predikat import Predikat, Rating, compute_predikat
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import TeksDialog
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.penilaian import form as form_module
from kinerja_desktop.ui.penilaian import page as penilaian_page
from kinerja_desktop.ui.penilaian.finalise import AkuiDialog
from kinerja_desktop.ui.penilaian.form import EvaluasiDialog
from kinerja_desktop.ui.penilaian.form_feedback import TeksTampil
from kinerja_desktop.ui.penilaian.form_history import AkuiDistribusiDialog
from kinerja_desktop.ui.penilaian.page import PenilaianPage

TAHUN = date.today().year
ALASAN = "Rating perilaku salah pilih; dikoreksi atas permintaan pejabat penilai"
Skrip = Callable[[EvaluasiDialog], None]


@pytest.fixture(scope="module")
def demo_template(demo_office: Callable[[int], Path]) -> Path:
    return demo_office(20)


@pytest.fixture
def formulir(monkeypatch: pytest.MonkeyPatch) -> list[Skrip]:
    """The page opens the real EvaluasiDialog; what the user does in it is the next script in the list."""
    antrean: list[Skrip] = []

    def exec_(dialog: EvaluasiDialog) -> int:
        dialog.show()
        antrean.pop(0)(dialog)
        dialog.close_button.click()
        assert not dialog.isVisible(), "the form closes once everything is saved"
        return int(dialog.result())

    monkeypatch.setattr(EvaluasiDialog, "exec", exec_)
    monkeypatch.setattr(form_module, "ask_yes_no", lambda *a, **k: True)
    # A form left with typed text (a failed step) must not block the teardown with a modal question.
    monkeypatch.setattr(form_module, "ask_save_discard", lambda *a: QMessageBox.StandardButton.Discard)
    return antrean


def buka_halaman(qtbot, ws: Workspace, user: str, kode: str) -> PenilaianPage:
    ctx = UiContext(ws, ws.login(user, f"{user}123"), TaskRunner(None))
    page = PenilaianPage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    page.pilihan.periode.tahun.setValue(TAHUN)
    page.refresh()
    pilih_periode(page, kode)
    return page


def pilih_periode(page: PenilaianPage, kode: str) -> None:
    combo = page.pilihan.periode.periode
    combo.setCurrentIndex(combo.findData(kode))  # the page reloads on the change
    assert page.pilihan.value().kode == kode


def buka_baris(page: PenilaianPage, qtbot, row: BarisEvaluasi, *, enter: bool = False) -> None:
    n = page.model.row_of(row.pegawai_id)
    page.table.selectRow(n)
    if enter:
        page.activateWindow()  # the Enter shortcut is bound to the table
        qtbot.waitUntil(page.isActiveWindow)
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    else:
        page.open_button.click()


def nilai(hasil: Rating, perilaku: Rating, teks: str, *, akhir: bool = False) -> Skrip:
    """Type feedback on every RHK and value, choose both ratings, check the live predikat, save."""

    def isi(d: EvaluasiDialog) -> None:
        assert d.form is not None and d.form.boleh_nilai and not d.form.final
        if akhir:  # the year's form shows what every quarter realised
            tabel = "\n".join(t.toPlainText() for t in d.hasil_kerja.findChildren(TeksTampil))
            assert "Triwulan I:" in tabel and "Triwulan III:" in tabel
            assert "TW3" in [r.periode for r in d.form.riwayat]  # the quarter just rated, as history
        for kotak in d.hasil_kerja.umpan.values():
            kotak.setPlainText(f"{teks}; lengkapi bukti dukung.")
        for kotak in d.perilaku.umpan.values():
            kotak.setPlainText(teks)
        d.tabs.setCurrentWidget(d.rating)
        d.rating.hasil.tombol[hasil].click()
        d.rating.perilaku.tombol[perilaku].click()
        assert compute_predikat(hasil, perilaku).label in d.predikat.text()  # live, before saving
        d.rating.catatan.setPlainText(f"Catatan {teks.lower()}.")
        d.save_button.click()
        assert d.message.text() == "Evaluasi sudah disimpan." and not d.dirty()

    return isi


def nilai_semua(page: PenilaianPage, qtbot, formulir: list[Skrip], *, akhir: bool = False) -> list[str]:
    """Rate every subordinate through their form: the first Sangat Baik, the rest Baik."""
    rows = [r for r in page.model.rows if r.boleh_nilai]
    assert len(rows) >= 5 and all(r.status is StatusEvaluasi.BELUM for r in rows)
    for n, row in enumerate(rows):
        rating = Rating.DI_ATAS if n == 0 else Rating.SESUAI
        formulir.append(nilai(rating, rating, "Kerja baik" if n else "Kerja istimewa", akhir=akhir))
        buka_baris(page, qtbot, row, enter=n == 0)
    assert not formulir, "every form was opened"
    return [r.pegawai_id for r in rows]


def finalkan_semua(page: PenilaianPage, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Finalkan semua yang siap: the warnings must be acknowledged first. Returns the warnings shown."""
    seen: list[str] = []

    def acknowledge(dialog: AkuiDialog) -> int:
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        assert not dialog.ok.isEnabled()
        dialog.check.click()
        dialog.ok.click()
        return int(dialog.result())

    monkeypatch.setattr(AkuiDialog, "exec", acknowledge)
    monkeypatch.setattr(penilaian_page, "show_info", lambda *a, **k: None)
    page.finalise_all_button.click()
    return seen


def test_camat_rates_everyone_for_tw3_and_the_year_then_the_admin_reopens_one(
    qtbot, demo_ws: Workspace, formulir: list[Skrip], monkeypatch: pytest.MonkeyPatch
) -> None:
    # --- TW3: the camat's own staff, rated one by one through the form ------------------------------
    penilai = buka_halaman(qtbot, demo_ws, "penilai", "TW3")
    assert penilai.pilihan.bawahan.isChecked()
    bawahan = nilai_semua(penilai, qtbot, formulir)
    rows = {r.pegawai_id: r for r in penilai.model.rows}
    assert all(rows[p].status is StatusEvaluasi.DRAF for p in bawahan)
    assert rows[bawahan[0]].predikat == Predikat.SANGAT_BAIK.value
    assert all(rows[p].predikat == Predikat.BAIK.value for p in bawahan[1:])
    # All but one Baik in units whose capaian is Baik: the page warns about the distribution.
    assert penilai.dist is not None and penilai.dist.temuan
    assert "Peringatan pola distribusi" in penilai.panel.temuan.text()

    # One is finalised from its own form: the warnings are shown and must be acknowledged there.
    shown: list[list[str]] = []

    def acknowledge_in_form(d: AkuiDistribusiDialog) -> int:
        shown.append([d.daftar.item(n).text() for n in range(d.daftar.count())])
        d.ok.click()  # refused until the box is ticked
        assert d.result() == 0 and not d.ok.isEnabled()
        d.acknowledge_check.click()
        d.ok.click()
        return int(d.result())

    monkeypatch.setattr(AkuiDistribusiDialog, "exec", acknowledge_in_form)

    def finalise_here(d: EvaluasiDialog) -> None:
        d.finalise_button.click()
        assert d.form is not None and d.form.final and not d.finalise_button.isVisible()
        assert all(k.isReadOnly() for k in d.hasil_kerja.umpan.values())

    formulir.append(finalise_here)
    buka_baris(penilai, qtbot, rows[bawahan[0]])
    assert shown and shown[0] and all(t.startswith("⚠") for t in shown[0])

    # The others in one go from the grid, again after acknowledging the warnings.
    seen = finalkan_semua(penilai, monkeypatch)
    assert seen
    rows = {r.pegawai_id: r for r in penilai.model.rows}
    assert all(rows[p].status is StatusEvaluasi.FINAL for p in bawahan)

    # --- AKHIR: the annual evaluation of the same staff ---------------------------------------------
    pilih_periode(penilai, "AKHIR")
    assert "Akhir Tahun" in penilai.panel.judul.text()
    nilai_semua(penilai, qtbot, formulir, akhir=True)
    assert penilai.dist is not None and penilai.dist.temuan  # no capaian for the year yet, among others
    assert finalkan_semua(penilai, monkeypatch)
    rows = {r.pegawai_id: r for r in penilai.model.rows}
    assert all(rows[p].status is StatusEvaluasi.FINAL for p in bawahan)

    # --- the administrator reopens one TW3 evaluation with a reason ---------------------------------
    admin = buka_halaman(qtbot, demo_ws, "admin", "TW3")
    target = next(r for r in admin.model.rows if r.pegawai_id == bawahan[1])
    assert target.status is StatusEvaluasi.FINAL
    asked: list[bool] = []

    def type_reason(d: TeksDialog) -> int:
        ok = d.buttons.button(d.buttons.StandardButton.Ok)
        ok.click()  # no reason: refused
        asked.append(d.note.isVisibleTo(d))
        d.teks.setPlainText(ALASAN)
        ok.click()
        return int(d.result())

    monkeypatch.setattr(TeksDialog, "exec", type_reason)

    def reopen(d: EvaluasiDialog) -> None:
        assert (
            d.form is not None
            and d.form.final
            and d.open_button.isVisible()
            and not d.save_button.isVisible()
        )
        d.open_button.click()
        assert d.form.status is StatusEvaluasi.DRAF and ALASAN in d.header.dibuka.text()

    formulir.append(reopen)
    buka_baris(admin, qtbot, target)
    assert asked == [True]
    assert next(r for r in admin.model.rows if r.pegawai_id == bawahan[1]).status is StatusEvaluasi.DRAF
    with demo_ws.read() as s:
        log = s.scalars(select(AuditLog).where(AuditLog.aksi == "buka_evaluasi")).all()
    assert [a.username for a in log] == ["admin"] and ALASAN in log[0].keterangan

    # The camat sees it open again, with the reason, and may change it.
    penilai.load()
    pilih_periode(penilai, "TW3")
    row = next(r for r in penilai.model.rows if r.pegawai_id == bawahan[1])
    assert row.status is StatusEvaluasi.DRAF and row.boleh_nilai

    def sees_reason(d: EvaluasiDialog) -> None:
        assert d.form is not None and d.form.boleh_nilai and ALASAN in d.header.dibuka.text()

    formulir.append(sees_reason)
    buka_baris(penilai, qtbot, row)
