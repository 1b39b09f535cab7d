"""Dialogs of the unit tree: add a sub-unit or change one (name, code, head), and move it elsewhere."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.pegawai import PegawaiRow, StatusAktif
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.unit_kerja import UnitRow
from kinerja_desktop.core.validation.tables import max_length
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import UnsavedGuard
from kinerja_desktop.ui.common.stale import StaleBar
from kinerja_desktop.ui.common.unit_tree import UnitIndex
from kinerja_desktop.ui.common.widgets import FieldNote, PegawaiPicker, with_note
from kinerja_desktop.ui.pegawai.form_jabatan import label_pegawai


class _UnitFormDialog(QDialog):
    """Simpan (or Enter) writes through the service; a refusal appears under its field in red and the
    dialog stays. Batal or Esc after a change asks Simpan / Buang / Batal; subclasses say what the
    form holds (``snapshot``) and call ``guard.mark_clean`` once filled."""

    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent, windowTitle=title, minimumWidth=560)
        self.ctx = ctx
        self.saved_id: str | None = None
        self.form = QFormLayout()
        self.notes: dict[str, FieldNote] = {}
        self.error = FieldNote()
        self.stale = StaleBar()
        self.stale.reload_requested.connect(self.on_stale_reload_requested)
        buttons = QDialogButtonBox(self)
        buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.on_save_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.stale)
        layout.addWidget(buttons)
        self.guard = UnsavedGuard(self.snapshot, "Perubahan unit kerja ini belum disimpan.")

    def snapshot(self) -> object:
        return None

    def reject(self) -> None:
        if self.guard.allows_leave(self, self.on_save_button_clicked):
            super().reject()

    def add_row(self, label: str, kolom: str, field: QWidget) -> None:
        self.notes[kolom] = FieldNote()
        self.form.addRow(label, with_note(field, self.notes[kolom]))

    def write(self, session: Session, actor: Actor) -> str:
        """Save what the dialog shows; the id of the unit saved."""
        raise NotImplementedError

    def unit_id(self) -> str | None:
        """The unit being changed (None while adding one)."""
        return None

    def fill(self, unit: UnitRow) -> None:
        """Show ``unit`` as it is now (after Muat ulang)."""

    def on_stale_reload_requested(self) -> None:
        unit_id = self.unit_id()
        dibaca = ops.look(self, lambda s, a: unit_kerja.list_units(s, a), message=self.error)
        unit = next((u for u in dibaca.value if u.id == unit_id), None) if dibaca else None
        if unit is None:
            self.error.set_error("Unit kerja ini sudah dihapus; tutup jendela ini.")
            return
        self.fill(unit)
        self.guard.mark_clean()

    def on_save_button_clicked(self) -> None:
        for note in (*self.notes.values(), self.error):
            note.clear_note()
        saved = ops.act(self, self.write, notes=self.notes, message=self.error, stale=self.stale)
        if saved:
            self.saved_id = saved.value
            self.accept()


class UnitDialog(_UnitFormDialog):
    """A new sub-unit under ``induk`` (``unit`` None), or a change to ``unit``."""

    def __init__(
        self,
        ctx: UiContext,
        units: UnitIndex,
        rows: list[PegawaiRow],
        *,
        unit: UnitRow | None = None,
        induk: UnitRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        assert unit is not None or induk is not None
        title = f"Ubah unit {unit.nama}" if unit else f"Tambah sub-unit di {induk.nama}"  # type: ignore[union-attr]
        super().__init__(ctx, title, parent)
        self.unit, self.induk, self.units = unit, induk, units
        aktif = [r for r in rows if r.status_aktif == StatusAktif.AKTIF.value]
        inside = units.descendants(unit.id) if unit else set()
        self.staf = [(r.id, label_pegawai(r)) for r in aktif if r.unit_kerja_id in inside]
        self.semua_pegawai = [(r.id, label_pegawai(r)) for r in aktif]
        self.nama = QLineEdit(unit.nama if unit else "", placeholderText="misalnya Seksi Pemerintahan")
        self.kode = QLineEdit(unit.kode if unit else "", placeholderText="boleh kosong, misalnya PLJ.PEM")
        self.nama.setMaxLength(max_length("unit_kerja", "nama"))
        self.kode.setMaxLength(max_length("unit_kerja", "kode"))
        self.kepala = PegawaiPicker(placeholder="boleh kosong; ketik nama atau NIP…")
        self.semua = QCheckBox("Pilih dari semua pegawai aktif (bukan hanya pegawai unit ini)")
        self.semua.setChecked(not self.staf)
        self.semua.toggled.connect(self.on_semua_toggled)
        self.on_semua_toggled()
        if unit is not None and unit.kepala_id:
            self.kepala.set_choices(self.kepala_choices(), {unit.kepala_id: unit.kepala_nama})
            self.kepala.set_value(unit.kepala_id)
        letak = units.path(unit.induk_id) if unit and unit.induk_id else units.path(induk.id) if induk else ""
        self.form.addRow("Di bawah", QLabel(letak or "— (unit teratas)", wordWrap=True))
        self.add_row("Nama unit", "nama", self.nama)
        self.add_row("Kode", "kode", self.kode)
        self.add_row("Kepala unit", "kepala", self.kepala)
        self.form.addRow("", self.semua)
        self.nama.setFocus()
        self.guard.mark_clean()

    def snapshot(self) -> object:
        return (self.nama.text().strip(), self.kode.text().strip(), self.kepala.line.text().strip())

    def unit_id(self) -> str | None:
        return self.unit.id if self.unit else None

    def fill(self, unit: UnitRow) -> None:
        self.unit = unit
        self.nama.setText(unit.nama)
        self.kode.setText(unit.kode)
        self.kepala.set_value(None)
        if unit.kepala_id:
            self.kepala.set_choices(self.kepala_choices(), {unit.kepala_id: unit.kepala_nama})
            self.kepala.set_value(unit.kepala_id)

    def kepala_choices(self) -> list[tuple[str, str]]:
        return self.semua_pegawai if self.semua.isChecked() else self.staf

    def on_semua_toggled(self) -> None:
        current = self.kepala.value()
        self.kepala.set_choices(self.kepala_choices(), dict(self.semua_pegawai))
        if current is not None:
            self.kepala.set_value(current)

    def write(self, session: Session, actor: Actor) -> str:
        if self.kepala.is_unmatched():
            raise ValidationError("Pilih kepala unit dari daftar yang muncul saat mengetik.", kolom="kepala")
        kepala = self.kepala.value()
        if self.unit is None:
            assert self.induk is not None
            return unit_kerja.create_unit(
                session, actor, self.nama.text(), self.induk.id, kode=self.kode.text(), kepala_id=kepala
            )
        unit_kerja.update_unit(
            session,
            actor,
            self.unit.id,
            nama=self.nama.text(),
            kode=self.kode.text(),
            kepala_id=kepala,
            revisi=self.unit.revisi,
        )
        return self.unit.id


class PindahUnitDialog(_UnitFormDialog):
    """Put a unit (with its sub-units) under another open unit; never below itself."""

    def __init__(
        self, ctx: UiContext, units: UnitIndex, unit: UnitRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, f"Pindahkan unit {unit.nama}", parent)
        self.unit = unit
        below = units.descendants(unit.id)
        self.induk = QComboBox(maxVisibleItems=20, minimumContentsLength=30)
        self.induk.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for other, _depth in units.walk():
            if other.aktif and other.id not in below:
                self.induk.addItem(units.path(other.id), other.id)
        self.induk.setCurrentIndex(max(0, self.induk.findData(unit.induk_id)))
        self.form.addRow("Unit", QLabel(f"<b>{unit.nama}</b> beserta sub-unitnya"))
        self.add_row("Pindahkan ke bawah", "induk", self.induk)
        self.induk.setFocus()
        self.guard.mark_clean()

    def snapshot(self) -> object:
        return self.induk.currentData()

    def unit_id(self) -> str | None:
        return self.unit.id

    def fill(self, unit: UnitRow) -> None:
        self.unit = unit
        self.induk.setCurrentIndex(max(0, self.induk.findData(unit.induk_id)))

    def write(self, session: Session, actor: Actor) -> str:
        unit_kerja.move_unit(session, actor, self.unit.id, self.induk.currentData(), revisi=self.unit.revisi)
        return self.unit.id
