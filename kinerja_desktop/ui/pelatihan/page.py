"""Pelatihan (JP) page: each active pegawai's training hours in a year against the rule for their status."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.pangkat import StatusKepegawaian
from kinerja_desktop.core.services import pelatihan
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.core.services.pelatihan import JP_MAKSIMUM_PPPK, JP_MINIMUM_PNS, RekapJp
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Fokus, Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.table import Column, RowTableModel, make_table, set_widths
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE
from kinerja_desktop.ui.pegawai.form import PegawaiForm
from kinerja_desktop.ui.pegawai.list_model import display_nip

_STATUS = {s.value: s.label for s in StatusKepegawaian}
KURANG = QColor("#a00018")
LEBIH = QColor("#8a5300")


class RekapModel(RowTableModel):
    """Rows of ``rekap_jp``; those short of (or over) the rule are drawn in red."""

    columns = (
        Column("NIP", lambda r: display_nip(r.nip, r.status_kepegawaian), lambda r: r.nip),
        Column("Nama", lambda r: r.nama),
        Column("Status", lambda r: _STATUS.get(r.status_kepegawaian, r.status_kepegawaian)),
        Column("Unit kerja", lambda r: r.unit_nama),
        Column("JP", lambda r: format_angka(r.jp), lambda r: r.jp, right=True),
        Column("Keterangan", lambda r: r.keterangan, lambda r: (r.kurang - r.lebih, r.nama)),
    )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row: RekapJp = self.rows[index.row()]
            return KURANG if row.kurang else LEBIH if row.lebih else None
        return super().data(index, role)


class PelatihanPage(Page):
    title = "Pelatihan (JP)"
    izin = Izin.LIHAT_DATA
    bab_panduan = "pegawai"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.tahun = QSpinBox(minimum=2000, maximum=date.today().year + 1, value=date.today().year)
        self.hanya = QCheckBox("Hanya yang belum memenuhi / melebihi", checked=True)
        self.model = RekapModel(self)
        self.model.sort_column = 3
        self.table = make_table(self.model)
        set_widths(
            self.table,
            ("19860926 201505 1 001", "", "Status", "", "1000", ""),
            {1: (2, 180), 3: (2, 120), 5: (3, 260)},
            key="pelatihan",
        )
        self.count = QLabel()
        self.message = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        rule = QLabel(
            f"PNS dan CPNS wajib mengikuti pengembangan kompetensi paling sedikit {JP_MINIMUM_PNS} JP "
            f"setahun (PP 11/2017 jo. PP 17/2020); PPPK paling banyak {JP_MAKSIMUM_PPPK} JP setahun "
            "(PP 49/2018). "
            "Klik dua kali pada baris untuk mencatat pelatihan pegawai itu.",
            wordWrap=True,
            styleSheet=HINT_STYLE,
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Tahun"))
        bar.addWidget(self.tahun)
        bar.addSpacing(16)
        bar.addWidget(self.hanya)
        bar.addStretch()
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(rule)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.tahun.valueChanged.connect(self.refresh)
        self.hanya.toggled.connect(self.refresh)
        self.table.activated.connect(self.on_table_activated)  # Enter, or (double-)click as the platform does

    def refresh(self) -> None:
        tahun, hanya = self.tahun.value(), self.hanya.isChecked()
        dibaca = ops.look(
            self,
            lambda s, a: pelatihan.rekap_jp(s, a, tahun, hanya_bermasalah=hanya),
            message=ops.note(self.message.setText),
        )
        if not dibaca:
            return
        rows = dibaca.value
        self.model.set_rows(rows)
        kurang = sum(1 for r in rows if r.kurang)
        lebih = sum(1 for r in rows if r.lebih)
        self.count.setText(
            f"{format_angka(len(rows))} pegawai — {format_angka(kurang)} kurang dari {JP_MINIMUM_PNS} JP, "
            f"{format_angka(lebih)} PPPK melebihi {JP_MAKSIMUM_PPPK} JP"
        )

    def tampilkan(self, fokus: Fokus) -> None:
        """The year of ``fokus``; ``kurang``: only those short of (or over) the rule."""
        with QSignalBlocker(self.tahun), QSignalBlocker(self.hanya):
            if fokus.tahun is not None:
                self.tahun.setValue(fokus.tahun)
            if fokus.status == "kurang":
                self.hanya.setChecked(True)
        self.refresh()

    def selected(self) -> RekapJp | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def on_table_activated(self) -> None:
        """Open the pegawai's form on the Pelatihan tab for the chosen year; reload afterwards."""
        row = self.selected()
        if row is None:
            return
        PegawaiForm(self.ctx, row.pegawai_id, self, tab="pelatihan", tahun=self.tahun.value()).exec()
        self.refresh()
        for n, shown in enumerate(self.model.rows):
            if shown.pegawai_id == row.pegawai_id:
                self.table.selectRow(n)
