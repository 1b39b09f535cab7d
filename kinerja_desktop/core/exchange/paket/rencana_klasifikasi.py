"""A row we already hold: the same, changed by them, stale, or changed on both sides since we last agreed."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from operator import itemgetter
from typing import TYPE_CHECKING

from kinerja_desktop.core.exchange.paket.dasar import Dasar, kolom_isi, muat_dasar, pembuat_sidik
from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.rencana_lokal import baris_lokal
from kinerja_desktop.core.exchange.paket.rencana_model import (
    Aksi,
    JumlahLembar,
    Keputusan,
    Konflik,
    NilaiBeda,
)
from kinerja_desktop.core.exchange.paket.skema import Jenis

_POTONG = 5_000  # rows compared per slice

if TYPE_CHECKING:
    from kinerja_desktop.core.exchange.paket.rencana import _Perencana


def kolom_id(jenis: Jenis) -> tuple[str, ...]:
    """The row's own id and every reference column: the ids a merge rewrites."""
    return ("id", *(k.nama for k in jenis.kolom if k.rujukan))


def petakan(row: Baris, kolom: tuple[str, ...], peta: dict[str, str]) -> Baris:
    """The row in this database's ids (the same row when no id changes)."""
    if not peta:
        return row
    ganti = {c: peta[v] for c in kolom if (v := row.get(c)) is not None and v in peta}
    return row.ganti(**ganti) if ganti else row


def tentukan(
    sidik_mereka: str,
    sidik_kami: str,
    revisi_mereka: int,
    revisi_kami: int,
    dasar: Dasar | None,
    kembar: bool,
) -> Aksi:
    """The three-way decision for two different versions of one row.

    With a base: a version differs from it when its content does; theirs older than the base is stale;
    only theirs changed → update; only ours → stale; both → conflict. Without one (never agreed): twins
    born apart are a conflict, otherwise the higher revisi wins and equal revisions are a conflict.
    """
    if dasar is not None:
        mereka = sidik_mereka != dasar.sidik
        kami = sidik_kami != dasar.sidik
        if revisi_mereka < dasar.revisi or (kami and not mereka):
            return Aksi.USANG
        if mereka and kami:
            return Aksi.KONFLIK
        return Aksi.UBAH
    if kembar or revisi_mereka == revisi_kami:
        return Aksi.KONFLIK
    return Aksi.UBAH if revisi_mereka > revisi_kami else Aksi.USANG


def klasifikasi(
    p: _Perencana, jenis: Jenis, rows: list[Baris], urut: Iterable[int], jumlah: JumlahLembar, kep: Keputusan
) -> None:
    """Decide every row of ``rows`` at the ascending indices ``urut`` (rows this database already holds).

    Our rows and their bases are read a slice at a time: a re-import never holds a copy of all of them.
    """
    semua = iter(urut)
    while potong := list(islice(semua, _POTONG)):
        _klasifikasi_potong(p, jenis, rows, potong, jumlah, kep)


def _klasifikasi_potong(
    p: _Perencana, jenis: Jenis, rows: list[Baris], urut: list[int], jumlah: JumlahLembar, kep: Keputusan
) -> None:
    peta = p.peta
    kolom = kolom_id(jenis)
    isi_nama = kolom_isi(jenis)
    isi = itemgetter(*(jenis.indeks(c) for c in isi_nama))
    sidik = pembuat_sidik(jenis)
    nomor = p.pencatat[jenis.tabel].nomor
    ids = [p.id_kami(rows[j]) for j in urut]
    lokal = baris_lokal(p.conn, jenis, ids)
    semua_dasar = muat_dasar(p.conn, p.rencana.mitra, jenis.tabel, ids)
    del ids
    for i in urut:
        row = rows[i]
        rm = petakan(row, kolom, peta)
        mid = str(rm.id)
        kami = lokal[mid]
        dasar = semua_dasar.get(mid)
        kembar = str(row.id) in p.gabung_baru
        if isi(rm) == isi(kami):
            jumlah.sama += 1
            if kembar or dasar is None or dasar.revisi != rm.revisi or dasar.sidik != sidik(rm):
                kep.dasar.append(row)
                if dasar is not None:
                    p.rencana.ada_dasar.add(mid)
            continue
        if dasar is not None:
            p.rencana.ada_dasar.add(mid)
        aksi = tentukan(sidik(rm), sidik(kami), int(rm.revisi), int(kami.revisi), dasar, kembar)
        jumlah.tambah(aksi)
        if aksi is Aksi.UBAH:
            kep.perbarui.append(row)
            kep.dasar.append(row)
            p.rencana.revisi_db[mid] = int(kami.revisi)
        elif aksi is Aksi.KONFLIK:
            kep.konflik[mid] = row
            kep.revisi_kami[mid] = int(kami.revisi)
            p.rencana.revisi_db[mid] = int(kami.revisi)
            beda = tuple(
                NilaiBeda(k.judul, p.peraga.tampil(k, kami.get(k.nama)), p.peraga.tampil(k, rm.get(k.nama)))
                for k in (jenis.kolom_bernama(c) for c in isi_nama)
                if kami.get(k.nama) != rm.get(k.nama)
            )
            p.rencana.konflik.append(
                Konflik(
                    jenis.tabel,
                    jenis.lembar,
                    mid,
                    nomor(i),
                    p.peraga.uraian(jenis.tabel, kami),
                    beda,
                    int(kami.revisi),
                    int(rm.revisi),
                    dasar.revisi if dasar is not None else None,
                )
            )
