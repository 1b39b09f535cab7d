"""Table models of the monitoring page: counts per unit (with a total row) and the list to act on."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.nip import format_nip
from kinerja_desktop.core.services.monitoring import JenisMasalah, PegawaiBermasalah, UnitMonitoring
from kinerja_desktop.ui.common.table import Column, RowTableModel

_Index = QModelIndex | QPersistentModelIndex
MASALAH_LABEL = {
    JenisMasalah.TANPA_SKP.value: "Tanpa SKP",
    JenisMasalah.BELUM_DISETUJUI.value: "SKP belum disetujui",
    JenisMasalah.TANPA_REALISASI.value: "Tanpa realisasi",
}


class BarisUnit:
    """A unit row as shown: the counts, and the indent of the unit name (its depth in the tree)."""

    def __init__(self, data: UnitMonitoring, depth: int, total: bool = False) -> None:
        self.data, self.depth, self.total = data, depth, total

    @property
    def unit_id(self) -> str | None:
        return self.data.unit_id


UNIT_COLUMNS = (
    Column("Unit kerja", lambda r: "    " * r.depth + r.data.nama),
    Column("Pegawai aktif", lambda r: format_angka(r.data.pegawai_aktif), right=True),
    Column("Tanpa SKP", lambda r: format_angka(r.data.tanpa_skp), right=True),
    Column("SKP belum disetujui", lambda r: format_angka(r.data.belum_disetujui), right=True),
    Column("Tanpa realisasi", lambda r: format_angka(r.data.tanpa_realisasi), right=True),
    Column("Lengkap", lambda r: format_angka(r.data.lengkap), right=True),
)


def baris_unit(units: list[UnitMonitoring], total: UnitMonitoring) -> list[BarisUnit]:
    """Units in tree order (parents before their children, indented), then the total row."""
    known = {u.unit_id for u in units}
    children: dict[str | None, list[UnitMonitoring]] = {}
    for u in units:
        parent = u.induk_id if u.induk_id in known and u.induk_id != u.unit_id else None
        children.setdefault(parent, []).append(u)
    rows: list[BarisUnit] = []
    seen: set[str | None] = set()
    todo: list[tuple[UnitMonitoring, int]] = [(u, 0) for u in reversed(children.get(None, []))]
    while todo:
        unit, depth = todo.pop()
        if unit.unit_id in seen:
            continue
        seen.add(unit.unit_id)
        rows.append(BarisUnit(unit, depth))
        if unit.unit_id is not None:
            todo.extend((c, depth + 1) for c in reversed(children.get(unit.unit_id, [])))
    rows.extend(BarisUnit(u, 0) for u in units if u.unit_id not in seen)  # a cycle in bad data
    rows.append(BarisUnit(total, 0, total=True))
    return rows


class UnitModel(RowTableModel):
    """Counts per unit; the last row (the total) is bold. Not sortable: the tree order is the order."""

    columns = UNIT_COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and self.rows[index.row()].total:
            return self._bold
        return super().data(index, role)


MASALAH_COLUMNS = (
    Column("Nama", lambda r: r.nama, lambda r: (r.nama.lower(), r.nip)),
    Column("NIP", lambda r: format_nip(r.nip), lambda r: r.nip),
    Column("Unit kerja", lambda r: r.unit_nama),
    Column("Masalah", lambda r: MASALAH_LABEL.get(r.masalah, r.masalah)),
    Column("Keterangan", lambda r: r.keterangan),
)


class MasalahModel(RowTableModel):
    """Pegawai to act on; ``show`` filters the loaded rows by unit (and ``masalah``, a ``JenisMasalah``
    value or "" for every kind) without asking the database again."""

    columns = MASALAH_COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.semua: list[PegawaiBermasalah] = []
        self.masalah = ""

    def load(self, rows: list[PegawaiBermasalah], unit_ids: set[str | None] | None) -> None:
        self.semua = rows
        self.show(unit_ids)

    def show(self, unit_ids: set[str | None] | None) -> None:
        """Rows of these units (None: every row)."""
        rows = self.semua if unit_ids is None else [r for r in self.semua if r.unit_id in unit_ids]
        if self.masalah:
            rows = [r for r in rows if r.masalah == self.masalah]
        self.set_rows(rows)
