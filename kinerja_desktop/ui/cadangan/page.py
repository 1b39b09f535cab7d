"""Backups page: list the backups, make one now, restore from a backup or a chosen file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Berkas", "Dibuat", "Ukuran", "Keterangan")
_REASON = re.compile(r"^kinerja-\d{8}-\d{6}(?:-\d+)?-([a-z0-9-]+)\.sqlite3$")
_REASON_LABEL = {
    "manual": "Dibuat manual",
    "sebelum-pemulihan": "Otomatis sebelum pemulihan",
    "sebelum-migrasi": "Otomatis sebelum pembaruan basis data",
}


@dataclass(frozen=True)
class BackupRow:
    """One backup file as the list shows it."""

    path: Path
    dibuat: datetime
    ukuran: int

    @property
    def nama(self) -> str:
        return self.path.name

    @property
    def keterangan(self) -> str:
        match = _REASON.match(self.path.name)
        slug = match.group(1) if match else ""
        return _REASON_LABEL.get(slug, f"Otomatis ({slug.replace('-', ' ')})" if slug else "")


def size_text(size: int) -> str:
    """``12 KB`` or ``3,4 MB`` (Indonesian decimal comma)."""
    if size < 1024 * 1024:
        return f"{format_angka(max(1, round(size / 1024)))} KB"
    return f"{format_angka(size / (1024 * 1024), desimal=1)} MB"


def load_backups(folder: Path) -> list[BackupRow]:
    rows = []
    for path in backups.list_backups(folder):
        stat = path.stat()
        rows.append(BackupRow(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return rows


class BackupModel(QAbstractTableModel):
    """Backup files, newest first; ``Qt.UserRole`` gives a sort key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BackupRow] = []

    def set_rows(self, rows: list[BackupRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.nama, f"{row.dibuat:%d-%m-%Y %H:%M:%S}", size_text(row.ukuran), row.keterangan)[
                column
            ]
        if role == Qt.ItemDataRole.UserRole:
            return (row.nama, f"{row.dibuat.isoformat()} {row.nama}", row.ukuran, row.keterangan)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None


class CadanganPage(Page):
    title = "Cadangan"
    izin = Izin.CADANGAN

    status_changed = Signal()
    restored = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.folder = ctx.workspace.paths.backups
        self.available = ctx.workspace.is_sqlite
        if self.available:
            text = (
                f"Cadangan disimpan di folder {self.folder}; selain yang Anda buat di sini, cadangan juga "
                "dibuat otomatis sebelum setiap pembaruan struktur basis data dan sebelum pemulihan "
                f"({backups.DEFAULT_KEEP} cadangan terbaru yang disimpan)."
            )
        else:
            text = (
                f"Cadangan tidak tersedia di sini: basis data ini ada di server ({ctx.workspace.location}). "
                "Gunakan alat cadangan server, misalnya pg_dump."
            )
        intro = QLabel(text)
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = BackupModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)

        self.create_button = QPushButton("Buat cadangan sekarang")
        self.restore_button = QPushButton("Pulihkan dari cadangan terpilih…")
        self.restore_file_button = QPushButton("Pulihkan dari berkas…")
        self.open_folder_button = QPushButton("Buka folder cadangan")
        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.restore_file_button.clicked.connect(self.on_restore_file_button_clicked)
        self.open_folder_button.clicked.connect(self.on_open_folder_button_clicked)
        buttons = QHBoxLayout()
        for button in (
            self.create_button,
            self.restore_button,
            self.restore_file_button,
            self.open_folder_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.restore_note = QLabel(
            "Setelah pemulihan Anda perlu masuk kembali."
            if self.may_restore
            else "Pemulihan hanya dapat dilakukan oleh administrator."
        )
        self.restore_note.setStyleSheet("color: gray;")
        self.restore_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.restore_note)
        layout.addWidget(self.message)
        if not self.available:
            for widget in (
                self.table,
                self.create_button,
                self.restore_button,
                self.restore_file_button,
                self.open_folder_button,
            ):
                widget.setEnabled(False)
        self.on_selection_changed()

    @property
    def may_restore(self) -> bool:
        return self.available and self.ctx.actor.can(Izin.PULIHKAN)

    def refresh(self) -> None:
        self.model.set_rows(load_backups(self.folder) if self.available else [])
        self.on_selection_changed()

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.message.setText(text)

    def selected(self) -> BackupRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()] if rows else None

    def on_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.may_restore and self.selected() is not None)
        self.restore_file_button.setEnabled(self.may_restore)

    def on_task_failed(self, exc: KnownError) -> None:
        """A refused backup or restore: said in the page's line too (the message box came first)."""
        self.say(exc.pesan, ok=False)

    def on_create_button_clicked(self) -> None:
        workspace, actor = self.ctx.workspace, self.ctx.actor

        def done(path: Path) -> None:
            self.refresh()
            self.say(f"Cadangan dibuat: {path.name}.")
            self.status_changed.emit()

        # The backup opens the database itself (a file copy, then an audit entry): attempt, not act.
        ops.attempt(
            self,
            lambda: workspace.backup(actor),
            then=done,
            failed=self.on_task_failed,
            background="Membuat cadangan…",
            cancellable=False,
        )

    def on_restore_button_clicked(self) -> None:
        row = self.selected()
        if row is not None:
            self.restore_from(row.path)

    def on_restore_file_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Pilih berkas cadangan", str(self.folder), "Cadangan Kinerja (*.sqlite3);;Semua berkas (*)"
        )
        if name:
            self.restore_from(Path(name))

    def restore_from(self, path: Path) -> None:
        """Check ``path``, ask for confirmation, then replace the database with it."""
        if not ops.attempt(self, lambda: backups.check_backup_file(path)):
            return
        question = (
            f"Basis data saat ini akan diganti dengan isi cadangan {path.name}. "
            "Data saat ini dicadangkan dulu secara otomatis. Lanjutkan?"
        )
        if not ask_yes_no(self, question, "Setelah pemulihan, semua pengguna perlu masuk kembali."):
            return
        workspace, actor = self.ctx.workspace, self.ctx.actor

        def done(safety: Path) -> None:
            self.refresh()
            self.say(f"Basis data dipulihkan dari {path.name}. Data sebelumnya tersimpan di {safety.name}.")
            self.status_changed.emit()
            self.restored.emit()

        # Restoring replaces the database file itself: attempt, not act.
        ops.attempt(
            self,
            lambda: workspace.restore(path, actor),
            then=done,
            failed=self.on_task_failed,
            background="Memulihkan basis data…",
            cancellable=False,
        )

    def on_open_folder_button_clicked(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
