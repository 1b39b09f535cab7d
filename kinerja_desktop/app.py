"""GUI start-up: arguments → paths → logging → QApplication → database → wizard or login → main window."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kinerja_desktop import APP_NAME, APP_TITLE, __version__
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.paths import AppPaths, resolve_paths, resources_dir
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.logs import setup_logging
from kinerja_desktop.ui.crash import install_excepthook
from kinerja_desktop.ui.icon import app_icon
from kinerja_desktop.ui.login import LoginDialog

log = logging.getLogger(__name__)
SMOKE_TIMEOUT_MS = 20_000


class AppController(QObject):
    """Moves the user through first-run wizard → login → main window (and back on log-out)."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.window: QWidget | None = None

    def start(self) -> None:
        if self.workspace.is_initialised():
            self.show_login()
        else:
            self.show_wizard()

    def _replace(self, window: QWidget) -> None:
        old, self.window = self.window, window
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()

    def show_wizard(self) -> None:
        from kinerja_desktop.ui.first_run import FirstRunWizard

        wizard = FirstRunWizard(self.workspace)
        wizard.accepted.connect(lambda: self.show_login(wizard.username))
        wizard.rejected.connect(self._quit)
        self._replace(wizard)

    def show_login(self, username: str = "") -> None:
        dialog = LoginDialog(self.workspace, username)
        dialog.logged_in.connect(self.show_main)
        dialog.rejected.connect(self._quit)
        self._replace(dialog)

    def show_main(self, actor: Actor) -> None:
        from kinerja_desktop.ui.main_window import MainWindow

        window = MainWindow(self.workspace, actor)
        window.logged_out.connect(lambda: self.show_login(actor.username))
        self._replace(window)

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
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
    app.setWindowIcon(app_icon())
    return app


def build_app(paths: AppPaths) -> AppController:
    """Open the workspace and show the first window, without entering the event loop (tests use this)."""
    _application()
    workspace = Workspace.open(paths)
    controller = AppController(workspace)
    controller.start()
    return controller


def main(data_dir: str | os.PathLike[str] | None = None, smoke: bool = False) -> int:
    """Run the GUI until the user quits; with ``smoke`` exit 0 as soon as the first window is shown."""
    paths = resolve_paths(data_dir).ensure()
    setup_logging(paths.logs)
    log.info("%s %s starting, data folder %s", APP_NAME, __version__, paths.data_dir)
    app = _application()
    install_excepthook(paths.logs)
    try:
        controller = build_app(paths)
    except KnownError as exc:
        log.warning("Cannot open the data folder: %s", exc)
        if smoke:
            print(f"Galat: {exc}", file=sys.stderr)
            return 1
        QMessageBox.critical(None, APP_TITLE, str(exc))
        return 1
    if smoke:
        return _run_smoke(app, controller)
    code = app.exec()
    controller.workspace.close()
    return int(code)


def _run_smoke(app: QApplication, controller: AppController) -> int:
    """Exit 0 once the first window is visible, 1 if it never appears."""
    state = {"code": 1}

    def check() -> None:
        if controller.window is not None and controller.window.isVisible():
            print(f"smoke: {type(controller.window).__name__} tampil", file=sys.stderr)
            state["code"] = 0
            app.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, app.quit)
    app.exec()
    controller.workspace.close()
    return state["code"]
