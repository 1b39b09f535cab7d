"""Start-up schema handling: create and stamp, keep data across upgrades, refuse newer or foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from pendukung_skema import DATA, isi_folder_skema, revisi_berkas
from sqlalchemy import inspect, select, text

from kinerja_desktop.core.db import server_backup
from kinerja_desktop.core.db.engine import make_engine
from kinerja_desktop.core.db.migrate import SCHEMA_HEAD, known_revisions, prepare_database, script_head
from kinerja_desktop.core.db.models import Base, Pegawai, Pengguna
from kinerja_desktop.core.errors import DatabaseError
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.workspace import Workspace


def test_schema_head_constant_matches_scripts() -> None:
    assert script_head() == SCHEMA_HEAD


def test_new_database_is_created_and_stamped(paths: AppPaths) -> None:
    ws = Workspace.open(paths)
    assert ws.migration.action == "created"
    with ws.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    ws.close()
    again = Workspace.open(paths)
    assert again.migration.action == "current"
    again.close()


def test_migration_scripts_build_the_same_schema_as_the_models(paths: AppPaths) -> None:
    from alembic import command

    from kinerja_desktop.core.db.migrate import alembic_config

    paths.ensure()
    engine = make_engine(paths.database_url())
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("fixture", sorted(p.name for p in DATA.glob("schema_*.sqlite3")))
def test_database_from_every_released_schema_opens_with_its_rows(fixture: str, tmp_path: Path) -> None:
    before_revision = revisi_berkas(DATA / fixture)
    with sqlite3.connect(DATA / fixture) as raw:
        before_nips = sorted(r[0] for r in raw.execute("SELECT nip FROM pegawai"))
    assert before_nips, "the fixture must hold rows to prove they survive"
    ws = Workspace.open(isi_folder_skema(DATA / fixture, tmp_path / "data"))
    expected = "current" if before_revision == SCHEMA_HEAD else "upgraded"
    assert ws.migration.action == expected
    if expected == "upgraded" and ws.is_sqlite:
        assert ws.migration.backup is not None and ws.migration.backup.exists()
    with ws.read() as session:
        assert sorted(session.scalars(select(Pegawai.nip))) == before_nips
        assert session.scalar(select(Pengguna.username).where(Pengguna.username == "admin")) == "admin"
    with ws.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    assert ws.login("admin", "rahasia123").username == "admin"
    ws.close()


def test_every_released_schema_has_a_fixture() -> None:
    fixtures = {p.stem.removeprefix("schema_") for p in DATA.glob("schema_*.sqlite3")}
    assert fixtures == known_revisions()


def _execute(paths: AppPaths, sql: str) -> None:
    engine = make_engine(paths.database_url())
    try:
        with engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _tables_and_revision(paths: AppPaths) -> tuple[list[str], str]:
    engine = make_engine(paths.database_url())
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            return sorted(inspect(conn).get_table_names()), revision
    finally:
        engine.dispose()


def test_database_newer_than_the_app_is_refused_and_left_alone(paths: AppPaths) -> None:
    Workspace.open(paths).close()
    _execute(paths, "UPDATE alembic_version SET version_num = '9999'")
    before = paths.database.read_bytes() if paths.database.exists() else b""
    schema = _tables_and_revision(paths)
    with pytest.raises(DatabaseError, match="lebih baru"):
        Workspace.open(paths)
    assert (paths.database.read_bytes() if paths.database.exists() else b"") == before
    assert _tables_and_revision(paths) == schema
    assert list(paths.backups.iterdir()) == []


def test_foreign_database_is_refused(paths: AppPaths) -> None:
    paths.ensure()
    _execute(paths, "CREATE TABLE customers (id INTEGER)")
    with pytest.raises(DatabaseError, match="bukan basis data Kinerja Desktop"):
        Workspace.open(paths)


@pytest.mark.sqlite_only("a damaged database file")
def test_not_a_database_at_all_gives_a_clear_message(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"this is a text file, not sqlite" * 100)
    with pytest.raises(DatabaseError, match="rusak"):
        Workspace.open(paths)


def test_prepare_database_is_idempotent(paths: AppPaths) -> None:
    paths.ensure()
    engine = make_engine(paths.database_url())
    assert prepare_database(engine).action == "created"
    assert prepare_database(engine).action == "current"
    engine.dispose()


def test_0005_links_audit_entries_to_an_import_and_keeps_the_old_ones(tmp_path: Path) -> None:
    paths = isi_folder_skema(DATA / "schema_0004.sqlite3", tmp_path / "data")
    with sqlite3.connect(DATA / "schema_0004.sqlite3") as raw:
        entri = raw.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert entri > 0
    ws = Workspace.open(paths)
    assert ws.migration.action == "upgraded"
    with ws.engine.connect() as conn:
        kolom = {k["name"]: k for k in inspect(conn).get_columns("audit_log")}
        indeks = {i["name"] for i in inspect(conn).get_indexes("audit_log")}
        tautan = conn.execute(text("SELECT COUNT(*), COUNT(sync_log_id) FROM audit_log")).one()
    ws.close()
    assert str(kolom["sync_log_id"]["type"]) == "INTEGER" and kolom["sync_log_id"]["nullable"]
    assert "ix_audit_log_sync_log_id" in indeks
    assert tautan[0] >= entri and tautan[1] == 0  # every entry kept, none linked to an import


def test_0006_gives_a_database_built_by_the_migrations_the_unit_head_key(tmp_path: Path) -> None:
    ws = Workspace.open(isi_folder_skema(DATA / "schema_0005.sqlite3", tmp_path / "data"))
    try:
        assert ws.migration.action == "upgraded"
        with ws.engine.connect() as conn:
            keys = inspect(conn).get_foreign_keys("unit_kerja")
        assert [k["referred_table"] for k in keys if k["constrained_columns"] == ["kepala_id"]] == ["pegawai"]
    finally:
        ws.close()


def test_0007_adds_the_evidence_content_table_and_keeps_the_evidence_rows(tmp_path: Path) -> None:
    ws = Workspace.open(isi_folder_skema(DATA / "schema_0006.sqlite3", tmp_path / "data"))
    try:
        assert ws.migration.action == "upgraded"
        with ws.engine.connect() as conn:
            kolom = {k["name"]: k for k in inspect(conn).get_columns("berkas_bukti")}
            kunci = inspect(conn).get_pk_constraint("berkas_bukti")
            isi = conn.execute(text("SELECT COUNT(*) FROM berkas_bukti")).scalar_one()
        assert set(kolom) == {"sha256", "ukuran", "isi", "dibuat"}
        assert not any(k["nullable"] for k in kolom.values())
        assert kunci["constrained_columns"] == ["sha256"] and isi == 0
    finally:
        ws.close()


def _server_database(paths: AppPaths) -> bool:
    return not paths.database_url().startswith("sqlite")


def test_a_server_database_is_backed_up_with_pg_dump_before_an_upgrade(tmp_path: Path) -> None:
    paths = isi_folder_skema(DATA / "schema_0005.sqlite3", tmp_path / "data")
    if not _server_database(paths):
        pytest.skip("PostgreSQL only")
    engine = make_engine(paths.database_url())
    try:
        usable = server_backup.tools_for(engine).usable
    finally:
        engine.dispose()
    if not usable:
        pytest.skip("pg_dump is not installed")
    ws = Workspace.open(paths)
    try:
        backup = ws.migration.backup
        assert ws.migration.action == "upgraded" and not ws.migration.catatan
        assert backup is not None and backup.suffix == ".dump" and backup.parent == paths.backups
        assert backup.read_bytes().startswith(b"PGDMP")
    finally:
        ws.close()
