"""Home page: the office, this year's numbers, and what to do next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services import summary as ringkasan
from kinerja_desktop.core.services.access import Izin
from kinerja_desktop.ui.beranda.grafik import GrafikKantor
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.base_page import Page
from kinerja_desktop.ui.common.context import UiContext

_SKP_STATUS = (
    ("draft", "Draf"),
    ("diajukan", "Diajukan"),
    ("disetujui", "Disetujui"),
    ("ditolak", "Ditolak"),
)


class _Card(QFrame):
    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        font = QFont(self.value.font())
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555;")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class BerandaPage(Page):
    title = "Beranda"
    izin = Izin.LIHAT_DATA
    #: The demo banner's button: leave the demo for the real office (the main window asks how).
    mulai_sungguhan = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.tahun = date.today().year
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.demo_banner = QLabel(
            "DATA DEMO — isi basis data ini contoh, bukan data pegawai sungguhan. Bila sudah siap, "
            "mulai data kantor Anda sendiri dengan tombol di samping."
        )
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 8px; border-radius: 4px;"
        )
        self.demo_banner.hide()
        self.demo_button = QPushButton("Mulai data kantor sungguhan…")
        self.demo_button.clicked.connect(self.mulai_sungguhan)
        self.demo_button.setEnabled(ctx.actor.can(Izin.KELOLA_KANTOR))
        self.demo_button.hide()

        self.cards: dict[str, _Card] = {
            "pegawai": _Card("pegawai aktif"),
            "pppk": _Card("di antaranya PPPK"),
            "unit": _Card("unit kerja"),
            "skp": _Card(f"SKP tahun {self.tahun}"),
            "eval_final": _Card(f"evaluasi final {self.tahun}"),
            "eval_draf": _Card(f"evaluasi masih draf {self.tahun}"),
        }
        grid = QGridLayout()
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 3, index % 3)
        self.skp_detail = QLabel()
        self.skp_detail.setObjectName("skp_detail")
        self.skp_detail.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo_banner, 1)
        demo_row.addWidget(self.demo_button)
        layout.addLayout(demo_row)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(self.skp_detail)
        self.grafik = GrafikKantor(ctx)
        layout.addWidget(self.grafik, 1)
        layout.addStretch()

    def refresh(self) -> None:
        self.grafik.refresh()
        dibaca = ops.look(self, lambda s, a: (kantor.get_kantor(s), ringkasan.ringkasan(s, a, self.tahun)))
        if not dibaca:
            return
        info, data = dibaca.value
        self.heading.setText(info.nama)
        parts = [p for p in (info.instansi, info.alamat.replace("\n", ", ")) if p]
        jenis = "Kantor pusat" if info.is_pusat else "Kantor"
        self.subheading.setText(f"{jenis} · kode {info.kode}" + (" · " + " · ".join(parts) if parts else ""))
        self.demo_banner.setVisible(info.demo)
        self.demo_button.setVisible(info.demo and self.ctx.workspace.is_sqlite)
        self.cards["pegawai"].value.setText(format_angka(data.pegawai_aktif))
        self.cards["pppk"].value.setText(format_angka(data.pegawai_pppk))
        self.cards["unit"].value.setText(format_angka(data.unit_aktif))
        self.cards["skp"].value.setText(format_angka(data.skp_total))
        self.cards["eval_final"].value.setText(format_angka(data.evaluasi_final))
        self.cards["eval_draf"].value.setText(format_angka(data.evaluasi_draf))
        rincian = ", ".join(
            f"{label} {format_angka(data.skp_per_status.get(code, 0))}" for code, label in _SKP_STATUS
        )
        self.skp_detail.setText(f"Status SKP {self.tahun}: {rincian}.")
