"""Rules of an SKP (year, periode penilaian, codes), its lampiran, ekspektasi, and the BerAKHLAK values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from kinerja_desktop.core.model.skp import JenisForm, JenisLampiran, Pendekatan, StatusSkp
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.rules.tanggal import format_tanggal
from kinerja_desktop.core.validation.base import CodeRule, Masalah, NumberRule, RowCheck, RowRules, TextRule

TAHUN_MIN, TAHUN_MAKS = 2000, 2100
_PESAN_TAHUN = f"Tahun SKP harus antara {TAHUN_MIN} dan {TAHUN_MAKS}."


def periode_problems(tahun: int, awal: date, akhir: date) -> list[Masalah]:
    """The periode penilaian lies within the SKP's year, its start not after its end."""
    for kolom, tanggal in (("periode_awal", awal), ("periode_akhir", akhir)):
        if tanggal.year != tahun:
            return [
                Masalah(
                    kolom,
                    f"Tanggal {format_tanggal(tanggal)} di luar tahun SKP {tahun}.",
                    saran=f"Periode penilaian berada di antara 1 Januari dan 31 Desember {tahun}.",
                )
            ]
    if akhir < awal:
        return [Masalah("periode_akhir", "Akhir periode penilaian lebih awal dari awalnya.")]
    return []


def _periode(tahun: Any, awal: Any, akhir: Any) -> list[Masalah]:
    if type(tahun) is not int or type(awal) is not date or type(akhir) is not date:
        return []
    return periode_problems(tahun, awal, akhir)


PERILAKU = RowRules(
    "perilaku",
    teks=(TextRule("nama", "Nama nilai perilaku", 60, wajib=True), TextRule("definisi", "Definisi", 2000)),
)

SKP = RowRules(
    "skp",
    teks=(TextRule("catatan_penolakan", "Catatan penolakan", Batas.CATATAN_PENOLAKAN),),
    kode=(
        CodeRule(
            "pendekatan",
            frozenset(p.value for p in Pendekatan),
            "Pendekatan harus kuantitatif atau kualitatif.",
            boleh_kosong=False,
        ),
        CodeRule(
            "jenis_form",
            frozenset(j.value for j in JenisForm),
            "Bentuk SKP '{nilai}' tidak dikenal; pilih ja_jf (JA/JF) atau jpt (JPT).",
            boleh_kosong=False,
        ),
        CodeRule(
            "status",
            frozenset(s.value for s in StatusSkp),
            "Status SKP '{nilai}' tidak dikenal; pilih draft, diajukan, disetujui, ditolak atau diganti.",
            boleh_kosong=False,
        ),
    ),
    angka=(
        NumberRule("tahun", Decimal(TAHUN_MIN), Decimal(TAHUN_MAKS), _PESAN_TAHUN, _PESAN_TAHUN),
        NumberRule("versi", Decimal(1), None, "Versi SKP harus 1 atau lebih.", ""),
    ),
    baris=(RowCheck(("tahun", "periode_awal", "periode_akhir"), _periode),),
)

LAMPIRAN_SKP = RowRules(
    "lampiran_skp",
    teks=(
        TextRule(
            "teks",
            "Butir lampiran",
            Batas.LAMPIRAN,
            wajib=True,
            pesan_wajib="Isi butir lampiran wajib diisi.",
        ),
    ),
    kode=(
        CodeRule(
            "jenis",
            frozenset(j.value for j in JenisLampiran),
            "Jenis lampiran harus sumber_daya, skema atau konsekuensi.",
            boleh_kosong=False,
        ),
    ),
)

EKSPEKTASI_PERILAKU = RowRules(
    "ekspektasi_perilaku", teks=(TextRule("ekspektasi_khusus", "Ekspektasi khusus", Batas.EKSPEKTASI),)
)
