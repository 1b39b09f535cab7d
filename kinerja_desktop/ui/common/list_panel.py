"""The body of a list page: a row of filters, a row of buttons with the count, the table, a message."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


def panel_daftar(
    filters: Sequence[tuple[QWidget, int]],
    buttons: Sequence[QWidget],
    count: QWidget,
    table: QWidget,
    message: QWidget,
) -> QWidget:
    """``filters`` are (widget, stretch); the buttons sit left, the count right, the table takes the rest."""
    baris_filter = QHBoxLayout()
    for widget, stretch in filters:
        baris_filter.addWidget(widget, stretch)
    baris_tombol = QHBoxLayout()
    for button in buttons:
        baris_tombol.addWidget(button)
    baris_tombol.addStretch()
    baris_tombol.addWidget(count)
    panel = QWidget()
    inner = QVBoxLayout(panel)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.addLayout(baris_filter)
    inner.addLayout(baris_tombol)
    inner.addWidget(table, 1)
    inner.addWidget(message)
    return panel
