"""Beside the grid: the unit's capaian organisasi, predikat counts and shares, the curve, the findings."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kinerja_desktop.core.model.evaluasi import CapaianRow, DistribusiUnit, label_capaian
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.ui.common.table import Column, RowTableModel, make_table, set_widths
from kinerja_desktop.ui.common.widgets import HINT_STYLE, OK_STYLE, WARNING_STYLE
from kinerja_desktop.ui.penilaian.kurva import LEBAR, KurvaDistribusi


def persen(nilai: float) -> str:
    """85.333 → "85,3%"; whole numbers without decimals."""
    return f"{format_angka(nilai, desimal=1).removesuffix(',0')}%"


@dataclass(frozen=True)
class BarisSebaran:
    label: str
    jumlah: int
    persen: str


class SebaranModel(RowTableModel):
    columns = (
        Column("Predikat", lambda r: r.label),
        Column("Jumlah", lambda r: format_angka(r.jumlah), right=True),
        Column("Persen", lambda r: r.persen, right=True),
    )


def baris_sebaran(dist: DistribusiUnit) -> list[BarisSebaran]:
    """The five predikat best first, then who has none yet and the total rated."""
    rows = [BarisSebaran(p.label, dist.jumlah.get(p, 0), persen(dist.persen.get(p, 0.0))) for p in Predikat]
    rows.append(BarisSebaran("Belum berpredikat", dist.belum_dinilai, ""))
    rows.append(BarisSebaran("Jumlah berpredikat", dist.dinilai, "100%" if dist.dinilai else ""))
    return rows


class DistribusiPanel(QWidget):
    """``ubah_capaian`` asks the page to open the capaian dialog."""

    ubah_capaian = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.judul = QLabel(wordWrap=True)
        self.capaian = QLabel(wordWrap=True)
        self.catatan = QLabel(wordWrap=True)
        self.catatan.setStyleSheet(HINT_STYLE)
        self.set_capaian_button = QPushButton("Tetapkan capaian…", clicked=self.on_set_capaian_button_clicked)
        self.model = SebaranModel(self)
        self.table = make_table(self.model, sortable=False)
        set_widths(self.table, ("Jumlah berpredikat__", "Jumlah_", "100,0%__"))
        rows = len(Predikat) + 2
        self.table.setFixedHeight(self.table.verticalHeader().defaultSectionSize() * (rows + 1) + 6)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.kurva = KurvaDistribusi()
        self.temuan = QLabel(wordWrap=True)
        self.temuan.setTextFormat(Qt.TextFormat.RichText)
        self.setMinimumWidth(LEBAR + 12)
        capaian_row = QHBoxLayout()
        capaian_row.addWidget(self.capaian, 1)
        capaian_row.addWidget(self.set_capaian_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.judul)
        layout.addLayout(capaian_row)
        layout.addWidget(self.catatan)
        layout.addWidget(self.table)
        layout.addWidget(QLabel("<b>Kurva distribusi predikat kinerja pegawai</b>"))
        layout.addWidget(self.kurva, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.temuan)
        layout.addStretch()
        self.show_data(None, None, "")

    def on_set_capaian_button_clicked(self) -> None:
        self.ubah_capaian.emit()

    def show_data(self, dist: DistribusiUnit | None, capaian: CapaianRow | None, periode: str) -> None:
        """Show the unit's distribution for ``periode`` (its label with the year); None clears the panel."""
        if dist is None:
            self.judul.setText("<b>Sebaran predikat</b>")
            self.capaian.clear()
            self.catatan.hide()
            self.set_capaian_button.setEnabled(False)
            self.model.set_rows([])
            self.kurva.set_jumlah({})
            self.temuan.clear()
            return
        self.judul.setText(f"<b>Sebaran predikat</b> — {escape(dist.unit)}, {escape(periode)}")
        nilai = label_capaian(dist.capaian) or "belum ditetapkan"
        self.capaian.setText(f"Capaian kinerja organisasi: <b>{escape(nilai)}</b>")
        keterangan = ""
        if capaian is not None and capaian.capaian:
            oleh = f" (ditetapkan oleh {capaian.ditetapkan_oleh})" if capaian.ditetapkan_oleh else ""
            keterangan = f"{capaian.catatan}{oleh}".strip()
        self.catatan.setText(keterangan)
        self.catatan.setVisible(bool(keterangan))
        boleh = capaian is not None and capaian.boleh_ubah
        self.set_capaian_button.setEnabled(boleh)
        self.set_capaian_button.setToolTip(
            "Tetapkan capaian kinerja organisasi unit ini untuk periode terpilih"
            if boleh
            else "Capaian ditetapkan oleh kepala unit satu tingkat di atasnya (atau administrator)."
        )
        self.model.set_rows(baris_sebaran(dist))
        self.kurva.set_jumlah(dist.jumlah)
        self.show_temuan(dist)

    def show_temuan(self, dist: DistribusiUnit) -> None:
        if dist.temuan:
            items = "".join(f"<li>{escape(t.pesan)}</li>" for t in dist.temuan)
            self.temuan.setStyleSheet(WARNING_STYLE)
            self.temuan.setText(
                f"<b>Peringatan pola distribusi ({len(dist.temuan)})</b>"
                f"<ul style='margin-left: -20px'>{items}</ul>"
            )
        elif dist.dinilai:
            self.temuan.setStyleSheet(OK_STYLE)
            self.temuan.setText("Sebaran predikat sesuai pola distribusi untuk capaian unit ini.")
        else:
            self.temuan.setStyleSheet(HINT_STYLE)
            self.temuan.setText("Belum ada pegawai berpredikat pada periode ini.")
