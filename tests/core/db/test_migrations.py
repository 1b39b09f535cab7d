"""Start-up schema handling: create and stamp, keep data across upgrades, refuse newer or foreign files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

from kinerja_desktop.core.db.engine import make_engine
from kinerja_desktop.core.db.migrate import SCHEMA_HEAD, known_revisions, prepare_database, script_head
from kinerja_desktop.core.db.models import Base, Pegawai, Pengguna
from kinerja_desktop.core.errors import DatabaseError
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.workspace import Workspace

DATA = Path(__file__).resolve().parents[2] / "data"


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


def test_migration_scripts_build_the_same_schema_as_the_models(tmp_path: Path) -> None:
    from alembic import command

    from kinerja_desktop.core.db.migrate import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


@pytest.mark.parametrize("fixture", sorted(p.name for p in DATA.glob("schema_*.sqlite3")))
def test_database_from_every_released_schema_opens_with_its_rows(fixture: str, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(DATA / fixture, folder / "kinerja.sqlite3")
    with sqlite3.connect(folder / "kinerja.sqlite3") as raw:
        before_revision = raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        before_nips = sorted(r[0] for r in raw.execute("SELECT nip FROM pegawai"))
    assert before_nips, "the fixture must hold rows to prove they survive"
    ws = Workspace.open(AppPaths(folder))
    expected = "current" if before_revision == SCHEMA_HEAD else "upgraded"
    assert ws.migration.action == expected
    if expected == "upgraded":
        assert ws.migration.backup is not None and ws.migration.backup.exists()
    with ws.read() as session:
        assert sorted(session.scalars(select(Pegawai.nip))) == before_nips
        assert session.scalar(select(Pengguna.username).where(Pengguna.username == "admin")) == "admin"
    assert ws.login("admin", "rahasia123").username == "admin"
    ws.close()


def test_every_released_schema_has_a_fixture() -> None:
    fixtures = {p.stem.removeprefix("schema_") for p in DATA.glob("schema_*.sqlite3")}
    assert fixtures == known_revisions()


def test_database_newer_than_the_app_is_refused_and_left_alone(paths: AppPaths) -> None:
    Workspace.open(paths).close()
    with sqlite3.connect(paths.database) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    before = paths.database.read_bytes()
    with pytest.raises(DatabaseError, match="lebih baru"):
        Workspace.open(paths)
    assert paths.database.read_bytes() == before
    assert list(paths.backups.iterdir()) == []


def test_foreign_sqlite_file_is_refused(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True)
    with sqlite3.connect(paths.database) as raw:
        raw.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(DatabaseError, match="bukan basis data Kinerja Desktop"):
        Workspace.open(paths)


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


def test_0005_links_audit_entries_to_an_import_and_keeps_the_old_ones(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(DATA / "schema_0004.sqlite3", folder / "kinerja.sqlite3")
    with sqlite3.connect(folder / "kinerja.sqlite3") as raw:
        entri = raw.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert entri > 0
    ws = Workspace.open(AppPaths(folder))
    assert ws.migration.action == "upgraded"
    ws.close()
    with sqlite3.connect(folder / "kinerja.sqlite3") as raw:
        kolom = {r[1]: r for r in raw.execute("PRAGMA table_info(audit_log)")}
        indeks = {r[1] for r in raw.execute("PRAGMA index_list(audit_log)")}
        tautan = raw.execute("SELECT COUNT(*), COUNT(sync_log_id) FROM audit_log").fetchone()
    assert kolom["sync_log_id"][2] == "INTEGER" and kolom["sync_log_id"][3] == 0  # nullable
    assert "ix_audit_log_sync_log_id" in indeks
    assert tautan[0] >= entri and tautan[1] == 0  # every entry kept, none linked to an import
