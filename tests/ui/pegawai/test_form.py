"""The pegawai form: NIP fills and checks fields, choices follow each other, every refusal shows inline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Pegawai
from kinerja_desktop.core.model.pegawai import PegawaiRow
from kinerja_desktop.core.services import pegawai, unit_kerja
from kinerja_desktop.core.services.access import Peran
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.pegawai import form
from kinerja_desktop.ui.pegawai import photo as foto
from kinerja_desktop.ui.pegawai.form import PegawaiForm

NIP_BARU = "199001012015031002"  # 1 Jan 1990, TMT CPNS March 2015, male


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Questions the form asks are recorded and answered (Buang / Ya) instead of blocking."""
    asked: dict[str, list[str]] = {"save_discard": [], "yes_no": [], "error": []}
    answer = {"save_discard": QMessageBox.StandardButton.Discard, "yes_no": True}

    def save_discard(_parent: object, text: str) -> QMessageBox.StandardButton:
        asked["save_discard"].append(text)
        return answer["save_discard"]

    def yes_no(_parent: object, text: str, detail: str = "", **_: object) -> bool:
        asked["yes_no"].append(f"{text} {detail}")
        return bool(answer["yes_no"])

    monkeypatch.setattr(form, "ask_save_discard", save_discard)
    monkeypatch.setattr(form, "ask_yes_no", yes_no)
    monkeypatch.setattr(foto, "show_error", lambda _p, text: asked["error"].append(str(text)))
    asked["answer"] = answer  # type: ignore[assignment]
    return asked


def _rows(ctx: UiContext) -> dict[str, PegawaiRow]:
    with ctx.workspace.read() as s:
        return {r.nama: r for r in pegawai.list_pegawai(s, ctx.actor)}


def _count(ctx: UiContext) -> int:
    with ctx.workspace.read() as s:
        return int(s.scalar(select(func.count()).select_from(Pegawai)) or 0)


def _open(qtbot, ctx: UiContext, pegawai_id: str | None = None, **kwargs: object) -> PegawaiForm:
    dialog = PegawaiForm(ctx, pegawai_id, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def _type_nip(dialog: PegawaiForm, nip: str) -> None:
    dialog.identitas.nip.setText(nip)
    dialog.identitas.nip.editingFinished.emit()


def _fill_new(dialog: PegawaiForm, ctx: UiContext, nama: str = "Budi Santoso") -> None:
    dialog.identitas.nama.setText(nama)
    with ctx.workspace.read() as s:
        unit = next(u for u in unit_kerja.list_units(s, ctx.actor) if u.nama == "Seksi Pemerintahan")
    kep = dialog.kepegawaian
    kep.unit.setCurrentIndex(kep.unit.findData(unit.id))
    kep.golongan.setCurrentIndex(kep.golongan.findData("III/a"))
    kep.jabatan.setText("Penata Layanan Operasional")


def test_typing_a_nip_fills_birth_date_gender_and_tmt(qtbot, ctx: UiContext) -> None:
    dialog = _open(qtbot, ctx)
    _type_nip(dialog, "19900101 201503 1 002")
    ident = dialog.identitas
    assert ident.tanggal_lahir.value() == date(1990, 1, 1)
    assert ident.jenis_kelamin.currentData() == "L"
    assert dialog.kepegawaian.tmt_cpns.value() == date(2015, 3, 1)
    assert ident.nip.text() == "19900101 201503 1 002"
    assert all(note.isHidden() for note in dialog.notes.values())


def test_a_corrected_nip_corrects_what_it_filled_in_but_not_what_was_typed(qtbot, ctx: UiContext) -> None:
    dialog = _open(qtbot, ctx)
    ident, kep = dialog.identitas, dialog.kepegawaian
    _type_nip(dialog, "19900101 201503 1 002")  # a typo in the birth date and the gender digit
    _type_nip(dialog, "19900110 201503 2 002")
    assert ident.tanggal_lahir.value() == date(1990, 1, 10) and ident.jenis_kelamin.currentData() == "P"
    kep.tmt_cpns.set_value(date(2015, 4, 1))  # the clerk types the TMT CPNS from the SK
    _type_nip(dialog, "19900110 201603 2 002")
    assert kep.tmt_cpns.value() == date(2015, 4, 1)  # typed by hand: stays
    assert ident.tanggal_lahir.value() == date(1990, 1, 10)


def test_correcting_the_nip_of_a_saved_pegawai_refreshes_the_fields_it_implies(qtbot, ctx: UiContext) -> None:
    budi = next(r for r in _rows(ctx).values() if r.status_kepegawaian == "pns" and r.nip[:8] != "19900110")
    dialog = _open(qtbot, ctx, budi.id)
    ident, kep = dialog.identitas, dialog.kepegawaian
    lahir, tmt = ident.tanggal_lahir.value(), kep.tmt_cpns.value()
    assert lahir is not None and lahir.strftime("%Y%m%d") == budi.nip[:8]  # the demo's fields follow the NIP
    _type_nip(dialog, "19900110" + budi.nip[8:])
    assert ident.tanggal_lahir.value() == date(1990, 1, 10)
    assert kep.tmt_cpns.value() == tmt


def test_a_disagreeing_birth_date_is_an_amber_warning_and_asks_once(
    qtbot, ctx: UiContext, answers: dict
) -> None:
    dialog = _open(qtbot, ctx)
    dialog.identitas.tanggal_lahir.set_value(date(1990, 2, 1))
    _type_nip(dialog, NIP_BARU)
    assert dialog.identitas.tanggal_lahir.value() == date(1990, 2, 1)  # what was typed stays
    note = dialog.notes["tanggal_lahir"]
    assert not note.isHidden() and not note.is_error
    assert "tidak sama dengan tanggal lahir pada NIP (1 Januari 1990)" in note.text()
    dialog.identitas.jenis_kelamin.setCurrentIndex(dialog.identitas.jenis_kelamin.findData("P"))
    assert "digit ke-15" in dialog.notes["jenis_kelamin"].text()

    _fill_new(dialog, ctx)
    answers["answer"]["yes_no"] = False
    before = _count(ctx)
    dialog.on_save_button_clicked()
    assert len(answers["yes_no"]) == 1 and "Tetap simpan" in answers["yes_no"][0]
    assert _count(ctx) == before and dialog.result() != QDialog.DialogCode.Accepted
    answers["answer"]["yes_no"] = True
    dialog.on_save_button_clicked()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _rows(ctx)["Budi Santoso"].jenis_kelamin == "P"


def test_add_through_the_form_with_enter(qtbot, ctx: UiContext, answers: dict) -> None:
    dialog = _open(qtbot, ctx)
    dialog.show()
    _type_nip(dialog, NIP_BARU)
    _fill_new(dialog, ctx)
    qtbot.keyClick(dialog.identitas.nama, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    assert answers["yes_no"] == []  # no warnings, no question
    created = _rows(ctx)["Budi Santoso"]
    assert dialog.saved_id == created.id and created.nip == NIP_BARU and created.golongan == "III/a"
    assert created.atasan_nama == "R. Fauzan Abdul Pratama"  # suggested: head of the chosen unit
    with ctx.workspace.read() as s:
        detail = pegawai.get_pegawai(s, ctx.actor, created.id)
    assert detail.data.tanggal_lahir == date(1990, 1, 1) and detail.data.tmt_cpns == date(2015, 3, 1)
    assert [r.golongan for r in detail.riwayat_pangkat] == ["III/a"]


def test_invalid_nip_is_explained_in_red(qtbot, ctx: UiContext) -> None:
    dialog = _open(qtbot, ctx)
    _type_nip(dialog, "1990010120150")
    note = dialog.notes["nip"]
    assert note.is_error and "NIP harus 18 digit, tetapi yang diisi 13 digit" in note.text()
    _type_nip(dialog, "199001012015031002".replace("1002", "3002"))
    assert "Digit ke-15" in note.text() and "jenis kelamin" in note.text()
    _type_nip(dialog, "199309032025211001")  # an NI PPPK typed while the status is PNS
    assert "pilih status itu" in note.text()
    dialog.kepegawaian.status.setCurrentIndex(dialog.kepegawaian.status.findData("pppk"))
    assert "sudah dipakai oleh Fikri Nugraha" in note.text()  # now read as NI PPPK: a twin


def test_duplicate_nip_shows_the_service_message_and_saves_nothing(qtbot, ctx: UiContext) -> None:
    dialog = _open(qtbot, ctx)
    _fill_new(dialog, ctx)
    dialog.identitas.nip.setText("198801132012041001")  # Aidil's, not yet checked on leaving the field
    before = _count(ctx)
    dialog.on_save_button_clicked()
    assert "NIP 198801132012041001 sudah dipakai oleh Aidil Abdul Nugraha" in dialog.notes["nip"].text()
    assert dialog.notes["nip"].is_error
    assert dialog.tabs.currentWidget() is dialog.identitas
    assert _count(ctx) == before and dialog.result() != QDialog.DialogCode.Accepted


def test_superior_loop_and_self_are_refused(qtbot, ctx: UiContext) -> None:
    rows = _rows(ctx)
    camat = rows["Iqbal Fauzi"]
    dialog = _open(qtbot, ctx, camat.id)
    dialog.kepegawaian.atasan.set_value(rows["Herman Sanjaya"].id)  # Herman reports to the camat
    dialog.on_save_button_clicked()
    note = dialog.notes["atasan"]
    assert note.is_error and "Rantai atasan berputar: Herman Sanjaya → pegawai ini" in note.text()
    assert dialog.tabs.currentWidget() is dialog.kepegawaian
    dialog.kepegawaian.atasan.set_value(camat.id)
    dialog.on_save_button_clicked()
    assert "dirinya sendiri" in note.text()
    assert _rows(ctx)["Iqbal Fauzi"].atasan_id is None


def test_atasan_finder_and_derived_atasan_penilai(qtbot, ctx: UiContext) -> None:
    rows = _rows(ctx)
    dialog = _open(qtbot, ctx, rows["Zahra Permatasari"].id)
    kep = dialog.kepegawaian
    assert kep.atasan.line.text().startswith("Herman Sanjaya, S.STP, M.Si.")
    assert kep.penilai.text().startswith("H. Iqbal Fauzi, S.AP., M.AP. — Camat Plaju")
    kep.atasan.line.setText("rudi erl")  # part of a name, unique: taken on leaving the field
    kep.atasan.line.editingFinished.emit()
    assert kep.atasan.value() == rows["Rudi Erlangga"].id
    assert kep.penilai.text().startswith("H. Iqbal Fauzi")
    kep.atasan.line.setText("tidak ada orangnya")
    kep.atasan.line.textEdited.emit("tidak ada orangnya")
    kep.atasan.line.editingFinished.emit()
    assert kep.atasan.is_unmatched()
    dialog.on_save_button_clicked()
    assert "pilih dari daftar" in dialog.notes["atasan"].text()
    completions = kep.atasan.completer
    completions.setCompletionPrefix("19880113")
    assert completions.completionCount() == 1  # NIP digits find the person too


def test_choices_follow_status_and_jenis(qtbot, ctx: UiContext) -> None:
    dialog = _open(qtbot, ctx)
    kep = dialog.kepegawaian
    assert kep.golongan.itemText(kep.golongan.findData("III/b")) == "III/b — Penata Muda Tingkat I"
    assert kep.golongan.count() == 18
    kep.status.setCurrentIndex(kep.status.findData("pppk"))
    assert [kep.golongan.itemData(i) for i in (1, 9, 17)] == ["I", "IX", "XVII"]
    assert not kep.tmt_cpns.isEnabled()
    assert not kep.jenjang_jabatan.isEnabled()
    kep.jenis_jabatan.setCurrentIndex(kep.jenis_jabatan.findData("fungsional_keahlian"))
    assert kep.jenjang_jabatan.isEnabled()
    assert [kep.jenjang_jabatan.itemText(i) for i in range(1, 5)] == [
        "Ahli Pertama",
        "Ahli Muda",
        "Ahli Madya",
        "Ahli Utama",
    ]
    kep.jenis_jabatan.setCurrentIndex(kep.jenis_jabatan.findData("pelaksana"))
    assert not kep.jenjang_jabatan.isEnabled()


def test_editing_the_jabatan_adds_a_riwayat_row(qtbot, ctx: UiContext) -> None:
    aidil = _rows(ctx)["Aidil Abdul Nugraha"]
    dialog = _open(qtbot, ctx, aidil.id)
    before = dialog.tabs.widget(3).jabatan_model.rowCount()
    assert not dialog.is_dirty()
    dialog.kepegawaian.jabatan.setText("Pranata Komputer Ahli Pertama")
    dialog.kepegawaian.tmt_jabatan.set_value(date(2026, 7, 1))
    dialog.on_save_button_clicked()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    again = _open(qtbot, ctx, aidil.id, tab="riwayat")
    riwayat = again.tabs.currentWidget()
    assert riwayat.jabatan_model.rowCount() == before + 1
    assert riwayat.jabatan_model.index(0, 0).data() == "Pranata Komputer Ahli Pertama"
    assert riwayat.jabatan_model.index(0, 3).data() == "01-07-2026"
    assert riwayat.jabatan_model.index(1, 4).data() == "01-07-2026"  # the old one closed that day


def test_models_of_the_history_tabs(qtbot, ctx: UiContext, qtmodeltester) -> None:
    dialog = _open(qtbot, ctx, _rows(ctx)["Erna Rosita"].id)
    riwayat = dialog.tabs.widget(3)
    qtmodeltester.check(riwayat.jabatan_model)
    qtmodeltester.check(riwayat.pangkat_model)
    assert dialog.pelatihan is not None
    qtmodeltester.check(dialog.pelatihan.model)


def test_escape_with_changes_asks_first(qtbot, ctx: UiContext, answers: dict) -> None:
    dialog = _open(qtbot, ctx, _rows(ctx)["Sri Hasanah"].id)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    assert answers["save_discard"] == [] and dialog.result() == QDialog.DialogCode.Rejected
    dialog = _open(qtbot, ctx, _rows(ctx)["Sri Hasanah"].id)
    dialog.show()
    dialog.kontak.telepon.setText("0812 1111 2222")
    answers["answer"]["save_discard"] = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers["save_discard"]) == 1 and dialog.isVisible()
    answers["answer"]["save_discard"] = QMessageBox.StandardButton.Save
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    with ctx.workspace.read() as s:
        assert pegawai.get_pegawai(s, ctx.actor, dialog.saved_id).data.telepon == "0812 1111 2222"


def test_photo_is_checked_and_saved(qtbot, ctx: UiContext, tmp_path: Path, answers: dict) -> None:
    sri = _rows(ctx)["Sri Hasanah"]
    dialog = _open(qtbot, ctx, sri.id)
    (tmp_path / "bukan.png").write_bytes(b"bukan gambar")
    assert not dialog.identitas.foto.set_file(tmp_path / "bukan.png")
    assert "bukan gambar PNG atau JPG" in answers["error"][0]
    image, buffer = QImage(60, 80, QImage.Format.Format_RGB32), QBuffer(data := QByteArray())
    image.fill(Qt.GlobalColor.darkGreen)
    image.save(buffer, "PNG")
    (tmp_path / "foto.png").write_bytes(bytes(data))
    assert dialog.identitas.foto.set_file(tmp_path / "foto.png")
    assert dialog.is_dirty()
    dialog.on_save_button_clicked()
    with ctx.workspace.read() as s:
        assert pegawai.get_foto(s, ctx.actor, sri.id) == bytes(data)


def test_pimpinan_sees_the_form_read_only(qtbot, ctx: UiContext) -> None:
    pimpinan = ctx.workspace.login("pimpinan", "pimpinan123")
    assert pimpinan.peran is Peran.PIMPINAN
    view = UiContext(ctx.workspace, pimpinan, ctx.tasks)
    dialog = _open(qtbot, view, _rows(ctx)["Sri Hasanah"].id)
    assert dialog.read_only and dialog.save_button.isHidden() and dialog.batal.text() == "Tutup"
    assert dialog.identitas.nama.isReadOnly() and not dialog.kepegawaian.status.isEnabled()
    assert not dialog.identitas.foto.choose_button.isEnabled()
    assert dialog.pelatihan is not None and not dialog.pelatihan.add_button.isEnabled()
    assert dialog.windowTitle() == "Data pegawai — Sri Hasanah"


def test_a_pegawai_that_cannot_be_read_says_so_and_opens_no_form(
    qtbot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("kinerja_desktop.ui.common.ops.show_error", lambda _p, e: shown.append(str(e)))
    dialog = _open(qtbot, ctx, "tidak-ada")
    assert shown and not dialog.loaded and dialog.read_only
    assert dialog.exec() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_text_fields_stop_at_the_length_the_app_keeps(qtbot, ctx: UiContext) -> None:
    """The same numbers as the rules an import is checked by (``core/validation``): a 40,000-character
    paste keeps what the record can hold."""
    from kinerja_desktop.core.validation.tables import max_length

    dialog = _open(qtbot, ctx)
    tabs = {"nama": dialog.identitas, "gelar_depan": dialog.identitas, "alamat": dialog.kontak}
    tabs["jabatan"] = dialog.kepegawaian
    for kolom, tab in tabs.items():
        field = getattr(tab, kolom)
        field.setText("x" * 40_000)
        assert len(field.text()) == field.maxLength() == max_length("pegawai", kolom)
    assert max_length("pegawai", "nama") == 150


def test_past_history_is_typed_in_on_the_riwayat_tab(qtbot, ctx: UiContext, monkeypatch) -> None:
    from kinerja_desktop.ui.pegawai import form_riwayat
    from kinerja_desktop.ui.pegawai.riwayat_dialogs import RiwayatJabatanDialog, RiwayatPangkatDialog

    row = next(
        r for r in _rows(ctx).values() if r.status_kepegawaian == "pns" and r.golongan.startswith("III")
    )
    dialog = _open(qtbot, ctx, row.id)
    tab = dialog.riwayat
    sebelum = tab.pangkat_model.rowCount()

    def isi_pangkat(d: RiwayatPangkatDialog) -> int:
        d.golongan.setText("1a")  # far below any III: refused, said beside the field
        d.tmt.set_value(date.today().replace(year=date.today().year - 1))
        d.on_save_button_clicked()
        assert "lebih rendah" in d.notes["golongan"].text() and d.result() != QDialog.DialogCode.Accepted
        d.golongan.setText("II/a")
        d.tmt.set_value(date(2000, 4, 1) if row.nip[8:14] < "200004" else date(int(row.nip[8:12]), 4, 1))
        d.on_save_button_clicked()
        return int(d.result())

    monkeypatch.setattr(RiwayatPangkatDialog, "exec", isi_pangkat)
    tab.add_pangkat_button.click()
    assert tab.pangkat_model.rowCount() == sebelum + 1
    assert "II/a" in [r.golongan for r in tab.pangkat_model.rows]

    def isi_jabatan(d: RiwayatJabatanDialog) -> int:
        d.jabatan.setText("Pengadministrasi Umum")
        d.tmt.set_value(date(1980, 1, 1))  # before the birth date: refused
        d.sampai.set_value(date(1981, 1, 1))
        d.on_save_button_clicked()
        assert "sebelum tanggal lahir" in d.notes["tmt"].text()
        return int(d.result())

    monkeypatch.setattr(RiwayatJabatanDialog, "exec", isi_jabatan)
    jumlah = tab.jabatan_model.rowCount()
    tab.add_jabatan_button.click()
    assert tab.jabatan_model.rowCount() == jumlah  # nothing saved

    baru = next(n for n, r in enumerate(tab.pangkat_model.rows) if r.golongan == "II/a")
    tab.pangkat_table.selectRow(baru)
    monkeypatch.setattr(form_riwayat, "ask_yes_no", lambda *_a, **_k: True)
    tab.delete_button.click()
    assert "II/a" not in [r.golongan for r in tab.pangkat_model.rows]
