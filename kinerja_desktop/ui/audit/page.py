"""Audit log page: filters, a table that loads more rows as you scroll, and the selected entry's changes."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import audit
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.core.services.audit import AKSI_LABEL, AuditFilter, AuditRow
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext

_Index = QModelIndex | QPersistentModelIndex
BATCH = 200
COLUMNS = ("Waktu", "Pengguna", "Aksi", "Tabel", "Ringkasan")
_DISPLAY = Qt.ItemDataRole.DisplayRole
Loader = Callable[[int, int], list[AuditRow]]


def _cells(row: AuditRow) -> tuple[str, ...]:
    waktu = row.waktu.astimezone().strftime("%d-%m-%Y %H:%M:%S")
    return (waktu, row.username, row.aksi_label, row.tabel, row.ringkasan())


class _RowsModel(QAbstractTableModel):
    """Read-only rows shown as text; subclasses set ``columns`` and ``cells``."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def cells(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if index.isValid() and role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self.cells(self.rows[index.row()])[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section]
        return None


class AuditModel(_RowsModel):
    """Audit entries, newest first, fetched ``BATCH`` at a time through ``canFetchMore``/``fetchMore``."""

    columns = COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = 0
        self._ids: set[int] = set()
        self._loader: Loader = lambda _offset, _limit: []
        self._offset = 0

    def cells(self, row: AuditRow) -> tuple[str, ...]:
        return _cells(row)

    def reset(self, loader: Loader, total: int) -> None:
        """Start over with a new query: ``loader(offset, limit)`` gives rows, ``total`` how many match."""
        self.beginResetModel()
        self._loader, self.total = loader, total
        self.rows, self._ids, self._offset = [], set(), 0
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._offset < self.total

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        batch = self._loader(self._offset, BATCH)
        self._offset = self._offset + BATCH if len(batch) == BATCH else self.total
        # Entries written meanwhile shift the offsets; skip what is already shown.
        fresh = [r for r in batch if r.id not in self._ids]
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(fresh) - 1)
        self.rows.extend(fresh)
        self._ids.update(r.id for r in fresh)
        self.endInsertRows()


def _value_text(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def detail_rows(row: AuditRow) -> list[tuple[str, str, str]]:
    """Field by field: (kolom, sebelum, sesudah), as text."""
    before, after = row.sebelum or {}, row.sesudah or {}
    return [
        (
            k,
            _value_text(before.get(k)) if row.sebelum is not None else "",
            _value_text(after.get(k)) if row.sesudah is not None else "",
        )
        for k in sorted(set(before) | set(after))
    ]


class DetailModel(_RowsModel):
    """The fields of one audit entry with their old and new values."""

    columns = ("Kolom", "Sebelum", "Sesudah")

    def cells(self, row: tuple[str, str, str]) -> tuple[str, ...]:
        return row


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView(
        model=model,
        selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
        selectionMode=QAbstractItemView.SelectionMode.SingleSelection,
        editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers,
        wordWrap=False,
    )
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _date_edit(changed: Callable[[], None]) -> QDateEdit:
    edit: QDateEdit = QDateEdit(date.today(), calendarPopup=True, displayFormat="dd-MM-yyyy", enabled=False)
    edit.dateChanged.connect(changed)
    return edit


class AuditPage(Page):
    title = "Log Audit"
    izin = Izin.LIHAT_AUDIT
    bab_panduan = "administrator"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.teks = QLineEdit(placeholderText="Cari nama pengguna atau keterangan…", clearButtonEnabled=True)
        self.aksi = QComboBox()
        for code, label in [("", "Semua aksi"), *AKSI_LABEL.items()]:
            self.aksi.addItem(label, code)
        self.tabel = QComboBox(minimumContentsLength=12)
        changed = self.on_filter_changed
        self.pakai_dari = QCheckBox("Dari", toggled=changed)
        self.pakai_sampai = QCheckBox("Sampai", toggled=changed)
        self.dari, self.sampai = _date_edit(changed), _date_edit(changed)
        self.reset_password_button = QPushButton(
            "Hapus filter", clicked=self.on_reset_password_button_clicked
        )
        self.debounce = QTimer(self, singleShot=True, interval=300, timeout=self.apply_filter)
        self.teks.textChanged.connect(self.debounce.start)
        self.aksi.currentIndexChanged.connect(changed)
        self.tabel.currentIndexChanged.connect(changed)

        filters = QHBoxLayout()
        filters.addWidget(self.teks, 2)
        for widget in (self.aksi, self.tabel, self.pakai_dari, self.dari, self.pakai_sampai, self.sampai):
            filters.addWidget(widget)
        filters.addWidget(self.reset_password_button)

        self.model = AuditModel(self)
        self.table = _table(self.model)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self.on_entry_selected)
        self.jumlah = QLabel(objectName="jumlah")

        self.detail_title = QLabel("Pilih satu entri untuk melihat rinciannya.", wordWrap=True)
        self.detail_model = DetailModel(self)
        self.detail = _table(self.detail_model)
        self.detail.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.detail.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.jumlah)

    def refresh(self) -> None:
        """Reload the list of tables and the entries (called when the page is opened)."""
        dibaca = ops.look(self, lambda s, _a: audit.audit_tables(s))
        if not dibaca:
            return
        tables = dibaca.value
        current = self.tabel.currentData()
        with QSignalBlocker(self.tabel):
            self.tabel.clear()
            self.tabel.addItem("Semua tabel", "")
            for name in tables:
                self.tabel.addItem(name, name)
            self.tabel.setCurrentIndex(max(0, self.tabel.findData(current)))
        self.apply_filter()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            teks=self.teks.text(),
            aksi=str(self.aksi.currentData() or ""),
            tabel=str(self.tabel.currentData() or ""),
            dari=cast(date, self.dari.date().toPython()) if self.pakai_dari.isChecked() else None,
            sampai=cast(date, self.sampai.date().toPython()) if self.pakai_sampai.isChecked() else None,
        )

    def apply_filter(self) -> None:
        self.debounce.stop()
        f = self.current_filter()

        def load(offset: int, limit: int) -> list[AuditRow]:
            """The next rows as the table scrolls; none when they cannot be read (the error shown)."""
            rows = ops.look(self, lambda s, a: audit.list_audit(s, a, f, offset=offset, limit=limit))
            return rows.value if rows else []

        total = ops.look(self, lambda s, a: audit.count_audit(s, a, f), message=ops.note(self.jumlah.setText))
        if not total:
            self.model.reset(lambda _o, _l: [], 0)
            return
        self.model.reset(load, total.value)
        self.jumlah.setText(f"{format_angka(total.value)} entri")
        self.on_entry_selected(QModelIndex())

    def on_filter_changed(self) -> None:
        self.dari.setEnabled(self.pakai_dari.isChecked())
        self.sampai.setEnabled(self.pakai_sampai.isChecked())
        self.apply_filter()

    def on_reset_password_button_clicked(self) -> None:
        widgets = (self.teks, self.aksi, self.tabel, self.pakai_dari, self.pakai_sampai)
        blockers = [QSignalBlocker(widget) for widget in widgets]  # one reload at the end, not five
        self.teks.clear()
        self.aksi.setCurrentIndex(0)
        self.tabel.setCurrentIndex(0)
        self.pakai_dari.setChecked(False)
        self.pakai_sampai.setChecked(False)
        del blockers
        self.on_filter_changed()

    def on_entry_selected(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.detail_title.setText("Pilih satu entri untuk melihat rinciannya.")
            self.detail_model.set_rows([])
            return
        row = self.model.rows[index.row()]
        waktu, siapa = _cells(row)[0], row.username or "sistem"
        where = f" · {row.tabel}" + (f" {row.baris_id}" if row.baris_id else "") if row.tabel else ""
        text = f"{row.aksi_label} oleh {siapa} pada {waktu}{where}"
        if row.keterangan:
            text += f"\n{row.keterangan}"
        self.detail_title.setText(text)
        self.detail_model.set_rows(detail_rows(row))
