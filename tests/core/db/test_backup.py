"""Backups: consistent copies, rotation, restore with a safety copy, refusal of wrong files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db import backup
from kinerja_desktop.core.db.models import Pengguna
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.services import akun
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace


def _usernames(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return sorted(session.scalars(select(Pengguna.username)))


def test_backup_is_a_readable_copy(workspace: Workspace, admin: Actor) -> None:
    path = workspace.backup(admin)
    assert path.parent == workspace.paths.backups
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT username FROM pengguna").fetchall() == [("admin",)]
    assert workspace.last_backup() is not None


def test_rotation_keeps_only_the_newest(workspace: Workspace) -> None:
    made = [
        backup.backup_database(workspace.engine, workspace.paths.backups, "uji", keep=3) for _ in range(5)
    ]
    kept = backup.list_backups(workspace.paths.backups)
    assert len(kept) == 3
    assert set(kept) == set(made[-3:])


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
