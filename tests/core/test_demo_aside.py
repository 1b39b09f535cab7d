"""Leaving the demo: its database and folders set aside in demo-… or deleted; logs stay."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kinerja_desktop.core.demo.aside import demo_aside
from kinerja_desktop.core.paths import AppPaths


def _demo_folder(root: Path) -> AppPaths:
    for name in (
        "kinerja.sqlite3",
        "kinerja.sqlite3-wal",
        "bukti/ab/abcd",
        "cadangan/c.sqlite3",
        "log/kinerja.log",
    ):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"isi")
    return AppPaths(root)


def test_kept_aside_in_its_own_folder(tmp_path: Path) -> None:
    paths = _demo_folder(tmp_path / "data")
    kept = demo_aside(paths, keep=True, now=datetime(2026, 12, 7, 10, 42, 5))
    assert kept == paths.data_dir / "demo-20261207-104205"
    assert sorted(p.name for p in kept.iterdir()) == [
        "bukti",
        "cadangan",
        "kinerja.sqlite3",
        "kinerja.sqlite3-wal",
    ]
    assert not paths.database.exists() and (paths.logs / "kinerja.log").exists()


def test_deleted(tmp_path: Path) -> None:
    paths = _demo_folder(tmp_path / "data")
    assert demo_aside(paths, keep=False) is None
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["log"]
