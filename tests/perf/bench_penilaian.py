"""Appraisal benchmark: the unit grid of a 300-person unit on the 15,000-pegawai demo office.

Run from the checkout:  QT_QPA_PLATFORM=offscreen python tests/perf/bench_penilaian.py [--pegawai 15000]

Uses the shared demo office (``demo_bench.py``, built once in ``<temp>/kinerja-bench-<N>``). Picks the unit
whose subtree holds the number of active pegawai closest to ``--ukuran`` (300) and prints medians of: the grid
data (grid_unit), the distribution (distribusi_unit), the evaluation form of one pegawai, and the
Penilaian page showing that unit and period (target ≤ 300 ms).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy

import argparse
import os
import random
from collections import Counter
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_bench import demo_folder, ms, report  # type: ignore[import-not-found]
from sqlalchemy import select

from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services.evaluasi.read import get_evaluasi_form
from kinerja_desktop.core.services.evaluasi.unit import distribusi_unit, grid_unit
from kinerja_desktop.core.workspace import Workspace


def unit_of_size(ws: Workspace, ukuran: int) -> tuple[str, str, int]:
    """(id, name, active pegawai in its subtree) of the unit whose subtree is closest to ``ukuran``."""
    with ws.read() as s:
        induk = dict(s.execute(select(UnitKerja.id, UnitKerja.induk_id)).all())
        nama = dict(s.execute(select(UnitKerja.id, UnitKerja.nama)).all())
        langsung = Counter(s.scalars(select(Pegawai.unit_kerja_id).where(Pegawai.status_aktif == "aktif")))
    total: Counter[str] = Counter()
    for uid, n in langsung.items():
        while uid is not None:
            total[uid] += n
            uid = induk.get(uid)
    uid = min(total, key=lambda u: (abs(total[u] - ukuran), u))
    return uid, nama[uid], total[uid]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--ukuran", type=int, default=300)
    args = parser.parse_args()
    ws = Workspace.open(AppPaths(demo_folder(args.pegawai)))
    actor = ws.login("admin", "admin123")
    tahun = date.today().year
    unit_id, unit_nama, jumlah = unit_of_size(ws, args.ukuran)
    print(f"unit: {unit_nama} ({jumlah} pegawai aktif termasuk sub-unit)")

    def grid(kode: str = "TW1") -> None:
        with ws.read() as s:
            grid_unit(s, actor, unit_id, tahun, kode)

    report("Grid unit TW1 (grid_unit)", [ms(grid) for _ in range(7)], 300)
    report("Grid unit AKHIR (grid_unit)", [ms(lambda: grid("AKHIR")) for _ in range(7)], 300)

    def distribusi() -> None:
        with ws.read() as s:
            distribusi_unit(s, actor, unit_id, tahun, "TW1")

    report("Distribusi unit TW1", [ms(distribusi) for _ in range(7)])
    with ws.read() as s:
        baris = [b for b in grid_unit(s, actor, unit_id, tahun, "TW1") if b.skp_id]
    sampel = random.Random(5).sample(baris, min(20, len(baris)))

    def form(skp_id: str) -> None:
        with ws.read() as s:
            get_evaluasi_form(s, actor, skp_id, "TW1")

    report("Formulir evaluasi satu pegawai", [ms(lambda b=b: form(b.skp_id)) for b in sampel], 200)
    _page(ws, actor, unit_id, tahun, jumlah)
    ws.close()


def _page(ws: Workspace, actor: object, unit_id: str, tahun: int, jumlah: int) -> None:
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.ui.common.context import UiContext
    from kinerja_desktop.ui.common.tasks import TaskRunner
    from kinerja_desktop.ui.penilaian.page import PenilaianPage

    TaskRunner.synchronous = True  # time the read and the display, not just the hand-off to a thread
    app = QApplication.instance() or QApplication([])
    page = PenilaianPage(UiContext(ws, actor, TaskRunner(None)))  # type: ignore[arg-type]
    page.resize(1400, 800)
    page.show()
    report("Halaman Penilaian: buka (seluruh kantor)", [ms(page.refresh)])
    app.processEvents()

    def buka(kode: str) -> None:
        page.show_unit(unit_id, tahun, kode)
        app.processEvents()

    report("Halaman Penilaian: unit + periode", [ms(lambda k=k: buka(k)) for k in ["TW1", "TW2"] * 4], 300)
    assert page.model.rowCount() == jumlah, "the grid must show the whole unit"


if __name__ == "__main__":
    main()
