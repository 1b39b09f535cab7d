"""The realisation grid: one row per indicator under its RHK; realisasi and keterangan are editable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.model.skp import Aspek, JenisRhk
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.kumulatif import CaraKumulatif, capaian, format_capaian, kumulatif
from kinerja_desktop.core.services.realisasi import RealisasiGrid, clean_nilai
from kinerja_desktop.ui.common.table import Column, RowTableModel

_Index = QModelIndex | QPersistentModelIndex
_EDIT = Qt.ItemDataRole.EditRole
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
KOLOM_REALISASI = 4
KOLOM_KETERANGAN = 5
KOLOM_KUMULATIF = 6
KOLOM_CAPAIAN = 7
EDITABLE_BG = QColor("#fffbe6")
PENJELASAN_KUMULATIF = (
    "Realisasi sampai periode ini dalam tahun berjalan: untuk indikator kuantitas, waktu dan biaya "
    "jumlah realisasi semua periode; untuk indikator kualitas atau bersatuan persen nilai periode "
    "terakhir yang diisi. Periode yang belum diisi dilewati."
)
PENJELASAN_CAPAIAN = "Realisasi kumulatif dibagi target tahunan (batas bawah bila target berupa rentang)."


@dataclass
class BarisRealisasi:
    """One indicator of one RHK (``indikator_id`` empty for an RHK without indicators).

    ``angka``: the target is a number, so the realisasi is a number and ``teks_realisasi`` its
    keterangan; otherwise ``teks_realisasi`` is the realisasi itself.
    """

    rhk_id: str
    nomor: str
    rhk_teks: str
    pertama: bool
    indikator_id: str
    aspek: str
    teks: str
    target: str
    angka: bool
    nilai: Decimal | None
    teks_realisasi: str
    satuan: str = ""
    revisi: int = 0  # the realisasi's as read (0: none yet), handed back when saving
    target_angka: Decimal | None = None
    kumulatif_sebelumnya: Decimal | None = None
    cara: CaraKumulatif = CaraKumulatif.JUMLAH

    @property
    def kumulatif(self) -> Decimal | None:
        if not self.angka or not self.indikator_id:
            return None
        return kumulatif((self.kumulatif_sebelumnya, self.nilai), self.cara)

    @property
    def capaian(self) -> Decimal | None:
        return capaian(self.kumulatif, self.target_angka)


def realisasi_isian(row: BarisRealisasi) -> str:
    """The realisasi as the editor starts with it: the number in Indonesian form, or the text."""
    if not row.angka:
        return row.teks_realisasi
    return format_angka(row.nilai) if row.nilai is not None else ""


def _dengan_satuan(nilai: Decimal | None, satuan: str) -> str:
    if nilai is None:
        return ""
    return f"{format_angka(nilai)} {satuan}".strip()


def display_realisasi(row: BarisRealisasi) -> str:
    return _dengan_satuan(row.nilai, row.satuan) if row.angka else row.teks_realisasi


def display_keterangan(row: BarisRealisasi) -> str:
    return " ".join(row.teks_realisasi.split()) if row.angka else ""


def _aspek(kode: str) -> str:
    try:
        return Aspek(kode).label
    except ValueError:
        return kode.capitalize()


def baris_grid(grid: RealisasiGrid) -> list[BarisRealisasi]:
    """Rows of the grid, one per indicator (an RHK without indicators has one empty row)."""
    rows: list[BarisRealisasi] = []
    nomor = {JenisRhk.UTAMA.value: 0, JenisRhk.TAMBAHAN.value: 0}
    for rhk in grid.rhk:
        nomor[rhk.jenis] = nomor.get(rhk.jenis, 0) + 1
        kode = f"{'A' if rhk.jenis == JenisRhk.UTAMA else 'B'}.{nomor[rhk.jenis]}"
        if not rhk.indikator:
            rows.append(BarisRealisasi(rhk.rhk_id, kode, rhk.teks, True, "", "", "", "", False, None, ""))
        for n, i in enumerate(rhk.indikator):
            rows.append(
                BarisRealisasi(
                    rhk.rhk_id,
                    kode,
                    rhk.teks,
                    n == 0,
                    i.indikator_id,
                    _aspek(i.aspek),
                    i.teks,
                    i.target,
                    i.angka,
                    i.nilai,
                    i.teks_realisasi,
                    i.satuan,
                    i.revisi,
                    i.target_angka,
                    i.kumulatif_sebelumnya,
                    i.cara,
                )
            )
    return rows


COLUMNS = (
    Column("Rencana hasil kerja", lambda r: f"{r.nomor}  {r.rhk_teks}" if r.pertama else ""),
    Column("Aspek", lambda r: r.aspek),
    Column("Indikator kinerja individu", lambda r: r.teks),
    Column("Target", lambda r: r.target),
    Column("Realisasi", display_realisasi),
    Column("Keterangan", display_keterangan),
    Column("Kumulatif", lambda r: _dengan_satuan(r.kumulatif, r.satuan), right=True),
    Column("Capaian", lambda r: format_capaian(r.capaian), right=True),
)

#: Saves a row's realisasi: (row, the number as typed — "" for a text target —, keterangan or text).
#: Returns False (after telling the user why) to keep the old value.
Simpan = Callable[[BarisRealisasi, str, str], bool]


class RealisasiModel(RowTableModel):
    """Indicator rows; the realisasi (number or text) and a number's keterangan are editable when
    ``editable``, saved through ``save_cell``.

    A value the service refused is kept in ``refused`` (row, column, text): the cell's editor, opened
    again on it, starts from what was typed rather than from the stored value.
    """

    columns = COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editable = False
        self.save_cell: Simpan | None = None
        self.refused: tuple[int, int, str] | None = None
        self.periode_label = ""
        self._bold = QFont()
        self._bold.setBold(True)

    def can_edit(self, index: _Index) -> bool:
        if not (self.editable and index.isValid()):
            return False
        row = self.rows[index.row()]
        if index.column() == KOLOM_KETERANGAN:
            return bool(row.indikator_id) and row.angka
        return index.column() == KOLOM_REALISASI and bool(row.indikator_id)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if self.can_edit(index) else flags

    def isian(self, row: BarisRealisasi, column: int) -> str:
        """What the editor of ``column`` starts with (as stored)."""
        return row.teks_realisasi if column == KOLOM_KETERANGAN else realisasi_isian(row)

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == _EDIT and self.can_edit(index):
            if self.refused is not None and self.refused[:2] == (index.row(), column):
                return self.refused[2]
            return self.isian(row, column)
        if role == Qt.ItemDataRole.FontRole and column == 0 and row.pertama:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and self.can_edit(index):
            return EDITABLE_BG
        if role == _TOOLTIP:
            return self.tooltip(row, column, self.can_edit(index))
        return super().data(index, role)

    def tooltip(self, row: BarisRealisasi, column: int, editable: bool) -> str:
        if column == 0:
            return f"{row.nomor}  {row.rhk_teks}"
        if column == KOLOM_REALISASI and editable:
            if row.angka:
                return (
                    "Ketik realisasi periode ini sebagai angka (misalnya 1.500 atau 12,5), lalu tekan Enter."
                )
            return "Target indikator ini berupa teks: ketik realisasinya di sini, lalu tekan Enter."
        if column == KOLOM_KETERANGAN and editable:
            return (
                "Keterangan di samping angka (misalnya: 3 dokumen: SK, laporan, notulen), lalu tekan Enter."
            )
        if column == KOLOM_KUMULATIF and row.angka and row.indikator_id:
            sampai = f" sampai {self.periode_label}" if self.periode_label else ""
            return f"Kumulatif{sampai}: {row.cara.penjelasan}."
        if column == KOLOM_CAPAIAN and row.angka and row.indikator_id:
            if row.target_angka is None or row.target_angka <= 0:
                return "Capaian tidak dihitung: targetnya 0."
            return (
                PENJELASAN_CAPAIAN if row.kumulatif is not None else "Capaian dihitung setelah ada realisasi."
            )
        return self.columns[column].text(row)  # the whole text of a cut-off cell

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == _TOOLTIP and orientation == Qt.Orientation.Horizontal:
            if section == KOLOM_KUMULATIF:
                return PENJELASAN_KUMULATIF
            if section == KOLOM_CAPAIAN:
                return PENJELASAN_CAPAIAN
            if section == KOLOM_KETERANGAN:
                return (
                    "Keterangan realisasi angka; indikator bertarget teks diisi langsung di kolom Realisasi."
                )
        return super().headerData(section, orientation, role)

    def setData(self, index: _Index, value: object, role: int = _EDIT) -> bool:
        if role != _EDIT or not self.can_edit(index) or self.save_cell is None:
            return False
        row, column = self.rows[index.row()], index.column()
        teks = "" if value is None else str(value).strip()
        if teks == self.isian(row, column):
            return False
        if column == KOLOM_KETERANGAN:
            nilai, keterangan = realisasi_isian(row), teks
        else:
            nilai, keterangan = (teks, row.teks_realisasi) if row.angka else ("", teks)
        if not self.save_cell(row, nilai, keterangan):
            self.refused = (index.row(), column, teks)
            return False
        self.refused = None
        row.nilai = clean_nilai(nilai) if row.angka else None
        row.teks_realisasi = keterangan
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        return True

    def next_editable(self, index: _Index) -> QModelIndex:
        """The next editable cell below ``index`` in its column (invalid when there is none)."""
        for n in range(index.row() + 1, self.rowCount()):
            below = self.index(n, index.column())
            if self.can_edit(below):
                return below
        return QModelIndex()

    def rhk_rows(self, rhk_id: str) -> list[int]:
        return [n for n, r in enumerate(self.rows) if r.rhk_id == rhk_id]
