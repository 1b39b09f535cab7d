"""Backups of a server database with pg_dump and restores with pg_restore, on a real PostgreSQL server."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from pendukung_db import DI_POSTGRES, basis_data, sidik_basis_data
from pendukung_pg import server_url
from pendukung_skema import DATA, isi_folder_skema
from sqlalchemy import create_engine, select, text

from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.db import server_backup, server_restore
from kinerja_desktop.core.db.backup_info import BackupRefused
from kinerja_desktop.core.db.migrate import SCHEMA_HEAD
from kinerja_desktop.core.db.models import AuditLog, Pengguna
from kinerja_desktop.core.db.pg_tools import ENV_PG_BIN, ServerBackupUnavailable
from kinerja_desktop.core.errors import ServerBackupUnconfirmed
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace

pytestmark = pytest.mark.skipif(not DI_POSTGRES, reason="PostgreSQL only: pg_dump and pg_restore of a server")


def _usernames(ws: Workspace) -> set[str]:
    with ws.read() as s:
        return set(s.scalars(select(Pengguna.username)))


def _add_user(ws: Workspace, admin: Actor, name: str) -> None:
    with ws.transaction(admin) as s:
        akun.create_pengguna(s, admin, name, f"{name}12345", Peran.OPERATOR, name.title())


def test_a_backup_is_a_pg_dump_archive_listed_with_date_reason_and_size(
    workspace: Workspace, admin: Actor
) -> None:
    assert workspace.server_tools() is not None and workspace.server_tools().usable  # type: ignore[union-attr]
    path = workspace.backup(admin)
    assert path.parent == workspace.paths.backups and path.name.endswith("-manual.dump")
    assert path.read_bytes().startswith(b"PGDMP")
    rows = workspace.list_backups()
    assert [r.path for r in rows] == [path]
    assert rows[0].usable and rows[0].alasan == "manual" and rows[0].size == path.stat().st_size
    assert workspace.last_backup() is not None
    assert not workspace.changed_since_backup()
    _add_user(workspace, admin, "budi")
    assert workspace.changed_since_backup()


def test_archives_are_rotated_like_the_sqlite_copies(workspace: Workspace, admin: Actor) -> None:
    folder = workspace.paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    old = [folder / f"kinerja-2020010{i}-080000-manual.dump" for i in range(1, 10)]
    old += [folder / f"kinerja-2020011{i}-080000-manual.dump" for i in range(0, 5)]
    for path in old:
        path.write_bytes(b"PGDMP")
    made = workspace.backup(admin)
    left = server_backup.list_dumps(folder)
    assert len(left) == backups.DEFAULT_KEEP and left[0] == made


def test_check_reads_office_pegawai_and_schema(workspace: Workspace, admin: Actor) -> None:
    path = workspace.backup(admin)
    check = workspace.check_restore(path)
    info = check.info
    assert info.usable and info.integrity_checked and info.revision == SCHEMA_HEAD
    assert info.kantor_text == "Kecamatan Plaju (PLJ)" and info.pegawai == 0
    assert not check.other_kantor


def test_restore_brings_back_the_data_after_a_fresh_dump(workspace: Workspace, admin: Actor) -> None:
    source = workspace.backup(admin)
    _add_user(workspace, admin, "budi")
    result = workspace.restore(source, admin)
    assert _usernames(workspace) == {"admin"}
    assert result.safety is not None and result.safety.name.endswith("-sebelum-pemulihan.dump")
    with workspace.read() as s:
        assert s.scalar(select(AuditLog.keterangan).where(AuditLog.aksi == "pulihkan"))
    again = workspace.restore(result.safety, admin)  # what was there before comes back too
    assert _usernames(workspace) == {"admin", "budi"} and again.safety is not None
    assert workspace.login("budi", "budi12345").username == "budi"


def test_an_archive_of_an_older_schema_is_restored_then_upgraded(tmp_path: Path) -> None:
    paths = isi_folder_skema(DATA / "schema_0005.sqlite3", tmp_path / "data")
    ws = Workspace.open(paths)  # pg_dump before the upgrade
    try:
        before = ws.migration.backup
        assert before is not None and before.name.endswith("-sebelum-migrasi.dump")
        assert ws.check_restore(before).info.revision == "0005"
        pegawai = sidik_pegawai(ws)
        ws.restore(before)
        assert ws.migration.action == "upgraded" and ws.migration.revision_before == "0005"
        assert sidik_pegawai(ws) == pegawai
    finally:
        ws.close()


def sidik_pegawai(ws: Workspace) -> list[str]:
    with ws.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT nip FROM pegawai ORDER BY nip"))]


def _other_database(tmp_path: Path) -> Path:
    """pg_dump's archive of a database that is not this app's."""
    url = server_url()
    assert url is not None
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"kt_{os.getpid()}_asing"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        other = create_engine(admin.url.set(database=name))
        with other.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE pelanggan (id int primary key, nama text)")
        other.dispose()
        target = tmp_path / "asing.dump"
        from sqlalchemy import Engine

        engine: Engine = create_engine(admin.url.set(database=name))
        server_backup.dump_database(engine, target)
        engine.dispose()
        return target
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.mark.parametrize("kind", ["teks", "sqlite", "asing", "terpotong", "lebih-baru"])
def test_a_foreign_or_damaged_file_is_refused_and_nothing_changes(
    workspace: Workspace, admin: Actor, tmp_path: Path, kind: str
) -> None:
    if kind == "teks":
        bad = tmp_path / "kinerja-20260101-080000-manual.dump"
        bad.write_text("bukan arsip")
        expected = "bukan cadangan server"
    elif kind == "sqlite":
        bad = tmp_path / "kinerja-20260101-080000-manual.sqlite3"
        bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
        expected = "cadangan SQLite"
    elif kind == "asing":
        bad = _other_database(tmp_path)
        expected = "tabelnya tidak sesuai"
    elif kind == "terpotong":
        good = workspace.backup(admin)
        bad = tmp_path / "terpotong.dump"
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) * 2 // 3])
        expected = "rusak"
    else:
        with basis_data(workspace.paths.data_dir) as db:
            db.execute("UPDATE alembic_version SET version_num = '0099'")
        bad = workspace.backup(admin)
        with basis_data(workspace.paths.data_dir) as db:
            db.execute("UPDATE alembic_version SET version_num = ?", (SCHEMA_HEAD,))
        expected = "versi Kinerja Desktop yang lebih baru"
    _add_user(workspace, admin, "budi")
    folder = workspace.paths.data_dir
    before = sidik_basis_data(folder)
    dumps = server_backup.list_dumps(workspace.paths.backups)
    with pytest.raises(BackupRefused) as refused:
        workspace.restore(bad, admin)
    assert expected in refused.value.pesan and "tidak diubah" in str(refused.value)
    assert sidik_basis_data(folder) == before
    assert server_backup.list_dumps(workspace.paths.backups) == dumps  # not even the safety dump


def test_another_computer_holding_a_table_makes_the_restore_give_up_unchanged(
    workspace: Workspace, admin: Actor
) -> None:
    source = workspace.backup(admin)
    _add_user(workspace, admin, "budi")
    other = create_engine(workspace.engine.url)
    held = other.connect()
    held.execute(text("SELECT count(*) FROM pegawai"))  # an open transaction: a share lock on pegawai
    try:
        assert workspace.other_sessions() >= 1
        program = workspace.server_tools().require()[1]  # type: ignore[union-attr]
        done = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            try:
                server_restore.restore_dump(workspace.engine, source, program, lock_timeout_s=1)
            except BaseException as exc:
                failure.append(exc)
            done.set()

        threading.Thread(target=run).start()
        assert done.wait(30), "the restore waited for ever"
        assert failure and isinstance(failure[0], server_restore.DatabaseInUse)
        assert "menutup Kinerja Desktop" in str(failure[0]) and "tidak diubah" in failure[0].pesan
    finally:
        held.close()
        other.dispose()
    assert "budi" in _usernames(workspace)


def test_without_tools_a_backup_says_what_to_install(
    workspace: Workspace, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_PG_BIN, str(tmp_path / "kosong"))
    tools = workspace.server_tools()
    assert tools is not None and not tools.usable
    with pytest.raises(ServerBackupUnavailable) as missing:
        workspace.backup(admin)
    text_ = str(missing.value)
    assert "pg_dump" in text_ and "Command Line Tools" in text_ and "postgresql-client" in text_
    assert "pengelola server" in text_
    assert not server_backup.list_dumps(workspace.paths.backups)


def test_an_upgrade_without_tools_waits_for_the_administrators_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = isi_folder_skema(DATA / "schema_0005.sqlite3", tmp_path / "data")
    monkeypatch.setenv(ENV_PG_BIN, str(tmp_path / "kosong"))
    with pytest.raises(ServerBackupUnconfirmed) as refused:
        Workspace.open(paths)
    assert refused.value.revisi == ("0005", SCHEMA_HEAD) and "Command Line Tools" in refused.value.alasan
    with basis_data(paths.data_dir) as db:
        assert db.execute("SELECT version_num FROM alembic_version").scalar() == "0005"
    ws = Workspace.open(AppPaths(paths.data_dir), upgrade_without_dump=True)
    try:
        assert ws.migration.action == "upgraded" and ws.migration.backup is None
        assert "tanpa cadangan" in ws.migration.catatan and "pg_dump" in ws.migration.catatan
    finally:
        ws.close()
