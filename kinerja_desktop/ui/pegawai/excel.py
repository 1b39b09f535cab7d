"""The Excel menu of the Pegawai page: export what is shown, the blank template, and import with a preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.exchange.roster import (
    Aksi,
    ApplyResult,
    BarisRencana,
    RosterPlan,
    apply_import,
    export_roster,
    plan_import,
    write_template,
)
from kinerja_desktop.core.model.pegawai import PegawaiRow
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import show_info
from kinerja_desktop.ui.common.screen import fit_to_screen
from kinerja_desktop.ui.common.table import Column, RowTableModel, make_table, set_widths

XLSX = "Buku kerja Excel (*.xlsx)"


def _rincian(b: BarisRencana) -> str:
    if b.galat:
        return "; ".join(g.teks() for g in b.galat)
    parts = [p.teks() for p in b.perubahan] + [f"Peringatan: {g.pesan}" for g in b.peringatan]
    return "; ".join(parts)


class RencanaModel(RowTableModel):
    """Rows of an import plan: what happens to each, and why."""

    columns = (
        Column("Baris", lambda b: str(b.baris), key=lambda b: b.baris, right=True),
        Column("NIP", lambda b: b.nip),
        Column("Nama", lambda b: b.nama),
        Column("Tindakan", lambda b: b.aksi.label),
        Column("Rincian", _rincian),
    )


class PratinjauImpor(QDialog):
    """The plan before anything is written: counts, new units, every row with its changes or errors."""

    def __init__(self, plan: RosterPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Pratinjau impor — {plan.berkas.name}")
        fit_to_screen(self, 1000, 620)
        ringkas = QLabel(plan.ringkasan() + ".", wordWrap=True)
        ringkas.setObjectName("ringkasan")
        if plan.ok:
            keadaan = "Berkas siap diimpor. Data saat ini dicadangkan dulu secara otomatis."
            if not plan.ada_perubahan:
                keadaan = "Tidak ada yang berubah: isi berkas sama dengan data yang ada."
            self.keadaan = QLabel(keadaan, wordWrap=True)
        else:
            self.keadaan = QLabel(
                f"Ada {format_angka(len(plan.galat))} kesalahan. Tidak ada yang diimpor sampai "
                "semua kesalahan diperbaiki "
                "di berkas Excel; perbaiki sel yang disebut, simpan, lalu impor lagi.",
                wordWrap=True,
            )
            self.keadaan.setStyleSheet("color: #b00020;")
        self.model = RencanaModel(self)
        self.only_notable = QCheckBox("Hanya baris yang berubah atau bermasalah", checked=True)
        self.only_notable.toggled.connect(self.on_filter_toggled)
        self.table = make_table(self.model)
        set_widths(
            self.table, ("99999", "19860926 201505 1 001", "", "Tetap sama", ""), {2: (1, 160), 4: (3, 300)}
        )
        self.detail = QPlainTextEdit(
            readOnly=True, placeholderText="Pilih satu baris untuk melihat rinciannya."
        )
        self.detail.setMaximumHeight(110)
        self.table.selectionModel().currentRowChanged.connect(self.on_row_changed)
        units = QPlainTextEdit("\n".join(plan.unit_baru), readOnly=True)
        units.setMaximumHeight(90)
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton("Impor sekarang", enabled=plan.ok and plan.ada_perubahan)
        self.apply_button.setObjectName("impor")
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        save = buttons.addButton("Simpan laporan…", QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.on_save_report_clicked)
        buttons.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (ringkas, self.keadaan, self.only_notable, self.table, self.detail):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        if plan.unit_baru:
            layout.addWidget(QLabel(f"Unit kerja yang akan dibuat ({format_angka(len(plan.unit_baru))}):"))
            layout.addWidget(units)
        layout.addWidget(buttons)
        self.on_filter_toggled(True)

    def on_filter_toggled(self, only: bool) -> None:
        rows = [b for b in self.plan.baris if not only or b.aksi is not Aksi.SAMA or b.peringatan]
        rows.sort(key=lambda b: (not b.galat, b.baris))  # what must be fixed comes first
        self.model.set_rows(rows)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        b: BarisRencana = self.model.rows[current.row()]
        lines = [f"{b.judul} — {b.aksi.label}"]
        lines += [f"• {g.teks()}" for g in b.galat]
        lines += [f"• {p.teks()}" for p in b.perubahan]
        lines += [f"• Peringatan: {g.teks()}" for g in b.peringatan]
        self.detail.setPlainText("\n".join(lines))

    def on_save_report_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Simpan laporan", "laporan-impor.txt", "Teks (*.txt)")
        if name:
            Path(name).write_text("\n".join(self.plan.lines()) + "\n", encoding="utf-8")


class ExcelPegawai:
    """Builds the "Excel" menu and runs its actions for a page that shows ``rows()``."""

    def __init__(
        self, ctx: UiContext, parent: QWidget, rows: Callable[[], list[PegawaiRow]], done: Callable[[], None]
    ):
        self.ctx, self.parent, self.rows, self.done = ctx, parent, rows, done

    def menu(self) -> QMenu:
        menu = QMenu(self.parent)
        menu.addAction("Ekspor daftar yang tampil…", self.on_export_triggered)
        menu.addAction("Unduh templat kosong…", self.on_template_triggered)
        impor = menu.addAction("Impor dari Excel…", self.on_import_triggered)
        impor.setEnabled(self.ctx.actor.can(Izin.KELOLA_PEGAWAI))
        return menu

    def _save_name(self, title: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, XLSX)
        if not name:
            return None
        return Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def on_export_triggered(self) -> None:
        path = self._save_name("Ekspor daftar pegawai", "daftar-pegawai.xlsx")
        if path is None:
            return
        rows = list(self.rows())
        ops.act(
            self.parent,
            lambda s, a: export_roster(s, a, path, rows),
            ctx=self.ctx,
            then=lambda n: show_info(
                self.parent, f"{format_angka(n)} pegawai diekspor ke {path.name}.", str(path)
            ),
            background="Mengekspor daftar pegawai…",
        )

    def on_template_triggered(self) -> None:
        path = self._save_name("Simpan templat", "templat-pegawai.xlsx")
        if path is None:
            return
        ops.look(
            self.parent,
            lambda s, a: write_template(s, a, path),
            ctx=self.ctx,
            then=lambda _: show_info(self.parent, f"Templat disimpan: {path.name}.", str(path)),
            background="Sedang memproses…",
        )

    def on_import_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.parent, "Impor daftar pegawai", "", XLSX)
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Plan in the background, show the preview, and apply when the user confirms."""
        ops.look(
            self.parent,
            lambda s, a: plan_import(s, a, path, progress=ops.progress),
            ctx=self.ctx,
            then=self.show_plan,
            background=f"Memeriksa {path.name}…",
        )

    def show_plan(self, plan: RosterPlan) -> None:
        accepted = PratinjauImpor(plan, self.parent).exec() == QDialog.DialogCode.Accepted
        if not (accepted and plan.ok and plan.ada_perubahan):
            return

        def finished(result: ApplyResult) -> None:
            self.done()
            show_info(self.parent, result.lines()[0], "\n".join(result.lines()[1:]))

        # apply_import backs the database up first, then opens its own transaction: attempt, not act.
        ops.attempt(
            self.parent,
            lambda: apply_import(self.ctx.workspace, self.ctx.actor, plan, progress=ops.progress),
            ctx=self.ctx,
            then=finished,
            background="Mengimpor daftar pegawai…",
        )
