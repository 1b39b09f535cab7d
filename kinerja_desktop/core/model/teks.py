"""How long a typed text may be: one place for the services that refuse it and the screens that count."""

from __future__ import annotations

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.rules.angka import format_angka


class Batas:
    """Characters a text may hold, per field (the columns are TEXT: the limits keep printed forms and
    packages sensible, and are checked by the services; the screens show what remains)."""

    RHK = 4000
    INDIKATOR = 4000
    SATUAN = 60
    TARGET_TEKS = 2000
    PENUGASAN = 200
    LAMPIRAN = 2000
    EKSPEKTASI = 2000
    CATATAN_PENOLAKAN = 2000
    RENCANA_AKSI = 2000
    KETERANGAN_BUKTI = 4000
    TAUTAN = 2000
    #: Penilaian diri, umpan balik (per RHK and per BerAKHLAK value), catatan/rekomendasi, alasan dibuka.
    EVALUASI = 4000
    CATATAN_CAPAIAN = 2000
    NAMA_UNIT = 200


def length(teks: str) -> int:
    """The length a limit is measured on: what is left after leading and trailing blanks."""
    return len(teks.strip())


def too_long(label: str, panjang: int, maks: int, kolom: str) -> ValidationError:
    """The refusal of a ``label`` text of ``panjang`` characters where ``maks`` fit, saying by how much."""
    return ValidationError(
        f"{label} terlalu panjang: {format_angka(panjang)} karakter, paling banyak {format_angka(maks)}.",
        kolom=kolom,
        saran=f"Persingkat {format_angka(panjang - maks)} karakter, lalu simpan lagi.",
    )


def check_length(teks: str, maks: int, label: str, kolom: str) -> str:
    """``teks`` (stripped) when it fits ``maks``; else a ValidationError naming ``label`` and ``kolom``
    that says by how much it is over."""
    cleaned = teks.strip()
    if len(cleaned) > maks:
        raise too_long(label, len(cleaned), maks, kolom)
    return cleaned
