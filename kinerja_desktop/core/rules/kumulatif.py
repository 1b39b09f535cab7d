"""An indicator's realisation so far in the year, and its capaian against the annual target.

Each period records what was achieved in that period. How the periods add up depends on what the
indicator measures:

* an amount (aspek kuantitas, waktu or biaya: documents made, months worked, money spent) adds up:
  the cumulative value is the sum of the periods reported so far;
* a level (aspek kualitas, or any indicator whose unit is a percentage: "95 % sesuai ketentuan") is
  not added: the cumulative value is the latest value reported.

A period without a value is skipped (nothing is assumed for it). The capaian is the cumulative value
as a percentage of the annual target (the lower bound of a range); it is undefined without a
value or with a target of 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

from kinerja_desktop.core.rules.angka import format_angka

_LEVEL_ASPEK = frozenset({"kualitas"})
_LEVEL_SATUAN = frozenset({"%", "persen", "persentase"})


class CaraKumulatif(StrEnum):
    """How an indicator's periods make its value so far: summed, or the latest one."""

    JUMLAH = "jumlah"
    TERAKHIR = "terakhir"

    @property
    def penjelasan(self) -> str:
        """One sentence for a tooltip: how the cumulative value was made."""
        if self is CaraKumulatif.TERAKHIR:
            return "nilai periode terakhir yang diisi (indikator berupa tingkat atau persentase)"
        return "jumlah realisasi semua periode sampai periode ini"


def cara_kumulatif(aspek: str, satuan: str) -> CaraKumulatif:
    """A level (aspek kualitas, or a unit in percent) keeps its latest value; anything else adds up."""
    if aspek.strip().lower() in _LEVEL_ASPEK or satuan.strip().lower() in _LEVEL_SATUAN:
        return CaraKumulatif.TERAKHIR
    return CaraKumulatif.JUMLAH


def kumulatif(nilai: Iterable[Decimal | None], cara: CaraKumulatif) -> Decimal | None:
    """The value so far from the periods' values in calendar order up to this period (None: not
    reported); None when no period has a value."""
    ada = [n for n in nilai if n is not None]
    if not ada:
        return None
    return ada[-1] if cara is CaraKumulatif.TERAKHIR else sum(ada, Decimal(0))


def capaian(nilai: Decimal | None, target: Decimal | None) -> Decimal | None:
    """``nilai`` as a percentage of ``target``; None without a value, without a target or for 0."""
    if nilai is None or target is None or target <= 0:
        return None
    return nilai * 100 / target


def format_capaian(persen: Decimal | None) -> str:
    """A capaian as shown: "75,0 %" (one decimal), or "" when there is none."""
    return "" if persen is None else f"{format_angka(persen, desimal=1)} %"
