"""Evidence (bukti dukung) as a table: kind, content in one line, and whether a stored file is there."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.services.bukti import BuktiRow, JenisBukti, StatusBerkas
from kinerja_desktop.ui.common.table import Column, RowTableModel

_Index = QModelIndex | QPersistentModelIndex
MERAH = QColor("#b00020")
JENIS = {
    JenisBukti.CATATAN.value: "Catatan",
    JenisBukti.TAUTAN.value: "Tautan",
    JenisBukti.BERKAS.value: "Berkas",
}
STATUS = {
    StatusBerkas.ADA.value: "tersimpan",
    StatusBerkas.HILANG.value: "berkas hilang",
    StatusBerkas.BERUBAH.value: "berkas berubah",
}


def ukuran_kb(ukuran: int) -> str:
    """A file size as people read it in a list: "120 KB"."""
    return f"{format_angka(max(1, round(ukuran / 1024)))} KB" if ukuran else "0 KB"


def describe_bukti(row: BuktiRow) -> str:
    """One line: the file name and size, the address, or the note; a keterangan after a dash."""
    if row.jenis == JenisBukti.BERKAS:
        return f"{row.nama_berkas} ({ukuran_kb(row.ukuran)})" + (
            f" — {row.keterangan}" if row.keterangan else ""
        )
    if row.jenis == JenisBukti.TAUTAN:
        return row.tautan + (f" — {row.keterangan}" if row.keterangan else "")
    return " ".join(row.keterangan.split())


def bermasalah(row: BuktiRow) -> bool:
    """A file whose stored content is missing or has another size."""
    return bool(row.status_berkas) and row.status_berkas != StatusBerkas.ADA


class BuktiModel(RowTableModel):
    """Jenis, Isi, Status; the status of a file that is not there in red."""

    columns: tuple[Column, ...] = (
        Column("Jenis", lambda r: JENIS.get(r.jenis, r.jenis)),
        Column("Isi", describe_bukti),
        Column("Status", lambda r: STATUS.get(r.status_berkas, "")),
    )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and self.columns[index.column()].title == "Status"
            and bermasalah(self.rows[index.row()])
        ):
            return MERAH
        return super().data(index, role)


class BuktiTahunanModel(BuktiModel):
    """The whole year's evidence: the period each piece belongs to comes first."""

    columns = (Column("Periode", lambda r: Periode(r.periode).label), *BuktiModel.columns)
