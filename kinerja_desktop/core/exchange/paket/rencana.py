"""``rencanakan``: what importing a package would do, row by row, before anything is written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import SyncLog
from kinerja_desktop.core.exchange.paket.dasar import muat_alias
from kinerja_desktop.core.exchange.paket.model import Baris, JenisPaket, Paket
from kinerja_desktop.core.exchange.paket.rencana_klasifikasi import klasifikasi
from kinerja_desktop.core.exchange.paket.rencana_lokal import ada_lokal, kunci_lokal, revisi_lokal
from kinerja_desktop.core.exchange.paket.rencana_model import (
    JumlahLembar,
    Keputusan,
    Masalah,
    MasalahBaca,
    Penggabungan,
    RencanaImpor,
)
from kinerja_desktop.core.exchange.paket.rencana_periksa import (
    SARAN,
    PencatatMasalah,
    periksa_id_ganda,
    periksa_nilai,
)
from kinerja_desktop.core.exchange.paket.rencana_uraian import Peraga
from kinerja_desktop.core.exchange.paket.skema import Jenis, jenis_tabel, semua_jenis
from kinerja_desktop.core.exchange.paket.verifikasi import checksum_cepat, lembar_tak_cocok
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.akses import Actor, Izin, require

#: Tables some column refers to: their package ids are kept while the references are checked.
_DIRUJUK = frozenset(k.rujukan for j in semua_jenis() for k in j.kolom if k.rujukan)
#: Master data born in every office with its own ids: merged by business key without asking.
GABUNG_OTOMATIS = frozenset({"perilaku"})


def _penomor(paket: Paket, tabel: str) -> Callable[[int], int]:
    nomor = paket.nomor.get(tabel) or []
    return lambda i: nomor[i] if i < len(nomor) else i + 2  # row 1 holds the headers


class _Perencana:
    """The state of one plan while the sheets are checked in apply order."""

    def __init__(self, session: Session, paket: Paket) -> None:
        self.conn = session.connection()
        self.paket = paket
        self.peta: dict[str, str] = muat_alias(self.conn, paket.info.kantor_kode)  # their id → our id
        self.peraga = Peraga(self.conn, paket, self.peta)
        self.pencatat: dict[str, PencatatMasalah] = {}
        self.lokal: dict[str, dict[str, int]] = {}  # table → our id → revisi, for the package's rows
        self.id_paket: dict[str, set[str]] = {}  # table → the package's ids (in our ids)
        self.ada: dict[str, set[str]] = {}  # table → ids outside the package known to exist here
        self.gabung_baru: dict[str, str] = {}  # merges found now: their id → our id
        self.rencana = RencanaImpor(paket.info, [], [], [], [], True, False, False)

    def rows(self, jenis: Jenis) -> list[Baris]:
        return self.paket.baris.get(jenis.tabel, [])

    def id_kami(self, row: Baris) -> str:
        rid = row.get("id")
        return self.peta.get(rid, rid) if isinstance(rid, str) else ""

    def periksa(self, jenis: Jenis, baca: list[MasalahBaca]) -> None:
        """Phase 1: values, ids, business keys within the package and against ours (merges)."""
        rows = self.rows(jenis)
        catat = self.pencatat[jenis.tabel] = PencatatMasalah(jenis, _penomor(self.paket, jenis.tabel))
        periksa_nilai(jenis, rows, catat)
        periksa_id_ganda(rows, catat)
        if baca:
            per_nomor = {catat.nomor(i): i for i in range(len(rows))}
            for m in baca:
                if m.baris in per_nomor and getattr(m, "menghalangi", True):
                    catat.galat.add(per_nomor[m.baris])
        ids = [self.id_kami(r) for r in rows]
        self.id_paket[jenis.tabel] = {i for i in ids if i}
        del ids
        self.lokal[jenis.tabel] = revisi_lokal(self.conn, jenis.table, self.id_paket[jenis.tabel])
        for kunci in jenis.kunci_bisnis:
            self._kunci(jenis, rows, kunci, catat)
        if jenis.tabel not in _DIRUJUK:  # nothing refers to these rows: their ids need not be kept
            self.id_paket[jenis.tabel] = set()

    def _kunci(self, jenis: Jenis, rows: list[Baris], kunci: tuple[str, ...], catat: PencatatMasalah) -> None:
        rujuk = {k.nama for k in jenis.kolom if k.rujukan}
        peta = self.peta
        milik: dict[tuple[Any, ...], int] = {}
        for i, row in enumerate(rows):
            if i in catat.galat:
                continue
            nilai = tuple(_peta(peta, row.get(c)) if c in rujuk else row.get(c) for c in kunci)
            if None in nilai:
                continue
            j = milik.setdefault(nilai, i)
            if j != i:
                judul = ", ".join(jenis.kolom_bernama(c).judul for c in kunci)
                catat.catat(
                    i,
                    kunci[0],
                    f"{self.peraga.uraian(jenis.tabel, row)} tercatat dua kali di paket ini (baris "
                    f"{catat.nomor(j)} juga, kolom {judul}); satu data hanya boleh satu baris. {SARAN}",
                )
        lokal = kunci_lokal(self.conn, jenis.table, kunci, {k[0] for k in milik})
        ada = self.lokal[jenis.tabel]
        gabung: list[tuple[int, str]] = []
        for nilai, i in milik.items():
            lid = lokal.get(nilai)
            mid = self.id_kami(rows[i])
            if lid is None or lid == mid:
                continue
            if mid in ada or lid in self.id_paket[jenis.tabel]:
                pesan = (
                    f"{self.peraga.uraian(jenis.tabel, rows[i])} sudah dipakai oleh data lain di sini "
                    f"({self.peraga.uraian_id(jenis.tabel, lid)}). Perbaiki datanya di kantor asal, "
                    "lalu ekspor ulang paketnya."
                )
                catat.catat(i, kunci[0], pesan)
                continue
            gabung.append((i, lid))
        if not gabung:
            return
        revisi = revisi_lokal(self.conn, jenis.table, [lid for _, lid in gabung])
        for i, lid in gabung:
            rid = str(rows[i]["id"])
            self.peta[rid] = self.gabung_baru[rid] = lid
            ada[lid] = revisi[lid]
            self.id_paket[jenis.tabel].discard(rid)
            self.id_paket[jenis.tabel].add(lid)
            self.rencana.penggabungan.append(
                Penggabungan(
                    jenis.tabel,
                    jenis.lembar,
                    catat.nomor(i),
                    rid,
                    lid,
                    self.peraga.uraian(jenis.tabel, rows[i]),
                    jenis.tabel in GABUNG_OTOMATIS,
                )
            )

    def rujukan(self, jenis: Jenis) -> None:
        """Phase 2a: every reference names a row of the package or of this database."""
        rows = self.rows(jenis)
        catat = self.pencatat[jenis.tabel]
        for k in jenis.kolom:
            if not k.rujukan or k.teknis:
                continue
            dikenal = self.id_paket[k.rujukan]
            ada = self.ada.setdefault(k.rujukan, set())
            ambil = itemgetter(k.nama)
            cari = {
                self.peta.get(v, v)
                for r in rows
                if isinstance(v := r.get(k.nama), str) and self.peta.get(v, v) not in dikenal
            }
            cari -= ada
            if cari:
                ada |= ada_lokal(self.conn, jenis_tabel(k.rujukan).table, cari)
            for i, r in enumerate(rows):
                v = r.get(k.nama) if k.nama in r else None
                if not isinstance(v, str) or i in catat.galat:
                    continue
                m = self.peta.get(v, v)
                if m not in dikenal and m not in ada:
                    lembar = jenis_tabel(k.rujukan).lembar
                    catat.catat(
                        i,
                        k.nama,
                        f"Merujuk ke lembar {lembar} dengan ID {ambil(r)}, yang tidak ada di paket ini "
                        f"maupun di basis data ini. {SARAN}",
                    )

    def keputusan(self, jenis: Jenis) -> tuple[JumlahLembar, Keputusan]:
        """Phase 2b: each valid row is new, changed, the same, stale or a conflict."""
        rows = self.rows(jenis)
        catat = self.pencatat[jenis.tabel]
        jumlah = JumlahLembar(jenis.tabel, jenis.lembar)
        kep = Keputusan()
        ada = self.lokal[jenis.tabel]
        ganda = (
            {i for i in range(len(rows)) if i not in catat.galat and self.id_kami(rows[i]) in ada}
            if ada
            else set()
        )
        klasifikasi(self, jenis, rows, ganda, jumlah, kep)
        for i, row in enumerate(rows):
            if i in catat.galat:
                jumlah.galat += 1
            elif i not in ganda:
                jumlah.baru += 1
                kep.sisip.append(row)
                kep.dasar.append(row)
        return jumlah, kep


def _peta(peta: dict[str, str], v: Any) -> Any:
    return peta.get(v, v) if isinstance(v, str) else v


def _riwayat(session: Session, paket: Paket, sha256: str) -> tuple[bool, bool]:
    """(the same package was imported before, a newer package from this office was imported before)."""
    t = SyncLog
    impor = session.execute(
        select(t.sha256, t.keterangan, t.jumlah).where(
            t.arah == "impor", t.kantor_kode == paket.info.kantor_kode
        )
    ).all()
    checksum = paket.info.checksum
    sudah = any((sha256 and r[0] == sha256) or (checksum and checksum in (r[1] or "")) for r in impor)
    waktu = [str((r[2] or {}).get("dibuat_pada", "")) for r in impor]
    lebih_lama = any(w > paket.info.dibuat_pada.isoformat() for w in waktu if w)
    return sudah, lebih_lama


def _paket_milik(session: Session, paket: Paket) -> list[Masalah]:
    """A package from this office itself, or a paket induk meant for another office, is refused."""
    sendiri = kantor.get_kantor(session).kode if kantor.is_initialised(session) else ""
    info = paket.info
    if sendiri and info.kantor_kode == sendiri:
        return [
            Masalah(
                "", None, "", f"Paket ini dibuat oleh kantor ini sendiri ({sendiri}); tidak perlu diimpor."
            )
        ]
    if info.jenis is JenisPaket.INDUK and sendiri and info.tujuan_kode and info.tujuan_kode != sendiri:
        return [
            Masalah(
                "",
                None,
                "",
                f"Paket induk ini untuk kantor {info.tujuan_kode}, bukan untuk kantor ini ({sendiri}). "
                "Minta kantor pusat mengirim paket induk untuk kantor ini.",
            )
        ]
    return []


def rencanakan(
    session: Session,
    actor: Actor,
    paket: Paket,
    masalah_baca: Iterable[MasalahBaca] = (),
    *,
    sha256: str = "",
) -> RencanaImpor:
    """The plan of importing ``paket`` here; nothing is written. ``masalah_baca``: the reader's problems."""
    require(actor, Izin.SINKRONISASI)
    baca = list(masalah_baca)
    p = _Perencana(session, paket)
    r = p.rencana
    r.sha256 = sha256
    r.masalah.extend(_paket_milik(session, paket))
    r.masalah.extend(
        Masalah(m.lembar, m.baris, m.kolom, m.pesan, getattr(m, "menghalangi", True)) for m in baca
    )
    daftar = semua_jenis()
    for jenis in daftar:
        p.periksa(jenis, [m for m in baca if m.lembar == jenis.lembar])
    for jenis in daftar:
        p.rujukan(jenis)
    for jenis in daftar:
        jumlah, kep = p.keputusan(jenis)
        r.jumlah.append(jumlah)
        r.keputusan[jenis.tabel] = kep
        r.masalah.extend(p.pencatat[jenis.tabel].selesai())
    r.peta_id = p.peta
    r.checksum_cocok = checksum_cepat(paket.baris) == paket.info.checksum
    if not r.checksum_cocok:
        r.masalah.append(lembar_tak_cocok(r))
    r.sudah_diimpor, r.lebih_lama = _riwayat(session, paket, sha256)
    return r
