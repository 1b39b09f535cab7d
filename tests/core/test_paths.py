"""The data folder is the user's alone on Linux and macOS: folders 0700, database, backups, logs and
evidence 0600 (checked with os.stat; Windows keeps its own per-user permissions)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kinerja_desktop import logs
from kinerja_desktop.core.db.backup import sync_evidence
from kinerja_desktop.core.paths import AppPaths, private_dir, private_file
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.bukti_store import FolderStore
from kinerja_desktop.core.workspace import Workspace

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows is left alone")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The common umask, under which files are made readable by everyone unless the app says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.sqlite_only("file permissions of the SQLite file and its backups")
def test_a_new_data_folder_and_its_database_are_private(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    ws = Workspace.open(paths)
    try:
        with ws.transaction() as session:
            kantor.initialise(
                session, kantor.KantorInput(kode="PLJ", nama="Plaju", tempat="Plaju"), "admin", "rahasia123"
            )
        for folder in (paths.data_dir, paths.backups, paths.logs, paths.evidence):
            assert mode(folder) == 0o700, folder
        files = [p for p in paths.data_dir.iterdir() if p.is_file()]
        names = {p.name for p in files}
        assert {"kinerja.sqlite3", "kinerja.sqlite3-wal", "kinerja.sqlite3-shm"} <= names
        assert {p.name: mode(p) for p in files} == dict.fromkeys(names, 0o600)
    finally:
        ws.close()


@pytest.mark.sqlite_only("file permissions of the SQLite file and its backups")
def test_folders_and_database_of_an_earlier_version_are_made_private(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    Workspace.open(paths).close()
    for folder in (paths.data_dir, paths.backups, paths.logs, paths.evidence):
        folder.chmod(0o755)
    paths.database.chmod(0o644)
    Workspace.open(paths).close()
    for folder in (paths.data_dir, paths.backups, paths.logs, paths.evidence):
        assert mode(folder) == 0o700, folder
    assert mode(paths.database) == 0o600


@pytest.mark.sqlite_only("file permissions of the SQLite file and its backups")
def test_backups_and_the_evidence_beside_them_are_private(workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "surat.pdf"
    source.write_bytes(b"%PDF-1.4 bukti")
    tersimpan = FolderStore(workspace.paths.evidence).copy_in(source)
    sha = tersimpan.sha256
    assert tersimpan.baru
    stored = workspace.paths.evidence / sha[:2] / sha
    assert mode(stored) == 0o600 and mode(stored.parent) == 0o700

    backup = workspace.backup()
    assert mode(backup) == 0o600 and mode(backup.parent) == 0o700
    copy = workspace.paths.backups / "bukti" / sha[:2] / sha
    assert copy.is_file()
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700 and mode(copy.parent.parent) == 0o700


def test_evidence_restored_from_the_backup_store_is_private(tmp_path: Path) -> None:
    store, target = tmp_path / "store", tmp_path / "bukti"
    (store / "ab").mkdir(parents=True)
    (store / "ab" / "abcdef").write_bytes(b"isi")
    assert sync_evidence(store, target) == 1
    assert mode(target / "ab" / "abcdef") == 0o600 and mode(target / "ab") == 0o700


def test_log_files_are_private_also_after_a_rotation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "_fault_file", None)
    monkeypatch.setattr(logs.faulthandler, "enable", lambda *_a, **_k: None)  # keep pytest's own
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    log_dir = tmp_path / "log"
    log_file = logs.setup_logging(log_dir)
    try:
        handler = next(h for h in root.handlers if isinstance(h, logs.PrivateFileHandler))
        logging.getLogger("kinerja_desktop.test").info("baris pertama")
        assert mode(log_dir) == 0o700
        assert mode(log_file) == 0o600 and mode(log_dir / "crash.log") == 0o600
        handler.doRollover()
        logging.getLogger("kinerja_desktop.test").info("baris sesudah rotasi")
        assert mode(log_file) == 0o600 and mode(log_dir / "kinerja.log.1") == 0o600
    finally:
        for h in root.handlers:
            if isinstance(h, logs.PrivateFileHandler):
                h.close()
        assert logs._fault_file is not None
        logs._fault_file.close()


def test_private_helpers_leave_what_they_cannot_change(tmp_path: Path) -> None:
    private_file(tmp_path / "tidak-ada")  # nothing to do, no error
    folder = private_dir(tmp_path / "a" / "b")
    assert folder.is_dir() and mode(folder) == 0o700
