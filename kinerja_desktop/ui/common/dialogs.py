"""Message boxes with Indonesian buttons (questions, the unsaved guard) and the way to show a known error."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from kinerja_desktop import APP_TITLE
from kinerja_desktop.core.errors import KnownError

_BUTTON_TEXT = {
    QMessageBox.StandardButton.Yes: "Ya",
    QMessageBox.StandardButton.No: "Tidak",
    QMessageBox.StandardButton.Cancel: "Batal",
    QMessageBox.StandardButton.Ok: "OK",
    QMessageBox.StandardButton.Close: "Tutup",
    QMessageBox.StandardButton.Save: "Simpan",
    QMessageBox.StandardButton.Discard: "Buang",
}


def translate_buttons(box: QMessageBox) -> None:
    """Qt ships no Indonesian texts for its standard buttons: set them here."""
    for standard, text in _BUTTON_TEXT.items():
        button = box.button(standard)
        if button is not None:
            button.setText(text)


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
    detail: str = "",
) -> QMessageBox:
    box = QMessageBox(icon, APP_TITLE, text, buttons, parent)
    box.setDefaultButton(default)
    if detail:
        box.setInformativeText(detail)
    translate_buttons(box)
    return box


def ask_yes_no(parent: QWidget | None, text: str, detail: str = "", *, default_yes: bool = False) -> bool:
    """Ya/Tidak question; True for Ya."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = _box(parent, QMessageBox.Icon.Question, text, yes | no, yes if default_yes else no, detail)
    return box.exec() == yes


def ask_save_discard(
    parent: QWidget | None, text: str, detail: str = "", *, save: str = "", discard: str = ""
) -> QMessageBox.StandardButton:
    """Simpan/Buang/Batal for the unsaved-changes guard; ``save`` and ``discard`` replace the two
    buttons' texts when they should say what follows (e.g. "Simpan, lalu setujui")."""
    buttons = QMessageBox.StandardButton
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        text,
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
        detail,
    )
    for standard, label in ((buttons.Save, save), (buttons.Discard, discard)):
        if label:
            box.button(standard).setText(label)
    return QMessageBox.StandardButton(box.exec())


def show_info(parent: QWidget | None, text: str, detail: str = "") -> None:
    ok = QMessageBox.StandardButton.Ok
    _box(parent, QMessageBox.Icon.Information, text, ok, ok, detail).exec()


def show_error(parent: QWidget | None, error: KnownError | str) -> None:
    """Show an expected error: what is wrong, and (as detail) what to do next."""
    ok = QMessageBox.StandardButton.Ok
    if isinstance(error, KnownError):
        text, detail = error.pesan, error.saran or ""
    else:
        text, detail = error, ""
    _box(parent, QMessageBox.Icon.Warning, text, ok, ok, detail).exec()
