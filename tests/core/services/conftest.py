"""Service tests work on their own copy of the 20-pegawai demo office."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kinerja_desktop.core.workspace import Workspace


@pytest.fixture
def ws(demo_office: Callable[[int], Path], buka_salinan: Callable[[Path], Workspace]) -> Workspace:
    """A copy of the shared 20-pegawai demo office, opened; closed after the test."""
    return buka_salinan(demo_office(20))
