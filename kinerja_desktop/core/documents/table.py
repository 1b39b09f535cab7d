"""Tables of the forms: ruled grids with a repeated header, word-wrapped cells, borderless layouts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable, Table, TableStyle

from kinerja_desktop.core.documents.fonts import HURUF
from kinerja_desktop.core.documents.styles import gaya, p

ABU_KEPALA = Color(0.86, 0.86, 0.86)
ABU_KELOMPOK = Color(0.94, 0.94, 0.94)

Perintah = tuple[Any, ...]
#: A row taller than what is left of the page may be split inside (long feedback, a catatan of 4,000
#: characters), so no text is ever cut off; each piece is at least this tall (points).
_SISA_MINIMUM = 36


class TabelBerlanjut(Table):  # type: ignore[misc]
    """A ruled table whose continuation never starts on the page its first part ended on.

    After a split ReportLab offers the rest (repeated header first) to the same frame; with rows split
    inside, it could then place the header and a sliver of the next row in the space left, a second
    header in mid-page. A continuation therefore refuses to split anywhere but at the top of a frame.

    A row taller than a whole page must be split inside sooner or later; it is split where the page
    has room rather than moved whole to the next page, which would leave the rest of this one blank.
    """

    def split(self, lebar: float, tinggi: float) -> list[Flowable]:
        bingkai = getattr(self, "_frame", None)
        if getattr(self, "lanjutan", False) and bingkai is not None and not bingkai._atTop:
            return []
        bagian = list(super().split(lebar, tinggi))
        if len(bagian) == 2 and self.splitInRow and self._baris_berikut_raksasa(bagian[0]):
            dalam = list(self._splitRows(tinggi, doInRowSplit=1))
            if len(dalam) == 2 and dalam[0]._nrows >= bagian[0]._nrows:
                bagian = dalam
        if len(bagian) == 2:
            bagian[1].lanjutan = True
        return bagian

    def _splitRows(self, tinggi: float, doInRowSplit: int = 0) -> list[Flowable]:  # noqa: N803
        """ReportLab's own split, but a row is split inside only when it is tall enough to give two parts
        of ``splitInRow`` each and is not held to its neighbours by NOSPLIT (a group row, a short block)."""
        if doInRowSplit:
            n = self._getFirstPossibleSplitRowPosition(tinggi, ignoreSpans=1)
            if n < len(self._rowHeights):
                mustahil: dict[int, None] = {}
                if self._nosplitCmds:
                    self._getRowImpossible(mustahil, self._rowNoSplitCells, self._nosplitRanges)
                tinggi_baris = self._rowHeights[n] or 0.0
                if tinggi_baris < 2 * self.splitInRow or n in mustahil or n + 1 in mustahil:
                    return []
        return list(super()._splitRows(tinggi, doInRowSplit))

    def _baris_berikut_raksasa(self, atas: Table) -> bool:
        """True when the row after ``atas`` (the first part of a split) is taller than a whole page."""
        n = atas._nrows
        if n >= self._nrows:
            return False
        tinggi = self._rowHeights[n]
        halaman = self._getPossibleHeight(None)
        return tinggi is not None and halaman is not None and tinggi > halaman

    def _splitCell(self, isi: Any, style: Any, tinggi_lama: float, tinggi_baru: float, lebar: float) -> Any:
        """ReportLab's in-row split measures the cell's text at the column's width, padding included, and
        lets the first part reach into the bottom padding; the text then re-wraps to more lines than the
        row was given and runs past the page's bottom margin. Split it as it will be drawn."""
        content_width = lebar - style.leftPadding - style.rightPadding
        return super()._splitCell(isi, style, tinggi_lama, tinggi_baru - style.bottomPadding, content_width)


def sel(nilai: object) -> Flowable:
    """A word-wrapped table cell of plain text."""
    return p(nilai, gaya().sel)


def kepala(*judul: str) -> list[Flowable]:
    """A header row: bold, centred, wrapped."""
    return [p(j, gaya().sel_kepala) for j in judul]


def nomor_kolom(jumlah: int) -> list[Flowable]:
    """The "(1) (2) … (n)" row under a header."""
    return [p(f"({i})", gaya().sel_tengah) for i in range(1, jumlah + 1)]


def lebar_kolom(total: float, bagian: Sequence[float]) -> list[float]:
    """Column widths from relative parts, filling ``total``."""
    jumlah = sum(bagian)
    return [total * b / jumlah for b in bagian]


def tabel_garis(
    baris: list[list[Any]],
    lebar: Sequence[float],
    *,
    kepala_baris: int = 1,
    perintah: Sequence[Perintah] = (),
    ruang_sesudah: float = 6,
    judul: str | None = None,
    kelas: type[TabelBerlanjut] = TabelBerlanjut,
    grid: bool = True,
) -> Table:
    """A ruled table whose first ``kepala_baris`` rows are shaded and repeated on every page.

    ``judul`` adds a full-width title row on top ("HASIL KERJA"), repeated with the header; the row
    numbers in ``perintah`` do not count it. Without ``grid`` only the header is ruled inside and the
    table boxed; ``perintah`` draws the rest.
    """
    if judul is not None:
        jumlah_kolom = len(baris[0]) if baris else 1
        baris = [[p(judul, gaya().isi_tebal)] + [""] * (jumlah_kolom - 1), *baris]
        perintah = [_shift(c) for c in perintah] + [("SPAN", (0, 0), (-1, 0))]
        kepala_baris += 1
    garis: list[Perintah] = [("GRID", (0, 0), (-1, -1), 0.5, black)]
    if not grid:
        garis = [("BOX", (0, 0), (-1, -1), 0.5, black)]
        if kepala_baris:
            garis.append(("GRID", (0, 0), (-1, kepala_baris - 1), 0.5, black))
    gaya_tabel: list[Perintah] = [
        *garis,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), HURUF, 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if kepala_baris:
        gaya_tabel += [
            ("BACKGROUND", (0, 0), (-1, kepala_baris - 1), ABU_KEPALA),
            ("VALIGN", (0, 0), (-1, kepala_baris - 1), "MIDDLE"),
        ]
    if judul is not None:
        gaya_tabel.append(("BACKGROUND", (0, 0), (-1, 0), ABU_KELOMPOK))
    gaya_tabel += list(perintah)
    # In-row splitting works on cells that hold a list of flowables.
    sel_daftar = [[[c] if isinstance(c, Flowable) else c for c in b] for b in baris]
    return kelas(
        sel_daftar,
        colWidths=list(lebar),
        repeatRows=kepala_baris,
        style=TableStyle(gaya_tabel),
        hAlign="LEFT",
        spaceAfter=ruang_sesudah,
        splitInRow=_SISA_MINIMUM,
    )


def _shift(perintah: Perintah) -> Perintah:
    """The same style command one row further down (for a title row added on top)."""
    nama, awal, akhir, *lain = perintah
    turun = [(k, b + 1 if isinstance(b, int) and b >= 0 else b) for k, b in (awal, akhir)]
    return (nama, turun[0], turun[1], *lain)


def tabel_polos(
    baris: list[list[Any]], lebar: Sequence[float], *, perintah: Sequence[Perintah] = (), padding: float = 0
) -> Table:
    """A borderless layout table (header lines, label : value lists, signature rows)."""
    gaya_tabel: list[Perintah] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        *perintah,
    ]
    return Table(baris, colWidths=list(lebar), style=TableStyle(gaya_tabel), hAlign="LEFT")


def baris_kelompok(judul: str, jumlah_kolom: int, indeks: int) -> tuple[list[Any], list[Perintah]]:
    """A full-width group row ("A. UTAMA") at row ``indeks``, with its span and shading."""
    baris: list[Any] = [p(judul, gaya().isi_tebal)] + [""] * (jumlah_kolom - 1)
    perintah: list[Perintah] = [
        ("SPAN", (0, indeks), (-1, indeks)),
        ("BACKGROUND", (0, indeks), (-1, indeks), ABU_KELOMPOK),
    ]
    return baris, perintah


def tinggi_sel(sel_isi: Any, lebar: float) -> float:
    """The height (points, padding included) a cell's flowable needs in a column ``lebar`` wide."""
    if isinstance(sel_isi, Flowable):
        return float(sel_isi.wrap(lebar - 6, 1e6)[1]) + 5
    return 0.0
