"""Paragraph styles of the forms and a helper that turns plain text into a safe Paragraph."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from kinerja_desktop.core.documents.fonts import HURUF_TEBAL, register_fonts

UKURAN_ISI = 9.0
UKURAN_SEL = 8.0


@dataclass(frozen=True)
class Gaya:
    """The styles every form uses."""

    isi: ParagraphStyle
    isi_tebal: ParagraphStyle
    isi_kanan: ParagraphStyle
    bagian: ParagraphStyle
    judul: ParagraphStyle
    subjudul: ParagraphStyle
    sel: ParagraphStyle
    sel_tengah: ParagraphStyle
    sel_kepala: ParagraphStyle
    sel_tebal: ParagraphStyle
    kecil: ParagraphStyle
    kop_instansi: ParagraphStyle
    kop_nama: ParagraphStyle
    kop_alamat: ParagraphStyle


@cache
def gaya() -> Gaya:
    """Styles on the registered DejaVu family (built once)."""
    huruf = register_fonts()

    def style(nama: str, ukuran: float = UKURAN_ISI, **lain: object) -> ParagraphStyle:
        sifat: dict[str, object] = {"fontName": huruf, "fontSize": ukuran, "leading": ukuran * 1.25}
        sifat.update(lain)
        return ParagraphStyle(nama, **sifat)

    return Gaya(
        isi=style("isi"),
        isi_tebal=style("isi_tebal", fontName=HURUF_TEBAL),
        isi_kanan=style("isi_kanan", alignment=TA_RIGHT),
        bagian=style("bagian", fontName=HURUF_TEBAL, spaceAfter=3, keepWithNext=1),
        judul=style("judul", 11, fontName=HURUF_TEBAL, alignment=TA_CENTER, leading=14),
        subjudul=style("subjudul", UKURAN_ISI, fontName=HURUF_TEBAL, alignment=TA_CENTER),
        sel=style("sel", UKURAN_SEL, alignment=TA_LEFT),
        sel_tengah=style("sel_tengah", UKURAN_SEL, alignment=TA_CENTER),
        sel_kepala=style("sel_kepala", UKURAN_SEL, fontName=HURUF_TEBAL, alignment=TA_CENTER),
        sel_tebal=style("sel_tebal", UKURAN_SEL, fontName=HURUF_TEBAL),
        kecil=style("kecil", 7),
        kop_instansi=style("kop_instansi", 12, fontName=HURUF_TEBAL, alignment=TA_CENTER, leading=15),
        kop_nama=style("kop_nama", 14, fontName=HURUF_TEBAL, alignment=TA_CENTER, leading=17),
        kop_alamat=style("kop_alamat", 8, alignment=TA_CENTER),
    )


def teks(nilai: object) -> str:
    """Plain text as Paragraph markup: &, < and > escaped, line breaks kept."""
    return escape(str(nilai if nilai is not None else "")).replace("\n", "<br/>")


def utuh_atau_pecah(bagian: list[Flowable]) -> list[Flowable]:
    """A split as a table row split expects: none, or two parts.

    A Paragraph that turns out to fit returns itself alone; ReportLab's in-row split of a table then
    fails (IndexError), so an empty second part is added.
    """
    return [bagian[0], Spacer(0, 0)] if len(bagian) == 1 else list(bagian)


class ParagrafSel(Paragraph):  # type: ignore[misc]
    """A Paragraph whose split always gives none or two parts (see ``utuh_atau_pecah``)."""

    def split(self, lebar: float, tinggi: float) -> list[Flowable]:
        return utuh_atau_pecah(super().split(lebar, tinggi))


class TeksPolos(Flowable):  # type: ignore[misc]
    """Plain text in a style: drawn as one line when it fits (cheap), else as a wrapping Paragraph.

    Most cells of the forms ("NIP", a name, "Baik") fit on one line; skipping the Paragraph machinery for
    them is what lets a batch of a thousand forms build quickly.
    """

    def __init__(self, isi: str, style: ParagraphStyle, *, garis_bawah: bool = False) -> None:
        super().__init__()
        # Spaces collapse as in a Paragraph, so both ways of drawing look the same.
        self.isi = "\n".join(" ".join(baris.split()) for baris in isi.split("\n"))
        self.style = style
        self.garis_bawah = garis_bawah
        self._para: Paragraph | None = None
        self._lebar = 0.0
        self._lebar_teks = 0.0

    def _paragraf(self) -> Paragraph:
        if self._para is None:
            markup = teks(self.isi)
            self._para = Paragraph(f"<u>{markup}</u>" if self.garis_bawah else markup, self.style)
        return self._para

    def _satu_baris(self, lebar: float) -> bool:
        s = self.style
        if "\n" in self.isi:
            return False
        self._lebar_teks = stringWidth(self.isi, s.fontName, s.fontSize)
        return bool(self._lebar_teks <= lebar - s.leftIndent - s.rightIndent)

    def wrap(self, lebar: float, tinggi: float) -> tuple[float, float]:
        if self._satu_baris(lebar):
            self._para = None
            self._lebar = lebar
            self.width, self.height = lebar, self.style.leading
        else:
            lebar_p, tinggi_p = self._paragraf().wrap(lebar, tinggi)
            self.width, self.height = float(lebar_p), float(tinggi_p)
        return self.width, self.height

    def split(self, lebar: float, tinggi: float) -> list[Flowable]:
        if self._satu_baris(lebar):
            return []
        para = self._paragraf()
        para.wrap(lebar, tinggi)
        return utuh_atau_pecah(para.split(lebar, tinggi))

    def draw(self) -> None:
        if self._para is not None:
            self._para.drawOn(self.canv, 0, 0)
            return
        s, kanvas = self.style, self.canv
        y = s.leading - s.fontSize
        if s.alignment == TA_CENTER:
            x = (self._lebar + s.leftIndent - s.rightIndent - self._lebar_teks) / 2
        elif s.alignment == TA_RIGHT:
            x = self._lebar - s.rightIndent - self._lebar_teks
        else:
            x = s.leftIndent
        kanvas.setFont(s.fontName, s.fontSize)
        kanvas.setFillColor(s.textColor)
        kanvas.drawString(x, y, self.isi)
        if self.garis_bawah:
            kanvas.setStrokeColor(s.textColor)
            kanvas.setLineWidth(max(0.5, s.fontSize / 14))
            kanvas.line(x, y - s.fontSize / 8, x + self._lebar_teks, y - s.fontSize / 8)


def p(nilai: object, style: ParagraphStyle | None = None, *, garis_bawah: bool = False) -> Flowable:
    """Plain text (never markup) in ``style`` (default: a table cell), wrapped when it needs to be."""
    isi = str(nilai if nilai is not None else "")
    return TeksPolos(isi, style or gaya().sel, garis_bawah=garis_bawah)


def pm(markup: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph of markup the caller built with ``teks`` for every piece of data."""
    return ParagrafSel(markup, style or gaya().sel)
