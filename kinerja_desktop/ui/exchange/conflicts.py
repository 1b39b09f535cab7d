"""The conflicts of one file side by side: per row, the value here and in the package, and the choice."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.exchange.paket.plan.model import Konflik, Pilihan
from kinerja_desktop.ui.common.table import make_table, select_row, set_widths
from kinerja_desktop.ui.common.widgets import HINT_STYLE
from kinerja_desktop.ui.exchange.models import BarisKonflik, BedaModel, KonflikModel


class KonflikView(QWidget):
    """``changed`` is emitted on every choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = KonflikModel(self)
        self.tabel = make_table(self.model, sortable=False)
        set_widths(self.tabel, ("Umpan Balik Perilaku", "99999", "Pakai data di sini", ""))
        self.tabel.selectionModel().currentRowChanged.connect(self.on_row_changed)
        self.beda = BedaModel(self)
        self.tabel_beda = make_table(self.beda, sortable=False)
        self.tabel_beda.setWordWrap(True)
        self.tabel_beda.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        set_widths(self.tabel_beda, ("Tempat lahir", "", ""), {1: (1, 100), 2: (1, 100)})
        self.judul = QLabel()
        self.judul.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.uraian = QLabel(wordWrap=True)
        self.uraian.setStyleSheet("font-weight: bold;")
        self.kami = QRadioButton("Pakai data di sini")
        self.kami.setObjectName("pilih_kami")
        self.mereka = QRadioButton("Pakai data paket")
        self.mereka.setObjectName("pilih_mereka")
        self.grup = QButtonGroup(self)
        self.grup.addButton(self.kami)
        self.grup.addButton(self.mereka)
        self.kami.clicked.connect(lambda: self.choose("kami"))
        self.mereka.clicked.connect(lambda: self.choose("mereka"))
        self.semua_kami = QPushButton("Semua: pakai data di sini")
        self.semua_kami.clicked.connect(lambda: self.choose_all("kami"))
        self.semua_mereka = QPushButton("Semua: pakai data paket")
        self.semua_mereka.clicked.connect(lambda: self.choose_all("mereka"))
        petunjuk = QLabel(
            "Baris-baris ini diubah di sini dan juga di kantor pengirim sejak data keduanya terakhir sama. "
            "Pilih untuk setiap baris data mana yang dipakai; pilihan Anda dicatat di log audit, dan bila "
            "data di sini yang dipakai, data itu ikut terkirim kembali pada paket berikutnya.",
            wordWrap=True,
        )
        petunjuk.setStyleSheet(HINT_STYLE)

        kanan = QWidget()
        lay = QVBoxLayout(kanan)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.uraian)
        lay.addWidget(self.tabel_beda, 1)
        pilih = QHBoxLayout()
        pilih.addWidget(QLabel("Untuk baris ini:"))
        pilih.addWidget(self.kami)
        pilih.addWidget(self.mereka)
        pilih.addStretch()
        lay.addLayout(pilih)
        split = QSplitter()
        split.addWidget(self.tabel)
        split.addWidget(kanan)
        split.setSizes([520, 500])
        semua = QHBoxLayout()
        semua.addWidget(self.semua_kami)
        semua.addWidget(self.semua_mereka)
        semua.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.judul)
        layout.addWidget(petunjuk)
        layout.addWidget(split, 1)
        layout.addLayout(semua)

    def show_conflicts(self, konflik: list[Konflik], judul: str = "") -> None:
        self.judul.setText(f"Konflik: {judul}" if judul else "Konflik")
        self.model.set_rows([BarisKonflik(k) for k in konflik])
        for kolom in range(3):
            self.tabel.resizeColumnToContents(kolom)
        select_row(self.tabel, 0)
        self.changed.emit()

    def pilihan(self) -> dict[tuple[str, str], Pilihan]:
        return {b.konflik.kunci: b.pilihan for b in self.model.rows if b.pilihan is not None}

    def _current(self) -> int:
        return self.tabel.currentIndex().row()

    def choose(self, p: Pilihan) -> None:
        """The choice for the selected row; then the next undecided row is selected."""
        row = self._current()
        if row < 0:
            return
        self.model.rows[row].pilihan = p
        self.model.refresh_row(row)
        self.changed.emit()
        lanjut = next((i for i, b in enumerate(self.model.rows) if b.pilihan is None), -1)
        if lanjut >= 0:
            select_row(self.tabel, lanjut)

    def choose_all(self, p: Pilihan) -> None:
        for b in self.model.rows:
            b.pilihan = p
        if self.model.rows:
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(len(self.model.rows) - 1, 3))
        self.on_row_changed(self.tabel.currentIndex(), QModelIndex())
        self.changed.emit()

    def on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.beda.set_rows([])
            self.uraian.clear()
            return
        b: BarisKonflik = self.model.rows[current.row()]
        self.beda.set_beda(b.konflik.beda)
        self.uraian.setText(f"Lembar {b.konflik.lembar}, baris {b.konflik.baris}: {b.konflik.uraian}")
        self.grup.setExclusive(False)
        self.kami.setChecked(b.pilihan == "kami")
        self.mereka.setChecked(b.pilihan == "mereka")
        self.grup.setExclusive(True)
