"""Feedback from earlier periods (read-only), and the dialog that acknowledges the distribution warnings."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.model.evaluasi import RiwayatUmpanBalik, StatusEvaluasi, label_predikat
from kinerja_desktop.core.rules.distribusi import Temuan
from kinerja_desktop.ui.common.screen import fit_to_screen

AKUI = "Saya sudah memperhatikan peringatan pola distribusi"


def riwayat_html(riwayat: Sequence[RiwayatUmpanBalik]) -> str:
    if not riwayat:
        return "<p style='color:#666'>Belum ada evaluasi periode sebelumnya pada tahun ini.</p>"
    bagian = []
    for r in riwayat:
        try:
            status = StatusEvaluasi(r.status).label
        except ValueError:
            status = r.status
        predikat = label_predikat(r.predikat) or "belum ada"
        isi = [f"<h3>{escape(r.periode_label)} — {status} — predikat: {escape(predikat)}</h3>"]
        for judul, daftar in (("Hasil kerja", r.umpan_balik_rhk), ("Perilaku kerja", r.umpan_balik_perilaku)):
            if daftar:
                butir = "".join(f"<li><b>{escape(a)}</b>: {escape(b)}</li>" for a, b in daftar)
                isi.append(f"<p><i>Umpan balik {judul.lower()}:</i></p><ul>{butir}</ul>")
        if len(isi) == 1:
            isi.append("<p style='color:#666'>Tidak ada umpan balik tertulis.</p>")
        bagian.append("".join(isi))
    return "<hr>".join(bagian)


class RiwayatPanel(QTextBrowser):
    """Periods earlier in the year: status, predikat and every feedback given, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)

    def show_riwayat(self, riwayat: Sequence[RiwayatUmpanBalik]) -> None:
        self.setHtml(riwayat_html(riwayat))


class AkuiDistribusiDialog(QDialog):
    """Lists the distribution findings; "Finalkan" is enabled only once the acknowledgement is ticked."""

    def __init__(self, parent: QWidget | None, nama: str, temuan: Sequence[Temuan]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Peringatan pola distribusi")
        self.daftar = QListWidget()
        self.daftar.setWordWrap(True)
        for t in temuan:
            self.daftar.addItem(f"⚠ {t.pesan}")
        self.acknowledge_check = QCheckBox(AKUI)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Finalkan")
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.acknowledge_check.toggled.connect(self.ok.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "<b>Sebaran predikat unit belum sesuai pola distribusi.</b><br>"
                f"Evaluasi {escape(nama)} tetap dapat difinalkan, tetapi periksa dahulu peringatan berikut. "
                "Pengakuan Anda dicatat di log "
                "audit. Pilih Batal untuk meninjau kembali rating.",
                wordWrap=True,
            )
        )
        layout.addWidget(self.daftar, 1)
        layout.addWidget(self.acknowledge_check)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 640, 360)
        self.acknowledge_check.setFocus()

    def accept(self) -> None:
        if self.acknowledge_check.isChecked():
            super().accept()
