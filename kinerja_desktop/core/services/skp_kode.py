"""Codes of SKP planning (status, form, jenis, aspek, perspektif, lampiran) and how targets are printed."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum


class StatusSkp(StrEnum):
    """Where an SKP version is in its flow: draft → diajukan → disetujui (or ditolak → draft)."""

    DRAFT = "draft"
    DIAJUKAN = "diajukan"
    DISETUJUI = "disetujui"
    DITOLAK = "ditolak"
    DIGANTI = "diganti"

    @property
    def label(self) -> str:
        return {
            "draft": "Draf",
            "diajukan": "Diajukan",
            "disetujui": "Disetujui",
            "ditolak": "Ditolak",
            "diganti": "Diganti revisi",
        }[self.value]


#: Statuses in which the plan itself (header, RHK, indikator, lampiran) may be changed.
STATUS_BISA_DIUBAH = frozenset({StatusSkp.DRAFT.value, StatusSkp.DITOLAK.value})


class JenisForm(StrEnum):
    """The SKP form: Jabatan Administrasi/Fungsional (with intervened RHK and aspek) or JPT (perspektif)."""

    JA_JF = "ja_jf"
    JPT = "jpt"


class Pendekatan(StrEnum):
    KUANTITATIF = "kuantitatif"
    KUALITATIF = "kualitatif"


class JenisRhk(StrEnum):
    UTAMA = "utama"
    TAMBAHAN = "tambahan"


class Aspek(StrEnum):
    KUANTITAS = "kuantitas"
    KUALITAS = "kualitas"
    WAKTU = "waktu"
    BIAYA = "biaya"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Perspektif(StrEnum):
    """Perspektif of a JPT RHK."""

    PENERIMA_LAYANAN = "penerima_layanan"
    PROSES_BISNIS = "proses_bisnis"
    PENGUATAN_INTERNAL = "penguatan_internal"
    ANGGARAN = "anggaran"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


class JenisLampiran(StrEnum):
    SUMBER_DAYA = "sumber_daya"
    SKEMA = "skema"
    KONSEKUENSI = "konsekuensi"

    @property
    def label(self) -> str:
        return {
            "sumber_daya": "Dukungan Sumber Daya",
            "skema": "Skema Pertanggungjawaban",
            "konsekuensi": "Konsekuensi",
        }[self.value]


def format_angka(nilai: Decimal) -> str:
    """Indonesian number text: "1.500", "2,5", "90"."""
    normal = nilai.quantize(Decimal(1)) if nilai == nilai.to_integral_value() else nilai.normalize()
    bulat, _, pecahan = f"{normal:f}".partition(".")
    tanda = "-" if bulat.startswith("-") else ""
    digits = bulat.lstrip("-")
    kelompok = f"{int(digits):,}".replace(",", ".")
    return f"{tanda}{kelompok},{pecahan}" if pecahan else f"{tanda}{kelompok}"


def format_target(
    target_min: Decimal | None, target_maks: Decimal | None, satuan: str, target_teks: str
) -> str:
    """Target as printed: "12 dokumen", "90 – 100 %", or the text target (both when both exist)."""
    angka = ""
    if target_min is not None:
        angka = format_angka(target_min)
        if target_maks is not None:
            angka = f"{angka} – {format_angka(target_maks)}"
        if satuan:
            angka = f"{angka} {satuan}"
    if angka and target_teks:
        return f"{angka} ({target_teks})"
    return angka or target_teks
