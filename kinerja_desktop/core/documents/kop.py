"""The letterhead (kop) and the agency / periode header line of the forms."""

from __future__ import annotations

from functools import cache
from io import BytesIO

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, Image, Spacer

from kinerja_desktop.core.documents.fonts import HURUF_TEBAL
from kinerja_desktop.core.documents.options import Kop
from kinerja_desktop.core.documents.styles import gaya, p
from kinerja_desktop.core.documents.table import tabel_polos

_LOGO = 22 * mm


def _logo(data: bytes | None) -> Flowable | None:
    if not data:
        return None
    try:
        gambar = Image(BytesIO(data))
        lebar, tinggi = float(gambar.imageWidth), float(gambar.imageHeight)
    except Exception:  # a damaged or unsupported image: print the kop without it
        return None
    if lebar <= 0 or tinggi <= 0:
        return None
    skala = min(_LOGO / lebar, _LOGO / tinggi)
    gambar.drawWidth, gambar.drawHeight = lebar * skala, tinggi * skala
    return gambar


def baris_kontak(kop: Kop) -> str:
    """ "Jalan …, Telepon …, Surel …" (the parts that are filled in)."""
    bagian = [kop.alamat.strip()]
    if kop.telepon.strip():
        bagian.append(f"Telepon {kop.telepon.strip()}")
    if kop.email.strip():
        bagian.append(f"Surel {kop.email.strip()}")
    return ", ".join(b for b in bagian if b)


def kop_surat(kop: Kop, lebar: float) -> list[Flowable]:
    """Instansi and office name in capitals, the contact line, optional logo, and a double rule."""
    g = gaya()
    teks_kop: list[Flowable] = []
    if kop.instansi.strip():
        teks_kop.append(p(kop.instansi.strip().upper(), g.kop_instansi))
    teks_kop.append(p(kop.nama.strip().upper(), g.kop_nama))
    kontak = baris_kontak(kop)
    if kontak:
        teks_kop.append(p(kontak, g.kop_alamat))
    logo = _logo(kop.logo)
    if logo is None:
        isi = tabel_polos([[teks_kop]], [lebar])
    else:
        isi = tabel_polos(
            [[logo, teks_kop, ""]],
            [_LOGO + 2 * mm, lebar - 2 * (_LOGO + 2 * mm), _LOGO + 2 * mm],
            perintah=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
        )
    return [
        isi,
        Spacer(1, 2 * mm),
        HRFlowable(width="100%", thickness=2, color=black, spaceBefore=0, spaceAfter=1),
        HRFlowable(width="100%", thickness=0.5, color=black, spaceBefore=0, spaceAfter=5 * mm),
    ]


def judul(*baris: str) -> list[Flowable]:
    """The centred bold title lines of a form."""
    g = gaya()
    return [p(b, g.judul) for b in baris] + [Spacer(1, 4 * mm)]


@cache
def _gaya_kepala() -> tuple[ParagraphStyle, ParagraphStyle]:
    g = gaya()
    kiri = ParagraphStyle("kepala_kiri", parent=g.isi, fontName=HURUF_TEBAL, fontSize=8, leading=10)
    return kiri, ParagraphStyle("kepala_kanan", parent=kiri, alignment=TA_RIGHT)


def baris_kepala(kiri: str, kanan: str, lebar: float) -> Flowable:
    """Agency name on the left and "PERIODE PENILAIAN: …" on the right, above the identity table.

    The right part gets the width it needs on one line (up to 78 %); the agency wraps in the rest.
    """
    gaya_kiri, gaya_kanan = _gaya_kepala()
    perlu = stringWidth(kanan, HURUF_TEBAL, gaya_kanan.fontSize) + 6
    lebar_kanan = min(max(perlu, lebar * 0.5), lebar * 0.78)
    return tabel_polos(
        [[p(kiri.upper(), gaya_kiri), p(kanan, gaya_kanan)]],
        [lebar - lebar_kanan, lebar_kanan],
        perintah=[("BOTTOMPADDING", (0, 0), (-1, -1), 3)],
    )
