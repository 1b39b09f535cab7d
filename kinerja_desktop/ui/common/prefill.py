"""Pre-filled fields: their whole text is selected when they get focus, so typing replaces it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

#: The dynamic property that marks a field whose text was filled in for the user.
PROPERTY = "kinerja_pilih_saat_fokus"
_installed: set[int] = set()


def mark_prefilled(widget: QLineEdit | QPlainTextEdit, prefilled: bool = True) -> None:
    """``widget`` shows text filled in for the user (a chosen pegawai, a superior's RHK): the next time
    it gets focus, by keyboard or mouse, all of it is selected."""
    widget.setProperty(PROPERTY, prefilled)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install(app)


def install(app: QApplication) -> None:
    """Watch focus changes of ``app`` (once): through a signal, as the screens never filter events."""
    if id(app) in _installed:
        return
    _installed.add(id(app))
    app.focusChanged.connect(_on_focus_changed)


def _on_focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    if isinstance(new, QLineEdit | QPlainTextEdit) and new.property(PROPERTY):
        # After the mouse press that gave the focus has placed the cursor.
        QTimer.singleShot(0, new, new.selectAll)
