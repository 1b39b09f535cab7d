"""Tests on PostgreSQL (``KINERJA_TEST_DATABASE_URL``): a database of its own for every data folder."""

from __future__ import annotations

import hashlib
import itertools
import os
import queue
import threading
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url, text

ENV_TEST_DATABASE_URL = "KINERJA_TEST_DATABASE_URL"
MARKER = ".kinerja-test-database"
PREFIX = "kt_"
SPARES = 2


def server_url() -> str | None:
    """The maintenance database URL of the test server, or None for the SQLite run."""
    return os.environ.get(ENV_TEST_DATABASE_URL) or None


def run_prefix(pid: int | None = None) -> str:
    """Names of one test run's databases start with the run's process id (two runs may share a server)."""
    return f"{PREFIX}{os.getpid() if pid is None else pid}_"


def database_name(folder: Path) -> str:
    return run_prefix() + hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:24]


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class TestServer:
    """The PostgreSQL server of a test run: one database per data folder, dropped after use.

    The database of a folder is named after the folder's path and recorded in a marker file inside it.
    ``shutil.copytree`` copies the marker along, so when a folder is opened whose marker names another
    folder's database, that database is cloned (``CREATE DATABASE … TEMPLATE …``, a file copy on the
    server) before the app connects: every fixture and test that copies a prepared data folder gets the
    prepared data without knowing about PostgreSQL.

    A clone takes the server a few hundred milliseconds on a busy machine, so a helper thread keeps two
    spare clones of every database that has been cloned twice (a prepared folder many tests copy), made
    while the tests run; taking one is a rename. Opening the source folder again (it may change) throws
    its spares away.
    """

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin: Engine = create_engine(self.url, isolation_level="AUTOCOMMIT", pool_size=2)
        self.made: set[str] = set()
        self.drop_leftovers()
        self._lock = threading.Lock()
        self._spares: dict[str, list[str]] = {}
        self._generation: dict[str, int] = {}
        self._clones: dict[str, int] = {}
        self._numbers = itertools.count()
        self._jobs: queue.Queue[str | None] = queue.Queue()
        self._worker = threading.Thread(target=self._fill_spares, name="pg-spares", daemon=True)
        self._worker.start()

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def database_url(self, folder: Path) -> str:
        """The URL of ``folder``'s database: made empty, or cloned from the database of the folder it
        was copied from."""
        name = database_name(folder)
        marker = folder / MARKER
        source = marker.read_text().strip() if marker.exists() else None
        if name not in self.made or source != name:
            self.drop(name)
            self._create(name, source if source and source != name else None)
            folder.mkdir(parents=True, exist_ok=True)
            marker.write_text(name)
        else:
            self._forget_spares(name)  # opened again: what was cloned of it may be out of date
        return self.url_for(name)

    def _create(self, name: str, template: str | None) -> None:
        with self.admin.connect() as conn:
            if template is not None and template in self.made:
                with self._lock:
                    spares = self._spares.setdefault(template, [])
                    spare = spares.pop() if spares else None
                if spare is not None:
                    conn.exec_driver_sql(f'ALTER DATABASE "{spare}" RENAME TO "{name}"')
                else:
                    conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
                self._clones[template] = self._clones.get(template, 0) + 1
                if self._clones[template] >= 2:
                    self._jobs.put(template)
            else:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
        self.made.add(name)

    def _forget_spares(self, template: str) -> None:
        with self._lock:
            self._generation[template] = self._generation.get(template, 0) + 1
            stale = self._spares.pop(template, [])
        for spare in stale:
            self._drop_now(spare)

    def _fill_spares(self) -> None:
        """The helper thread: a job names a template whose spares to top up (None: stop)."""
        while (template := self._jobs.get()) is not None:
            with self._lock:
                wanted = template in self.made and len(self._spares.get(template, [])) < SPARES
                generation = self._generation.get(template, 0)
            if not wanted:
                continue
            spare = f"{run_prefix()}spare_{next(self._numbers)}"
            try:
                with self.admin.connect() as conn:
                    conn.exec_driver_sql(
                        f'CREATE DATABASE "{spare}" TEMPLATE "{template}" STRATEGY FILE_COPY'
                    )
            except Exception:
                continue  # the template is open or gone: clones are made on demand meanwhile
            with self._lock:
                keep = template in self.made and self._generation.get(template, 0) == generation
                if keep:
                    self._spares.setdefault(template, []).append(spare)
            if not keep:
                self._drop_now(spare)
            else:
                self._jobs.put(template)

    def _drop_now(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop(self, name: str) -> None:
        if name in self.made:
            self._forget_spares(name)
            self._drop_now(name)
            self.made.discard(name)

    def drop_under(self, folder: Path) -> None:
        """Drop the databases of the data folders below ``folder`` (a test's own temporary folder)."""
        for marker in folder.rglob(MARKER):
            name = marker.read_text().strip()
            if name == database_name(marker.parent):
                self.drop(name)

    def drop_all(self) -> None:
        self._jobs.put(None)
        self._worker.join()
        for name in sorted(self.made):
            self.drop(name)
        self.admin.dispose()

    def drop_leftovers(self) -> None:
        """Databases an interrupted earlier run left behind (not those of a run still going)."""
        with self.admin.connect() as conn:
            names = conn.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": PREFIX + "%"}
            ).scalars()
            for name in list(names):
                pid = name.removeprefix(PREFIX).split("_", 1)[0]
                if pid.isdigit() and _running(int(pid)):
                    continue
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


#: The server of this run (``KINERJA_TEST_DATABASE_URL``), or None: every test on SQLite.
SERVER: TestServer | None = TestServer(url) if (url := server_url()) else None


def lepas(folder: Path) -> None:
    """Drop the databases of the data folders below ``folder`` now (a test's folder outside tmp_path)."""
    if SERVER is not None:
        SERVER.drop_under(folder)
