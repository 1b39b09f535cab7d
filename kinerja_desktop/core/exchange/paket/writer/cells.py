"""Cells of a package sheet: typed values turned into what openpyxl's write-only ``append`` takes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.schema import Jenis, Kolom, TipeKolom, semua_jenis
from kinerja_desktop.core.exchange.xlsx_file import AWAL_RUMUS, text_cell
from kinerja_desktop.core.rules.angka import format_angka

#: Excel's limit of characters in one cell.
MAKS_PANJANG_SEL = 32_767
#: Characters an xlsx (XML 1.0) cannot hold; ``clean_texts`` removes them before the checksum is taken.
KARAKTER_TERLARANG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: "_x0041_" in a cell's text is read by Excel (and calamine) as the escape of "A"; its "_" is escaped.
_GAYA_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_AWAL = frozenset(AWAL_RUMUS)
_MAKS_INGAT = 50_000


class PaketDibatalkan(KnownError):
    """The user cancelled writing or reading a package; nothing was written or changed."""

    def __init__(self) -> None:
        super().__init__("Pembuatan atau pembacaan paket dibatalkan; tidak ada yang diubah.")


def clean_text(teks: str) -> str:
    """What a workbook can keep of a text: no XML-illegal characters, line ends as \\n."""
    if "\r" in teks:
        teks = teks.replace("\r\n", "\n").replace("\r", "\n")
    return KARAKTER_TERLARANG.sub("", teks)


def clean_texts(baris: dict[str, list[Baris]]) -> None:
    """Make every text value one a workbook carries unchanged (in place), so the checksum survives.

    XML-illegal characters go, line ends become \n, and a blank text (empty or only spaces, which a
    workbook cell does not keep) becomes "" in a required column and None in an optional one.
    """
    for tabel, rows in baris.items():
        jenis = next(j for j in semua_jenis() if j.tabel == tabel)
        teks = [(k.nama, "" if k.wajib else None) for k in jenis.kolom if k.tipe is TipeKolom.TEKS]
        for n, row in enumerate(rows):
            ganti: dict[str, Any] = {}
            for nama, kosong in teks:
                v = row.get(nama)
                if not isinstance(v, str):
                    continue
                if not v.strip() and v != kosong:
                    ganti[nama] = kosong
                elif KARAKTER_TERLARANG.search(v) or "\r" in v:
                    ganti[nama] = clean_text(v)
            if ganti:
                rows[n] = row.ganti(**ganti)


class Sel:
    """Turns typed values into cells of one sheet; plain values where possible (the fast path)."""

    def __init__(self, ws: Any, lembar: str) -> None:
        self.ws = ws
        self.lembar = lembar
        self.baris: Baris | None = None

    def teks(self, v: Any, judul: str) -> Any:
        if v is None or v == "":
            return None
        if not isinstance(v, str):
            v = str(v)
        if len(v) > MAKS_PANJANG_SEL:
            rid = self.baris.get("id", "") if self.baris is not None else ""
            raise KnownError(
                f"Teks pada lembar {self.lembar}, kolom {judul} (ID {rid}) panjangnya "
                f"{format_angka(len(v))} karakter; satu sel Excel memuat paling banyak "
                f"{format_angka(MAKS_PANJANG_SEL)}.",
                saran="Perpendek teks itu di aplikasi, lalu buat paketnya lagi.",
            )
        if "_x" in v:
            v = _GAYA_ESCAPE.sub("_x005F_", v)
        if v.startswith(AWAL_RUMUS):
            return text_cell(self.ws, v)  # never a formula, and kept text when edited in Excel
        return clean_text(v) if KARAKTER_TERLARANG.search(v) else v

    def desimal(self, v: Any, judul: str) -> Any:
        if v is None:
            return None
        d = v if isinstance(v, Decimal) else Decimal(str(v))
        normal = d.normalize()
        if len(normal.as_tuple().digits) <= 15 and d.is_finite():
            return float(d)  # Excel keeps 15 significant digits exactly
        return self.teks(format(normal, "f"), judul)

    def waktu(self, v: Any, judul: str) -> Any:
        if v is None:
            return None
        if isinstance(v, datetime):
            v = (v.replace(tzinfo=UTC) if v.tzinfo is None else v.astimezone(UTC)).isoformat(
                timespec="microseconds"
            )
        return self.teks(v, judul)

    def json(self, v: Any, judul: str) -> Any:
        if v is None:
            return None
        return self.teks(json.dumps(v, sort_keys=True, ensure_ascii=False), judul)


def _teks_cepat(sel: Sel, judul: str) -> Callable[[Any], Any]:
    teks = sel.teks

    def convert(v: Any) -> Any:
        # The common case: a printable text of a sane length that needs nothing done to it.
        biasa = type(v) is str and v and v[0] not in _AWAL and len(v) <= MAKS_PANJANG_SEL
        if biasa and v.isprintable() and "_x" not in v:
            return v
        return teks(v, judul)

    return convert


def _diingat(f: Callable[[Any, str], Any], judul: str) -> Callable[[Any], Any]:
    """``f`` with its plain results remembered per value (a column repeats the same times and numbers)."""
    ingat: dict[Any, Any] = {}

    def convert(v: Any) -> Any:
        hasil = ingat.get(v)
        if hasil is None:
            hasil = f(v, judul)
            if type(hasil) in (str, float) and len(ingat) < _MAKS_INGAT:
                ingat[v] = hasil
        return hasil

    return convert


def _pengubah(sel: Sel, k: Kolom) -> Callable[[Any], Any] | None:
    """The converter of one column; None when the value goes in as it is."""
    judul = k.judul
    if k.tipe is TipeKolom.TEKS:
        return _teks_cepat(sel, judul)
    if k.tipe is TipeKolom.DESIMAL:
        return _diingat(sel.desimal, judul)
    if k.tipe is TipeKolom.WAKTU:
        return _diingat(sel.waktu, judul)
    if k.tipe is TipeKolom.JSON:
        return lambda v: sel.json(v, judul)
    if k.tipe is TipeKolom.TANGGAL:
        return lambda v: v.date() if isinstance(v, datetime) else v
    return None  # BULAT, BOOLEAN


def row_converter(sel: Sel, jenis: Jenis) -> Callable[[Baris], list[Any]]:
    """A function turning one row into the list of cells ``ws.append`` takes."""
    convert = [(i, f) for i, k in enumerate(jenis.kolom) if (f := _pengubah(sel, k)) is not None]

    def baris(row: Baris) -> list[Any]:
        sel.baris = row
        sel_sel = list(row)
        for i, f in convert:
            sel_sel[i] = f(sel_sel[i])
        return sel_sel

    return baris
