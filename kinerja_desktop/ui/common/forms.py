"""Pieces shared by the SKP dialogs: a text box where Enter accepts, and a dialog with an unsaved guard."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.ui.common.dialogs import ask_save_discard


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


def tombol(ok: str = "Simpan") -> QDialogButtonBox:
    """Simpan/Batal buttons with Indonesian texts."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
    return box


class FormDialog(QDialog):
    """A dialog that asks before throwing typed text away (Esc, Batal, closing the window).

    Subclasses implement ``snapshot`` (what the fields hold) and ``check`` (validate and build the value,
    or return False after saying why); ``mark_clean`` remembers the starting state.
    """

    def __init__(self, parent: QWidget | None, title: str, ok: str = "Simpan") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.buttons = tombol(ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._awal: object = None

    def snapshot(self) -> object:
        return None

    def check(self) -> bool:
        return True

    def mark_clean(self) -> None:
        self._awal = self.snapshot()

    def dirty(self) -> bool:
        return self.snapshot() != self._awal

    def accept(self) -> None:
        if self.check():
            super().accept()

    def reject(self) -> None:
        if self.dirty():
            jawab = ask_save_discard(self, "Perubahan pada isian ini belum disimpan.")
            if jawab == QMessageBox.StandardButton.Save:
                self.accept()
                return
            if jawab != QMessageBox.StandardButton.Discard:
                return
        super().reject()


class TeksDialog(FormDialog):
    """One text: a lampiran item, a rejection note."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        text: str = "",
        ok: str = "Simpan",
        *,
        wajib: str = "Isian ini wajib diisi.",
    ) -> None:
        super().__init__(parent, title, ok)
        self.wajib = wajib
        self.teks = TeksEdit(text, lines=4)
        self.teks.enter.connect(self.accept)
        self.note = QLabel(wordWrap=True, styleSheet="color: #b00020;")
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label, wordWrap=True))
        layout.addWidget(self.teks)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.mark_clean()

    def snapshot(self) -> object:
        return self.teks.text().strip()

    def value(self) -> str:
        return self.teks.text().strip()

    def check(self) -> bool:
        if not self.value():
            self.note.setText(self.wajib)
            self.note.show()
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
        self.resize(640, 360)
