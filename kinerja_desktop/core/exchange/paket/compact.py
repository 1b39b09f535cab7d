"""Rows built compactly: equal values that repeat (references, codes, dates, amounts) share one object."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import suppress
from itertools import repeat
from typing import Any

from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.schema import Jenis, TipeKolom, tabel_dirujuk


class Compactor:
    """Turns value lists into rows, sharing repeated values; one per package being built or read.

    A year's package of a large office carries a million rows whose references repeat the same few
    hundred thousand ids, and whose codes, dates and amounts repeat a handful of values: held once
    each, the package takes less than half the memory. The pools live only while the package is built.
    """

    def __init__(self, sudah_dibagi: frozenset[TipeKolom] = frozenset()) -> None:
        """``sudah_dibagi``: column types whose equal values arrive shared already (left as they are)."""
        self._id: dict[str, str] = {}  # ids of referred rows, and the references to them
        self._kolom: dict[tuple[TipeKolom, str], dict[Any, Any]] = {}  # (type, column) → value pool
        self._lewati = frozenset({TipeKolom.BULAT, TipeKolom.BOOLEAN, TipeKolom.JSON}) | sudah_dibagi

    def baris(self, jenis: Jenis, isi: Iterable[Sequence[Any]]) -> list[Baris]:
        """Rows of ``jenis`` from value sequences in column order, each as long as ``jenis.kolom``."""
        rows = list(isi)
        if not rows:
            return []
        kolom: list[Iterable[Any]] = list(zip(*rows, strict=True))
        del rows
        for i, k in enumerate(jenis.kolom):
            with suppress(TypeError):  # an unhashable value in a damaged sheet: that column stays as it is
                kolom[i] = self._kolom_hemat(jenis, k.nama, k.tipe, k.rujukan, kolom[i])
        return list(map(tuple.__new__, repeat(jenis.kelas), zip(*kolom, strict=True)))

    def _kolom_hemat(
        self, jenis: Jenis, nama: str, tipe: TipeKolom, rujukan: str | None, nilai: Iterable[Any]
    ) -> Iterable[Any]:
        if nama == "id":
            if jenis.tabel in tabel_dirujuk():  # pooled: every reference shares the row's own id string
                nilai = list(map(self._id.setdefault, nilai, nilai))
            return nilai
        if rujukan is not None:
            return list(map(self._id.setdefault, nilai, nilai))
        if tipe in self._lewati:
            return nilai
        pool = self._kolom.setdefault((tipe, nama), {})
        if tipe is TipeKolom.DESIMAL:  # 1.0 and 1.00 are equal but written differently: keyed by their text
            return list(map(pool.setdefault, map(str, nilai), nilai))
        return list(map(pool.setdefault, nilai, nilai))
