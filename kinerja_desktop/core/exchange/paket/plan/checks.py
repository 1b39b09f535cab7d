"""Row checks that need no database: value types, required values, ids and business keys within a sheet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from itertools import islice
from operator import attrgetter, eq
from typing import Any

from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.plan.model import Masalah
from kinerja_desktop.core.exchange.paket.schema import Jenis, TipeKolom

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


class ProblemLog:
    """Collects one sheet's problems and which rows they make invalid (row index → first problem)."""

    def __init__(self, jenis: Jenis, nomor: Callable[[int], int]) -> None:
        self.jenis = jenis
        self.nomor = nomor
        self.galat: set[int] = set()
        self.masalah: list[Masalah] = []
        self.dilapor: set[tuple[int, str]] = set()  # (sheet row, header) the reader already blocked
        self._sel: set[tuple[int, str]] = set()  # (row, column) with a message already
        self._lain = 0

    def record(self, i: int, kolom: str, pesan: str) -> None:
        """Row ``i`` is invalid; say why, unless the reader or an earlier check already said so for this
        cell (one message a cell: a wrong type is not also an unknown code)."""
        self.galat.add(i)
        judul = self.jenis.kolom_bernama(kolom).judul if kolom else ""
        if judul and (self.nomor(i), judul) in self.dilapor:
            return
        if kolom:
            if (i, kolom) in self._sel:
                return
            self._sel.add((i, kolom))
        if len(self.masalah) < BATAS_PESAN:
            self.masalah.append(Masalah(self.jenis.lembar, self.nomor(i), judul, pesan))
        else:
            self._lain += 1

    def selesai(self) -> list[Masalah]:
        if self._lain:
            pesan = f"… dan {self._lain} masalah lain di lembar ini. {SARAN}"
            self.masalah.append(Masalah(self.jenis.lembar, None, "", pesan))
        return self.masalah


def _nilai(rows: list[Baris], nama: str) -> list[Any]:
    return list(map(attrgetter(nama), rows))


def check_values(jenis: Jenis, rows: list[Baris], catat: ProblemLog) -> None:
    """Every cell has its column's type; required cells are filled; the revision is a positive number.

    A column is checked as a whole first (the set of its value types); rows are looked at one by one
    only in a column that has a problem.
    """
    kosong = type(None)
    for k in jenis.kolom:
        vals = _nilai(rows, k.nama)
        boleh = _BOLEH[k.tipe]
        if k.isi_wajib:
            for i, v in enumerate(vals):
                if type(v) is str and not v.strip():
                    catat.record(i, k.nama, f"{k.judul} wajib diisi; sel ini kosong. {SARAN}")
        if set(map(type, vals)) <= (boleh if k.wajib else boleh | {kosong}):
            continue
        for i, v in enumerate(vals):
            if v is None:
                if k.wajib:
                    catat.record(i, k.nama, f"{k.judul} wajib diisi. {SARAN}")
            elif type(v) not in boleh:
                catat.record(
                    i, k.nama, f"Isinya harus {_NAMA_TIPE[k.tipe]}, tertulis “{_cuplik(v)}”. {SARAN}"
                )
    # Whole columns first (no list of (row, value) pairs: a million of them would be 60 MB).
    revisi = _nilai(rows, "revisi")
    if min((v for v in revisi if type(v) is int), default=1) < 1:
        for i, v in enumerate(revisi):
            if type(v) is int and v < 1:
                catat.record(i, "revisi", f"Revisi harus 1 atau lebih, tertulis {v}. {SARAN}")
    del revisi
    ids = _nilai(rows, "id")
    panjang = set(map(len, (v for v in ids if type(v) is str)))
    if panjang and (min(panjang) < 1 or max(panjang) > 36):
        for i, v in enumerate(ids):
            if type(v) is str and not 1 <= len(v) <= 36:
                catat.record(i, "id", f"ID harus 1 sampai 36 karakter, tertulis “{_cuplik(v)}”. {SARAN}")


def check_duplicate_ids(rows: list[Baris], catat: ProblemLog) -> None:
    """An id appears once in its sheet (the later copies are the invalid ones)."""
    ids = sorted(v for v in _nilai(rows, "id") if type(v) is str)  # sorted, not a set: a pointer a row
    if not any(map(eq, ids, islice(ids, 1, None))):
        return
    del ids
    pertama: dict[Any, int] = {}
    for i, row in enumerate(rows):
        rid = row.get("id")
        if type(rid) is not str:
            continue
        j = pertama.setdefault(rid, i)
        if j != i:
            catat.record(
                i,
                "id",
                f"ID {rid} sudah dipakai di baris {catat.nomor(j)} lembar ini; setiap baris harus punya ID "
                f"sendiri. {SARAN}",
            )
