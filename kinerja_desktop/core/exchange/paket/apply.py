"""Carrying out an import plan after a backup, all or nothing, with Core bulk writes."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.db.background_writes import background_writes
from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.bulk import BulkInsert, bind_processors, sama, update_texts
from kinerja_desktop.core.db.models import SyncLog
from kinerja_desktop.core.db.server_backup import TANPA_CADANGAN
from kinerja_desktop.core.db.session import AuditActor, link_import, log_event
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.paket.audit import ImportAudit
from kinerja_desktop.core.exchange.paket.import_lock import lock_office_import
from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.plan.local import baris_lokal, revisi_lokal, tanpa_gc
from kinerja_desktop.core.exchange.paket.plan.model import Aksi, Pilihan, RencanaImpor
from kinerja_desktop.core.exchange.paket.plan.planner import kolom_id, map_ids
from kinerja_desktop.core.exchange.paket.schema import Jenis, semua_jenis
from kinerja_desktop.core.exchange.paket.sync_base import EntriDasar, pembuat_sidik, write_baselines
from kinerja_desktop.core.memory import release_memory
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import kunci_kantor
from kinerja_desktop.core.services.access import Actor, Izin, require
from kinerja_desktop.core.workspace import Workspace

ALASAN_CADANGAN = "sebelum-impor-paket"
_SARAN = "Tidak ada data yang diubah. Buat pratinjau impor lagi, lalu lanjutkan."


@dataclass(frozen=True)
class HasilImpor:
    """What the import did (``ditulis``: anything was written), and the backup taken just before it (None
    when nothing was written, and on a server database, which the app does not back up itself)."""

    jumlah: dict[str, dict[str, int]]  # table → counts per Aksi
    pilihan: dict[tuple[str, str], Pilihan]
    digabung: int
    cadangan: Path | None
    kunci_baru: str = ""  # the fingerprint of the sender's key, when this import pinned it
    ditulis: bool = False

    def total(self, aksi: Aksi) -> int:
        return sum(j[aksi.value] for j in self.jumlah.values())

    def lines(self) -> list[str]:
        if not self.ditulis:
            return ["Tidak ada yang berubah; tidak ada yang ditulis."]
        out = [
            f"Impor selesai: {format_angka(self.total(Aksi.BARU))} baris baru, "
            f"{format_angka(self.total(Aksi.UBAH))} diperbarui, "
            f"{format_angka(len(self.pilihan))} konflik diputuskan, {format_angka(self.digabung)} "
            "data digabungkan.",
            f"Cadangan sebelum impor: {self.cadangan}" if self.cadangan is not None else TANPA_CADANGAN,
        ]
        if self.kunci_baru:
            out.append(f"Kunci pengirim disimpan di sini: {self.kunci_baru}.")
        return out


def _rincian(isi: tuple[str, ...]) -> str:
    lebih = f" … dan {len(isi) - 10} lainnya" if len(isi) > 10 else ""
    return " Rinciannya: " + "; ".join(isi[:10]) + lebih + "." if isi else ""


def _check(
    rencana: RencanaImpor, pilihan: dict[tuple[str, str], Pilihan] | None, semua: Pilihan | None
) -> dict[tuple[str, str], Pilihan]:
    """The choice for every conflict; refused (KnownError) while the plan says why it is held back."""
    alasan = rencana.alasan_tertahan(pilihan=pilihan, semua=semua)
    if alasan:
        raise KnownError(
            " ".join(a.pesan + _rincian(a.rincian) for a in alasan), saran=" ".join(a.saran for a in alasan)
        )
    hasil: dict[tuple[str, str], Pilihan] = {}
    for k in rencana.konflik:
        dipilih = (pilihan or {}).get(k.kunci) or semua
        assert dipilih is not None  # every conflict is decided once nothing holds the plan back
        hasil[k.kunci] = dipilih
    return hasil


def _belum_berubah(session: Session, rencana: RencanaImpor) -> None:
    """Rows the plan compared must still be as the plan saw them."""
    for jenis in semua_jenis():
        kep = rencana.keputusan.get(jenis.tabel)
        if kep is None:
            continue
        ids = [map_ids(r, ("id",), rencana.peta_id).id for r in kep.perbarui] + list(kep.konflik)
        if not ids:
            continue
        sekarang = revisi_lokal(session.connection(), jenis.table, ids)
        for i in ids:
            if sekarang.get(i) != rencana.revisi_db.get(i):
                raise KnownError(
                    f"Data di lembar {jenis.lembar} sudah diubah di komputer ini setelah pratinjau dibuat.",
                    saran=_SARAN,
                )


#: SQLite page cache (KiB) while a package is written: the random-uuid indexes stay in memory.
CACHE_KIB = 16_384


def _write(
    session: Session, rencana: RencanaImpor, pilih: dict[tuple[str, str], Pilihan], audit: ImportAudit
) -> None:
    conn = session.connection()
    if conn.dialect.name != "sqlite":  # the server writes a batch while the app makes the next one
        with background_writes(conn):
            _write_all(session, rencana, pilih, audit)
            _dasar(session, rencana)
        return
    lama = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size = {-CACHE_KIB}")
    try:
        _write_all(session, rencana, pilih, audit)
        _dasar(session, rencana)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {lama}")


def _write_all(
    session: Session, rencana: RencanaImpor, pilih: dict[tuple[str, str], Pilihan], audit: ImportAudit
) -> None:
    conn = session.connection()
    peta = rencana.peta_id
    # On SQLite the entries of new rows are built by SQLite from the rows as stored, once all are written.
    di_sql = audit.sisip_di_sql
    penulis = {j.tabel: Penulis(conn, j, peta, rencana.tabel_peta, audit) for j in semua_jenis()}
    sebelum = {
        j.tabel: audit.last_rowid(j)
        for j in semua_jenis()
        if di_sql and audit.cepat and rencana.keputusan[j.tabel].sisip
    }
    for jenis in semua_jenis():
        penulis[jenis.tabel].insert_rows(rencana.keputusan[jenis.tabel].sisip)
        release_memory()
    sekarang = utcnow()
    for jenis in semua_jenis():
        kep = rencana.keputusan[jenis.tabel]
        mereka = [r for lid, r in kep.konflik.items() if pilih[(jenis.tabel, lid)] == "mereka"]
        penulis[jenis.tabel].update_rows(kep.perbarui + mereka)
        kami = [
            {"b_id": lid, "b_revisi": max(kep.revisi_kami[lid], int(r.revisi)) + 1, "b_waktu": sekarang}
            for lid, r in kep.konflik.items()
            if pilih[(jenis.tabel, lid)] == "kami"
        ]
        if kami:  # our version wins: a revision above both, so it travels back as the newer one
            t = jenis.table
            stmt = update(t).where(t.c.id == bindparam("b_id"))
            conn.execute(stmt.values(revisi=bindparam("b_revisi"), diubah_pada=bindparam("b_waktu")), kami)
    for jenis in semua_jenis():
        penulis[jenis.tabel].fill_postponed(rencana.keputusan[jenis.tabel].sisip)
    for jenis in semua_jenis():
        if jenis.tabel in sebelum:
            audit.add_inserted_since(jenis, sebelum[jenis.tabel])
        elif di_sql and not audit.cepat and rencana.keputusan[jenis.tabel].sisip:
            audit.add_inserted_ids(jenis, penulis[jenis.tabel].ids(rencana.keputusan[jenis.tabel].sisip))


def _entri_dasar(
    jenis: Jenis, rows: Iterable[Baris], peta: dict[str, str], tabel_peta: set[str]
) -> Iterator[EntriDasar]:
    sidik = pembuat_sidik(jenis)
    kolom = kolom_id(jenis)
    petakan_ini = (
        bool(peta) and any(k.rujukan in tabel_peta for k in jenis.kolom if k.rujukan)
    ) or jenis.tabel in tabel_peta
    for r in rows:
        rm = map_ids(r, kolom, peta) if petakan_ini else r
        rid, lid = str(r.id), str(rm.id)
        yield EntriDasar(jenis.tabel, lid, int(rm.revisi), sidik(rm), rid if rid != lid else None)


def _dasar(session: Session, rencana: RencanaImpor) -> None:
    conn = session.connection()
    for jenis in semua_jenis():
        kep = rencana.keputusan[jenis.tabel]
        rows = itertools.chain(kep.sisip, kep.dasar, kep.konflik.values())
        write_baselines(
            conn,
            rencana.mitra,
            _entri_dasar(jenis, rows, rencana.peta_id, rencana.tabel_peta),
            rencana.ada_dasar,
        )


def _audit(session: Session, rencana: RencanaImpor, pilih: dict[tuple[str, str], Pilihan]) -> None:
    """Each conflict's choice (both values) and each merge, as the importing user."""
    kantor = f"{rencana.info.kantor_nama} ({rencana.info.kantor_kode})"
    for k in rencana.konflik:
        dipilih = "kami" if pilih[k.kunci] == "kami" else kantor
        log_event(
            session,
            "konflik",
            f"Konflik impor {k.uraian}: dipilih data {dipilih}.",
            tabel=k.tabel,
            baris_id=k.id,
            sebelum={b.kolom: b.kami for b in k.beda},
            sesudah={b.kolom: b.mereka for b in k.beda},
        )
    for g in rencana.penggabungan:
        cara = "otomatis" if g.otomatis else "sesuai kunci bisnis"
        keterangan = (
            f"Digabungkan ({cara}): {g.uraian}; ID {g.id_mereka} dari {kantor} = ID {g.id_kami} di sini."
        )
        log_event(session, "gabung", keterangan, tabel=g.tabel, baris_id=g.id_kami)


def apply_plan(
    workspace: Workspace,
    actor: Actor,
    rencana: RencanaImpor,
    pilihan: dict[tuple[str, str], Pilihan] | None = None,
    semua: Pilihan | None = None,
    nama_berkas: str = "",
    sha256: str = "",
) -> HasilImpor:
    """Apply ``rencana``: refuses while a problem or an undecided conflict remains; then backs up and
    writes everything in one transaction (any failure leaves the database exactly as it was).

    The sender's key is checked again against the one pinned for its office (an administrator may have
    accepted another since the plan was made) and pinned when this is the first import from it.
    """
    require(actor, Izin.SINKRONISASI)
    pilih = _check(rencana, pilihan, semua)
    jumlah = {j.tabel: j.sebagai_dict() for j in rencana.jumlah}
    if not rencana.ada_perubahan:
        return HasilImpor(jumlah, {}, 0, None)
    pengirim = rencana.pengirim
    if pengirim is None:
        raise KnownError(
            "Tanda tangan paket ini belum diperiksa, jadi paket ini tidak diimpor.",
            saran="Buat rencana impor dari berkasnya lagi (halaman Pertukaran Data, atau perintah "
            "'kinerja-desktop import').",
        )
    with workspace.read() as session:
        kunci_kantor.check_pinned(session, pengirim.kode, pengirim.kunci_publik)  # before the backup
    cadangan: Path | None = None
    if workspace.is_sqlite:
        cadangan = backups.backup_database(workspace.engine, workspace.paths.backups, ALASAN_CADANGAN)
        backups.sync_evidence(workspace.paths.evidence, workspace.paths.backups / "bukti")
    info = rencana.info
    total = {a.value: rencana.total(a) for a in Aksi}
    try:
        with tanpa_gc(), workspace.transaction(actor) as session:
            lock_office_import(session, pengirim.kode)  # a server: nobody else imports this office now
            _belum_berubah(session, rencana)
            catatan = SyncLog(
                arah="impor",
                jenis_paket=info.jenis.value,
                nama_berkas=nama_berkas,
                sha256=sha256 or rencana.sha256,
                kantor_kode=info.kantor_kode,
                tahun=info.tahun,
                jumlah={
                    "total": total,
                    "lembar": jumlah,
                    "checksum": info.checksum,
                    "dibuat_pada": info.dibuat_pada.isoformat(),
                },
                pengguna_id=actor.pengguna_id,
                username=actor.username,
                keterangan=f"checksum {info.checksum}",
            )
            sync_log_id = link_import(session, catatan)  # every audit entry from here on names it
            baru = kunci_kantor.pinned_key(session, pengirim.kode) is None
            kunci_kantor.pin_key(session, actor, pengirim.kode, pengirim.kunci_publik)
            pelaku: AuditActor = session.info["actor"]
            audit = ImportAudit(session.connection(), pelaku, sync_log_id, utcnow())
            audit.start(rencana.total(Aksi.BARU) + rencana.total(Aksi.UBAH) + len(pilih))
            _write(session, rencana, pilih, audit)
            audit.finish()
            if cadangan is not None:
                log_event(session, "cadangan", f"Cadangan dibuat: {cadangan.name}")
            _audit(session, rencana, pilih)
            ringkas = ", ".join(f"{format_angka(v)} {k}" for k, v in total.items())
            log_event(
                session,
                "impor",
                f"Impor {info.jenis.label.lower()} dari {info.kantor_nama} ({info.kantor_kode}) "
                f"{nama_berkas or ''}: {ringkas}; {format_angka(len(pilih))} konflik diputuskan, "
                f"{format_angka(len(rencana.penggabungan))} digabungkan; "
                f"{format_angka(audit.jumlah)} baris tercatat di log audit.",
                tabel="sync_log",
                baris_id=str(sync_log_id),
            )
    except IntegrityError as exc:
        raise KnownError(
            f"Impor dibatalkan: data paket bertentangan dengan basis data ({exc.orig}).", saran=_SARAN
        ) from exc
    release_memory()
    kunci = pengirim.sidik if baru else ""
    return HasilImpor(jumlah, pilih, len(rencana.penggabungan), cadangan, kunci, ditulis=True)


_POTONG = 20_000  # rows per executemany
_BERULANG = frozenset({date, datetime, Decimal})


def postponed_columns(jenis: Jenis) -> tuple[str, ...]:
    """References to the same sheet or a later one (induk, atasan, kepala unit, RHK atasan/asal).

    Inserted empty and filled in once every row exists, so the order of rows never matters.
    """
    posisi = {j.tabel: i for i, j in enumerate(semua_jenis())}
    sini = posisi[jenis.tabel]
    return tuple(k.nama for k in jenis.kolom if k.rujukan and posisi[k.rujukan] >= sini)


class Penulis:
    """Writes one table's rows: inserts, full updates, and the postponed references."""

    def __init__(
        self,
        conn: Connection,
        jenis: Jenis,
        peta: dict[str, str],
        tabel_peta: set[str],
        audit: ImportAudit | None = None,
    ) -> None:
        self.conn = conn
        self.audit = audit
        self.jenis = jenis
        self.peta = peta
        self.kolom = [k.nama for k in jenis.kolom]  # a row's values are in this order
        self.tunda = postponed_columns(jenis)
        dipetakan = {"id"} if jenis.tabel in tabel_peta else set()
        dipetakan |= {k.nama for k in jenis.kolom if k.rujukan in tabel_peta}
        self._ids = [i for i, c in enumerate(self.kolom) if c in dipetakan]
        self._tunda_i = {i for i, c in enumerate(self.kolom) if c in self.tunda}
        self._id = self.kolom.index("id")
        self.cepat = conn.dialect.name == "sqlite"
        self._tulis = BulkInsert(conn, jenis.table, self.kolom)
        self._proses: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = [
            (i, proses, {})
            for i, proses in enumerate(bind_processors(conn, jenis.table, self.kolom))
            if proses is not sama
        ]

    def nilai(self, row: Baris, *, kosongkan_tunda: bool) -> list[Any]:
        """The row's values in column order, ids mapped, postponed references emptied if asked."""
        peta = self.peta
        out = list(row)
        for i in self._ids:
            v = out[i]
            if v is not None and v in peta:
                out[i] = peta[v]
        if kosongkan_tunda:
            for i in self._tunda_i:
                out[i] = None
        return out

    def ids(self, rows: list[Baris]) -> list[str]:
        """The rows' ids as written here (mapped where this office merged them with its own)."""
        i, peta = self._id, self.peta
        return [peta.get(v, v) if i in self._ids else v for v in (str(r[i]) for r in rows)]

    def _siap(self, vals: list[Any]) -> list[Any]:
        """The values as the driver takes them (each column type's own bind processor).

        On SQLite an empty value stays NULL; another database gets what its types make of it, as a
        statement would (a JSON column's None is the JSON ``null``)."""
        lewati_kosong = self.cepat
        for i, proses, memo in self._proses:
            v = vals[i]
            if v is None and lewati_kosong:
                continue
            if type(v) in _BERULANG:  # dates, times and decimals repeat a lot; their processors are slow
                hasil = memo.get(v, memo)
                if hasil is memo:
                    hasil = memo[v] = proses(v)
                vals[i] = hasil
            else:
                vals[i] = proses(v)
        return vals

    def insert_rows(self, rows: list[Baris]) -> None:
        """Each slice of rows inserted (postponed references empty) and, with an audit, its entries."""
        for a in range(0, len(rows), _POTONG):
            nilai = [self.nilai(r, kosongkan_tunda=False) for r in rows[a : a + _POTONG]]
            if self.audit is not None and not self.audit.sisip_di_sql:  # encoded before the driver's values
                self.audit.add_inserted(self.jenis, nilai)
            for i in self._tunda_i:
                for v in nilai:
                    v[i] = None
            self._tulis.write([self._siap(v) for v in nilai])

    def update_rows(self, rows: list[Baris]) -> None:
        """Every column of each row (postponed references too: every target exists by now)."""
        if not rows:
            return
        t = self.jenis.table
        lain = [c for c in self.kolom if c != "id"]
        stmt = update(t).where(t.c.id == bindparam("b_id")).values({c: bindparam(f"v_{c}") for c in lain})
        for a in range(0, len(rows), _POTONG):
            nilai = [self.nilai(r, kosongkan_tunda=False) for r in rows[a : a + _POTONG]]
            if self.audit is not None:  # ours as they are now, before the update
                lama = baris_lokal(self.conn, self.jenis, [v[self._id] for v in nilai])
                self.audit.add_updated(self.jenis, [(lama[v[self._id]], v) for v in nilai])
            data = []
            for baris in nilai:
                vals = dict(zip(self.kolom, baris, strict=True))
                data.append({"b_id": vals.pop("id"), **{f"v_{c}": x for c, x in vals.items()}})
            self.conn.execute(stmt, data)

    def fill_postponed(self, rows: list[Baris]) -> None:
        """Fill the postponed references of inserted rows."""
        if not self.tunda or not rows:
            return
        posisi = [self.kolom.index(c) for c in self.tunda]
        data = []
        for r in rows:
            vals = self.nilai(r, kosongkan_tunda=False)
            if any(vals[i] is not None for i in posisi):
                data.append((vals[self._id], *(vals[i] for i in posisi)))
        update_texts(self.conn, self.jenis.table, self.tunda, data)
