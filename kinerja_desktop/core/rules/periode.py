"""Evaluation periods within a year: triwulan, bulan, and the annual AKHIR evaluation."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.tanggal import NAMA_BULAN


class Ritme(StrEnum):
    """How often periodic evaluations happen during the year."""

    TRIWULAN = "triwulan"
    BULANAN = "bulanan"

    @property
    def label(self) -> str:
        """Display text: "Triwulanan" or "Bulanan"."""
        return "Triwulanan" if self == Ritme.TRIWULAN else "Bulanan"


_ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
_KODE_TRIWULAN = tuple(f"TW{i}" for i in range(1, 5))
_KODE_BULAN = tuple(f"B{i:02d}" for i in range(1, 13))
AKHIR = "AKHIR"
_SEMUA_KODE = (*_KODE_TRIWULAN, *_KODE_BULAN, AKHIR)


@dataclass(frozen=True)
class Periode:
    """One evaluation period, identified by its storage code: "TW1".."TW4", "B01".."B12" or "AKHIR"."""

    kode: str

    def __post_init__(self) -> None:
        if self.kode not in _SEMUA_KODE:
            raise _kode_tidak_dikenal(self.kode)

    @property
    def is_akhir(self) -> bool:
        """True for the annual (final) evaluation covering the whole year."""
        return self.kode == AKHIR

    @property
    def ritme(self) -> Ritme | None:
        """The rhythm this period belongs to; None for AKHIR."""
        if self.kode.startswith("TW"):
            return Ritme.TRIWULAN
        if self.kode.startswith("B"):
            return Ritme.BULANAN
        return None

    @property
    def bulan_awal(self) -> int:
        """Number (1–12) of the first month of the period."""
        if self.kode.startswith("TW"):
            return (int(self.kode[2:]) - 1) * 3 + 1
        if self.kode.startswith("B"):
            return int(self.kode[1:])
        return 1

    @property
    def jumlah_bulan(self) -> int:
        """Length of the period in months: 3, 1 or 12."""
        ritme = self.ritme
        if ritme == Ritme.TRIWULAN:
            return 3
        if ritme == Ritme.BULANAN:
            return 1
        return 12

    @property
    def urutan(self) -> int:
        """Sort key within a year: periods in calendar order, AKHIR after all of them."""
        if self.is_akhir:
            return 100
        return self.bulan_awal * 2 + (0 if self.ritme == Ritme.TRIWULAN else 1)

    @property
    def label(self) -> str:
        """Display text: "Triwulan I", "Januari" or "Akhir Tahun"."""
        if self.kode.startswith("TW"):
            return f"Triwulan {_ROMAWI[int(self.kode[2:])]}"
        if self.kode.startswith("B"):
            return NAMA_BULAN[self.bulan_awal]
        return "Akhir Tahun"

    @property
    def label_form(self) -> str:
        """Text for the "PERIODE:" line of printed forms: "TRIWULAN I", "JANUARI" or "AKHIR"."""
        if self.is_akhir:
            return AKHIR
        return self.label.upper()

    def awal(self, tahun: int) -> date:
        """First day of the period in ``tahun``."""
        return date(tahun, self.bulan_awal, 1)

    def akhir(self, tahun: int) -> date:
        """Last day of the period in ``tahun`` (leap years respected)."""
        bulan = self.bulan_awal + self.jumlah_bulan - 1
        return date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])

    def memuat(self, tahun: int, d: date) -> bool:
        """True when ``d`` falls inside this period of ``tahun``."""
        return self.awal(tahun) <= d <= self.akhir(tahun)


def _kode_tidak_dikenal(kode: str) -> ValidationError:
    return ValidationError(
        f"Kode periode '{kode}' tidak dikenal.",
        kolom="periode",
        saran="Gunakan TW1 sampai TW4 (triwulan), B01 sampai B12 (bulan), atau AKHIR (akhir tahun).",
    )


def periode(kode: str) -> Periode:
    """The period for a code; accepts small spelling variants such as "tw 1", "b1" or "akhir"."""
    bersih = re.sub(r"[\s\-_]", "", kode).upper()
    if m := re.fullmatch(r"B(\d{1,2})", bersih):
        bersih = f"B{int(m.group(1)):02d}"
    if bersih not in _SEMUA_KODE:
        raise _kode_tidak_dikenal(kode.strip())
    return Periode(bersih)


def daftar_periode(ritme: Ritme, termasuk_akhir: bool = True) -> list[Periode]:
    """All periods of a year for ``ritme`` in calendar order, optionally followed by AKHIR."""
    kode = _KODE_TRIWULAN if Ritme(ritme) == Ritme.TRIWULAN else _KODE_BULAN
    hasil = [Periode(k) for k in kode]
    if termasuk_akhir:
        hasil.append(Periode(AKHIR))
    return hasil


def periode_untuk_tanggal(ritme: Ritme, d: date) -> Periode:
    """The periodic (non-AKHIR) period of ``ritme`` that contains the date ``d``."""
    if Ritme(ritme) == Ritme.TRIWULAN:
        return Periode(f"TW{(d.month - 1) // 3 + 1}")
    return Periode(f"B{d.month:02d}")
