"""Login window: username and password, inline messages, forced password change when required."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import APP_TITLE, __version__
from kinerja_desktop.core.errors import KnownError, ServerTidakTerjangkau
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner


class LoginDialog(QDialog):
    """Asks for username and password; emits ``logged_in`` with the Actor on success."""

    logged_in = Signal(object)

    def __init__(self, workspace: Workspace, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(f"Masuk — {APP_TITLE}")
        self.setMinimumWidth(380)

        title = QLabel(APP_TITLE)
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        self.kantor_label = QLabel(self._kantor_text())
        self.kantor_label.setWordWrap(True)

        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.username.setPlaceholderText("nama pengguna")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("kata sandi")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()

        form = QFormLayout()
        form.addRow("Nama pengguna", self.username)
        form.addRow("Kata sandi", self.password)

        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton("Masuk", QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setDefault(True)
        buttons.addButton("Keluar", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.on_login_clicked)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.kantor_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        version = QLabel(f"Versi {__version__}")
        version.setAlignment(Qt.AlignmentFlag.AlignRight)
        version.setStyleSheet("color: gray;")
        layout.addWidget(version)
        (self.password if username else self.username).setFocus()

    def _kantor_text(self) -> str:
        try:
            info = self.workspace.kantor_info()
        except ServerTidakTerjangkau:  # said when the user logs in, with Coba lagi
            return ""
        if info is None:
            return ""
        demo = "  —  DATA DEMO" if info.demo else ""
        return f"{info.nama}{demo}"

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def on_login_clicked(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.show_message("Isi nama pengguna dan kata sandi.")
            return

        def refused(exc: KnownError) -> None:
            if isinstance(exc, ServerTidakTerjangkau):
                return  # not refused: the server did not answer, so what was typed stays
            self.password.clear()
            self.password.setFocus()

        # Workspace.login commits a failed attempt (the lock-out count) before it raises.
        masuk = ops.attempt(
            self,
            lambda: self.workspace.login(self.username.text(), self.password.text()),
            message=ops.note(self.show_message),
            failed=refused,
        )
        if not masuk:
            return
        actor = masuk.value
        if not self._ensure_password_changed(actor):
            return
        self.accept()
        self.logged_in.emit(actor)

    def _ensure_password_changed(self, actor: Actor) -> bool:
        ctx = UiContext(self.workspace, actor, TaskRunner(self))
        needed = ops.look(self, akun.must_change_password, ctx=ctx)
        if not needed:
            return False
        if not needed.value:
            return True
        dialog = ChangePasswordDialog(ctx, self, forced=True)
        dialog.old.setText(self.password.text())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.show_message("Kata sandi harus diganti sebelum bisa masuk.")
            return False
        return True


class ChangePasswordDialog(QDialog):
    """Change one's own password (old, new, repeat)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, forced: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Ganti kata sandi")
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.old, self.new, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        if forced:
            note = QLabel("Administrator telah mengatur ulang kata sandi Anda. Buat kata sandi baru.")
            note.setWordWrap(True)
            form.addRow(note)
        form.addRow("Kata sandi lama", self.old)
        form.addRow("Kata sandi baru", self.new)
        form.addRow("Ulangi kata sandi baru", self.repeat)
        form.addRow(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setLayout(form)

    def on_save_clicked(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText("Kata sandi baru dan ulangannya tidak sama.")
            return
        old, new = self.old.text(), self.new.text()
        if ops.act(
            self,
            lambda s, a: akun.change_own_password(s, a, old, new),
            message=ops.note(self.message.setText),
        ):
            self.accept()
