"""Signature blocks: place/date, title, room to sign, name (bold, underlined), pangkat, NIP."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from io import BytesIO
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from kinerja_desktop.core.documents.fonts import HURUF_TEBAL
from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.documents.styles import gaya, p, pm
from kinerja_desktop.core.documents.table import Perintah, tabel_polos
from kinerja_desktop.core.model.skp import Pejabat
from kinerja_desktop.core.rules.tanggal import baris_tempat_tanggal

RUANG_TANDA_TANGAN = 24 * mm
_LEBAR_GAMBAR = 55 * mm
PEGAWAI = "Pegawai yang Dinilai"
PENILAI = "Pejabat Penilai Kinerja"
ATASAN = "Atasan Pejabat Penilai Kinerja"
_KOSONG = "&nbsp;"


@dataclass(frozen=True)
class Penanda:
    """One signer: the role printed as title, who they are, and an optional Plt./Plh. prefix."""

    peran: str
    pejabat: Pejabat | None
    prefix: str = ""
    bertanggal: bool = False
    pembuka: str = ""
    gambar: bytes | None = None


@cache
def _tengah() -> ParagraphStyle:
    return ParagraphStyle("ttd", parent=gaya().isi, alignment=TA_CENTER)


@cache
def _tengah_tebal() -> ParagraphStyle:
    return ParagraphStyle("ttd_nama", parent=gaya().isi, alignment=TA_CENTER, fontName=HURUF_TEBAL)


def _ruang(gambar: bytes | None) -> Flowable:
    """The space to sign in, or a scanned signature scaled into it (a damaged image leaves it blank)."""
    if not gambar:
        return Spacer(1, RUANG_TANDA_TANGAN)
    try:
        isi = Image(BytesIO(gambar))
        lebar, tinggi = float(isi.imageWidth), float(isi.imageHeight)
    except Exception:  # damaged or unsupported: sign by hand
        return Spacer(1, RUANG_TANDA_TANGAN)
    if lebar <= 0 or tinggi <= 0:
        return Spacer(1, RUANG_TANDA_TANGAN)
    skala = min(RUANG_TANDA_TANGAN / tinggi, _LEBAR_GAMBAR / lebar)
    isi.drawWidth, isi.drawHeight = lebar * skala, tinggi * skala
    gaya_sel: list[Perintah] = [("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    gaya_sel += [(f"{sisi}PADDING", (0, 0), (-1, -1), 0) for sisi in ("LEFT", "RIGHT", "TOP", "BOTTOM")]
    return Table(
        [[isi]],
        colWidths=[_LEBAR_GAMBAR],
        rowHeights=[RUANG_TANDA_TANGAN],
        style=TableStyle(gaya_sel),
        hAlign="CENTER",
    )


def ttd_final(opsi: OpsiCetak, final: bool) -> tuple[bytes | None, bytes | None, bytes | None]:
    """The scanned signatures of pegawai, penilai and atasan: only on a final evaluation's forms."""
    if not final:
        return None, None, None
    return opsi.ttd_pegawai, opsi.ttd_penilai, opsi.ttd_atasan


def _berjabatan(penanda: Penanda | None) -> bool:
    """The block has a "Plt. <jabatan>" line."""
    return (
        penanda is not None
        and bool(penanda.prefix)
        and penanda.pejabat is not None
        and bool(penanda.pejabat.jabatan)
    )


def blok(
    penanda: Penanda, opsi: OpsiCetak, *, baris_tanggal: bool, baris_jabatan: bool = False
) -> list[Flowable]:
    """The lines of one block; ``baris_tanggal`` and ``baris_jabatan`` keep a (possibly empty) place/date
    line and Plt./Plh. line, so the names of blocks side by side stand on one line."""
    s = _tengah()
    baris: list[Flowable] = []
    if baris_tanggal:
        if penanda.bertanggal:
            baris.append(p(baris_tempat_tanggal(opsi.tempat, opsi.tanggal), s))
        else:
            baris.append(pm(_KOSONG, s))
    if penanda.pembuka:
        baris.append(p(penanda.pembuka, s))
    baris.append(p(f"{penanda.peran},", s))
    pejabat = penanda.pejabat
    if _berjabatan(penanda) and pejabat is not None:
        baris.append(p(f"{penanda.prefix} {pejabat.jabatan}", s))
    elif baris_jabatan:
        baris.append(pm(_KOSONG, s))
    baris.append(_ruang(penanda.gambar if pejabat is not None else None))
    if pejabat is None or not pejabat.nama.strip():
        baris.append(pm("(" + "." * 45 + ")", s))
        baris.append(pm("NIP " + "." * 36, s))
        return baris
    baris.append(p(pejabat.nama, _tengah_tebal(), garis_bawah=True))
    if opsi.tampilkan_pangkat and pejabat.pangkat:
        baris.append(p(pejabat.pangkat, s))
    baris.append(p(f"NIP {pejabat.nip}" if pejabat.nip else "NIP -", s))
    return baris


def tanda_tangan(
    kiri: Penanda | None,
    kanan: Penanda | None,
    opsi: OpsiCetak,
    lebar: float,
    *,
    mengetahui: Penanda | None = None,
    ekor: Flowable | None = None,
    samping: Flowable | None = None,
) -> Flowable:
    """Left and right blocks side by side (kept on one page), optionally a centred block below.

    ``ekor`` (the last rows of the table above) is kept on the same page, so the signatures never
    stand alone on a page. ``samping`` fills the left column when no one signs there (the rating boxes
    of the Evaluasi Kinerja).
    """
    ada_tanggal = any(b is not None and b.bertanggal for b in (kiri, kanan))
    ada_jabatan = _berjabatan(kiri) or _berjabatan(kanan)
    kolom = lebar * 0.46
    isi_kiri: Any = (
        blok(kiri, opsi, baris_tanggal=ada_tanggal, baris_jabatan=ada_jabatan) if kiri else (samping or "")
    )
    isi_kanan = blok(kanan, opsi, baris_tanggal=ada_tanggal, baris_jabatan=ada_jabatan) if kanan else ""
    bagian: list[Flowable] = [ekor] if ekor is not None else []
    bagian += [
        Spacer(1, 6 * mm),
        tabel_polos([[isi_kiri, "", isi_kanan]], [kolom, lebar - 2 * kolom, kolom]),
    ]
    if mengetahui is not None:
        tengah = blok(mengetahui, opsi, baris_tanggal=False)
        bagian += [
            Spacer(1, 6 * mm),
            tabel_polos([["", tengah, ""]], [(lebar - kolom) / 2, kolom, (lebar - kolom) / 2]),
        ]
    return KeepTogether(bagian)


def penanda_mengetahui(
    atasan: Pejabat | None, opsi: OpsiCetak, gambar: bytes | None = None
) -> Penanda | None:
    """The optional "Mengetahui, Atasan Pejabat Penilai Kinerja" block, when the options ask for it."""
    if not opsi.tampilkan_mengetahui:
        return None
    return Penanda(ATASAN, atasan, opsi.prefix_atasan, pembuka="Mengetahui,", gambar=gambar)
