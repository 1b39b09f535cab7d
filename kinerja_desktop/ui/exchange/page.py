"""Pertukaran Data: export a package, import packages through the wizard, the history of both, and the
office keys that sign packages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from kinerja_desktop.core.exchange.actions import riwayat
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import show_info
from kinerja_desktop.ui.common.table import make_table, set_widths
from kinerja_desktop.ui.common.widgets import HINT_STYLE
from kinerja_desktop.ui.exchange.export_box import EksporPanel
from kinerja_desktop.ui.exchange.files import paket_di_folder
from kinerja_desktop.ui.exchange.import_wizard import ImporWizard
from kinerja_desktop.ui.exchange.keys_box import KunciPanel
from kinerja_desktop.ui.exchange.models import RiwayatModel


class SinkronisasiPage(Page):
    title = "Pertukaran Data"
    izin = Izin.SINKRONISASI
    bab_panduan = "pertukaran"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.wizard: ImporWizard | None = None
        judul = QLabel("Pertukaran data kantor \u2194 kantor pusat")
        judul.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.export_box = EksporPanel(ctx)
        self.export_box.exported.connect(self.refresh_riwayat)

        impor = QGroupBox("Impor paket")
        self.import_file = QPushButton("Impor paket…")
        self.import_file.setObjectName("impor")
        self.import_file.clicked.connect(self.on_import_button_clicked)
        self.import_folder_button = QPushButton("Impor semua paket dalam folder…")
        self.import_folder_button.clicked.connect(self.on_import_folder_button_clicked)
        penjelasan = QLabel(
            "Impor paket yang diterima dari kantor lain. Aplikasi selalu menampilkan rencananya dulu: per "
            "lembar berapa baris baru, berubah, sama, usang, konflik dan tidak sah, beserta setiap masalah. "
            "Baru setelah Anda setuju data disimpan, semuanya atau tidak sama sekali, sesudah cadangan "
            "otomatis.",
            wordWrap=True,
        )
        penjelasan.setStyleSheet(HINT_STYLE)
        lay = QVBoxLayout(impor)
        lay.addWidget(penjelasan)
        for b in (self.import_file, self.import_folder_button):
            baris = QHBoxLayout()
            baris.addWidget(b)
            baris.addStretch()
            lay.addLayout(baris)
        lay.addStretch()

        self.model = RiwayatModel(self)
        self.tabel = make_table(self.model)
        set_widths(
            self.tabel,
            (
                "00-00-0000 00:00",
                "Ekspor",
                "Paket kantor",
                "BKPSDM",
                "paket-PLJ-2026-20261123.xlsx",
                "operator",
                "",
            ),
        )
        riwayat_box = QGroupBox("Riwayat pertukaran data")
        lay = QVBoxLayout(riwayat_box)
        lay.addWidget(self.tabel)
        self.keys_box = KunciPanel(ctx)
        self.keys_box.key_accepted.connect(self.refresh_riwayat)

        atas = QHBoxLayout()
        atas.addWidget(self.export_box, 3)
        atas.addWidget(impor, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(judul)
        layout.addLayout(atas)
        layout.addWidget(self.keys_box)
        layout.addWidget(riwayat_box, 1)

    def refresh(self) -> None:
        self.export_box.refresh()
        self.keys_box.refresh()
        self.refresh_riwayat()

    def refresh_riwayat(self) -> None:
        ops.look(self, riwayat, then=self.model.set_entries)

    def open_wizard(self, files: list[Path] | None = None) -> ImporWizard:
        """Open the import wizard (window-modal), started on ``files`` when given."""
        self.wizard = ImporWizard(self.ctx, self)
        self.wizard.diimpor.connect(self.on_diimpor)
        self.wizard.open()
        if files:
            self.wizard.start(files)
        return self.wizard

    def on_diimpor(self) -> None:
        self.refresh()

    def on_import_button_clicked(self) -> None:
        self.open_wizard()

    def on_import_folder_button_clicked(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Pilih folder berisi paket")
        if not name:
            return
        files = paket_di_folder(Path(name))
        if not files:
            show_info(
                self, f"Tidak ada berkas .xlsx di folder {name}.", "Pilih folder tempat paket disimpan."
            )
            return
        self.open_wizard(files)
