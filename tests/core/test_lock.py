"""One app per data folder: a second one is refused, a lock left by a killed process is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_desktop.core.lock import LOCK_FILENAME, FolderInUse, FolderLock

HOLD = """
import sys, time
from pathlib import Path
from kinerja_desktop.core.lock import FolderLock
FolderLock(Path(sys.argv[1])).acquire()
print("terkunci", flush=True)
time.sleep(120)
"""


def test_a_second_lock_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    first = FolderLock(tmp_path).acquire()
    with pytest.raises(FolderInUse, match="sudah terbuka untuk folder data") as refused:
        FolderLock(tmp_path).acquire()
    assert f"proses {os.getpid()}" in refused.value.pesan
    first.release()
    with FolderLock(tmp_path) as again:
        assert again.held
    assert not again.held


def test_other_folders_are_free(tmp_path: Path) -> None:
    with FolderLock(tmp_path / "a"), FolderLock(tmp_path / "b") as other:
        assert other.held


def _holder(folder: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "terkunci"
    return proc


def test_a_lock_held_by_another_process_names_it(tmp_path: Path) -> None:
    proc = _holder(tmp_path)
    try:
        with pytest.raises(FolderInUse, match=f"proses {proc.pid}"):
            FolderLock(tmp_path, "pemulihan").acquire()
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_lock_left_by_a_killed_process_does_not_block(tmp_path: Path) -> None:
    proc = _holder(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (tmp_path / LOCK_FILENAME).exists()  # the file stays behind, as after a crash
    assert str(proc.pid) in (tmp_path / LOCK_FILENAME).read_bytes().decode(errors="replace")
    with FolderLock(tmp_path) as lock:
        assert lock.held
