"""The start screen when the database cannot be opened: why, and the backups to restore from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import APP_TITLE
from kinerja_desktop.core import recovery
from kinerja_desktop.core.db.backup_info import BackupInfo
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.server.settings import settings_file
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.cadangan.model import COLUMN_KETERANGAN, BackupModel, load_backups
from kinerja_desktop.ui.cadangan.page import restore_question
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.dialogs import ask_yes_no
from kinerja_desktop.ui.common.tasks import TaskRunner


class RecoveryWindow(QDialog):
    """Says why the data folder did not open; restores a backup (``restored`` with the result) or asks
    to try again (``retry_requested``); closing it quits the app."""

    restored = Signal(object)
    retry_requested = Signal()

    def __init__(self, paths: AppPaths, problem: KnownError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.problem = problem
        self.tasks = TaskRunner(self)
        self.restorable = bool(getattr(problem, "restorable", True))
        self.setWindowTitle(f"Basis data tidak bisa dibuka — {APP_TITLE}")
        self.setMinimumSize(760, 480)

        title = QLabel("Basis data tidak bisa dibuka")
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        title.setFont(font)
        self.reason = QLabel(problem.pesan)
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #b00020; font-weight: bold;")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = QLabel(problem.saran or "")
        self.advice.setObjectName("advice")
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder = QLabel(f"Folder data: {paths.data_dir}")
        folder.setStyleSheet("color: gray;")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = BackupModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_KETERANGAN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.table.doubleClicked.connect(self.on_restore_button_clicked)

        self.restore_button = QPushButton("Pulihkan dari cadangan…")
        self.restore_button.setDefault(True)
        self.choose_file_button = QPushButton("Pilih berkas lain…")
        self.retry_button = QPushButton("Coba buka lagi")
        self.server_button = QPushButton("Ubah sambungan server…")
        self.server_button.clicked.connect(self.on_server_button_clicked)
        self.server_button.setVisible(settings_file(paths).exists())
        self.close_button = QPushButton("Tutup")
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.choose_file_button.clicked.connect(self.on_choose_file_button_clicked)
        self.retry_button.clicked.connect(self.on_retry_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.reason)
        layout.addWidget(self.advice)
        layout.addWidget(folder)
        layout.addSpacing(8)
        buttons = QHBoxLayout()
        if self.restorable:
            heading = QLabel(
                "<b>Pulihkan dari cadangan</b> — cadangan terbaru di atas. Basis data yang sekarang disimpan "
                "dulu di folder cadangan sebelum diganti, jadi tidak ada yang hilang."
            )
            heading.setWordWrap(True)
            layout.addWidget(heading)
            layout.addWidget(self.table, 1)
            buttons.addWidget(self.restore_button)
            buttons.addWidget(self.choose_file_button)
        else:
            self.table.hide()
            self.restore_button.hide()
            self.choose_file_button.hide()
            note = QLabel(
                "Memulihkan cadangan tidak menolong di sini: data Anda tidak rusak. Atasi dulu sebab di "
                "atas, lalu tekan Coba buka lagi."
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)
        buttons.addStretch()
        buttons.addWidget(self.server_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.close_button)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        if self.restorable:
            self.load()
        else:
            self.retry_button.setDefault(True)
        self.on_selection_changed()

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.message.setText(text)

    def fail(self, text: str) -> None:
        self.say(text, ok=False)

    def load(self) -> None:
        folder = self.paths.backups
        found = ops.attempt(self, lambda: load_backups(folder), message=ops.note(self.fail))
        if not found:
            return
        self.model.set_rows(found.value)
        usable = [i for i, row in enumerate(found.value) if row.usable]
        if usable:
            self.table.selectRow(usable[0])
        elif found.value:
            self.say("Tidak ada cadangan di folder ini yang bisa dipakai. Pilih berkas lain…", ok=False)
        else:
            self.say("Belum ada cadangan di folder data ini. Pilih berkas lain… (misalnya di flash disk).")

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def on_selection_changed(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen.usable)

    def on_restore_button_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.usable:
            self.restore_from(chosen.path)

    def on_choose_file_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Pilih berkas cadangan",
            str(self.paths.backups),
            "Cadangan Kinerja (*.sqlite3);;Semua berkas (*)",
        )
        if name:
            self.restore_from(Path(name))

    def restore_from(self, path: Path) -> None:
        """Check ``path`` completely, ask, then put it in place; the database is never opened first."""
        paths = self.paths
        ops.attempt(
            self,
            lambda: recovery.check_restore(paths, path),
            then=self.confirm_restore,
            message=ops.note(self.fail),
            background="Memeriksa keutuhan cadangan…",
            cancellable=False,
            tasks=self.tasks,
        )

    def confirm_restore(self, check: recovery.RestoreCheck) -> None:
        question, detail = restore_question(check, "basis data yang tidak bisa dibuka")
        if not ask_yes_no(self, question, detail, default_yes=not check.other_kantor):
            self.say("Pemulihan dibatalkan; basis data tidak diubah.", ok=False)
            return
        paths = self.paths
        ops.attempt(
            self,
            lambda: recovery.restore_folder(paths, check, kantor_lain=check.other_kantor),
            then=self.on_restored,
            message=ops.note(self.fail),
            background="Memulihkan basis data…",
            cancellable=False,
            tasks=self.tasks,
        )

    def on_restored(self, result: recovery.RestoreResult) -> None:
        self.accept()  # closes without "rejected", which would quit the app
        self.restored.emit(result)

    def on_server_button_clicked(self) -> None:
        """A central office PC whose server moved or whose password changed: new settings, tested, then
        the folder is opened again."""
        from kinerja_desktop.ui.server_dialog import ServerSettingsDialog

        if ServerSettingsDialog(self.paths, None, self).exec():
            self.retry_requested.emit()

    def on_retry_button_clicked(self) -> None:
        self.accept()
        self.retry_requested.emit()


def restore_into(
    parent: QWidget, workspace: Workspace, tasks: TaskRunner, *, then: Callable[[], None]
) -> bool:
    """Choose a backup file, check it, ask, and restore it into ``workspace`` (a folder with no office
    yet, as on a new computer); ``then`` runs once it is restored. False when no file was chosen."""
    name, _ = QFileDialog.getOpenFileName(
        parent, "Pilih berkas cadangan", str(Path.home()), "Cadangan Kinerja (*.sqlite3);;Semua berkas (*)"
    )
    if not name:
        return False
    path = Path(name)

    def confirm(check: recovery.RestoreCheck) -> None:
        question, detail = restore_question(check, "basis data yang masih kosong ini")
        if not ask_yes_no(parent, question, detail, default_yes=True):
            return
        ops.attempt(
            parent,
            lambda: workspace.restore(path, kantor_lain=check.other_kantor, check=check),
            then=lambda _result: then(),
            background="Memulihkan basis data…",
            cancellable=False,
            tasks=tasks,
        )

    ops.attempt(
        parent,
        lambda: recovery.check_restore(workspace.paths, path),
        then=confirm,
        background="Memeriksa keutuhan cadangan…",
        cancellable=False,
        tasks=tasks,
    )
    return True
