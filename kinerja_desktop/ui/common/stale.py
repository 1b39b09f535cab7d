"""The bar a form shows when what it read was changed by someone else: who, when, and Muat ulang."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kinerja_desktop.ui.common.widgets import WARNING_STYLE

#: Under the refusal: the typed input is still in the form until the user reloads.
ISIAN_TETAP = "Isian Anda belum disimpan dan masih ada di formulir ini; salin dulu bila perlu."
#: The same, said in a dialog's message line when the dialog has no bar of its own.
ISIAN_TETAP_DIALOG = (
    "Isian Anda belum disimpan dan masih ada di sini; salin bila perlu, lalu tutup jendela ini dan "
    "muat ulang datanya."
)


class StaleBar(QFrame):
    """Hidden until ``set_error``: the ``DataBerubah`` message, and a **Muat ulang** button that emits
    ``reload_requested`` (the form then reads the data again and drops what was typed).

    Hand it to ``ops.act(..., stale=bar)``; every other error goes where it went before.
    """

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, hint: str = ISIAN_TETAP) -> None:
        super().__init__(parent)
        self.hint = hint
        self.setObjectName("staleBar")
        self.setStyleSheet(f"QFrame#staleBar {{ {WARNING_STYLE} }} QLabel {{ background: transparent; }}")
        self.label = QLabel(wordWrap=True)
        self.label.setStyleSheet("color: #7a4a00;")
        self.reload_button = QPushButton("Muat ulang")
        self.reload_button.setToolTip("Baca lagi data terbaru; isian yang belum disimpan dibuang")
        self.reload_button.setAutoDefault(False)  # Enter in the form still means Simpan
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        self.reload_button.clicked.connect(self.on_reload_button_clicked)
        self.hide()

    def set_error(self, text: str) -> None:
        self.label.setText(f"<b>{escape(text)}</b><br>{escape(self.hint)}")
        self.show()

    def text(self) -> str:
        return self.label.text()

    def on_reload_button_clicked(self) -> None:
        self.hide()
        self.reload_requested.emit()
