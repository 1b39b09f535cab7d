"""Asking for a line or a paragraph of text with Indonesian buttons (Qt has no Indonesian texts)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def tanya_teks(
    parent: QWidget | None, judul: str, label: str, teks: str = "", *, panjang: bool = False
) -> str | None:
    """The text typed (stripped), or None when the user pressed Batal."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(judul)
    dialog.setLabelText(label)
    dialog.setOkButtonText("Simpan")
    dialog.setCancelButtonText("Batal")
    if panjang:
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.resize(520, 260)
    else:
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.resize(520, dialog.sizeHint().height())
    dialog.setTextValue(teks)
    if not dialog.exec():
        return None
    return dialog.textValue().strip()
