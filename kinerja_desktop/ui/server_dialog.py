"""Ubah sambungan server: a central office PC's server settings changed after set-up (new address,
new password), tested before they are kept."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.paths import ENV_DATABASE_URL, AppPaths
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE
from kinerja_desktop.ui.server_fields import ServerFields

TITLE = "Ubah sambungan server"


class ServerSettingsDialog(QDialog):
    """The folder's server settings, filled in as they are; Simpan only after a Uji koneksi of exactly
    what is typed passed and the server holds this office (``kantor_kode``; any office when None, as on
    the recovery screen). Nothing is written before Simpan."""

    def __init__(self, paths: AppPaths, kantor_kode: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.kantor_kode = kantor_kode
        self.tasks = TaskRunner(self)
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(620)
        intro = QLabel(
            "Pakai ini bila alamat server, nama basis data, pengguna atau kata sandinya berubah. Ubah isian, "
            "tekan Uji koneksi, lalu Simpan. Komputer lain di kantor pusat diubah sendiri-sendiri."
        )
        intro.setWordWrap(True)
        self.fields = ServerFields(self.tasks)
        self.fields.verdict_changed.connect(self.on_verdict_changed)
        self.state = QLabel()
        self.state.setObjectName("keadaan")
        self.state.setWordWrap(True)
        self.state.setStyleSheet(HINT_STYLE)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addWidget(self.fields)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self._fill()

    def _fill(self) -> None:
        if os.environ.get(ENV_DATABASE_URL):
            self.fields.setEnabled(False)
            self._say(
                f"Sambungan komputer ini diatur oleh variabel lingkungan {ENV_DATABASE_URL}; ubah atau hapus "
                "variabel itu, lalu buka aplikasi lagi.",
                error=True,
            )
            return
        try:
            current = server.load(self.paths)
        except KnownError as exc:
            current = None
            self._say(f"{exc.pesan} Isi lagi sambungannya di bawah ini.", error=True)
            try:
                found = server.load_address(self.paths)
            except KnownError:
                found = None
            if found is not None:
                self.fields.set_settings(found[0])
        if current is not None:
            self.fields.set_settings(current)
            self._say(f"Sambungan sekarang: {current.label}.")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.state.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)
        self.state.setText(text)

    def on_verdict_changed(self) -> None:
        verdict = self.fields.verdict
        if self.fields.tested() and verdict is not None:
            if verdict.kantor_kode is None:
                self.fields.refuse(
                    "✗ Basis data ini belum berisi data kantor pusat. Untuk pindah ke server baru, pulihkan "
                    "dulu cadangan kantor pusat di server itu, lalu uji lagi."
                )
            elif self.kantor_kode is not None and verdict.kantor_kode != self.kantor_kode:
                self.fields.refuse(
                    f"✗ Server ini berisi data {verdict.kantor}, bukan kantor ini ({self.kantor_kode}). "
                    "Periksa nama basis data."
                )
        self.save_button.setEnabled(self.fields.tested())

    def on_save(self) -> None:
        if not self.fields.tested():
            return
        settings = self.fields.settings()
        if ops.attempt(self, lambda: server.save(self.paths, settings), message=ops.note(self.fields.error)):
            self.accept()
