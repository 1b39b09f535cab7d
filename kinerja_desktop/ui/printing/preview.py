"""The print preview: the PDF in QtPdf, the options beside it (re-rendered on change), print, save, close."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kinerja_desktop.core.documents.build import Kemajuan
from kinerja_desktop.core.documents.files import save_pdf
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.screen import fit_to_screen
from kinerja_desktop.ui.common.widgets import ERROR_STYLE, HINT_STYLE, OK_STYLE
from kinerja_desktop.ui.printing.options import OpsiPanel
from kinerja_desktop.ui.printing.printer import prepare_printer, print_document

#: Re-render this long after the last option change (typing a place, stepping a date).
JEDA_MS = 250

#: Renders the document(s) for the options chosen, as a read (a batch reads its evaluations as it goes).
Render = Callable[[Session, Actor, OpsiCetak, Kemajuan | None], bytes]


@dataclass
class Sumber:
    """What a preview shows: a title, a renderer for any options, and how many documents it holds.

    ``latar`` renders in the background with progress and Batal (a batch); otherwise on the spot.
    ``boleh_ttd``: every document is a final evaluation's, so scanned signatures may be offered.
    """

    judul: str
    render: Render
    opsi: OpsiCetak
    jumlah: int = 1
    latar: bool = False
    boleh_ttd: bool = False


def _kemajuan(selesai: int, jumlah: int) -> bool:
    """A batch's progress for its dialog; after Batal ``ops.progress`` raises and the rendering stops."""
    ops.progress(selesai, jumlah)
    return True


def nama_berkas(judul: str) -> str:
    """A file name from the title: "Dokumen Evaluasi Triwulan I 2026 - Ani.pdf", without unsafe characters."""
    bersih = re.sub(r'[\\/:*?"<>|\n\r\t]+', " ", judul)
    return " ".join(bersih.split())[:150] + ".pdf"


class PratinjauDialog(QDialog):
    """``pdf`` holds the bytes shown; every option change renders them again."""

    def __init__(
        self, ctx: UiContext, sumber: Sumber, pdf: bytes | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.sumber = ctx, sumber
        self.pdf = b""
        self.setWindowTitle(f"Pratinjau cetak — {sumber.judul}")
        self.dokumen = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.dokumen)
        self.opsi = OpsiPanel(sumber.opsi, boleh_ttd=sumber.boleh_ttd)
        self.info = QLabel(wordWrap=True, styleSheet=HINT_STYLE)
        self.message = QLabel(wordWrap=True)
        self.error_line = ops.note(lambda text: self.say(text, ok=False))
        self.print_button = QPushButton("&Cetak…", clicked=self.on_print_button_clicked)
        self.save_button = QPushButton("&Simpan PDF…", clicked=self.on_save_button_clicked)
        self.close_button = QPushButton("&Tutup", clicked=self.reject)
        for b in (self.print_button, self.save_button, self.close_button):
            b.setAutoDefault(False)
        self._timer = QTimer(self, singleShot=True, interval=JEDA_MS, timeout=self.rerender)
        self.opsi.changed.connect(self._timer.start)
        self._build_layout()
        fit_to_screen(self, 1180, 860)
        if pdf is not None:
            self.show_pdf(pdf)
        else:
            self.rerender()

    def _build_layout(self) -> None:
        samping = QWidget()
        kolom = QVBoxLayout(samping)
        kolom.addWidget(self.opsi, 1)
        kolom.addWidget(self.info)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(samping)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([850, 300])
        bawah = QHBoxLayout()
        bawah.addWidget(self.message, 1)
        for b in (self.print_button, self.save_button, self.close_button):
            bawah.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bawah)

    # --- rendering ---------------------------------------------------------------------------------
    def rerender(self) -> None:
        """Render with the options shown now (a batch in the background, with progress and Batal)."""
        dipilih = ops.attempt(self, self.opsi.value, message=self.error_line)
        if not dipilih:
            return
        render, opsi = self.sumber.render, dipilih.value
        if not self.sumber.latar:
            ops.look(self, lambda s, a: render(s, a, opsi, None), then=self.show_pdf, message=self.error_line)
            return
        self.setEnabled(False)
        ops.look(
            self,
            lambda s, a: render(s, a, opsi, _kemajuan),
            then=self.show_pdf,
            failed=lambda _e: self.setEnabled(True),
            cancelled=self.on_render_cancelled,
            background=f"Menyiapkan {self.sumber.judul}…",
        )

    def on_render_cancelled(self) -> None:
        self.setEnabled(True)
        self.say("Penyiapan ulang dibatalkan; pratinjau masih memakai pilihan sebelumnya.", ok=False)

    def show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` (keeping the page in view when the page count allows)."""
        self.setEnabled(True)
        halaman = self.view.pageNavigator().currentPage()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.dokumen.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer, self.pdf = buffer, pdf
        jumlah = self.dokumen.pageCount()
        if 0 < halaman < jumlah:
            self.view.pageNavigator().jump(halaman, self.view.pageNavigator().currentLocation())
        ukuran = self.dokumen.pagePointSize(0)
        kertas = self.opsi.kertas.currentData()
        arah = "mendatar" if ukuran.width() > ukuran.height() else "tegak"
        dok = f"{format_angka(self.sumber.jumlah)} dokumen, " if self.sumber.jumlah > 1 else ""
        self.info.setText(f"{dok}{jumlah} halaman, kertas {kertas} {arah}.")
        self.print_button.setEnabled(jumlah > 0)
        self.save_button.setEnabled(jumlah > 0)

    # --- actions -----------------------------------------------------------------------------------
    def on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.sumber.judul)
        prepare_printer(printer, self.dokumen)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Cetak")
        dialog.setMinMax(1, max(self.dokumen.pageCount(), 1))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ops.attempt(
            self,
            lambda: print_document(self.dokumen, printer),
            success=lambda jumlah: (
                f"{jumlah} halaman dikirim ke "
                f"{printer.printerName() or printer.outputFileName() or 'printer'}."
            ),
            say=self.say,
        )

    def on_save_button_clicked(self) -> None:
        awal = str(Path.home() / nama_berkas(self.sumber.judul))
        nama, _ = QFileDialog.getSaveFileName(self, "Simpan PDF", awal, "Dokumen PDF (*.pdf)")
        if not nama:
            return
        path = Path(nama if nama.lower().endswith(".pdf") else f"{nama}.pdf")
        ops.attempt(self, lambda: save_pdf(self.pdf, path), success=f"Tersimpan: {path}", say=self.say)

    def say(self, text: str, *, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)
