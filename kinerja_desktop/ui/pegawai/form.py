"""The pegawai form: create, edit or view one pegawai in tabs, with every problem shown inline."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from kinerja_desktop.core.model.pegawai import Masalah, PegawaiDetail, PegawaiInput, PegawaiRow, StatusAktif
from kinerja_desktop.core.rules.nip import normalize_nip
from kinerja_desktop.core.services import pegawai, unit_kerja
from kinerja_desktop.core.services.access import Actor, Izin
from kinerja_desktop.core.services.unit_kerja import UnitRow
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_save_discard, ask_yes_no
from kinerja_desktop.ui.common.stale import StaleBar
from kinerja_desktop.ui.common.table import tanggal_pendek
from kinerja_desktop.ui.common.unit_tree import UnitIndex
from kinerja_desktop.ui.common.widgets import WARNING_STYLE, FieldNote
from kinerja_desktop.ui.pegawai.form_identitas import IdentitasTab, KontakTab
from kinerja_desktop.ui.pegawai.form_jabatan import KepegawaianTab
from kinerja_desktop.ui.pegawai.form_pelatihan import PelatihanTab
from kinerja_desktop.ui.pegawai.form_riwayat import RiwayatTab
from kinerja_desktop.ui.pegawai.list_model import display_nip
from kinerja_desktop.ui.pegawai.nip_check import NipWatcher


@dataclass(frozen=True)
class FormData:
    """What the form loads in one read: the record (None for a new one), units, everyone, the photo."""

    detail: PegawaiDetail | None
    units: list[UnitRow]
    rows: list[PegawaiRow]
    foto: bytes | None


def load_form_data(
    session: Session, actor: Actor, pegawai_id: str | None, rows: list[PegawaiRow] | None
) -> FormData:
    detail = pegawai.get_pegawai(session, actor, pegawai_id) if pegawai_id else None
    foto = pegawai.get_foto(session, actor, pegawai_id) if pegawai_id else None
    units = unit_kerja.list_units(session, actor)
    if rows is None:
        rows = pegawai.list_pegawai(session, actor)
    return FormData(detail, units, rows, foto)


class MasalahNote:
    """A refusal shown the way the form shows every problem (``show_masalah``): beside ``kolom``, or
    under the tabs when ``kolom`` is empty."""

    def __init__(self, form: PegawaiForm, kolom: str = "") -> None:
        self.form, self.kolom = form, kolom

    def set_error(self, text: str) -> None:
        self.form.show_masalah([Masalah(self.kolom, text)])


class PegawaiForm(QDialog):
    """Enter saves, Esc asks before dropping changes; ``saved_id`` is set after a successful save.

    When the pegawai cannot be read the error is shown at once and ``exec`` returns Rejected.
    """

    def __init__(
        self,
        ctx: UiContext,
        pegawai_id: str | None = None,
        parent: QWidget | None = None,
        *,
        rows: list[PegawaiRow] | None = None,
        tab: str = "",
        tahun: int | None = None,
    ) -> None:
        super().__init__(parent, minimumWidth=760, minimumHeight=600)
        self.ctx, self.pegawai_id = ctx, pegawai_id
        self.saved_id: str | None = None
        self.revisi: int | None = None  # the record's revisi as read, handed back when saving
        dibaca = ops.look(parent or self, lambda s, a: load_form_data(s, a, pegawai_id, rows), ctx=ctx)
        self.loaded = bool(dibaca)
        loaded = dibaca.value if dibaca else FormData(None, [], [], None)
        detail = loaded.detail
        self.rows_by_id = {r.id: r for r in loaded.rows}
        self.nip_owner = {r.nip: r for r in loaded.rows if r.id != pegawai_id}
        archived = detail is not None and detail.status_aktif != StatusAktif.AKTIF.value
        self.read_only = archived or not self.loaded or not ctx.actor.can(Izin.KELOLA_PEGAWAI)

        self.identitas = IdentitasTab()
        self.kepegawaian = KepegawaianTab(UnitIndex(loaded.units), self.rows_by_id, pegawai_id)
        self.kontak = KontakTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.identitas, "&Identitas")
        self.tabs.addTab(self.kepegawaian, "&Kepegawaian && Jabatan")
        self.tabs.addTab(self.kontak, "K&ontak")
        self.pelatihan: PelatihanTab | None = None
        if detail is not None:
            self.riwayat = RiwayatTab(
                ctx,
                detail.id,
                detail.riwayat_jabatan,
                detail.riwayat_pangkat,
                read_only=not ctx.actor.can(Izin.KELOLA_PEGAWAI),
            )
            self.tabs.addTab(self.riwayat, "&Riwayat")
            self.pelatihan = PelatihanTab(
                ctx,
                detail.id,
                self.kepegawaian.status.currentData,
                tahun or date.today().year,
                read_only=not ctx.actor.can(Izin.KELOLA_PEGAWAI),
            )
            self.tabs.addTab(self.pelatihan, "&Pelatihan")
        self.notes: dict[str, FieldNote] = {
            **self.identitas.notes,
            **self.kepegawaian.notes,
            **self.kontak.notes,
        }
        self.error = FieldNote()
        self.stale = StaleBar()
        self.stale.reload_requested.connect(self.on_stale_reload_requested)
        self.masalah_notes = {kolom: MasalahNote(self, kolom) for kolom in self.notes}
        self.masalah_umum = MasalahNote(self)
        self.buttons = QDialogButtonBox(self)  # parented now, so setDefault reaches the dialog
        self.save_button = self.buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        self.batal = self.buttons.addButton(
            "Tutup" if self.read_only else "Batal", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(not self.read_only)
        self.save_button.setVisible(not self.read_only)
        self.buttons.accepted.connect(self.on_save_button_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if detail is not None:
            layout.addWidget(self._heading(detail))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.stale)
        layout.addWidget(self.buttons)

        self._foto_saved: bytes | None = None
        self._load(loaded)
        for tab_ in (self.identitas, self.kepegawaian, self.kontak):
            tab_.set_read_only(self.read_only)
        self.setWindowTitle(self._title(detail))
        self.nip_watch = NipWatcher(self.identitas, self.kepegawaian, self.notes, self.nip_owner)
        self.kepegawaian.status.currentIndexChanged.connect(self.on_status_changed)
        self._tab_order()
        names = {"pelatihan": self.pelatihan, "riwayat": self.tabs.widget(3) if detail else None}
        shown = names.get(tab)
        if shown is not None:
            self.tabs.setCurrentWidget(shown)
        if detail is not None:
            self.nip_watch.on_nip_check()
        if self.pelatihan is not None:
            self.pelatihan.show_jp()  # now that the status is loaded
        (self.identitas.nip if detail is None else self.identitas.nama).setFocus()

    def _load(self, loaded: FormData) -> None:
        """Fill the tabs with the record as read (nothing for a new pegawai) and remember its revisi."""
        detail = loaded.detail
        if detail is not None:
            self.revisi = detail.revisi
            self.identitas.load(detail.data)
            self.kepegawaian.load(detail.data)
            self.kontak.load(detail.data)
            self.identitas.foto.set_data(loaded.foto)
        self._foto_saved = loaded.foto
        self._saved = self.state()
        if hasattr(self, "nip_watch"):  # loaded again (Muat ulang): the NIP's fields as now read
            self.nip_watch.remember_derived()

    def on_stale_reload_requested(self) -> None:
        """Muat ulang after a refused save: read the record again, dropping what was typed."""
        pegawai_id = self.pegawai_id
        dibaca = ops.look(
            self, lambda s, a: load_form_data(s, a, pegawai_id, None), message=self.masalah_umum
        )
        if dibaca:
            self.show_masalah([])
            self._load(dibaca.value)

    def exec(self) -> int:
        """Rejected at once when the pegawai could not be read (its error was shown then)."""
        if not self.loaded:
            return int(QDialog.DialogCode.Rejected.value)
        return super().exec()

    def _title(self, detail: PegawaiDetail | None) -> str:
        if detail is None:
            return "Tambah pegawai"
        return f"{'Data' if self.read_only else 'Ubah'} pegawai — {detail.data.nama}"

    def _heading(self, detail: PegawaiDetail) -> QLabel:
        data = detail.data
        nip = display_nip(data.nip, data.status_kepegawaian)
        text = f"<b>{self.rows_by_id[detail.id].nama_lengkap}</b> &nbsp; NIP {nip}"
        label = QLabel(text, wordWrap=True)
        if detail.status_aktif != StatusAktif.AKTIF.value:
            status = StatusAktif(detail.status_aktif).label
            alasan = f": {detail.alasan_nonaktif}" if detail.alasan_nonaktif else ""
            label.setText(
                f"{text}<br>Nonaktif — {status} sejak {tanggal_pendek(detail.tanggal_nonaktif)}{alasan}. "
                "Aktifkan kembali untuk mengubah datanya."
            )
            label.setStyleSheet(WARNING_STYLE)
        return label

    def _tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.identitas.order(),
            self.identitas.foto.choose_button,
            self.identitas.foto.delete_button,
            *self.kepegawaian.order(),
            *self.kontak.order(),
            self.save_button,
            self.batal,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- state ----------------------------------------------------------------------------------
    def input(self) -> PegawaiInput:
        return PegawaiInput(**self.identitas.values(), **self.kepegawaian.values(), **self.kontak.values())

    def state(self) -> tuple[object, ...]:
        data = self.input()
        return (
            replace(data, nip=normalize_nip(data.nip)),
            self.identitas.foto.data,
            self.kepegawaian.atasan.line.text(),
        )

    def is_dirty(self) -> bool:
        return not self.read_only and self.state() != self._saved

    def on_status_changed(self) -> None:
        """A PPPK has no TMT CPNS; the NIP is read again in the layout of the new status."""
        if self.kepegawaian.status.currentData() == "pppk":
            self.kepegawaian.tmt_cpns.set_value(None)
        if self.identitas.nip.text().strip():
            self.nip_watch.on_nip_finished()
        if self.pelatihan is not None:
            self.pelatihan.show_jp()

    # --- problems and saving ---------------------------------------------------------------------------
    def show_masalah(self, masalah: list[Masalah]) -> None:
        """Every problem beside its field (errors red, warnings amber); opens the tab of the first one."""
        for note in (*self.notes.values(), self.error):
            note.clear_note()
        first: QWidget | None = None
        for m in sorted(masalah, key=lambda m: m.peringatan):
            note = self.notes.get(m.kolom, self.error)
            note.add(m.pesan, error=not m.peringatan)
            if first is None and m.kolom in self.notes:
                first = next(t for t in (self.identitas, self.kepegawaian, self.kontak) if m.kolom in t.notes)
                if not m.peringatan:
                    first.fields[m.kolom].setFocus()
        if first is not None:
            self.tabs.setCurrentWidget(first)

    def on_save_button_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Check, show every problem, ask once about warnings, then write; False when nothing was saved."""
        if self.read_only:
            return False
        kep = self.kepegawaian
        if kep.atasan.is_unmatched():
            self.show_masalah(
                [
                    Masalah(
                        "atasan",
                        f"Tidak ada pegawai aktif '{kep.atasan.line.text()}'. "
                        "Ketik sebagian nama atau NIP lalu pilih dari daftar yang muncul.",
                    )
                ]
            )
            return False
        data, pegawai_id = self.input(), self.pegawai_id
        dicek = ops.look(
            self, lambda s, a: pegawai.check_pegawai(s, a, data, pegawai_id), message=self.masalah_umum
        )
        if not dicek:
            return False
        _clean, masalah = dicek.value
        self.show_masalah(masalah)
        warnings = [m.pesan for m in masalah if m.peringatan]
        if len(warnings) < len(masalah):
            return False
        if warnings and not ask_yes_no(
            self, "Ada peringatan pada data ini. Tetap simpan?", "\n".join(warnings)
        ):
            return False
        foto = self.identitas.foto.data
        ganti_foto, revisi = foto != self._foto_saved, self.revisi
        saved = ops.act(
            self,
            lambda s, a: pegawai.save_pegawai(
                s, a, pegawai_id, data, foto, ganti_foto=ganti_foto, revisi=revisi
            ),
            notes=self.masalah_notes,
            message=self.masalah_umum,
            stale=self.stale,
        )
        if not saved:
            return False
        self.saved_id = saved.value
        self._saved = self.state()
        self.accept()
        return True

    def reject(self) -> None:
        """Esc, Batal or closing the window: ask first when something was changed."""
        if self.is_dirty():
            answer = ask_save_discard(
                self, "Data pegawai sudah diubah tetapi belum disimpan. Simpan sekarang?"
            )
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
