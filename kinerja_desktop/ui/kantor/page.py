"""Office settings page: identity, paper size, evaluation rhythm and logo, with an unsaved-change guard."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.model.kantor import KantorInfo, KantorInput
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import ask_save_discard, show_error
from kinerja_desktop.ui.common.kantor_fields import IsianKantor
from kinerja_desktop.ui.common.stale import StaleBar

LOGO_SIZE = 96


class KantorPage(Page, IsianKantor):
    title = "Pengaturan Kantor"
    izin = Izin.KELOLA_KANTOR
    bab_panduan = "administrator"
    status_changed = Signal()  # the main window refreshes its title and status bar

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.info: KantorInfo | None = None
        self.logo: bytes | None = None
        self._saved: tuple[object, ...] = ()

        self.make_kantor_fields()
        self.kode.setReadOnly(True)
        self.kode.setPlaceholderText("")
        self.kode.setStyleSheet("background: palette(window);")
        self.kode.setMaximumWidth(160)
        kode_note = QLabel("Kode kantor tidak dapat diubah karena ikut tercatat di setiap paket data.")
        kode_note.setStyleSheet("color: gray;")
        kode_note.setWordWrap(True)
        kode_row = QHBoxLayout()
        kode_row.addWidget(self.kode)
        kode_row.addWidget(kode_note, 1)

        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setFixedSize(LOGO_SIZE, LOGO_SIZE)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_logo_button = QPushButton("Ganti logo…")
        self.remove_logo_button = QPushButton("Hapus logo")
        self.change_logo_button.clicked.connect(self.on_change_logo_button_clicked)
        self.remove_logo_button.clicked.connect(self.on_remove_logo_button_clicked)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.change_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch()
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch()

        form = QFormLayout()
        self.fill_form(form, kode_row)
        form.addRow("Logo", logo_row)

        self.save_button = QPushButton("Simpan")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("Batalkan perubahan")
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.error_line = ops.note(lambda text: self.say(text, ok=False))
        self.stale = StaleBar()
        self.stale.reload_requested.connect(self.on_stale_reload_requested)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.message, 1)

        intro = QLabel("Identitas kantor ini dipakai pada kop dan baris tanda tangan setiap dokumen cetak.")
        intro.setWordWrap(True)
        content = QWidget()
        content.setMaximumWidth(760)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addSpacing(6)
        inner.addWidget(self.stale)
        inner.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.addWidget(content)
        layout.addStretch()

        for line in (self.nama, self.instansi, self.tempat, self.telepon, self.email):
            line.textChanged.connect(self.on_form_changed)
        self.alamat.textChanged.connect(self.on_form_changed)
        self.kertas.currentIndexChanged.connect(self.on_form_changed)
        self.ritme.currentIndexChanged.connect(self.on_form_changed)
        self.on_form_changed()

    # --- state ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the office from the database (discarding edits; callers ask first)."""
        dibaca = ops.look(
            self, lambda s, _a: (kantor.get_kantor(s), kantor.get_logo(s)), message=self.error_line
        )
        if not dibaca:
            return
        info, logo = dibaca.value
        self.info, self.logo = info, logo
        self.nama.setText(info.nama)
        self.kode.setText(info.kode)
        self.instansi.setText(info.instansi)
        self.tempat.setText(info.tempat)
        self.alamat.setPlainText(info.alamat)
        self.telepon.setText(info.telepon)
        self.email.setText(info.email)
        self.kertas.setCurrentIndex(max(0, self.kertas.findData(info.kertas)))
        self.ritme.setCurrentIndex(max(0, self.ritme.findData(info.ritme)))
        self._saved = self._state()
        self.show_logo()
        self.on_form_changed()

    def _state(self) -> tuple[object, ...]:
        return (
            self.nama.text(),
            self.instansi.text(),
            self.tempat.text(),
            self.alamat.toPlainText(),
            self.telepon.text(),
            self.email.text(),
            self.kertas.currentData(),
            self.ritme.currentData(),
            self.logo,
        )

    def is_dirty(self) -> bool:
        return self.info is not None and self._state() != self._saved

    def form_input(self) -> KantorInput:
        assert self.info is not None
        return KantorInput(
            kode=self.info.kode,
            nama=self.nama.text(),
            tempat=self.tempat.text(),
            instansi=self.instansi.text(),
            alamat=self.alamat.toPlainText(),
            telepon=self.telepon.text(),
            email=self.email.text(),
            is_pusat=self.info.is_pusat,
            kertas=str(self.kertas.currentData()),
            ritme=str(self.ritme.currentData()),
            logo=self.logo,
        )

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.message.setText(text)

    def show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo and pixmap.loadFromData(QByteArray(self.logo)):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    LOGO_SIZE - 8,
                    LOGO_SIZE - 8,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.clear()
            self.logo_preview.setText("tanpa logo")
        self.remove_logo_button.setEnabled(self.logo is not None)

    # --- actions ----------------------------------------------------------------------------------
    def on_form_changed(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.cancel_button.setEnabled(dirty)
        if dirty:
            self.message.clear()

    def on_change_logo_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Pilih berkas logo", str(Path.home()), "Gambar (*.png *.jpg *.jpeg *.bmp)"
        )
        if name:
            self.set_logo_file(Path(name))

    def set_logo_file(self, path: Path) -> None:
        """Take the picture in ``path`` as the new (unsaved) logo, or say why not."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(self, f"Berkas {path.name} tidak bisa dibaca: {exc.strerror}.")
            return
        if not QPixmap().loadFromData(QByteArray(data)):
            show_error(self, f"Berkas {path.name} bukan gambar. Pilih berkas PNG atau JPG.")
            return
        self.logo = data
        self.show_logo()
        self.on_form_changed()

    def on_remove_logo_button_clicked(self) -> None:
        self.logo = None
        self.show_logo()
        self.on_form_changed()

    def on_save_button_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Write the form to the database; False (with the reason shown) when it was refused."""
        if self.info is None:
            return False
        data, revisi = self.form_input(), self.info.revisi
        self.stale.hide()
        if not ops.act(
            self,
            lambda s, a: kantor.update_kantor(s, a, data, keep_logo=False, revisi=revisi),
            message=self.error_line,
            failed=self.on_save_failed,
            stale=self.stale,
        ):
            return False
        self.refresh()
        self.say(f"Tersimpan pukul {datetime.now():%H:%M}.")
        self.status_changed.emit()
        return True

    def on_save_failed(self, exc: KnownError) -> None:
        """The refusal is said in the message line; the field it names gets the focus."""
        fields = {"nama": self.nama, "tempat": self.tempat, "kertas": self.kertas, "ritme": self.ritme}
        kolom = exc.kolom if isinstance(exc, ValidationError) else None
        if kolom in fields:
            fields[kolom].setFocus()

    def on_stale_reload_requested(self) -> None:
        self.refresh()
        self.say("Pengaturan kantor dimuat ulang.")

    def on_cancel_button_clicked(self) -> None:
        self.stale.hide()
        self.refresh()
        self.say("Perubahan dibatalkan.")

    def can_leave(self) -> bool:
        if not self.is_dirty():
            return True
        answer = ask_save_discard(
            self, "Pengaturan kantor sudah diubah tetapi belum disimpan. Simpan sekarang?"
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.refresh()
            return True
        return False
