"""Audit log page: filters, sentences that load more as you scroll, and the selected entry's details."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import audit
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.core.services.audit import AKSI, ENTITAS, AuditFilter, EntriAudit, Perubahan
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.table import make_table, set_widths

_Index = QModelIndex | QPersistentModelIndex
BATCH = 100
#: Entries counted exactly; beyond, the page says "more than" (counting a long log costs a server time).
HITUNG_SAMPAI = 10_000
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
#: ``loader(last entry shown or None, how many)`` gives the next entries, newest first.
Loader = Callable[[EntriAudit | None, int], list[EntriAudit]]
PILIH_ENTRI = "Pilih satu entri untuk melihat rinciannya."


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
        if index.isValid() and role in (_DISPLAY, _TOOLTIP):
            return self.cells(self.rows[index.row()])[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section]
        return None


class AuditModel(_RowsModel):
    """Audit entries as sentences, newest first, fetched ``BATCH`` at a time through ``fetchMore``."""

    columns = ("Waktu", "Uraian")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = 0
        self._loader: Loader = lambda _last, _limit: []
        self._habis = True

    def cells(self, row: EntriAudit) -> tuple[str, ...]:
        return (row.waktu, row.kalimat)

    def reset(self, loader: Loader, total: int) -> None:
        """Start over with a new query: ``loader`` gives entries, ``total`` says how many match."""
        self.beginResetModel()
        self._loader, self.total = loader, total
        self.rows, self._habis = [], total == 0
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._habis

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent):
            return
        batch = self._loader(self.rows[-1] if self.rows else None, BATCH)
        self._habis = len(batch) < BATCH
        if not batch:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(batch) - 1)
        self.rows.extend(batch)
        self.endInsertRows()


class DetailModel(_RowsModel):
    """The fields of one audit entry with their old and new values, in words."""

    columns = ("Data", "Sebelum", "Sesudah")

    def cells(self, row: Perubahan) -> tuple[str, ...]:
        return (row.label, row.sebelum or "–", row.sesudah or "–")


def detail_rows(entri: EntriAudit) -> list[Perubahan]:
    """The fields the detail pane lists: for a change only those that changed, else every field."""
    return list(entri.perubahan)


def raw_json(entri: EntriAudit) -> str:
    """The entry as stored, for support: every column, before and after as JSON."""
    row = entri.row
    stored = {
        "id": row.id,
        "waktu": row.waktu.isoformat(),
        "pengguna_id": row.pengguna_id,
        "username": row.username,
        "aksi": row.aksi,
        "tabel": row.tabel,
        "baris_id": row.baris_id,
        "keterangan": row.keterangan,
        "sebelum": row.sebelum,
        "sesudah": row.sesudah,
    }
    return json.dumps(stored, ensure_ascii=False, indent=2, sort_keys=False)


def _date_edit(changed: Callable[[], None]) -> QDateEdit:
    edit: QDateEdit = QDateEdit(date.today(), calendarPopup=True, displayFormat="dd-MM-yyyy", enabled=False)
    edit.dateChanged.connect(changed)
    return edit


def _combo(items: list[tuple[str, str]], semua: str) -> QComboBox:
    combo = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    combo.addItem(semua, "")
    for value, label in items:
        combo.addItem(label, value)
    return combo


class AuditPage(Page):
    title = "Log Audit"
    izin = Izin.LIHAT_AUDIT
    bab_panduan = "administrator"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.pegawai = QLineEdit(placeholderText="Pegawai: nama atau NIP…", clearButtonEnabled=True)
        self.pengguna = _combo([], "Semua pengguna")
        self.aksi = _combo([(code, a.label) for code, a in AKSI.items()], "Semua aksi")
        entitas = sorted(ENTITAS.items(), key=lambda item: item[1].lower())
        self.tabel = _combo([(t, label[0].upper() + label[1:]) for t, label in entitas], "Semua data")
        changed = self.on_filter_changed
        self.pakai_dari = QCheckBox("Dari", toggled=changed)
        self.pakai_sampai = QCheckBox("Sampai", toggled=changed)
        self.dari, self.sampai = _date_edit(changed), _date_edit(changed)
        self.hapus_filter = QPushButton("Hapus filter", clicked=self.on_hapus_filter_clicked)
        self.debounce = QTimer(self, singleShot=True, interval=300, timeout=self.apply_filter)
        self.pegawai.textChanged.connect(self.debounce.start)
        for combo in (self.pengguna, self.aksi, self.tabel):
            combo.currentIndexChanged.connect(changed)

        filters = QHBoxLayout()
        filters.addWidget(self.pegawai, 2)
        for widget in (self.pengguna, self.aksi, self.tabel):
            filters.addWidget(widget, 1)
        for other in (self.pakai_dari, self.dari, self.pakai_sampai, self.sampai, self.hapus_filter):
            filters.addWidget(other)

        self.model = AuditModel(self)
        self.table = make_table(self.model, sortable=False)
        set_widths(self.table, ("00 Des 2026 00.00", ""), key="audit")
        self.table.selectionModel().currentRowChanged.connect(self.on_entry_selected)
        self.jumlah = QLabel(objectName="jumlah")

        self.detail_title = QLabel(PILIH_ENTRI, wordWrap=True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_model = DetailModel(self)
        self.detail = make_table(self.detail_model, sortable=False)
        header = self.detail.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.raw = QPlainTextEdit(readOnly=True, lineWrapMode=QPlainTextEdit.LineWrapMode.NoWrap)
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.addTab(self.detail, "Perubahan")
        self.tabs.addTab(self.raw, "Data tersimpan (JSON)")

        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.jumlah)

    def refresh(self) -> None:
        """Reload the list of accounts and the entries (called when the page is opened)."""
        dibaca = ops.look(self, audit.audit_users)
        if not dibaca:
            return
        current = self.pengguna.currentData()
        with QSignalBlocker(self.pengguna):
            self.pengguna.clear()
            self.pengguna.addItem("Semua pengguna", "")
            for value, label in dibaca.value:
                self.pengguna.addItem(label, value)
            self.pengguna.setCurrentIndex(max(0, self.pengguna.findData(current)))
        self.apply_filter()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            pegawai=self.pegawai.text(),
            pengguna=str(self.pengguna.currentData() or ""),
            aksi=str(self.aksi.currentData() or ""),
            tabel=str(self.tabel.currentData() or ""),
            dari=cast(date, self.dari.date().toPython()) if self.pakai_dari.isChecked() else None,
            sampai=cast(date, self.sampai.date().toPython()) if self.pakai_sampai.isChecked() else None,
        )

    def apply_filter(self) -> None:
        self.debounce.stop()
        f = self.current_filter()

        def load(last: EntriAudit | None, limit: int) -> list[EntriAudit]:
            """The next entries as the table scrolls; none when they cannot be read (the error shown)."""

            def read(s: Any, a: Any) -> list[EntriAudit]:
                rows = audit.list_audit(s, a, f, setelah=last.row if last else None, limit=limit)
                return audit.susun(s, rows)

            entries = ops.look(self, read)
            return entries.value if entries else []

        total = ops.look(
            self,
            lambda s, a: audit.count_audit(s, a, f, paling_banyak=HITUNG_SAMPAI),
            message=ops.note(self.jumlah.setText),
        )
        if not total:
            self.model.reset(lambda _last, _limit: [], 0)
            return
        self.model.reset(load, total.value)
        if total.value > HITUNG_SAMPAI:
            self.jumlah.setText(
                f"Lebih dari {format_angka(HITUNG_SAMPAI)} entri; persempit dengan filter di atas."
            )
        else:
            self.jumlah.setText(f"{format_angka(total.value)} entri")
        self.on_entry_selected(QModelIndex())

    def on_filter_changed(self) -> None:
        self.dari.setEnabled(self.pakai_dari.isChecked())
        self.sampai.setEnabled(self.pakai_sampai.isChecked())
        self.apply_filter()

    def on_hapus_filter_clicked(self) -> None:
        widgets = (self.pegawai, self.pengguna, self.aksi, self.tabel, self.pakai_dari, self.pakai_sampai)
        blockers = [QSignalBlocker(widget) for widget in widgets]  # one reload at the end, not six
        self.pegawai.clear()
        for combo in (self.pengguna, self.aksi, self.tabel):
            combo.setCurrentIndex(0)
        self.pakai_dari.setChecked(False)
        self.pakai_sampai.setChecked(False)
        del blockers
        self.on_filter_changed()

    def on_entry_selected(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.detail_title.setText(PILIH_ENTRI)
            self.detail_model.set_rows([])
            self.raw.clear()
            return
        entri: EntriAudit = self.model.rows[index.row()]
        tanpa_data = "" if entri.perubahan else "\nEntri ini tidak menyimpan data sebelum dan sesudah."
        self.detail_title.setText(f"{entri.waktu_lengkap} · {entri.kalimat}{tanpa_data}")
        self.detail_model.set_rows(detail_rows(entri))
        self.raw.setPlainText(raw_json(entri))
