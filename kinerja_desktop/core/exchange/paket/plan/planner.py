"""The planner: checks the sheets in apply order and classifies each row against ours."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from operator import attrgetter, eq, itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import SyncLog
from kinerja_desktop.core.exchange.paket.checksum import checksum_cepat
from kinerja_desktop.core.exchange.paket.labels import LABEL_INFO, LEMBAR_INFO
from kinerja_desktop.core.exchange.paket.model import Baris, JenisPaket, Paket
from kinerja_desktop.core.exchange.paket.plan.checks import (
    SARAN,
    ProblemLog,
    check_duplicate_ids,
    check_values,
)
from kinerja_desktop.core.exchange.paket.plan.describe import Describer
from kinerja_desktop.core.exchange.paket.plan.local import (
    ada_lokal,
    baris_lokal,
    jumlah_baris,
    kunci_lokal,
    tanda_lokal,
    tanpa_gc,
)
from kinerja_desktop.core.exchange.paket.plan.model import (
    Aksi,
    JumlahLembar,
    Keputusan,
    Konflik,
    Masalah,
    MasalahBaca,
    NilaiBeda,
    Penggabungan,
    RencanaImpor,
)
from kinerja_desktop.core.exchange.paket.plan.row_rules import check_evaluasi, check_rules
from kinerja_desktop.core.exchange.paket.plan.sender import Pengirim, check_sender
from kinerja_desktop.core.exchange.paket.schema import Jenis, jenis_tabel, semua_jenis, tabel_dirujuk
from kinerja_desktop.core.exchange.paket.sync_base import (
    Dasar,
    content_columns,
    kunci_mitra,
    load_aliases,
    load_baselines,
    pembuat_sidik,
)
from kinerja_desktop.core.memory import release_memory
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin, require


def _penomor(paket: Paket, tabel: str) -> Callable[[int], int]:
    nomor = paket.nomor.get(tabel) or []
    return lambda i: nomor[i] if i < len(nomor) else i + 2  # row 1 holds the headers


class _Planner:
    """The state of one plan while the sheets are checked in apply order."""

    def __init__(self, session: Session, paket: Paket) -> None:
        self.conn = session.connection()
        self.paket = paket
        self.rencana = RencanaImpor(paket.info, [], [], [], [], True, False, False)
        di_pusat = kantor.is_initialised(session) and kantor.get_kantor(session).is_pusat
        induk = paket.info.jenis is JenisPaket.INDUK  # only the central office makes one
        self.rencana.kunci_mitra = kunci_mitra(paket.info.kantor_kode, di_pusat=di_pusat, mitra_pusat=induk)
        self.peta: dict[str, str] = load_aliases(self.conn, self.rencana.mitra)  # their id → our id
        self.peraga = Describer(self.conn, paket, self.peta)
        self.pencatat: dict[str, ProblemLog] = {}
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

    def check_sheet(self, jenis: Jenis, baca: list[MasalahBaca]) -> None:
        """Phase 1: values, ids, business keys within the package and against ours (merges)."""
        rows = self.rows(jenis)
        catat = self.pencatat[jenis.tabel] = ProblemLog(jenis, _penomor(self.paket, jenis.tabel))
        catat.dilapor = {
            (m.baris, m.kolom) for m in baca if m.baris is not None and getattr(m, "menghalangi", True)
        }
        check_values(jenis, rows, catat)
        check_duplicate_ids(rows, catat)
        check_rules(jenis, rows, catat)  # what a form refuses (core/validation)
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
            self.check_keys(jenis, rows, kunci, catat)
        if not dirujuk:
            self.id_paket[jenis.tabel] = set()

    def check_references(self, jenis: Jenis) -> None:
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
                    catat.record(
                        i,
                        k.nama,
                        f"Merujuk ke lembar {lembar} dengan ID {rows[i].get(k.nama)}, yang tidak ada di "
                        f"paket ini maupun di basis data ini. {SARAN}",
                    )

    def decide_rows(self, jenis: Jenis) -> tuple[JumlahLembar, Keputusan]:
        """Phase 2b: each valid row is new, changed, the same, stale or a conflict."""
        rows = self.rows(jenis)
        catat = self.pencatat[jenis.tabel]
        jumlah = JumlahLembar(jenis.tabel, jenis.lembar)
        kep = Keputusan()
        galat = catat.galat
        tanda = tanda_lokal(self.conn, jenis.table, self.kolom_kami(rows, "id", jenis.tabel))
        ganda = any(tanda)
        self.classify(jenis, rows, (i for i in range(len(rows)) if tanda[i] and i not in galat), jumlah, kep)
        jumlah.galat = len(galat)
        if galat or ganda:
            kep.sisip = [row for i, row in enumerate(rows) if not tanda[i] and i not in galat]
        else:
            kep.sisip = rows  # every row is new: the package's own list (nothing changes it)
        jumlah.baru = len(kep.sisip)
        return jumlah, kep

    def classify(
        self, jenis: Jenis, rows: list[Baris], urut: Iterable[int], jumlah: JumlahLembar, kep: Keputusan
    ) -> None:
        """Decide every row of ``rows`` at the ascending indices ``urut`` (rows this database already holds).

        Our rows and their bases are read a slice at a time: a re-import never holds a copy of all of them.
        """
        semua = iter(urut)
        while potong := list(islice(semua, _POTONG)):
            self._classify_slice(jenis, rows, potong, jumlah, kep)

    def _classify_slice(
        self, jenis: Jenis, rows: list[Baris], urut: list[int], jumlah: JumlahLembar, kep: Keputusan
    ) -> None:
        peta = self.peta
        kolom = kolom_id(jenis)
        isi_nama = content_columns(jenis)
        isi = itemgetter(*(jenis.indeks(c) for c in isi_nama))
        sidik = pembuat_sidik(jenis)
        nomor = self.pencatat[jenis.tabel].nomor
        ids = [self.id_kami(rows[j]) for j in urut]
        lokal = baris_lokal(self.conn, jenis, ids)
        semua_dasar = load_baselines(self.conn, self.rencana.mitra, jenis.tabel, ids)
        del ids
        for i in urut:
            row = rows[i]
            rm = map_ids(row, kolom, peta)
            mid = str(rm.id)
            kami = lokal[mid]
            dasar = semua_dasar.get(mid)
            kembar = str(row.id) in self.gabung_baru
            if isi(rm) == isi(kami):
                jumlah.sama += 1
                if kembar or dasar is None or dasar.revisi != rm.revisi or dasar.sidik != sidik(rm):
                    kep.dasar.append(row)
                    if dasar is not None:
                        self.rencana.ada_dasar.add(mid)
                continue
            if dasar is not None:
                self.rencana.ada_dasar.add(mid)
            aksi = decide(sidik(rm), sidik(kami), int(rm.revisi), int(kami.revisi), dasar, kembar)
            jumlah.add(aksi)
            if aksi is Aksi.UBAH:
                kep.perbarui.append(row)
                kep.dasar.append(row)
                self.rencana.revisi_db[mid] = int(kami.revisi)
            elif aksi is Aksi.KONFLIK:
                kep.konflik[mid] = row
                kep.revisi_kami[mid] = int(kami.revisi)
                self.rencana.revisi_db[mid] = int(kami.revisi)
                beda = tuple(
                    NilaiBeda(
                        k.judul,
                        self.peraga.display(k, kami.get(k.nama)),
                        self.peraga.display(k, rm.get(k.nama)),
                    )
                    for k in (jenis.kolom_bernama(c) for c in isi_nama)
                    if kami.get(k.nama) != rm.get(k.nama)
                )
                self.rencana.konflik.append(
                    Konflik(
                        jenis.tabel,
                        jenis.lembar,
                        mid,
                        nomor(i),
                        self.peraga.uraian(jenis.tabel, kami),
                        beda,
                        int(kami.revisi),
                        int(rm.revisi),
                        dasar.revisi if dasar is not None else None,
                    )
                )

    def _key_owners(
        self,
        jenis: Jenis,
        rows: list[Baris],
        kunci: tuple[str, ...],
        catat: ProblemLog,
        perlu: bool,
    ) -> dict[tuple[Any, ...], int]:
        """Key → the first valid row holding it; later rows with the same key are invalid.

        ``perlu`` False: the caller only needs the duplicates marked; when there are none, nothing is built.
        """
        rujukan = {k.nama: k.rujukan for k in jenis.kolom if k.rujukan}
        kolom = [self.kolom_kami(rows, c, rujukan.get(c)) for c in kunci]
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
            k = tuple(self.kolom_kami([rows[i]], c, rujukan.get(c))[0] for c in kunci)
            j = milik[k]
            if j != i:
                catat.record(
                    i,
                    kunci[0],
                    f"{self.peraga.uraian(jenis.tabel, rows[i])} tercatat dua kali di paket ini (baris "
                    f"{catat.nomor(j)} juga, kolom {judul}); satu data hanya boleh satu baris. {SARAN}",
                )
        return milik

    def check_keys(self, jenis: Jenis, rows: list[Baris], kunci: tuple[str, ...], catat: ProblemLog) -> None:
        """Duplicates within the package, clashes with another row here, and merges with ours."""
        ada_di_sini = jumlah_baris(self.conn, jenis.table) > 0
        milik = self._key_owners(jenis, rows, kunci, catat, perlu=ada_di_sini)
        if not milik or not ada_di_sini:
            return
        kandidat: list[tuple[int, str]] = []  # (row, our id) where we hold its key under another id
        for nilai, lid in kunci_lokal(self.conn, jenis.table, kunci, {k[0] for k in milik}):
            i = milik.get(
                nilai
            )  # only keys both hold matter: ours are read a block at a time, never all at once
            if i is not None and lid != self.id_kami(rows[i]):
                kandidat.append((i, lid))
        del milik
        if not kandidat:
            return
        sini = ada_lokal(self.conn, jenis.table, [self.id_kami(rows[i]) for i, _ in kandidat])
        lid_dicari = {lid for _, lid in kandidat}
        lid_paket = {v for v in self.kolom_kami(rows, "id", jenis.tabel) if v in lid_dicari}
        gabung: list[tuple[int, str]] = []
        for i, lid in kandidat:
            mid = self.id_kami(rows[i])
            if mid in sini or lid in lid_paket:  # ours is another row of the package, or theirs is here too
                pesan = (
                    f"{self.peraga.uraian(jenis.tabel, rows[i])} sudah dipakai oleh data lain di sini "
                    f"({self.peraga.uraian_id(jenis.tabel, lid)}). Perbaiki datanya di kantor asal, "
                    "lalu ekspor ulang paketnya."
                )
                catat.record(i, kunci[0], pesan)
                continue
            gabung.append((i, lid))
        if not gabung:
            return
        self.tabel_peta.add(jenis.tabel)
        for i, lid in gabung:
            rid = str(rows[i].id)
            self.peta[rid] = self.gabung_baru[rid] = lid
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


def _checksum_pembaca(m: MasalahBaca) -> bool:
    """The reader's warning that the rows do not match the checksum (such a file is refused before)."""
    return m.lembar == LEMBAR_INFO and m.baris is None and m.kolom == LABEL_INFO["checksum"]


def _rencana(
    session: Session, paket: Paket, baca: list[MasalahBaca], sha256: str, pengirim: Pengirim
) -> RencanaImpor:
    p = _Planner(session, paket)
    r = p.rencana
    r.sha256 = sha256
    r.pengirim, r.kunci_baru = pengirim.kunci, pengirim.baru
    r.masalah.extend(
        Masalah(m.lembar, m.baris, m.kolom, m.pesan, getattr(m, "menghalangi", True))
        for m in baca
        if not _checksum_pembaca(m)
    )
    daftar = semua_jenis()
    for jenis in daftar:
        p.check_sheet(jenis, [m for m in baca if m.lembar == jenis.lembar])
        release_memory()  # a big sheet's temporary sets and lists, before the next one makes its own
    for jenis in daftar:
        p.check_references(jenis)
    evaluasi, skp = jenis_tabel("evaluasi"), jenis_tabel("skp")
    check_evaluasi(p.conn, p.rows(evaluasi), p.rows(skp), p.pencatat["evaluasi"], lambda v: p.peta.get(v, v))
    for jenis in daftar:
        jumlah, kep = p.decide_rows(jenis)
        r.jumlah.append(jumlah)
        r.keputusan[jenis.tabel] = kep
        r.masalah.extend(p.pencatat[jenis.tabel].selesai())
        release_memory()
    r.peta_id = p.peta
    r.tabel_peta = p.tabel_peta
    return r


def plan_paket(
    session: Session,
    actor: Actor,
    paket: Paket,
    masalah_baca: Iterable[MasalahBaca] = (),
    *,
    sha256: str = "",
    checksum_cocok: bool | None = None,
) -> RencanaImpor:
    """The plan of importing ``paket`` here; nothing is written.

    A package this office may not import (another office's paket kantor at an ordinary office, a paket
    induk for another office, unsigned, changed after export, signed with another key than the one
    pinned for its office) is refused first with a ``KnownError`` (``plan.sender``).
    ``masalah_baca``, ``checksum_cocok`` and ``sha256`` come from the reader (``read_paket``'s
    ``HasilBaca``: its problems, whether the rows still match the checksum, and the file's hash); without
    ``checksum_cocok`` the checksum is computed here.
    """
    require(actor, Izin.SINKRONISASI)
    with tanpa_gc():
        if checksum_cocok is None:
            checksum_cocok = checksum_cepat(paket.baris) == paket.info.checksum
        pengirim = check_sender(session, paket, checksum_cocok)
        r = _rencana(session, paket, list(masalah_baca), sha256, pengirim)
    r.sudah_diimpor, r.lebih_lama = _riwayat(session, paket, sha256)
    release_memory()
    return r


_POTONG = 5_000  # rows compared per slice


def kolom_id(jenis: Jenis) -> tuple[str, ...]:
    """The row's own id and every reference column: the ids a merge rewrites."""
    return ("id", *(k.nama for k in jenis.kolom if k.rujukan))


def map_ids(row: Baris, kolom: tuple[str, ...], peta: dict[str, str]) -> Baris:
    """The row in this database's ids (the same row when no id changes)."""
    if not peta:
        return row
    ganti = {c: peta[v] for c in kolom if (v := row.get(c)) is not None and v in peta}
    return row.ganti(**ganti) if ganti else row


def decide(
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
