"""Qt's own texts in Indonesian (text-field menus, dialog buttons, file and print dialogs).

Qt ships no Indonesian catalogue for its widgets, so the app carries its own: ``resources/translations/
qt_id.ts``, compiled with ``pyside6-lrelease`` into ``qt_id.qm`` beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from kinerja_desktop.core.paths import resources_dir

_installed: list[QTranslator] = []  # kept alive for as long as the application runs


def qm_file() -> str:
    return str(resources_dir() / "translations" / "qt_id.qm")


def install(app: QCoreApplication) -> bool:
    """Load the Indonesian Qt texts into ``app`` (once); False when the catalogue cannot be read."""
    if _installed:
        return True
    translator = QTranslator(app)
    if not translator.load(qm_file()):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def uninstall(app: QCoreApplication) -> None:
    """Take the Indonesian Qt texts out again (tests)."""
    while _installed:
        app.removeTranslator(_installed.pop())
