"""Business keys: twice in one package is invalid; the same key under another id here is a merge."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from operator import eq
from typing import TYPE_CHECKING, Any

from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.rencana_lokal import ada_lokal, jumlah_baris, kunci_lokal
from kinerja_desktop.core.exchange.paket.rencana_model import Penggabungan
from kinerja_desktop.core.exchange.paket.rencana_periksa import SARAN, PencatatMasalah
from kinerja_desktop.core.exchange.paket.skema import Jenis

if TYPE_CHECKING:
    from kinerja_desktop.core.exchange.paket.rencana import _Perencana

#: Master data born in every office with its own ids: merged by business key without asking.
GABUNG_OTOMATIS = frozenset({"perilaku"})


def _kunci_sah(kolom: list[list[Any]], galat: set[int]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row, key) of every valid row whose key is complete."""
    return ((i, k) for i, k in enumerate(zip(*kolom, strict=True)) if None not in k and i not in galat)


def _tanpa_ganda(kolom: list[list[Any]], galat: set[int]) -> bool:
    """No key twice among the valid rows, told from the keys' hashes alone (a few bytes a row)."""
    try:
        urut = sorted(hash(k) for _, k in _kunci_sah(kolom, galat))
    except TypeError:  # an unhashable value: its row is already invalid, but look closer
        return False
    return not any(map(eq, urut, islice(urut, 1, None)))  # equal hashes: look closer


def _milik(
    p: _Perencana,
    jenis: Jenis,
    rows: list[Baris],
    kunci: tuple[str, ...],
    catat: PencatatMasalah,
    perlu: bool,
) -> dict[tuple[Any, ...], int]:
    """Key → the first valid row holding it; later rows with the same key are invalid.

    ``perlu`` False: the caller only needs the duplicates marked; when there are none, nothing is built.
    """
    rujukan = {k.nama: k.rujukan for k in jenis.kolom if k.rujukan}
    kolom = [p.kolom_kami(rows, c, rujukan.get(c)) for c in kunci]
    galat = catat.galat
    if not perlu and _tanpa_ganda(kolom, galat):
        return {}
    milik: dict[tuple[Any, ...], int] = {}
    ganda: list[int] = []
    for i, k in _kunci_sah(kolom, galat):
        try:
            pertama = milik.setdefault(k, i)
        except TypeError:  # an unhashable value: the row is invalid already
            continue
        if pertama != i:  # the first row wins
            ganda.append(i)
    del kolom
    judul = ", ".join(jenis.kolom_bernama(c).judul for c in kunci)
    for i in ganda:
        k = tuple(p.kolom_kami([rows[i]], c, rujukan.get(c))[0] for c in kunci)
        j = milik[k]
        if j != i:
            catat.catat(
                i,
                kunci[0],
                f"{p.peraga.uraian(jenis.tabel, rows[i])} tercatat dua kali di paket ini (baris "
                f"{catat.nomor(j)} juga, kolom {judul}); satu data hanya boleh satu baris. {SARAN}",
            )
    return milik


def periksa_kunci(
    p: _Perencana, jenis: Jenis, rows: list[Baris], kunci: tuple[str, ...], catat: PencatatMasalah
) -> None:
    """Duplicates within the package, clashes with another row here, and merges with ours."""
    ada_di_sini = jumlah_baris(p.conn, jenis.table) > 0
    milik = _milik(p, jenis, rows, kunci, catat, perlu=ada_di_sini)
    if not milik or not ada_di_sini:
        return
    kandidat: list[tuple[int, str]] = []  # (row, our id) where we hold its key under another id
    for nilai, lid in kunci_lokal(p.conn, jenis.table, kunci, {k[0] for k in milik}):
        i = milik.get(nilai)  # only keys both hold matter: ours are read a block at a time, never all at once
        if i is not None and lid != p.id_kami(rows[i]):
            kandidat.append((i, lid))
    del milik
    if not kandidat:
        return
    sini = ada_lokal(p.conn, jenis.table, [p.id_kami(rows[i]) for i, _ in kandidat])
    lid_dicari = {lid for _, lid in kandidat}
    lid_paket = {v for v in p.kolom_kami(rows, "id", jenis.tabel) if v in lid_dicari}
    gabung: list[tuple[int, str]] = []
    for i, lid in kandidat:
        mid = p.id_kami(rows[i])
        if mid in sini or lid in lid_paket:  # ours is another row of the package, or theirs is here too
            pesan = (
                f"{p.peraga.uraian(jenis.tabel, rows[i])} sudah dipakai oleh data lain di sini "
                f"({p.peraga.uraian_id(jenis.tabel, lid)}). Perbaiki datanya di kantor asal, "
                "lalu ekspor ulang paketnya."
            )
            catat.catat(i, kunci[0], pesan)
            continue
        gabung.append((i, lid))
    if not gabung:
        return
    p.tabel_peta.add(jenis.tabel)
    for i, lid in gabung:
        rid = str(rows[i].id)
        p.peta[rid] = p.gabung_baru[rid] = lid
        p.id_paket[jenis.tabel].discard(rid)
        p.id_paket[jenis.tabel].add(lid)
        p.rencana.penggabungan.append(
            Penggabungan(
                jenis.tabel,
                jenis.lembar,
                catat.nomor(i),
                rid,
                lid,
                p.peraga.uraian(jenis.tabel, rows[i]),
                jenis.tabel in GABUNG_OTOMATIS,
            )
        )
