"""Rules of an office (kode, names, paper, rhythm) and of a unit of its tree."""

from __future__ import annotations

import re
from typing import Any

from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.rules.periode import Ritme
from kinerja_desktop.core.validation.base import CodeRule, Masalah, RowCheck, RowRules, TextRule, one

KERTAS = ("F4", "A4")
RITME = tuple(r.value for r in Ritme)
_KODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,19}$")
PESAN_KODE = "Kode kantor harus 2–20 karakter: huruf, angka, titik, garis bawah atau tanda hubung."


def kode_problem(kode: str) -> Masalah | None:
    return None if _KODE.match(kode) else Masalah("kode", PESAN_KODE)


def _kode(kode: Any) -> list[Masalah]:
    return one(kode_problem(kode.strip())) if type(kode) is str else []


KANTOR = RowRules(
    "kantor",
    teks=(
        TextRule("nama", "Nama kantor", 200, wajib=True),
        TextRule("instansi", "Nama instansi", 200),
        TextRule(
            "tempat",
            "Tempat",
            100,
            wajib=True,
            pesan_wajib='Tempat wajib diisi; dipakai pada baris tanda tangan, misalnya "Plaju".',
        ),
        TextRule("alamat", "Alamat", 500),
        TextRule("telepon", "Telepon", 50),
        TextRule("email", "Alamat surel", 100),
    ),
    kode=(
        CodeRule("kertas", frozenset(KERTAS), "Ukuran kertas harus F4 atau A4.", boleh_kosong=False),
        CodeRule(
            "ritme", frozenset(RITME), "Ritme penilaian harus triwulan atau bulanan.", boleh_kosong=False
        ),
    ),
    baris=(RowCheck(("kode",), _kode),),
)

UNIT_KERJA = RowRules(
    "unit_kerja",
    teks=(
        TextRule("nama", "Nama unit kerja", Batas.NAMA_UNIT, wajib=True),
        TextRule("kode", "Kode unit", 40),
    ),
)
