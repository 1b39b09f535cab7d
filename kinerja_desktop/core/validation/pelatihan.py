"""Rules of a training record: its name, hours (JP) and dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from kinerja_desktop.core.validation.base import Masalah, NumberRule, RowCheck, RowRules, TextRule

JP_MIN, JP_MAKS = 1, 1000
_PESAN_JP = f"JP harus bilangan bulat {JP_MIN} sampai {JP_MAKS}."


def _tanggal(mulai: Any, selesai: Any) -> list[Masalah]:
    if type(mulai) is date and type(selesai) is date and selesai < mulai:
        return [Masalah("tanggal_selesai", "Tanggal selesai tidak boleh sebelum tanggal mulai.")]
    return []


PELATIHAN = RowRules(
    "pelatihan",
    teks=(
        TextRule("nama", "Nama pelatihan", 250, wajib=True),
        TextRule("penyelenggara", "Penyelenggara", 200),
        TextRule("nomor_sertifikat", "Nomor sertifikat", 100),
    ),
    angka=(NumberRule("jp", Decimal(JP_MIN), Decimal(JP_MAKS), _PESAN_JP, _PESAN_JP),),
    baris=(RowCheck(("tanggal_mulai", "tanggal_selesai"), _tanggal),),
)
