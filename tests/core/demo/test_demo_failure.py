"""A demo that fails halfway (a full disk) leaves an empty database and no large write-ahead log."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.core.demo import build
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.workspace import Workspace


def _fail_late(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pegawai, SKP and evaluation is written when the disk fills up."""

    def full(*_args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build, "_write_heads", full)


def test_a_failed_demo_gives_back_the_log_while_the_folder_stays_open(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_late(monkeypatch)
    ws = Workspace.open(paths)
    try:
        with pytest.raises(OSError):
            build.generate_demo(ws, jumlah_pegawai=60)
        wal = paths.database.with_name("kinerja.sqlite3-wal")
        assert not wal.exists() or wal.stat().st_size < 64 * 1024
        assert not ws.is_initialised()  # all or nothing
    finally:
        ws.close()


def test_a_failed_demo_on_the_command_line_says_disk_penuh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kinerja_desktop.cli import main

    _fail_late(monkeypatch)
    data = tmp_path / "d"
    assert main(["demo", "--pegawai", "60", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "Disk penuh" in err and "Traceback" not in err
    leftovers = [p for p in data.iterdir() if p.name.startswith("kinerja.sqlite3-")]
    assert all(p.stat().st_size < 64 * 1024 for p in leftovers)
