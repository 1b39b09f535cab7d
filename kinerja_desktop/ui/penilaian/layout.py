"""Layout helpers of the Penilaian page: rows of widgets, a margin-less column, the grid beside a panel."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget


def baris(*widgets: QWidget, ujung: QWidget | None = None) -> QHBoxLayout:
    """``widgets`` left to right, then the spare width, then ``ujung`` at the right end."""
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch()
    if ujung is not None:
        layout.addWidget(ujung)
    return layout


def stack(*items: QWidget | QLayout, isi: QWidget, margin: bool = False) -> QBoxLayout:
    """``items`` top to bottom; ``isi`` (one of them) takes the spare height."""
    layout = QVBoxLayout()
    if not margin:
        layout.setContentsMargins(0, 0, 0, 0)
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item, 1 if item is isi else 0)
    return layout


def berdampingan(kiri: QLayout, panel: QWidget) -> QSplitter:
    """``kiri`` taking the spare width, ``panel`` beside it at its minimum width (scrolls when short)."""
    left = QWidget()
    left.setLayout(kiri)
    scroll = QScrollArea(widgetResizable=True)
    scroll.setWidget(panel)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(scroll)
    splitter.setStretchFactor(0, 1)
    splitter.setSizes([900, panel.minimumWidth() + 20])
    return splitter
