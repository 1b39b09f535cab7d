"""Signature blocks side by side keep their names on one line, whatever each block carries above."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.core.documents.options import OpsiCetak
from kinerja_desktop.core.documents.tanda_tangan import PEGAWAI, PENILAI, Penanda, blok
from kinerja_desktop.core.model.skp import Pejabat

_OPSI = OpsiCetak(tanggal=date(2026, 11, 23), tempat="Plaju")
_ORANG = Pejabat("p", "Darmawan Hakim", "199401272018121001", "Pengatur (II/c)", "Staf", "Sekretariat")
_CAMAT = Pejabat("c", "Kgs. Hadi", "197502142003021001", "Pembina (IV/b)", "Camat Plaju", "Kecamatan Plaju")


def _teks(f: object) -> str:
    return str(getattr(f, "isi", "") or getattr(f, "text", ""))


def _baris_sampai_nama(isi: list[object]) -> int:
    """How many flowables stand above the name (the underlined one)."""
    return next(i for i, f in enumerate(isi) if getattr(f, "garis_bawah", False))


def test_a_plt_line_on_one_side_is_matched_by_an_empty_line_on_the_other() -> None:
    kiri = Penanda(PEGAWAI, _ORANG, bertanggal=True)
    kanan = Penanda(PENILAI, _CAMAT, prefix="Plt.", bertanggal=True)
    sendiri = blok(kiri, _OPSI, baris_tanggal=True)
    rata = blok(kiri, _OPSI, baris_tanggal=True, baris_jabatan=True)
    berawalan = blok(kanan, _OPSI, baris_tanggal=True, baris_jabatan=True)
    assert _baris_sampai_nama(rata) == _baris_sampai_nama(berawalan) == _baris_sampai_nama(sendiri) + 1
    assert any(_teks(f) == "Plt. Camat Plaju" for f in berawalan)
