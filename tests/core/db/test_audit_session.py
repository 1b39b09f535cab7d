"""Every change is audited in its own transaction, and travelling rows keep their sync columns."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Pegawai, UnitKerja
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


def _new_pegawai(ws: Workspace, actor: Actor) -> str:
    with ws.transaction(actor) as session:
        info = kantor.get_kantor(session)
        p = Pegawai(
            kantor_id=info.id, nip="198609262015051001", nama="Siti Aminah", tanggal_lahir=date(1986, 9, 26)
        )
        session.add(p)
        session.flush()
        return p.id


def _audit(ws: Workspace, baris_id: str) -> list[AuditLog]:
    with ws.read() as session:
        return list(
            session.scalars(select(AuditLog).where(AuditLog.baris_id == baris_id).order_by(AuditLog.id))
        )


def test_insert_is_audited_with_actor_and_values(workspace: Workspace, admin: Actor) -> None:
    pid = _new_pegawai(workspace, admin)
    [entry] = _audit(workspace, pid)
    assert (entry.aksi, entry.tabel, entry.username) == ("tambah", "pegawai", "admin")
    assert entry.sesudah is not None
    assert entry.sesudah["nip"] == "198609262015051001"
    assert entry.sesudah["tanggal_lahir"] == "1986-09-26"


def test_update_records_before_and_after_and_bumps_revisi(workspace: Workspace, admin: Actor) -> None:
    pid = _new_pegawai(workspace, admin)
    with workspace.transaction(admin) as session:
        p = session.get(Pegawai, pid)
        assert p is not None
        first_change = p.diubah_pada
        p.nama = "Siti Aminah Lubis"
    with workspace.read() as session:
        p = session.get(Pegawai, pid)
        assert p is not None
        assert p.revisi == 2
        assert p.diubah_pada >= first_change
        assert p.kantor_asal == "PLJ"
    entry = _audit(workspace, pid)[-1]
    assert entry.aksi == "ubah"
    assert entry.sebelum == {"nama": "Siti Aminah"}
    assert entry.sesudah == {"nama": "Siti Aminah Lubis"}


def test_setting_a_value_to_itself_is_not_a_change(workspace: Workspace, admin: Actor) -> None:
    pid = _new_pegawai(workspace, admin)
    with workspace.transaction(admin) as session:
        p = session.get(Pegawai, pid)
        assert p is not None
        p.nama = "Siti Aminah"
    assert len(_audit(workspace, pid)) == 1
    with workspace.read() as session:
        assert session.get(Pegawai, pid).revisi == 1  # type: ignore[union-attr]


def test_tombstone_is_audited_as_deletion(workspace: Workspace, admin: Actor) -> None:
    pid = _new_pegawai(workspace, admin)
    with workspace.transaction(admin) as session:
        p = session.get(Pegawai, pid)
        assert p is not None
        from kinerja_desktop.core.db.base import utcnow

        p.dihapus_pada = utcnow()
    assert _audit(workspace, pid)[-1].aksi == "hapus"


def test_failed_transaction_leaves_neither_data_nor_audit(workspace: Workspace, admin: Actor) -> None:
    with workspace.read() as session:
        before = session.query(AuditLog).count()
    with pytest.raises(RuntimeError), workspace.transaction(admin) as session:
        info = kantor.get_kantor(session)
        session.add(UnitKerja(kantor_id=info.id, nama="Seksi Uji"))
        session.flush()
        raise RuntimeError("boom")
    with workspace.read() as session:
        assert session.query(AuditLog).count() == before
        assert session.scalar(select(UnitKerja).where(UnitKerja.nama == "Seksi Uji")) is None


def test_password_hash_never_reaches_the_audit_log(workspace: Workspace) -> None:
    with workspace.read() as session:
        for entry in session.scalars(select(AuditLog).where(AuditLog.tabel == "pengguna")):
            for values in (entry.sebelum or {}, entry.sesudah or {}):
                assert values.get("password_hash", "***") == "***"


def test_locked_database_gives_an_indonesian_message(workspace: Workspace, admin: Actor) -> None:
    import sqlite3

    from kinerja_desktop.core.db.engine import make_engine
    from kinerja_desktop.core.errors import DatabaseError

    blocker = sqlite3.connect(workspace.paths.database, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        quick = make_engine(f"sqlite:///{workspace.paths.database}", busy_timeout_ms=100)
        quick_ws = Workspace(workspace.paths, quick, workspace.migration)
        quick_ws._kantor_kode = "PLJ"
        with pytest.raises(DatabaseError, match="sedang dipakai"), quick_ws.transaction(admin) as session:
            session.add(UnitKerja(kantor_id="x", nama="Seksi Terkunci"))
        quick.dispose()
    finally:
        blocker.rollback()
        blocker.close()
