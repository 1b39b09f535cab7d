"""Shared fixtures: every test gets its own data folder; Qt runs offscreen; tasks run inline."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("KINERJA_DATABASE_URL", None)
os.environ.pop("KINERJA_DATA_DIR", None)
# No test reaches the OS keyring: a server password goes to the file unless a test sets a fake keyring.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from pendukung_pg import SERVER

from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace

#: The PostgreSQL server of this run (``KINERJA_TEST_DATABASE_URL``), or None: every test on SQLite.
PG = SERVER
if PG is not None:
    _server = PG
    AppPaths.database_url = lambda self: _server.database_url(self.data_dir)  # type: ignore[method-assign]

ADMIN_PASSWORD = "rahasia123"
KANTOR = kantor.KantorInput(
    kode="PLJ", nama="Kecamatan Plaju", tempat="Plaju", instansi="Pemerintah Kota Palembang"
)


def pytest_report_header() -> str:
    return f"database: {'PostgreSQL, ' + str(PG.url.render_as_string()) if PG else 'SQLite'}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """On PostgreSQL, skip the tests of what only a SQLite file has (its backup, WAL, permissions)."""
    if PG is None:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else "hanya untuk berkas SQLite"
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


def pytest_sessionfinish() -> None:
    if PG is not None:
        PG.drop_all()


@pytest.fixture(autouse=True)
def _pg_databases(request: pytest.FixtureRequest) -> Iterator[None]:
    """On PostgreSQL, drop the databases of the data folders in the test's own temporary folder."""
    own = (
        request.getfixturevalue("tmp_path") if PG is not None and "tmp_path" in request.fixturenames else None
    )
    yield
    if PG is not None and own is not None:
        PG.drop_under(own)


@pytest.fixture(autouse=True)
def _modal_watchdog(request: pytest.FixtureRequest) -> Iterator[None]:
    """A UI test left in a modal dialog nobody answers fails after a while instead of hanging the run
    (a test that expects a dialog answers it or patches it away)."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from pendukung_modal import modal_watchdog

    request.getfixturevalue("qapp")
    with modal_watchdog() as stuck:
        yield
    if stuck:
        pytest.fail("dialog modal dibiarkan terbuka (ditutup oleh pengawas): " + "; ".join(stuck))


@pytest.fixture(scope="session")
def template_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An initialised data folder built once; tests get a copy (saves the schema build and KDF)."""
    folder = tmp_path_factory.mktemp("template")
    ws = Workspace.open(AppPaths(folder))
    with ws.transaction() as session:
        kantor.initialise(session, KANTOR, "admin", ADMIN_PASSWORD, "Admin Kantor")
    ws.close()
    return folder


@pytest.fixture(scope="session")
def demo_office(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """``demo_office(n)``: a demo office of ``n`` pegawai, generated once per run and size.

    Tests copy the folder before opening it, so one build serves every module that asks.
    """
    built: dict[int, Path] = {}

    def folder_for(jumlah: int) -> Path:
        if jumlah not in built:
            from kinerja_desktop.core.demo import generate_demo

            folder = tmp_path_factory.mktemp(f"demo-{jumlah}") / "d"
            ws = Workspace.open(AppPaths(folder))
            generate_demo(ws, jumlah_pegawai=jumlah)
            ws.close()
            built[jumlah] = folder
        return built[jumlah]

    return folder_for


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """A fresh, empty data folder."""
    return AppPaths(tmp_path / "data")


@pytest.fixture
def workspace(tmp_path: Path, template_folder: Path) -> Iterator[Workspace]:
    """An initialised office (Kecamatan Plaju, admin/rahasia123) in a folder of its own."""
    folder = tmp_path / "data"
    shutil.copytree(template_folder, folder)
    ws = Workspace.open(AppPaths(folder))
    yield ws
    ws.close()


@pytest.fixture
def buka_salinan(tmp_path: Path) -> Iterator[Callable[[Path], Workspace]]:
    """``buka_salinan(folder)`` opens a copy of a prepared data folder (each call its own copy, named
    after the folder's own name); every copy is closed after the test."""
    dibuka: list[Workspace] = []

    def buka(sumber: Path) -> Workspace:
        folder = tmp_path / f"salinan-{len(dibuka)}-{sumber.name}"
        shutil.copytree(sumber, folder)
        ws = Workspace.open(AppPaths(folder))
        dibuka.append(ws)
        return ws

    yield buka
    for ws in dibuka:
        ws.close()


@pytest.fixture
def admin(workspace: Workspace) -> Actor:
    return workspace.login("admin", ADMIN_PASSWORD)


@pytest.fixture
def sync_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run background tasks inline so tests need no waiting."""
    from kinerja_desktop.ui.common.tasks import TaskRunner

    monkeypatch.setattr(TaskRunner, "synchronous", True)
