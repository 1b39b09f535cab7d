"""SKP, monitoring and realisation benchmark on the 15,000-pegawai demo office.

Run from the checkout:  QT_QPA_PLATFORM=offscreen python tests/perf/bench_skp.py [--pegawai 15000]

The demo office is built once in ``<temp>/kinerja-bench-<N>`` (``python -m kinerja_desktop demo``, shared
with the other benchmarks). Prints medians: opening a pegawai's SKP (current_skp_for + get_skp, 100
random pegawai; target ≤ 200 ms), the monitoring data of TW1..TW4 (target ≤ 1 s each), and the
Realisasi page showing one pegawai's grid (loading the page's pegawai list is timed apart).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy

import argparse
import os
import random
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_bench import demo_folder, ms, report  # type: ignore[import-not-found]

from kinerja_desktop.core.model.skp import StatusSkp
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import pegawai, skp
from kinerja_desktop.core.services.monitoring import monitoring
from kinerja_desktop.core.workspace import Workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--sampel", type=int, default=100)
    args = parser.parse_args()
    ws = Workspace.open(AppPaths(demo_folder(args.pegawai)))
    actor = ws.login("admin", "admin123")
    tahun = date.today().year
    rng = random.Random(6)
    with ws.read() as s:
        rows = pegawai.list_pegawai(s, actor, termasuk_nonaktif=False)
        skp_rows = skp.list_skp(s, actor, tahun)
    print(f"{len(rows)} pegawai aktif; {len(skp_rows)} SKP tahun {tahun}")

    def buka_skp(pegawai_id: str) -> None:
        with ws.read() as s:
            detail = skp.current_skp_for(s, actor, pegawai_id, tahun)
            if detail is not None:
                skp.get_skp(s, actor, detail.id)

    ids = rng.sample([r.id for r in rows], min(args.sampel, len(rows)))
    report("Buka SKP (current_skp_for + get_skp)", [ms(lambda p=p: buka_skp(p)) for p in ids], 200)

    for kode in ("TW1", "TW2", "TW3", "TW4"):

        def hitung(kode: str = kode) -> None:
            with ws.read() as s:
                monitoring(s, actor, tahun, kode)

        report(f"Data monitoring {kode}", [ms(hitung) for _ in range(5)], 1000)

    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.ui.common.context import UiContext
    from kinerja_desktop.ui.common.tasks import TaskRunner
    from kinerja_desktop.ui.realisasi.page import RealisasiPage

    app = QApplication.instance() or QApplication([])
    page = RealisasiPage(UiContext(ws, actor, TaskRunner(None)))
    page.resize(1200, 750)
    page.show()
    report("Halaman Realisasi: muat daftar pegawai", [ms(page.refresh) for _ in range(3)])
    approved = [r.pegawai_id for r in skp_rows if r.status == StatusSkp.DISETUJUI]

    def tampil(pegawai_id: str) -> None:
        page.select_pegawai(pegawai_id, tahun, "TW2")
        app.processEvents()

    sampel = rng.sample(approved, min(30, len(approved)))
    report("Halaman Realisasi: grid satu pegawai", [ms(lambda p=p: tampil(p)) for p in sampel], 200)
    assert page.stack.currentIndex() == 0 and page.model.rowCount() > 0
    ws.close()


if __name__ == "__main__":
    main()
