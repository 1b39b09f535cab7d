"""The realisation grid: one row per indicator under its RHK, with an editable realisasi cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.model.skp import Aspek, JenisRhk, SkpDetail
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.realisasi import RealisasiGrid, clean_nilai
from kinerja_desktop.ui.common.table import Column, RowTableModel

_Index = QModelIndex | QPersistentModelIndex
_EDIT = Qt.ItemDataRole.EditRole
_DISPLAY = Qt.ItemDataRole.DisplayRole
KOLOM_REALISASI = 4
EDITABLE_BG = QColor("#fffbe6")


@dataclass
class BarisRealisasi:
    """One indicator of one RHK (``indikator_id`` empty for an RHK without indicators)."""

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


def realisasi_isian(row: BarisRealisasi) -> str:
    """The realisasi as the editor starts with it: the number in Indonesian form, or the text."""
    if not row.angka:
        return row.teks_realisasi
    return format_angka(row.nilai) if row.nilai is not None else ""


def display_realisasi(row: BarisRealisasi) -> str:
    if not row.angka:
        return row.teks_realisasi
    angka = realisasi_isian(row)
    if angka and row.satuan:
        angka = f"{angka} {row.satuan}"
    return f"{angka} — {row.teks_realisasi}" if angka and row.teks_realisasi else angka or row.teks_realisasi


def _aspek(kode: str) -> str:
    try:
        return Aspek(kode).label
    except ValueError:
        return kode.capitalize()


def baris_grid(grid: RealisasiGrid, skp: SkpDetail | None) -> list[BarisRealisasi]:
    """Rows of the grid; an indicator counts as numeric when its target has a number (else text)."""
    numeric = {
        i.id: (i.target_min is not None or i.target_maks is not None, i.satuan)
        for r in ((skp.rhk_utama + skp.rhk_tambahan) if skp else [])
        for i in r.indikator
    }
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
                    numeric.get(i.indikator_id, (True, ""))[0],
                    i.nilai,
                    i.teks_realisasi,
                    numeric.get(i.indikator_id, (True, ""))[1],
                    i.revisi,
                )
            )
    return rows


COLUMNS = (
    Column("Rencana hasil kerja", lambda r: f"{r.nomor}  {r.rhk_teks}" if r.pertama else ""),
    Column("Aspek", lambda r: r.aspek),
    Column("Indikator kinerja individu", lambda r: r.teks),
    Column("Target", lambda r: r.target),
    Column("Realisasi", display_realisasi),
)

#: Saves an edited realisasi; returns False (after telling the user why) to keep the old value.
Simpan = Callable[[BarisRealisasi, str], bool]


class RealisasiModel(RowTableModel):
    """Indicator rows; the realisasi cell is editable when ``editable`` and saved through ``simpan``.

    A value the service refused is kept in ``refused`` (row, text): the cell's editor, opened again on
    it, starts from what was typed rather than from the stored value.
    """

    columns = COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editable = False
        self.save_cell: Simpan | None = None
        self.refused: tuple[int, str] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def can_edit(self, index: _Index) -> bool:
        return (
            self.editable
            and index.isValid()
            and index.column() == KOLOM_REALISASI
            and bool(self.rows[index.row()].indikator_id)
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if self.can_edit(index) else flags

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == _EDIT and index.column() == KOLOM_REALISASI:
            if self.refused is not None and self.refused[0] == index.row():
                return self.refused[1]
            return realisasi_isian(row)
        if role == Qt.ItemDataRole.FontRole and index.column() == 0 and row.pertama:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and self.can_edit(index):
            return EDITABLE_BG
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"{row.nomor}  {row.rhk_teks}"
        if role == Qt.ItemDataRole.ToolTipRole and self.can_edit(index):
            jenis = "angka (misalnya 1.500 atau 12,5)" if row.angka else "teks"
            return f"Isi realisasi sebagai {jenis}, lalu tekan Enter."
        return super().data(index, role)

    def setData(self, index: _Index, value: object, role: int = _EDIT) -> bool:
        if role != _EDIT or not self.can_edit(index) or self.save_cell is None:
            return False
        row = self.rows[index.row()]
        teks = "" if value is None else str(value).strip()
        if teks == realisasi_isian(row):
            return False
        if not self.save_cell(row, teks):
            self.refused = (index.row(), teks)
            return False
        self.refused = None
        if row.angka:
            row.nilai = clean_nilai(teks)
        else:
            row.teks_realisasi = teks
        self.dataChanged.emit(index, index)
        return True

    def rhk_rows(self, rhk_id: str) -> list[int]:
        return [n for n, r in enumerate(self.rows) if r.rhk_id == rhk_id]
