"""The package checksum recomputed quickly (the same value as ``checksum_paket``), and its warning."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any

from kinerja_desktop.core.exchange.paket.model import Baris, _kanonik
from kinerja_desktop.core.exchange.paket.rencana_model import Masalah, RencanaImpor

_POLOS = frozenset({str, int, bool, float, type(None)})
_BERULANG = frozenset({Decimal, date, datetime})


def checksum_cepat(baris: dict[str, list[Baris]]) -> str:
    """``checksum_paket(baris)``, computed with each sheet's column order sorted once instead of per row,
    and each distinct date, time or decimal made canonical once."""
    h = hashlib.sha256()
    encode = json.JSONEncoder(ensure_ascii=False, default=str).encode
    kanon: dict[Any, Any] = {}
    for tabel in sorted(baris):
        h.update(tabel.encode())
        rows = baris[tabel]
        if not rows:
            continue
        fields = rows[0]._fields
        urut = sorted(range(len(fields)), key=fields.__getitem__)
        kunci = [fields[i] for i in urut]
        ambil = itemgetter(*urut)
        i_id = fields.index("id")
        for row in sorted(rows, key=lambda r: str(r[i_id])):
            nilai = list(ambil(row))
            for n, v in enumerate(nilai):
                if type(v) in _POLOS:
                    continue
                if type(v) in _BERULANG:
                    hasil = kanon.get(v, kanon)
                    if hasil is kanon:  # keyed by type too: 1 and Decimal(1) are one dict key
                        hasil = kanon[v] = (type(v), _kanonik(v))
                    if hasil[0] is not type(v):
                        hasil = (type(v), _kanonik(v))
                    nilai[n] = hasil[1]
                else:
                    nilai[n] = _kanonik(v)
            h.update(encode(dict(zip(kunci, nilai, strict=True))).encode())
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
