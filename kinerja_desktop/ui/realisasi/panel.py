"""The two panels under the grid for the chosen RHK and period: rencana aksi and bukti dukung."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.services import bukti, realisasi
from kinerja_desktop.core.services.bukti import BuktiRow, JenisBukti, StatusBerkas
from kinerja_desktop.core.services.realisasi import RencanaAksiRow
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.bukti_daftar import MERAH as MERAH
from kinerja_desktop.ui.common.bukti_daftar import BuktiModel, describe_bukti
from kinerja_desktop.ui.common.bukti_viewer import BuktiDialog, buka_tautan
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_yes_no, show_info
from kinerja_desktop.ui.common.forms import TeksDialog
from kinerja_desktop.ui.common.table import Column, RowTableModel, make_table
from kinerja_desktop.ui.common.widgets import on_enter


@dataclass(frozen=True)
class Sasaran:
    """What the panels work on: an RHK in a period, and whether this account may change it."""

    rhk_id: str
    rhk_label: str
    periode: str
    periode_label: str
    editable: bool


class AksiModel(RowTableModel):
    columns = (Column("Rencana aksi", lambda r: f"{r.urutan}. {r.teks}"),)


class _Panel(QGroupBox):
    """A titled list with buttons; ``changed`` fires after something was saved."""

    changed = Signal()

    def __init__(self, ctx: UiContext, title: str, model: RowTableModel) -> None:
        super().__init__(title)
        self.ctx, self.judul = ctx, title
        self.sasaran: Sasaran | None = None
        self.model = model
        self.table = make_table(model, sortable=False)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)

    def button(self, text: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
        b: QPushButton = QPushButton(text, clicked=slot, toolTip=tip)
        self.buttons.addWidget(b)
        return b

    def selected(self) -> object | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def on_selection_changed(self) -> None:
        self.update_buttons()

    def update_buttons(self) -> None:
        raise NotImplementedError


def aksi_dialog(parent: QWidget, judul: str, label: str, teks: str = "") -> TeksDialog:
    """The dialog of one rencana aksi, with the characters it has left."""
    return TeksDialog(
        parent,
        judul,
        label,
        teks,
        wajib="Tuliskan rencana aksinya.",
        maks=Batas.RENCANA_AKSI,
        lines=6,
    )


class AksiPanel(_Panel):
    """Rencana aksi of the RHK in the period: add, edit, delete."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, "Rencana aksi", AksiModel())
        self.model.setParent(self)
        self.table.horizontalHeader().hide()
        self.add_button = self.button("Tambah…", self.on_add_button_clicked)
        self.edit_button = self.button("Ubah…", self.on_edit_button_clicked)
        self.delete_button = self.button("Hapus", self.on_delete_button_clicked)
        self.buttons.addStretch()
        self.table.doubleClicked.connect(self.on_edit_button_clicked)
        self.update_buttons()

    def show_rows(self, sasaran: Sasaran | None, rows: list[RencanaAksiRow]) -> None:
        self.sasaran = sasaran
        self.model.set_rows(rows)
        self.setTitle(f"Rencana aksi {sasaran.periode_label}" if sasaran else "Rencana aksi")
        self.update_buttons()

    def update_buttons(self) -> None:
        editable = self.sasaran is not None and self.sasaran.editable
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and self.selected() is not None)
        self.delete_button.setEnabled(editable and self.selected() is not None)

    def on_add_button_clicked(self) -> None:
        sasaran = self.sasaran
        if sasaran is None or not sasaran.editable:
            return
        label = f"Rencana aksi {sasaran.periode_label} untuk:\n{sasaran.rhk_label}"
        dialog = aksi_dialog(self, "Tambah rencana aksi", label)
        rhk_id, periode = sasaran.rhk_id, sasaran.periode
        dialog.write_with(
            lambda: ops.act(
                dialog,
                lambda s, a: realisasi.add_rencana_aksi(s, a, rhk_id, periode, dialog.value()),
                message=dialog.message,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed.emit()

    def on_edit_button_clicked(self) -> None:
        row = self.selected()
        if not isinstance(row, RencanaAksiRow) or self.sasaran is None or not self.sasaran.editable:
            return
        dialog = aksi_dialog(self, "Ubah rencana aksi", "Rencana aksi:", row.teks)
        dialog.write_with(
            lambda: ops.act(
                dialog,
                lambda s, a: realisasi.update_rencana_aksi(s, a, row.id, dialog.value(), revisi=row.revisi),
                message=dialog.message,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed.emit()

    def on_delete_button_clicked(self) -> None:
        row = self.selected()
        if not isinstance(row, RencanaAksiRow) or not ask_yes_no(self, "Hapus rencana aksi ini?", row.teks):
            return
        if ops.act(
            self,
            lambda s, a: realisasi.delete_rencana_aksi(s, a, row.id, revisi=row.revisi),
            failed=lambda _e: self.changed.emit(),  # the list as stored now, beside the refusal
        ):
            self.changed.emit()


class BuktiPanel(_Panel):
    """Bukti dukung of the RHK in the period: notes, links and files; a missing file is said, not fatal."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, "Bukti dukung", BuktiModel())
        self.model.setParent(self)
        self.catatan = self.button("Tambah catatan…", self.on_catatan_clicked)
        self.tautan = self.button("Tambah tautan…", self.on_tautan_clicked)
        self.berkas = self.button(
            "Lampirkan berkas…",
            self.on_berkas_clicked,
            "Salinan berkas disimpan oleh aplikasi (di kantor pusat dengan server: di server, "
            "sehingga terbuka dari komputer mana pun).",
        )
        self.buttons.addStretch()
        self.open_button = self.button("Buka", self.on_open_button_clicked)
        self.save_button = self.button(
            "Simpan sebagai…",
            self.on_save_button_clicked,
            "Simpan salinan berkas ini ke folder pilihan Anda.",
        )
        self.delete_button = self.button("Hapus", self.on_delete_button_clicked)
        self.table.doubleClicked.connect(self.on_open_button_clicked)
        on_enter(self.table, self.on_open_button_clicked)
        self.lihat: BuktiDialog | None = None  # images and PDFs open here, in the app
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 80)
        self.table.setColumnWidth(2, 120)
        self.update_buttons()

    @property
    def evidence(self) -> Path:
        return self.ctx.workspace.paths.evidence

    def show_for(self, sasaran: Sasaran | None) -> None:
        """List the evidence of ``sasaran`` (checking that each stored file is still there)."""
        self.sasaran = sasaran
        rows: list[BuktiRow] = []
        if sasaran is not None:
            dibaca = ops.look(
                self, lambda s, a: bukti.list_bukti(s, a, sasaran.rhk_id, sasaran.periode, self.evidence)
            )
            rows = dibaca.value if dibaca else []
        self.model.set_rows(rows)
        hilang = sum(1 for r in rows if r.status_berkas and r.status_berkas != StatusBerkas.ADA)
        judul = f"Bukti dukung {sasaran.periode_label} ({len(rows)})" if sasaran else "Bukti dukung"
        self.setTitle(judul + (f" — {hilang} berkas bermasalah" if hilang else ""))
        self.update_buttons()

    def update_buttons(self) -> None:
        editable = self.sasaran is not None and self.sasaran.editable
        for b in (self.catatan, self.tautan, self.berkas):
            b.setEnabled(editable)
        self.open_button.setEnabled(self.selected() is not None)
        terpilih = self.selected()
        self.save_button.setEnabled(isinstance(terpilih, BuktiRow) and terpilih.jenis == JenisBukti.BERKAS)
        self.delete_button.setEnabled(editable and self.selected() is not None)

    def _after_change(self) -> None:
        self.show_for(self.sasaran)
        self.changed.emit()

    def on_catatan_clicked(self) -> None:
        sasaran = self.sasaran
        if sasaran is None or not sasaran.editable:
            return
        dialog = TeksDialog(
            self,
            "Tambah catatan",
            f"Catatan bukti dukung untuk:\n{sasaran.rhk_label}",
            wajib="Tuliskan catatan bukti dukung.",
            maks=Batas.KETERANGAN_BUKTI,
            lines=6,
        )
        dialog.write_with(
            lambda: ops.act(
                dialog,
                lambda s, a: bukti.add_catatan(s, a, sasaran.rhk_id, sasaran.periode, dialog.value()),
                message=dialog.message,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change()

    def on_tautan_clicked(self) -> None:
        sasaran = self.sasaran
        if sasaran is None or not sasaran.editable:
            return
        dialog = TeksDialog(
            self,
            "Tambah tautan",
            "Alamat web bukti dukung (diawali https://):",
            wajib="Tuliskan alamat web bukti dukung, diawali https://.",
            maks=Batas.TAUTAN,
            lines=2,
        )
        dialog.write_with(
            lambda: ops.act(
                dialog,
                lambda s, a: bukti.add_tautan(s, a, sasaran.rhk_id, sasaran.periode, dialog.value()),
                message=dialog.message,
            )
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change()

    def on_berkas_clicked(self) -> None:
        sasaran = self.sasaran
        if sasaran is None or not sasaran.editable:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "Lampirkan berkas bukti dukung", str(Path.home()), "Semua berkas (*)"
        )
        if name and ops.act(
            self,
            lambda s, a: bukti.add_berkas(s, a, sasaran.rhk_id, sasaran.periode, Path(name), self.evidence),
        ):
            self._after_change()

    def on_open_button_clicked(self) -> None:
        row = self.selected()
        if not isinstance(row, BuktiRow):
            return
        if row.jenis == JenisBukti.CATATAN:
            show_info(self, "Catatan bukti dukung", row.keterangan)
            return
        if row.jenis == JenisBukti.TAUTAN:
            buka_tautan(self, row.tautan)
            return
        if self.lihat is None:
            self.lihat = BuktiDialog(self)
            # A file found missing: the status column says so too.
            self.lihat.viewer.gagal.connect(lambda: self.show_for(self.sasaran))
        self.lihat.show_bukti(row)

    def on_save_button_clicked(self) -> None:
        row = self.selected()
        if not isinstance(row, BuktiRow) or row.jenis != JenisBukti.BERKAS:
            return
        saran = str(Path.home() / (Path(row.nama_berkas).name or "bukti-dukung"))
        name, _ = QFileDialog.getSaveFileName(self, "Simpan berkas bukti dukung", saran, "Semua berkas (*)")
        if not name:
            return
        dibaca = ops.look(
            self,
            lambda s, a: bukti.simpan_berkas(s, a, row.id, self.evidence, Path(name)),
            failed=lambda _e: self.show_for(self.sasaran),
        )
        if dibaca:
            show_info(self, f"Berkas {row.nama_berkas} sudah disimpan.", f"Tersimpan sebagai {name}")

    def on_delete_button_clicked(self) -> None:
        row = self.selected()
        if not isinstance(row, BuktiRow) or not ask_yes_no(
            self, "Hapus bukti dukung ini?", describe_bukti(row)
        ):
            return
        if ops.act(
            self,
            lambda s, a: bukti.delete_bukti(s, a, row.id, self.evidence, revisi=row.revisi),
            failed=lambda _e: self._after_change(),  # the list as stored now, beside the refusal
        ):
            self._after_change()
