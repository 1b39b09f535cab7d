"""Seeded randomness for the demo data: choices, dates and row ids that repeat for the same seed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

T = TypeVar("T")


class Acak(random.Random):
    """``random.Random`` with the few helpers the generators need."""

    def uid(self) -> str:
        """A version-4 UUID as text, drawn from this generator (same seed, same ids)."""
        n = self.getrandbits(128)
        h = f"{n:032x}"
        varian = "89ab"[(n >> 62) & 3]
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{varian}{h[17:20]}-{h[20:]}"

    def peluang(self, p: float) -> bool:
        """True with probability ``p``."""
        return self.random() < p

    def salah_satu(self, pilihan: Sequence[T]) -> T:
        return pilihan[int(self.random() * len(pilihan))]

    def berbobot(self, pilihan: Sequence[T], bobot: Sequence[float]) -> T:
        return self.choices(pilihan, weights=bobot, k=1)[0]

    def tanggal(self, awal: date, akhir: date) -> date:
        """A day between ``awal`` and ``akhir`` inclusive."""
        return awal + timedelta(days=self.randint(0, max(0, (akhir - awal).days)))
