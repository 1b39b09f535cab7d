"""Beranda charts benchmark: the chart numbers and the page's paint on the 15,000-pegawai demo office.

Run from the checkout:  QT_QPA_PLATFORM=offscreen python tests/perf/bench_grafik.py [--pegawai 15000]
                        [--data-dir DIR] [--hari 2026-05-20]

Uses the shared demo office (``demo_bench.py``, built once in ``<temp>/kinerja-bench-<N>``) or ``--data-dir``.
Prints medians of: all three charts' numbers (``data_grafik``) for the administrator (whole office) and
the pejabat penilai (direct subordinates), each chart's part for the whole office, the Beranda page
painting with the charts still loading (target ≤ 300 ms), and the wait until the charts are drawn. The
demo fills realisation and ratings for the first periods of the year: ``--hari`` picks a day in them
(default: today, whose period may still be empty).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy

import argparse
import os
import time
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_bench import demo_folder, ms, report  # type: ignore[import-not-found]

from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.rules.periode import periode_untuk_tanggal
from kinerja_desktop.core.services import grafik
from kinerja_desktop.core.services.realisasi import ritme_kantor
from kinerja_desktop.core.workspace import Workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--hari", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    ws = Workspace.open(AppPaths(args.data_dir or demo_folder(args.pegawai)))
    hari: date = args.hari
    for user in ("admin", "penilai"):
        actor = ws.login(user, f"{user}123")

        def semua(actor: object = actor) -> None:
            with ws.read() as s:
                grafik.data_grafik(s, actor, hari)  # type: ignore[arg-type]

        report(f"Data grafik {hari} ({user})", [ms(semua) for _ in range(5)])
    with ws.read() as s:
        p = periode_untuk_tanggal(ritme_kantor(s), hari)
    siapa = grafik.lingkup(ws.login("admin", "admin123"))

    def bagian(fn: object) -> list[float]:
        def sekali() -> None:
            with ws.read() as s:
                fn(s)  # type: ignore[operator]

        return [ms(sekali) for _ in range(5)]

    report(f"  kemajuan per unit {p.label}", bagian(lambda s: grafik.kemajuan(s, siapa, hari.year, p)))
    report("  sebaran predikat terakhir", bagian(lambda s: grafik.sebaran_terakhir(s, siapa.syarat, hari)))
    report("  tren predikat akhir tahun", bagian(lambda s: grafik.tren(s, siapa.syarat, hari.year)))
    _page(ws)
    ws.close()


def _page(ws: Workspace) -> None:
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.ui.beranda.page import BerandaPage
    from kinerja_desktop.ui.common.context import UiContext
    from kinerja_desktop.ui.common.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner(None)
    page = BerandaPage(UiContext(ws, ws.login("admin", "admin123"), runner))
    page.resize(1366, 700)
    page.show()
    cat, tunggu = [], []
    for _ in range(3):
        mulai = time.perf_counter()
        page.refresh()
        app.processEvents()
        cat.append((time.perf_counter() - mulai) * 1000)
        runner.wait()
        app.processEvents()
        tunggu.append((time.perf_counter() - mulai) * 1000)
    serah = []
    for _ in range(3):
        mulai = time.perf_counter()
        page.grafik.refresh()
        serah.append((time.perf_counter() - mulai) * 1000)
        runner.wait()
        app.processEvents()
    report("Beranda: tampil (grafik masih dibaca)", cat, 300)
    report("  di antaranya grafik: serah ke latar", serah)
    report("Beranda: sampai grafik tergambar", tunggu)
    assert page.grafik.data is not None


if __name__ == "__main__":
    main()
