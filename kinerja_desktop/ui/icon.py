"""The application icon, loaded from resources (drawn there by running this module)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QImage, QPainter

from kinerja_desktop.core.paths import resources_dir

ICON_PATH = resources_dir() / "icons" / "app.png"


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH)) if ICON_PATH.exists() else QIcon()


def draw_icon(size: int = 256) -> QImage:
    """A green rounded square with a white "K" and a small tick: Kinerja, approved."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1b6e4a"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(8, 8, size - 16, size - 16), size * 0.18, size * 0.18)
    font = QFont("DejaVu Sans", int(size * 0.5))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, -size * 0.04, size, size), Qt.AlignmentFlag.AlignCenter, "K")
    painter.setBrush(QColor("#f2c230"))
    painter.drawEllipse(QRectF(size * 0.66, size * 0.66, size * 0.22, size * 0.22))
    painter.end()
    return image


if __name__ == "__main__":  # pragma: no cover
    _app = QGuiApplication(sys.argv)
    ICON_PATH.parent.mkdir(parents=True, exist_ok=True)
    draw_icon().save(str(ICON_PATH))
    print(ICON_PATH)
