"""Row checks that need no database: value types, required values, ids and business keys within a sheet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.rencana_model import Masalah
from kinerja_desktop.core.exchange.paket.skema import Jenis, TipeKolom

#: Python types a cell of each kind may hold once read (exact types: a bool is not a number here).
_BOLEH: dict[TipeKolom, frozenset[type]] = {
    TipeKolom.TEKS: frozenset({str}),
    TipeKolom.BULAT: frozenset({int}),
    TipeKolom.DESIMAL: frozenset({Decimal, int}),
    TipeKolom.TANGGAL: frozenset({date}),
    TipeKolom.WAKTU: frozenset({datetime}),
    TipeKolom.BOOLEAN: frozenset({bool}),
    TipeKolom.JSON: frozenset({dict, list}),
}
_NAMA_TIPE = {
    TipeKolom.TEKS: "teks",
    TipeKolom.BULAT: "bilangan bulat",
    TipeKolom.DESIMAL: "angka",
    TipeKolom.TANGGAL: "tanggal",
    TipeKolom.WAKTU: "tanggal dan jam (UTC)",
    TipeKolom.BOOLEAN: "Ya atau Tidak",
    TipeKolom.JSON: "data JSON",
}
#: At most this many messages per sheet; the rest are counted in one line.
BATAS_PESAN = 500
SARAN = "Ekspor ulang paket dari kantor asal; jangan mengubah lembar data paket dengan tangan."


def _cuplik(v: Any) -> str:
    teks = str(v)
    return teks if len(teks) <= 40 else teks[:37] + "…"


class PencatatMasalah:
    """Collects one sheet's problems and which rows they make invalid (row index → first problem)."""

    def __init__(self, jenis: Jenis, nomor: Callable[[int], int]) -> None:
        self.jenis = jenis
        self.nomor = nomor
        self.galat: set[int] = set()
        self.masalah: list[Masalah] = []
        self._lain = 0

    def catat(self, i: int, kolom: str, pesan: str) -> None:
        self.galat.add(i)
        judul = self.jenis.kolom_bernama(kolom).judul if kolom else ""
        if len(self.masalah) < BATAS_PESAN:
            self.masalah.append(Masalah(self.jenis.lembar, self.nomor(i), judul, pesan))
        else:
            self._lain += 1

    def selesai(self) -> list[Masalah]:
        if self._lain:
            pesan = f"… dan {self._lain} masalah lain di lembar ini. {SARAN}"
            self.masalah.append(Masalah(self.jenis.lembar, None, "", pesan))
        return self.masalah


def periksa_nilai(jenis: Jenis, rows: list[Baris], catat: PencatatMasalah) -> None:
    """Every cell has its column's type; required cells are filled; the revision is a positive number."""
    aturan = [(k.nama, _BOLEH[k.tipe], k.wajib, k.tipe) for k in jenis.kolom]
    for i, row in enumerate(rows):
        for nama, boleh, wajib, tipe in aturan:
            v = row.get(nama)
            if v is None:
                if wajib:
                    catat.catat(i, nama, f"Kolom ini wajib diisi. {SARAN}")
            elif type(v) not in boleh:
                catat.catat(i, nama, f"Isinya harus {_NAMA_TIPE[tipe]}, tertulis “{_cuplik(v)}”. {SARAN}")
        revisi = row.get("revisi")
        if type(revisi) is int and revisi < 1:
            catat.catat(i, "revisi", f"Revisi harus 1 atau lebih, tertulis {revisi}. {SARAN}")
        rid = row.get("id")
        if type(rid) is str and not 1 <= len(rid) <= 36:
            catat.catat(i, "id", f"ID harus 1 sampai 36 karakter, tertulis “{_cuplik(rid)}”. {SARAN}")


def periksa_id_ganda(rows: list[Baris], catat: PencatatMasalah) -> None:
    """An id appears once in its sheet (the later copies are the invalid ones)."""
    pertama: dict[Any, int] = {}
    for i, row in enumerate(rows):
        rid = row.get("id")
        if rid is None:
            continue
        j = pertama.setdefault(rid, i)
        if j != i:
            catat.catat(
                i,
                "id",
                f"ID {rid} sudah dipakai di baris {catat.nomor(j)} lembar ini; setiap baris harus punya ID "
                f"sendiri. {SARAN}",
            )
