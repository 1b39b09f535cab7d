"""HASIL KERJA tables: one row per indicator, each RHK drawn as one block and named again on a new page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import black
from reportlab.platypus import Flowable, Spacer, Table

from kinerja_desktop.core.documents.styles import gaya, p
from kinerja_desktop.core.documents.table import (
    ABU_KELOMPOK,
    Perintah,
    TabelBerlanjut,
    baris_kelompok,
    kepala,
    lebar_kolom,
    nomor_kolom,
    tabel_garis,
    tinggi_sel,
)

#: A whole block taller than this (points) may be split between its indicators; a shorter one moves to
#: the next page whole. The first block of a group is kept with the group row (and, at the top, the
#: table's header) up to BATAS_BLOK_AWAL.
BATAS_BLOK = 110.0
BATAS_BLOK_AWAL = 240.0
#: On a continuation the RHK texts are repeated, shortened to this many characters.
_PANJANG_ULANG = 160
LANJUTAN = "(lanjutan)"


@dataclass
class BlokRhk:
    """One RHK: its rows (RHK cells in the first row only) and what a continuation page repeats."""

    baris: list[list[Any]]
    gabung: tuple[int, ...]
    ulang: dict[int, str] = field(default_factory=dict)


class TabelRhk(TabelBerlanjut):
    """A ruled table of RHK blocks that, when a block is split over two pages, repeats its RHK texts.

    ``blok_baris`` gives, per table row, the block it belongs to and its place in it (None for header
    and group rows); ``ulang`` per block the column → text to show again on the new page.
    """

    blok_baris: list[tuple[int, int] | None]
    ulang: list[dict[int, str]]

    def split(self, lebar: float, tinggi: float) -> list[Flowable]:
        bagian = super().split(lebar, tinggi)
        if len(bagian) == 2 and hasattr(self, "blok_baris"):
            self._split_block(bagian[0], bagian[1])
        return bagian

    def _split_block(self, atas: TabelRhk, bawah: TabelRhk) -> None:
        ulang = int(self.repeatRows)
        n = atas._nrows
        dalam_baris = n + bawah._nrows - ulang == self._nrows + 1
        meta = self.blok_baris
        atas.blok_baris, atas.ulang = meta[:n], self.ulang
        bawah.blok_baris = meta[:ulang] + meta[n - 1 if dalam_baris else n :]
        bawah.ulang = self.ulang
        tempat = bawah.blok_baris[ulang] if len(bawah.blok_baris) > ulang else None
        if tempat is None or (tempat[1] == 0 and not dalam_baris):
            return
        isi = bawah._cellvalues[ulang]
        diubah = False
        for kolom, teks_ulang in self.ulang[tempat[0]].items():
            if _kosong(isi[kolom]):
                isi[kolom] = _sel_ulang(teks_ulang)
                diubah = True
        if diubah:
            bawah._argH[ulang] = None


def _kosong(nilai: Any) -> bool:
    """True for a cell with nothing to show (what is left of a cell whose text ended on the page before)."""
    if isinstance(nilai, (list, tuple)):
        return all(isinstance(f, Spacer) for f in nilai)
    return not str(nilai or "").strip()


def _sel_ulang(isi: str) -> list[Flowable]:
    """The RHK text again (shortened) with "(lanjutan)" under it; the RHK's number alone."""
    if isi.isdigit():
        return [p(isi, gaya().sel_tengah)]
    pendek = isi if len(isi) <= _PANJANG_ULANG else isi[: _PANJANG_ULANG - 1].rstrip() + "…"
    return [p(pendek), p(LANJUTAN, gaya().kecil)]


def _tinggi_baris(baris: list[Any], lebar: Sequence[float]) -> float:
    return max((tinggi_sel(isi, lebar[c]) for c, isi in enumerate(baris)), default=0.0)


def _tinggi_blok(blok: BlokRhk, lebar: Sequence[float]) -> float:
    """The block's height with its RHK cells spanning the indicator rows."""
    indikator = sum(
        max((tinggi_sel(isi, lebar[c]) for c, isi in enumerate(b) if c not in blok.gabung), default=0.0)
        for b in blok.baris
    )
    return max(indikator, _tinggi_baris(blok.baris[0], lebar))


def tabel_rhk(
    kolom: Sequence[str],
    bagian: Sequence[float],
    lebar: float,
    kelompok: Sequence[tuple[str, Sequence[BlokRhk]]],
    judul: str = "HASIL KERJA",
    penutup: tuple[str, str] | None = None,
) -> Table:
    """Title, column heads and numbers (repeated on every page), then each group ("A. UTAMA") of blocks.

    A block short enough to be kept whole spans its RHK cells over its indicator rows, as on the official
    form; the first block of a group stays with the group row (and, at the top, with the header), so the
    table begins on a page only when its first RHK fits there. A taller block spans nothing, so it can
    be split between its indicators (a text taller than a page inside it), its RHK cells are drawn
    without inner lines, and the page it continues on names the RHK again, marked "(lanjutan)".
    ``penutup`` ("RATING HASIL KERJA", value) closes the table on the page of its last row.
    """
    lebar_kol = lebar_kolom(lebar, bagian)
    jumlah = len(kolom)
    baris: list[list[Any]] = [kepala(*kolom), nomor_kolom(jumlah)]
    meta: list[tuple[int, int] | None] = [None, None]
    ulang: list[dict[int, str]] = []
    perintah: list[Perintah] = [("LINEBEFORE", (1, 2), (-1, -1), 0.5, black)]
    for judul_kelompok, daftar in kelompok:
        baris_k, pk = baris_kelompok(judul_kelompok, jumlah, len(baris))
        awal_kelompok = len(baris)
        perintah += [*pk, ("LINEBELOW", (0, awal_kelompok), (-1, awal_kelompok), 0.5, black)]
        baris.append(baris_k)
        meta.append(None)
        if not daftar:
            perintah.append(("SPAN", (0, len(baris)), (-1, len(baris))))
            perintah.append(("LINEBELOW", (0, len(baris)), (-1, len(baris)), 0.5, black))
            baris.append([p("-", gaya().sel_tengah)] + [""] * (jumlah - 1))
            meta.append(None)
        for urutan, blok in enumerate(daftar):
            mulai = len(baris)
            akhir = mulai + len(blok.baris) - 1
            dari = awal_kelompok if urutan == 0 else mulai
            if _tinggi_blok(blok, lebar_kol) <= (BATAS_BLOK_AWAL if urutan == 0 else BATAS_BLOK):
                # Kept whole, so its RHK cells may span the indicator rows like on the official form.
                perintah.append(("NOSPLIT", (0, dari), (-1, akhir)))
                if akhir > mulai:
                    perintah += [("SPAN", (c, mulai), (c, akhir)) for c in blok.gabung]
            elif urutan == 0 and _tinggi_baris(blok.baris[0], lebar_kol) <= BATAS_BLOK_AWAL:
                perintah.append(("NOSPLIT", (0, awal_kelompok), (-1, mulai)))
            perintah += _garis_blok(blok, mulai, jumlah)
            meta += [(len(ulang), i) for i in range(len(blok.baris))]
            ulang.append(blok.ulang)
            baris += blok.baris
    if penutup is not None:
        perintah += _penutup(baris, meta, penutup, lebar_kol)
    perintah.append(("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, black))
    tabel = tabel_garis(
        baris, lebar_kol, kepala_baris=2, perintah=perintah, judul=judul, kelas=TabelRhk, grid=False
    )
    tabel.blok_baris = [None, *meta]
    tabel.ulang = ulang
    return tabel


def _garis_blok(blok: BlokRhk, mulai: int, jumlah: int) -> list[Perintah]:
    """Lines under each indicator row, but across the RHK columns only under the block's last row."""
    perintah: list[Perintah] = []
    rentang: list[tuple[int, int]] = []
    for c in range(jumlah):
        if c in blok.gabung:
            continue
        if rentang and rentang[-1][1] == c - 1:
            rentang[-1] = (rentang[-1][0], c)
        else:
            rentang.append((c, c))
    akhir = mulai + len(blok.baris) - 1
    for a, b in rentang:
        if akhir > mulai:
            perintah.append(("LINEBELOW", (a, mulai), (b, akhir - 1), 0.5, black))
    perintah.append(("LINEBELOW", (0, akhir), (-1, akhir), 0.5, black))
    return perintah


def _penutup(
    baris: list[list[Any]], meta: list[tuple[int, int] | None], isi: tuple[str, str], lebar: Sequence[float]
) -> list[Perintah]:
    """The closing row (label over the first half of the columns, value over the rest), kept with the
    row above it unless that one is tall enough to need splitting."""
    g = gaya()
    r, tengah = len(baris), len(lebar) // 2 + 1
    perintah: list[Perintah] = [
        ("SPAN", (0, r), (tengah - 1, r)),
        ("SPAN", (tengah, r), (-1, r)),
        ("BACKGROUND", (0, r), (-1, r), ABU_KELOMPOK),
    ]
    if _tinggi_baris(baris[-1], lebar) <= BATAS_BLOK_AWAL:
        perintah.append(("NOSPLIT", (0, r - 1), (-1, r)))
    kosong = [""] * (len(lebar) - tengah - 1)
    baris.append([p(isi[0], g.sel_tebal), *[""] * (tengah - 1), p(isi[1], g.sel_tebal), *kosong])
    meta.append(None)
    return perintah
