"""Business keys: twice in one package is invalid; the same key under another id here is a merge."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.rencana_lokal import kunci_lokal, revisi_lokal
from kinerja_desktop.core.exchange.paket.rencana_model import Penggabungan
from kinerja_desktop.core.exchange.paket.rencana_periksa import SARAN, PencatatMasalah
from kinerja_desktop.core.exchange.paket.skema import Jenis

if TYPE_CHECKING:
    from kinerja_desktop.core.exchange.paket.rencana import _Perencana

#: Master data born in every office with its own ids: merged by business key without asking.
GABUNG_OTOMATIS = frozenset({"perilaku"})


def _milik(
    p: _Perencana, jenis: Jenis, rows: list[Baris], kunci: tuple[str, ...], catat: PencatatMasalah
) -> dict[tuple[Any, ...], int]:
    """Key → the first valid row holding it; later rows with the same key are invalid."""
    rujukan = {k.nama: k.rujukan for k in jenis.kolom if k.rujukan}
    kolom = [p.kolom_kami(rows, c, rujukan.get(c)) for c in kunci]
    semua = [(k, i) for i, k in enumerate(zip(*kolom, strict=True)) if None not in k and i not in catat.galat]
    milik = dict(reversed(semua))  # the first row wins
    if len(milik) == len(semua):
        return milik
    judul = ", ".join(jenis.kolom_bernama(c).judul for c in kunci)
    for k, i in semua:
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
    milik = _milik(p, jenis, rows, kunci, catat)
    lokal = kunci_lokal(p.conn, jenis.table, kunci, {k[0] for k in milik})
    if not lokal:
        return
    ada = p.lokal[jenis.tabel]
    gabung: list[tuple[int, str]] = []
    for nilai, i in milik.items():
        lid = lokal.get(nilai)
        mid = p.id_kami(rows[i])
        if lid is None or lid == mid:
            continue
        if mid in ada or lid in p.id_paket[jenis.tabel]:
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
    revisi = revisi_lokal(p.conn, jenis.table, [lid for _, lid in gabung])
    p.tabel_peta.add(jenis.tabel)
    for i, lid in gabung:
        rid = str(rows[i].id)
        p.peta[rid] = p.gabung_baru[rid] = lid
        ada[lid] = revisi[lid]
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
