"""The first-run wizard's page for a central office on a PostgreSQL server, with its Uji koneksi."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage

from kinerja_desktop.core.server.check import Verdict
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.common.widgets import HINT_STYLE
from kinerja_desktop.ui.server_fields import ServerFields


class ServerWizard(Protocol):
    """What the page needs of the first-run wizard (which imports this module)."""

    tasks: TaskRunner
    workspace: Workspace
    local_workspace: Workspace
    server_settings: ServerSettings | None

    def use_server(self, workspace: Workspace, settings: ServerSettings) -> None: ...

    def use_local(self) -> None: ...

    def remember_server(self) -> None: ...


class ServerPage(QWizardPage):
    """Host, port, database, user and password; Lanjut only after a successful Uji koneksi of exactly
    what is typed. Lanjut opens the server (creating the tables on an empty database)."""

    def __init__(self, wizard: ServerWizard, next_new: int, next_joined: int) -> None:
        super().__init__()
        self._wizard = wizard
        self._next_new, self._next_joined = next_new, next_joined
        self._joined = False  # the server opened by Lanjut already holds the office
        self.setTitle("Server basis data kantor pusat (PostgreSQL)")
        self.setSubTitle(
            "Isi data sambungan dari pengelola server, lalu tekan Uji koneksi. Semua komputer kantor pusat "
            "memakai basis data yang sama di server itu."
        )
        self.fields = ServerFields(wizard.tasks)
        self.fields.verdict_changed.connect(self.completeChanged)
        # The fields by name, as the wizard's tests and callers know them.
        self.host, self.port, self.database = self.fields.host, self.fields.port, self.fields.database
        self.user, self.password, self.notes = self.fields.user, self.fields.password, self.fields.notes
        self.test_button, self.result = self.fields.test_button, self.fields.result
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addStretch()

    @property
    def verdict(self) -> Verdict | None:
        return self.fields.verdict

    def settings(self) -> ServerSettings:
        return self.fields.settings()

    def isComplete(self) -> bool:
        return self.fields.tested()

    def validatePage(self) -> bool:
        """Open the server's database (its tables made on an empty one); a server that already holds an
        office is remembered in the data folder now: this PC joins it."""
        settings = self.settings()
        paths = self._wizard.local_workspace.paths
        opened = ops.attempt(
            self, lambda: Workspace.open(paths, url=settings.url()), message=ops.note(self.fields.error)
        )
        if not opened:
            return False
        self._wizard.use_server(opened.value, settings)
        self._joined = opened.value.is_initialised()
        if self._joined:
            return bool(ops.attempt(self, self._wizard.remember_server, message=ops.note(self.fields.error)))
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
