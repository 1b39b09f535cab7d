"""The appraisal grid: one row per pegawai with status, both ratings and the computed predikat."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, StatusEvaluasi
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.nip import format_nip
from kinerja_desktop.core.rules.predikat import Predikat, Rating
from kinerja_desktop.ui.common.grafik import WARNA_PREDIKAT
from kinerja_desktop.ui.common.table import DIMMED, Column, RowTableModel, make_table, set_widths

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole

#: The numeric codes of printed forms and older apps (3 di atas, 2 sesuai, 1 di bawah).
RATING_KEY: dict[int, Rating] = {r.kode_angka: r for r in Rating}
_PENDEK = {Rating.DI_ATAS: "Di Atas", Rating.SESUAI: "Sesuai", Rating.DI_BAWAH: "Di Bawah"}
_WARNA_STATUS = {
    StatusEvaluasi.FINAL: QColor("#1b5e20"),
    StatusEvaluasi.TANPA_SKP: QColor("#b00020"),
}
KOLOM_HASIL, KOLOM_PERILAKU, KOLOM_PREDIKAT, KOLOM_STATUS, KOLOM_AK = 1, 2, 3, 4, 5
KETIK = "Ketik 3 (Di Atas), 2 (Sesuai) atau 1 (Di Bawah); Delete mengosongkan."


def teks_rating(kode: str | None) -> str:
    """ "3 Di Atas" (the code printed forms use, then the short label), "" when empty."""
    if not kode:
        return ""
    rating = Rating(kode)
    return f"{rating.kode_angka} {_PENDEK[rating]}"


def urutan_rating(kode: str | None) -> int:
    return Rating(kode).kode_angka if kode else 0


COLUMNS = (
    Column("Nama", lambda r: r.nama, lambda r: (r.nama.casefold(), r.nip)),
    Column("Rating hasil", lambda r: teks_rating(r.rating_hasil), lambda r: urutan_rating(r.rating_hasil)),
    Column(
        "Rating perilaku",
        lambda r: teks_rating(r.rating_perilaku),
        lambda r: urutan_rating(r.rating_perilaku),
    ),
    Column(
        "Predikat",
        lambda r: Predikat(r.predikat).label if r.predikat else "",
        lambda r: Predikat(r.predikat).urutan if r.predikat else 9,
    ),
    Column("Status", lambda r: r.status.label),
    Column(
        "AK",
        lambda r: format_angka(r.angka_kredit) if r.angka_kredit is not None else "",
        lambda r: r.angka_kredit or 0,
        True,
    ),
    Column("NIP", lambda r: format_nip(r.nip), lambda r: r.nip),
    Column("Jabatan", lambda r: r.jabatan),
    Column("Unit kerja", lambda r: r.unit),
    Column("Pejabat penilai", lambda r: r.penilai),
)
_JUDUL_PANJANG = {
    KOLOM_HASIL: "Rating hasil kerja: 3 Di Atas, 2 Sesuai, 1 Di Bawah Ekspektasi",
    KOLOM_PERILAKU: "Rating perilaku kerja: 3 Di Atas, 2 Sesuai, 1 Di Bawah Ekspektasi",
    KOLOM_PREDIKAT: "Predikat kinerja pegawai, dihitung dari kedua rating (matriks 3×3)",
    KOLOM_AK: "Angka kredit dari predikat periode ini (jabatan fungsional)",
}
#: Sample texts for the column widths (measured once): the ratings and the predikat come right after
#: the name, so that they stay in view in the smallest window; the last three share what is left.
LEBAR = (
    "",
    "Rating hasil_",
    "Rating perilaku",
    "Kurang/Misconduct",
    "SKP belum disetujui",
    "18,750",
    "19860926 201505 1 001",
)
BOBOT: dict[int, tuple[float, int]] = {0: (3, 150), 7: (3, 110), 8: (2, 100), 9: (2, 110)}


def ringkasan(rows: list[BarisEvaluasi]) -> str:
    """ "40 pegawai: 34 final; belum final 6 (3 belum dinilai, 0 draf, 3 SKP belum disetujui)"."""
    n = Counter(r.status for r in rows)
    belum = len(rows) - n[StatusEvaluasi.FINAL]
    rincian = ", ".join(
        f"{format_angka(n[s])} {s.label.lower() if s is not StatusEvaluasi.TANPA_SKP else s.label}"
        for s in (StatusEvaluasi.BELUM, StatusEvaluasi.DRAF, StatusEvaluasi.TANPA_SKP)
    )
    final = format_angka(n[StatusEvaluasi.FINAL])
    return f"{format_angka(len(rows))} pegawai: {final} final; belum final {format_angka(belum)} ({rincian})"


class PenilaianModel(RowTableModel):
    """Every loaded row (``semua``); ``hanya_belum_final`` shows those not final yet,
    ``hanya_belum_dinilai`` those whose evaluation of the period has not been started."""

    columns = COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.semua: list[BarisEvaluasi] = []
        self.hanya_belum_final = False
        self.hanya_belum_dinilai = False

    def load(self, rows: list[BarisEvaluasi]) -> None:
        self.semua = rows
        self.show()

    def show(self) -> None:
        rows = self.semua
        if self.hanya_belum_final:
            rows = [r for r in rows if r.status is not StatusEvaluasi.FINAL]
        if self.hanya_belum_dinilai:
            rows = [r for r in rows if r.status is StatusEvaluasi.BELUM]
        self.set_rows(rows)

    def replace(self, baru: BarisEvaluasi) -> None:
        """Put an updated row where its pegawai was (in both lists) and repaint it."""
        self.semua = [baru if r.pegawai_id == baru.pegawai_id else r for r in self.semua]
        for n, r in enumerate(self.rows):
            if r.pegawai_id == baru.pegawai_id:
                self.rows[n] = baru
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.columns) - 1))

    def row_of(self, pegawai_id: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.pegawai_id == pegawai_id), -1)

    def dimmed(self, row: BarisEvaluasi) -> bool:
        return not row.boleh_nilai

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row: BarisEvaluasi = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == KOLOM_PREDIKAT and row.predikat:
                return WARNA_PREDIKAT[Predikat(row.predikat)]
            if column == KOLOM_STATUS and row.status in _WARNA_STATUS:
                return _WARNA_STATUS[row.status]
            return DIMMED if not row.boleh_nilai else None
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return _JUDUL_PANJANG.get(section)
        return super().headerData(section, orientation, role)

    def _tooltip(self, row: BarisEvaluasi, column: int) -> str:
        alasan = row.alasan_terkunci
        if column in (KOLOM_HASIL, KOLOM_PERILAKU):
            kode = row.rating_hasil if column == KOLOM_HASIL else row.rating_perilaku
            teks = Rating(kode).label if kode else "belum diisi"
            return f"{teks}\n{alasan or KETIK}"
        if column == KOLOM_AK:
            return "Angka kredit dari predikat periode ini (jabatan fungsional)"
        if column == 0 and row.kepala_unit:
            return f"{row.nama} (kepala unit)\n{alasan}".strip()
        return alasan or self.columns[column].text(row)


def make_grid_view(model: PenilaianModel) -> QTableView:
    """The grid's view: several rows may be selected (to finalise them), a context menu, fitted widths."""
    table = make_table(model)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    set_widths(table, LEBAR, BOBOT, key="penilaian")
    return table
