"""Table models of the exchange screens: counts per sheet, problems, merges, conflicts, history."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.exchange.actions import EntriRiwayat
from kinerja_desktop.core.exchange.paket.plan.model import (
    JumlahLembar,
    Konflik,
    Masalah,
    NilaiBeda,
    Penggabungan,
    Pilihan,
)
from kinerja_desktop.core.exchange.report import KOLOM_JUMLAH
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.ui.common.table import Column, RowTableModel

_DISPLAY = Qt.ItemDataRole.DisplayRole
LABEL_PILIHAN: dict[str | None, str] = {
    None: "belum dipilih",
    "kami": "Pakai data di sini",
    "mereka": "Pakai data paket",
}


def _jumlah_kolom(atribut: str, judul: str) -> Column:
    return Column(
        judul, lambda j: format_angka(getattr(j, atribut)), key=lambda j: getattr(j, atribut), right=True
    )


class JumlahModel(RowTableModel):
    """One row per sheet that holds rows: Baru, Berubah, Sama, Usang, Konflik, Tidak sah."""

    columns = (
        Column("Lembar", lambda j: j.lembar, key=lambda j: j.lembar),
        *(_jumlah_kolom(a, judul) for a, judul in KOLOM_JUMLAH),
    )

    def set_jumlah(self, rows: list[JumlahLembar]) -> None:
        """The sheets, then a "Jumlah" row adding them up."""
        total = JumlahLembar("", "Jumlah")
        for a, _ in KOLOM_JUMLAH:
            setattr(total, a, sum(getattr(j, a) for j in rows))
        self.set_rows([*rows, total])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)


def _baris(m: Masalah | Penggabungan | Konflik) -> str:
    return "" if m.baris is None else str(m.baris)


class MasalahModel(RowTableModel):
    """Every problem: where (sheet, row, column), whether it blocks, and what to do."""

    columns = (
        Column("Lembar", lambda m: m.lembar or "(seluruh paket)"),
        Column("Baris", _baris, key=lambda m: m.baris or 0, right=True),
        Column("Kolom", lambda m: m.kolom),
        Column("Jenis", lambda m: "Kesalahan" if m.menghalangi else "Peringatan"),
        Column("Pesan", lambda m: m.pesan),
    )


class GabungModel(RowTableModel):
    """The same thing born twice, matched by its business key and merged."""

    columns = (
        Column("Lembar", lambda g: g.lembar),
        Column("Baris", _baris, key=lambda g: g.baris, right=True),
        Column("Data", lambda g: g.uraian),
        Column("Cara", lambda g: "otomatis (data induk)" if g.otomatis else "kunci bisnis sama"),
    )


@dataclass
class BarisKonflik:
    """A conflict and the user's choice for it."""

    konflik: Konflik
    pilihan: Pilihan | None = None


class KonflikModel(RowTableModel):
    """The conflicts, each with its choice."""

    columns = (
        Column("Lembar", lambda b: b.konflik.lembar),
        Column("Baris", lambda b: str(b.konflik.baris), key=lambda b: b.konflik.baris, right=True),
        Column("Pilihan", lambda b: LABEL_PILIHAN[b.pilihan]),
        Column("Data", lambda b: b.konflik.uraian),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def refresh_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))


class BedaModel(RowTableModel):
    """One conflict side by side: per column, the value here and the value in the package."""

    columns = (
        Column("Kolom", lambda b: b.kolom),
        Column("Nilai di sini", lambda b: b.kami or "(kosong)"),
        Column("Nilai di paket", lambda b: b.mereka or "(kosong)"),
    )

    def set_beda(self, beda: tuple[NilaiBeda, ...]) -> None:
        self.set_rows(list(beda))


class RiwayatModel(RowTableModel):
    """The sync log, newest first."""

    columns = (
        Column("Waktu", lambda r: r.waktu.astimezone().strftime("%d-%m-%Y %H:%M"), key=lambda r: r.waktu),
        Column("Arah", lambda r: r.arah_label),
        Column("Jenis", lambda r: r.jenis_label),
        Column("Kantor", lambda r: r.kantor_kode),
        Column("Berkas", lambda r: r.nama_berkas),
        Column("Pengguna", lambda r: r.username),
        Column("Jumlah", lambda r: r.ringkas()),
    )

    def set_entries(self, rows: list[EntriRiwayat]) -> None:
        self.set_rows(rows)
