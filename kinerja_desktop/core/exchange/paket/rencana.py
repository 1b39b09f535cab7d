"""``rencanakan``: what importing a package would do, row by row, before anything is written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import SyncLog
from kinerja_desktop.core.exchange.paket.dasar import kunci_mitra, muat_alias
from kinerja_desktop.core.exchange.paket.model import Baris, JenisPaket, Paket
from kinerja_desktop.core.exchange.paket.rencana_klasifikasi import klasifikasi
from kinerja_desktop.core.exchange.paket.rencana_kunci import periksa_kunci
from kinerja_desktop.core.exchange.paket.rencana_lokal import ada_lokal, tanda_lokal, tanpa_gc
from kinerja_desktop.core.exchange.paket.rencana_model import (
    JumlahLembar,
    Keputusan,
    Masalah,
    MasalahBaca,
    RencanaImpor,
)
from kinerja_desktop.core.exchange.paket.rencana_periksa import (
    SARAN,
    PencatatMasalah,
    periksa_id_ganda,
    periksa_nilai,
)
from kinerja_desktop.core.exchange.paket.rencana_uraian import Peraga
from kinerja_desktop.core.exchange.paket.skema import Jenis, jenis_tabel, semua_jenis, tabel_dirujuk
from kinerja_desktop.core.exchange.paket.tulis_info import LABEL_INFO, LEMBAR_INFO
from kinerja_desktop.core.exchange.paket.verifikasi import checksum_cepat, lembar_tak_cocok
from kinerja_desktop.core.memori import lepas_memori
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.akses import Actor, Izin, require


def _penomor(paket: Paket, tabel: str) -> Callable[[int], int]:
    nomor = paket.nomor.get(tabel) or []
    return lambda i: nomor[i] if i < len(nomor) else i + 2  # row 1 holds the headers


class _Perencana:
    """The state of one plan while the sheets are checked in apply order."""

    def __init__(self, session: Session, paket: Paket) -> None:
        self.conn = session.connection()
        self.paket = paket
        self.rencana = RencanaImpor(paket.info, [], [], [], [], True, False, False)
        di_pusat = kantor.is_initialised(session) and kantor.get_kantor(session).is_pusat
        induk = paket.info.jenis is JenisPaket.INDUK  # only the central office makes one
        self.rencana.kunci_mitra = kunci_mitra(paket.info.kantor_kode, di_pusat=di_pusat, mitra_pusat=induk)
        self.peta: dict[str, str] = muat_alias(self.conn, self.rencana.mitra)  # their id → our id
        self.peraga = Peraga(self.conn, paket, self.peta)
        self.pencatat: dict[str, PencatatMasalah] = {}
        self.id_paket: dict[str, set[str]] = {}  # table → the package's ids (in our ids)
        self.ada: dict[str, set[str]] = {}  # table → ids outside the package known to exist here
        self.gabung_baru: dict[str, str] = {}  # merges found now: their id → our id
        self.tabel_peta: set[str] = set()  # tables some of whose ids the package knows under others

    def rows(self, jenis: Jenis) -> list[Baris]:
        return self.paket.baris.get(jenis.tabel, [])

    def id_kami(self, row: Baris) -> str:
        rid = row.id
        return self.peta.get(rid, rid) if isinstance(rid, str) else ""

    def kolom_kami(self, rows: list[Baris], nama: str, rujukan: str | None) -> list[Any]:
        """One column's values, ids in this database's ids when the column names a merged table."""
        vals = list(map(attrgetter(nama), rows))
        if rujukan in self.tabel_peta:
            peta = self.peta
            return [peta.get(v, v) if type(v) is str else v for v in vals]
        return vals

    def periksa(self, jenis: Jenis, baca: list[MasalahBaca]) -> None:
        """Phase 1: values, ids, business keys within the package and against ours (merges)."""
        rows = self.rows(jenis)
        catat = self.pencatat[jenis.tabel] = PencatatMasalah(jenis, _penomor(self.paket, jenis.tabel))
        catat.dilapor = {
            (m.baris, m.kolom) for m in baca if m.baris is not None and getattr(m, "menghalangi", True)
        }
        periksa_nilai(jenis, rows, catat)
        periksa_id_ganda(rows, catat)
        if baca:
            per_nomor = {catat.nomor(i): i for i in range(len(rows))}
            for m in baca:
                if m.baris in per_nomor and getattr(m, "menghalangi", True):
                    catat.galat.add(per_nomor[m.baris])
        ids = [v for v in map(attrgetter("id"), rows) if type(v) is str]
        if not self.peta.keys().isdisjoint(ids):
            self.tabel_peta.add(jenis.tabel)
        dirujuk = jenis.tabel in tabel_dirujuk()  # otherwise nothing refers to these rows: ids not kept
        self.id_paket[jenis.tabel] = set(self.kolom_kami(rows, "id", jenis.tabel) if ids and dirujuk else ())
        self.id_paket[jenis.tabel].discard(None)
        del ids
        for kunci in jenis.kunci_bisnis:
            periksa_kunci(self, jenis, rows, kunci, catat)
        if not dirujuk:
            self.id_paket[jenis.tabel] = set()

    def rujukan(self, jenis: Jenis) -> None:
        """Phase 2a: every reference names a row of the package or of this database."""
        rows = self.rows(jenis)
        catat = self.pencatat[jenis.tabel]
        for k in jenis.kolom:
            if not k.rujukan or k.teknis:
                continue
            vals = self.kolom_kami(rows, k.nama, k.rujukan)
            try:
                cari = set(vals)
            except TypeError:  # an unhashable value: its row is already invalid
                cari = {v for v in vals if type(v) is str}
            cari = {v for v in cari - self.id_paket[k.rujukan] if type(v) is str}
            ada = self.ada.setdefault(k.rujukan, set())
            cari -= ada
            if cari:
                ada |= ada_lokal(self.conn, jenis_tabel(k.rujukan).table, cari)
                cari -= ada
            if not cari:
                continue
            lembar = jenis_tabel(k.rujukan).lembar
            for i, v in enumerate(vals):
                if type(v) is str and v in cari and i not in catat.galat:
                    catat.catat(
                        i,
                        k.nama,
                        f"Merujuk ke lembar {lembar} dengan ID {rows[i].get(k.nama)}, yang tidak ada di "
                        f"paket ini maupun di basis data ini. {SARAN}",
                    )

    def keputusan(self, jenis: Jenis) -> tuple[JumlahLembar, Keputusan]:
        """Phase 2b: each valid row is new, changed, the same, stale or a conflict."""
        rows = self.rows(jenis)
        catat = self.pencatat[jenis.tabel]
        jumlah = JumlahLembar(jenis.tabel, jenis.lembar)
        kep = Keputusan()
        galat = catat.galat
        tanda = tanda_lokal(self.conn, jenis.table, self.kolom_kami(rows, "id", jenis.tabel))
        ganda = any(tanda)
        klasifikasi(
            self, jenis, rows, (i for i in range(len(rows)) if tanda[i] and i not in galat), jumlah, kep
        )
        jumlah.galat = len(galat)
        if galat or ganda:
            kep.sisip = [row for i, row in enumerate(rows) if not tanda[i] and i not in galat]
        else:
            kep.sisip = rows  # every row is new: the package's own list (nothing changes it)
        jumlah.baru = len(kep.sisip)
        return jumlah, kep


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


def _checksum_pembaca(m: MasalahBaca) -> bool:
    """The reader's checksum warning: the plan gives its own, which also says what would change."""
    return m.lembar == LEMBAR_INFO and m.baris is None and m.kolom == LABEL_INFO["checksum"]


def _rencana(
    session: Session, paket: Paket, baca: list[MasalahBaca], sha256: str, checksum_cocok: bool | None
) -> RencanaImpor:
    p = _Perencana(session, paket)
    r = p.rencana
    r.sha256 = sha256
    r.masalah.extend(_paket_milik(session, paket))
    r.masalah.extend(
        Masalah(m.lembar, m.baris, m.kolom, m.pesan, getattr(m, "menghalangi", True))
        for m in baca
        if not _checksum_pembaca(m)
    )
    daftar = semua_jenis()
    for jenis in daftar:
        p.periksa(jenis, [m for m in baca if m.lembar == jenis.lembar])
        lepas_memori()  # a big sheet's temporary sets and lists, before the next one makes its own
    for jenis in daftar:
        p.rujukan(jenis)
    for jenis in daftar:
        jumlah, kep = p.keputusan(jenis)
        r.jumlah.append(jumlah)
        r.keputusan[jenis.tabel] = kep
        r.masalah.extend(p.pencatat[jenis.tabel].selesai())
        lepas_memori()
    r.peta_id = p.peta
    r.tabel_peta = p.tabel_peta
    if checksum_cocok is None:
        checksum_cocok = checksum_cepat(paket.baris) == paket.info.checksum
    r.checksum_cocok = checksum_cocok
    if not r.checksum_cocok:
        r.masalah.append(lembar_tak_cocok(r))
    return r


def rencanakan(
    session: Session,
    actor: Actor,
    paket: Paket,
    masalah_baca: Iterable[MasalahBaca] = (),
    *,
    sha256: str = "",
    checksum_cocok: bool | None = None,
) -> RencanaImpor:
    """The plan of importing ``paket`` here; nothing is written.

    ``masalah_baca``, ``checksum_cocok`` and ``sha256`` come from the reader (``baca_paket``'s
    ``HasilBaca``: its problems, whether the rows still match the checksum, and the file's hash); without
    ``checksum_cocok`` the checksum is computed here.
    """
    require(actor, Izin.SINKRONISASI)
    with tanpa_gc():
        r = _rencana(session, paket, list(masalah_baca), sha256, checksum_cocok)
    r.sudah_diimpor, r.lebih_lama = _riwayat(session, paket, sha256)
    lepas_memori()
    return r
