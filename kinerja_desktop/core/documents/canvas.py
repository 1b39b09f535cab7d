"""The canvas of every form: "Halaman x dari y" per document, the DRAF watermark, the verification code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.core.documents.fonts import HURUF, HURUF_TEBAL
from kinerja_desktop.core.documents.paper import MARGIN_KANAN, MARGIN_KIRI
from kinerja_desktop.core.documents.verification import gambar_qr

_ABU = Color(0.55, 0.55, 0.55)
_SISI_QR = 20 * mm


@dataclass(frozen=True)
class InfoDokumen:
    """What the canvas adds to every page of one document in the PDF."""

    draf: bool = False
    kode_verifikasi: str | None = None


class KanvasBernomor(Canvas):  # type: ignore[misc]
    """A canvas that holds back the pages of the current document until it ends.

    When the document ends (``mark_last``) its page count is known, so each held page gets
    "Halaman x dari y", the DRAF watermark when the document is not final, and — for a final one — its
    verification code (every page) and QR code (last page). Only one document's pages are held at a
    time, so a PDF of a thousand forms does not keep a thousand pages in memory.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._tertunda: list[dict[str, Any]] = []
        self._info = InfoDokumen()
        self._akhir = False

    def mark_last(self, info: InfoDokumen) -> None:
        """The current page is the last of a document described by ``info``."""
        self._info = info
        self._akhir = True

    def showPage(self) -> None:
        self._tertunda.append(dict(self.__dict__))
        self._startPage()
        if self._akhir:
            self._terbitkan()

    def save(self) -> None:
        if self._tertunda:
            self._terbitkan()
        super().save()

    def _terbitkan(self) -> None:
        halaman, info = self._tertunda, self._info
        sekarang = dict(self.__dict__)
        for nomor, keadaan in enumerate(halaman, 1):
            self.__dict__.update(keadaan)
            self._decorate(nomor, len(halaman), info)
            Canvas.showPage(self)
        self.__dict__.update(sekarang)
        self._tertunda = []
        self._info = InfoDokumen()
        self._akhir = False

    def _decorate(self, nomor: int, jumlah: int, info: InfoDokumen) -> None:
        lebar, tinggi = self._pagesize
        self.saveState()
        if info.draf:
            self._tanda_air(lebar, tinggi)
        self.setFillColor(black)
        self.setFont(HURUF, 7.5)
        y = 12 * mm
        self.drawRightString(lebar - MARGIN_KANAN, y, f"Halaman {nomor} dari {jumlah}")
        if info.kode_verifikasi:
            kode = info.kode_verifikasi
            if nomor == jumlah:
                gambar_qr(self, kode, MARGIN_KIRI, 6 * mm, _SISI_QR)
                self.drawString(MARGIN_KIRI + _SISI_QR + 2 * mm, y + 3 * mm, "Kode verifikasi:")
                self.setFont(HURUF_TEBAL, 9)
                self.drawString(MARGIN_KIRI + _SISI_QR + 2 * mm, y - 1 * mm, kode)
            else:
                self.drawString(MARGIN_KIRI, y, f"Kode verifikasi: {kode}")
        self.restoreState()

    def _tanda_air(self, lebar: float, tinggi: float) -> None:
        self.saveState()
        self.setFillColor(_ABU)
        self.setFillAlpha(0.18)
        self.setFont(HURUF_TEBAL, min(lebar, tinggi) * 0.28)
        self.translate(lebar / 2, tinggi / 2)
        self.rotate(45 if tinggi >= lebar else 30)
        self.drawCentredString(0, -min(lebar, tinggi) * 0.1, "DRAF")
        self.restoreState()
