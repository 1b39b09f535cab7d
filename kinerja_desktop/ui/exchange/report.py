"""The last step of the import wizard: what happened to each file, the backups made, where it is recorded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kinerja_desktop.core.db.server_backup import TANPA_CADANGAN
from kinerja_desktop.core.exchange.paket.apply import HasilImpor
from kinerja_desktop.core.exchange.paket.plan.model import Aksi
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.ui.common.table import Column, RowTableModel, make_table, set_widths
from kinerja_desktop.ui.common.widgets import HINT_STYLE


@dataclass(frozen=True)
class HasilBerkas:
    """The outcome of one file of the wizard."""

    nama: str
    hasil: str  # "Diimpor", "Tidak ada yang berubah", "Tidak perlu diimpor", "Dilewati", "Ditolak"
    keterangan: str = ""
    baru: int = 0
    ubah: int = 0
    konflik: int = 0
    gabung: int = 0
    cadangan: Path | None = None

    @classmethod
    def dari(cls, nama: str, h: HasilImpor) -> HasilBerkas:
        if not h.ditulis:
            return cls(nama, "Tidak ada yang berubah")
        return cls(
            nama,
            "Diimpor",
            f"Kunci pengirim disimpan: {h.kunci_baru}" if h.kunci_baru else "",
            h.total(Aksi.BARU),
            h.total(Aksi.UBAH),
            len(h.pilihan),
            h.digabung,
            h.cadangan,
        )


def _angka(nama: str, atribut: str) -> Column:
    return Column(
        nama, lambda h: format_angka(getattr(h, atribut)), key=lambda h: getattr(h, atribut), right=True
    )


class LaporanModel(RowTableModel):
    columns = (
        Column("Berkas", lambda h: h.nama),
        Column("Hasil", lambda h: h.hasil),
        _angka("Baru", "baru"),
        _angka("Diperbarui", "ubah"),
        _angka("Konflik diputuskan", "konflik"),
        _angka("Digabungkan", "gabung"),
        Column(
            "Keterangan", lambda h: h.keterangan or ("Tercatat di riwayat" if h.hasil == "Diimpor" else "")
        ),
    )


class LaporanView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.judul = QLabel(wordWrap=True)
        self.judul.setObjectName("judul_laporan")
        self.judul.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.model = LaporanModel(self)
        self.tabel = make_table(self.model, sortable=False)
        contoh = ("paket-PLJ-2026-20261123.xlsx", "Tidak ada yang berubah", "99999", "Diperbarui")
        set_widths(self.tabel, (*contoh, "Konflik diputuskan", "Digabungkan", ""))
        self.cadangan = QLabel(wordWrap=True)
        self.cadangan.setObjectName("cadangan")
        catatan = QLabel(
            "Setiap impor tercatat di Riwayat pertukaran data (halaman ini) dan di Log Audit, termasuk "
            "pilihan untuk setiap konflik. Bila hasilnya keliru, pulihkan cadangan yang disebut di atas "
            "lewat halaman Cadangan.",
            wordWrap=True,
        )
        catatan.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.judul)
        layout.addWidget(self.tabel, 1)
        layout.addWidget(self.cadangan)
        layout.addWidget(catatan)

    def show_results(self, hasil: list[HasilBerkas]) -> None:
        self.model.set_rows(hasil)
        diimpor = sum(1 for h in hasil if h.hasil == "Diimpor")
        self.judul.setText(
            f"Selesai: {format_angka(diimpor)} dari {format_angka(len(hasil))} berkas diimpor."
        )
        cadangan = [str(h.cadangan) for h in hasil if h.cadangan is not None]
        if cadangan:
            self.cadangan.setText("Cadangan sebelum impor:\n" + "\n".join(cadangan))
        elif diimpor:
            self.cadangan.setText(TANPA_CADANGAN)
        else:
            self.cadangan.setText("Tidak ada data yang diubah.")
