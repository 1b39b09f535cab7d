"""Monitoring page: per unit, who has no SKP, no approved SKP or no realisation in a period; whom to chase."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.services.access import Actor, Izin
from kinerja_desktop.core.services.monitoring import MonitoringData, monitoring
from kinerja_desktop.core.services.realisasi import periode_realisasi
from kinerja_desktop.core.services.unit_kerja import UnitRow
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Fokus, Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.measured_load import MeasuredLoad
from kinerja_desktop.ui.common.period_bar import PeriodeBar
from kinerja_desktop.ui.common.table import make_table, set_widths
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE, on_enter
from kinerja_desktop.ui.monitoring.models import MASALAH_LABEL, BarisUnit, MasalahModel, UnitModel, baris_unit

#: A query slower than this runs in the background (with 15,000 pegawai it takes about 0.3 s).
BATAS_DETIK = 0.1
#: Before anything was measured: this many active pegawai are expected to take longer than that.
BATAS_PEGAWAI = 3000


class MonitoringPage(Page):
    """Counts per unit for a year and period, and below them the pegawai to act on."""

    title = "Monitoring"
    izin = Izin.LIHAT_DATA
    bab_panduan = "realisasi"
    #: The SKP to open (or the pegawai's id when there is no SKP yet); the main window decides how.
    open_skp = Signal(str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.pemuat = MeasuredLoad(ctx.tasks, lambat=None)  # known slow: counted in the background
        self.data: MonitoringData | None = None
        self._unit_diminta: tuple[str | None] | None = None  # the unit to select when the counts arrive
        self.bar = PeriodeBar()
        self.reload_button = QPushButton("Muat ulang", clicked=self.on_reload_button_clicked)
        self.ringkas = QLabel()
        self.unit_model = UnitModel(self)
        self.units = make_table(self.unit_model, sortable=False)
        set_widths(self.units, ("", *["SKP belum disetujui__"] * 5), {0: (1, 260)})
        self.model = MasalahModel(self)
        self.model.sort_column = 2
        self.table = make_table(self.model)
        set_widths(
            self.table,
            ("", "19860926 201505 1 001", "", "SKP belum disetujui__", ""),
            {0: (2, 200), 2: (2, 160), 4: (2, 160)},
            key="monitoring",
        )
        self.judul_daftar = QLabel()
        self.jenis = QComboBox()
        self.jenis.addItem("Semua masalah", "")
        for kode, label in MASALAH_LABEL.items():
            self.jenis.addItem(label, kode)
        self.jenis.setToolTip("Tampilkan hanya pegawai dengan masalah ini")
        self.message = QLabel(wordWrap=True)
        self.error_line = ops.note(lambda text: self.say(text, error=True))
        self._build_layout()
        self.bar.changed.connect(self.on_periode_changed)
        self.units.selectionModel().currentRowChanged.connect(self.on_unit_changed)
        self.jenis.currentIndexChanged.connect(self.on_jenis_changed)
        self.table.doubleClicked.connect(self.on_pegawai_activated)
        on_enter(self.table, self.on_pegawai_activated)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.bar)
        top.addWidget(self.reload_button)
        top.addStretch()
        top.addWidget(self.ringkas)
        lower = QWidget()
        inner = QVBoxLayout(lower)
        inner.setContentsMargins(0, 4, 0, 0)
        judul = QHBoxLayout()
        judul.addWidget(self.judul_daftar, 1)
        judul.addWidget(self.jenis)
        inner.addLayout(judul)
        inner.addWidget(self.table, 1)
        hint = QLabel("Klik dua kali (atau Enter) pada seorang pegawai untuk membuka SKP-nya.")
        hint.setStyleSheet(HINT_STYLE)
        inner.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.units)
        splitter.addWidget(lower)
        splitter.setSizes([300, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    # --- data -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Offer the office's periods (it may have switched rhythm) and count again."""
        if self._offer():
            self.load()

    def tampilkan(self, fokus: Fokus) -> None:
        """Count ``fokus``'s year and period, then select its unit (None: the Jumlah row); ``status`` a
        kind of problem (``tanpa_realisasi``…) lists only those pegawai."""
        if not self._offer():
            return
        self.bar.pilih(fokus.tahun, fokus.periode)
        with QSignalBlocker(self.jenis):
            self.jenis.setCurrentIndex(max(0, self.jenis.findData(fokus.status)))
        self.model.masalah = self.jenis.currentData() or ""
        self._unit_diminta = (fokus.unit_id,)
        self.load()

    def _offer(self) -> bool:
        ukur = self.pemuat.lambat is None

        def pilihan_dan_unit(session: Session, actor: Actor) -> tuple[list[Periode], list[UnitRow]]:
            units = unit_kerja.list_units(session, actor) if ukur else []
            return periode_realisasi(session), units

        dibaca = ops.look(self, pilihan_dan_unit, message=self.error_line)
        if not dibaca:
            return False
        pilihan, units = dibaca.value
        if ukur:
            self.pemuat.lambat = sum(u.jumlah_pegawai for u in units) > BATAS_PEGAWAI
        self.bar.set_periode(pilihan)
        return True

    def load(self) -> None:
        """Count for the chosen year and period: in the background when it is known to be slow."""
        tahun, kode = self.bar.value()
        if not kode:
            return
        self.say("Menghitung…")
        self.pemuat.look(
            self,
            lambda s, a: monitoring(s, a, tahun, kode),
            then=self.on_data_loaded,
            message=self.error_line,
            label="Menghitung monitoring…",
            batas=BATAS_DETIK,
        )

    def on_data_loaded(self, data: MonitoringData) -> None:
        if (data.tahun, data.periode) != self.bar.value():
            return  # the user chose another period meanwhile; its result follows
        self.data = data
        unit = self.selected_unit_row()
        self.unit_model.set_rows(baris_unit(data.units, data.total))
        self.model.load(data.daftar, None)
        if self._unit_diminta is not None:
            (diminta,), self._unit_diminta = self._unit_diminta, None
            self.select_unit(diminta, total=diminta is None)
        else:
            self.select_unit(
                unit.unit_id if unit and not unit.total else None, total=unit is None or unit.total
            )
        t = data.total
        self.ringkas.setText(
            f"{data.periode_label} {data.tahun}: {format_angka(t.pegawai_aktif)} pegawai aktif, "
            f"{format_angka(t.lengkap)} lengkap, {format_angka(len(data.daftar))} perlu ditindaklanjuti"
        )
        self.say("")

    # --- selection --------------------------------------------------------------------------------
    def selected_unit_row(self) -> BarisUnit | None:
        index = self.units.currentIndex()
        return self.unit_model.row_at(index.row()) if index.isValid() else None

    def select_unit(self, unit_id: str | None, *, total: bool = False) -> None:
        """Choose a unit's row (``total``: the Jumlah row, i.e. every unit)."""
        for n, row in enumerate(self.unit_model.rows):
            if (total and row.total) or (not total and not row.total and row.unit_id == unit_id):
                self.units.selectRow(n)
                return

    def on_unit_changed(self) -> None:
        row = self.selected_unit_row()
        if row is None or row.total:
            self.model.show(None)
            where = "semua unit"
        else:
            self.model.show({row.unit_id})
            where = row.data.nama
        self.judul_daftar.setText(
            f"<b>Perlu ditindaklanjuti</b> — {where}: {format_angka(self.model.rowCount())} pegawai"
        )

    def on_jenis_changed(self) -> None:
        self.model.masalah = self.jenis.currentData() or ""
        self.on_unit_changed()

    def on_periode_changed(self) -> None:
        self.load()

    def on_reload_button_clicked(self) -> None:
        self.refresh()

    def on_pegawai_activated(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.row_at(rows[0].row())
        self.open_skp.emit(row.skp_id or row.pegawai_id)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))
