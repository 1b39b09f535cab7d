"""Realisasi page: one pegawai's approved SKP in one period — realisasi per indicator, rencana aksi, bukti."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.model.skp import SkpDetail, StatusSkp
from kinerja_desktop.core.rules.nip import format_nip
from kinerja_desktop.core.services import pegawai, realisasi, skp
from kinerja_desktop.core.services.access import Actor, Izin, Peran
from kinerja_desktop.core.services.realisasi import RealisasiGrid
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import show_error
from kinerja_desktop.ui.common.period_bar import PeriodeBar
from kinerja_desktop.ui.common.stale import StaleBar
from kinerja_desktop.ui.common.table import make_table, set_widths
from kinerja_desktop.ui.common.widgets import HINT_STYLE, WARNING_STYLE, PegawaiPicker
from kinerja_desktop.ui.realisasi.grid import KOLOM_REALISASI, BarisRealisasi, RealisasiModel, baris_grid
from kinerja_desktop.ui.realisasi.panel import AksiPanel, BuktiPanel, Sasaran

ALASAN_STYLE = "font-size: 11pt; color: #444444; padding: 24px;"


class RealisasiPage(Page):
    """Choose year, period and pegawai; fill realisasi, rencana aksi and bukti dukung of the approved SKP."""

    title = "Realisasi"
    izin = Izin.LIHAT_DATA
    bab_panduan = "realisasi"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.detail: SkpDetail | None = None
        self.grid: RealisasiGrid | None = None
        self.bar = PeriodeBar()
        self.picker = PegawaiPicker(placeholder="ketik nama atau NIP pegawai…")
        self.picker.setMinimumWidth(360)
        self.info = QLabel(wordWrap=True)
        self.banner = QLabel(wordWrap=True)
        self.banner.setStyleSheet(WARNING_STYLE)
        self.banner.hide()
        self.stale = StaleBar(
            hint="Isian Anda belum disimpan dan masih ada di selnya; tekan Esc untuk membatalkannya."
        )
        self.stale.reload_requested.connect(self.on_stale_reload_requested)
        self.alasan = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.alasan.setStyleSheet(ALASAN_STYLE)
        self.model = RealisasiModel(self)
        self.model.save_cell = self.save_realisasi
        self.table = make_table(self.model, sortable=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        set_widths(
            self.table,
            ("", "Kuantitas_", "", "1.500 dokumen_", "1.500 dokumen_", "", "1.500 dokumen_", "Capaian__"),
            {0: (2, 140), 2: (3, 180), 5: (3, 140)},
            key="realisasi",
        )
        self.table.itemDelegate().closeEditor.connect(self.on_editor_closed)
        self.table.setWordWrap(True)  # the RHK texts, in cells that span their indicators
        self.aksi = AksiPanel(ctx)
        self.bukti = BuktiPanel(ctx)
        self.stack = QStackedWidget()
        self._build_layout()
        self.bar.changed.connect(self.on_pilihan_changed)
        self.picker.changed.connect(self.on_pilihan_changed)
        self.table.selectionModel().currentRowChanged.connect(self.on_row_changed)
        self.aksi.changed.connect(self.on_aksi_changed)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.bar)
        top.addSpacing(8)
        top.addWidget(QLabel("Pegawai"))
        top.addWidget(self.picker, 1)
        panels = QSplitter()
        panels.addWidget(self.aksi)
        panels.addWidget(self.bukti)
        panels.setSizes([450, 650])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(panels)
        split.setSizes([380, 260])
        grid_page = QWidget()
        inner = QVBoxLayout(grid_page)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.banner)
        inner.addWidget(self.stale)
        inner.addWidget(split, 1)
        self.hint = hint = QLabel(
            "Ketik langsung di sel Realisasi atau Keterangan (atau klik dua kali), lalu tekan Enter untuk "
            "menyimpan dan turun ke baris berikutnya; Esc membatalkan."
        )
        hint.setStyleSheet(HINT_STYLE)
        inner.addWidget(hint)
        self.stack.addWidget(grid_page)
        self.stack.addWidget(self.alasan)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.stack, 1)

    # --- data -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Offer the office's periods and the pegawai this account may see, then show the grid."""
        actor = self.ctx.actor
        dibaca = ops.look(
            self,
            lambda s, a: (
                realisasi.periode_realisasi(s),
                pegawai.list_pegawai(s, a, termasuk_nonaktif=False),
            ),
            message=ops.note(self.show_reason),
        )
        if not dibaca:
            return
        pilihan, rows = dibaca.value
        if actor.peran is Peran.PENILAI:
            rows = [r for r in rows if actor.pegawai_id in (r.id, r.atasan_id)]
        self.bar.set_periode(pilihan)
        chosen = self.picker.value()
        self.picker.set_choices([(r.id, f"{r.nama_lengkap} — {format_nip(r.nip)}") for r in rows])
        if chosen is None and actor.peran is Peran.PENILAI:
            chosen = actor.pegawai_id
        self.picker.blockSignals(True)
        self.picker.set_value(chosen)
        self.picker.blockSignals(False)
        self.load()

    def select_pegawai(self, pegawai_id: str, tahun: int | None = None, kode: str | None = None) -> None:
        """Show one pegawai (e.g. asked from the monitoring page), optionally in a year and period."""
        for widget in (self.picker, self.bar):
            widget.blockSignals(True)
        if tahun is not None:
            self.bar.tahun.setValue(tahun)
        if kode is not None:
            self.bar.periode.setCurrentIndex(max(self.bar.periode.findData(kode), 0))
        self.picker.set_value(pegawai_id)
        for widget in (self.picker, self.bar):
            widget.blockSignals(False)
        self.load()

    def load(self) -> None:
        """Read the pegawai's newest SKP of the year and its grid for the chosen period."""
        pegawai_id, (tahun, kode) = self.picker.value(), self.bar.value()
        self.detail = self.grid = None
        if not pegawai_id:
            self.info.clear()
            self.show_reason("Pilih pegawai: ketik sebagian nama atau NIP-nya di kotak Pegawai.")
            return

        def skp_dan_grid(session: Session, actor: Actor) -> tuple[SkpDetail | None, RealisasiGrid | None]:
            detail = skp.current_skp_for(session, actor, pegawai_id, tahun)
            grid = realisasi.get_realisasi_grid(session, actor, detail.id, kode) if detail else None
            return detail, grid

        dibaca = ops.look(self, skp_dan_grid, message=ops.note(self.show_reason))
        if not dibaca:
            return
        self.detail, self.grid = dibaca.value
        if self.detail is None or self.grid is None:
            self.info.clear()
            self.show_reason(f"Belum ada SKP tahun {tahun} untuk pegawai ini.")
            return
        d = self.detail
        self.info.setText(
            f"<b>{d.pegawai.nama}</b> · {format_nip(d.pegawai.nip)} · {d.pegawai.jabatan} — "
            f"SKP {d.tahun} versi {d.versi} ({StatusSkp(d.status).label.lower()}), {self.grid.periode_label}"
        )
        if not (self.grid.bisa_diisi or self.grid.bisa_dilihat):
            self.show_reason(self.grid.alasan)
            return
        self.show_grid(self.grid)

    def show_reason(self, text: str) -> None:
        self.alasan.setText(text)
        self.stack.setCurrentWidget(self.alasan)
        self.model.set_rows([])
        self.aksi.show_rows(None, [])
        self.bukti.show_for(None)

    def show_grid(self, grid: RealisasiGrid, rhk_id: str | None = None) -> None:
        self.stale.hide()
        self.banner.setText(grid.alasan)
        self.banner.setVisible(not grid.bisa_diisi and bool(grid.alasan))
        self.model.editable = grid.bisa_diisi
        self.hint.setVisible(grid.bisa_diisi)
        self.model.refused = None
        self.model.periode_label = grid.periode_label
        self.model.set_rows(baris_grid(grid))
        self.set_spans()
        self.stack.setCurrentIndex(0)
        rows = self.model.rhk_rows(rhk_id) if rhk_id else []
        first = rows[0] if rows else 0
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(first, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.on_row_changed()

    def set_spans(self) -> None:
        """Each RHK's cell spans its indicators' rows, so its text wraps there instead of being cut; a
        text target's realisasi also takes the keterangan's place, which it does not have."""
        self.table.clearSpans()
        rows = self.model.rows
        awal = 0
        for n, row in enumerate(rows):
            if row.pertama:
                awal = n
            elif n + 1 == len(rows) or rows[n + 1].pertama:
                self.table.setSpan(awal, 0, n - awal + 1, 1)
            if row.indikator_id and not row.angka:
                self.table.setSpan(n, KOLOM_REALISASI, 1, 2)

    # --- actions ----------------------------------------------------------------------------------
    def selected_row(self) -> BarisRealisasi | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def sasaran(self) -> Sasaran | None:
        row, grid = self.selected_row(), self.grid
        if row is None or grid is None:
            return None
        return Sasaran(
            row.rhk_id, f"{row.nomor}  {row.rhk_teks}", grid.periode, grid.periode_label, grid.bisa_diisi
        )

    def on_row_changed(self) -> None:
        sasaran = self.sasaran()
        if sasaran is not None and self.aksi.sasaran == sasaran:
            return
        rhk = (
            next((r for r in self.grid.rhk if sasaran and r.rhk_id == sasaran.rhk_id), None)
            if self.grid
            else None
        )
        self.aksi.show_rows(sasaran, rhk.rencana_aksi if rhk else [])
        self.bukti.show_for(sasaran)

    def on_pilihan_changed(self) -> None:
        self.load()

    def on_aksi_changed(self) -> None:
        """Rencana aksi changed: read the grid again, keeping the RHK chosen."""
        row, pegawai_id = self.selected_row(), self.picker.value()
        self.load()
        if row is not None and self.grid is not None and pegawai_id == self.picker.value():
            self.aksi.sasaran = None
            self.show_grid(self.grid, row.rhk_id)

    def explain_refusal(self, text: str) -> None:
        """Say why a realisasi was refused (when ``text``), then open the cell again with what was typed."""
        if text:
            show_error(self, text)
        refused = self.model.refused
        if refused is not None and refused[0] < self.model.rowCount():
            index = self.model.index(refused[0], refused[1])
            self.table.setCurrentIndex(index)
            self.table.edit(index)
        self.model.refused = None  # the editor (when it opened) has taken the text

    def on_editor_closed(self, _editor: object, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter saved a cell: go on to the next editable cell below it, as in a spreadsheet."""
        if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            return
        below = self.model.next_editable(self.table.currentIndex())
        if below.isValid():
            self.table.setCurrentIndex(below)

    def save_realisasi(self, row: BarisRealisasi, angka: str, teks: str) -> bool:
        """Save a row's realisasi (the number as typed, "" for a text target) and keterangan or text;
        a refused value is explained (after the editor has closed)."""
        if self.grid is None:
            return False
        nilai, keterangan = (angka if row.angka else None), teks
        kode = self.grid.periode

        def explain_later(text: str) -> None:
            QTimer.singleShot(0, lambda: self.explain_refusal(text))

        def stale_later(text: str) -> None:
            QTimer.singleShot(0, lambda: self.show_stale(text))

        saved = ops.act(
            self,
            lambda s, a: realisasi.set_realisasi(
                s, a, row.indikator_id, kode, nilai, keterangan, revisi=row.revisi
            ),
            message=ops.note(explain_later),
            stale=ops.note(stale_later),
        )
        if saved:
            row.revisi = saved.value
        return bool(saved)

    def show_stale(self, text: str) -> None:
        """Someone else entered this realisasi meanwhile: say so above the grid, and open the cell again
        with what was typed (Muat ulang reads the grid again)."""
        self.stale.set_error(text)
        self.explain_refusal("")

    def on_stale_reload_requested(self) -> None:
        row = self.selected_row()
        self.load()
        if row is not None and self.grid is not None:
            self.show_grid(self.grid, row.rhk_id)
