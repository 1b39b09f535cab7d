"""Tables of the forms: ruled grids with a repeated header, word-wrapped cells, borderless layouts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable, Table, TableStyle

from kinerja_desktop.core.documents.gaya import gaya, p
from kinerja_desktop.core.documents.huruf import HURUF

ABU_KEPALA = Color(0.86, 0.86, 0.86)
ABU_KELOMPOK = Color(0.94, 0.94, 0.94)

Perintah = tuple[Any, ...]
#: A row taller than what is left of the page may be split inside (long feedback, a catatan of 4,000
#: characters), so no text is ever cut off; each piece is at least this tall (points).
_SISA_MINIMUM = 36


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
) -> Table:
    """A ruled table whose first ``kepala_baris`` rows are shaded and repeated on every page."""
    gaya_tabel: list[Perintah] = [
        ("GRID", (0, 0), (-1, -1), 0.5, black),
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
    gaya_tabel += list(perintah)
    # In-row splitting works on cells that hold a list of flowables.
    sel_daftar = [[[c] if isinstance(c, Flowable) else c for c in b] for b in baris]
    return Table(
        sel_daftar,
        colWidths=list(lebar),
        repeatRows=kepala_baris,
        style=TableStyle(gaya_tabel),
        hAlign="LEFT",
        spaceAfter=ruang_sesudah,
        splitInRow=_SISA_MINIMUM,
    )


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
