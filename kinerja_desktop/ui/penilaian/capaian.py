"""Setting a unit's capaian kinerja organisasi for a period: five choices and a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.rules.distribusi import CapaianOrganisasi
from kinerja_desktop.core.services.evaluasi.capaian import set_capaian
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import LengthCounter, UnsavedGuard
from kinerja_desktop.ui.common.widgets import HINT_STYLE, FieldNote

PENJELASAN = {
    CapaianOrganisasi.ISTIMEWA: "target rencana aksi/perjanjian kinerja terlampaui",
    CapaianOrganisasi.BAIK: "sebagian besar target tercapai",
    CapaianOrganisasi.BUTUH_PERBAIKAN: "sebagian target belum tercapai",
    CapaianOrganisasi.KURANG: "banyak target tidak tercapai",
    CapaianOrganisasi.SANGAT_KURANG: "sebagian besar rencana aksi tidak menunjukkan kemajuan",
}


class CapaianDialog(QDialog):
    """Saves through ``set_capaian`` on OK; a refused value keeps the dialog open with the reason and
    what was typed, and Batal after a change asks Simpan / Buang / Batal."""

    def __init__(
        self,
        ctx: UiContext,
        unit_id: str,
        unit: str,
        tahun: int,
        kode: str,
        periode: str,
        nilai: str | None = None,
        catatan: str = "",
        parent: QWidget | None = None,
        *,
        revisi: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.unit_id, self.tahun, self.kode = ctx, unit_id, tahun, kode
        self.revisi = revisi  # of the capaian as read, handed back when saving
        self.setWindowTitle("Capaian kinerja organisasi")
        self.group = QButtonGroup(self)
        self.pilihan: dict[CapaianOrganisasi, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{unit}</b> — {periode}"))
        for c in CapaianOrganisasi:
            button = QRadioButton(f"{c.label} — {PENJELASAN[c]}")
            self.group.addButton(button)
            self.pilihan[c] = button
            layout.addWidget(button)
        if nilai:
            self.pilihan[CapaianOrganisasi(nilai)].setChecked(True)
        layout.addWidget(
            QLabel("Catatan (dasar penetapan, mis. capaian rencana aksi atau perjanjian kinerja)")
        )
        self.catatan = QPlainTextEdit(catatan)
        self.catatan.setFixedHeight(80)
        self.catatan.setTabChangesFocus(True)
        self.counter = LengthCounter(self.catatan, Batas.CATATAN_CAPAIAN)
        self.error = FieldNote()
        layout.addWidget(self.catatan)
        layout.addWidget(self.counter)
        hint = QLabel("Pola distribusi predikat pegawai unit ini mengikuti capaian yang dipilih.")
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Simpan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        buttons.accepted.connect(self.on_simpan)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.guard = UnsavedGuard(
            lambda: (self.value(), self.catatan.toPlainText().strip()),
            "Capaian kinerja organisasi ini belum disimpan.",
        )
        self.guard.mark_clean()

    def value(self) -> CapaianOrganisasi | None:
        return next((c for c, b in self.pilihan.items() if b.isChecked()), None)

    def on_simpan(self) -> None:
        self.error.clear_note()
        nilai = self.value()
        if nilai is None:
            self.error.set_error("Pilih salah satu capaian kinerja organisasi, lalu tekan Simpan.")
            return
        unit_id, tahun, kode, catatan = self.unit_id, self.tahun, self.kode, self.catatan.toPlainText()
        if ops.act(
            self,
            lambda s, a: set_capaian(s, a, unit_id, tahun, kode, nilai.value, catatan, revisi=self.revisi),
            message=self.error,
        ):
            self.accept()

    def reject(self) -> None:
        if self.guard.allows_leave(self, self.on_simpan):
            super().reject()
