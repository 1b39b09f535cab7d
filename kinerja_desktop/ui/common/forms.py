"""Pieces the forms share: a text box where Enter accepts, a counter of the characters left, the
unsaved-changes guard, and a dialog that stays open (with what was typed) until its text is stored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.teks import length
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.ui.common.dialogs import ask_save_discard
from kinerja_desktop.ui.common.ops import Outcome
from kinerja_desktop.ui.common.prefill import mark_prefilled
from kinerja_desktop.ui.common.screen import fit_to_screen
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE, FieldNote


class TeksEdit(QPlainTextEdit):
    """One paragraph shown over several wrapped lines; Enter emits ``enter`` (accept), Tab moves on.

    A text edit claims Enter before any shortcut sees it, and event overrides are off limits (see
    ui/table.py), so a typed line break is taken back out and reported as ``enter``; pasted
    line breaks become spaces. ``multi_line`` keeps ordinary line breaks (ekspektasi khusus).
    """

    enter = Signal()

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, lines: int = 3, multi_line: bool = False
    ) -> None:
        super().__init__(text, parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)
        self._last = text
        if not multi_line:
            self.textChanged.connect(self.on_text_changed)

    def on_text_changed(self) -> None:
        now = self.toPlainText()
        if "\n" not in now and "\u2028" not in now:
            self._last = now
            return
        cursor = self.textCursor()
        pos = cursor.position()
        typed = now[: pos - 1] + now[pos:] == self._last and now[pos - 1 : pos] in ("\n", "\u2028")
        clean = self._last if typed else " ".join(now.replace("\u2028", "\n").split("\n"))
        with QSignalBlocker(self):
            self.setPlainText(clean)
        cursor = self.textCursor()
        cursor.setPosition(min(pos - 1 if typed else pos, len(clean)))
        self.setTextCursor(cursor)
        self._last = clean
        if typed:
            self.enter.emit()

    def text(self) -> str:
        return self.toPlainText()

    def prefill(self, text: str) -> None:
        """Text filled in for the user (a superior's RHK as a start): selected, here and whenever the
        field gets focus until the user changes it, so typing replaces it."""
        self.setPlainText(text)
        self.selectAll()
        mark_prefilled(self)
        self.textChanged.connect(self._typed_over, Qt.ConnectionType.SingleShotConnection)

    def _typed_over(self) -> None:
        mark_prefilled(self, False)


def tombol(ok: str = "Simpan") -> QDialogButtonBox:
    """Simpan/Batal buttons with Indonesian texts."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
    return box


class LengthCounter(QLabel):
    """How many characters a text box has left ("Sisa 1.950 dari 2.000 karakter"), in red once over.

    The box is measured as the services measure (``core.model.teks.length``), so a text the counter
    accepts is not refused for its length. ``near``: shown only once that share of the limit is used
    (forms with many boxes); without it the counter is always there, except beside a read-only box
    (call ``on_box_text_changed`` after changing that).
    """

    def __init__(self, box: QPlainTextEdit | QTextEdit | QLineEdit, maks: int, *, near: float | None = None):
        super().__init__()
        self.box, self.maks, self.near = box, maks, near
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setWordWrap(True)
        box.textChanged.connect(self.on_box_text_changed)
        self.on_box_text_changed()

    def typed(self) -> str:
        return self.box.text() if isinstance(self.box, QLineEdit) else self.box.toPlainText()

    def remaining(self) -> int:
        return self.maks - length(self.typed())

    def on_box_text_changed(self, *_args: object) -> None:
        sisa = self.remaining()
        if sisa >= 0:
            self.setStyleSheet(HINT_STYLE)
            self.setText(f"Sisa {format_angka(sisa)} dari {format_angka(self.maks)} karakter")
        else:
            self.setStyleSheet(ERROR_STYLE)
            self.setText(
                f"Kelebihan {format_angka(-sisa)} karakter (paling banyak {format_angka(self.maks)}); "
                "persingkat sebelum menyimpan."
            )
        if self.near is not None or self.box.isReadOnly():
            dipakai = self.maks - sisa
            shown = not self.box.isReadOnly() and (self.near is None or dipakai >= self.maks * self.near)
            if not shown:
                self.hide()
            elif self.parentWidget() is not None:  # a label without a parent would open as a window
                self.show()


class UnsavedGuard:
    """What a form held when it was shown (or last saved); before the form is closed or locked with
    something else typed, ``allows_leave`` asks Simpan / Buang / Batal."""

    def __init__(self, snapshot: Callable[[], object], text: str) -> None:
        self.snapshot, self.text = snapshot, text
        self._clean: object = None

    def mark_clean(self) -> None:
        self._clean = self.snapshot()

    def dirty(self) -> bool:
        return self.snapshot() != self._clean

    def allows_leave(self, parent: QWidget, save: Callable[[], object]) -> bool:
        """True when the form may go as it is: nothing changed, or Buang was chosen. Simpan runs
        ``save`` (which closes the form itself once it has stored everything) and Batal keeps the
        form; both give False."""
        if not self.dirty():
            return True
        jawab = ask_save_discard(parent, self.text)
        if jawab == QMessageBox.StandardButton.Save:
            save()
            return False
        return jawab == QMessageBox.StandardButton.Discard


class FormDialog(QDialog):
    """A dialog that asks before throwing typed text away (Esc, Batal, closing the window), and that
    stays open with what was typed until it is stored.

    Subclasses implement ``snapshot`` (what the fields hold) and ``check`` (validate and build the
    value, or return False after saying why), put ``message`` (the dialog's line for a refusal) in
    their layout, fill ``notes`` (a note under each field, by the service's ``kolom``) and call
    ``mark_clean`` once filled. ``write_with`` hands in the action that stores the value: Simpan
    closes the dialog only when that action succeeded; a refusal appears under its field or in
    ``message``, and nothing typed is lost.
    """

    def __init__(self, parent: QWidget | None, title: str, ok: str = "Simpan") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.buttons = tombol(ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.message = FieldNote()
        self.notes: dict[str, FieldNote] = {}
        self.outcome: Outcome[Any] | None = None
        self._write: Callable[[], Outcome[Any]] | None = None
        self.guard = UnsavedGuard(self.snapshot, "Perubahan pada isian ini belum disimpan.")

    def snapshot(self) -> object:
        return None

    def check(self) -> bool:
        return True

    def mark_clean(self) -> None:
        self.guard.mark_clean()

    def dirty(self) -> bool:
        return self.guard.dirty()

    def write_with(self, write: Callable[[], Outcome[Any]]) -> None:
        """``write()`` stores the dialog's value: one ``ops.act`` that shows a refusal in ``notes`` and
        ``message``. Its outcome is kept in ``outcome`` (e.g. the id of a new row)."""
        self._write = write

    def accept(self) -> None:
        if not self.check():
            return
        if self._write is not None:
            for note in (*self.notes.values(), self.message):
                note.clear_note()
            self.outcome = self._write()
            if not self.outcome:
                return
        super().accept()

    def reject(self) -> None:
        if self.guard.allows_leave(self, self.accept):
            super().reject()


class TeksDialog(FormDialog):
    """One text: a lampiran item, a rejection note, a rencana aksi, a note or link of bukti dukung.

    ``maks`` (from ``core.model.teks.Batas``) shows how many characters are left.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        text: str = "",
        ok: str = "Simpan",
        *,
        wajib: str = "Isian ini wajib diisi.",
        maks: int | None = None,
        lines: int = 4,
    ) -> None:
        super().__init__(parent, title, ok)
        self.wajib = wajib
        self.teks = TeksEdit(text, lines=lines)
        self.teks.enter.connect(self.accept)
        self.counter = LengthCounter(self.teks, maks) if maks is not None else None
        self.message.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label, wordWrap=True))
        layout.addWidget(self.teks)
        if self.counter is not None:
            layout.addWidget(self.counter)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.mark_clean()

    @property
    def note(self) -> FieldNote:
        """The line under the text (where ``wajib`` and a refusal are said)."""
        return self.message

    def snapshot(self) -> object:
        return self.teks.text().strip()

    def value(self) -> str:
        return self.teks.text().strip()

    def check(self) -> bool:
        if not self.value():
            self.message.set_error(self.wajib)
            self.teks.setFocus()
            return False
        return True


class MasalahDialog(QDialog):
    """The problems the submit check found: errors block, warnings may be accepted ("Tetap ajukan")."""

    def __init__(
        self, parent: QWidget | None, judul: str, kesalahan: Sequence[str], peringatan: Sequence[str]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pemeriksaan SKP")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{judul}</b>", wordWrap=True))
        self.daftar = QListWidget()
        self.daftar.setWordWrap(True)
        for pesan in kesalahan:
            self.daftar.addItem(f"✖ {pesan}")
        for pesan in peringatan:
            self.daftar.addItem(f"⚠ {pesan}")
        layout.addWidget(self.daftar, 1)
        if kesalahan:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
            layout.addWidget(QLabel("Perbaiki yang bertanda ✖ lalu ajukan lagi.", wordWrap=True))
        else:
            buttons = tombol("Tetap ajukan")
            buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 360)
