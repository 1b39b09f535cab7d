"""Backups: consistent copies, rotation, restore with a safety copy, refusal of wrong files."""

from __future__ import annotations

import errno
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db import backup
from kinerja_desktop.core.db.models import Pengguna
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.storage import DiskFullError, ReadOnlyError
from kinerja_desktop.core.workspace import Workspace


def _usernames(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return sorted(session.scalars(select(Pengguna.username)))


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_backup_is_a_readable_copy(workspace: Workspace, admin: Actor) -> None:
    path = workspace.backup(admin)
    assert path.parent == workspace.paths.backups
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT username FROM pengguna").fetchall() == [("admin",)]
    assert workspace.last_backup() is not None


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_rotation_keeps_only_the_newest(workspace: Workspace) -> None:
    made = [
        backup.backup_database(workspace.engine, workspace.paths.backups, "uji", keep=3) for _ in range(5)
    ]
    kept = backup.list_backups(workspace.paths.backups)
    assert len(kept) == 3
    assert set(kept) == set(made[-3:])


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_restore_brings_back_old_data_and_keeps_a_safety_copy(workspace: Workspace, admin: Actor) -> None:
    saved = workspace.backup(admin)
    with workspace.transaction(admin) as session:
        akun.create_pengguna(session, admin, "operator1", "operator123", Peran.OPERATOR)
    assert _usernames(workspace) == ["admin", "operator1"]

    safety = workspace.restore(saved, admin).safety

    assert _usernames(workspace) == ["admin"]
    assert safety is not None
    with sqlite3.connect(safety) as raw:
        assert sorted(r[0] for r in raw.execute("SELECT username FROM pengguna")) == ["admin", "operator1"]
    assert workspace.login("admin", "rahasia123").username == "admin"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello, not a database", "bukan SQLite"),
        (None, "tabelnya tidak sesuai"),
    ],
)
@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_wrong_files_are_refused_before_anything_changes(
    workspace: Workspace, admin: Actor, tmp_path: Path, content: bytes | None, message: str
) -> None:
    wrong = tmp_path / "wrong.sqlite3"
    if content is None:
        with sqlite3.connect(wrong) as raw:
            raw.execute("CREATE TABLE other (x INTEGER)")
    else:
        wrong.write_bytes(content)
    before = workspace.paths.database.read_bytes()
    with pytest.raises(KnownError, match=message):
        workspace.restore(wrong, admin)
    assert workspace.paths.database.read_bytes() == before
    assert backup.list_backups(workspace.paths.backups) == []


def test_missing_file_is_refused(workspace: Workspace, admin: Actor, tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="tidak ditemukan"):
        workspace.restore(tmp_path / "nothing.sqlite3", admin)


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_evidence_files_are_kept_beside_backups_and_come_back_on_restore(
    workspace: Workspace, admin: Actor
) -> None:
    stored = workspace.paths.evidence / "ab" / ("ab" + "0" * 62)
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"surat tugas")
    saved = workspace.backup(admin)
    kept = workspace.paths.backups / "bukti" / "ab" / stored.name
    assert kept.read_bytes() == b"surat tugas"

    stored.unlink()  # lost, e.g. deleted by hand
    workspace.restore(saved, admin)
    assert stored.read_bytes() == b"surat tugas"
    assert backup.sync_evidence(workspace.paths.evidence, workspace.paths.backups / "bukti") == 0


def _made_up(folder: Path, *stamps: str, reason: str = "otomatis-tutup") -> list[Path]:
    """Empty files named like backups made at ``stamps`` (``YYYYmmdd-HHMMSS``)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for stamp in stamps:
        path = folder / f"kinerja-{stamp}-{reason}.sqlite3"
        path.write_bytes(b"")
        made.append(path)
    return made


def test_retention_keeps_the_newest_ten_and_one_a_month_for_a_year(tmp_path: Path) -> None:
    folder = tmp_path / "cadangan"
    start = datetime(2024, 1, 1, 16, 30)
    days = [start + timedelta(days=n) for n in range(440)]  # every day from 1 Jan 2024 to 15 Mar 2025
    _made_up(folder, *(f"{d:%Y%m%d-%H%M%S}" for d in days))
    now = datetime(2025, 3, 15, 17, 0)

    removed = backup.rotate_backups(folder, now=now)

    kept = sorted(p.name[8:16] for p in backup.list_backups(folder))
    newest_ten = [f"202503{d:02d}" for d in range(6, 16)]
    month_ends = ["20240430", "20240531", "20240630", "20240731", "20240831", "20240930"]
    month_ends += ["20241031", "20241130", "20241231", "20250131", "20250228"]
    assert kept == sorted(month_ends + newest_ten)
    assert len(removed) == 440 - 21
    assert not any(
        p.name.startswith("kinerja-202403") for p in backup.list_backups(folder) if "2024" in p.name
    )


def test_retention_keeps_what_there_is_when_backups_are_sparse(tmp_path: Path) -> None:
    folder = tmp_path / "cadangan"
    made = _made_up(
        folder,
        "20230105-080000",  # older than a year: goes once ten newer exist
        "20240610-080000",
        "20240611-080000",  # the newest of June 2024: kept for June
        "20250201-080000",
        *(f"20250310-0800{n:02d}" for n in range(12)),  # twelve on one day: ten of them are the newest
    )
    backup.rotate_backups(folder, now=datetime(2025, 3, 20))
    kept = set(backup.list_backups(folder))
    assert kept == {made[2], made[3], *made[-10:]}


def test_retention_never_deletes_the_newest_ten_even_when_old(tmp_path: Path) -> None:
    folder = tmp_path / "cadangan"
    made = _made_up(folder, *(f"2019{m:02d}01-120000" for m in range(1, 13)))
    backup.rotate_backups(folder, now=datetime(2025, 3, 20))
    assert set(backup.list_backups(folder)) == set(made[-10:])


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_backups_made_in_one_second_keep_their_order_across_rotations(workspace: Workspace) -> None:
    made = [
        backup.backup_database(workspace.engine, workspace.paths.backups, "uji", keep=2) for _ in range(4)
    ]
    assert backup.list_backups(workspace.paths.backups)[:2] == [made[-1], made[-2]]


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_a_full_disk_while_backing_up_leaves_no_half_file(
    workspace: Workspace, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(source: sqlite3.Connection, target: Path) -> None:
        target.write_bytes(b"separuh")
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(backup, "copy_database", full)
    with pytest.raises(DiskFullError, match="Disk penuh") as refused:
        workspace.backup(admin)
    assert "Perlu sekitar" in str(refused.value) and "KB" in str(refused.value)
    assert backup.list_backups(workspace.paths.backups) == []


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_a_read_only_backup_folder_is_said_so(
    workspace: Workspace, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: sqlite3.Connection, target: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(backup, "copy_database", refuse)
    with pytest.raises(ReadOnlyError, match="hanya bisa dibaca"):
        workspace.backup(admin)


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_changes_since_the_last_backup_are_noticed(workspace: Workspace, admin: Actor) -> None:
    assert workspace.changed_since_backup()  # no backup yet
    workspace.backup(admin)
    assert not workspace.changed_since_backup()
    workspace.login("admin", "rahasia123")  # a log-in changes no data
    assert not workspace.changed_since_backup()
    with workspace.transaction(admin) as session:
        akun.create_pengguna(session, admin, "dedi", "dedi12345", Peran.OPERATOR)
    assert workspace.changed_since_backup()
    assert workspace.backup_due(datetime.now() + timedelta(days=1, minutes=1))
    assert not workspace.backup_due(datetime.now() + timedelta(hours=20))  # a backup today already


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_copies_outside_take_the_backup_and_the_evidence(
    workspace: Workspace, admin: Actor, tmp_path: Path
) -> None:
    stored = workspace.paths.evidence / "cd" / ("cd" + "1" * 62)
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"foto kegiatan")
    flash = tmp_path / "flashdisk"
    flash.mkdir()

    result = workspace.copy_backups_to(flash, admin)

    assert result.folder == flash / "kinerja-cadangan-plj"
    [copied] = backup.list_backups(result.folder)
    assert "salinan" in copied.name  # made now: nothing was backed up yet
    assert (result.folder / "bukti" / "cd" / stored.name).read_bytes() == b"foto kegiatan"
    assert result.bukti == 1
    record = workspace.last_copy_out()
    assert record is not None and record.tujuan == result.folder and record.berkas == copied.name
    assert not workspace.copy_reminder_due()
    assert workspace.copy_reminder_due(datetime.now() + timedelta(days=8))

    again = workspace.copy_backups_to(flash, admin)  # nothing changed: the same backup, no new one
    assert again.backup == copied and again.bukti == 0


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_a_copy_inside_the_data_folder_is_refused(workspace: Workspace, admin: Actor) -> None:
    with pytest.raises(KnownError, match="di luar folder data"):
        workspace.copy_backups_to(workspace.paths.data_dir / "cadangan", admin)
    assert workspace.last_copy_out() is None


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_a_copy_to_a_full_flash_disk_says_how_much_is_needed(
    workspace: Workspace, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.core import storage

    flash = tmp_path / "flashdisk"
    flash.mkdir()
    real = storage.free_space
    monkeypatch.setattr(
        storage, "free_space", lambda folder: 1024 if flash in folder.parents else real(folder)
    )
    with pytest.raises(DiskFullError, match="Disk penuh") as refused:
        workspace.copy_backups_to(flash, admin)
    assert "Perlu sekitar" in str(refused.value)
    assert workspace.last_copy_out() is None
    assert not list((flash / "kinerja-cadangan-plj").glob("*.sqlite3*"))


@pytest.mark.sqlite_only("backups copy the SQLite file")
def test_the_reminder_waits_a_week_for_a_new_office(workspace: Workspace) -> None:
    assert not workspace.copy_reminder_due()
    assert workspace.copy_reminder_due(datetime.now() + timedelta(days=8))
