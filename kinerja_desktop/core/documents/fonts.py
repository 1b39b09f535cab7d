"""DejaVu fonts registered with ReportLab, so any name prints the same on every machine."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.paths import resources_dir

HURUF = "DejaVuSans"
HURUF_TEBAL = "DejaVuSans-Bold"
HURUF_MIRING = "DejaVuSans-Oblique"
HURUF_TEBAL_MIRING = "DejaVuSans-BoldOblique"


@cache
def register_fonts() -> str:
    """Register the four DejaVu Sans faces once (as one family) and return the family name."""
    folder = resources_dir() / "fonts"
    for nama in (HURUF, HURUF_TEBAL, HURUF_MIRING, HURUF_TEBAL_MIRING):
        berkas = folder / f"{nama}.ttf"
        if not berkas.is_file():
            raise KnownError(
                f"Berkas huruf {berkas.name} tidak ditemukan di {folder}.",
                saran="Pasang ulang aplikasi; folder resources/fonts harus lengkap.",
            )
        pdfmetrics.registerFont(TTFont(nama, str(berkas)))
    pdfmetrics.registerFontFamily(
        HURUF, normal=HURUF, bold=HURUF_TEBAL, italic=HURUF_MIRING, boldItalic=HURUF_TEBAL_MIRING
    )
    return HURUF
