"""The staff list model: 15,000 rows filtered by precomputed search keys in one list comprehension."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.model.pegawai import PegawaiRow, StatusAktif
from kinerja_desktop.core.rules.nip import format_nip
from kinerja_desktop.core.rules.pangkat import GOLONGAN_PNS, GOLONGAN_PPPK, StatusKepegawaian
from kinerja_desktop.core.search import Query, filter_rows, haystack, narrows, search_query
from kinerja_desktop.core.services.pegawai.check import jenis_nip_untuk
from kinerja_desktop.ui.common.table import Column, RowTableModel

_URUTAN_GOLONGAN = {g: n for n, g in enumerate(GOLONGAN_PNS)} | {
    g: 100 + n for n, g in enumerate(GOLONGAN_PPPK)
}
_STATUS_LABEL = {s.value: s.label for s in StatusKepegawaian}
_AKTIF_LABEL = {s.value: s.label for s in StatusAktif}


def display_nip(nip: str, status: str) -> str:
    """NIP grouped as printed, in the layout the status implies: "19860926 201505 1 001"."""
    return format_nip(nip, jenis_nip_untuk(status))


def display_status(row: PegawaiRow) -> str:
    """ "PNS", or "PNS · Pensiun" for someone no longer serving."""
    label = _STATUS_LABEL.get(row.status_kepegawaian, row.status_kepegawaian.upper())
    if row.status_aktif == StatusAktif.AKTIF.value:
        return label
    return f"{label} · {_AKTIF_LABEL.get(row.status_aktif, row.status_aktif)}"


def _kunci_baris(row: PegawaiRow) -> str:
    return haystack(row.nama_lengkap, row.nip, row.jabatan, row.unit_nama)


COLUMNS = (
    Column("NIP", lambda r: display_nip(r.nip, r.status_kepegawaian), lambda r: r.nip),
    Column("Nama lengkap", lambda r: r.nama_lengkap, lambda r: (r.nama.lower(), r.nip)),
    Column("Golongan", lambda r: r.golongan, lambda r: (_URUTAN_GOLONGAN.get(r.golongan, 999), r.nip)),
    Column("Jabatan", lambda r: r.jabatan),
    Column("Unit kerja", lambda r: r.unit_nama),
    Column("Atasan", lambda r: r.atasan_nama),
    Column("Status", display_status),
)


_AKTIF = StatusAktif.AKTIF.value
_Pair = tuple[str, PegawaiRow]


@dataclass(frozen=True)
class Saringan:
    """What the list shows: search text, units (None = all), status, golongan, active or archived."""

    teks: str = ""
    unit_ids: frozenset[str] | None = None
    status: str = ""
    golongan: str = ""
    aktif: str = "aktif"  # "aktif", "nonaktif" or "" (all)

    @property
    def struktur(self) -> tuple[object, ...]:
        """Every filter except the text."""
        return (self.unit_ids, self.status, self.golongan, self.aktif)

    def cocok(self, row: PegawaiRow) -> bool:
        """Whether ``row`` passes every filter except the text."""
        if self.unit_ids is not None and row.unit_kerja_id not in self.unit_ids:
            return False
        if self.status and row.status_kepegawaian != self.status:
            return False
        if self.golongan and row.golongan != self.golongan:
            return False
        if self.aktif == "aktif":
            return row.status_aktif == _AKTIF
        if self.aktif == "nonaktif":
            return row.status_aktif != _AKTIF
        return True


class PegawaiTableModel(RowTableModel):
    """Every loaded pegawai kept sorted with its search key; ``rows`` are those the filters let through.

    Those passing the non-text filters are kept (``_base``), so a keystroke only compares search keys:
    against what is shown when the text grows, against ``_base`` otherwise.
    """

    columns = COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.semua: list[PegawaiRow] = []
        self._pairs: list[_Pair] = []
        self._base: list[_Pair] = []
        self._base_for: tuple[object, ...] | None = None
        self._shown: list[_Pair] = []
        self.saringan = Saringan()
        self._kunci: Query = ()

    def dimmed(self, row: Any) -> bool:
        return bool(row.status_aktif != _AKTIF)

    def set_rows(self, rows: list[PegawaiRow]) -> None:  # type: ignore[override]
        """New data from the database; the current filters and sort stay."""
        self.semua = list(rows)
        self._pairs = self._sorted_pairs([(_kunci_baris(r), r) for r in self.semua])
        self._base_for = None
        self._apply(self.saringan, force=True)

    def set_saringan(self, saringan: Saringan) -> None:
        self._apply(saringan)

    def _apply(self, saringan: Saringan, *, force: bool = False) -> None:
        kunci = search_query(saringan.teks)
        same_rest = saringan.struktur == self.saringan.struktur and self._base_for is not None
        if not force and same_rest and kunci == self._kunci:
            self.saringan = saringan
            return
        if saringan.struktur != self._base_for:
            self._base = [p for p in self._pairs if saringan.cocok(p[1])]
            self._base_for = saringan.struktur
        if not force and same_rest and narrows(self._kunci, kunci):
            shown = filter_rows(kunci, self._shown)  # typing on narrows what is shown
        elif kunci:
            shown = filter_rows(kunci, self._base)
        else:
            shown = list(self._base)
        self.saringan, self._kunci = saringan, kunci
        self.beginResetModel()
        self._shown = shown
        self.rows = [p[1] for p in shown]
        self.endResetModel()

    def _sorted_pairs(self, pairs: list[_Pair]) -> list[_Pair]:
        if not 0 <= self.sort_column < len(self.columns):
            return pairs
        column = self.columns[self.sort_column]
        key = column.key or (lambda r: column.text(r).lower())
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        pairs.sort(key=lambda p: key(p[1]), reverse=descending)
        return pairs

    def _reorder(self) -> None:
        self._pairs = self._sorted_pairs(self._pairs)
        self._base = self._sorted_pairs(self._base)
        self._shown = self._sorted_pairs(self._shown)
        self.rows = [p[1] for p in self._shown]

    def row_of(self, pegawai_id: str) -> int:
        """Position of a pegawai among the shown rows, or -1."""
        for n, row in enumerate(self.rows):
            if row.id == pegawai_id:
                return n
        return -1
