"""Recovery from the command line: restore refuses before touching anything, works on a database that
cannot be opened, and storage failures are told without a traceback."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
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

from kinerja_desktop.cli import main
from kinerja_desktop.core import storage
from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.lock import FolderLock
from kinerja_desktop.core.paths import AppPaths

pytestmark = pytest.mark.sqlite_only("backup and restore copy the SQLite file; storage failures of that file")


@pytest.fixture
def office(tmp_path: Path, template_folder: Path) -> AppPaths:
    """Kecamatan Plaju with one backup, closed (as between two commands)."""
    paths = AppPaths(tmp_path / "d")
    shutil.copytree(template_folder, paths.data_dir)
    assert main(["backup", "--data-dir", str(paths.data_dir)]) == 0
    return paths


def _restore(paths: AppPaths, source: Path, *extra: str) -> int:
    return main(["restore", str(source), "--yes", *extra, "--data-dir", str(paths.data_dir)])


def _newest(paths: AppPaths) -> Path:
    return backups.list_backups(paths.backups)[0]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (newer_backup, "lebih baru (skema 0099"),
        (damaged_index_copy, "rusak"),
        (lambda _saved, target: other_app_database(target), "tabelnya tidak sesuai"),
    ],
    ids=["newer-schema", "integrity", "other-app"],
)
def test_restore_refuses_and_leaves_the_database_byte_identical(
    office: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, message: str
) -> None:
    wrong = make(_newest(office), tmp_path / "salah.sqlite3")  # type: ignore[operator]
    before = database_bytes(office)
    listed = backups.list_backups(office.backups)
    capsys.readouterr()
    assert _restore(office, wrong) == 1
    err = capsys.readouterr().err
    assert message in err and "Basis data yang sekarang tidak diubah" in err and "Traceback" not in err
    assert database_bytes(office) == before
    assert backups.list_backups(office.backups) == listed


def test_another_offices_backup_needs_kantor_lain(
    office: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sku = other_office_backup(_newest(office), tmp_path / "sukarami.sqlite3")
    before = database_bytes(office)
    assert _restore(office, sku) == 1
    err = capsys.readouterr().err
    assert "Kecamatan Sukarami (SKU)" in err and "--kantor-lain" in err
    assert database_bytes(office) == before

    assert _restore(office, sku, "--kantor-lain") == 0
    with sqlite3.connect(office.database) as raw:
        assert raw.execute("SELECT kode FROM kantor").fetchone() == ("SKU",)
    raw.close()


def test_restore_of_a_damaged_database_works_without_opening_it(
    office: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = _newest(office)
    damage_database(office)
    assert main(["info", "--data-dir", str(office.data_dir)]) == 1
    captured = capsys.readouterr()
    assert "TIDAK BISA DIBUKA" in captured.out and "rusak" in captured.err
    assert saved.name in captured.out and "Kecamatan Plaju (PLJ)" in captured.out  # the backups to choose
    assert "restore BERKAS --yes" in captured.out

    assert _restore(office, saved) == 0
    out = capsys.readouterr().out
    assert "Dipulihkan dari" not in out and "dipulihkan dari" in out and "rusak" in out
    assert main(["info", "--data-dir", str(office.data_dir)]) == 0
    assert "Kecamatan Plaju [PLJ]" in capsys.readouterr().out
    with sqlite3.connect(office.database) as raw:
        events = [r[0] for r in raw.execute("SELECT keterangan FROM audit_log WHERE aksi = 'pulihkan'")]
    raw.close()
    assert events and saved.name in events[0]


def test_restore_of_a_database_from_a_newer_version_works(
    office: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = _newest(office)
    with sqlite3.connect(office.database) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099'")
    raw.close()
    assert main(["backup", "--data-dir", str(office.data_dir)]) == 1
    assert "lebih baru" in capsys.readouterr().err
    assert _restore(office, saved) == 0
    assert main(["info", "--data-dir", str(office.data_dir)]) == 0


def test_restore_is_refused_while_the_app_has_the_folder_open(
    office: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    before = database_bytes(office)
    with FolderLock(office.data_dir):
        assert _restore(office, _newest(office)) == 1
    assert "sudah terbuka" in capsys.readouterr().err
    assert database_bytes(office) == before


def test_a_full_disk_while_backing_up_is_told_plainly(
    office: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(source: sqlite3.Connection, target: Path) -> None:
        target.write_bytes(b"separuh")
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    listed = backups.list_backups(office.backups)
    monkeypatch.setattr(backups, "copy_database", full)
    assert main(["backup", "--data-dir", str(office.data_dir)]) == 1
    err = capsys.readouterr().err
    assert "Disk penuh" in err and "Perlu sekitar" in err and "Traceback" not in err
    assert backups.list_backups(office.backups) == listed


def test_too_little_room_for_a_restore_is_said_before_anything_changes(
    office: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = database_bytes(office)
    monkeypatch.setattr(storage, "free_space", lambda _folder: 1024 * 1024)
    assert _restore(office, _newest(office)) == 1
    assert "Disk penuh" in capsys.readouterr().err
    assert database_bytes(office) == before


def test_an_unexpected_os_error_reaching_the_top_is_translated(
    office: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.core.workspace import Workspace

    def full(self: Workspace, *_args: object, **_kwargs: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(office.data_dir / "x"))

    monkeypatch.setattr(Workspace, "backup", full)
    assert main(["backup", "--data-dir", str(office.data_dir)]) == 1
    err = capsys.readouterr().err
    assert "Disk penuh" in err and "Traceback" not in err


def test_a_read_only_folder_is_said_so(
    office: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: AppPaths) -> AppPaths:
        raise PermissionError(errno.EACCES, "Permission denied", str(self.logs))

    monkeypatch.setattr(AppPaths, "ensure", refuse)
    assert main(["info", "--data-dir", str(office.data_dir)]) == 1
    err = capsys.readouterr().err
    assert "hanya bisa dibaca" in err and "Traceback" not in err
    assert "rusak" not in err.replace("tidak rusak", "")


def _can_mount_read_only() -> bool:
    try:
        return subprocess.run(["unshare", "-m", "true"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def run_in_read_only_folder(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``kinerja-desktop ARGS --data-dir folder`` with ``folder`` really read-only: by its permissions
    for a normal user, by a read-only mount for root (whom permissions do not stop)."""
    command = [sys.executable, "-m", "kinerja_desktop", *args, "--data-dir", str(folder)]
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=120)
        finally:
            folder.chmod(0o755)
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script, str(folder), *command],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(
    sys.platform == "win32" or (os.geteuid() == 0 and not _can_mount_read_only()),
    reason="needs a folder that can be made read-only (chmod as a user, a read-only mount as root)",
)
@pytest.mark.parametrize(
    "command", [["info"], ["backup"], ["restore", "NEWEST", "--yes"], ["demo"], ["--smoke"]]
)
def test_a_real_read_only_folder_is_said_so(office: AppPaths, command: list[str]) -> None:
    before = database_bytes(office)
    args = [str(_newest(office)) if part == "NEWEST" else part for part in command]
    result = run_in_read_only_folder(office.data_dir, *args)
    assert result.returncode == 1, result.stderr
    assert "hanya bisa dibaca" in result.stderr and "Traceback" not in result.stderr
    if command == ["--smoke"]:  # the GUI: the recovery screen says why, instead of a crash
        assert "RecoveryWindow tampil" in result.stderr
    assert "rusak" not in result.stderr.replace("tidak rusak", "")
    assert database_bytes(office) == before


def test_leftover_log_files_of_a_killed_app_give_no_trouble(
    office: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kinerja_desktop.core.workspace import Workspace

    ws = Workspace.open(office)
    with ws.transaction() as session:
        from kinerja_desktop.core.services import kantor

        kantor.set_setting(session, "uji", "dari-wal")
    killed = AppPaths(tmp_path / "dibunuh")
    shutil.copytree(office.data_dir, killed.data_dir)  # the folder as a killed app left it
    ws.close()
    assert killed.database.with_name("kinerja.sqlite3-wal").exists()
    for command in (["info"], ["backup"]):
        assert main([*command, "--data-dir", str(killed.data_dir)]) == 0, capsys.readouterr().err
    with sqlite3.connect(killed.database) as raw:
        assert raw.execute("SELECT nilai FROM pengaturan WHERE kunci = 'uji'").fetchone() == ("dari-wal",)
    raw.close()
