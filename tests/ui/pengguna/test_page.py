"""The Pengguna page: list, add through the dialog, refuse weak passwords, unlock, and its permission."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import Pegawai, Pengguna
from kinerja_desktop.core.errors import PermissionDenied
from kinerja_desktop.core.services import akun, kantor
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.pengguna.page import PenggunaDialog, PenggunaPage


@pytest.fixture
def ctx(workspace: Workspace, admin: Actor, sync_tasks: None) -> UiContext:
    return UiContext(workspace, admin, TaskRunner(None))


@pytest.fixture
def page(qtbot, ctx: UiContext) -> PenggunaPage:
    widget = PenggunaPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def _usernames(page: PenggunaPage) -> list[str]:
    return [page.proxy.index(i, 0).data() for i in range(page.proxy.rowCount())]


def _fill_and_save(
    monkeypatch: pytest.MonkeyPatch, peran: Peran = Peran.OPERATOR, **values: str
) -> list[PenggunaDialog]:
    """Make the next dialog fill its fields with ``values`` and press Simpan instead of waiting."""
    opened: list[PenggunaDialog] = []

    def fake_exec(dialog: PenggunaDialog) -> int:
        opened.append(dialog)
        dialog.peran.setCurrentIndex(dialog.peran.findData(peran.value))
        for name, text in values.items():
            getattr(dialog, name).setText(text)
        dialog.on_save_button_clicked()
        return dialog.result()

    monkeypatch.setattr(PenggunaDialog, "exec", fake_exec)
    return opened


def test_table_lists_accounts(page: PenggunaPage, qtmodeltester) -> None:
    assert _usernames(page) == ["admin"]
    model = page.model
    assert model.index(0, 2).data() == "Administrator"
    assert model.index(0, 4).data() == "Aktif"
    with page.ctx.workspace.read() as s:
        login = s.scalar(select(Pengguna.login_terakhir).where(Pengguna.username == "admin"))
    assert login is not None  # the fixture logged in
    assert model.index(0, 5).data() == login.astimezone().strftime("%d-%m-%Y %H:%M")
    qtmodeltester.check(model)
    qtmodeltester.check(page.proxy)


def test_add_user_through_dialog(page: PenggunaPage, ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _fill_and_save(
        monkeypatch, username="Budi.S", nama="Budi Santoso", password="budi12345", password2="budi12345"
    )
    page.add_button.click()

    assert opened and opened[0].result() == QDialog.DialogCode.Accepted
    with ctx.workspace.read() as s:
        created = s.scalar(select(Pengguna).where(Pengguna.username == "budi.s"))
    assert created is not None and created.nama == "Budi Santoso" and created.peran == "operator"
    assert "budi.s" in _usernames(page)
    assert page.selected() is not None and page.selected().username == "budi.s"
    assert "budi.s" in page.message.text()
    assert page.proxy.index(_usernames(page).index("budi.s"), 5).data() == "belum pernah"


def test_weak_password_shows_inline_error(
    page: PenggunaPage, ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = _fill_and_save(
        monkeypatch, username="citra", nama="Citra", password="12345678", password2="12345678"
    )
    page.add_button.click()

    dialog = opened[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert "huruf dan angka" in dialog.error.text()
    with ctx.workspace.read() as s:
        assert s.scalar(select(Pengguna).where(Pengguna.username == "citra")) is None
    assert _usernames(page) == ["admin"]


def test_mismatched_passwords_are_refused_before_saving(qtbot, ctx: UiContext) -> None:
    dialog = PenggunaDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.username.setText("dewi")
    dialog.password.setText("dewi12345")
    dialog.password2.setText("dewi54321")
    dialog.on_save_button_clicked()
    assert "tidak sama" in dialog.error.text()
    with ctx.workspace.read() as s:
        assert s.scalar(select(Pengguna).where(Pengguna.username == "dewi")) is None


def test_penilai_needs_a_linked_pegawai(qtbot, ctx: UiContext) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        kantor_id = kantor.get_kantor(s).id
        s.add(Pegawai(kantor_id=kantor_id, nip="198001012005011001", nama="Ahmad Fauzi"))
    dialog = PenggunaDialog(ctx, None)
    qtbot.addWidget(dialog)
    assert not dialog.pegawai.isEnabled()
    dialog.peran.setCurrentIndex(dialog.peran.findData(Peran.PENILAI.value))
    assert dialog.pegawai.isEnabled()
    assert dialog.pegawai.itemText(1) == "Ahmad Fauzi — 198001012005011001"
    for field, text in (
        (dialog.username, "ahmad"),
        (dialog.password, "ahmad123"),
        (dialog.password2, "ahmad123"),
    ):
        field.setText(text)
    dialog.on_save_button_clicked()
    assert "dihubungkan" in dialog.error.text()

    dialog.pegawai.setCurrentIndex(1)
    dialog.on_save_button_clicked()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with ctx.workspace.read() as s:
        created = s.scalar(select(Pengguna).where(Pengguna.username == "ahmad"))
        assert created is not None and created.peran == "penilai" and created.pegawai_id


def test_edit_deactivates_account(
    page: PenggunaPage, ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "eko", "eko12345", Peran.OPERATOR, "Eko")
    page.refresh()
    page.table.selectRow(_usernames(page).index("eko"))

    def fake_exec(dialog: PenggunaDialog) -> int:
        assert dialog.nama.text() == "Eko"
        dialog.nama.setText("Eko Prasetyo")
        dialog.aktif.setChecked(False)
        dialog.on_save_button_clicked()
        return dialog.result()

    monkeypatch.setattr(PenggunaDialog, "exec", fake_exec)
    page.edit_button.click()
    row = page.selected()
    assert row is not None and row.nama == "Eko Prasetyo" and not row.aktif
    assert page.model.index(_usernames(page).index("eko"), 4).data() == "Nonaktif"


def test_unlock_clears_the_lock(page: PenggunaPage, ctx: UiContext) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        pid = akun.create_pengguna(s, ctx.actor, "fajar", "fajar123", Peran.OPERATOR, "Fajar")
        s.get(Pengguna, pid).terkunci_sampai = utcnow() + timedelta(minutes=10)
    page.refresh()
    row_index = _usernames(page).index("fajar")
    assert page.proxy.index(row_index, 4).data() == "Terkunci"
    page.table.selectRow(row_index)
    assert page.unlock_button.isEnabled()

    page.unlock_button.click()
    with ctx.workspace.read() as s:
        assert s.get(Pengguna, pid).terkunci_sampai is None
    assert page.proxy.index(_usernames(page).index("fajar"), 4).data() == "Aktif"
    assert not page.unlock_button.isEnabled()
    with ctx.workspace.transaction() as s:
        assert akun.attempt_login(s, "fajar", "fajar123").actor is not None


def test_operator_may_not_open_the_page(qtbot, ctx: UiContext) -> None:
    with ctx.workspace.transaction(ctx.actor) as s:
        akun.create_pengguna(s, ctx.actor, "ops", "ops12345", Peran.OPERATOR, "Operator")
    operator = ctx.workspace.login("ops", "ops12345")
    assert not operator.can(PenggunaPage.izin)
    with ctx.workspace.read() as s, pytest.raises(PermissionDenied):
        akun.list_pengguna(s, operator)

    page = PenggunaPage(UiContext(ctx.workspace, operator, ctx.tasks))
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 0
    assert "tidak berhak" in page.message.text()
    assert not page.add_button.isEnabled()


def test_enter_saves_and_double_click_edits(
    qtbot, page: PenggunaPage, ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PenggunaDialog(ctx, None, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("gita")
    dialog.password.setText("pendek1")
    dialog.password2.setText("pendek1")
    qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)
    assert "minimal 8 karakter" in dialog.error.text()
    dialog.password.setText("gita12345")
    dialog.password2.setText("gita12345")
    qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.refresh()

    opened: list[str] = []
    monkeypatch.setattr(PenggunaDialog, "exec", lambda d: opened.append(d.windowTitle()) or 0)
    page.resize(1000, 650)
    page.show()
    row = _usernames(page).index("gita")
    rect = page.table.visualRect(page.proxy.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == ["Ubah pengguna gita"]


def test_a_refusal_about_a_field_puts_the_cursor_there(qtbot, ctx: UiContext) -> None:
    dialog = PenggunaDialog(ctx, None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.nama.setFocus()
    for field, text in (
        (dialog.username, "admin"),
        (dialog.password, "admin1234"),
        (dialog.password2, "admin1234"),
    ):
        field.setText(text)
    dialog.on_save_button_clicked()
    assert "sudah dipakai" in dialog.error.text() and dialog.focusWidget() is dialog.username
    dialog.username.setText("pejabat")
    dialog.peran.setCurrentIndex(dialog.peran.findData(Peran.PENILAI.value))
    dialog.nama.setFocus()
    dialog.on_save_button_clicked()
    assert "dihubungkan" in dialog.error.text() and dialog.focusWidget() is dialog.pegawai
    assert dialog.result() != QDialog.DialogCode.Accepted
    QDialog.done(dialog, QDialog.DialogCode.Rejected)  # closed as it is, without the unsaved question
