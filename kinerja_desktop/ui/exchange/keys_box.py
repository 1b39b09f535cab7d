"""The "Kunci kantor" box of Pertukaran Data: this office's fingerprint, the pinned offices' keys, and
for an administrator the dialog that accepts a new key of an office (a reinstalled PC) with a reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.exchange.actions import KunciDiPaket, accept_key, read_key
from kinerja_desktop.core.services.access import Actor, Izin
from kinerja_desktop.core.services.kunci_kantor import DaftarKunci, KunciKantor, read_keys
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.forms import TeksEdit
from kinerja_desktop.ui.common.table import Column, RowTableModel, make_table, set_widths
from kinerja_desktop.ui.common.widgets import HINT_STYLE, FieldNote
from kinerja_desktop.ui.exchange.files import XLSX

_SIDIK_STYLE = "font-family: monospace; font-size: 13pt; font-weight: bold;"
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class KunciModel(RowTableModel):
    """The pinned keys: office, fingerprint, since when, and how (first import, or accepted and why)."""

    columns = (
        Column("Sidik kunci", lambda k: k.sidik, key=lambda k: k.kode),
        Column("Sejak", lambda k: k.sejak_teks, key=lambda k: k.sejak),
        Column("Keterangan", lambda k: k.cara),
    )


def _label(teks: str = "", style: str = "") -> QLabel:
    label = QLabel(teks)
    label.setWordWrap(True)
    label.setTextInteractionFlags(_SELECTABLE)
    if style:
        label.setStyleSheet(style)
    return label


class TerimaKunciDialog(QDialog):
    """Accept the key of the chosen package as its office's key from now on; the reason is required."""

    def __init__(self, ctx: UiContext, dari: KunciDiPaket, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.dari = ctx, dari
        self.diterima: KunciKantor | None = None
        self.setWindowTitle("Terima kunci baru")
        self.setMinimumWidth(620)
        kode = dari.info.kantor_kode
        judul = _label(f"Paket {dari.path.name} dari {dari.kantor}", "font-weight: bold;")
        self.lama = _label(dari.tersimpan.sidik if dari.tersimpan else "belum ada", _SIDIK_STYLE)
        self.baru = _label(dari.kunci.sidik, _SIDIK_STYLE)
        self.baru.setObjectName("sidik_baru")
        form = QFormLayout()
        form.addRow("Kunci tersimpan di sini", self.lama)
        form.addRow("Kunci pada paket ini", self.baru)
        petunjuk = _label(
            f"Terima hanya bila kantor {kode}, lewat telepon, membacakan sidik yang sama dengan kunci pada "
            "paket ini (sidik kunci tampil di halaman Pertukaran Data mereka). Sesudah itu paket kantor "
            f"{kode} dengan kunci lama ditolak, dan paket dengan kunci baru bisa diimpor.",
            HINT_STYLE,
        )
        self.alasan = TeksEdit(lines=3)
        self.alasan.setPlaceholderText(
            f"misalnya: komputer kantor {kode} dipasang ulang; sidik dicocokkan lewat telepon dengan Bu Rina"
        )
        self.alasan_note = FieldNote()
        self.error = FieldNote()
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton("Terima kunci baru", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.on_accept_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(judul)
        layout.addLayout(form)
        layout.addWidget(petunjuk)
        layout.addWidget(QLabel("Alasan menerima kunci baru (dicatat di log audit):"))
        layout.addWidget(self.alasan)
        layout.addWidget(self.alasan_note)
        layout.addWidget(self.error)
        layout.addStretch()
        layout.addWidget(buttons)
        self.alasan.setFocus()

    def write(self, session: Session, actor: Actor) -> KunciKantor:
        return accept_key(session, actor, self.dari, self.alasan.text())

    def on_accept_button_clicked(self) -> None:
        for note in (self.alasan_note, self.error):
            note.clear_note()
        hasil = ops.act(self, self.write, notes={"alasan": self.alasan_note}, message=self.error)
        if hasil:
            self.diterima = hasil.value
            self.accept()


class KunciPanel(QGroupBox):
    """This office's fingerprint and the pinned keys; ``key_accepted`` once an administrator took one."""

    key_accepted = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__("Kunci kantor", parent)
        self.ctx = ctx
        self.dialog: TerimaKunciDialog | None = None
        self.own_label = _label("", _SIDIK_STYLE)
        self.own_label.setObjectName("sidik_sendiri")
        penjelasan = _label(
            "Paket dari sini ditandatangani dengan kunci ini; bacakan sidiknya bila kantor lain bertanya.",
            HINT_STYLE,
        )
        self.model = KunciModel(self)
        self.model.sort_column = 0
        self.tabel = make_table(self.model)
        set_widths(self.tabel, ("BKPSDM 7F3A-19C2-0B4D-88E1", "00-00-0000", ""))
        baris_tabel = self.tabel.verticalHeader().defaultSectionSize()
        self.tabel.setFixedHeight(self.tabel.horizontalHeader().sizeHint().height() + 4 * baris_tabel + 6)
        mitra = QLabel("Kunci kantor lain (disimpan pada impor pertama dari kantor itu):")
        mitra.setWordWrap(True)
        self.accept_button = QPushButton("Terima kunci baru…")
        self.accept_button.clicked.connect(self.on_accept_button_clicked)
        self.accept_hint = _label(
            "Paket dengan kunci lain ditolak. Bila komputer kantor itu dipasang ulang, cocokkan sidik "
            "barunya lewat telepon, lalu terima kuncinya di sini.",
            HINT_STYLE,
        )
        boleh = ctx.actor.can(Izin.TERIMA_KUNCI)
        self.accept_button.setVisible(boleh)
        self.accept_hint.setVisible(boleh)
        sendiri = QVBoxLayout()
        sendiri.addWidget(QLabel("Sidik kunci kantor ini"))
        sendiri.addWidget(self.own_label)
        sendiri.addWidget(penjelasan)
        sendiri.addStretch()
        daftar = QVBoxLayout()
        daftar.addWidget(mitra)
        daftar.addWidget(self.tabel, 1)
        terima = QVBoxLayout()
        baris = QHBoxLayout()
        baris.addWidget(self.accept_button)
        baris.addStretch()
        terima.addLayout(baris)
        terima.addWidget(self.accept_hint)
        terima.addStretch()
        layout = QHBoxLayout(self)  # a strip across the page: the history below keeps its full width
        layout.addLayout(sendiri, 2)
        layout.addLayout(daftar, 4)
        layout.addLayout(terima, 2)

    def refresh(self) -> None:
        ops.look(self, read_keys, then=self.show_keys)

    def show_keys(self, daftar: DaftarKunci) -> None:
        self.own_label.setText(daftar.sendiri.sidik if daftar.sendiri else "belum ada")
        self.model.set_rows(daftar.mitra)

    def choose_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Pilih paket dari kantor yang kuncinya berganti", "", XLSX
        )
        return Path(name) if name else None

    def on_accept_button_clicked(self) -> None:
        path = self.choose_file()
        if path is None:
            return
        ctx = self.ctx
        ops.attempt(
            self,
            lambda: read_key(ctx.workspace, ctx.actor, path),
            then=self.ask_reason,
            background=f"Membaca {path.name}…",
        )

    def ask_reason(self, dari: KunciDiPaket) -> None:
        self.dialog = TerimaKunciDialog(self.ctx, dari, self)
        self.dialog.accepted.connect(self.on_dialog_accepted)
        self.dialog.open()

    def on_dialog_accepted(self) -> None:
        self.refresh()
        self.key_accepted.emit()
