"""The unit tree helpers: the unit of a tree index, whichever column or kind of index."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kinerja_desktop.ui.common.unit_tree import UNIT_ID, unit_id_at


def test_unit_id_at_reads_the_first_column_of_plain_and_persistent_indexes() -> None:
    model = QStandardItemModel()
    nama, kode = QStandardItem("Seksi Pemerintahan"), QStandardItem("PLJ.PEM")
    nama.setData("u-1", UNIT_ID)
    model.appendRow([nama, kode])
    cell = model.index(0, 1)  # the Kode column: the id is on the Nama item
    assert unit_id_at(cell) == "u-1"
    assert unit_id_at(QPersistentModelIndex(cell)) == "u-1"
    assert unit_id_at(QModelIndex()) is None
