"""The package checksum recomputed quickly (the same value as ``checksum_paket``), and its warning."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kinerja_desktop.core.exchange.paket.model import Baris, _kanonik
from kinerja_desktop.core.exchange.paket.rencana_model import Masalah, RencanaImpor

_POLOS = frozenset({str, int, bool, float, type(None)})
_BERULANG = frozenset({Decimal, date, datetime})


def checksum_cepat(baris: dict[str, list[Baris]]) -> str:
    """``checksum_paket(baris)``, computed with each row's keys sorted once per sheet instead of per row,
    and each distinct date, time or decimal made canonical once."""
    h = hashlib.sha256()
    encode = json.JSONEncoder(ensure_ascii=False, default=str).encode
    kanon: dict[Any, Any] = {}
    for tabel in sorted(baris):
        h.update(tabel.encode())
        urut: list[str] = []
        kunci_lalu: tuple[str, ...] = ()
        for row in sorted(baris[tabel], key=lambda r: str(r.get("id", ""))):
            kunci = tuple(row)
            if kunci != kunci_lalu:
                kunci_lalu, urut = kunci, sorted(row)
            d: dict[str, Any] = {}
            for k in urut:
                v = row[k]
                if type(v) in _POLOS:
                    d[k] = v
                elif type(v) in _BERULANG:
                    hasil = kanon.get(v, kanon)
                    if hasil is kanon:  # keyed by type too: 1 and Decimal(1) are one dict key
                        hasil = kanon[v] = (type(v), _kanonik(v))
                    if hasil[0] is not type(v):
                        hasil = (type(v), _kanonik(v))
                    d[k] = hasil[1]
                else:
                    d[k] = _kanonik(v)
            h.update(encode(d).encode())
            h.update(b"\n")
    return h.hexdigest()


def lembar_tak_cocok(rencana: RencanaImpor) -> Masalah:
    """The warning for a package whose rows no longer match its checksum: what would change, per sheet."""
    bagian = [
        f"{j.lembar} {j.baru + j.ubah + j.konflik} baris "
        f"({j.baru} baru, {j.ubah} berubah, {j.konflik} konflik)"
        for j in rencana.jumlah
        if j.baru + j.ubah + j.konflik
    ]
    akibat = "; ".join(bagian) if bagian else "tidak ada baris yang akan berubah"
    return Masalah(
        "",
        None,
        "",
        "Isi paket tidak cocok dengan checksum-nya: berkas ini diubah setelah diekspor, jadi tidak bisa "
        f"dipastikan baris mana yang diubah. Yang akan berubah di basis data ini: {akibat}. Periksa "
        "pratinjau; impor hanya bila Anda yakin perubahan itu disengaja, dan nyatakan itu saat mengimpor.",
        menghalangi=False,
    )
