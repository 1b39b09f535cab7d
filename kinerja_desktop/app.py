"""GUI start-up: arguments → paths → logging → QApplication → database → wizard or login → main window."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kinerja_desktop import APP_NAME, APP_TITLE, __version__
from kinerja_desktop.core.errors import KnownError, ServerBackupUnconfirmed
from kinerja_desktop.core.lock import FolderInUse, FolderLock
from kinerja_desktop.core.paths import AppPaths, resolve_paths, resources_dir
from kinerja_desktop.core.recovery import OpenError, RestoreResult
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.logs import setup_logging
from kinerja_desktop.ui import qt_teks
from kinerja_desktop.ui.crash import install_excepthook
from kinerja_desktop.ui.icon import app_icon
from kinerja_desktop.ui.login import LoginDialog

if TYPE_CHECKING:
    from kinerja_desktop.ui.first_run import FirstRunWizard

log = logging.getLogger(__name__)
SMOKE_TIMEOUT_MS = 20_000


class AppController(QObject):
    """Moves the user through first-run wizard → login → main window (and back on log-out); when the
    data folder cannot be opened, through the recovery screen first. Holds the folder's lock."""

    def __init__(
        self,
        workspace: Workspace | None = None,
        *,
        paths: AppPaths | None = None,
        lock: FolderLock | None = None,
    ) -> None:
        super().__init__()
        if paths is None:
            if workspace is None:
                raise ValueError("AppController needs a workspace or the paths of a data folder")
            paths = workspace.paths
        self.workspace = workspace
        self.paths = paths
        self.lock = lock
        self.window: QWidget | None = None
        #: The administrator chose Batal before a server upgrade: the app ends without a window.
        self.declined = False

    def start(self) -> None:
        if self.workspace is None:
            self.open_folder()
        elif self.workspace.is_initialised():
            self.show_login()
        else:
            self.show_wizard()

    def open_folder(
        self, restored: RestoreResult | None = None, *, upgrade_without_dump: bool = False
    ) -> None:
        """Open the data folder (after a restore, recording it); the recovery screen when it fails. A
        server database to upgrade that cannot be dumped here first waits for the administrator's word
        that the server has a backup; Batal ends the app, the database untouched."""
        try:
            if upgrade_without_dump:
                workspace = Workspace.open(self.paths, upgrade_without_dump=True)
            else:
                workspace = Workspace.open(self.paths)
        except ServerBackupUnconfirmed as exc:
            from kinerja_desktop.ui.cadangan.upgrade import confirm_upgrade_without_dump

            log.warning("Server upgrade waits for confirmation: %s", exc)
            if confirm_upgrade_without_dump(self.window, exc):
                log.warning("Upgrade without pg_dump confirmed by the administrator")
                self.open_folder(restored, upgrade_without_dump=True)
            else:
                self.declined = True
                self._quit()
            return
        except OpenError as exc:
            log.warning("Cannot open the data folder: %s", exc)
            self.show_recovery(exc)
            return
        if self.workspace is not None:
            self.workspace.close()
        self.workspace = workspace
        if restored is not None:
            try:
                workspace.record_restore(restored)
            except KnownError as exc:  # the restore itself is done; only its audit entry failed
                log.warning("Restore not recorded in the audit log: %s", exc)
        self.start()

    def show_recovery(self, problem: KnownError) -> None:
        from kinerja_desktop.ui.recovery import RecoveryWindow

        window = RecoveryWindow(self.paths, problem)
        window.restored.connect(self.open_folder)
        window.retry_requested.connect(self.open_folder)
        window.rejected.connect(self._quit)
        self._replace(window)

    def _replace(self, window: QWidget) -> None:
        old, self.window = self.window, window
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()

    def show_wizard(self) -> None:
        from kinerja_desktop.ui.first_run import FirstRunWizard

        assert self.workspace is not None
        wizard = FirstRunWizard(self.workspace)
        wizard.accepted.connect(lambda: self.after_wizard(wizard))
        wizard.rejected.connect(self._quit)
        self._replace(wizard)

    def after_wizard(self, wizard: FirstRunWizard) -> None:
        """The office is ready, here or on the server the wizard chose: on to the login."""
        if wizard.workspace is not self.workspace:
            if self.workspace is not None:
                self.workspace.close()
            self.workspace = wizard.workspace
        self.show_login(wizard.username)

    def show_login(self, username: str = "") -> None:
        assert self.workspace is not None
        dialog = LoginDialog(self.workspace, username)
        dialog.logged_in.connect(self.show_main)
        dialog.rejected.connect(self._quit)
        self._replace(dialog)

    def show_main(self, actor: Actor) -> None:
        from kinerja_desktop.ui.main_window import MainWindow

        assert self.workspace is not None
        window = MainWindow(self.workspace, actor)
        window.logged_out.connect(lambda: self.show_login(actor.username))
        window.reconnect_requested.connect(self.open_folder)
        window.start_real_requested.connect(self.start_real)
        self._replace(window)

    def start_real(self, keep: bool) -> None:
        """Leave the demo office: its files set aside (``keep``) or deleted, then the wizard on the empty
        folder; when they cannot be moved the demo opens again and says why."""
        from kinerja_desktop.core.demo.aside import demo_aside

        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        try:
            kept = demo_aside(self.paths, keep=keep)
        except KnownError as exc:
            log.warning("Demo not set aside: %s", exc)
            QMessageBox.warning(None, APP_TITLE, str(exc))
        else:
            log.info("Demo office %s", f"kept in {kept}" if kept else "deleted")
        self.open_folder()

    def close(self) -> None:
        """Close the database and let go of the folder (at exit; tests call it too)."""
        if self.workspace is not None:
            self.workspace.close()
        if self.lock is not None:
            self.lock.release()

    def _quit(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.quit()


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    if not qt_teks.install(app):
        log.warning("Qt's Indonesian texts not found at %s", qt_teks.qm_file())
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
    app.setWindowIcon(app_icon())
    return app


def build_app(paths: AppPaths) -> AppController:
    """Take the folder's lock, open the workspace and show the first window (the recovery screen when the
    database cannot be opened), without entering the event loop (tests use this).

    Raises ``FolderInUse`` when another copy of the app has the folder open; nothing is opened then.
    """
    _application()
    lock = FolderLock(paths.data_dir)
    held: FolderLock | None = lock
    try:
        lock.acquire()
    except FolderInUse:
        raise
    except KnownError as exc:  # a read-only folder: opening it says so, on the recovery screen
        log.warning("No lock on the data folder: %s", exc)
        held = None
    controller = AppController(paths=paths, lock=held)
    controller.open_folder()
    return controller


def main(data_dir: str | os.PathLike[str] | None = None, smoke: bool = False) -> int:
    """Run the GUI until the user quits; with ``smoke`` exit 0 as soon as the first window is shown."""
    paths = resolve_paths(data_dir)
    try:
        paths.ensure()
        setup_logging(paths.logs)
    except OSError as exc:  # a read-only or full folder: the recovery screen says so
        print(f"Log tidak bisa ditulis di {paths.logs}: {exc}", file=sys.stderr)
        logging.getLogger().addHandler(logging.NullHandler())
    log.info("%s %s starting, data folder %s", APP_NAME, __version__, paths.data_dir)
    app = _application()
    install_excepthook(paths.logs)
    try:
        controller = build_app(paths)
    except KnownError as exc:
        log.warning("Cannot open the data folder: %s", exc)
        if smoke:
            print(f"Kesalahan: {exc}", file=sys.stderr)
            return 1
        QMessageBox.critical(None, APP_TITLE, str(exc))
        return 1
    if controller.declined and controller.window is None:
        controller.close()
        return 0
    if smoke:
        return _run_smoke(app, controller)
    code = app.exec()
    controller.close()
    return int(code)


def _run_smoke(app: QApplication, controller: AppController) -> int:
    """Exit 0 once the first window is visible, 1 if it never appears."""
    state = {"code": 1}

    def check() -> None:
        window = controller.window
        if window is not None and window.isVisible():
            print(f"smoke: {type(window).__name__} tampil", file=sys.stderr)
            problem = getattr(window, "problem", None)
            if problem is not None:  # the recovery screen: the folder did not open
                print(f"Kesalahan: {problem}", file=sys.stderr)
            state["code"] = 1 if problem is not None else 0
            app.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    app.exec()
    controller.close()
    return state["code"]
