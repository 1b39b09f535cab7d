"""A read-only table model over row dataclasses that sorts itself in Python (fast for 15,000 rows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kinerja_desktop.ui.common import tampilan

# These screens react through signals and shortcuts, never Python event filters or event-handler
# overrides: with PySide6 6.12.0 on Python 3.11 every such call drops a reference to None, and the
# process aborts ("deallocating None") once a few thousand events have gone through them.
_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
DIMMED = QColor("#777777")


def tanggal_pendek(value: date | None) -> str:
    """Dates in tables: "26-09-1986", or "" when empty."""
    return value.strftime("%d-%m-%Y") if value else ""


@dataclass(frozen=True)
class Column:
    """A table column: its title, the text of a row, and optionally a sort key and right alignment."""

    title: str
    text: Callable[[Any], str]
    key: Callable[[Any], Any] | None = None
    right: bool = False


class RowTableModel(QAbstractTableModel):
    """Rows (plain dataclasses) shown through ``columns``; ``sort`` keeps selections (persistent indexes)."""

    columns: Sequence[Column] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(list(rows))
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def dimmed(self, row: Any) -> bool:
        """Rows drawn in grey (e.g. archived pegawai); subclasses decide."""
        return False

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if role in (_DISPLAY, _TOOLTIP):
            if not index.isValid():
                return None
            return self.columns[index.column()].text(self.rows[index.row()])
        if role == _ALIGN and index.isValid() and self.columns[index.column()].right:
            return _RIGHT
        if role == _FOREGROUND and index.isValid() and self.dimmed(self.rows[index.row()]):
            return DIMMED
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def _sorted(self, rows: list[Any]) -> list[Any]:
        if not 0 <= self.sort_column < len(self.columns):
            return rows
        column = self.columns[self.sort_column]
        key = column.key or (lambda r: column.text(r).lower())
        rows.sort(key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        # PySide6 6.12 crashes when these signals are emitted with arguments (parents, sort hint).
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [self.rows[i.row()] if i.isValid() and i.row() < len(self.rows) else None for i in old]
        self._reorder()
        position = {id(r): n for n, r in enumerate(self.rows)}
        new = [
            self.index(position[id(r)], i.column()) if r is not None and id(r) in position else QModelIndex()
            for r, i in zip(kept, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _reorder(self) -> None:
        """Apply the current sort to what is stored; subclasses with hidden rows sort those too."""
        self.rows = self._sorted(self.rows)


def make_table(model: QAbstractTableModel, *, sortable: bool = True, row_height: int = 0) -> QTableView:
    """A read-only, single-row-selection table with fixed row heights (no per-row measuring).

    A sortable table starts sorted as a RowTableModel's ``sort_column``/``sort_order`` say.
    """
    table = QTableView(
        model=model,
        selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
        selectionMode=QAbstractItemView.SelectionMode.SingleSelection,
        editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers,
        alternatingRowColors=True,
        wordWrap=False,
    )
    vertical = table.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(row_height or table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if sortable:
        column = model.sort_column if isinstance(model, RowTableModel) else -1
        order = model.sort_order if isinstance(model, RowTableModel) else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)
        table.setSortingEnabled(True)
    return table


class _ColumnFitter(QObject):
    """Shares the table's free width among weighted columns whenever the header's geometry changes."""

    def __init__(self, table: QTableView, weights: dict[int, tuple[float, int]]) -> None:
        super().__init__(table)
        self.table, self.weights = table, weights
        table.horizontalHeader().geometriesChanged.connect(self.fit)

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in range(header.count()) if c not in self.weights)
        free = self.table.viewport().width() - fixed
        total = sum(weight for weight, _minimum in self.weights.values()) or 1
        with QSignalBlocker(header):
            for column, (weight, minimum) in self.weights.items():
                header.resizeSection(column, max(minimum, int(free * weight / total)))
        self.table.viewport().update()


def set_widths(
    table: QTableView,
    samples: Sequence[str],
    weights: dict[int, tuple[float, int]] | None = None,
    *,
    key: str = "",
) -> None:
    """Column widths from sample texts (measured once, not per row).

    ``weights`` maps columns to (share, minimum width): they divide what the sampled columns leave,
    and the user may still drag every column. With ``key``, the widths the user dragged are remembered
    for the account (``tampilan``) and come back next time; a remembered column is left as it was set.
    """
    metrics = table.fontMetrics()
    for column, sample in enumerate(samples):
        if sample:
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
    saved = tampilan.saved_widths(key) if key else {}
    for column, width in saved.items():
        if column < table.model().columnCount():
            table.setColumnWidth(column, width)
    weights = {c: w for c, w in (weights or {}).items() if c not in saved}
    if weights:
        table.horizontalHeader().setStretchLastSection(False)
        _ColumnFitter(table, weights)
    if key:
        tampilan.remember_widths(table, key)


def select_row(table: QTableView, row: int) -> bool:
    """Select ``row`` of ``table`` and scroll it into view; False (nothing done) for ``row`` < 0."""
    if row < 0:
        return False
    table.selectRow(row)
    table.scrollTo(table.model().index(row, 0))
    return True
