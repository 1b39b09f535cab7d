"""Rules of an RHK (text, jenis, perspektif) and of its indicators (text, aspek, target, satuan)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kinerja_desktop.core.model.skp import Aspek, JenisRhk, Perspektif
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.validation.base import CodeRule, Masalah, NumberRule, RowCheck, RowRules, TextRule

#: A target or realisation is stored with 4 decimals below 100 trillion (Numeric(18, 4)).
ANGKA_MAKS = Decimal("99999999999999.9999")


def bilangan(kolom: str, label: str) -> NumberRule:
    """A stored number: zero or more, below 100 trillion (a target bound, a realisation)."""
    return NumberRule(
        kolom,
        Decimal(0),
        ANGKA_MAKS,
        f"{label} harus angka nol atau lebih.",
        f"{label} {{angka}} terlalu besar; tulis kurang dari 100 triliun.",
    )


def target_problems(target_min: Decimal | None, target_maks: Decimal | None) -> list[Masalah]:
    """A range needs its lower bound, not above the upper one (a single target is the lower bound)."""
    if target_maks is not None and target_min is None:
        return [Masalah("target_min", "Isi batas bawah target; target tunggal ditulis di batas bawah.")]
    if target_min is not None and target_maks is not None and target_maks < target_min:
        return [Masalah("target_maks", "Batas atas target lebih kecil dari batas bawahnya.")]
    return []


def _target(lo: Any, hi: Any) -> list[Masalah]:
    if hi is None:
        return []  # the common case: a single target (or none) is never out of order
    if not isinstance(lo, Decimal | int | None) or not isinstance(hi, Decimal | int | None):
        return []
    return target_problems(Decimal(lo) if lo is not None else None, Decimal(hi) if hi is not None else None)


RHK = RowRules(
    "rhk",
    teks=(
        TextRule("teks", "Rencana hasil kerja", Batas.RHK, wajib=True),
        TextRule("penugasan_dari", "Keterangan penugasan", Batas.PENUGASAN),
    ),
    kode=(
        CodeRule(
            "jenis",
            frozenset(j.value for j in JenisRhk),
            "Jenis RHK harus utama atau tambahan.",
            boleh_kosong=False,
        ),
        CodeRule(
            "perspektif",
            frozenset(p.value for p in Perspektif),
            "Perspektif harus Penerima Layanan, Proses Bisnis, Penguatan Internal atau Anggaran.",
        ),
    ),
)

INDIKATOR = RowRules(
    "indikator",
    teks=(
        TextRule("teks", "Indikator kinerja individu", Batas.INDIKATOR, wajib=True),
        TextRule("satuan", "Satuan", Batas.SATUAN),
        TextRule("target_teks", "Target (teks)", Batas.TARGET_TEKS),
    ),
    kode=(
        CodeRule(
            "aspek",
            frozenset(a.value for a in Aspek),
            "Aspek harus kuantitas, kualitas, waktu atau biaya.",
            boleh_kosong=False,
        ),
    ),
    angka=(bilangan("target_min", "Target"), bilangan("target_maks", "Batas atas target")),
    baris=(RowCheck(("target_min", "target_maks"), _target),),
)
