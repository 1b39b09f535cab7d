"""Evidence on a server: store a 20 MB file, write it back to a file, store it again (dedupe).

Run from the checkout with a PostgreSQL server (the same variable as the tests on PostgreSQL):
    KINERJA_TEST_DATABASE_URL=postgresql+psycopg://USER@HOST:PORT/postgres python tests/perf/bench_bukti.py

Makes the database ``bench_bukti`` on that server and drops it at the end. Prints the time of each step
and how much the process's peak memory grew (target: one copy of the file while storing, pieces of
1 MB while reading).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy

import os
import resource
import tempfile
import time

from sqlalchemy import create_engine, make_url

from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services.bukti_store import MAKS_UKURAN, DatabaseStore, write_file
from kinerja_desktop.core.workspace import Workspace

NAMA = "bench_bukti"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    server = os.environ.get("KINERJA_TEST_DATABASE_URL")
    if not server:
        sys.exit("Set KINERJA_TEST_DATABASE_URL to a PostgreSQL server (its maintenance database).")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {NAMA}")
        conn.exec_driver_sql(f"CREATE DATABASE {NAMA}")
    url = make_url(server).set(database=NAMA).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            ws = Workspace.open(AppPaths(folder / "data"), url=url)
            source = folder / "besar.pdf"
            source.write_bytes(os.urandom(MAKS_UKURAN))
            store = DatabaseStore()
            awal = peak_mb()
            start = time.perf_counter()
            with ws.transaction() as session:
                stored = store.put(session, source)
            put, after_put = time.perf_counter() - start, peak_mb()
            start = time.perf_counter()
            with ws.read() as session:
                write_file(store, session, stored.sha256, folder / "keluar.pdf")
            read, after_read = time.perf_counter() - start, peak_mb()
            start = time.perf_counter()
            with ws.transaction() as session:
                again = store.put(session, source)
            dedupe = time.perf_counter() - start
            ws.close()
            assert (folder / "keluar.pdf").read_bytes() == source.read_bytes() and not again.baru
            print(f"store {MAKS_UKURAN // 2**20} MB: {put:.2f} s, peak memory +{after_put - awal:.0f} MB")
            print(f"write back to a file: {read:.2f} s, peak memory +{after_read - after_put:.0f} MB")
            print(f"store the same content again: {dedupe:.2f} s (kept once)")
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {NAMA} WITH (FORCE)")
        admin.dispose()


if __name__ == "__main__":
    main()
