"""The editor's header: who is assessed and by whom, periode, pendekatan, form, status and versions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QWidget

from kinerja_desktop.core.model.skp import JenisForm, Pejabat, SkpDetail, StatusSkp
from kinerja_desktop.core.rules.nip import format_nip
from kinerja_desktop.core.rules.tanggal import format_rentang
from kinerja_desktop.ui.common.widgets import ERROR_STYLE

STATUS_WARNA = {
    StatusSkp.DRAFT.value: "#555555",
    StatusSkp.DIAJUKAN.value: "#8a5a00",
    StatusSkp.DISETUJUI.value: "#1b5e20",
    StatusSkp.DITOLAK.value: "#b00020",
    StatusSkp.DIGANTI.value: "#777777",
}
FORM_LABEL = {JenisForm.JA_JF.value: "Jabatan Administrasi/Fungsional", JenisForm.JPT.value: "JPT"}


def blok_pejabat(judul: str, p: Pejabat | None) -> str:
    if p is None:
        return f"<span style='color:#666'>{judul}</span><br><i>tidak ada di basis data ini</i>"
    baris = [f"<b>{escape(p.nama)}</b>", f"NIP {format_nip(p.nip)}" if p.nip else ""]
    baris += [escape(x) for x in (p.pangkat, p.jabatan, p.unit) if x]
    return f"<span style='color:#666'>{judul}</span><br>" + "<br>".join(b for b in baris if b)


class SkpHeader(QWidget):
    versi_dipilih = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.pegawai, self.penilai, self.atasan = QLabel(), QLabel(), QLabel()
        self.info = QLabel(wordWrap=True)
        self.catatan = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        self.versi = QComboBox()
        self.versi.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.versi.activated.connect(self.on_versi_activated)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, label in enumerate((self.pegawai, self.penilai, self.atasan)):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(label, 0, n)
            grid.setColumnStretch(n, 1)
        baris = QHBoxLayout()
        baris.addWidget(self.info, 1)
        baris.addWidget(QLabel("Versi"))
        baris.addWidget(self.versi)
        grid.addLayout(baris, 1, 0, 1, 3)
        grid.addWidget(self.catatan, 2, 0, 1, 3)

    def show_detail(self, d: SkpDetail) -> None:
        self.pegawai.setText(blok_pejabat("Pegawai yang dinilai", d.pegawai))
        self.penilai.setText(blok_pejabat("Pejabat penilai kinerja", d.pejabat_penilai))
        self.atasan.setText(blok_pejabat("Atasan pejabat penilai kinerja", d.atasan_penilai))
        warna = STATUS_WARNA.get(d.status, "#000")
        self.info.setText(
            f"Periode: <b>{format_rentang(d.periode_awal, d.periode_akhir)}</b> &nbsp;·&nbsp; "
            f"Pendekatan: <b>{d.pendekatan.capitalize()}</b> &nbsp;·&nbsp; "
            f"Bentuk: <b>{FORM_LABEL.get(d.jenis_form, d.jenis_form)}</b> &nbsp;·&nbsp; "
            f"Status: <b style='color:{warna}'>{d.status_label}</b>"
        )
        ditolak = d.status == StatusSkp.DITOLAK and d.catatan_penolakan
        self.catatan.setText(f"Catatan penolakan: {d.catatan_penolakan}" if ditolak else "")
        self.catatan.setVisible(bool(ditolak))
        with QSignalBlocker(self.versi):
            self.versi.clear()
            semua = sorted([(d.versi, d.id, d.status), *((v.versi, v.id, v.status) for v in d.versi_lain)])
            for versi, skp_id, status in reversed(semua):
                self.versi.addItem(f"Versi {versi} — {StatusSkp(status).label}", skp_id)
            self.versi.setCurrentIndex(self.versi.findData(d.id))
            self.versi.setEnabled(len(semua) > 1)

    def on_versi_activated(self) -> None:
        self.versi_dipilih.emit(str(self.versi.currentData()))
