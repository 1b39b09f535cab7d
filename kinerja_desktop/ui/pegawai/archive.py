"""Archiving a pegawai (pensiun, mutasi keluar, meninggal, berhenti) and re-homing their subordinates."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.pegawai import PegawaiRow, StatusAktif
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import pegawai
from kinerja_desktop.core.services.pegawai.records import HasilArsip
from kinerja_desktop.core.validation.tables import max_length
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import UnsavedGuard
from kinerja_desktop.ui.common.widgets import HINT_STYLE, DateField, FieldNote, PegawaiPicker, with_note
from kinerja_desktop.ui.pegawai.form_jabatan import label_pegawai
from kinerja_desktop.ui.pegawai.list_model import display_nip


def _buttons(dialog: QDialog, ok: str, cancel: str = "Batal") -> QDialogButtonBox:
    buttons = QDialogButtonBox(dialog)
    buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ArsipDialog(QDialog):
    """Why and since when someone stopped serving; ``hasil`` tells what is left to sort out."""

    def __init__(self, ctx: UiContext, row: PegawaiRow, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle="Nonaktifkan pegawai", minimumWidth=500)
        self.ctx, self.row = ctx, row
        self.hasil: HasilArsip | None = None
        self.status = QComboBox()
        for status in StatusAktif:
            if status is not StatusAktif.AKTIF:
                self.status.addItem(status.label, status.value)
        self.tanggal = DateField(optional=False)
        self.tanggal.set_value(date.today())
        self.alasan = QLineEdit(placeholderText="misalnya nomor SK atau instansi tujuan mutasi")
        self.alasan.setMaxLength(max_length("pegawai", "alasan_nonaktif"))
        self.error = FieldNote()
        form = QFormLayout()
        form.addRow(
            "Pegawai",
            QLabel(f"<b>{row.nama_lengkap}</b><br>NIP {display_nip(row.nip, row.status_kepegawaian)}"),
        )
        form.addRow("Alasan nonaktif", self.status)
        form.addRow("Sejak tanggal", self.tanggal)
        form.addRow("Keterangan", self.alasan)
        note = QLabel(
            "Datanya tetap tersimpan dan bisa diaktifkan kembali. Jabatannya ditutup per tanggal ini.",
            wordWrap=True,
            styleSheet=HINT_STYLE,
        )
        buttons = _buttons(self, "Nonaktifkan")
        buttons.accepted.connect(self.on_deactivate_button_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.status.setFocus()
        self.guard = UnsavedGuard(self.snapshot, "Isian penonaktifan ini belum disimpan.")
        self.guard.mark_clean()

    def snapshot(self) -> object:
        return (self.status.currentData(), self.tanggal.value(), self.alasan.text().strip())

    def reject(self) -> None:
        if self.guard.allows_leave(self, self.on_deactivate_button_clicked):
            super().reject()

    def on_deactivate_button_clicked(self) -> None:
        tanggal = self.tanggal.value() or date.today()
        status, alasan = StatusAktif(self.status.currentData()), self.alasan.text()
        hasil = ops.act(
            self,
            lambda s, a: pegawai.archive_pegawai(
                s, a, self.row.id, status, tanggal, alasan, revisi=self.row.revisi
            ),
            message=self.error,
        )
        if hasil:
            self.hasil = hasil.value
            self.accept()


class GantiAtasanDialog(QDialog):
    """Choose one new superior for everyone who still reports to an archived pegawai."""

    def __init__(
        self,
        ctx: UiContext,
        dari: PegawaiRow,
        bawahan: list[str],
        rows: list[PegawaiRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, windowTitle="Atasan baru untuk bawahan", minimumWidth=560)
        self.ctx, self.dari = ctx, dari
        self.jumlah = 0
        aktif = StatusAktif.AKTIF.value
        bawahan_ids = {r.id for r in rows if r.atasan_id == dari.id}
        choices = [
            (r.id, label_pegawai(r))
            for r in rows
            if r.status_aktif == aktif and r.id != dari.id and r.id not in bawahan_ids
        ]
        self.labels = dict(choices)
        self.atasan = PegawaiPicker()
        self.atasan.set_choices(choices)
        daftar = ", ".join(bawahan[:8]) + (
            f", dan {format_angka(len(bawahan) - 8)} lainnya" if len(bawahan) > 8 else ""
        )
        self.intro = intro = QLabel(
            f"{format_angka(len(bawahan))} pegawai masih tercatat dengan {dari.nama_lengkap} sebagai "
            f"pejabat penilai: {daftar}. Pilih atasan baru untuk mereka.",
            wordWrap=True,
        )
        self.error = FieldNote()
        form = QFormLayout()
        form.addRow("Atasan baru", with_note(self.atasan, self.error))
        buttons = _buttons(self, "Simpan", "Nanti saja")
        buttons.accepted.connect(self.on_save_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.atasan.setFocus()
        self.guard = UnsavedGuard(lambda: self.atasan.line.text().strip(), "Atasan baru belum disimpan.")
        self.guard.mark_clean()

    def reject(self) -> None:
        """Nanti saja, Esc or closing: after choosing someone, asked first."""
        if self.guard.allows_leave(self, self.on_save_button_clicked):
            super().reject()

    @property
    def nama_baru(self) -> str:
        return self.labels.get(self.atasan.value() or "", "").split(" — ")[0]

    def on_save_button_clicked(self) -> None:
        ke = self.atasan.value()
        if ke is None:
            self.error.set_error("Ketik sebagian nama atau NIP atasan baru lalu pilih dari daftar.")
            return
        jumlah = ops.act(
            self, lambda s, a: pegawai.reassign_bawahan(s, a, self.dari.id, ke), message=self.error
        )
        if jumlah:
            self.jumlah = jumlah.value
            self.accept()
