"""User accounts page: list, add, edit, reset a password and unlock, for the administrator."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor, Izin, Peran
from kinerja_desktop.core.services.akun import PenggunaRow
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Fokus, Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import UnsavedGuard
from kinerja_desktop.ui.common.stale import StaleBar

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
COLUMNS = ("Nama pengguna", "Nama", "Peran", "Pegawai terkait", "Status", "Login terakhir")


def _cells(row: PenggunaRow) -> tuple[str, ...]:
    status = "Nonaktif" if not row.aktif else "Terkunci" if row.terkunci else "Aktif"
    waktu = row.login_terakhir
    login = waktu.astimezone().strftime("%d-%m-%Y %H:%M") if waktu else "belum pernah"
    return (row.username, row.nama, row.peran.label, row.pegawai_nama, status, login)


class PenggunaModel(QAbstractTableModel):
    """Accounts as table rows; ``Qt.UserRole`` gives a sort key (ISO time for the last login)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PenggunaRow] = []

    def set_rows(self, rows: list[PenggunaRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or role not in (_DISPLAY, Qt.ItemDataRole.UserRole):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.UserRole and column == 5:  # sort key of the last login
            return row.login_terakhir.isoformat() if row.login_terakhir else ""
        return _cells(row)[column]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None


class _Catatan:
    """Where a refusal shows: the dialog's red line, with the cursor put in the field it is about."""

    def __init__(self, dialog: _FormDialog, field: QWidget | None = None) -> None:
        self.dialog, self.field = dialog, field

    def set_error(self, text: str) -> None:
        self.dialog.show_error(text, self.field)


class _FormDialog(QDialog):
    """A form that writes through a service on Simpan (or Enter) and shows refusals inline in red."""

    def __init__(self, ctx: UiContext, title: str, note: str, parent: QWidget | None) -> None:
        super().__init__(parent, windowTitle=title, minimumWidth=460)
        self.ctx = ctx
        self.form = QFormLayout()  # subclasses add their rows
        hint = "minimal 8 karakter, huruf dan angka"
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password, placeholderText=hint)
        self.password2 = QLineEdit(echoMode=QLineEdit.EchoMode.Password, placeholderText=hint)
        self.fields: dict[str, QWidget] = {"password": self.password}
        self.asks_password = True
        note_label = QLabel(note, wordWrap=True, styleSheet="color: gray;")
        self.error = QLabel(objectName="error", wordWrap=True, styleSheet="color: #b00020;", visible=False)
        self.stale = StaleBar()
        self.stale.reload_requested.connect(self.on_stale_reload_requested)
        buttons = QDialogButtonBox()
        buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.on_save_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(note_label)
        layout.addWidget(self.error)
        layout.addWidget(self.stale)
        layout.addWidget(buttons)
        self.guard = UnsavedGuard(self.snapshot, "Isian akun ini belum disimpan.")

    def snapshot(self) -> object:
        return (self.password.text(), self.password2.text())

    def reject(self) -> None:
        """Batal, Esc or closing after something was typed: asked first."""
        if self.guard.allows_leave(self, self.on_save_button_clicked):
            super().reject()

    def show_error(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus()

    def write(self, session: Session, actor: Actor) -> None:
        raise NotImplementedError

    def row_id(self) -> str | None:
        """The account being changed (None while adding one)."""
        return None

    def reread(self, row: PenggunaRow) -> None:
        """Show the account as it is now (after Muat ulang)."""

    def on_stale_reload_requested(self) -> None:
        row_id = self.row_id()
        dibaca = ops.look(self, akun.list_pengguna, message=_Catatan(self))
        row = next((r for r in dibaca.value if r.id == row_id), None) if dibaca else None
        if row is not None:
            self.error.hide()
            self.reread(row)
            self.guard.mark_clean()

    def on_save_button_clicked(self) -> None:
        if self.asks_password and self.password.text() != self.password2.text():
            self.show_error("Kata sandi dan ulangannya tidak sama. Ketik ulang keduanya.", self.password)
            return
        notes = {kolom: _Catatan(self, field) for kolom, field in self.fields.items()}
        if ops.act(self, self.write, notes=notes, message=_Catatan(self), stale=self.stale):
            self.accept()


class PenggunaDialog(_FormDialog):
    """Add an account (``row`` None) or edit one."""

    def __init__(self, ctx: UiContext, row: PenggunaRow | None, parent: QWidget | None = None) -> None:
        title = "Tambah pengguna" if row is None else f"Ubah pengguna {row.username}"
        super().__init__(ctx, title, "Pegawai terkait wajib dipilih untuk Pejabat Penilai.", parent)
        self.row = row
        self.username = QLineEdit(placeholderText="misalnya budi.s (huruf kecil, tanpa spasi)")
        self.nama = QLineEdit(row.nama if row else "")
        self.peran = QComboBox()
        for peran in Peran:
            self.peran.addItem(peran.label, peran.value)
        self.pegawai = QComboBox()
        self.pegawai.addItem("", None)
        pilihan = ops.look(self, akun.list_pegawai_pilihan)
        for p in pilihan.value if pilihan else []:
            self.pegawai.addItem(p.label, p.id)
        self.aktif = QCheckBox("Akun aktif (boleh masuk)", checked=row is None or row.aktif)
        self.fields.update(username=self.username, pegawai=self.pegawai)
        rows = [("Nama lengkap", self.nama), ("Peran", self.peran), ("Pegawai terkait", self.pegawai)]
        if row is None:
            rows = [("Nama pengguna", self.username), *rows]
            rows += [("Kata sandi", self.password), ("Ulangi kata sandi", self.password2)]
        else:
            self.asks_password = False
            rows.append(("", self.aktif))
            if row.pegawai_id and self.pegawai.findData(row.pegawai_id) < 0:
                self.pegawai.addItem(f"{row.pegawai_nama} (tidak aktif)", row.pegawai_id)
            self.pegawai.setCurrentIndex(max(0, self.pegawai.findData(row.pegawai_id)))
        for label, widget in rows:
            self.form.addRow(label, widget)
        self.peran.setCurrentIndex(self.peran.findData((row.peran if row else Peran.OPERATOR).value))
        self.peran.currentIndexChanged.connect(self.on_peran_changed)
        self.on_peran_changed()
        (self.username if row is None else self.nama).setFocus()
        self.guard.mark_clean()

    def snapshot(self) -> object:
        return (
            self.username.text().strip(),
            self.nama.text().strip(),
            self.peran.currentData(),
            self.pegawai.currentData(),
            self.aktif.isChecked(),
            self.password.text(),
            self.password2.text(),
        )

    def row_id(self) -> str | None:
        return self.row.id if self.row else None

    def reread(self, row: PenggunaRow) -> None:
        self.row = row
        self.nama.setText(row.nama)
        self.peran.setCurrentIndex(self.peran.findData(row.peran.value))
        self.pegawai.setCurrentIndex(max(0, self.pegawai.findData(row.pegawai_id)))
        self.aktif.setChecked(row.aktif)

    def on_peran_changed(self) -> None:
        self.pegawai.setEnabled(self.peran.currentData() == Peran.PENILAI.value)

    def write(self, session: Session, actor: Actor) -> None:
        peran = Peran(self.peran.currentData())
        pegawai_id = self.pegawai.currentData() if peran is Peran.PENILAI else None
        nama = self.nama.text()
        if self.row is None:
            username, password = self.username.text(), self.password.text()
            akun.create_pengguna(session, actor, username, password, peran, nama, pegawai_id)
        else:
            aktif = self.aktif.isChecked()
            akun.update_pengguna(
                session,
                actor,
                self.row.id,
                nama=nama,
                peran=peran,
                pegawai_id=pegawai_id,
                aktif=aktif,
                stamp=self.row.stamp,
            )


class ResetPasswordDialog(_FormDialog):
    """The administrator sets a new password; the user must change it at the next login."""

    def __init__(self, ctx: UiContext, row: PenggunaRow, parent: QWidget | None = None) -> None:
        note = f"Beri tahu {row.nama} kata sandi ini; ia harus menggantinya saat masuk berikutnya."
        super().__init__(ctx, f"Atur ulang kata sandi {row.username}", note, parent)
        self.row = row
        self.form.addRow("Kata sandi baru", self.password)
        self.form.addRow("Ulangi kata sandi", self.password2)
        self.guard.mark_clean()

    def row_id(self) -> str | None:
        return self.row.id

    def reread(self, row: PenggunaRow) -> None:
        self.row = row

    def write(self, session: Session, actor: Actor) -> None:
        akun.reset_password(session, actor, self.row.id, self.password.text(), stamp=self.row.stamp)


class PenggunaPage(Page):
    title = "Pengguna"
    izin = Izin.KELOLA_PENGGUNA
    bab_panduan = "administrator"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.model = PenggunaModel(self)
        self.proxy = QSortFilterProxyModel(self, sourceModel=self.model, sortRole=Qt.ItemDataRole.UserRole)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(
            model=self.proxy,
            sortingEnabled=True,
            selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
            selectionMode=QAbstractItemView.SelectionMode.SingleSelection,
            editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers,
        )
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.on_edit_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)

        buttons = QHBoxLayout()
        self.add_button = QPushButton("Tambah…", clicked=self.on_add_button_clicked)
        self.edit_button = QPushButton("Ubah…", clicked=self.on_edit_button_clicked)
        self.reset = QPushButton("Atur ulang kata sandi…", clicked=self.on_reset_clicked)
        self.unlock_button = QPushButton("Buka kunci", clicked=self.on_unlock_button_clicked)
        for button in (self.add_button, self.edit_button, self.reset, self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.message = QLabel(objectName="message", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Pilih satu akun, lalu tekan tombol di atas. Klik dua kali untuk mengubah."))
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.on_selection_changed()

    def refresh(self) -> None:
        rows = ops.look(self, akun.list_pengguna, message=self, failed=self.on_refresh_failed)
        self.model.set_rows(rows.value if rows else [])
        self.on_selection_changed()

    def tampilkan(self, fokus: Fokus) -> None:
        """``terkunci``: select the first locked account and say how to unlock it."""
        self.refresh()
        if fokus.status != "terkunci":
            return
        terkunci = [n for n in range(self.proxy.rowCount()) if self._row(n).terkunci]
        if not terkunci:
            self.say("Tidak ada akun yang terkunci.")
            return
        self.table.selectRow(terkunci[0])
        self.say(
            f"{format_angka(len(terkunci))} akun terkunci karena salah kata sandi. Pilih akunnya, lalu tekan "
            f"Buka kunci (kunci juga terbuka sendiri setelah {akun.LOCK_MINUTES} menit)."
        )

    def _row(self, proxy_row: int) -> PenggunaRow:
        return self.model.rows[self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()]

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.message.setText(text)

    def set_error(self, text: str) -> None:
        """A refused action in the message line (``ops`` shows known errors here)."""
        self.say(text, ok=False)

    def on_refresh_failed(self, _exc: KnownError) -> None:
        self.add_button.setEnabled(False)

    def selected(self) -> PenggunaRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()] if rows else None

    def done(self, username: str, text: str) -> None:
        """After a change: reload, keep ``username`` selected, and say what happened."""
        self.refresh()
        start = self.proxy.index(0, 0)
        for found in self.proxy.match(start, _DISPLAY, username, 1, Qt.MatchFlag.MatchExactly):
            self.table.selectRow(found.row())
        self.say(text)

    def on_selection_changed(self) -> None:
        row = self.selected()
        self.edit_button.setEnabled(row is not None)
        self.reset.setEnabled(row is not None)
        self.unlock_button.setEnabled(row is not None and row.terkunci)

    def on_add_button_clicked(self) -> None:
        dialog = PenggunaDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            username = dialog.username.text().strip().lower()
            self.done(username, f"Akun {username} sudah dibuat.")

    def on_edit_button_clicked(self) -> None:
        row = self.selected()
        if row is not None and PenggunaDialog(self.ctx, row, self).exec() == QDialog.DialogCode.Accepted:
            self.done(row.username, f"Perubahan akun {row.username} sudah disimpan.")

    def on_reset_clicked(self) -> None:
        row = self.selected()
        if row is not None and ResetPasswordDialog(self.ctx, row, self).exec() == QDialog.DialogCode.Accepted:
            self.done(row.username, f"Kata sandi {row.username} sudah diatur ulang; ia harus menggantinya.")

    def on_unlock_button_clicked(self) -> None:
        row = self.selected()
        if row is not None and ops.act(self, lambda s, a: akun.unlock(s, a, row.id), message=self):
            self.done(row.username, f"Kunci akun {row.username} sudah dibuka; ia bisa masuk lagi.")
