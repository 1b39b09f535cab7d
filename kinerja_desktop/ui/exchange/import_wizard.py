"""The import wizard: choose files → per file: read and plan → resolve conflicts → apply → report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.core.errors import KnownError, TidakPerlu
from kinerja_desktop.core.exchange.actions import RencanaBerkas, import_file, plan_file
from kinerja_desktop.core.exchange.paket.apply import HasilImpor
from kinerja_desktop.core.exchange.paket.plan.model import AlasanTertahan
from kinerja_desktop.core.exchange.report import teks_rencana
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.screen import fit_to_screen
from kinerja_desktop.ui.common.tasks import Cancelled, TaskContext, TaskRunner, default_failure
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE
from kinerja_desktop.ui.exchange.conflicts import KonflikView
from kinerja_desktop.ui.exchange.files import PilihBerkas
from kinerja_desktop.ui.exchange.plan_view import RencanaView, teks_tertahan
from kinerja_desktop.ui.exchange.report import HasilBerkas, LaporanView

FONT = " font-size: 11pt;"
NEUTRAL_STYLE = "color: #333333;" + FONT

PILIH, RENCANA, KONFLIK, LAPORAN = range(4)


class ImporWizard(QDialog):
    """``diimpor`` is emitted after each file applied (the page refreshes its history)."""

    diimpor = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = TaskRunner(self)  # progress dialogs above this dialog, not behind it
        self.tasks.server = ctx.tasks.server  # the main window's status bar hears of a lost server
        self.setWindowTitle("Impor paket data")
        fit_to_screen(self, 1040, 680)
        self.files: list[Path] = []
        self.i = 0
        self.rb: RencanaBerkas | None = None
        self.gagal = ""
        self.tidak_perlu = False  # the refusal was "nothing to import" (the office's own package)
        self.hasil: list[HasilBerkas] = []
        self.sibuk = False  # a file is being read or applied: the buttons wait

        self.files_step = PilihBerkas()
        self.files_step.changed.connect(self.update_buttons)
        self.rencana = RencanaView()
        self.galat = QLabel(wordWrap=True)
        self.galat.setObjectName("galat_berkas")
        self.galat.setStyleSheet(ERROR_STYLE + FONT)
        halaman_rencana = QWidget()
        lay = QVBoxLayout(halaman_rencana)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.galat, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.rencana, 1)
        self.konflik = KonflikView()
        self.konflik.changed.connect(self.update_buttons)
        self.laporan = LaporanView()
        self.stack = QStackedWidget()
        for w in (self.files_step, halaman_rencana, self.konflik, self.laporan):
            self.stack.addWidget(w)

        self.alasan = QLabel(wordWrap=True)
        self.alasan.setObjectName("alasan")
        self.alasan.setStyleSheet(HINT_STYLE)
        self.save_button = QPushButton("Simpan rencana…")
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.skip_button = QPushButton("Lewati berkas ini")
        self.skip_button.clicked.connect(self.on_skip_button_clicked)
        self.back_button = QPushButton("Kembali")
        self.back_button.clicked.connect(lambda: self._ke(RENCANA))
        self.next_button = QPushButton()
        self.next_button.setObjectName("lanjut")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.on_next_button_clicked)
        self.close_button = QPushButton("Batal")
        self.close_button.clicked.connect(self.reject)
        tombol = QHBoxLayout()
        for b in (self.save_button, self.skip_button):
            tombol.addWidget(b)
        tombol.addStretch()
        for b in (self.back_button, self.next_button, self.close_button):
            tombol.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.alasan)
        layout.addLayout(tombol)
        self._ke(PILIH)

    # --- steps ------------------------------------------------------------------------------------
    def start(self, files: list[Path]) -> None:
        """Start with these files (the wizard's first step, or straight from the page)."""
        self.files_step.add_files(files)
        self.on_next_button_clicked()

    def _ke(self, langkah: int) -> None:
        self.stack.setCurrentIndex(langkah)
        self.update_buttons()

    def _judul(self) -> str:
        return f"Berkas {self.i + 1} dari {len(self.files)}: {self.files[self.i].name}"

    def _check(self) -> None:
        path = self.files[self.i]
        self.rb, self.gagal, self.tidak_perlu = None, "", False

        def work(task: TaskContext) -> RencanaBerkas:
            return plan_file(self.ctx.workspace, self.ctx.actor, path, task.progress)

        self._start_task()
        self.tasks.run(work, self.on_rencana_ready, self.on_rencana_failed, label=f"Memeriksa {path.name}…")

    def _start_task(self) -> None:
        self.sibuk = True
        self.update_buttons()

    def reject(self) -> None:
        if not self.sibuk:  # closing mid-task would leave the work running unseen
            super().reject()

    def on_rencana_ready(self, rb: RencanaBerkas) -> None:
        self.sibuk = False
        self.rb = rb
        self.galat.hide()
        self.rencana.show()
        self.rencana.show_plan(rb, self._judul())
        self.konflik.show_conflicts(rb.rencana.konflik, self._judul())
        self._ke(RENCANA)

    def on_rencana_failed(self, exc: BaseException) -> None:
        self.sibuk = False
        if isinstance(exc, Cancelled):
            self._ke(PILIH)
            return
        if not isinstance(exc, KnownError):
            default_failure(self, exc)
            self.update_buttons()
            return
        self.gagal = exc.pesan
        self.tidak_perlu = isinstance(exc, TidakPerlu)
        if self.tidak_perlu:  # nothing wrong: said in the neutral colour
            self.galat.setStyleSheet(NEUTRAL_STYLE)
            self.galat.setText(f"{self._judul()}\n\n{exc.pesan}\n{exc.saran or ''}")
        else:
            saran = exc.saran or "Minta paket baru dari pengirimnya."
            self.galat.setStyleSheet(ERROR_STYLE + FONT)
            self.galat.setText(
                f"{self._judul()}\n\nBerkas ini tidak bisa diimpor: {exc.pesan}\n{saran}\n\n"
                "Tidak ada yang diubah."
            )
        self.galat.show()
        self.rencana.hide()
        self._ke(RENCANA)

    def _berikutnya(self, hasil: HasilBerkas) -> None:
        self.hasil.append(hasil)
        self.i += 1
        if self.i < len(self.files):
            self._check()
            return
        self.laporan.show_results(self.hasil)
        self._ke(LAPORAN)

    def _apply(self) -> None:
        rb = self.rb
        assert rb is not None
        pilihan = self.konflik.pilihan()

        def work(_: TaskContext) -> HasilImpor:
            return import_file(self.ctx.workspace, self.ctx.actor, rb, pilihan=pilihan)

        def done(h: HasilImpor) -> None:
            self.sibuk = False
            self.diimpor.emit()
            self._berikutnya(HasilBerkas.dari(rb.nama, h))

        def failed(exc: BaseException) -> None:
            self.sibuk = False
            self.update_buttons()
            default_failure(self, exc)

        self._start_task()
        self.tasks.run(work, done, failed, label=f"Mengimpor {rb.nama}…", cancellable=False)

    # --- buttons ----------------------------------------------------------------------------------
    def update_buttons(self) -> None:
        langkah = self.stack.currentIndex()
        lagi = self.i + 1 < len(self.files)
        alasan, teks, aktif = "", "Lanjut", True
        if langkah == PILIH:
            teks, aktif = "Periksa berkas", bool(self.files_step.berkas())
            alasan = "" if aktif else "Tambahkan paling sedikit satu berkas paket."
        elif langkah == RENCANA and (self.gagal or self.rb is None):
            teks = "Berkas berikutnya" if lagi else "Lihat laporan"
        elif langkah == RENCANA:
            if self.rencana.tanpa_perubahan():
                teks = "Berkas berikutnya" if lagi else "Lihat laporan"
            else:
                teks = "Lanjut: putuskan konflik" if self.rb and self.rb.rencana.konflik else "Impor sekarang"
                alasan = teks_tertahan(self.rencana.alasan_tertahan())
                aktif = not alasan
        elif langkah == KONFLIK:
            teks = "Impor sekarang"
            alasan = teks_tertahan(self.tertahan())
            aktif = not alasan
        else:
            teks = "Selesai"
        self.next_button.setText(teks)
        self.next_button.setEnabled(aktif and not self.sibuk)
        for b in (self.skip_button, self.back_button, self.save_button, self.close_button):
            b.setEnabled(not self.sibuk)
        self.alasan.setText(alasan)
        self.alasan.setVisible(bool(alasan))
        self.skip_button.setVisible(langkah in (RENCANA, KONFLIK) and not self.gagal)
        self.save_button.setVisible(langkah == RENCANA and self.rb is not None and not self.gagal)
        self.back_button.setVisible(langkah == KONFLIK)
        self.close_button.setVisible(langkah != LAPORAN)

    def tertahan(self) -> list[AlasanTertahan]:
        """Why the file may not be applied with the decisions made so far (the plan decides)."""
        if self.rb is None:
            return []
        return self.rb.rencana.alasan_tertahan(pilihan=self.konflik.pilihan())

    def on_next_button_clicked(self) -> None:
        langkah = self.stack.currentIndex()
        if langkah == PILIH:
            self.files, self.i, self.hasil = self.files_step.berkas(), 0, []
            if self.files:
                self._check()
        elif langkah == RENCANA and (self.gagal or self.rb is None):
            hasil = "Tidak perlu diimpor" if self.tidak_perlu else "Ditolak"
            self._berikutnya(HasilBerkas(self.files[self.i].name, hasil, self.gagal))
        elif langkah == RENCANA and self.rencana.tanpa_perubahan():
            assert self.rb is not None
            catatan = "Sudah pernah diimpor" if self.rb.rencana.sudah_diimpor else ""
            self._berikutnya(HasilBerkas(self.rb.nama, "Tidak ada yang berubah", catatan))
        elif langkah == RENCANA and self.rb is not None and self.rb.rencana.konflik:
            self._ke(KONFLIK)
        elif langkah in (RENCANA, KONFLIK):
            self._apply()
        else:
            self.accept()

    def on_skip_button_clicked(self) -> None:
        self._berikutnya(HasilBerkas(self.files[self.i].name, "Dilewati", "Tidak ada yang diubah"))

    def on_save_button_clicked(self) -> None:
        if self.rb is None:
            return
        saran = self.rb.path.with_suffix(".rencana.txt").name
        name, _ = QFileDialog.getSaveFileName(self, "Simpan rencana impor", saran, "Teks (*.txt)")
        if name:
            teks = [self._judul(), *teks_rencana(self.rb.rencana)]
            Path(name).write_text("\n".join(teks) + "\n", encoding="utf-8")
