"""Signature blocks: place/date, title, room to sign, name (bold, underlined), pangkat, NIP."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from kinerja_desktop.core.documents.gaya import gaya, p, pm
from kinerja_desktop.core.documents.huruf import HURUF_TEBAL
from kinerja_desktop.core.documents.opsi import OpsiCetak
from kinerja_desktop.core.documents.tabel import tabel_polos
from kinerja_desktop.core.rules.tanggal import baris_tempat_tanggal
from kinerja_desktop.core.services.skp_data import Pejabat

RUANG_TANDA_TANGAN = 24 * mm
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


@cache
def _tengah() -> ParagraphStyle:
    return ParagraphStyle("ttd", parent=gaya().isi, alignment=TA_CENTER)


@cache
def _tengah_tebal() -> ParagraphStyle:
    return ParagraphStyle("ttd_nama", parent=gaya().isi, alignment=TA_CENTER, fontName=HURUF_TEBAL)


def blok(penanda: Penanda, opsi: OpsiCetak, *, baris_tanggal: bool) -> list[Flowable]:
    """The lines of one block; ``baris_tanggal`` keeps a (possibly empty) place/date line for alignment."""
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
    if penanda.prefix and pejabat is not None and pejabat.jabatan:
        baris.append(p(f"{penanda.prefix} {pejabat.jabatan}", s))
    baris.append(Spacer(1, RUANG_TANDA_TANGAN))
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
) -> Flowable:
    """Left and right blocks side by side (kept on one page), optionally a centred block below.

    ``ekor`` (the last rows of the table above) is kept on the same page, so the signatures never
    stand alone on a page.
    """
    ada_tanggal = any(b is not None and b.bertanggal for b in (kiri, kanan))
    kolom = lebar * 0.46
    isi_kiri = blok(kiri, opsi, baris_tanggal=ada_tanggal) if kiri else ""
    isi_kanan = blok(kanan, opsi, baris_tanggal=ada_tanggal) if kanan else ""
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


def penanda_mengetahui(atasan: Pejabat | None, opsi: OpsiCetak) -> Penanda | None:
    """The optional "Mengetahui, Atasan Pejabat Penilai Kinerja" block, when the options ask for it."""
    if not opsi.tampilkan_mengetahui:
        return None
    return Penanda(ATASAN, atasan, opsi.prefix_atasan, pembuka="Mengetahui,")
