"""The SKP editor: RHK with cascade, indicators, submit checks, approve or reject, revisions, ekspektasi."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from kinerja_desktop.core.demo import generate_demo
from kinerja_desktop.core.model.skp import IndikatorView, PilihanKaskade, RhkPilihan, SkpInput
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import pegawai, skp
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import MasalahDialog, TeksDialog
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.skp.editor import SkpEditor
from kinerja_desktop.ui.skp.indikator_dialog import IndikatorDialog
from kinerja_desktop.ui.skp.rhk_dialogs import TANPA_ATASAN, MulaiDariDialog, RhkDialog

TAHUN = date.today().year
NAMA = {"reni": "Reni Lestari, S.Pd.", "heru": "Heru Saputra, S.AP.", "arief": "Arief Syahputra, S.Hum."}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20-pegawai demo; Reni's draft deleted; Heru (under the camat) has a submitted revision, versi 2."""
    folder = tmp_path_factory.mktemp("demo") / "d"
    ws = Workspace.open(AppPaths(folder))
    generate_demo(ws, jumlah_pegawai=20)
    admin = ws.login("admin", "admin123")
    with ws.transaction(admin) as session:
        skp_of = {r.nama: r.id for r in skp.list_skp(session, admin, TAHUN)}
        skp.delete_skp(session, admin, skp_of[NAMA["reni"]])
        revisi = skp.revise_skp(session, admin, skp_of[NAMA["heru"]])
        skp.submit_skp(session, admin, revisi)
    ws.close()
    return folder


def _ctx(tmp_path: Path, template: Path, user: str) -> Iterator[UiContext]:
    shutil.copytree(template, tmp_path / user)
    ws = Workspace.open(AppPaths(tmp_path / user))
    yield UiContext(ws, ws.login(user, f"{user}123"), TaskRunner(None))
    ws.close()


@pytest.fixture
def operator(tmp_path: Path, demo_template: Path) -> Iterator[UiContext]:
    yield from _ctx(tmp_path, demo_template, "operator")


@pytest.fixture
def penilai(tmp_path: Path, demo_template: Path) -> Iterator[UiContext]:
    yield from _ctx(tmp_path, demo_template, "penilai")


def editor_for(qtbot, ctx: UiContext, nama: str) -> SkpEditor:
    with ctx.workspace.read() as session:
        skp_id = next(r.id for r in skp.list_skp(session, ctx.actor, TAHUN) if r.nama == NAMA[nama])
    widget = SkpEditor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 750)
    assert widget.load(skp_id)
    return widget


def new_skp_for_reni(qtbot, ctx: UiContext) -> SkpEditor:
    with ctx.workspace.transaction(ctx.actor) as session:
        reni = next(p.id for p in pegawai.list_pegawai(session, ctx.actor) if p.nama_lengkap == NAMA["reni"])
        skp_id = skp.create_skp(session, ctx.actor, reni, TAHUN, SkpInput.setahun(TAHUN))
    widget = SkpEditor(ctx)
    qtbot.addWidget(widget)
    assert widget.load(skp_id)
    return widget


def accepted(dialog: QDialog) -> QDialog.DialogCode:
    dialog.accept()
    return QDialog.DialogCode.Accepted if dialog.result() else QDialog.DialogCode.Rejected


def test_operator_builds_an_skp_and_submits_it(
    qtbot, operator: UiContext, monkeypatch, qtmodeltester
) -> None:
    editor = new_skp_for_reni(qtbot, operator)
    assert (
        editor.tabs.tabText(0) == "Hasil Kerja" and editor.submit_button.isVisible() is False
    )  # not shown yet
    editor.show()
    assert (
        editor.submit_button.isVisible()
        and not editor.approve_button.isVisible()
        and not editor.alasan.isVisible()
    )

    offered: list[int] = []

    def choose_first_cascade_option(dialog: RhkDialog) -> QDialog.DialogCode:
        offered.append(dialog.atasan.count())
        dialog.atasan.setCurrentIndex(1)  # the text of the superior RHK is offered as a start
        return accepted(dialog)

    monkeypatch.setattr(RhkDialog, "exec", choose_first_cascade_option)
    editor.hasil_kerja.on_add_rhk_button_clicked()
    assert offered[0] > 1
    assert editor.detail is not None
    (rhk,) = editor.detail.rhk_utama
    assert rhk.rhk_atasan_id and rhk.teks == rhk.rhk_atasan_teks
    qtmodeltester.check(editor.hasil_kerja.model)

    problems: list[list[str]] = []

    def record(dialog: MasalahDialog) -> QDialog.DialogCode:
        problems.append([dialog.daftar.item(n).text() for n in range(dialog.daftar.count())])
        return accepted(dialog)

    monkeypatch.setattr(MasalahDialog, "exec", record)
    editor.on_submit_button_clicked()
    assert any("belum memiliki indikator" in p for p in problems[0])
    assert editor.detail.status == "draft"
    assert "belum bisa diajukan" in editor.message.text()

    def twelve_documents(dialog: IndikatorDialog) -> QDialog.DialogCode:
        dialog.teks.setPlainText("Jumlah dokumen yang diselesaikan")
        dialog.minimum.setText("12")
        dialog.satuan.setText("dokumen")
        return accepted(dialog)

    editor.hasil_kerja.select(("rhk", rhk.id))
    monkeypatch.setattr(IndikatorDialog, "exec", twelve_documents)
    editor.hasil_kerja.on_add_indikator_button_clicked()
    (indikator,) = editor.detail.rhk_utama[0].indikator
    assert indikator.target == "12 dokumen" and indikator.aspek == "kuantitas"
    qtmodeltester.check(editor.hasil_kerja.model)

    editor.on_submit_button_clicked()  # only warnings now (lampiran empty): accepted
    assert all(p.startswith("⚠") for p in problems[1])
    assert editor.detail.status == "diajukan" and editor.detail.read_only
    assert editor.alasan.text().startswith("SKP sedang diajukan")
    assert editor.withdraw_button.isVisible() and not editor.hasil_kerja.add_rhk_button.isEnabled()


def test_rhk_utama_must_name_a_superior_rhk(qtbot) -> None:
    kaskade = PilihanKaskade("p", "Atasan", "s", [RhkPilihan("r1", "utama", "Meningkatnya layanan")], "")
    dialog = RhkDialog(None, "ja_jf", kaskade)
    qtbot.addWidget(dialog)
    assert dialog.atasan.itemText(0) == TANPA_ATASAN
    dialog.teks.setPlainText("Terlaksananya pelayanan")
    assert not dialog.check()
    assert "wajib" in dialog.atasan_note.text()
    dialog.jenis.setCurrentIndex(1)  # tambahan needs no link
    assert dialog.check() and dialog.value().rhk_atasan_id is None


def test_penilai_approves_a_subordinate_and_it_becomes_read_only(
    qtbot, penilai: UiContext, monkeypatch
) -> None:
    editor = editor_for(qtbot, penilai, "heru")
    editor.show()
    assert editor.detail is not None and editor.detail.versi == 2 and editor.detail.status == "diajukan"
    assert editor.approve_button.isVisible() and editor.reject_button.isVisible()
    monkeypatch.setattr("kinerja_desktop.ui.skp.editor.ask_yes_no", lambda *a, **k: True)
    editor.on_approve_button_clicked()
    assert editor.detail.status == "disetujui" and editor.detail.read_only
    assert editor.alasan.text() == "SKP sudah disetujui; buat revisi untuk mengubah."
    assert not editor.approve_button.isVisible() and not editor.hasil_kerja.add_rhk_button.isEnabled()
    assert editor.header.versi.count() == 2


def test_reject_needs_a_note_and_shows_it(qtbot, penilai: UiContext, monkeypatch) -> None:
    editor = editor_for(qtbot, penilai, "heru")

    def note(dialog: TeksDialog) -> QDialog.DialogCode:
        assert not dialog.check() and dialog.note.text()  # empty note refused
        dialog.teks.setPlainText("Target kuantitas terlalu rendah.")
        return accepted(dialog)

    monkeypatch.setattr(TeksDialog, "exec", note)
    editor.show()
    editor.on_reject_button_clicked()
    assert editor.detail is not None and editor.detail.status == "ditolak"
    assert editor.header.catatan.isVisible()
    assert editor.header.catatan.text() == "Catatan penolakan: Target kuantitas terlalu rendah."


def test_revise_makes_versi_2_and_deleting_it_goes_back(qtbot, operator: UiContext, monkeypatch) -> None:
    editor = editor_for(qtbot, operator, "arief")
    editor.show()
    assert editor.revise_button.isVisible() and editor.detail is not None and editor.detail.read_only
    monkeypatch.setattr("kinerja_desktop.ui.skp.editor.ask_yes_no", lambda *a, **k: True)
    editor.on_revise_button_clicked()
    assert (editor.detail.versi, editor.detail.status, editor.detail.read_only) == (2, "draft", False)
    assert editor.message.text() == "Revisi dibuat sebagai versi 2."
    assert [editor.header.versi.itemText(n) for n in range(2)] == ["Versi 2 — Draf", "Versi 1 — Disetujui"]
    assert len(editor.detail.rhk) == 2  # copied
    editor.on_delete_button_clicked()
    assert editor.detail.versi == 1 and editor.detail.status == "disetujui"


def test_ekspektasi_is_written_only_by_the_penilai(qtbot, operator: UiContext, penilai: UiContext) -> None:
    seen_by_operator = editor_for(qtbot, operator, "heru")
    assert all(e.isReadOnly() for e in seen_by_operator.perilaku.edits.values())
    assert len(seen_by_operator.perilaku.edits) == 7
    editor = editor_for(qtbot, penilai, "heru")
    assert editor.detail is not None and editor.detail.boleh_ekspektasi
    first = editor.detail.perilaku[0].perilaku_id
    editor.perilaku.edits[first].setPlainText("Menjawab setiap aduan warga dalam 2 hari kerja")
    assert editor.perilaku.dirty()
    editor.perilaku.on_save_button_clicked()
    assert editor.detail.perilaku[0].ekspektasi_khusus == "Menjawab setiap aduan warga dalam 2 hari kerja"
    assert not editor.perilaku.dirty() and editor.can_leave()


def test_lampiran_items_are_numbered(qtbot, operator: UiContext, monkeypatch) -> None:
    editor = new_skp_for_reni(qtbot, operator)

    def type_item(dialog: TeksDialog) -> QDialog.DialogCode:
        dialog.teks.setPlainText("Membutuhkan komputer/laptop")
        return accepted(dialog)

    monkeypatch.setattr(TeksDialog, "exec", type_item)
    box = editor.lampiran.lists["sumber_daya"]
    box.on_add_button_clicked()
    box.on_add_button_clicked()
    assert [box.daftar.item(n).text() for n in range(2)] == [
        "1. Membutuhkan komputer/laptop",
        "2. Membutuhkan komputer/laptop",
    ]
    assert box.edit_button.isEnabled()


def test_indicator_dialog_range_numbers_and_unsaved_guard(qtbot, monkeypatch) -> None:
    dialog = IndikatorDialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.check() and "indikator" in dialog.teks_note.text()
    dialog.teks.setPlainText("Persentase layanan tepat waktu")
    dialog.jenis_target.button(1).setChecked(True)
    dialog.minimum.setText("100")
    dialog.maksimum.setText("90")
    assert not dialog.check() and "lebih besar" in dialog.target_note.text()
    dialog.minimum.setText("90")
    dialog.maksimum.setText("100")
    dialog.satuan.setText("%")
    assert dialog.check()
    value = dialog.value()
    assert (value.target_min, value.target_maks, value.satuan) == (Decimal(90), Decimal(100), "%")
    dialog.minimum.setText("1.000")
    dialog.maksimum.setText("1.500,5")
    assert dialog.check()
    assert (dialog.value().target_min, dialog.value().target_maks) == (Decimal(1000), Decimal("1500.5"))

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr("kinerja_desktop.ui.common.forms.ask_save_discard", lambda *a: answers.pop(0))
    dialog.show()
    dialog.reject()  # Esc with typed text: Batal keeps the dialog open
    assert dialog.isVisible()
    dialog.reject()  # Buang closes it
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_indicator_dialog_reads_thousands_and_refuses_what_is_not_a_number(qtbot) -> None:
    dialog = IndikatorDialog(None)
    qtbot.addWidget(dialog)
    dialog.teks.setPlainText("Jumlah dokumen kependudukan yang diterbitkan")
    dialog.minimum.setText("1.500")
    assert dialog.check()
    assert (dialog.value().target_min, dialog.value().target_maks) == (Decimal(1500), None)
    dialog.minimum.setText("1,2,3")
    assert not dialog.check()
    assert dialog.target_note.text() == 'Target "1,2,3" bukan angka. Tulis misalnya 1.500 atau 95,5.'
    dialog.jenis_target.button(1).setChecked(True)
    dialog.minimum.setText("10")
    dialog.maksimum.setText("1..5")
    assert not dialog.check() and dialog.target_note.text().startswith('Batas atas "1..5" bukan angka.')

    dialog = IndikatorDialog(
        None, IndikatorView("x", "kuantitas", "Dokumen", Decimal("1500.0000"), None, "dokumen", "", 1)
    )
    qtbot.addWidget(dialog)
    assert dialog.minimum.text() == "1.500"
    assert dialog.check() and dialog.value().target_min == Decimal(1500)


def test_enter_accepts_a_text_dialog_and_pasted_lines_become_one(qtbot) -> None:
    dialog = TeksDialog(None, "Tambah konsekuensi", "Konsekuensi:")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.teks.setPlainText("Teguran\nlisan")  # pasted
    assert dialog.teks.text() == "Teguran lisan"
    dialog.teks.moveCursor(dialog.teks.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.teks, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.value() == "Teguran lisan"


def test_start_from_superior_rhk_then_edit_move_and_delete(qtbot, operator: UiContext, monkeypatch) -> None:
    editor = new_skp_for_reni(qtbot, operator)
    monkeypatch.setattr(MulaiDariDialog, "exec", accepted)
    editor.hasil_kerja.on_start_from_button_clicked()
    editor.hasil_kerja.on_start_from_button_clicked()
    assert editor.detail is not None
    first, second = editor.detail.rhk_utama
    assert first.indikator and first.rhk_atasan_id  # text, indicators and link copied

    editor.hasil_kerja.select(("rhk", second.id))
    editor.hasil_kerja.on_move_clicked(-1)
    assert [r.id for r in editor.detail.rhk_utama] == [second.id, first.id]
    assert editor.hasil_kerja.selected() == ("rhk", second.id)

    def retype(dialog: IndikatorDialog) -> QDialog.DialogCode:
        dialog.jenis_target.button(2).setChecked(True)
        dialog.target_teks.setText("Sesuai SOP")
        return accepted(dialog)

    indikator = editor.detail.rhk_utama[0].indikator[0]
    editor.hasil_kerja.select(("indikator", indikator.id))
    monkeypatch.setattr(IndikatorDialog, "exec", retype)
    editor.hasil_kerja.on_edit_button_clicked()
    assert editor.detail.rhk_utama[0].indikator[0].target == "Sesuai SOP"

    monkeypatch.setattr("kinerja_desktop.ui.skp.hasil_kerja.ask_yes_no", lambda *a, **k: True)
    editor.hasil_kerja.on_delete_button_clicked()
    assert len(editor.detail.rhk_utama[0].indikator) == len(second.indikator) - 1
    editor.hasil_kerja.select(("rhk", first.id))
    editor.hasil_kerja.on_delete_button_clicked()
    assert [r.id for r in editor.detail.rhk_utama] == [second.id]


def test_jpt_form_shows_perspektif_instead_of_the_superior_rhk(qtbot, operator: UiContext) -> None:
    editor = editor_for(qtbot, operator, "arief")
    assert editor.detail is not None
    jpt = replace(editor.detail, jenis_form="jpt")
    editor.show_detail(jpt)
    model = editor.hasil_kerja.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["No", "Rencana hasil kerja", "Indikator kinerja individu", "Target", "Perspektif"]
    assert not editor.hasil_kerja.start_from_button.isVisibleTo(editor)
    assert "Administrasi" not in editor.header.info.text() and "JPT" in editor.header.info.text()


def test_periode_and_pendekatan_of_a_draft_can_be_changed(qtbot, operator: UiContext, monkeypatch) -> None:
    from kinerja_desktop.ui.skp.list_dialogs import HeaderDialog

    editor = new_skp_for_reni(qtbot, operator)
    editor.show()
    assert editor.edit_header_button.isVisible()

    def choose(dialog: HeaderDialog) -> QDialog.DialogCode:
        dialog.awal.setDate(date(TAHUN, 3, 1))
        dialog.pendekatan.setCurrentIndex(dialog.pendekatan.findData("kualitatif"))
        return accepted(dialog)

    monkeypatch.setattr(HeaderDialog, "exec", choose)
    editor.on_edit_header_button_clicked()
    assert editor.detail is not None
    periode = (editor.detail.periode_awal, editor.detail.periode_akhir)
    assert periode == (date(TAHUN, 3, 1), date(TAHUN, 12, 31))
    assert editor.detail.pendekatan == "kualitatif"


# --- nothing typed is lost: unsaved ekspektasi before an action that leaves or locks the SKP ----------
SAVE, DISCARD, CANCEL = (
    QMessageBox.StandardButton.Save,
    QMessageBox.StandardButton.Discard,
    QMessageBox.StandardButton.Cancel,
)
HARAPAN = "Menjawab setiap aduan warga dalam 2 hari kerja"


@pytest.fixture
def admin(tmp_path: Path, demo_template: Path) -> Iterator[UiContext]:
    yield from _ctx(tmp_path, demo_template, "admin")


def answer_unsaved(monkeypatch, jawab: QMessageBox.StandardButton) -> list[tuple[str, str, str]]:
    """The editor's Simpan / Buang / Batal question answers ``jawab``; its text and the two button
    texts are recorded. A plain Ya/Tidak confirmation must not come as well."""
    asked: list[tuple[str, str, str]] = []

    def ask(_parent, text, _detail="", *, save="", discard=""):
        asked.append((text, save, discard))
        return jawab

    def no_second_question(*_a, **_k):
        raise AssertionError("asked twice")

    monkeypatch.setattr("kinerja_desktop.ui.skp.editor.ask_save_discard", ask)
    monkeypatch.setattr("kinerja_desktop.ui.skp.editor.ask_yes_no", no_second_question)
    return asked


def type_ekspektasi(editor: SkpEditor, teks: str = HARAPAN) -> str:
    assert editor.detail is not None and editor.detail.boleh_ekspektasi
    first = editor.detail.perilaku[0].perilaku_id
    editor.perilaku.edits[first].setPlainText(teks)
    assert editor.perilaku.dirty()
    return first


def stored(ctx: UiContext, editor: SkpEditor) -> tuple[str, str]:
    """(status, first ekspektasi) as the database has them."""
    assert editor.detail is not None
    with ctx.workspace.read() as session:
        d = skp.get_skp(session, ctx.actor, editor.detail.id)
    return d.status, d.perilaku[0].ekspektasi_khusus


@pytest.mark.parametrize(
    ("jawab", "status", "ekspektasi"),
    [(SAVE, "disetujui", HARAPAN), (DISCARD, "disetujui", ""), (CANCEL, "diajukan", "")],
    ids=["simpan", "buang", "batal"],
)
def test_approve_with_unsaved_ekspektasi_asks_first(
    qtbot, penilai: UiContext, monkeypatch, jawab, status, ekspektasi
) -> None:
    editor = editor_for(qtbot, penilai, "heru")
    type_ekspektasi(editor)
    asked = answer_unsaved(monkeypatch, jawab)
    editor.on_approve_button_clicked()
    [(text, save, discard)] = asked
    assert text.startswith(f"Setujui SKP {TAHUN} Heru Saputra") and "belum disimpan" in text
    assert (save, discard) == ("Simpan, lalu setujui", "Buang, lalu setujui")
    assert stored(penilai, editor) == (status, ekspektasi)
    if jawab == CANCEL:  # nothing done: the text is still there to save
        assert editor.perilaku.dirty() and editor.detail is not None and editor.detail.status == "diajukan"
    else:
        assert not editor.perilaku.dirty() and editor.detail is not None and editor.detail.read_only


@pytest.mark.parametrize(
    ("jawab", "status", "ekspektasi", "dialog_shown"),
    [(SAVE, "ditolak", HARAPAN, True), (DISCARD, "ditolak", "", True), (CANCEL, "diajukan", "", False)],
    ids=["simpan", "buang", "batal"],
)
def test_reject_with_unsaved_ekspektasi_asks_first(
    qtbot, penilai: UiContext, monkeypatch, jawab, status, ekspektasi, dialog_shown
) -> None:
    editor = editor_for(qtbot, penilai, "heru")
    type_ekspektasi(editor)
    asked = answer_unsaved(monkeypatch, jawab)
    shown: list[str] = []

    def note(dialog: TeksDialog) -> QDialog.DialogCode:
        shown.append(dialog.windowTitle())
        dialog.teks.setPlainText("Target kuantitas terlalu rendah.")
        return accepted(dialog)

    monkeypatch.setattr(TeksDialog, "exec", note)
    editor.on_reject_button_clicked()
    assert [(s, d) for _t, s, d in asked] == [("Simpan, lalu tolak", "Buang, lalu tolak")]
    assert bool(shown) is dialog_shown
    assert stored(penilai, editor) == (status, ekspektasi)


@pytest.mark.parametrize(
    ("jawab", "status", "ekspektasi"),
    [(SAVE, "diajukan", HARAPAN), (DISCARD, "diajukan", ""), (CANCEL, "draft", "")],
    ids=["simpan", "buang", "batal"],
)
def test_submit_with_unsaved_ekspektasi_asks_first(
    qtbot, admin: UiContext, monkeypatch, jawab, status, ekspektasi
) -> None:
    """An administrator may both write ekspektasi and submit a draft."""
    editor = editor_for(qtbot, admin, "arief")
    monkeypatch.setattr("kinerja_desktop.ui.skp.editor.ask_yes_no", lambda *a, **k: True)
    editor.on_revise_button_clicked()  # a draft to work on
    type_ekspektasi(editor)
    asked = answer_unsaved(monkeypatch, jawab)
    monkeypatch.setattr(MasalahDialog, "exec", accepted)  # only warnings (lampiran copied or empty)
    editor.on_submit_button_clicked()
    assert [(s, d) for _t, s, d in asked] == [("Simpan, lalu ajukan", "Buang, lalu ajukan")]
    assert stored(admin, editor) == (status, ekspektasi)


@pytest.mark.parametrize(
    ("jawab", "left", "ekspektasi"), [(SAVE, True, HARAPAN), (DISCARD, True, ""), (CANCEL, False, "")]
)
def test_leaving_the_editor_with_unsaved_ekspektasi_asks_first(
    qtbot, penilai: UiContext, monkeypatch, jawab, left, ekspektasi
) -> None:
    editor = editor_for(qtbot, penilai, "heru")
    type_ekspektasi(editor)
    asked = answer_unsaved(monkeypatch, jawab)
    closed: list[bool] = []
    editor.closed.connect(lambda: closed.append(True))
    editor.on_back_button_clicked()
    assert [(s, d) for _t, s, d in asked] == [("Simpan, lalu tutup SKP", "Buang, lalu tutup SKP")]
    assert bool(closed) is left
    assert stored(penilai, editor) == ("diajukan", ekspektasi)
    assert editor.perilaku.dirty() is not left


def test_choosing_another_version_or_printing_with_unsaved_ekspektasi_asks_first(
    qtbot, penilai: UiContext, monkeypatch
) -> None:
    editor = editor_for(qtbot, penilai, "heru")
    assert editor.detail is not None and editor.detail.versi == 2
    versi_1 = next(v.id for v in editor.detail.versi_lain if v.versi == 1)
    type_ekspektasi(editor)
    asked = answer_unsaved(monkeypatch, CANCEL)
    editor.on_versi_dipilih(versi_1)
    assert editor.detail.versi == 2 and editor.header.versi.currentData() == editor.detail.id
    previews: list[str] = []
    monkeypatch.setattr(
        "kinerja_desktop.ui.printing.menu.pratinjau_skp", lambda _c, _p, sid: previews.append(sid)
    )
    editor.print_button.click()
    assert previews == [] and editor.perilaku.dirty()
    asked = answer_unsaved(monkeypatch, SAVE)
    editor.print_button.click()
    assert previews == [editor.detail.id] and stored(penilai, editor) == ("diajukan", HARAPAN)
    assert [(s, d) for _t, s, d in asked] == [("Simpan, lalu cetak", "Buang, lalu cetak")]


def test_typed_ekspektasi_survive_a_refused_save_and_other_actions(
    qtbot, admin: UiContext, monkeypatch
) -> None:
    editor = editor_for(qtbot, admin, "arief")
    monkeypatch.setattr("kinerja_desktop.ui.skp.editor.ask_yes_no", lambda *a, **k: True)
    editor.on_revise_button_clicked()
    first = type_ekspektasi(editor, "x" * 2001)
    refused: list[str] = []
    monkeypatch.setattr("kinerja_desktop.ui.common.ops.show_error", lambda _p, e: refused.append(str(e)))
    counter = editor.perilaku.counters[first]
    assert counter.isVisibleTo(editor.perilaku) and counter.text().startswith("Kelebihan 1 karakter")
    assert not editor.perilaku.save()  # refused: the SKP was read again, the text is still there
    assert "terlalu panjang" in refused[0] and editor.perilaku.edits[first].text() == "x" * 2001
    counter = editor.perilaku.counters[first]
    assert counter.isVisibleTo(editor.perilaku) and counter.text().startswith("Kelebihan 1 karakter")
    editor.perilaku.edits[first].setPlainText(HARAPAN)
    assert not counter.isVisibleTo(editor.perilaku)  # far from the limit: no counter on each box

    def type_item(dialog: TeksDialog) -> QDialog.DialogCode:
        dialog.teks.setPlainText("Membutuhkan komputer/laptop")
        return accepted(dialog)

    monkeypatch.setattr(TeksDialog, "exec", type_item)
    editor.lampiran.lists["sumber_daya"].on_add_button_clicked()  # reads the SKP again
    assert editor.detail is not None and editor.detail.lampiran["sumber_daya"]
    assert editor.perilaku.edits[first].text() == HARAPAN and editor.perilaku.dirty()
