"""Archiving from the Pegawai page (and re-homing subordinates), re-activating, read-only roles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from kinerja_desktop.core.model.pegawai import PegawaiRow, StatusAktif
from kinerja_desktop.core.services import pegawai
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.pegawai import page as pegawai_page
from kinerja_desktop.ui.pegawai.archive import ArsipDialog, GantiAtasanDialog
from kinerja_desktop.ui.pegawai.page import PegawaiPage


@pytest.fixture
def page(qtbot, ctx: UiContext) -> PegawaiPage:
    widget = PegawaiPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


class Questions(list[str]):
    """Ya/Tidak questions the page asked; each is answered with ``reply``."""

    reply = True


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Questions:
    questions = Questions()

    def yes_no(_parent: object, text: str, detail: str = "", **_: object) -> bool:
        questions.append(f"{text} {detail}")
        return questions.reply

    monkeypatch.setattr(pegawai_page, "ask_yes_no", yes_no)
    return questions


def _select(page: PegawaiPage, nama: str) -> PegawaiRow:
    page.search.setText(nama)
    page.table.selectRow(0)
    row = page.selected()
    assert row is not None and row.nama == nama
    return row


def _row(ctx: UiContext, nama: str) -> PegawaiRow:
    with ctx.workspace.read() as s:
        return next(r for r in pegawai.list_pegawai(s, ctx.actor) if r.nama == nama)


def _archive_as_pensiun(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_exec(dialog: ArsipDialog) -> int:
        dialog.status.setCurrentIndex(dialog.status.findData(StatusAktif.PENSIUN.value))
        dialog.tanggal.set_value(date(2026, 10, 1))
        dialog.alasan.setText("SK Pensiun 800/12/2026")
        dialog.on_deactivate_button_clicked()
        return dialog.result()

    monkeypatch.setattr(ArsipDialog, "exec", fake_exec)


def test_archive_with_subordinates_offers_a_new_superior(
    page: PegawaiPage, ctx: UiContext, monkeypatch: pytest.MonkeyPatch, asked: Questions
) -> None:
    herman = _select(page, "Herman Sanjaya")
    assert page.deactivate_button.isEnabled() and not page.activate_button.isEnabled()
    _archive_as_pensiun(monkeypatch)
    camat = _row(ctx, "Iqbal Fauzi")
    chosen: list[GantiAtasanDialog] = []

    def fake_ganti(dialog: GantiAtasanDialog) -> int:
        chosen.append(dialog)
        dialog.atasan.set_value(camat.id)
        dialog.on_save_button_clicked()
        return dialog.result()

    monkeypatch.setattr(GantiAtasanDialog, "exec", fake_ganti)
    page.deactivate_button.click()

    assert len(asked) == 1 and "2 pegawai masih melapor kepada Herman Sanjaya" in asked[0]
    assert "Nyayu Yuliana Fitri Sari, Zahra Permatasari" in asked[0]
    assert chosen and "Zahra Permatasari" in chosen[0].intro.text()
    with ctx.workspace.read() as s:
        detail = pegawai.get_pegawai(s, ctx.actor, herman.id)
    assert detail.status_aktif == "pensiun" and detail.alasan_nonaktif == "SK Pensiun 800/12/2026"
    assert _row(ctx, "Zahra Permatasari").atasan_id == camat.id
    assert _row(ctx, "Nyayu Yuliana Fitri Sari").atasan_id == camat.id
    text = page.message.text()
    assert "sudah dinonaktifkan (pensiun)" in text and "tidak lagi kepala Sekretariat Kecamatan" in text
    assert "2 bawahannya kini melapor kepada H. Iqbal Fauzi, S.AP., M.AP." in text
    assert page.model.rowCount() == 0  # the search still says Herman, who is no longer active


def test_declining_the_offer_says_what_is_left(
    page: PegawaiPage, ctx: UiContext, monkeypatch: pytest.MonkeyPatch, asked: Questions
) -> None:
    asked.reply = False
    _select(page, "Rina Puspita")
    _archive_as_pensiun(monkeypatch)
    monkeypatch.setattr(GantiAtasanDialog, "exec", lambda d: pytest.fail("not offered after Tidak"))
    page.deactivate_button.click()
    assert "Bawahannya masih perlu atasan baru." in page.message.text()
    assert _row(ctx, "Lina Novitasari").atasan_nama == "Rina Puspita"


def test_reactivate(
    page: PegawaiPage, ctx: UiContext, monkeypatch: pytest.MonkeyPatch, asked: Questions
) -> None:
    sri = _row(ctx, "Sri Hasanah")
    with ctx.workspace.transaction(ctx.actor) as s:
        pegawai.archive_pegawai(
            s, ctx.actor, sri.id, StatusAktif.MUTASI_KELUAR, date(2026, 3, 1), "ke Dinas X"
        )
    page.refresh()
    page.aktif.setCurrentIndex(page.aktif.findData("nonaktif"))
    _select(page, "Sri Hasanah")
    assert page.activate_button.isEnabled() and not page.deactivate_button.isEnabled()
    page.activate_button.click()
    assert asked == ["Aktifkan kembali Sri Hasanah? "]
    assert _row(ctx, "Sri Hasanah").status_aktif == "aktif"
    assert page.message.text() == "Sri Hasanah aktif kembali."


def test_archived_pegawai_opens_read_only(qtbot, page: PegawaiPage, ctx: UiContext, monkeypatch) -> None:
    sri = _row(ctx, "Sri Hasanah")
    with ctx.workspace.transaction(ctx.actor) as s:
        pegawai.archive_pegawai(s, ctx.actor, sri.id, StatusAktif.MENINGGAL, date(2026, 3, 1))
    form = page.open_form(sri.id)
    qtbot.addWidget(form)
    assert form.read_only and form.save_button.isHidden()


@pytest.mark.parametrize("username", ["penilai", "pimpinan"])
def test_read_only_roles_cannot_change_pegawai(qtbot, ctx: UiContext, username: str, monkeypatch) -> None:
    actor = ctx.workspace.login(username, f"{username}123")
    page = PegawaiPage(UiContext(ctx.workspace, actor, ctx.tasks))
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 30
    page.table.selectRow(0)
    assert not page.add_button.isEnabled()
    assert not page.deactivate_button.isEnabled() and not page.activate_button.isEnabled()
    assert page.edit_button.text() == "Lihat…" and page.edit_button.isEnabled()
    opened: list[bool] = []
    monkeypatch.setattr(QDialog, "exec", lambda d: opened.append(d.read_only) or 0)
    page.edit_button.click()
    assert opened == [True]
    page.on_add_button_clicked()  # Ctrl+N does nothing for them
    assert opened == [True]


def test_hapus_explains_why_a_pegawai_with_records_stays_and_deletes_one_entered_by_mistake(
    page: PegawaiPage, ctx: UiContext, asked: Questions, monkeypatch: pytest.MonkeyPatch
) -> None:
    infos: list[str] = []
    monkeypatch.setattr(
        pegawai_page, "show_info", lambda _p, text, detail="": infos.append(f"{text} {detail}")
    )
    camat = next(r for r in page.model.semua if r.atasan_id is None)
    page.select_pegawai(camat.id)
    assert page.delete_button.isEnabled()
    page.delete_button.click()
    assert asked == [] and len(infos) == 1
    assert infos[0].startswith(f"{camat.nama_lengkap} tidak bisa dihapus karena sudah memiliki SKP tahun")
    assert "nonaktifkan saja" in infos[0]

    with ctx.workspace.transaction(ctx.actor) as s:
        data = pegawai.get_pegawai(s, ctx.actor, camat.id).data
        salah = pegawai.create_pegawai(
            s,
            ctx.actor,
            replace(
                data,
                nip="19900101 201503 1 002",
                nama="Salah Masuk",
                gelar_depan="",
                gelar_belakang="",
                atasan_id=None,
            ),
        )
    page.refresh()
    page.select_pegawai(salah)
    asked.reply = False
    page.delete_button.click()
    assert "Hapus data Salah Masuk?" in asked[-1] and salah in {r.id for r in page.model.semua}
    asked.reply = True
    page.delete_button.click()
    assert salah not in {r.id for r in page.model.semua}
    assert "Data Salah Masuk sudah dihapus." in page.message.text()
