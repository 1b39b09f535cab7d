"""Sending a rendered PDF to a printer: paper from the PDF, each page drawn at 100 % at printer resolution."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from kinerja_desktop.core.errors import KnownError

#: Pages are rasterised at the printer's resolution up to this (a 1200 dpi F4 page would need 600 MB).
DPI_MAKS = 300


def ukuran_halaman(dokumen: QPdfDocument, halaman: int = 0) -> QPageSize:
    """The page size of the PDF (F4 215 × 330 mm, A4, either way round) as Qt knows paper sizes."""
    ukuran = dokumen.pagePointSize(halaman)
    lebar, tinggi = sorted((ukuran.width(), ukuran.height()))
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    if abs(lebar - a4.sizePoints().width()) < 2 and abs(tinggi - a4.sizePoints().height()) < 2:
        return a4
    # ExactMatch: otherwise Qt snaps F4 to the 8.5 × 13 inch Folio, 0.9 mm wider.
    return QPageSize(
        QSizeF(lebar, tinggi), QPageSize.Unit.Point, "F4 (215 × 330 mm)", QPageSize.SizeMatchPolicy.ExactMatch
    )


def prepare_printer(printer: QPrinter, dokumen: QPdfDocument) -> None:
    """Preselect the PDF's paper and orientation, no margins (the forms carry their own), every page."""
    ukuran = dokumen.pagePointSize(0)
    arah = (
        QPageLayout.Orientation.Landscape
        if ukuran.width() > ukuran.height()
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(QPageLayout(ukuran_halaman(dokumen), arah, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    printer.setFromTo(0, 0)


def print_document(dokumen: QPdfDocument, printer: QPrinter) -> int:
    """Draw the chosen pages (all, or the range asked for) at 100 %; returns how many were printed.

    Each page is rendered by QtPdf at the printer's resolution (at most DPI_MAKS) and drawn from the paper's
    corner, so a form measured in millimetres prints at its own size on the same paper.
    """
    jumlah = dokumen.pageCount()
    dari, sampai = printer.fromPage(), printer.toPage()
    halaman = range(dari - 1, sampai) if dari > 0 and sampai >= dari else range(jumlah)
    halaman = range(max(halaman.start, 0), min(halaman.stop, jumlah))
    painter = QPainter()
    if not painter.begin(printer):
        raise KnownError(
            "Printer tidak dapat dipakai.",
            saran="Periksa apakah printer menyala dan terpasang, lalu coba lagi.",
        )
    try:
        dpi = min(printer.resolution(), DPI_MAKS)
        skala = printer.resolution() / 72.0
        for n, i in enumerate(halaman):
            if n:
                printer.newPage()
            ukuran = dokumen.pagePointSize(i)
            gambar = dokumen.render(
                i, QSize(round(ukuran.width() * dpi / 72), round(ukuran.height() * dpi / 72))
            )
            if gambar.isNull():
                raise KnownError(f"Halaman {i + 1} tidak dapat disiapkan untuk dicetak (memori kurang?).")
            painter.drawImage(QRectF(0, 0, ukuran.width() * skala, ukuran.height() * skala), gambar)
    finally:
        painter.end()
    return len(halaman)
