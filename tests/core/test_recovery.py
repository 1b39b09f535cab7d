"""Recovery: a backup is checked before anything is touched, and restored without opening the database."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from pendukung_cadangan import (
    damage_database,
    damaged_index_copy,
    database_bytes,
    newer_backup,
    other_app_database,
    other_office_backup,
)

from kinerja_desktop.core import recovery, storage
from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.db.backup_info import BackupRefused, read_backup_info
from kinerja_desktop.core.db.migrate import SCHEMA_HEAD
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


@pytest.fixture
def saved(workspace: Workspace, admin: Actor) -> Path:
    return workspace.backup(admin)


def _kantor(paths: AppPaths) -> str:
    with sqlite3.connect(paths.database) as raw:
        return str(raw.execute("SELECT kode FROM kantor").fetchone()[0])


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_a_backup_is_read_for_what_it_is(demo_office: Callable[[int], Path], tmp_path: Path) -> None:
    backup = backups.list_backups(demo_office(20) / "cadangan")
    source = backup[0] if backup else None
    if source is None:
        folder = tmp_path / "d"
        shutil.copytree(demo_office(20), folder)
        ws = Workspace.open(AppPaths(folder))
        source = ws.backup()
        ws.close()
    before = source.read_bytes()
    info = read_backup_info(source, integrity=True)
    assert info.usable and info.integrity_checked
    assert (info.revision, info.kantor_kode, info.kantor_nama) == (SCHEMA_HEAD, "PLJ", "Kecamatan Plaju")
    assert info.pegawai == 20 and info.demo
    assert info.alasan == "manual" and info.size == len(before)
    assert source.read_bytes() == before
    assert sorted(p.name for p in source.parent.iterdir() if p.name.startswith(source.name)) == [source.name]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda saved, target: newer_backup(saved, target), "versi Kinerja Desktop yang lebih baru"),
        (lambda saved, target: damaged_index_copy(saved, target), "rusak"),
        (lambda _saved, target: other_app_database(target), "tabelnya tidak sesuai"),
        (
            lambda _saved, target: target.write_bytes(b"PK\x03\x04 bukan basis data") and target,
            "bukan SQLite",
        ),
    ],
    ids=["newer-schema", "integrity", "other-app", "not-sqlite"],
)
@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_a_refused_restore_leaves_the_database_byte_identical(
    workspace: Workspace,
    admin: Actor,
    saved: Path,
    tmp_path: Path,
    make: Callable[[Path, Path], Path],
    message: str,
) -> None:
    wrong = make(saved, tmp_path / "cadangan-salah.sqlite3")
    before = database_bytes(workspace.paths)
    listed = backups.list_backups(workspace.paths.backups)
    with pytest.raises(BackupRefused, match=message) as refused:
        workspace.restore(wrong, admin)
    assert "tidak diubah" in str(refused.value)
    assert database_bytes(workspace.paths) == before
    assert backups.list_backups(workspace.paths.backups) == listed  # no safety copy either
    assert workspace.kantor_info() is not None  # still open and working


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_the_integrity_check_is_what_refuses_a_damaged_index(saved: Path, tmp_path: Path) -> None:
    damaged = damaged_index_copy(saved, tmp_path / "rusak.sqlite3")
    assert read_backup_info(damaged).usable  # header, tables, office: all readable
    assert not read_backup_info(damaged, integrity=True).usable


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_another_offices_backup_needs_the_confirmation(
    workspace: Workspace, admin: Actor, saved: Path, tmp_path: Path
) -> None:
    sku = other_office_backup(saved, tmp_path / "sukarami.sqlite3")
    check = recovery.check_restore(workspace.paths, sku)
    assert check.other_kantor and check.here == recovery.KantorRef("PLJ", "Kecamatan Plaju")
    before = database_bytes(workspace.paths)
    with pytest.raises(recovery.OtherKantorBackup, match=r"Kecamatan Sukarami \(SKU\)"):
        workspace.restore(sku, admin)
    assert database_bytes(workspace.paths) == before

    workspace.restore(sku, admin, kantor_lain=True)
    assert workspace.kantor_info().kode == "SKU"  # type: ignore[union-attr]
    assert recovery.check_restore(workspace.paths, saved).other_kantor  # and back needs a yes too


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_own_backup_and_a_fresh_folder_need_no_confirmation(
    workspace: Workspace, saved: Path, tmp_path: Path
) -> None:
    assert not recovery.check_restore(workspace.paths, saved).other_kantor
    fresh = AppPaths(tmp_path / "komputer-baru")
    assert recovery.check_restore(fresh, saved).here is None  # nothing here yet: a new computer
    Workspace.open(fresh).close()  # an empty database, no office yet
    assert recovery.check_restore(fresh, saved).here is None


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_a_damaged_database_is_restored_without_being_opened(
    workspace: Workspace, admin: Actor, saved: Path
) -> None:
    paths = workspace.paths
    workspace.close()
    damage_database(paths)
    damaged = paths.database.read_bytes()
    with pytest.raises(recovery.OpenError, match="rusak") as failure:
        Workspace.open(paths)
    assert failure.value.restorable

    # The office is known from the folder's backups, so another office's backup still needs a yes.
    sku = other_office_backup(saved, paths.data_dir.parent / "sku.sqlite3")
    assert recovery.check_restore(paths, sku).other_kantor

    result = recovery.restore_folder(paths, recovery.check_restore(paths, saved))
    assert result.damaged and result.safety is not None
    assert result.safety.read_bytes() == damaged  # the damaged file is kept as it was
    assert "rusak-sebelum-pemulihan" in result.safety.name
    reopened = Workspace.open(paths)
    reopened.record_restore(result)
    assert reopened.login("admin", "rahasia123").username == "admin"
    reopened.close()


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_a_newer_database_that_locked_the_office_out_can_be_replaced(
    workspace: Workspace, admin: Actor, saved: Path
) -> None:
    paths = workspace.paths
    workspace.close()
    with sqlite3.connect(paths.database) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099'")
    raw.close()
    with pytest.raises(recovery.OpenError, match="lebih baru") as failure:
        Workspace.open(paths)
    assert failure.value.restorable

    result = recovery.restore_folder(paths, recovery.check_restore(paths, saved))
    assert not result.damaged and result.safety is not None
    # The data that was there is kept as a backup, and this version says truthfully why it cannot use it.
    assert "lebih baru" in (read_backup_info(result.safety).problem or "")
    Workspace.open(paths).close()


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_an_old_log_beside_the_database_is_not_applied_to_the_restored_one(
    workspace: Workspace, admin: Actor, saved: Path, tmp_path: Path
) -> None:
    from kinerja_desktop.core.services import akun
    from kinerja_desktop.core.services.access import Peran

    with workspace.transaction(admin) as session:
        akun.create_pengguna(session, admin, "budi", "budi12345", Peran.OPERATOR)
    killed = AppPaths(tmp_path / "dibunuh")  # the files as a killed process left them: with its -wal
    shutil.copytree(workspace.paths.data_dir, killed.data_dir)
    assert killed.database.with_name("kinerja.sqlite3-wal").stat().st_size > 0
    workspace.close()

    recovery.restore_folder(killed, recovery.check_restore(killed, saved))
    assert not killed.database.with_name("kinerja.sqlite3-wal").exists()
    ws = Workspace.open(killed)
    with ws.read() as session:
        from sqlalchemy import select

        from kinerja_desktop.core.db.models import Pengguna

        assert sorted(session.scalars(select(Pengguna.username))) == ["admin"]
    ws.close()


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_a_full_disk_while_writing_the_backup_in_leaves_everything(
    workspace: Workspace, admin: Actor, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = workspace.paths
    real_copy = backups.copy_database

    def full(source: sqlite3.Connection, target: Path) -> None:
        if target.name.endswith(".pemulihan.tmp"):
            target.write_bytes(b"separuh")
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        real_copy(source, target)

    monkeypatch.setattr(backups, "copy_database", full)
    workspace.close()
    before = database_bytes(paths)
    with pytest.raises(storage.DiskFullError, match="Disk penuh") as refused:
        recovery.restore_folder(paths, recovery.check_restore(paths, saved))
    assert "Perlu sekitar" in str(refused.value)
    assert database_bytes(paths) == before
    assert not list(paths.data_dir.glob("*.tmp")) and not list(paths.data_dir.glob("*.lama"))


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_too_little_space_is_said_before_anything_is_written(
    workspace: Workspace, admin: Actor, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "free_space", lambda _folder: 3 * 1024 * 1024)
    before = database_bytes(workspace.paths)
    with pytest.raises(storage.DiskFullError, match="Disk penuh") as refused:
        workspace.restore(saved, admin)
    assert "sisa sekarang 3,0 MB" in str(refused.value)
    assert database_bytes(workspace.paths) == before


def test_a_read_only_folder_is_not_called_damaged(paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: AppPaths) -> AppPaths:
        raise PermissionError(errno.EACCES, "Permission denied", str(self.data_dir))

    monkeypatch.setattr(AppPaths, "ensure", refuse)
    with pytest.raises(recovery.OpenError, match="hanya bisa dibaca") as failure:
        Workspace.open(paths)
    assert not failure.value.restorable
    assert "rusak" not in failure.value.pesan.replace("tidak rusak", "")


def test_unable_to_open_in_a_folder_that_refuses_writes_is_read_only(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    paths = workspace.paths
    error = OperationalError("PRAGMA", {}, Exception("unable to open database file"))
    assert recovery.open_failure(paths, error).restorable  # type: ignore[union-attr]  # writable: damaged
    monkeypatch.setattr(recovery, "probe_writable", lambda _folder: PermissionError(errno.EROFS, "ro"))
    known = recovery.open_failure(paths, error)
    assert known is not None and "hanya bisa dibaca" in known.pesan and not known.restorable


@pytest.mark.sqlite_only("the -wal and -shm files of a SQLite database")
def test_leftover_log_files_of_a_killed_app_are_taken_in(workspace: Workspace, tmp_path: Path) -> None:
    admin = workspace.login("admin", "rahasia123")
    from kinerja_desktop.core.services import akun
    from kinerja_desktop.core.services.access import Peran

    with workspace.transaction(admin) as session:
        akun.create_pengguna(session, admin, "citra", "citra1234", Peran.OPERATOR)
    killed = AppPaths(tmp_path / "dibunuh")
    shutil.copytree(workspace.paths.data_dir, killed.data_dir)
    ws = Workspace.open(killed)
    assert ws.login("citra", "citra1234").username == "citra"
    ws.close()


def test_a_full_disk_at_opening_is_not_called_damaged(workspace: Workspace) -> None:
    from sqlalchemy.exc import OperationalError

    error = OperationalError("PRAGMA", {}, Exception("database or disk is full"))
    known = recovery.open_failure(workspace.paths, error)
    assert known is not None and known.pesan.startswith("Disk penuh") and not known.restorable
    assert "Perlu sekitar" in (known.saran or "")  # at least the database's size
