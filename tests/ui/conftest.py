"""Screens on a demo office: each test gets its own copy, opened by the administrator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.common import tampilan
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner


@pytest.fixture(scope="module")
def demo_template(demo_office: Callable[[int], Path]) -> Path:
    """The demo office a module's tests start from (30 pegawai; a module may ask for another)."""
    return demo_office(30)


@pytest.fixture
def demo_ws(demo_template: Path, buka_salinan: Callable[[Path], Workspace], sync_tasks: None) -> Workspace:
    """A copy of ``demo_template``, opened, with background tasks run inline."""
    return buka_salinan(demo_template)


@pytest.fixture(autouse=True)
def _tampilan_lepas() -> Iterator[None]:
    """No test inherits the window and column settings of the account another test logged in."""
    yield
    tampilan.close_store()


@pytest.fixture
def ctx(demo_ws: Workspace) -> UiContext:
    """The administrator on ``demo_ws``."""
    return UiContext(demo_ws, demo_ws.login("admin", "admin123"), TaskRunner(None))


@pytest.fixture
def tugas_dijalankan(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The labels of the background tasks started during the test (each still runs, inline)."""
    dijalankan: list[str] = []
    asli = TaskRunner.run

    def catat(self: TaskRunner, fn: Any, on_success: Any, on_failure: Any = None, **kwargs: Any) -> Any:
        dijalankan.append(kwargs.get("label", ""))
        return asli(self, fn, on_success, on_failure, **kwargs)

    monkeypatch.setattr(TaskRunner, "run", catat)
    return dijalankan
