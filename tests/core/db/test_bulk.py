"""Bulk writes and id lookups behave the same on SQLite and PostgreSQL (COPY and arrays there)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kinerja_desktop.core.db.bulk import BulkInsert, blocks, in_values
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
