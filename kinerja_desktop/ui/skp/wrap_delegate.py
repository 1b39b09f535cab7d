"""A delegate that gives tree rows the height their wrapped text needs in the column's width."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class WrapDelegate(QStyledItemDelegate):
    """Row heights that fit wrapped text in the column's current width (QTreeView does not measure that)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        width = self.view.header().sectionSize(index.column()) - 10
        if index.column() == 0:
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.view.indentation() * depth
        box = QRect(0, 0, max(20, width), 100_000)
        text = str(index.data() or "")
        needed = option.fontMetrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), text).height() + 6
        return QSize(base.width(), max(base.height(), needed))
