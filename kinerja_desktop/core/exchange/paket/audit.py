"""The audit entries of a package import: one per row inserted, updated or deleted, written in bulk.

The import writes its rows with Core statements, so the session's audit hook never sees them; these
entries say the same as the hook would (aksi tambah/ubah/hapus, table, row id, the changed columns
before → after; a new row's non-empty columns as "after"), in the same transaction, linked to the
import's ``SyncLog`` entry. A year of a big office is a million entries: each batch of rows is encoded
(compact JSON, built a column at a time) and inserted with one ``executemany`` as it is written, so no
list of a million entries is ever held.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Index,
    Insert,
    Table,
    bindparam,
    func,
    insert,
    literal,
    literal_column,
    select,
)

from kinerja_desktop.core.db.background_writes import running
from kinerja_desktop.core.db.bulk import BulkInsert, blocks, in_values
from kinerja_desktop.core.db.models import AuditLog
from kinerja_desktop.core.db.session import UNAUDITED, AuditActor, jsonable
from kinerja_desktop.core.exchange.paket.model import Baris
from kinerja_desktop.core.exchange.paket.schema import Jenis, TipeKolom

_KOLOM = (
    "waktu",
    "pengguna_id",
    "username",
    "aksi",
    "tabel",
    "baris_id",
    "sebelum",
    "sesudah",
    "keterangan",
    "sync_log_id",
)
#: Entries an import must bring before the log's indexes are built afresh rather than added to.
INDEKS_DITUNDA_MIN = 100_000
_encode_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _fragmen(tipe: TipeKolom, awalan: str) -> Callable[[list[Any]], list[str]]:
    """``"kolom":<value>`` of each value of one column ("" for an empty one), for the JSON of a new row."""
    if tipe is TipeKolom.TEKS:
        return lambda vals: [awalan + encode_basestring(v) if v else "" for v in vals]
    if tipe is TipeKolom.BULAT:
        return lambda vals: ["" if v is None else awalan + str(v) for v in vals]
    if tipe is TipeKolom.BOOLEAN:
        return lambda vals: ["" if v is None else awalan + ("true" if v else "false") for v in vals]
    if tipe is TipeKolom.JSON:
        return lambda vals: ["" if v is None else awalan + _encode_json(v) for v in vals]

    def bersama(vals: list[Any]) -> list[str]:  # dates, times and decimals repeat: each encoded once
        memo: dict[Any, str] = {}
        hasil = []
        for v in vals:
            if v is None:
                hasil.append("")
                continue
            f = memo.get(v)
            if f is None:
                f = memo[v] = awalan + encode_basestring(str(jsonable(v)))
            hasil.append(f)
        return hasil

    return bersama


def _sql_fragmen(jenis: Jenis, nama: str, tipe: TipeKolom) -> str:
    """SQLite text ``,"kolom":<value>`` of one column of a stored row ('' for an empty one), the same
    JSON ``_fragmen`` builds in Python from the values before they are written."""
    c = '"' + nama + '"'
    kunci = "'," + encode_basestring(nama) + ":'"
    if tipe is TipeKolom.TEKS:
        return f"CASE WHEN {c} IS NULL OR {c} = '' THEN '' ELSE {kunci} || json_quote({c}) END"
    if tipe is TipeKolom.BOOLEAN:
        benar, salah = kunci[:-1] + "true'", kunci[:-1] + "false'"
        return f"CASE WHEN {c} IS NULL THEN '' WHEN {c} THEN {benar} ELSE {salah} END"
    if tipe is TipeKolom.JSON:  # None is stored as the JSON text null
        return f"CASE WHEN {c} IS NULL OR {c} = 'null' THEN '' ELSE {kunci} || json({c}) END"
    if tipe is TipeKolom.DESIMAL:  # kept as a number by SQLite: written with the column's decimals
        skala = getattr(jenis.table.c[nama].type, "scale", None) or 0
        return f"CASE WHEN {c} IS NULL THEN '' ELSE {kunci} || '\"' || printf('%.{skala}f', {c}) || '\"' END"
    if tipe is TipeKolom.WAKTU:  # stored as UTC "YYYY-MM-DD HH:MM:SS.ffffff"; ISO 8601 as isoformat()
        detik = f"CASE WHEN substr({c}, 20) = '.000000' THEN substr({c}, 1, 19) ELSE {c} END"
        nilai = f"replace({detik}, ' ', 'T') || '+00:00'"
        return f"CASE WHEN {c} IS NULL THEN '' ELSE {kunci} || json_quote({nilai}) END"
    return f"CASE WHEN {c} IS NULL THEN '' ELSE {kunci} || json_quote({c}) END"  # numbers, dates


def _pg_fragmen(jenis: Jenis, nama: str, tipe: TipeKolom) -> str:
    """PostgreSQL text ``,"kolom":<value>`` of one column of a stored row ('' for an empty one), the same
    JSON as ``_sql_fragmen`` makes on SQLite (``to_json`` escapes a text as Python's encoder does)."""
    c = '"' + nama + '"'
    kunci = "'," + encode_basestring(nama) + ":'"
    if tipe is TipeKolom.TEKS:
        return f"CASE WHEN {c} IS NULL OR {c} = '' THEN '' ELSE {kunci} || to_json({c})::text END"
    if tipe is TipeKolom.BOOLEAN:
        benar, salah = kunci[:-1] + "true'", kunci[:-1] + "false'"
        return f"CASE WHEN {c} IS NULL THEN '' WHEN {c} THEN {benar} ELSE {salah} END"
    if tipe is TipeKolom.JSON:  # None is stored as the JSON text null
        return f"CASE WHEN {c} IS NULL OR {c}::text = 'null' THEN '' ELSE {kunci} || {c}::text END"
    if tipe is TipeKolom.DESIMAL:  # numeric prints the column's decimals, as SQLite's printf does
        return f"CASE WHEN {c} IS NULL THEN '' ELSE {kunci} || '\"' || {c}::text || '\"' END"
    if tipe is TipeKolom.WAKTU:  # ISO 8601 in UTC as isoformat() writes it: microseconds only when any
        utc = f"({c} AT TIME ZONE 'UTC')"
        pecahan = f"CASE WHEN date_trunc('second', {c}) = {c} THEN '' ELSE to_char({utc}, '.US') END"
        nilai = f"to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || {pecahan} || '+00:00'"
        return f"CASE WHEN {c} IS NULL THEN '' ELSE {kunci} || '\"' || {nilai} || '\"' END"
    if tipe is TipeKolom.BULAT:
        return f"CASE WHEN {c} IS NULL THEN '' ELSE {kunci} || {c}::text END"
    return f"CASE WHEN {c} IS NULL THEN '' ELSE {kunci} || to_json({c})::text END"  # dates: ISO 8601


class ImportAudit:
    """Collects and writes the per-row entries of one import, as ``actor``, linked to ``sync_log_id``."""

    def __init__(self, conn: Connection, actor: AuditActor, sync_log_id: int, waktu: datetime) -> None:
        self.conn = conn
        self.sync_log_id = sync_log_id
        table = AuditLog.__table__
        assert isinstance(table, Table)
        self.table = table
        dialect = conn.dialect
        self.cepat = dialect.name == "sqlite"
        #: New rows' entries made by the database from the stored rows (``add_inserted_since`` on SQLite,
        #: ``add_inserted_ids`` elsewhere), not in Python.
        self.sisip_di_sql = True
        self._waktu = waktu
        proses = table.c.waktu.type.dialect_impl(dialect).bind_processor(dialect)
        waktu_db = proses(waktu) if proses is not None else waktu
        self._tetap = (waktu_db, actor.pengguna_id, actor.username)
        #: The entries go to the driver as they are: the JSON already encoded, as text (``bulk``).
        self._tulis = BulkInsert(conn, table, _KOLOM)
        self.jumlah = 0
        self._ditunda: list[Index] = []
        self._encoders: dict[str, list[tuple[int, Callable[[list[Any]], list[str]]]]] = {}

    def start(self, perkiraan: int) -> None:
        """Before writing about ``perkiraan`` entries: when that is at least as many as the log holds
        (the first year an office's package reaches a new central office), the log's indexes are set
        aside and built again by ``finish`` — SQLite builds an index of a million entries by sorting
        them several times faster than it adds them one by one. Inside the import's transaction, so a
        failure brings them back as they were. A log already larger keeps its indexes: rebuilding it
        whole would cost more than the entries added."""
        if not self.cepat or perkiraan < INDEKS_DITUNDA_MIN:
            return
        ada = int(self.conn.execute(select(func.count()).select_from(self.table)).scalar_one())
        if ada > perkiraan:
            return
        self._ditunda = sorted(self.table.indexes, key=lambda i: str(i.name))
        for indeks in self._ditunda:
            indeks.drop(self.conn)

    def finish(self) -> None:
        """Build again the indexes ``start`` set aside."""
        for indeks in self._ditunda:
            indeks.create(self.conn)
        self._ditunda = []

    def _encoder(self, jenis: Jenis) -> list[tuple[int, Callable[[list[Any]], list[str]]]]:
        enc = self._encoders.get(jenis.tabel)
        if enc is None:
            lewati = UNAUDITED | {"id"}
            enc = self._encoders[jenis.tabel] = [
                (i, _fragmen(k.tipe, encode_basestring(k.nama) + ":"))
                for i, k in enumerate(jenis.kolom)
                if k.nama not in lewati
            ]
        return enc

    def last_rowid(self, jenis: Jenis) -> int:
        """The largest rowid of ``jenis``'s table now: the rows an import inserts after it come above."""
        return int(
            self.conn.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{jenis.tabel}"').scalar_one()
        )

    def add_inserted_since(self, jenis: Jenis, rowid: int) -> None:
        """SQLite: aksi ``tambah`` for every row of ``jenis`` stored above ``rowid`` (its values as written,
        postponed references filled), with one INSERT … SELECT: SQLite builds each entry's JSON itself,
        so a million new rows never pass through Python a second time."""
        bagian = [
            _sql_fragmen(jenis, k.nama, k.tipe) for k in jenis.kolom if k.nama not in UNAUDITED | {"id"}
        ]
        sesudah = "'{' || substr(" + " || ".join(bagian) + ", 2) || '}'"
        tabel = jenis.tabel
        sql = (
            f"INSERT INTO audit_log ({', '.join(_KOLOM)}) SELECT ?, ?, ?, 'tambah', ?, id, NULL, {sesudah}, "
            f"'', ? FROM \"{tabel}\" WHERE rowid > ?"
        )
        hasil = self.conn.exec_driver_sql(sql, (*self._tetap, tabel, self.sync_log_id, rowid))
        self.jumlah += max(hasil.rowcount, 0)

    def add_inserted_ids(self, jenis: Jenis, ids: Sequence[str]) -> None:
        """PostgreSQL: aksi ``tambah`` for the stored rows of ``jenis`` with these ids (values as written,
        postponed references filled), one INSERT … SELECT a block of ids: the server builds each entry's
        JSON itself, which costs it less than reading the JSON the app would have encoded and sent."""
        bagian = [_pg_fragmen(jenis, k.nama, k.tipe) for k in jenis.kolom if k.nama not in UNAUDITED | {"id"}]
        sesudah: ColumnElement[Any] = literal_column(
            "CAST('{' || substr(" + " || ".join(bagian) + ", 2) || '}' AS json)"
        )
        t = jenis.table
        tetap = self.table.c
        for blok in blocks(self.conn, ids):
            pilih = select(
                bindparam("a_waktu", self._waktu, type_=tetap.waktu.type),
                bindparam("a_pengguna", self._tetap[1], type_=tetap.pengguna_id.type),
                bindparam("a_username", self._tetap[2], type_=tetap.username.type),
                literal("tambah"),
                literal(jenis.tabel),
                t.c.id,
                literal_column("NULL"),
                sesudah,
                literal(""),
                bindparam("a_sync", self.sync_log_id, type_=tetap.sync_log_id.type),
            ).where(in_values(self.conn, t.c.id, blok))
            stmt = insert(self.table).from_select(list(_KOLOM), pilih)
            latar = running(self.conn)
            if latar is None:
                self._insert_select(stmt)
            else:  # the server builds these while the app goes on with the base entries
                latar.submit(functools.partial(self._insert_select, stmt))

    def _insert_select(self, stmt: Insert) -> None:
        self.jumlah += max(self.conn.execute(stmt).rowcount, 0)

    def add_inserted(self, jenis: Jenis, rows: Sequence[Sequence[Any]]) -> None:
        """New rows (their values in the sheet's column order, ids as written here): aksi ``tambah``."""
        if not rows:
            return
        kolom = [f(list(map(itemgetter(i), rows))) for i, f in self._encoder(jenis)]
        sesudah = ["{" + ",".join(filter(None, t)) + "}" for t in zip(*kolom, strict=True)]
        del kolom
        ids = map(itemgetter(jenis.indeks("id")), rows)
        waktu, pengguna_id, username = self._tetap
        tabel, slid = jenis.tabel, self.sync_log_id
        self.jumlah += len(sesudah)
        self._tulis.write(
            (waktu, pengguna_id, username, "tambah", tabel, rid, None, s, "", slid)
            for rid, s in zip(ids, sesudah, strict=True)
        )

    def add_updated(self, jenis: Jenis, pairs: Iterable[tuple[Baris, Sequence[Any]]]) -> None:
        """Changed rows: (ours before, theirs after in column order); aksi ``hapus`` when the change
        deletes the row, else ``ubah``, with only the columns that changed."""
        lewati = UNAUDITED
        nama = [k.nama for k in jenis.kolom]
        ids: list[Any] = []
        aksi: list[str] = []
        sebelum: list[str | None] = []
        sesudah: list[str | None] = []
        for lama, baru in pairs:
            s: dict[str, Any] = {}
            b: dict[str, Any] = {}
            for i, k in enumerate(nama):
                if k not in lewati and lama[i] != baru[i]:
                    s[k], b[k] = jsonable(lama[i]), jsonable(baru[i])
            if not b:
                continue
            ids.append(lama.id)
            aksi.append("hapus" if b.get("dihapus_pada") else "ubah")
            sebelum.append(_encode_json(s))
            sesudah.append(_encode_json(b))
        for jenis_aksi in ("ubah", "hapus"):
            pilih = [j for j, a in enumerate(aksi) if a == jenis_aksi]
            if pilih:
                self._write(
                    jenis.tabel,
                    jenis_aksi,
                    [ids[j] for j in pilih],
                    [sebelum[j] for j in pilih],
                    [sesudah[j] for j in pilih],
                )

    def _write(
        self,
        tabel: str,
        aksi: str,
        ids: Sequence[Any],
        sebelum: Sequence[str | None],
        sesudah: Sequence[str | None],
    ) -> None:
        waktu, pengguna_id, username = self._tetap
        self.jumlah += len(ids)
        self._tulis.write(
            (waktu, pengguna_id, username, aksi, tabel, str(rid), s, t, "", self.sync_log_id)
            for rid, s, t in zip(ids, sebelum, sesudah, strict=True)
        )
