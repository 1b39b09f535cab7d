"""The package checksum recomputed quickly (the same value as ``checksum_paket``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from itertools import repeat
from operator import add
from typing import Any

from kinerja_desktop.core.exchange.paket.model import Baris, _kanonik

_BERULANG = frozenset({Decimal, date, datetime})
_POTONG = 2_000  # rows hashed at a time (their texts are temporary: a few megabytes)
_TEKS = frozenset({str})
_TEKS_KOSONG = frozenset({str, type(None)})
_BULAT = frozenset({int})
_KOSONG = frozenset({type(None)})
_enkode = json.JSONEncoder(ensure_ascii=False, default=str).encode
_enkode_teks: Callable[[str], str] = json.encoder.encode_basestring


class _Kanon:
    """One value as JSON the way ``sidik_baris`` writes it, each distinct date, time or decimal once."""

    def __init__(self) -> None:
        self.ingat: dict[Any, tuple[type, str]] = {}

    def __call__(self, v: Any) -> str:
        if type(v) in _BERULANG:
            hasil = self.ingat.get(v)
            if hasil is None or hasil[0] is not type(v):  # keyed by type too: 1 and Decimal(1) are equal
                hasil = self.ingat[v] = (type(v), _enkode(_kanonik(v)))
            return hasil[1]
        return _enkode(_kanonik(v))


def _kolom_json(nilai: tuple[Any, ...], kanon: _Kanon) -> list[str]:
    """Every value of one column as JSON, by the quickest way its mix of types allows."""
    jenis = set(map(type, nilai))
    if jenis <= _TEKS:
        return list(map(_enkode_teks, nilai))
    if jenis <= _TEKS_KOSONG:
        return ["null" if v is None else _enkode_teks(v) for v in nilai]
    if jenis <= _BULAT:
        return list(map(int.__repr__, nilai))
    if len(jenis - _KOSONG) == 1 and jenis - _KOSONG <= _BERULANG:  # dates, times or decimals: few distinct
        peta = {v: kanon(v) for v in set(nilai)}
        return list(map(peta.__getitem__, nilai))
    return list(map(kanon, nilai))


def checksum_cepat(baris: dict[str, list[Baris]]) -> str:
    """``checksum_paket(baris)`` computed column by column: the same bytes, several times faster.

    Each row's text is ``{"column": value, ...}`` with the columns sorted (what ``sidik_baris`` writes);
    here each column's values are turned into JSON at once, keys and braces added to the whole column,
    and the rows joined by C code, two thousand at a time.
    """
    h = hashlib.sha256()
    kanon = _Kanon()
    for tabel in sorted(baris):
        h.update(tabel.encode())
        rows = baris[tabel]
        if not rows:
            continue
        fields = rows[0]._fields
        urut = sorted(range(len(fields)), key=fields.__getitem__)
        awalan = [f"{_enkode_teks(fields[i])}: " for i in urut]
        awalan[0] = "{" + awalan[0]
        i_id = fields.index("id")
        rows = sorted(rows, key=lambda r: str(r[i_id]))
        for a in range(0, len(rows), _POTONG):
            kolom = list(zip(*rows[a : a + _POTONG], strict=True))
            teks = [
                list(map(add, repeat(awal), _kolom_json(kolom[i], kanon)))
                for awal, i in zip(awalan, urut, strict=True)
            ]
            teks[-1] = [t + "}" for t in teks[-1]]
            baris_teks = map(", ".join, zip(*teks, strict=True))
            h.update("".join(map(add, baris_teks, repeat("\n"))).encode())
    return h.hexdigest()
