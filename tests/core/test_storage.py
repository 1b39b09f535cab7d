"""Storage failures in plain Indonesian: a full disk says how much is needed, read-only is not damage."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from kinerja_desktop.core import storage
from kinerja_desktop.core.errors import KnownError


def test_a_full_disk_says_how_much_is_needed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "free_space", lambda _folder: 2 * 1024 * 1024)
    with pytest.raises(storage.DiskFullError) as full:
        storage.require_free_space(tmp_path, 30 * 1024 * 1024)
    text = str(full.value)
    assert text.startswith("Disk penuh")
    assert "Perlu sekitar 30,0 MB; sisa sekarang 2,0 MB" in text
    assert "Kosongkan paling sedikit 36,0 MB" in text  # what is missing plus a margin
    assert full.value.needed == 30 * 1024 * 1024
    monkeypatch.setattr(storage, "free_space", lambda _folder: 40 * 1024 * 1024)
    storage.require_free_space(tmp_path, 30 * 1024 * 1024)  # with room enough (and the margin): nothing


@pytest.mark.parametrize(
    ("error", "kind", "text"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), storage.DiskFullError, "Disk penuh"),
        (PermissionError(errno.EACCES, "Permission denied"), storage.ReadOnlyError, "hanya bisa dibaca"),
        (OSError(errno.EROFS, "Read-only file system"), storage.ReadOnlyError, "hanya bisa dibaca"),
    ],
)
def test_os_errors_are_translated(tmp_path: Path, error: OSError, kind: type[KnownError], text: str) -> None:
    known = storage.translate_os_error(error, tmp_path)
    assert isinstance(known, kind) and text in known.pesan
    assert "rusak" not in known.pesan.replace("tidak rusak", "")


def test_other_failures_are_left_alone() -> None:
    assert storage.translate_os_error(OSError(errno.ENOENT, "No such file")) is None
    assert storage.translate_failure(ValueError("bug")) is None


def test_a_writable_folder_passes_the_probe(tmp_path: Path) -> None:
    assert storage.probe_writable(tmp_path) is None
    assert list(tmp_path.iterdir()) == []
    assert isinstance(storage.probe_writable(tmp_path / "tidak-ada"), OSError)
