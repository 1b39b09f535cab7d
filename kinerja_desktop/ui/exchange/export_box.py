"""The export box: paket kantor (one year or all) or, at the central office, a paket induk for one office."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.exchange.actions import HasilEkspor, export_paket, kantor_tujuan, tahun_tersedia
from kinerja_desktop.core.model.kantor import KantorInfo
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskContext
from kinerja_desktop.ui.common.widgets import HINT_STYLE, OK_STYLE

XLSX = "Paket data Excel (*.xlsx)"


def _export_choice(session: Session, _actor: Actor) -> tuple[KantorInfo, list[int], list[tuple[str, str]]]:
    """This office, the years that have SKPs, and (at the central office) the offices to send to."""
    sendiri = kantor.get_kantor(session)
    return sendiri, tahun_tersedia(session), kantor_tujuan(session) if sendiri.is_pusat else []


class EksporPanel(QGroupBox):
    """Choose the kind and year, then a file; the package is written in the background (Batal stops it)."""

    exported = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__("Ekspor paket", parent)
        self.ctx = ctx
        self.hasil: HasilEkspor | None = None
        self.jenis_kantor = QRadioButton("Paket kantor: data kantor ini, untuk dikirim ke kantor pusat")
        self.jenis_induk = QRadioButton(
            "Paket induk untuk satu kantor (data pegawai, unit, atasan di luar kantor)"
        )
        self.jenis_kantor.setChecked(True)
        self.siasn = QCheckBox(
            "Sertakan lembar SIASN Kinerja Periodik: penilaian final semua kantor pada tahun ini, untuk "
            "diunggah ke SIASN (tidak ikut diimpor)"
        )
        self.siasn.setObjectName("siasn")
        self.tahun = QComboBox()
        self.kantor = QComboBox()
        self.kantor.setMinimumContentsLength(24)
        self.tombol = QPushButton("Ekspor ke berkas…")
        self.tombol.setObjectName("ekspor")
        self.tombol.clicked.connect(self.on_export_button_clicked)
        self.jenis_induk.toggled.connect(self.on_jenis_toggled)
        self.catatan = QLabel(
            "Kirim berkas ini lewat flashdisk atau surel. Penerimanya mengimpor berkas itu di halaman ini; "
            "aplikasi menampilkan rencananya dulu sebelum menyimpan apa pun.",
            wordWrap=True,
        )
        self.catatan.setStyleSheet(HINT_STYLE)
        self.hasil_label = QLabel(wordWrap=True)
        self.hasil_label.setObjectName("hasil_ekspor")
        self.hasil_label.setStyleSheet(OK_STYLE)
        self.hasil_label.hide()
        self.rincian = QLabel(wordWrap=True)
        self.rincian.setObjectName("rincian_ekspor")
        self.rincian.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Tahun SKP dan penilaian", self.tahun)
        self.kantor_row = QLabel("Kantor tujuan")
        form.addRow(self.kantor_row, self.kantor)
        tombol = QHBoxLayout()
        tombol.addWidget(self.tombol)
        tombol.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.jenis_kantor)
        layout.addWidget(self.jenis_induk)
        layout.addLayout(form)
        layout.addWidget(self.siasn)
        layout.addWidget(self.catatan)
        layout.addLayout(tombol)
        layout.addWidget(self.hasil_label)
        layout.addWidget(self.rincian)
        self.refresh()

    def refresh(self) -> None:
        dibaca = ops.look(self, _export_choice)
        if not dibaca:
            return
        self.sendiri, tahun, tujuan = dibaca.value
        ini = date.today().year
        pilih = self.tahun.currentData() if self.tahun.count() else ini
        self.tahun.clear()
        self.tahun.addItem("Semua tahun", None)
        for t in sorted(set(tahun) | {ini}, reverse=True):
            self.tahun.addItem(str(t), t)
        self.tahun.setCurrentIndex(max(0, self.tahun.findData(pilih)))
        kode = self.kantor.currentData()
        self.kantor.clear()
        for k, nama in tujuan:
            self.kantor.addItem(f"{nama} ({k})", k)
        self.kantor.setCurrentIndex(max(0, self.kantor.findData(kode)))
        self.jenis_induk.setVisible(self.sendiri.is_pusat)
        self.jenis_induk.setEnabled(bool(tujuan))
        if not tujuan:
            self.jenis_induk.setToolTip("Belum ada kantor lain: impor dulu paket kantornya.")
        self.on_jenis_toggled(self.jenis_induk.isChecked())

    def on_jenis_toggled(self, induk: bool) -> None:
        self.kantor.setVisible(induk)
        self.kantor_row.setVisible(induk)
        self.siasn.setVisible(self.sendiri.is_pusat and not induk)  # all offices' results: never in an induk

    def _nama_saran(self) -> str:
        tahun = self.tahun.currentData() or "semua-tahun"
        hari = date.today().strftime("%Y%m%d")
        if self.jenis_induk.isChecked():
            return f"paket-induk-{self.kantor.currentData()}-{tahun}-{hari}.xlsx"
        return f"paket-{self.sendiri.kode}-{tahun}-{hari}.xlsx"

    def on_export_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Simpan paket", self._nama_saran(), XLSX)
        if name:
            self.export_to(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"))

    def export_to(self, path: Path) -> None:
        """Write the chosen package to ``path`` in the background."""
        tahun = self.tahun.currentData()
        induk = self.kantor.currentData() if self.jenis_induk.isChecked() else None
        siasn = self.siasn.isVisibleTo(self) and self.siasn.isChecked()

        def work(task: TaskContext) -> HasilEkspor:
            return export_paket(
                self.ctx.workspace,
                self.ctx.actor,
                path,
                tahun=tahun,
                induk_untuk=induk,
                siasn=siasn,
                kemajuan=task.progress,
            )

        self.ctx.tasks.run(work, self.on_export_done, label=f"Membuat {path.name}…")

    def on_export_done(self, hasil: HasilEkspor) -> None:
        self.hasil = hasil
        self.hasil_label.setText(
            f"{hasil.info.jenis.label} untuk {hasil.penerima} tersimpan: {hasil.path} "
            f"({format_angka(hasil.total)} baris). "
            "Kirim berkas itu ke penerimanya."
        )
        self.hasil_label.show()
        self.rincian.setText(
            "Baris per lembar: "
            + (", ".join(f"{lembar} {n}" for lembar, n in hasil.per_lembar if n) or "kosong")
            + "."
            + ("" if hasil.siasn is None else f" SIASN: {hasil.siasn} penilaian final (tidak diimpor).")
        )
        self.rincian.show()
        self.exported.emit()
