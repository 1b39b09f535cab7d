"""Service tests work on their own copy of the 20-pegawai demo office."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.workspace import Workspace


@pytest.fixture
def ws(demo_office: Callable[[int], Path], tmp_path: Path) -> Iterator[Workspace]:
    """A copy of the shared 20-pegawai demo office, opened; closed after the test."""
    folder = tmp_path / "data"
    shutil.copytree(demo_office(20), folder)
    workspace = Workspace.open(AppPaths(folder))
    yield workspace
    workspace.close()
