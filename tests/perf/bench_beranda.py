"""Beranda benchmark: first paint and the to-do lines filled in, per role, on the 15,000-pegawai demo.

Run from the checkout:  QT_QPA_PLATFORM=offscreen python tests/perf/bench_beranda.py [--runs 5]

Uses the shared demo office (``demo_bench.py``, built once in ``<temp>/kinerja-bench-<N>``). For each demo
account (admin, operator, penilai, pimpinan) prints medians of: "first paint" — build the page, refresh
(the office's heading read at once, the rest handed to the background) and paint it (target ≤ 300 ms);
"lines filled" — from the same start until the background read is shown and painted; and the
background read alone (``baca_beranda``: to-do lines, first steps, the period's numbers). The page modules
are imported first, as the main window does before it shows the Beranda.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_bench import demo_folder, ms, report  # type: ignore[import-not-found]
from PySide6.QtWidgets import QApplication

from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.pekerjaan import Cadangan
from kinerja_desktop.core.workspace import Workspace
from kinerja_desktop.ui.beranda.page import BerandaPage, baca_beranda, hari_ini
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.tasks import TaskRunner
from kinerja_desktop.ui.main_window import page_classes

PERAN = ("admin", "operator", "penilai", "pimpinan")
TARGET_PAINT_MS = 300.0


def read(ws: Workspace, actor: Actor, cadangan: Cadangan | None) -> None:
    with ws.read() as session:
        baca_beranda(session, actor, hari_ini(), cadangan)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    ws = Workspace.open(AppPaths(demo_folder(args.pegawai)))
    page_classes()  # the main window imports every page before it shows the Beranda
    print(f"{args.pegawai} pegawai, dihitung untuk {hari_ini():%d-%m-%Y}")
    for username in PERAN:
        actor = ws.login(username, f"{username}123")
        ctx = UiContext(ws, actor, TaskRunner(None))
        paint: list[float] = []
        filled: list[float] = []
        baris = 0
        for _run in range(args.runs):
            start = time.perf_counter()
            page = BerandaPage(ctx)
            page.resize(1156, 700)  # the page's share of a 1366×768 screen
            page.show()
            page.refresh()
            app.processEvents()
            page.repaint()
            paint.append((time.perf_counter() - start) * 1000)
            while page.bacaan is None:
                ctx.tasks.wait(5)
                app.processEvents()
            page.repaint()
            filled.append((time.perf_counter() - start) * 1000)
            baris = len(page.baris)
            page.close()
            page.deleteLater()
            app.processEvents()
        cadangan = Cadangan(ws.last_backup()) if username == "admin" else None

        report(f"{username}: tampil pertama", paint, TARGET_PAINT_MS)
        report(f"{username}: baris terisi ({baris} baris)", filled)
        reads = [ms(lambda a=actor, c=cadangan: read(ws, a, c)) for _ in range(args.runs)]
        report(f"{username}: bacaan latar (baca_beranda)", reads)
    ws.close()


if __name__ == "__main__":
    main()
