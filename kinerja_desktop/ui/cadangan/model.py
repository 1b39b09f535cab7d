"""The list of backups as the Cadangan page and the recovery screen show it: date, size, office, pegawai."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.db.backup_info import BackupInfo, backup_order, read_backup_info
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.storage import size_text

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Dibuat", "Ukuran", "Kantor", "Pegawai", "Berkas", "Keterangan")
COLUMN_DIBUAT, COLUMN_UKURAN, COLUMN_KANTOR, COLUMN_PEGAWAI, COLUMN_BERKAS, COLUMN_KETERANGAN = range(6)
REASON_LABEL = {
    "manual": "Dibuat manual",
    "otomatis-tutup": "Otomatis saat aplikasi ditutup",
    "otomatis-harian": "Otomatis harian",
    "salinan": "Otomatis sebelum disalin ke luar",
    "sebelum-pemulihan": "Otomatis sebelum pemulihan",
    "rusak-sebelum-pemulihan": "Basis data rusak, disimpan sebelum pemulihan",
    "sebelum-migrasi": "Otomatis sebelum pembaruan basis data",
    "sebelum-impor-pegawai": "Otomatis sebelum impor pegawai",
    "sebelum-impor-paket": "Otomatis sebelum impor paket",
}


def reason_text(reason: str) -> str:
    """What a backup's reason word means, e.g. ``otomatis-tutup`` → "Otomatis saat aplikasi ditutup"."""
    if not reason:
        return ""
    return REASON_LABEL.get(reason, f"Otomatis ({reason.replace('-', ' ')})")


def note_text(info: BackupInfo) -> str:
    """The Keterangan column: why the backup was made, or why it cannot be restored."""
    if not info.usable:
        return f"Tidak bisa dipakai: {info.problem}"
    demo = " · DATA DEMO" if info.demo else ""
    return f"{reason_text(info.alasan) or 'Berkas cadangan'}{demo}"


def load_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first, each read for its office and pegawai count."""
    return [read_backup_info(path) for path in backups.list_backups(folder)]


class BackupModel(QAbstractTableModel):
    """Backup files, newest first; ``Qt.UserRole`` gives a sort key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BackupInfo] = []

    def set_rows(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.UserRole:
            counter = backup_order(row.path)[1] if row.path.exists() else 0
            return (
                f"{row.dibuat.isoformat()} {counter:05d}",
                row.size,
                row.kantor_text,
                -1 if row.pegawai is None else row.pegawai,
                row.path.name,
                note_text(row),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.usable:
                return f"{row.path}\n{note_text(row)}"
            return f"{row.problem}\n{row.saran or ''}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and not row.usable:
            return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COLUMN_UKURAN, COLUMN_PEGAWAI):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: BackupInfo, column: int) -> str:
        if column == COLUMN_DIBUAT:
            return f"{row.dibuat:%d-%m-%Y %H:%M:%S}"
        if column == COLUMN_UKURAN:
            return size_text(row.size)
        if column == COLUMN_KANTOR:
            return row.kantor_text
        if column == COLUMN_PEGAWAI:
            return "" if row.pegawai is None else format_angka(row.pegawai)
        if column == COLUMN_BERKAS:
            return row.path.name
        return note_text(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None
