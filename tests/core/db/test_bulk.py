"""Bulk writes and id lookups behave the same on SQLite and PostgreSQL (COPY and arrays there)."""

from __future__ import annotations

import time

import pytest
from pendukung_db import DI_POSTGRES
from sqlalchemy import Column, MetaData, String, Table, func, select
from sqlalchemy.exc import IntegrityError

from kinerja_desktop.core.db.background_writes import background_writes, running
from kinerja_desktop.core.db.bulk import BulkInsert, blocks, in_values, update_texts
from kinerja_desktop.core.db.models import SyncBaseline
from kinerja_desktop.core.workspace import Workspace

_KOLOM = ("mitra", "baris_id", "tabel", "revisi", "sidik", "id_mitra")
TABEL = SyncBaseline.__table__


def test_rows_written_in_bulk_are_found_by_their_ids(workspace: Workspace) -> None:
    ids = [f"id-{i:05d}" for i in range(2_500)] + ['aneh "kutip" \\ , {kurung}']
    with workspace.transaction() as s:
        conn = s.connection()
        BulkInsert(conn, TABEL, _KOLOM).write([("X", i, "pegawai", 3, "s" * 32, None) for i in ids])
    with workspace.read() as s:
        conn = s.connection()
        dicari = [*ids[::7], ids[-1], "tidak-ada"]
        ketemu: set[str] = set()
        for blok in blocks(conn, dicari):
            stmt = select(TABEL.c.baris_id).where(in_values(conn, TABEL.c.baris_id, blok))
            ketemu.update(r[0] for r in conn.execute(stmt))
    assert ketemu == set(dicari) - {"tidak-ada"}


def test_a_bulk_write_that_breaks_a_key_is_an_integrity_error_and_writes_nothing(
    workspace: Workspace,
) -> None:
    baris = ("X", "sama", "pegawai", 1, "s" * 32, None)
    with pytest.raises(IntegrityError), workspace.transaction() as s:
        BulkInsert(s.connection(), TABEL, _KOLOM).write([baris, baris])
    with workspace.read() as s:
        assert s.execute(select(TABEL.c.baris_id).where(TABEL.c.mitra == "X")).all() == []


def test_texts_updated_in_bulk_by_id_on_both_back_ends(workspace: Workspace) -> None:
    uji = Table("uji_teks", MetaData(), Column("id", String(36), primary_key=True), *_teks("a", "b"))
    ids = [f"id-{i:05d}" for i in range(25_000)]  # more than one block of an array
    ganti = [(i, "baru", 'aneh "kutip" \\ {x}' if n % 2 else None) for n, i in enumerate(ids) if n % 3]
    with workspace.transaction() as s:
        conn = s.connection()
        uji.create(conn)
        conn.execute(uji.insert(), [{"id": i, "a": "lama", "b": "lama"} for i in ids])
        update_texts(conn, uji, ("a", "b"), [])  # nothing to do
        update_texts(conn, uji, ("a", "b"), ganti)
        hasil = {r[0]: (r[1], r[2]) for r in conn.execute(select(uji.c.id, uji.c.a, uji.c.b))}
        uji.drop(conn)
    diganti = {i: (a, b) for i, a, b in ganti}
    assert all(hasil[i] == diganti.get(i, ("lama", "lama")) for i in ids)


def _teks(*nama: str) -> list[Column[str]]:
    return [Column(n, String(100)) for n in nama]


def test_background_writes_keep_the_order_of_statements_and_raise_their_errors(
    workspace: Workspace,
) -> None:
    urutan: list[str] = []

    def lambat() -> None:
        time.sleep(0.2)
        urutan.append("tulis")

    with workspace.read() as s:
        conn = s.connection()
        with background_writes(conn) as latar:
            latar.submit(lambat)
            conn.execute(select(1))  # waits for the write in flight first
            urutan.append("baca")
            latar.submit(lambda: (_ for _ in ()).throw(RuntimeError("rusak")))
            with pytest.raises(RuntimeError, match="rusak"):
                conn.execute(select(1))
            latar.submit(lambat)
        assert urutan == ["tulis", "baca", "tulis"]  # the block waited for the last one
        with pytest.raises(RuntimeError, match="rusak"), background_writes(conn) as latar:
            latar.submit(lambda: (_ for _ in ()).throw(RuntimeError("rusak")))
        with pytest.raises(ValueError, match="lebih dulu"), background_writes(conn) as latar:
            latar.submit(lambda: (_ for _ in ()).throw(RuntimeError("rusak")))
            raise ValueError("lebih dulu")  # the block's own error wins
        assert running(conn) is None


@pytest.mark.skipif(not DI_POSTGRES, reason="PostgreSQL only: COPY in a worker thread")
def test_copies_in_the_background_are_written_before_the_next_statement(workspace: Workspace) -> None:
    with workspace.transaction() as s:
        conn = s.connection()
        with background_writes(conn):
            for n in range(3):
                BulkInsert(conn, TABEL, _KOLOM).write(
                    [("X", f"{n}-{i}", "pegawai", 1, "s" * 32, None) for i in range(5_000)]
                )
            jumlah = conn.execute(select(func.count()).select_from(TABEL).where(TABEL.c.mitra == "X"))
            assert jumlah.scalar_one() == 15_000
    baris = ("Z", "sama", "pegawai", 1, "s" * 32, None)
    with pytest.raises(IntegrityError), workspace.transaction() as s:
        conn = s.connection()
        with background_writes(conn):
            BulkInsert(conn, TABEL, _KOLOM).write([baris, baris])
    with workspace.read() as s:
        assert s.execute(select(TABEL.c.baris_id).where(TABEL.c.mitra == "Z")).all() == []
