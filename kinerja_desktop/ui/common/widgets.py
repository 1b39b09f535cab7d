"""Shared widgets and styles of the forms: notes beside fields, optional dates, Enter shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

from PySide6.QtCore import QDate, QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.common.prefill import mark_prefilled

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #7a4a00; background: #fff3cd; border-radius: 3px; padding: 2px 4px;"
OK_STYLE = "color: #1b5e20;"
HINT_STYLE = "color: #666666;"
KOSONG = QDate(1900, 1, 1)
_WIDGET = Qt.ShortcutContext.WidgetShortcut


class DateField(QWidget):
    """A date that may be empty: tick the box to fill it in, untick it (or press Delete) to empty it.

    Built from a checkbox and a QDateEdit, without overriding Qt event handlers (see ``table.py``).
    ``changed`` is emitted for every change of the value.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.optional = optional
        self.check = QCheckBox(toolTip="Centang untuk mengisi tanggal; kosongkan centang bila tidak ada")
        self.edit = QDateEdit(displayFormat="dd-MM-yyyy", calendarPopup=True)
        self.edit.setMinimumDate(KOSONG)
        self.edit.setMaximumDate(QDate(2100, 12, 31))
        self.edit.setSpecialValueText("kosong")
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("00-00-0000") + 64)
        self._last = QDate.currentDate()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch()
        self.check.setVisible(optional)
        self.setFocusProxy(self.check if optional else self.edit)
        if optional:
            shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.edit)
            shortcut.setContext(_WIDGET)  # not the keyword: PySide6 ignores it (see on_enter)
            shortcut.activated.connect(self.clear)
        self.check.toggled.connect(self.on_check_toggled)
        self.edit.dateChanged.connect(self.on_edit_changed)
        self.set_value(None if optional else date.today())

    def chain(self) -> list[QWidget]:
        """The widgets in Tab order."""
        return [self.check, self.edit] if self.optional else [self.edit]

    def value(self) -> date | None:
        if self.optional and not self.check.isChecked():
            return None
        return cast(date, self.edit.date().toPython())  # PySide6 types toPython() as object

    def set_value(self, value: date | None) -> None:
        if value is None and self.optional:
            self.check.setChecked(False)
            self.on_check_toggled(False)
            return
        chosen = value or date.today()
        self._last = QDate(chosen.year, chosen.month, chosen.day)
        self.check.setChecked(True)
        self.on_check_toggled(True)

    def clear(self) -> None:
        self.set_value(None)

    def on_check_toggled(self, checked: bool) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setDate(self._last if checked else KOSONG)
        self.edit.setEnabled(checked)
        self.changed.emit()

    def on_edit_changed(self, value: QDate) -> None:
        if value != KOSONG:
            self._last = value
        self.changed.emit()


class FieldNote(QLabel):
    """A line under a field: red for an error, amber for a warning, hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()
        self.is_error = False

    def set_error(self, text: str) -> None:
        self._set(text, ERROR_STYLE, error=True)

    def set_warning(self, text: str) -> None:
        self._set(text, WARNING_STYLE, error=False)

    def add(self, text: str, *, error: bool) -> None:
        """Another message for the same field (an error wins the colour)."""
        combined = f"{self.text()}\n{text}" if self.text() else text
        self._set(
            combined, ERROR_STYLE if error or self.is_error else WARNING_STYLE, error=error or self.is_error
        )

    def _set(self, text: str, style: str, *, error: bool) -> None:
        self.is_error = error
        self.setStyleSheet(style)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_note(self) -> None:
        self.is_error = False
        self.clear()
        self.hide()


def with_note(field: QWidget | QLayout, note: FieldNote) -> QWidget:
    """``field`` with ``note`` below it, as one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if isinstance(field, QWidget):
        layout.addWidget(field)
        box.setFocusProxy(field)
    else:
        layout.addLayout(field)
    layout.addWidget(note)
    return box


class PegawaiPicker(QWidget):
    """Choose a pegawai by typing part of the name or NIP (a QCompleter, fast with 15,000 names)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "ketik nama atau NIP…") -> None:
        super().__init__(parent)
        self._labels: dict[str, str] = {}
        self._ids: dict[str, str] = {}
        self._id: str | None = None
        self.line = QLineEdit(placeholderText=placeholder, clearButtonEnabled=True)
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        popup = self.completer.popup()
        if isinstance(popup, QListView):
            popup.setUniformItemSizes(True)
        self.line.setCompleter(self.completer)
        mark_prefilled(self.line)  # the name of a chosen pegawai: typing replaces it
        self.completer.activated.connect(self.on_completer_activated)  # default overload: activated(QString)
        self.line.textEdited.connect(self.on_line_edited)
        self.line.editingFinished.connect(self.on_line_finished)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        self.setFocusProxy(self.line)

    def set_choices(self, choices: list[tuple[str, str]], known: dict[str, str] | None = None) -> None:
        """``choices`` (id, label) are offered; ``known`` labels more ids (e.g. an inactive superior)."""
        self._ids = {label: pid for pid, label in choices}
        self._labels = dict(known or {}) | {pid: label for pid, label in choices}
        self.model.setStringList([label for _pid, label in choices])

    def value(self) -> str | None:
        return self._id

    def set_value(self, pegawai_id: str | None) -> None:
        self._id = pegawai_id
        self.line.setText(self._labels.get(pegawai_id, "") if pegawai_id else "")
        self.changed.emit()

    def is_unmatched(self) -> bool:
        """Text typed that names nobody in the list."""
        return self._id is None and bool(self.line.text().strip())

    def setReadOnly(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)

    def on_completer_activated(self, label: str) -> None:
        self._id = self._ids.get(label)
        self.changed.emit()

    def on_line_edited(self, text: str) -> None:
        if self._id is not None:
            self._id = None
            self.changed.emit()
        if not text:
            self.changed.emit()

    def on_line_finished(self) -> None:
        text = self.line.text().strip()
        found = self._ids.get(text)
        if found is None and text:
            matches = [label for label in self._ids if text.lower() in label.lower()]
            if len(matches) == 1:
                found = self._ids[matches[0]]
                self.line.setText(matches[0])
        if found != self._id:
            self._id = found
            self.changed.emit()


def on_enter(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` when Enter is pressed while ``widget`` has the focus (e.g. open a table's row).

    A shortcut rather than an event filter: see the note on event handlers in ``table.py``. The
    context is set after construction: PySide6 ignores a ``context=`` keyword here, which would leave
    a window-wide shortcut that becomes ambiguous as soon as two widgets of a window use it.
    """
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), widget)
        shortcut.setContext(_WIDGET)
        shortcut.activated.connect(callback)
