"""Screens on a demo office: each test gets its own copy, opened by the administrator."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.context import UiContext
from kinerja_desktop.ui.tasks import TaskRunner


@pytest.fixture(scope="module")
def demo_template(demo_office: Callable[[int], Path]) -> Path:
    """The demo office a module's tests start from (30 pegawai; a module may ask for another)."""
    return demo_office(30)


@pytest.fixture
def ctx(tmp_path: Path, demo_template: Path, sync_tasks: None) -> Iterator[UiContext]:
    """The administrator on a copy of ``demo_template``, with background tasks run inline."""
    shutil.copytree(demo_template, tmp_path / "d")
    ws = Workspace.open(AppPaths(tmp_path / "d"))
    yield UiContext(ws, ws.login("admin", "admin123"), TaskRunner(None))
    ws.close()
