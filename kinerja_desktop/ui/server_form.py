"""The first-run wizard's page for a central office on a PostgreSQL server, with its Uji koneksi."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kinerja_desktop.core.server.check import Verdict, check_server
from kinerja_desktop.core.server.settings import DEFAULT_PORT, ServerSettings, validate
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE, OK_STYLE, FieldNote, with_note


class ServerWizard(Protocol):
    """What the page needs of the first-run wizard (which imports this module)."""

    tasks: TaskRunner
    workspace: Workspace
    local_workspace: Workspace
    server_settings: ServerSettings | None

    def use_server(self, workspace: Workspace, settings: ServerSettings) -> None: ...

    def use_local(self) -> None: ...

    def remember_server(self) -> None: ...


FIELD_WIDTH = 360
PASSWORD_NOTE = (
    "Kata sandi disimpan di penyimpanan kata sandi Windows (Credential Locker);\n"
    "bila tidak tersedia, di folder data aplikasi yang hanya bisa dibaca akun Windows Anda."
)


class ServerPage(QWizardPage):
    """Host, port, database, user and password; Lanjut only after a successful Uji koneksi of exactly
    what is typed. Lanjut opens the server (creating the tables on an empty database)."""

    def __init__(self, wizard: ServerWizard, next_new: int, next_joined: int) -> None:
        super().__init__()
        self._wizard = wizard
        self._next_new, self._next_joined = next_new, next_joined
        self._tested: ServerSettings | None = None  # passed the test as typed now: Lanjut is possible
        self._last: ServerSettings | None = None  # the settings of the verdict shown
        self.verdict: Verdict | None = None
        self._joined = False  # the server opened by Lanjut already holds the office
        self.setTitle("Server basis data kantor pusat (PostgreSQL)")
        self.setSubTitle(
            "Isi data sambungan dari pengelola server, lalu tekan Uji koneksi. Semua komputer kantor pusat "
            "memakai basis data yang sama di server itu."
        )
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
        form.addRow("", hint)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.result)
        layout.addStretch()
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

    def on_field_changed(self) -> None:
        if self._last is not None and self._last != self.settings():
            self._last = self._tested = None
            for note in self.notes.values():
                note.clear_note()
            self._show("Data sambungan berubah: tekan Uji koneksi lagi.", HINT_STYLE)
            self.completeChanged.emit()

    def on_test_clicked(self) -> None:
        for note in self.notes.values():
            note.clear_note()
        settings = self.settings()
        if not ops.attempt(self, lambda: validate(settings), notes=self.notes, message=ops.note(self._error)):
            return
        self._show("Menguji koneksi ke server…", HINT_STYLE)
        self.test_button.setEnabled(False)
        ops.attempt(
            self,
            lambda: check_server(settings),
            background="Menguji koneksi ke server…",
            cancellable=False,
            tasks=self._wizard.tasks,
            then=lambda verdict: self.show_verdict(settings, verdict),
            failed=lambda _exc: self.test_button.setEnabled(True),
            message=ops.note(self._error),
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
        self.completeChanged.emit()

    def _show(self, text: str, style: str) -> None:
        self.result.setStyleSheet(style)
        self.result.setText(text)

    def _error(self, text: str) -> None:
        self._show(text, ERROR_STYLE)

    def isComplete(self) -> bool:
        return self._tested is not None and self._tested == self.settings()

    def validatePage(self) -> bool:
        """Open the server's database (its tables made on an empty one); a server that already holds an
        office is remembered in the data folder now: this PC joins it."""
        settings = self.settings()
        paths = self._wizard.local_workspace.paths
        opened = ops.attempt(
            self, lambda: Workspace.open(paths, url=settings.url()), message=ops.note(self._error)
        )
        if not opened:
            return False
        self._wizard.use_server(opened.value, settings)
        self._joined = opened.value.is_initialised()
        if self._joined:
            return bool(ops.attempt(self, self._wizard.remember_server, message=ops.note(self._error)))
        return True

    def cleanupPage(self) -> None:
        """Back to the welcome page: the office will be on this PC after all, unless chosen again."""
        self._joined = False
        self._wizard.use_local()

    def nextId(self) -> int:
        return self._next_joined if self._joined else self._next_new


class JoinedPage(QWizardPage):
    """A second staff PC: the server already holds the central office, so only the login is left."""

    def __init__(self, wizard: ServerWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Server sudah berisi data kantor pusat")
        self.label = QLabel()
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)

    def initializePage(self) -> None:
        ws = self._wizard.workspace
        info = ws.kantor_info()
        nama = f"{info.nama} ({info.kode})" if info is not None else "kantor pusat"
        self.label.setText(
            f"Server {ws.server_label} sudah berisi data {nama}. Komputer ini sekarang memakainya; "
            "folder data komputer ini mengingat servernya.\n\n"
            "Tekan Selesai, lalu masuk dengan akun Anda yang sudah dibuat administrator kantor pusat."
        )

    def nextId(self) -> int:
        return -1


def server_choice_note() -> QWidget:
    """The line under the welcome page's server choice."""
    note = QLabel(
        "Untuk BKPSDM dengan beberapa komputer: data disimpan di server PostgreSQL kantor, bukan di "
        "komputer ini. Siapkan alamat server, nama basis data, pengguna dan kata sandinya."
    )
    note.setWordWrap(True)
    note.setStyleSheet(HINT_STYLE)
    note.setContentsMargins(24, 0, 0, 0)
    return note
