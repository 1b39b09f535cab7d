"""The evaluation form's header: the three identity blocks, period, status and capaian organisasi."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kinerja_desktop.core.model.evaluasi import EvaluasiForm, StatusEvaluasi, label_capaian
from kinerja_desktop.ui.common.widgets import HINT_STYLE, WARNING_STYLE
from kinerja_desktop.ui.skp.header import blok_pejabat

WARNA_STATUS = {
    StatusEvaluasi.BELUM: "#555555",
    StatusEvaluasi.DRAF: "#8a5a00",
    StatusEvaluasi.FINAL: "#1b5e20",
    StatusEvaluasi.TANPA_SKP: "#b00020",
}


def teks_status(form: EvaluasiForm) -> str:
    """ "Final — oleh penilai, 23-11-2026 14:05" (local time), or just the status."""
    warna = WARNA_STATUS.get(form.status, "#000")
    teks = f"<b style='color:{warna}'>{form.status.label}</b>"
    if form.final:
        kapan = form.difinalkan_pada.astimezone().strftime("%d-%m-%Y %H:%M") if form.difinalkan_pada else ""
        oleh = f" oleh {escape(form.difinalkan_oleh)}" if form.difinalkan_oleh else ""
        teks += f" — difinalkan{oleh}" + (f" pada {kapan}" if kapan else "")
        if form.distribusi_diakui:
            teks += " (peringatan pola distribusi sudah diakui)"
    return teks


class EvaluasiHeader(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.pegawai, self.penilai, self.atasan = QLabel(), QLabel(), QLabel()
        self.info = QLabel(wordWrap=True)
        self.capaian = QLabel(wordWrap=True)
        self.dibuka = QLabel(wordWrap=True, styleSheet=WARNING_STYLE)
        self.alasan = QLabel(wordWrap=True, styleSheet=HINT_STYLE)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, label in enumerate((self.pegawai, self.penilai, self.atasan)):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(label, 0, n)
            grid.setColumnStretch(n, 1)
        for row, label in enumerate((self.info, self.capaian, self.dibuka, self.alasan), 1):
            grid.addWidget(label, row, 0, 1, 3)

    def show_form(self, form: EvaluasiForm) -> None:
        self.pegawai.setText(blok_pejabat("1. Pegawai yang dinilai", form.pegawai))
        self.penilai.setText(blok_pejabat("2. Pejabat penilai kinerja", form.pejabat_penilai))
        self.atasan.setText(blok_pejabat("3. Atasan pejabat penilai kinerja", form.atasan_penilai))
        tanggal = form.tanggal_evaluasi.strftime("%d-%m-%Y") if form.tanggal_evaluasi else "—"
        self.info.setText(
            f"Periode: <b>{escape(form.periode_label)} {form.tahun}</b> &nbsp;·&nbsp; "
            f"Status: {teks_status(form)} &nbsp;·&nbsp; Tanggal evaluasi: {tanggal}"
        )
        unit = form.kepala_unit or form.pegawai.unit
        nilai = label_capaian(form.capaian_organisasi) or "belum ditetapkan"
        teks = f"Capaian kinerja organisasi ({escape(unit)}): <b>{nilai}</b>"
        if not form.capaian_organisasi and not form.final:
            teks += (
                " <span style='color:#555'>(ditetapkan pimpinan satu tingkat di atasnya dengan tombol "
                "Tetapkan capaian… di halaman Penilaian Kinerja)</span>"
            )
        if form.kepala_unit:
            teks += (
                " &nbsp;·&nbsp; <span style='color:#555'>Pegawai ini kepala unit: rating hasil kerja "
                "mengikuti capaian unit secara bawaan.</span>"
            )
        self.capaian.setText(teks)
        riwayat = [baris for baris in form.alasan_dibuka.splitlines() if baris.strip()]
        self.dibuka.setText(
            "Pernah dibuka kembali oleh administrator:<br>" + "<br>".join(f"• {escape(b)}" for b in riwayat)
        )
        self.dibuka.setVisible(bool(riwayat))
        alasan = form.alasan_hanya_lihat
        if not alasan and form.boleh_isi_diri and not form.boleh_nilai:
            alasan = (
                "Akun ini mengisi penilaian diri pegawai; rating dan umpan balik diberikan oleh pejabat "
                "penilai."
            )
        self.alasan.setText(escape(alasan))
        self.alasan.setVisible(bool(alasan))
