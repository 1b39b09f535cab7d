"""Backups page: list the backups, make one now, copy them to a flash disk, restore one (checked first);
for a server database pg_dump's archives, or why this computer cannot make them."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl, Signal
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
)

from kinerja_desktop.core import recovery
from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.db.backup import CopyResult
from kinerja_desktop.core.db.backup_info import BackupInfo
from kinerja_desktop.core.db.pg_tools import PgTools
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.core.storage import size_text as size_text
from kinerja_desktop.ui.cadangan.copy import choose_copy_folder, copy_backups, copy_done_text, last_copy_text
from kinerja_desktop.ui.cadangan.model import COLUMN_DIBUAT, COLUMN_KANTOR, COLUMN_PEGAWAI, BackupModel
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no


def restore_question(
    check: recovery.RestoreCheck, current: str, *, server: bool = False, others: int = 0
) -> tuple[str, str]:
    """The question (and its detail) before ``check``'s backup replaces ``current`` (what is there now);
    for a ``server`` database also what the ``others`` connected to it must do."""
    info = check.info
    pegawai = f", {format_angka(info.pegawai)} pegawai" if info.pegawai is not None else ""
    what = f"{info.path.name} ({info.dibuat:%d-%m-%Y %H:%M}, {info.kantor_text}{pegawai})"
    detail = (
        "Data saat ini dicadangkan dulu secara otomatis. Setelah pemulihan, semua pengguna perlu masuk "
        "kembali."
    )
    if server:
        siapa = f"Saat ini {others} sambungan lain ke basis data ini masih terbuka. " if others else ""
        detail = (
            "Data saat ini dicadangkan dulu dengan pg_dump. Pemulihan mengganti data untuk SEMUA komputer "
            f"kantor pusat. {siapa}Minta rekan lain menutup Kinerja Desktop lebih dulu: bila data masih "
            "dipakai, pemulihan berhenti tanpa mengubah apa pun. Setelah pemulihan, semua pengguna perlu "
            "membuka aplikasi dan masuk kembali."
        )
    if check.other_kantor and check.here is not None:
        return (
            f"Cadangan {what} milik kantor lain, bukan {check.here.text}. Tetap pulihkan dan ganti SELURUH "
            f"{current} dengan data {info.kantor_text}?",
            detail,
        )
    return f"{current[0].upper()}{current[1:]} akan diganti dengan isi cadangan {what}. Lanjutkan?", detail


class CadanganPage(Page):
    title = "Cadangan"
    izin = Izin.CADANGAN
    bab_panduan = "cadangan"

    status_changed = Signal()
    restored = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.folder = ctx.workspace.paths.backups
        self.server = not ctx.workspace.is_sqlite
        self.tools: PgTools | None = None
        self.available = not self.server  # for a server: once its tools are found (_server_layout)
        keep = (
            f"Yang disimpan: {backups.DEFAULT_KEEP} cadangan terbaru ditambah satu cadangan per bulan "
            "selama setahun."
        )
        if not self.server:
            text = (
                f"Cadangan disimpan di folder {self.folder}. Selain yang Anda buat di sini, cadangan "
                "dibuat otomatis saat aplikasi ditutup setelah ada perubahan, sekali sehari selama aplikasi "
                f"terbuka, dan sebelum pembaruan basis data, impor atau pemulihan. {keep} "
                "Salin cadangan ke flash disk secara berkala: cadangan di komputer ini ikut hilang bila "
                "komputernya rusak."
            )
        else:
            server = ctx.workspace.server_label or ctx.workspace.location
            text = (
                f"Basis data ada di server {server}. Cadangannya dibuat dengan pg_dump ke folder "
                f"{self.folder} di komputer ini: saat Anda menekan tombol di bawah, otomatis sekali sehari "
                "selama aplikasi terbuka bila ada perubahan, sebelum pembaruan basis data dan sebelum "
                f"pemulihan. {keep} Cadangan ini pelengkap: pengelola server tetap perlu menjadwalkan "
                "pg_dump harian di server dan menyimpan hasilnya di tempat lain."
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
        self.table.sortByColumn(COLUMN_DIBUAT, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)

        self.create_button = QPushButton("Buat cadangan sekarang")
        self.copy_button = QPushButton("Salin cadangan ke…")
        self.copy_button.setToolTip(
            "Salin cadangan terbaru dan berkas bukti dukung ke flash disk atau folder lain"
        )
        self.restore_button = QPushButton("Pulihkan dari cadangan terpilih…")
        self.restore_file_button = QPushButton("Pulihkan dari berkas…")
        self.open_folder_button = QPushButton("Buka folder cadangan")
        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.restore_file_button.clicked.connect(self.on_restore_file_button_clicked)
        self.open_folder_button.clicked.connect(self.on_open_folder_button_clicked)
        buttons = QHBoxLayout()
        for button in (
            self.create_button,
            self.copy_button,
            self.restore_button,
            self.restore_file_button,
            self.open_folder_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        self.copy_status = QLabel()
        self.copy_status.setObjectName("copy_status")
        self.copy_status.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.restore_note = QLabel(
            "Setelah pemulihan Anda perlu masuk kembali."
            if self.ctx.actor.can(Izin.PULIHKAN)
            else "Pemulihan hanya dapat dilakukan oleh administrator."
        )
        self.restore_note.setStyleSheet("color: gray;")
        self.restore_note.setWordWrap(True)
        self.tools_status = QLabel()
        self.tools_status.setObjectName("tools_status")
        self.tools_status.setWordWrap(True)
        self.tools_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tools_status.setStyleSheet(
            "QLabel { color: #7a4a00; background: #fff4e0; border: 1px solid #e8c27a; padding: 8px; }"
        )
        self.tools_status.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tools_status)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.copy_status)
        layout.addWidget(self.restore_note)
        layout.addWidget(self.message)
        if self.server:
            self._server_layout()
        self.on_selection_changed()

    def _server_layout(self) -> None:
        """A server database: archives have no office or pegawai column; without fit tools the reason is
        shown and the buttons that need them are disabled, saying why."""
        found = ops.attempt(self, self.ctx.workspace.server_tools, message=ops.note(self.fail))
        self.tools = found.value if found else None
        self.available = self.tools is not None and self.tools.usable
        self.table.setColumnHidden(COLUMN_KANTOR, True)
        self.table.setColumnHidden(COLUMN_PEGAWAI, True)
        self.copy_button.setEnabled(False)
        self.copy_button.setToolTip(
            "Untuk basis data di server, salin berkas .dump dari Buka folder cadangan ke flash disk."
        )
        self.copy_status.hide()
        if self.available:
            return
        if self.tools is None:
            reason, saran = "Server tidak bisa ditanya versinya, jadi alat cadangan belum bisa diperiksa.", ""
        else:
            reason, saran = self.tools.problem or "", self.tools.saran or ""
        lines = html.escape(saran, quote=False).replace("\n", "<br>")
        self.tools_status.setText(f"<b>{html.escape(reason, quote=False)}</b><br>{lines}")
        self.tools_status.show()
        self.restore_note.hide()
        for button in (self.create_button, self.restore_button, self.restore_file_button):
            button.setEnabled(False)
            button.setToolTip(reason)

    @property
    def may_restore(self) -> bool:
        return self.available and self.ctx.actor.can(Izin.PULIHKAN)

    def refresh(self) -> None:
        workspace = self.ctx.workspace
        found = ops.attempt(
            self, lambda: (workspace.list_backups(), workspace.last_copy_out()), message=ops.note(self.fail)
        )
        if found:
            rows, copied = found.value
            self.model.set_rows(rows)
            self.copy_status.setText(last_copy_text(copied))
        self.on_selection_changed()

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.message.setText(text)

    def fail(self, text: str) -> None:
        self.say(text, ok=False)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()] if rows else None

    def on_selection_changed(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(self.may_restore and chosen is not None and chosen.usable)
        self.restore_file_button.setEnabled(self.may_restore)
        self.create_button.setEnabled(self.available)

    def on_task_failed(self, exc: KnownError) -> None:
        """A refused backup, copy or restore: said in the page's line too (the message box came first)."""
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

    def on_copy_button_clicked(self) -> None:
        folder = choose_copy_folder(self)
        if folder is None:
            return

        def done(result: CopyResult) -> None:
            self.refresh()
            self.say(copy_done_text(result))
            self.status_changed.emit()

        copy_backups(self, self.ctx, folder, then=done, failed=self.on_task_failed)

    def on_restore_button_clicked(self) -> None:
        row = self.selected()
        if row is not None:
            self.restore_from(row.path)

    def on_restore_file_button_clicked(self) -> None:
        kinds = "Cadangan server (*.dump)" if self.server else "Cadangan Kinerja (*.sqlite3)"
        name, _ = QFileDialog.getOpenFileName(
            self, "Pilih berkas cadangan", str(self.folder), f"{kinds};;Semua berkas (*)"
        )
        if name:
            self.restore_from(Path(name))

    def restore_from(self, path: Path) -> None:
        """Check ``path`` completely, ask (another office's backup is named as such), then restore it."""
        workspace = self.ctx.workspace
        ops.attempt(
            self,
            lambda: (workspace.check_restore(path), workspace.other_sessions()),
            then=lambda found: self.confirm_restore(*found),
            failed=self.on_task_failed,
            background="Memeriksa keutuhan cadangan…",
            cancellable=False,
        )

    def confirm_restore(self, check: recovery.RestoreCheck, others: int = 0) -> None:
        current = (
            f"basis data di server {self.ctx.workspace.server_label}"
            if self.server
            else "basis data saat ini"
        )
        question, detail = restore_question(check, current, server=self.server, others=others)
        if not ask_yes_no(self, question, detail):
            self.say("Pemulihan dibatalkan; basis data tidak diubah.", ok=False)
            return
        workspace, actor, path = self.ctx.workspace, self.ctx.actor, check.info.path

        def done(result: recovery.RestoreResult) -> None:
            self.refresh()
            safety = f" Data sebelumnya tersimpan di {result.safety.name}." if result.safety else ""
            self.say(f"Basis data dipulihkan dari {path.name}.{safety}")
            self.status_changed.emit()
            self.restored.emit()

        # Restoring replaces the database file itself: attempt, not act.
        ops.attempt(
            self,
            lambda: workspace.restore(path, actor, kantor_lain=check.other_kantor, check=check),
            then=done,
            failed=self.on_task_failed,
            background="Memulihkan basis data…",
            cancellable=False,
        )

    def on_open_folder_button_clicked(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
