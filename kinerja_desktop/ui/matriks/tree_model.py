"""The matriks peran hasil as a two-level tree model: superior RHK → supporting RHKs, then two groups.

A model over the service's dataclasses rather than QStandardItems: a whole office of 15,000 pegawai
has some 45,000 supporting RHKs, which as items take seconds to build; here nothing is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.model.skp import JenisRhk, StatusSkp
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.matriks import MatriksPeranHasil, PendukungRhk
from kinerja_desktop.ui.common.table import DIMMED

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
KOLOM = ("Rencana hasil kerja", "Pemilik", "Keterangan")
GRUP_TANPA_INDUK = "Tidak mendukung RHK atasan"
GRUP_TANPA_SKP = "Atasan tanpa SKP disetujui"


@dataclass(frozen=True)
class Baris:
    """One line of the tree: its three texts, the owner's tooltip, whether bold or grey."""

    teks: tuple[str, str, str]
    tooltip: str = ""
    tebal: bool = False
    redup: bool = False


@dataclass
class Simpul:
    """A top-level line and the lines under it."""

    baris: Baris
    anak: list[Baris] = field(default_factory=list)


def _tambahan(jenis: str) -> str:
    return "" if jenis == JenisRhk.UTAMA else " (tambahan)"


def _pendukung(p: PendukungRhk, keterangan: str = "") -> Baris:
    status = "" if p.status_skp == StatusSkp.DISETUJUI else f"SKP {StatusSkp(p.status_skp).label.lower()}"
    catatan = "; ".join(t for t in (keterangan, status) if t)
    return Baris((p.teks + _tambahan(p.jenis), p.nama, catatan), f"{p.nama}\n{p.jabatan}", redup=bool(status))


def simpul_matriks(data: MatriksPeranHasil) -> list[Simpul]:
    """One node per superior RHK with its supporting RHKs, then the two groups of leftovers."""
    nodes: list[Simpul] = []
    for b in data.baris:
        jumlah = len(b.pendukung)
        keterangan = f"{jumlah} RHK pendukung" if jumlah else "Belum didukung bawahan"
        top = Baris((b.teks + _tambahan(b.jenis), b.nama, keterangan), f"{b.nama}\n{b.jabatan}", tebal=True)
        nodes.append(Simpul(top, [_pendukung(p) for p in b.pendukung]))
    lepas = Baris((f"{GRUP_TANPA_INDUK} ({format_angka(len(data.tanpa_induk))})", "", ""), tebal=True)
    nodes.append(Simpul(lepas, [_pendukung(p, p.catatan.rstrip(".")) for p in data.tanpa_induk]))
    tanpa = Baris((f"{GRUP_TANPA_SKP} ({format_angka(len(data.atasan_tanpa_skp))})", "", ""), tebal=True)
    nodes.append(
        Simpul(
            tanpa,
            [Baris(("—", nama, "RHK bawahannya belum bisa dipetakan")) for nama in data.atasan_tanpa_skp],
        )
    )
    return nodes


class MatriksModel(QAbstractItemModel):
    """Two levels: a child's internal id is its parent's row + 1; top-level lines have 0."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nodes: list[Simpul] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_data(self, data: MatriksPeranHasil | None) -> None:
        self.beginResetModel()
        self.nodes = simpul_matriks(data) if data is not None else []
        self.endResetModel()

    def baris(self, index: _Index) -> Baris:
        parent = index.internalId()
        if parent == 0:
            return self.nodes[index.row()].baris
        return self.nodes[parent - 1].anak[index.row()]

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.nodes)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.nodes[parent.row()].anak)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(KOLOM)

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        baris = self.baris(index)
        if role == _DISPLAY:
            return baris.teks[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                baris.tooltip if index.column() == 1 and baris.tooltip else baris.teks[index.column()] or None
            )
        if role == Qt.ItemDataRole.FontRole and baris.tebal and index.column() == 0:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and (baris.redup or baris.teks[2].startswith("Belum")):
            return DIMMED if baris.redup or index.column() == 2 else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(KOLOM):
            return KOLOM[section]
        return None
