"""Checks on the package file itself: a readable xlsx zip of sane size, and where its formulas are."""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.rules.angka import format_angka

#: Uncompressed size of the whole workbook: a year of the 15,000-pegawai demo office is about 0.5 GB.
MAKS_UKURAN_ISI = 4 * 1024**3
#: One part may not inflate more than this many times (a "zip bomb"); xlsx sheets inflate 5–20×.
MAKS_RASIO = 200
_SARAN_ULANG = "Ambil ulang berkas aslinya dari pengirimnya, atau minta dibuatkan paket baru."
_POTONGAN = 1 << 20
_ADA_RUMUS = re.compile(rb"<(?:\w+:)?f[\s>/]")
_SEL_RUMUS = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"[^>]*>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)<)'
)
_RUMUS_TANPA_ALAMAT = re.compile(rb"<(?:\w+:)?c\b(?![^>]*\br=)[^>]*>\s*<(?:\w+:)?f[\s>/]")
#: LibreOffice writes every TRUE/FALSE cell as the formula TRUE()/FALSE() with its value: not a formula.
_RUMUS_NILAI = {b"TRUE()", b"FALSE()"}
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class BerkasPaketSalah(KnownError):
    """The file as a whole cannot be read as a package; nothing was changed."""


def check_file(path: Path) -> dict[str, str]:
    """Refuse what is not a sound xlsx; returns each sheet's name → its part in the zip."""
    nama = path.name
    if not path.exists():
        raise BerkasPaketSalah(f"Berkas {path} tidak ditemukan.", saran="Periksa nama dan folder berkasnya.")
    if not path.is_file():
        raise BerkasPaketSalah(f"{path} adalah folder, bukan berkas paket.", saran="Pilih berkas .xlsx-nya.")
    try:
        with path.open("rb") as f:
            awal = f.read(8)
    except OSError as exc:
        raise BerkasPaketSalah(f"Berkas {nama} tidak bisa dibaca: {exc.strerror or exc}.") from exc
    if not awal:
        raise BerkasPaketSalah(f"Berkas {nama} kosong (0 bita).", saran=_SARAN_ULANG)
    if awal.startswith(b"\xd0\xcf\x11\xe0"):
        raise BerkasPaketSalah(
            f"Berkas {nama} berformat Excel lama (.xls) atau dilindungi kata sandi, bukan paket .xlsx.",
            saran="Gunakan berkas paket .xlsx asli yang dibuat aplikasi, tanpa kata sandi.",
        )
    if not awal.startswith(b"PK"):
        raise BerkasPaketSalah(
            f"Berkas {nama} bukan buku kerja Excel (.xlsx); isinya tampak seperti teks atau format lain.",
            saran="Pilih berkas paket .xlsx yang dibuat aplikasi Kinerja Desktop.",
        )
    try:
        with zipfile.ZipFile(path) as arsip:
            return _bagian(arsip, nama)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise BerkasPaketSalah(
            f"Berkas {nama} rusak: arsipnya tidak utuh (mungkin terpotong saat disalin atau diunduh).",
            saran=_SARAN_ULANG,
        ) from exc


def _bagian(arsip: zipfile.ZipFile, nama: str) -> dict[str, str]:
    isi = {i.filename: i for i in arsip.infolist()}
    if "xl/workbook.xml" not in isi:
        if "content.xml" in isi:
            raise BerkasPaketSalah(
                f"Berkas {nama} berformat OpenDocument (.ods), bukan .xlsx.",
                saran="Buka di LibreOffice lalu simpan sebagai Buku Kerja Excel 2007-365 (.xlsx).",
            )
        raise BerkasPaketSalah(f"Berkas {nama} adalah arsip zip, tetapi bukan buku kerja Excel (.xlsx).")
    total = sum(i.file_size for i in isi.values())
    boros = [
        i.filename for i in isi.values() if i.file_size > MAKS_RASIO * max(i.compress_size, 1) + 1_000_000
    ]
    if total > MAKS_UKURAN_ISI or boros:
        raise BerkasPaketSalah(
            f"Berkas {nama} terlalu besar bila dibuka ({format_angka(total / 1024**3, desimal=1)} GB; "
            f"batasnya {MAKS_UKURAN_ISI // 1024**3} GB, dan tidak satu bagian pun boleh mengembang lebih "
            f"dari {MAKS_RASIO} kali). Berkas ini bukan paket yang wajar.",
            saran=_SARAN_ULANG,
        )
    rusak = arsip.testzip()
    if rusak is not None:
        raise BerkasPaketSalah(
            f"Berkas {nama} rusak: bagian '{rusak}' di dalamnya tidak utuh.", saran=_SARAN_ULANG
        )
    try:
        buku = ElementTree.fromstring(arsip.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(arsip.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError) as exc:
        raise BerkasPaketSalah(
            f"Berkas {nama} rusak: daftar lembarnya tidak terbaca.", saran=_SARAN_ULANG
        ) from exc
    target = {r.get("Id"): r.get("Target", "") for r in rels}
    hasil: dict[str, str] = {}
    for sheet in buku.iter():
        if sheet.tag.endswith("}sheet") and sheet.get("name") is not None:
            t = target.get(sheet.get(_NS_REL), "")
            part = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
            hasil[str(sheet.get("name"))] = part
    return hasil


def sel_rumus(path: Path, part: str) -> list[tuple[int | None, int | None]]:
    """(row, column) — 1-based — of every formula cell in one sheet part, scanning its XML as it inflates."""
    hasil: list[tuple[int | None, int | None]] = []
    sisa = b""
    try:
        with zipfile.ZipFile(path) as arsip, arsip.open(part) as f:
            while potongan := f.read(_POTONGAN):
                buf = sisa + potongan
                if (b"<f" in buf or b":f" in buf) and _ADA_RUMUS.search(buf):
                    for m in _SEL_RUMUS.finditer(buf):
                        if (m[3] or b"").strip().upper() not in _RUMUS_NILAI:
                            hasil.append((int(m[2]), _kolom(m[1])))
                    if _RUMUS_TANPA_ALAMAT.search(buf):
                        hasil.append((None, None))
                sisa = buf[-4096:]
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise BerkasPaketSalah(
            f"Bagian lembar '{part}' rusak dan tidak bisa dibaca.", saran=_SARAN_ULANG
        ) from exc
    return sorted(set(hasil), key=lambda rc: (rc[0] or 0, rc[1] or 0))


def _kolom(huruf: bytes) -> int:
    n = 0
    for c in huruf:
        n = n * 26 + c - 64
    return n
