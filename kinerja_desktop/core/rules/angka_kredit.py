"""Conversion of predikat kinerja to angka kredit for jabatan fungsional (PermenPANRB 1/2023)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.jabatan import JenjangFungsional
from kinerja_desktop.core.rules.predikat import Predikat

#: Conversion percentage per predikat, as a percentage (150 means 150 %).
PERSENTASE_PREDIKAT: dict[Predikat, Decimal] = {
    Predikat.SANGAT_BAIK: Decimal("150"),
    Predikat.BAIK: Decimal("100"),
    Predikat.BUTUH_PERBAIKAN: Decimal("75"),
    Predikat.KURANG: Decimal("50"),
    Predikat.SANGAT_KURANG: Decimal("25"),
}

#: Annual angka kredit coefficient per jenjang.
KOEFISIEN_JENJANG: dict[JenjangFungsional, Decimal] = {
    JenjangFungsional.AHLI_UTAMA: Decimal("50"),
    JenjangFungsional.AHLI_MADYA: Decimal("37.5"),
    JenjangFungsional.AHLI_MUDA: Decimal("25"),
    JenjangFungsional.AHLI_PERTAMA: Decimal("12.5"),
    JenjangFungsional.PENYELIA: Decimal("25"),
    JenjangFungsional.MAHIR: Decimal("12.5"),
    JenjangFungsional.TERAMPIL: Decimal("5"),
    JenjangFungsional.PEMULA: Decimal("3.75"),
}

_TIGA_DESIMAL = Decimal("0.001")


def compute_angka_kredit(jenjang: JenjangFungsional, predikat: Predikat, bulan: int = 12) -> Decimal:
    """Angka kredit earned: koefisien × persentase × bulan/12, rounded half-up to 3 decimals.

    Example: Ahli Madya with predikat Baik for a full year gets 37.5 × 100 % = 37.500.
    ``bulan`` (1–12) prorates a partial year spent in the jenjang.
    """
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise ValidationError(
            f"Jumlah bulan {bulan!r} tidak sah untuk perhitungan angka kredit.",
            kolom="bulan",
            saran="Isi jumlah bulan dengan angka bulat 1 sampai 12.",
        )
    koefisien = KOEFISIEN_JENJANG[JenjangFungsional(jenjang)]
    persen = PERSENTASE_PREDIKAT[Predikat(predikat)]
    hasil = koefisien * persen * bulan / Decimal(1200)
    return hasil.quantize(_TIGA_DESIMAL, rounding=ROUND_HALF_UP)
