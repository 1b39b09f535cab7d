"""Checks on the package file itself: the workbook file checks both readers share, worded for a package."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.xlsx_checks import BukuKerja, Gaya, check_workbook

_SARAN_ULANG = "Ambil ulang berkas aslinya dari pengirimnya, atau minta dibuatkan paket baru."


class BerkasPaketSalah(KnownError):
    """The file as a whole cannot be read as a package; nothing was changed."""


def _refuse(pesan: str, saran: str | None) -> KnownError:
    return BerkasPaketSalah(pesan, saran=saran)


GAYA_PAKET = Gaya(
    galat=_refuse,
    saran_ulang=_SARAN_ULANG,
    saran_format="Pilih berkas paket .xlsx yang dibuat aplikasi Kinerja Desktop.",
    saran_xls="Gunakan berkas paket .xlsx asli yang dibuat aplikasi, tanpa kata sandi.",
    saran_batas="Berkas ini bukan paket yang wajar. " + _SARAN_ULANG,
)


def check_file(path: Path) -> BukuKerja:
    """Refuse what is not a sound xlsx of sane size; its sheets are scanned (``BukuKerja.scan``) next."""
    return check_workbook(path, GAYA_PAKET)
