"""The rules of every table that travels, by table name, and the text lengths forms use."""

from __future__ import annotations

from functools import cache

from kinerja_desktop.core.validation import evaluasi, pegawai, pelatihan, realisasi, rhk, skp, unit
from kinerja_desktop.core.validation.base import RowRules

_SEMUA: tuple[RowRules, ...] = (
    unit.KANTOR,
    unit.UNIT_KERJA,
    pegawai.PEGAWAI,
    pegawai.RIWAYAT_JABATAN,
    pegawai.RIWAYAT_PANGKAT,
    pelatihan.PELATIHAN,
    skp.PERILAKU,
    skp.SKP,
    rhk.RHK,
    rhk.INDIKATOR,
    skp.LAMPIRAN_SKP,
    skp.EKSPEKTASI_PERILAKU,
    realisasi.RENCANA_AKSI,
    realisasi.REALISASI,
    realisasi.BUKTI_DUKUNG,
    evaluasi.CAPAIAN_ORGANISASI,
    evaluasi.EVALUASI,
    evaluasi.UMPAN_BALIK_RHK,
    evaluasi.UMPAN_BALIK_PERILAKU,
    evaluasi.TINDAK_LANJUT,
)


@cache
def semua_aturan() -> dict[str, RowRules]:
    """Table name → its rules (every table a package carries has an entry)."""
    return {r.tabel: r for r in _SEMUA}


def aturan_tabel(tabel: str) -> RowRules:
    return semua_aturan()[tabel]


def max_length(tabel: str, kolom: str) -> int:
    """The most characters the app keeps in a text column: what a form's ``setMaxLength`` uses."""
    return semua_aturan()[tabel].text(kolom).maks
