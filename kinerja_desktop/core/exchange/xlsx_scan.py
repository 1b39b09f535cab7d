"""Streamed scan of one worksheet's XML: how far its cells reach, its formulas, its shared-string cells.

python-calamine makes a grid from the first to the last cell of a sheet and copies every shared string
into each cell that uses it, so one cell at XFD1048576, or one long shared string used by many cells,
asks it for hundreds of gigabytes and aborts the process. This scan reads the sheet's XML as it inflates,
a megabyte at a time, and finds those figures first, the way calamine would count them:

* the fast path, for the XML every spreadsheet program writes (each cell ``<c r="A1" …>`` with its
  reference first): one regular-expression search per chunk for a cell beyond the sheet's limits, and
  the chunk's last cell for the figures (sheets are written top to bottom); nothing per cell in Python;
* the exact path, for anything else (cells without a reference, or with it elsewhere in the tag): the
  whole sheet again through expat, following calamine's own rules for cells without a reference.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO
from xml.parsers import expat

#: Bytes inflated and scanned at a time.
POTONGAN = 1 << 20
#: A tag (or text) longer than this without a ">" is not a sheet any program writes.
_SISA_MAKS = 8 << 20
#: Formula cells listed per sheet; more than this and the sheet is refused as a whole.
MAKS_RUMUS = 1_000
#: Where a reference too long to read is taken to be: beyond any limit.
JAUH = 1 << 40

_SEL = re.compile(rb'c r="([A-Za-z]{1,12})([0-9]{1,12})"')
_DIMENSI = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']{0,64})[\"']")
#: A cell tag the fast path cannot read: without attributes, or not starting with its reference.
_SEL_LAIN = re.compile(rb'[<:]c(?:[>/\t\r\n]| (?!r="))')
#: Anything but plain cells, in one search per chunk (two: with and without a namespace prefix): a cell
#: the fast path cannot read, a formula, a merged range. A sheet of values finds none of them.
_LAIN = re.compile(rb'<(?:c(?:[>/\t\r\n]| (?!r="))|f[\s>/]|mergeCell)')
_LAIN_PREFIKS = re.compile(rb':(?:c(?:[>/\t\r\n]| (?!r="))|f[\s>/]|mergeCell)')
#: Attributes written unusually (spaces around "=", single quotes): counted by the slower pattern.
_ATRIBUT_LAIN = (b" =", b"= ", b"\t=", b"=\t", b"\n=", b"=\n", b"\r=", b"=\r", b"='")
_TEKS_BERSAMA = b't="s"'
_TEKS_BERSAMA_LAIN = re.compile(rb"\bt\s*=\s*[\"']s[\"']")
_INDEKS_TEKS = re.compile(
    rb"\bt\s*=\s*[\"']s[\"'][^>]*>(?:<(?:[\w.-]+:)?f\b[^>]*/>|<(?:[\w.-]+:)?f\b[^>]*>[^<]*</(?:[\w.-]+:)?f>)?"
    rb"<(?:[\w.-]+:)?v>([0-9]{1,10})</(?:[\w.-]+:)?v>"
)
_ADA_RUMUS = re.compile(rb"<(?:\w+:)?f[\s>/]")
_SEL_RUMUS = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Za-z]{1,3})(\d{1,7})"[^>]*>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)<)'
)
#: LibreOffice writes every TRUE/FALSE cell as the formula TRUE()/FALSE() with its value: not a formula.
_RUMUS_NILAI = {b"TRUE()", b"FALSE()"}


class SheetTidakLazim(Exception):
    """The sheet's XML is not well formed, or nests cells in cells; nothing a spreadsheet program writes."""


@dataclass
class TeksBersama:
    """The workbook's shared strings as far as the scan needs them: each one's length (an upper bound)."""

    panjang: array[int] = field(default_factory=lambda: array("I"))
    terpanjang: int = 0

    def of(self, indeks: int) -> int:
        return self.panjang[indeks] if 0 <= indeks < len(self.panjang) else 0


@dataclass
class Jangkauan:
    """What the scan of one sheet found: how far its cells reach and what they hold."""

    baris: int = 0  # the last row any cell is in (1-based; 0 for a sheet without cells)
    kolom: int = 0  # the last column, 1-based
    sel_baris: str = ""  # a cell in that row, as the sheet names it (for the message)
    sel_kolom: str = ""  # a cell in that column
    dimensi: str = ""  # the sheet's own <dimension ref="…">, as written
    sel_teks: int = 0  # cells that take a shared string
    teks_bersama: int = 0  # bytes of shared strings those cells copy (an upper bound)
    gabungan: int = 0  # merged ranges (an upper bound)
    rumus: list[tuple[int | None, int | None]] = field(default_factory=list)  # (row, column), 1-based

    @property
    def rumus_lebih(self) -> bool:
        return len(self.rumus) > MAKS_RUMUS


def huruf_kolom(kolom: int) -> str:
    """1 → A, 27 → AA."""
    hasil = ""
    while kolom > 0:
        kolom, r = divmod(kolom - 1, 26)
        hasil = chr(65 + r) + hasil
    return hasil


def nomor_kolom(huruf: bytes | str) -> int:
    """A → 1, AA → 27; lower case as calamine reads it."""
    n = 0
    for c in huruf.upper().encode() if isinstance(huruf, str) else huruf.upper():
        n = n * 26 + c - 64
    return n


def read_ref(ref: bytes | str) -> tuple[int, int] | None:
    """(row, column), 1-based, of a reference such as "B7" or "b7"; None when calamine could not read it."""
    m = re.fullmatch(rb"([A-Za-z]{1,12})([0-9]{1,12})", ref.encode() if isinstance(ref, str) else ref)
    if m is None or int(m[2]) == 0:
        return None
    return int(m[2]), nomor_kolom(m[1])


def _lebih_besar(teks: str, kelas: Callable[[str], str], semua: str) -> bytes:
    """A pattern for any value above ``teks`` of the same kind: longer, or as long and greater."""
    pilihan = [f"{semua}{{{len(teks) + 1},}}"]
    for i, c in enumerate(teks):
        lebih = kelas(c)
        if lebih:
            sama = "".join(f"[{d}{d.lower()}]" if d.isalpha() else d for d in teks[:i])
            sisa = f"{semua}{{{len(teks) - i - 1}}}" if i < len(teks) - 1 else ""
            pilihan.append(sama + lebih + sisa)
    return "|".join(pilihan).encode()


def _angka_lebih(c: str) -> str:
    return f"[{int(c) + 1}-9]" if c != "9" else ""


def _huruf_lebih(c: str) -> str:
    return f"[{chr(ord(c) + 1)}-Z{chr(ord(c) + 33)}-z]" if c != "Z" else ""


def _pola_jauh(baris: int, kolom: int) -> re.Pattern[bytes]:
    """Any cell reference beyond row ``baris`` or column ``kolom``."""
    lewat_baris = _lebih_besar(str(baris), _angka_lebih, "[0-9]") if baris else b"[0-9]+"
    lewat_kolom = _lebih_besar(huruf_kolom(kolom), _huruf_lebih, "[A-Za-z]") if kolom else b"[A-Za-z]+"
    return re.compile(rb'c r="(?:[A-Za-z]+(?:' + lewat_baris + rb')"|(?:' + lewat_kolom + rb")[0-9])")


class _Pemindai:
    """One sheet's scan: the byte-level work shared by both paths, and the fast path itself."""

    def __init__(
        self, teks: TeksBersama, baris: int, kolom: int, berhenti: Callable[[Jangkauan], bool]
    ) -> None:
        self.teks = teks
        self.batas = (baris, kolom)  # the last row and column the sheet may reach
        self.berhenti = berhenti  # True once the sheet is already known to be refused
        self.hasil = Jangkauan()
        self.cepat = True
        self.data_mulai = False
        self._pola = _pola_jauh(baris, kolom)

    def note_cell(self, baris: int, kolom: int, ref: str) -> None:
        h = self.hasil
        if baris > h.baris:
            h.baris, h.sel_baris = baris, ref
        if kolom > h.kolom:
            h.kolom, h.sel_kolom = kolom, ref

    def scan_part(self, part: bytes) -> None:
        """One chunk of whole tags: dimension, formulas and merged ranges, and the fast path while it can."""
        h = self.hasil
        if not self.data_mulai:  # calamine reads the dimension only before the cells
            if (m := _DIMENSI.search(part)) is not None and not h.dimensi:
                h.dimensi = m[1].decode("ascii", "replace")
            self.data_mulai = b"sheetData" in part
        if _LAIN.search(part) or _LAIN_PREFIKS.search(part):
            self._scan_unusual(part)
        if self.cepat:
            self._scan_fast(part)

    def _scan_unusual(self, part: bytes) -> None:
        """A chunk with more than plain cells: count merged ranges, list formulas, see if it is fast."""
        h = self.hasil
        if _SEL_LAIN.search(part):
            self.cepat = False
        if b"mergeCell" in part:
            h.gabungan += part.count(b"mergeCell") - part.count(b"mergeCells")
        if not h.rumus_lebih and (ada := sum(1 for _ in _ADA_RUMUS.finditer(part))):
            letak = 0
            for m in _SEL_RUMUS.finditer(part):
                letak += 1
                if (m[3] or b"").strip().upper() not in _RUMUS_NILAI:
                    h.rumus.append((int(m[2]), nomor_kolom(m[1])))
            if ada > letak:  # a formula in a cell whose reference cannot be read
                h.rumus.append((None, None))

    def _scan_fast(self, part: bytes) -> None:
        """The fast path: every cell of the chunk is ``<c r="…"``; nothing per cell in Python."""
        h = self.hasil
        i = part.rfind(b'c r="')  # the last cell: in a sheet written top to bottom, the farthest row
        if i >= 0 and (m := _SEL.match(part, i)) is not None:
            self._note_match(m)
        if (jauh := self._pola.search(part)) is not None:  # a cell beyond the sheet's limits
            if (m := _SEL.match(part, jauh.start())) is not None:
                self._note_match(m)
            else:  # a reference longer than 12 letters or digits
                h.baris = h.kolom = JAUH
                h.sel_baris = h.sel_kolom = "(alamat sel yang tidak wajar)"
        if self.teks.panjang:
            if any(a in part for a in _ATRIBUT_LAIN):
                n = sum(1 for _ in _TEKS_BERSAMA_LAIN.finditer(part))
            else:
                n = part.count(_TEKS_BERSAMA)
            h.sel_teks += n
            if n:
                self._count_shared(part, n)

    def _count_shared(self, part: bytes, n: int) -> None:
        """Shared-string bytes the chunk's cells copy: exact for the usual tags, the longest for the rest."""
        dibaca = 0
        jumlah = 0
        for m in _INDEKS_TEKS.finditer(part):
            dibaca += 1
            jumlah += self.teks.of(int(m[1]))
        self.hasil.teks_bersama += jumlah + max(n - dibaca, 0) * self.teks.terpanjang

    def _note_match(self, m: re.Match[bytes]) -> None:
        baris = int(m[2])
        kolom = nomor_kolom(m[1])
        self.note_cell(baris, kolom, (m[1] + m[2]).decode("ascii"))


class _Penelusur:
    """The exact path: calamine's own walk over a sheet, with expat, for XML the fast path cannot read.

    Inside ``<sheetData>``: a ``<row r>`` sets the row, its end moves to the next row and the first column;
    a ``<c r>`` is at its reference and sets the column, a ``<c>`` without one is at the current row and
    column; the end of every cell moves one column on (empty elements count, calamine expands them).
    """

    def __init__(self, pemindai: _Pemindai) -> None:
        self.p = pemindai
        self.baris = 0  # 0-based, as calamine keeps them
        self.kolom = 0
        self.di_data = False
        self.selesai = False
        self.di_sel = False
        self.sel_teks = False
        self.di_v = False
        self.isi_v: list[str] = []
        self.parser = expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.parser.StartDoctypeDeclHandler = self.doctype

    def feed(self, data: bytes, akhir: bool = False) -> None:
        try:
            self.parser.Parse(data, akhir)
        except expat.ExpatError as exc:
            raise SheetTidakLazim(str(exc)) from exc

    def doctype(self, *_: object) -> None:
        raise SheetTidakLazim("DOCTYPE")

    def start(self, nama: str, attrs: dict[str, str]) -> None:
        lokal = nama.rpartition(":")[2]
        if not self.di_data:
            self.di_data = lokal == "sheetData" and not self.selesai
            return
        if self.di_sel:
            if lokal in ("c", "row", "sheetData"):
                raise SheetTidakLazim("sel di dalam sel")
            if lokal == "v" and self.sel_teks:
                self.di_v, self.isi_v = True, []
            return
        if lokal == "row":
            if (r := attrs.get("r")) is not None and (m := re.fullmatch(r"[A-Za-z]*([0-9]+)", r)):
                n = int(m[1]) if len(m[1]) <= 12 else JAUH
                self.baris = n - 1 if n > 0 else self.baris
        elif lokal == "c":
            r = attrs.get("r")
            pos = read_ref(r) if r is not None else None
            if r is not None and pos is None and len(r) > 12 and re.fullmatch(r"[A-Za-z]*[0-9]*", r):
                pos = (JAUH, JAUH)  # a reference longer than any sheet: as far as it gets
            if pos is not None:
                self.kolom = pos[1] - 1
                self.p.note_cell(pos[0], pos[1], r or "")
            elif r is None:
                ref = f"{huruf_kolom(self.kolom + 1)}{self.baris + 1}"
                self.p.note_cell(self.baris + 1, self.kolom + 1, ref)
            self.di_sel = True
            self.sel_teks = attrs.get("t") == "s"
            if self.sel_teks:
                self.p.hasil.sel_teks += 1

    def end(self, nama: str) -> None:
        lokal = nama.rpartition(":")[2]
        if not self.di_data:
            return
        if self.di_sel:
            if lokal == "v" and self.di_v:
                self.di_v = False
                isi = "".join(self.isi_v).strip()
                teks = self.p.teks
                self.p.hasil.teks_bersama += (
                    teks.of(int(isi)) if isi.isdigit() and len(isi) <= 10 else teks.terpanjang
                )
            elif lokal == "c":
                self.di_sel = False
                self.kolom += 1
            return
        if lokal == "row":
            self.baris += 1
            self.kolom = 0
        elif lokal == "sheetData":
            self.di_data, self.selesai = False, True

    def text(self, data: str) -> None:
        if self.di_v:
            self.isi_v.append(data)


def scan_sheet(
    buka: Callable[[], IO[bytes]],
    teks: TeksBersama,
    baris: int,
    kolom: int,
    berhenti: Callable[[Jangkauan], bool],
) -> Jangkauan:
    """Scan the sheet ``buka()`` opens, as it inflates, for cells beyond row ``baris`` or column ``kolom``.

    Stops early once ``berhenti`` says the sheet is refused. Raises ``SheetTidakLazim`` for XML no
    spreadsheet program writes, and the zip module's errors for a damaged part.
    """
    p = _Pemindai(teks, baris, kolom, berhenti)
    with buka() as f:
        sisa = b""
        while potongan := f.read(POTONGAN):
            buf = sisa + potongan
            # Whole cells in each chunk, so a cell and its formula are seen together; else whole tags.
            potong = buf.rfind(b"<c ")
            if potong <= 0:
                potong = buf.rfind(b">") + 1
            if potong <= 0:
                if len(buf) > _SISA_MAKS:
                    raise SheetTidakLazim("tag terlalu panjang")
                sisa = buf
                continue
            part, sisa = buf[:potong], buf[potong:]
            p.scan_part(part)
            if berhenti(p.hasil):
                return p.hasil
        if sisa:
            p.scan_part(sisa)
    if p.cepat:
        return p.hasil
    return _scan_exact(buka, p)


def _scan_exact(buka: Callable[[], IO[bytes]], cepat: _Pemindai) -> Jangkauan:
    """The sheet again, through expat; the byte-level findings of the first pass are kept."""
    p = _Pemindai(cepat.teks, *cepat.batas, cepat.berhenti)
    h = p.hasil
    h.dimensi, h.gabungan, h.rumus = cepat.hasil.dimensi, cepat.hasil.gabungan, cepat.hasil.rumus
    penelusur = _Penelusur(p)
    with buka() as f:
        while potongan := f.read(POTONGAN):
            penelusur.feed(potongan)
            if p.berhenti(h):
                return h
        penelusur.feed(b"", akhir=True)
    return h
