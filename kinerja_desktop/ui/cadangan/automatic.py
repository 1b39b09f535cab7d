"""The main window's automatic backups: daily while it is open, at closing after a change, and the
reminder at closing to copy the backups outside the data folder (a flash disk) once a week. For a server
database only the daily one (a pg_dump, when this computer has the tools): closing does not wait for a
dump over the network, and the server's own schedule is the main safeguard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from kinerja_desktop.core.db.backup import CopyResult
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.ui.cadangan.copy import choose_copy_folder, copy_backups, copy_done_text
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no, show_info

# How often the open app looks whether the daily backup is due (it is made once the newest backup is
# a day old and something changed since).
CHECK_INTERVAL_MS = 30 * 60 * 1000


class AutomaticBackups(QObject):
    """Owned by the main window; the automatic backups are made as the system, for every role."""

    def __init__(self, window: QMainWindow, ctx: UiContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setObjectName("backup_timer")
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        found = ops.attempt(window, ctx.workspace.can_back_up)
        #: Backups can be made from here (a SQLite file; a server when pg_dump fits it).
        self.enabled = bool(found and found.value)
        if self.enabled:
            self.timer.start()

    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)

    def on_timer_timeout(self) -> None:
        """Make the daily backup when it is due; a failure is told in the status bar, not in a box."""
        workspace = self.ctx.workspace
        failed = ops.note(lambda text: self.show_status(f"Cadangan otomatis gagal: {text}"))
        due = ops.attempt(self.window, workspace.backup_due, message=failed)
        if not due or not due.value:
            return
        ops.attempt(
            self.window,
            lambda: workspace.backup(None, "otomatis-harian").name,
            ctx=self.ctx,
            then=lambda name: self.show_status(f"Cadangan otomatis harian dibuat: {name}", 10_000),
            message=failed,
            background="Membuat cadangan otomatis harian…",
            cancellable=False,
        )

    def backup_if_changed(self) -> None:
        """At closing (or logging out): a backup when data changed since the newest one. Done at once,
        with a message while it runs; a failure is shown and closing goes on (the data itself is safe)."""
        workspace = self.ctx.workspace
        if not workspace.is_sqlite:
            return
        changed = ops.attempt(self.window, workspace.changed_since_backup)
        if not changed or not changed.value:
            return
        self.show_status("Membuat cadangan otomatis sebelum menutup…")
        self.window.statusBar().repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ops.attempt(self.window, lambda: workspace.backup(None, "otomatis-tutup"))
        finally:
            QApplication.restoreOverrideCursor()

    def reminder_text(self, now: datetime | None = None) -> str | None:
        """The reminder to copy the backups outside, or None when it is not due (or not this user's job)."""
        if not self.ctx.actor.can(Izin.CADANGAN):
            return None
        workspace = self.ctx.workspace
        due = ops.attempt(self.window, lambda: workspace.copy_reminder_due(now))
        if not due or not due.value:
            return None
        last = workspace.last_copy_out()
        if last is None:
            when = "Cadangan belum pernah disalin ke luar folder data."
        else:
            days = ((now or datetime.now()) - last.waktu).days
            tanggal = f"{last.waktu:%d-%m-%Y}"
            when = f"Cadangan terakhir disalin ke luar folder data pada {tanggal} ({days} hari lalu)."
        return f"{when} Salin sekarang ke flash disk?"

    def offer_copy(self, then: Callable[[], None]) -> bool:
        """Ask (when due) whether to copy the backups outside before closing. True when a copy started:
        ``then`` is called once it has ended (at once when tasks run inline), whatever its outcome."""
        question = self.reminder_text()
        if question is None:
            return False
        detail = (
            "Bila komputer ini rusak atau hilang, hanya salinan di luar komputer yang bisa memulihkan data. "
            "Pilih Tidak untuk menutup tanpa menyalin."
        )
        if not ask_yes_no(self.window, question, detail, default_yes=True):
            return False
        folder = choose_copy_folder(self.window)
        if folder is None:
            return False

        def done(result: CopyResult) -> None:
            show_info(self.window, copy_done_text(result))
            then()

        copy_backups(self.window, self.ctx, folder, then=done, failed=lambda _exc: then())
        return True

    def stop(self) -> None:
        self.timer.stop()
