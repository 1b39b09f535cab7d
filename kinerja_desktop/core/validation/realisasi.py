"""Rules of what is done during the year: rencana aksi, realisasi of an indicator, and bukti dukung."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from kinerja_desktop.core.model.skp import JenisBukti
from kinerja_desktop.core.model.teks import Batas
from kinerja_desktop.core.rules.periode import Ritme, daftar_periode
from kinerja_desktop.core.validation.base import (
    CodeRule,
    Masalah,
    NumberRule,
    RowCheck,
    RowRules,
    TextRule,
    one,
)
from kinerja_desktop.core.validation.rhk import bilangan

#: Every period code: TW1 … TW4, B01 … B12 and AKHIR.
KODE_PERIODE = frozenset(p.kode for ritme in Ritme for p in daftar_periode(ritme, termasuk_akhir=True))
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_SPASI = re.compile(r"\s")


def periode_kode(kolom: str = "periode") -> CodeRule:
    return CodeRule(
        kolom,
        KODE_PERIODE,
        "Kode periode '{nilai}' tidak dikenal.",
        boleh_kosong=False,
        saran="Gunakan TW1 sampai TW4 (triwulan), B01 sampai B12 (bulan), atau AKHIR (akhir tahun).",
    )


TAUTAN = TextRule("tautan", "Tautan", Batas.TAUTAN)


def tautan_problem(tautan: str) -> Masalah | None:
    """An http or https address with a host and no spaces, within its length."""
    bagian = urlsplit(tautan)
    if bagian.scheme.lower() not in ("http", "https") or not bagian.netloc or _SPASI.search(tautan):
        return Masalah(
            "tautan",
            "Tautan harus alamat web lengkap yang diawali http:// atau https://.",
            saran="Contoh: https://drive.example.go.id/berkas/123",
        )
    return TAUTAN.problem(tautan)


def _bukti(jenis: Any, keterangan: Any, tautan: Any, sha: Any) -> list[Masalah]:
    """What each kind needs: a note its text, a link a web address, a file its content hash."""
    if jenis == JenisBukti.TAUTAN:
        return one(tautan_problem(tautan)) if type(tautan) is str else []
    if jenis == JenisBukti.CATATAN and type(keterangan) is str and not keterangan.strip():
        return [Masalah("keterangan", "Catatan bukti dukung wajib diisi.")]
    if jenis == JenisBukti.BERKAS and type(sha) is str and not _SHA256.match(sha):
        return [Masalah("sha256", "Sidik berkas (SHA-256) harus 64 angka/huruf heksadesimal (0–9, a–f).")]
    return []


RENCANA_AKSI = RowRules(
    "rencana_aksi",
    teks=(TextRule("teks", "Rencana aksi", Batas.RENCANA_AKSI, wajib=True),),
    kode=(periode_kode(),),
)

REALISASI = RowRules(
    "realisasi",
    teks=(TextRule("teks", "Keterangan realisasi", 4000),),
    kode=(periode_kode(),),
    angka=(bilangan("nilai", "Realisasi"),),
)

BUKTI_DUKUNG = RowRules(
    "bukti_dukung",
    teks=(
        TextRule("keterangan", "Keterangan bukti dukung", Batas.KETERANGAN_BUKTI),
        TAUTAN,
        TextRule("nama_berkas", "Nama berkas", 255),
    ),
    kode=(
        periode_kode(),
        CodeRule(
            "jenis",
            frozenset(j.value for j in JenisBukti),
            "Jenis bukti dukung '{nilai}' tidak dikenal; pilih catatan, tautan atau berkas.",
            boleh_kosong=False,
        ),
    ),
    angka=(NumberRule("ukuran", Decimal(0), None, "Ukuran berkas tidak boleh negatif.", ""),),
    baris=(RowCheck(("jenis", "keterangan", "tautan", "sha256"), _bukti),),
)
