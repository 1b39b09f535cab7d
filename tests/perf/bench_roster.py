"""Excel roster benchmark: export 15,000 pegawai, plan that file against the same office, import it fresh.

Run from the checkout:  PYTHONPATH=. python tests/perf/bench_roster.py [--pegawai 15000]

The demo office is built once in ``<temp>/kinerja-bench-<N>`` (``kinerja-desktop demo --pegawai N``, shared
with bench_startup.py) and only read here; the import goes into a new, empty office in a temporary folder.
Prints seconds, rows per second, and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from demo_bench import demo_folder  # type: ignore[import-not-found]

from kinerja_desktop.core.exchange.roster import Aksi, apply_import, export_roster, plan_import
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace

T = TypeVar("T")


def timed(label: str, rows: int, func: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    print(f"{label:<34} {elapsed:7.2f} s   {rows / elapsed:8,.0f} baris/s", flush=True)
    return result


def peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pegawai", type=int, default=15000)
    args = parser.parse_args()
    source = Workspace.open(AppPaths(demo_folder(args.pegawai)))
    with tempfile.TemporaryDirectory() as tmp:
        roster = Path(tmp) / "roster.xlsx"
        with source.read() as session:
            n = timed("ekspor semua pegawai", args.pegawai, lambda: export_roster(session, SYSTEM, roster))
        print(f"  {n} pegawai, {roster.stat().st_size / 1e6:.1f} MB")
        with source.read() as session:
            plan = timed("rencana terhadap kantor yang sama", n, lambda: plan_import(session, SYSTEM, roster))
        assert plan.counts[Aksi.SAMA] == n, plan.ringkasan()
        print(f"  {plan.ringkasan()}")
        source.close()

        target = Workspace.open(AppPaths(Path(tmp) / "kosong"))
        with target.transaction() as session:
            info = kantor.KantorInput(kode="PLJ", nama="Kecamatan Plaju", tempat="Plaju")
            kantor.initialise(session, info, "admin", "rahasia123")
        with target.read() as session:
            plan = timed("rencana ke basis data kosong", n, lambda: plan_import(session, SYSTEM, roster))
        assert plan.ok and plan.counts[Aksi.TAMBAH] == n, plan.ringkasan()
        print(f"  {plan.ringkasan()}")
        hasil = timed("apply_plan (cadangan + transaksi)", n, lambda: apply_import(target, SYSTEM, plan))
        print(f"  {hasil.lines()[0]}")
        target.close()
    print(f"memori puncak (RSS): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
