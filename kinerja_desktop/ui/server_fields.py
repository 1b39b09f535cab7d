"""The server's address, database, user and password with Uji koneksi: one form for wizard and dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.server.check import Verdict, check_server
from kinerja_desktop.core.server.settings import DEFAULT_PORT, ServerSettings, validate
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE, OK_STYLE, FieldNote, with_note

FIELD_WIDTH = 360
PASSWORD_NOTE = (
    "Kata sandi disimpan di penyimpanan kata sandi Windows (Credential Locker); bila tidak tersedia, "
    "di folder data aplikasi yang hanya bisa dibaca akun Windows Anda."
)


class ServerFields(QWidget):
    """The connection fields; ``tested()`` holds only while the last Uji koneksi of exactly what is typed
    passed. ``verdict_changed`` fires whenever that may have changed (a test ended, a field was edited)."""

    verdict_changed = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._tested: ServerSettings | None = None  # passed the test as typed now
        self._last: ServerSettings | None = None  # the settings of the verdict shown
        self.verdict: Verdict | None = None
        self.host = QLineEdit()
        self.host.setPlaceholderText("mis. db.bkpsdm.local atau 192.168.1.10")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database = QLineEdit("kinerja")
        self.user = QLineEdit("kinerja")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.notes = {name: FieldNote() for name in ("host", "port", "database", "user", "password")}
        self.test_button = QPushButton("Uji koneksi")
        self.test_button.setObjectName("uji_koneksi")
        self.test_button.clicked.connect(self.on_test_clicked)
        self.result = QLabel("Tekan Uji koneksi untuk memeriksa sambungan ke server.")
        self.result.setObjectName("verdict")
        self.result.setWordWrap(True)
        self.result.setStyleSheet(HINT_STYLE)
        hint = QLabel(PASSWORD_NOTE)
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)

        for edit in (self.host, self.database, self.user, self.password):
            edit.setFixedWidth(FIELD_WIDTH)
        form = QFormLayout()
        form.addRow("Alamat server *", with_note(self.host, self.notes["host"]))
        port_row = QHBoxLayout()
        port_row.addWidget(self.port)
        port_row.addStretch()
        form.addRow("Port *", with_note(port_row, self.notes["port"]))
        form.addRow("Nama basis data *", with_note(self.database, self.notes["database"]))
        form.addRow("Nama pengguna *", with_note(self.user, self.notes["user"]))
        form.addRow("Kata sandi", with_note(self.password, self.notes["password"]))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(test_row)
        layout.addWidget(self.result)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textChanged.connect(self.on_field_changed)
        self.port.valueChanged.connect(self.on_field_changed)

    def settings(self) -> ServerSettings:
        return ServerSettings(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            password=self.password.text(),
        )

    def set_settings(self, settings: ServerSettings) -> None:
        """Show ``settings`` (the ones in use), untested."""
        self.host.setText(settings.host)
        self.port.setValue(settings.port)
        self.database.setText(settings.database)
        self.user.setText(settings.user)
        self.password.setText(settings.password)

    def tested(self) -> bool:
        return self._tested is not None and self._tested == self.settings()

    def on_field_changed(self) -> None:
        if self._last is not None and self._last != self.settings():
            self._last = self._tested = None
            for note in self.notes.values():
                note.clear_note()
            self._show("Data sambungan berubah: tekan Uji koneksi lagi.", HINT_STYLE)
            self.verdict_changed.emit()

    def on_test_clicked(self) -> None:
        for note in self.notes.values():
            note.clear_note()
        settings = self.settings()
        if not ops.attempt(self, lambda: validate(settings), notes=self.notes, message=ops.note(self.error)):
            return
        self._show("Menguji koneksi ke server…", HINT_STYLE)
        self.test_button.setEnabled(False)
        ops.attempt(
            self,
            lambda: check_server(settings),
            background="Menguji koneksi ke server…",
            cancellable=False,
            tasks=self.tasks,
            then=lambda verdict: self.show_verdict(settings, verdict),
            failed=lambda _exc: self.test_button.setEnabled(True),
            message=ops.note(self.error),
        )

    def show_verdict(self, settings: ServerSettings, verdict: Verdict) -> None:
        self.test_button.setEnabled(True)
        self.verdict = verdict
        self._last = settings
        self._tested = settings if verdict.ok else None
        if verdict.ok:
            self._show(f"✓ {verdict.pesan}", OK_STYLE)
        else:
            self._show(f"✗ {verdict}", ERROR_STYLE)
            if verdict.kolom in self.notes:
                self.notes[verdict.kolom].set_error("Periksa isian ini.")
        self.verdict_changed.emit()

    def refuse(self, text: str) -> None:
        """A verdict that passed the test but cannot be used here (another office's server): said as an
        error, and the fields count as untested."""
        self._tested = None
        self.error(text)
        self.verdict_changed.emit()

    def error(self, text: str) -> None:
        self._show(text, ERROR_STYLE)

    def _show(self, text: str, style: str) -> None:
        self.result.setStyleSheet(style)
        self.result.setText(text)
