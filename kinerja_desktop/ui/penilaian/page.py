"""Penilaian Kinerja page: a unit's pegawai for a period, rated by keyboard, the distribution beside."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPushButton,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import DataBerubah
from kinerja_desktop.core.model.evaluasi import BarisEvaluasi, CapaianRow, DistribusiUnit
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.services import evaluasi, unit_kerja
from kinerja_desktop.core.services.access import Actor, Izin
from kinerja_desktop.core.services.evaluasi import unit as evaluasi_unit
from kinerja_desktop.core.services.evaluasi.access import periode_evaluasi
from kinerja_desktop.core.services.unit_kerja import UnitRow
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Fokus, Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import show_error, show_info
from kinerja_desktop.ui.common.measured_load import MeasuredLoad
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE, WARNING_STYLE, on_enter
from kinerja_desktop.ui.penilaian import rating_keys as entri
from kinerja_desktop.ui.penilaian.capaian import CapaianDialog
from kinerja_desktop.ui.penilaian.distribusi import DistribusiPanel
from kinerja_desktop.ui.penilaian.finalise import finalise_rows
from kinerja_desktop.ui.penilaian.grid import (
    KOLOM_HASIL,
    KOLOM_PERILAKU,
    PenilaianModel,
    make_grid_view,
    ringkasan,
)
from kinerja_desktop.ui.penilaian.layout import baris, berdampingan, stack
from kinerja_desktop.ui.penilaian.selection import Bacaan, PilihanBar, read_selection
from kinerja_desktop.ui.printing.menu import Pilihan as PilihanCetak
from kinerja_desktop.ui.printing.menu import pilihan_grid, tombol_evaluasi

#: A read slower than this runs in the background next time (15,000 pegawai at once take about 1 s).
BATAS_DETIK = 0.3
_PILIH = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class PenilaianPage(Page):
    """The pejabat penilai's grid: rate, watch the distribution, finalise, see who is still missing."""

    title = "Penilaian Kinerja"
    izin = Izin.LIHAT_DATA
    bab_panduan = "penilaian"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.dist: DistribusiUnit | None = None
        self.capaian: CapaianRow | None = None
        self.loader = MeasuredLoad(ctx.tasks)  # a read measured slow runs in the background next time
        self.pilihan = PilihanBar(ctx.actor)
        self.belum_final = QCheckBox("Hanya yang belum final")
        self.belum_final.setToolTip("Hanya pegawai yang evaluasinya belum final: siapa yang masih kurang")
        self.belum_dinilai = QCheckBox("Hanya yang belum dinilai")
        self.belum_dinilai.setToolTip("Hanya pegawai dengan SKP disetujui yang evaluasinya belum dimulai")
        self.reload_button = QPushButton("Muat ulang", clicked=self.on_reload_button_clicked)
        self.model = PenilaianModel(self)
        self.table = make_grid_view(self.model)
        self.ringkas = QLabel()
        self.panel = DistribusiPanel()
        boleh = ctx.actor.can(Izin.NILAI_KINERJA)
        self.finalise_selected_button = QPushButton(
            "Finalkan terpilih…", clicked=self.on_finalise_selected_button_clicked
        )
        self.finalise_all_button = QPushButton(
            "Finalkan semua yang siap…", clicked=self.on_finalise_all_button_clicked
        )
        self.boleh_nilai = boleh
        for button in (self.finalise_selected_button, self.finalise_all_button):
            button.setEnabled(boleh)
            button.setVisible(boleh)  # an account that only looks is not shown what it may not do
        self.open_button = QPushButton("Buka formulir…", clicked=self.on_open_button_clicked)
        self.print_button = tombol_evaluasi(ctx, self, self.print_choice)
        self.message = QLabel(wordWrap=True)
        self._build_layout()
        self._shortcuts = entri.install_rating_keys(self.table, self.on_rating_key)
        self.pilihan.changed.connect(self.on_pilihan_changed)
        self.belum_final.toggled.connect(self.on_belum_final_toggled)
        self.belum_dinilai.toggled.connect(self.on_belum_dinilai_toggled)
        self.panel.ubah_capaian.connect(self.on_capaian_clicked)
        self.table.doubleClicked.connect(self.on_open_button_clicked)
        on_enter(self.table, self.on_open_button_clicked)
        self.table.customContextMenuRequested.connect(self.on_context_menu)
        self.table.selectionModel().currentChanged.connect(self.on_current_changed)

    def _build_layout(self) -> None:
        hint = QLabel(entri.PETUNJUK if self.boleh_nilai else entri.PETUNJUK_LIHAT, wordWrap=True)
        hint.setStyleSheet(HINT_STYLE)
        kiri = stack(
            baris(self.pilihan.bawahan, self.belum_dinilai, self.belum_final),
            self.table,
            self.ringkas,
            baris(
                self.open_button, self.finalise_selected_button, self.finalise_all_button, self.print_button
            ),
            hint,
            isi=self.table,
        )
        atas = baris(self.pilihan, ujung=self.reload_button)
        splitter = berdampingan(kiri, self.panel)
        self.setLayout(stack(atas, splitter, self.message, isi=splitter, margin=True))

    # --- data -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Offer the open units and the evaluation periods, then load the grid."""
        if self._offer():
            self.load()

    def tampilkan(self, fokus: Fokus) -> None:
        """The unit (None: the whole office, sub-units included), year and period of ``fokus``, only the
        account's own staff when asked, and only those not rated (``belum``) or not final (``draf``)."""
        if not self._offer():
            return
        unit_id = fokus.unit_id or self.pilihan.unit.itemData(0)
        self.pilihan.select(unit_id, fokus.tahun, fokus.periode)
        for box, checked in (
            (self.pilihan.sub_unit, True),
            (self.pilihan.bawahan, fokus.hanya_bawahan and self.pilihan.punya_bawahan),
            (self.belum_dinilai, fokus.status == "belum"),
            (self.belum_final, fokus.status == "draf"),
        ):
            with QSignalBlocker(box):
                box.setChecked(checked)
        self.model.hanya_belum_dinilai = self.belum_dinilai.isChecked()
        self.model.hanya_belum_final = self.belum_final.isChecked()
        self.load()

    def _offer(self) -> bool:
        dibaca = ops.look(self, _pilihan_halaman, message=self)
        if not dibaca:
            return False
        units, pilihan = dibaca.value
        self.pilihan.blockSignals(True)
        self.pilihan.set_units(units)
        self.pilihan.set_periode(pilihan)
        self.pilihan.blockSignals(False)
        return True

    def show_unit(self, unit_id: str, tahun: int, kode: str) -> None:
        """Show one unit in a year and period (e.g. from another page or a benchmark)."""
        self.pilihan.select(unit_id, tahun, kode)
        self.load()

    def load(self, keep: str | None = None) -> None:
        """Read grid, distribution and capaian in one read; keep the selection and the scroll position.

        ``keep`` is the pegawai to make current (by default the current one). A read measured slow
        (the whole office of a large kantor) runs in the background from then on.
        """
        p = self.pilihan.value()
        if not p.unit_id or not p.kode:
            return
        current = self.table.currentIndex()
        if keep is None and current.isValid():
            keep = self.model.row_at(current.row()).pegawai_id
        tetap = (keep, {r.pegawai_id for r in self.rows_terpilih()}, max(current.column(), 0))

        def done(data: Bacaan) -> None:
            if p == self.pilihan.value():  # else another choice was made meanwhile
                self.show_data(data, *tetap)

        self.loader.look(
            self,
            lambda s, a: read_selection(s, a, p),
            then=done,
            message=self,
            label="Memuat data penilaian…",
            batas=BATAS_DETIK,
        )

    def show_data(self, data: Bacaan, keep: str | None, selected: set[str], column: int) -> None:
        rows, self.dist, self.capaian = data
        tahun, scroll = self.pilihan.value().tahun, self.table.verticalScrollBar().value()
        self.model.load(rows)
        self.table.verticalScrollBar().setValue(scroll)
        self._restore(keep, selected, column)
        self.panel.show_data(self.dist, self.capaian, f"{self.pilihan.periode.label()} {tahun}")
        self.ringkas.setText(ringkasan(rows))

    def _restore(self, keep: str | None, selected: set[str], column: int) -> None:
        model, sel = self.model, self.table.selectionModel()
        row = model.row_of(keep) if keep else -1
        if row < 0:
            self.on_current_changed()
            return
        sel.setCurrentIndex(model.index(row, column), _PILIH)
        for pid in selected - {keep}:
            other = model.row_of(pid)
            if other >= 0:
                sel.select(model.index(other, 0), _PILIH & ~QItemSelectionModel.SelectionFlag.Clear)
        self.table.scrollTo(model.index(row, column))

    def rows_terpilih(self) -> list[BarisEvaluasi]:
        return [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def baris_kini(self) -> BarisEvaluasi | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def print_choice(self) -> PilihanCetak:
        """The current row for Cetak; with a filter on, the unit's batch keeps to the rows listed."""
        p = self.pilihan.value()
        tersaring = p.bawahan or self.model.hanya_belum_final or self.model.hanya_belum_dinilai
        return pilihan_grid(self.baris_kini(), p, self.model.rows if tersaring else None)

    # --- rating entry -----------------------------------------------------------------------------
    def on_rating_key(self, angka: int) -> None:
        index = self.table.currentIndex()
        kolom = index.column() if index.column() in (KOLOM_HASIL, KOLOM_PERILAKU) else KOLOM_HASIL
        self.give_rating(kolom, angka)

    def give_rating(self, kolom: int, angka: int) -> None:
        """Store ``angka`` (3/2/1, 0 clears) in ``kolom`` of the current row and move on like a form."""
        row = self.baris_kini()
        if row is None:
            self.say("Pilih dulu baris pegawai yang akan dinilai.", error=True)
            return
        if not row.boleh_nilai or row.skp_id is None:
            self.say(f"{row.nama}: {row.alasan_terkunci}", error=True)
            return
        skp_id, kode = row.skp_id, self.pilihan.value().kode
        jenis, rating = entri.jenis_rating(kolom), entri.rating_angka(angka)
        if not ops.act(
            self,
            lambda s, a: evaluasi.rate_evaluasi(s, a, skp_id, kode, jenis, rating, revisi=row.revisi),
            message=_PesanBaris(self, row.nama),
            failed=lambda e: self.refresh_row(row) if isinstance(e, DataBerubah) else None,
        ):
            return
        self.refresh_row(row)
        n = self.model.row_of(row.pegawai_id)
        if angka and kolom == KOLOM_HASIL:
            kolom = KOLOM_PERILAKU
        elif angka:
            n, kolom = min(n + 1, self.model.rowCount() - 1), KOLOM_HASIL
        geser = self.table.horizontalScrollBar().value()
        self.table.selectionModel().setCurrentIndex(self.model.index(n, kolom), _PILIH)
        self.table.horizontalScrollBar().setValue(geser)  # down to the next pegawai, names kept in view
        if angka and not row.ada_realisasi:
            self.say(
                f"Rating {row.nama} tersimpan. Perhatian: {row.nama} belum melaporkan realisasi untuk "
                "periode ini; pastikan rating ini punya dasar (laporan atau bukti lain) dan tuliskan di "
                "catatan.",
                warning=True,
            )
            return
        self.say(f"Rating {row.nama} tersimpan.")

    def refresh_row(self, row: BarisEvaluasi) -> None:
        """Read the rated row and the distribution again (not the whole grid: fast for 15,000 rows)."""
        p = self.pilihan.value()

        def work(session: Session, actor: Actor) -> tuple[BarisEvaluasi | None, DistribusiUnit]:
            baru = entri.baris_terbaru(session, actor, row, p.tahun, p.kode)
            return baru, evaluasi_unit.distribusi_unit(session, actor, p.unit_id or "", p.tahun, p.kode)

        dibaca = ops.look(self, work, message=self)
        baru = dibaca.value[0] if dibaca else None
        if not dibaca or baru is None:
            self.load(row.pegawai_id)
            return
        self.dist = dibaca.value[1]
        self.model.replace(baru)
        self.panel.show_data(self.dist, self.capaian, f"{self.pilihan.periode.label()} {p.tahun}")
        self.ringkas.setText(ringkasan(self.model.semua))

    def on_current_changed(self) -> None:
        row = self.baris_kini()
        alasan = row.alasan_terkunci if row else ""
        self.say(f"{row.nama}: {alasan}" if row and alasan else "")

    def on_context_menu(self, pos: QPoint) -> None:
        menu = entri.menu_rating(
            self.table, pos, self.give_rating, self.on_open_button_clicked, boleh_nilai=self.boleh_nilai
        )
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))

    # --- actions ----------------------------------------------------------------------------------
    def on_open_button_clicked(self) -> None:
        """Open the evaluation form of the current pegawai; read the grid again when it closes."""
        row = self.baris_kini()
        if row is None:
            return
        if row.skp_id is None:
            self.say(f"{row.nama}: {row.alasan_terkunci}", error=True)
            return
        from kinerja_desktop.ui.penilaian.form import EvaluasiDialog

        EvaluasiDialog(self.ctx, row.skp_id, self.pilihan.value().kode, self).exec()
        self.load()

    def on_finalise_selected_button_clicked(self) -> None:
        rows = self.rows_terpilih()
        if not rows:
            show_error(self, "Pilih dulu baris yang akan difinalkan (Ctrl atau Shift + klik untuk beberapa).")
            return
        self.finalise_rows(rows, terpilih=True)

    def on_finalise_all_button_clicked(self) -> None:
        self.finalise_rows(list(self.model.rows), terpilih=False)

    def finalise_rows(self, rows: list[BarisEvaluasi], *, terpilih: bool) -> None:
        """Finalise the ready rows (findings acknowledged first); report who was not and why."""
        hasil = finalise_rows(self, rows, terpilih=terpilih)
        if hasil is None:
            return
        self.load()
        self.say(hasil.teks())
        show_info(self, hasil.teks(), hasil.rincian())

    def on_capaian_clicked(self) -> None:
        p, dist, row = self.pilihan.value(), self.dist, self.capaian
        if dist is None or p.unit_id is None:
            return
        dialog = CapaianDialog(
            self.ctx,
            dist.unit_id,
            dist.unit,
            p.tahun,
            p.kode,
            f"{self.pilihan.periode.label()} {p.tahun}",
            dist.capaian,
            row.catatan if row else "",
            self,
            revisi=row.revisi if row else None,
        )
        if dialog.exec():
            self.load()

    def on_pilihan_changed(self) -> None:
        self.load()

    def on_belum_final_toggled(self, checked: bool) -> None:
        """Filter what was read (no new query); the current pegawai stays current when still shown."""
        keep = self.baris_kini()
        self.model.hanya_belum_final = checked
        self.model.show()
        self._restore(keep.pegawai_id if keep else None, set(), max(self.table.currentIndex().column(), 0))

    def on_belum_dinilai_toggled(self, checked: bool) -> None:
        keep = self.baris_kini()
        self.model.hanya_belum_dinilai = checked
        self.model.show()
        self._restore(keep.pegawai_id if keep else None, set(), max(self.table.currentIndex().column(), 0))

    def on_reload_button_clicked(self) -> None:
        self.refresh()

    def say(self, text: str, *, error: bool = False, warning: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else WARNING_STYLE if warning else HINT_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_error(self, text: str) -> None:
        """A refused read or action in the message line (``ops`` shows known errors here)."""
        self.say(text, error=True)


class _PesanBaris:
    """A refusal about one pegawai's row, in the page's message line after the name."""

    def __init__(self, page: PenilaianPage, nama: str) -> None:
        self.page, self.nama = page, nama

    def set_error(self, text: str) -> None:
        self.page.say(f"{self.nama}: {' '.join(text.splitlines())}", error=True)


def _pilihan_halaman(session: Session, actor: Actor) -> tuple[list[UnitRow], list[Periode]]:
    """The open units and the office's evaluation periods, offered above the grid."""
    return unit_kerja.list_units(session, actor, termasuk_ditutup=False), periode_evaluasi(session)
