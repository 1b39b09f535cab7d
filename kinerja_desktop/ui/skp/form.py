"""Pieces shared by the SKP dialogs: a text box where Enter accepts, and a dialog with an unsaved guard."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
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

from kinerja_desktop.ui.dialogs import ask_save_discard


class TeksEdit(QPlainTextEdit):
    """Several lines of text; Enter accepts the dialog, Shift+Enter starts a new line, Tab moves on."""

    enter = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(text, parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.enter.emit()
            return
        super().keyPressEvent(event)

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

    def __init__(self, parent: QWidget | None, title: str, label: str, text: str = "", ok: str = "Simpan",
                 *, wajib: str = "Isian ini wajib diisi.") -> None:  # fmt: skip
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
