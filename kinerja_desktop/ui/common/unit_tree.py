"""The unit tree: parent/child lookups over UnitRow and the QStandardItemModel both pages show."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.unit_kerja import UnitRow
from kinerja_desktop.ui.common.table import DIMMED, tanggal_pendek

UNIT_ID = Qt.ItemDataRole.UserRole + 1
SEMUA = ""  # the unit id of the "Semua unit" item
_Index = QModelIndex | QPersistentModelIndex


class UnitIndex:
    """Units by id with their children (in ``urutan`` order), paths and descendants."""

    def __init__(self, rows: list[UnitRow]) -> None:
        self.by_id = {u.id: u for u in rows}
        self.children: dict[str | None, list[UnitRow]] = defaultdict(list)
        for unit in rows:
            parent = unit.induk_id if unit.induk_id in self.by_id else None
            self.children[parent].append(unit)

    def walk(self, parent: str | None = None, depth: int = 0) -> Iterator[tuple[UnitRow, int]]:
        """Depth first, parents before their children, with the depth (0 = top)."""
        for unit in self.children.get(parent, []):
            yield unit, depth
            yield from self.walk(unit.id, depth + 1)

    def descendants(self, unit_id: str) -> set[str]:
        """The unit and every unit below it."""
        found, todo = {unit_id}, [unit_id]
        while todo:
            for child in self.children.get(todo.pop(), []):
                if child.id not in found:
                    found.add(child.id)
                    todo.append(child.id)
        return found

    def path(self, unit_id: str, separator: str = " › ") -> str:
        """ "Kecamatan Plaju › Seksi Pemerintahan › Subseksi A" (the office itself included)."""
        names: list[str] = []
        cursor: str | None = unit_id
        while cursor in self.by_id and len(names) < 20:
            unit = self.by_id[cursor]
            names.append(unit.nama)
            cursor = unit.induk_id
        return separator.join(reversed(names))

    def short_path(self, unit_id: str) -> str:
        """The path without the office at the top (shorter for combos); the office keeps its name."""
        full = self.path(unit_id)
        head, _, rest = full.partition(" › ")
        return rest or head


def _item(text: str, unit_id: str, closed: bool) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(unit_id, UNIT_ID)
    if closed:
        item.setForeground(DIMMED)
    return item


def fill_tree(
    model: QStandardItemModel,
    units: UnitIndex,
    totals: dict[str, int],
    *,
    semua: str | None = None,
    direct: dict[str, int] | None = None,
) -> None:
    """Rebuild ``model``: one column "Nama (jumlah)" or, given ``direct``, kode, kepala, count, keterangan.

    ``totals`` counts pegawai per unit including its sub-units, ``direct`` those in the unit itself;
    ``semua`` adds a first "all" item.
    """
    detail = direct is not None
    model.clear()
    if detail:
        model.setHorizontalHeaderLabels(["Unit kerja", "Kode", "Kepala unit", "Pegawai aktif", "Keterangan"])
    else:
        model.setHorizontalHeaderLabels(["Unit kerja"])
    root = model.invisibleRootItem()
    if semua is not None:
        root.appendRow(_item(semua, SEMUA, False))
    parents: dict[str | None, QStandardItem] = {None: root}
    for unit, _depth in units.walk():
        closed = not unit.aktif
        parent_key = unit.induk_id if unit.induk_id in units.by_id else None
        if detail:
            keterangan = f"Ditutup sejak {tanggal_pendek(unit.ditutup_pada)}" if closed else ""
            own, total = (direct or {}).get(unit.id, 0), totals.get(unit.id, 0)
            jumlah = (
                format_angka(own) if own == total else f"{format_angka(own)} (total {format_angka(total)})"
            )
            count = _item(jumlah, unit.id, closed)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells = [
                _item(unit.nama, unit.id, closed),
                _item(unit.kode, unit.id, closed),
                _item(unit.kepala_nama or "—", unit.id, closed),
                count,
                _item(keterangan, unit.id, closed),
            ]
        else:
            suffix = " — ditutup" if closed else ""
            jumlah = format_angka(totals.get(unit.id, 0))
            cells = [_item(f"{unit.nama} ({jumlah}){suffix}", unit.id, closed)]
        cells[0].setToolTip(units.path(unit.id))
        parents[parent_key].appendRow(cells)
        parents[unit.id] = cells[0]


def totals_with_children(units: UnitIndex, direct: dict[str, int]) -> dict[str, int]:
    """Per unit: its own count plus those of every unit below it."""
    totals: dict[str, int] = {}

    def total(unit_id: str, guard: int = 0) -> int:
        if unit_id not in totals:
            below = sum(total(c.id, guard + 1) for c in units.children.get(unit_id, []) if guard < 50)
            totals[unit_id] = direct.get(unit_id, 0) + below
        return totals[unit_id]

    for unit_id in units.by_id:
        total(unit_id)
    return totals


def index_of_unit(model: QStandardItemModel, unit_id: str | None) -> QModelIndex:
    """The tree index of a unit (anywhere in the tree), or the first row when it is not there."""
    first = model.index(0, 0)
    if unit_id is None:
        return first
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    found = model.match(first, UNIT_ID, unit_id, 1, flags)
    return found[0] if found else first


def unit_id_at(index: _Index) -> str | None:
    """The unit of a tree index; None for no selection, SEMUA ("") for the "Semua unit" item."""
    if not index.isValid():
        return None
    value = index.sibling(index.row(), 0).data(UNIT_ID)
    return str(value) if value is not None else None
