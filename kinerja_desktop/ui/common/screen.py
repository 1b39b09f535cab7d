"""Windows that fit the screen: a dialog's wished size, cut to the screen's free area."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left for the window's title bar and frame (a size sets the inside of a window, not its frame).
FRAME_W, FRAME_H = 16, 40


def free_area(widget: QWidget) -> QRect:
    """The part of the widget's screen windows may use (without the taskbar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Size ``widget`` at ``width`` × ``height``, or less where its screen's free area is smaller (a
    1366×768 screen with a 40 px taskbar leaves 1366×728), with its minimum size lowered to match so
    no button ends up below the screen's edge."""
    area = free_area(widget)
    most_w, most_h = area.width() - FRAME_W, area.height() - FRAME_H
    minimum = widget.minimumSize()
    widget.setMinimumSize(min(minimum.width(), most_w), min(minimum.height(), most_h))
    widget.resize(min(width, most_w), min(height, most_h))


def fits(widget: QWidget) -> bool:
    """Whether the widget, frame allowance included, fits in its screen's free area."""
    area = free_area(widget)
    return widget.width() + FRAME_W <= area.width() and widget.height() + FRAME_H <= area.height()
