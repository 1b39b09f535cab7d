"""Indonesian date formatting and parsing for printed forms and typed input."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from kinerja_desktop.core.errors import ValidationError

#: Month number (1–12) to its Indonesian name.
NAMA_BULAN: Mapping[int, str] = MappingProxyType(
    {
        1: "Januari",
        2: "Februari",
        3: "Maret",
        4: "April",
        5: "Mei",
        6: "Juni",
        7: "Juli",
        8: "Agustus",
        9: "September",
        10: "Oktober",
        11: "November",
        12: "Desember",
    }
)

FORMAT_DITERIMA = (
    "Format yang diterima: 23/11/2026, 23-11-2026, 23.11.2026, 2026-11-23, atau 23 November 2026 "
    "(tahun ditulis 4 digit)."
)

# Lower-case spellings (full names, "Nopember", common abbreviations) to month number.
_BULAN_DARI_NAMA: dict[str, int] = {nama.lower(): nomor for nomor, nama in NAMA_BULAN.items()}
_BULAN_DARI_NAMA.update(
    {
        "nopember": 11,
        "pebruari": 2,
        "jan": 1,
        "feb": 2,
        "peb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "agu": 8,
        "agt": 8,
        "ags": 8,
        "agus": 8,
        "sep": 9,
        "sept": 9,
        "okt": 10,
        "nov": 11,
        "nop": 11,
        "des": 12,
    }
)

_ANGKA_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d+)")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TEKS = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d+)")


def format_tanggal(d: date) -> str:
    """Format as "23 November 2026": day without leading zero, month as a word."""
    return f"{d.day} {NAMA_BULAN[d.month]} {d.year}"


def baris_tempat_tanggal(tempat: str, d: date) -> str:
    """Place/date line above a signature, e.g. "Plaju, 23 November 2026" (date only if no place)."""
    tempat = tempat.strip()
    if not tempat:
        return format_tanggal(d)
    return f"{tempat}, {format_tanggal(d)}"


def _check_order(awal: date, akhir: date) -> None:
    if akhir < awal:
        raise ValidationError(
            f"Tanggal akhir ({format_tanggal(akhir)}) lebih awal dari tanggal awal ({format_tanggal(awal)}).",
            kolom="tanggal",
            saran="Tukar atau perbaiki kedua tanggal itu.",
        )


def format_rentang(awal: date, akhir: date) -> str:
    """Format as "1 Januari s.d. 31 Desember 2026"; the first year too when the years differ."""
    _check_order(awal, akhir)
    kiri = format_tanggal(awal) if awal.year != akhir.year else f"{awal.day} {NAMA_BULAN[awal.month]}"
    return f"{kiri} s.d. {format_tanggal(akhir)}"


def format_periode_penilaian(awal: date, akhir: date) -> str:
    """Form header text, e.g. "01 JANUARI SD 31 DESEMBER TAHUN 2026"."""
    _check_order(awal, akhir)
    kiri = f"{awal.day:02d} {NAMA_BULAN[awal.month].upper()}"
    if awal.year != akhir.year:
        kiri += f" {awal.year}"
    return f"{kiri} SD {akhir.day:02d} {NAMA_BULAN[akhir.month].upper()} TAHUN {akhir.year}"


def _gagal(pesan: str) -> ValidationError:
    return ValidationError(pesan, kolom="tanggal", saran=FORMAT_DITERIMA)


def _make_date(teks: str, tahun_teks: str, bulan: int, hari: int) -> date:
    if len(tahun_teks) != 4:
        raise _gagal(
            f"Tahun pada tanggal '{teks}' harus ditulis 4 digit (contoh 2026), bukan '{tahun_teks}'."
        )
    tahun = int(tahun_teks)
    if not 1 <= bulan <= 12:
        raise _gagal(f"Bulan pada tanggal '{teks}' harus 1 sampai 12, bukan {bulan}.")
    if tahun < 1:
        raise _gagal(f"Tahun pada tanggal '{teks}' tidak sah.")
    hari_terakhir = calendar.monthrange(tahun, bulan)[1]
    if not 1 <= hari <= hari_terakhir:
        raise _gagal(
            f"Tanggal '{teks}' tidak ada di kalender: {NAMA_BULAN[bulan]} {tahun} "
            f"hanya sampai tanggal {hari_terakhir}."
        )
    return date(tahun, bulan, hari)


def parse_tanggal(text: str) -> date:
    """Read a typed date: 23/11/2026, 23-11-2026, 23.11.2026, 2026-11-23 or 23 November 2026.

    Month names are Indonesian, case-insensitive, and may be "Nopember" or a common
    abbreviation ("Nov", "Agt"). Two-digit years and dates that do not exist are rejected.
    """
    teks = " ".join(text.replace("\u00a0", " ").split())
    if not teks:
        raise _gagal("Tanggal belum diisi.")
    if m := _ISO.fullmatch(teks):
        return _make_date(teks, m.group(1), int(m.group(2)), int(m.group(3)))
    if m := _ANGKA_DMY.fullmatch(teks):
        return _make_date(teks, m.group(4), int(m.group(3)), int(m.group(1)))
    if m := _TEKS.fullmatch(teks):
        nama = m.group(2).lower()
        if nama not in _BULAN_DARI_NAMA:
            raise _gagal(f"Nama bulan '{m.group(2)}' pada tanggal '{teks}' tidak dikenal.")
        return _make_date(teks, m.group(3), _BULAN_DARI_NAMA[nama], int(m.group(1)))
    raise _gagal(f"Format tanggal '{teks}' tidak dikenali.")
