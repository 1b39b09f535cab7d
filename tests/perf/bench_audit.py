"""Audit log benchmark: the Log Audit page over 200,000 entries, first page and filters.

Run:  QT_QPA_PLATFORM=offscreen python tests/perf/bench_audit.py [--runs 7] [--entri 200000] [--url URL]

The first run copies the 1,000-pegawai demo office to ``<temp>/kinerja-bench-audit-<entri>`` and writes
that many entries into its log, shaped like the application's own (changes of pegawai, SKP, evaluasi
and realisasi rows with their before/after values, additions, deletions, logins, backups), spread over
a year. "Open" is construct + refresh (count, first page, names, sentences) + the table's first paint.
Target: the first page shown in ≤ 300 ms. Filters and a page deep in the log are timed as well.

With ``--url`` (a PostgreSQL server's maintenance URL, e.g. ``KINERJA_TEST_DATABASE_URL``) the office is
generated afresh in a database ``bench_audit`` on that server, measured, and dropped.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from demo_bench import demo_folder  # type: ignore[import-not-found]  # noqa: E402
from PySide6.QtCore import QSignalBlocker  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import Connection, insert, select  # noqa: E402

from kinerja_desktop.core.db.models import (  # noqa: E402
    AuditLog,
    Evaluasi,
    Pegawai,
    Pengguna,
    Realisasi,
    Skp,
    UnitKerja,
)

PEGAWAI = 1_000
OPEN_TARGET_MS = 300.0
_JABATAN = ("Pranata Komputer", "Pranata Komputer Ahli Pertama", "Analis Kebijakan", "Pengadministrasi Umum")
_GOLONGAN = ("II/c", "II/d", "III/a", "III/b", "III/c")


def _entries(conn: Connection, jumlah: int, seed: int = 7) -> list[dict[str, Any]]:
    """``jumlah`` entries about the office's real rows, oldest first, one a few minutes after another."""
    rnd = random.Random(seed)
    pegawai = [tuple(r) for r in conn.execute(select(Pegawai.id, Pegawai.nama, Pegawai.jabatan))]
    units = list(conn.scalars(select(UnitKerja.id)))
    skp = list(conn.scalars(select(Skp.id)))
    evaluasi = list(conn.scalars(select(Evaluasi.id)))
    realisasi = list(conn.scalars(select(Realisasi.id)))
    users = [tuple(r) for r in conn.execute(select(Pengguna.id, Pengguna.username))]
    start = datetime.now(UTC) - timedelta(days=365)
    step = timedelta(days=365) / jumlah
    rows: list[dict[str, Any]] = []
    for n in range(jumlah):
        pengguna_id, username = rnd.choice(users)
        entry: dict[str, Any] = {
            "waktu": start + step * n,
            "pengguna_id": pengguna_id,
            "username": username,
            "keterangan": "",
            "sebelum": None,
            "sesudah": None,
        }
        pick = rnd.random()
        if pick < 0.40 and realisasi:
            lama, baru = rnd.randint(0, 50), rnd.randint(0, 60)
            entry.update(aksi="ubah", tabel="realisasi", baris_id=rnd.choice(realisasi))
            entry.update(sebelum={"nilai": f"{lama}.0000"}, sesudah={"nilai": f"{baru}.0000"})
        elif pick < 0.55:
            pid, _nama, jabatan = rnd.choice(pegawai)
            entry.update(aksi="ubah", tabel="pegawai", baris_id=pid)
            which = rnd.randrange(3)
            if which == 0:
                entry.update(sebelum={"jabatan": jabatan}, sesudah={"jabatan": rnd.choice(_JABATAN)})
            elif which == 1:
                gol = rnd.sample(_GOLONGAN, 2)
                entry.update(sebelum={"golongan": gol[0]}, sesudah={"golongan": gol[1]})
            else:
                unit = rnd.sample(units, 2)
                entry.update(sebelum={"unit_kerja_id": unit[0]}, sesudah={"unit_kerja_id": unit[1]})
        elif pick < 0.65 and skp:
            status = rnd.choice((("draft", "diajukan"), ("diajukan", "disetujui"), ("diajukan", "ditolak")))
            entry.update(aksi="ubah", tabel="skp", baris_id=rnd.choice(skp))
            entry.update(sebelum={"status": status[0]}, sesudah={"status": status[1]})
        elif pick < 0.75 and evaluasi:
            entry.update(aksi="ubah", tabel="evaluasi", baris_id=rnd.choice(evaluasi))
            entry.update(sebelum={"status": "draf"}, sesudah={"status": "final"})
        elif pick < 0.85:
            pid = rnd.choice(pegawai)[0]
            entry.update(aksi="tambah", tabel="pelatihan", baris_id=f"bench-{n}")
            mulai = (start + step * n).date().isoformat()
            nilai = {
                "pegawai_id": pid,
                "nama": "Pelatihan Dasar Kepemimpinan",
                "tanggal_mulai": mulai,
                "jp": 32,
            }
            entry.update(sesudah=nilai)
        elif pick < 0.88:
            pid = rnd.choice(pegawai)[0]
            entry.update(aksi="hapus", tabel="riwayat_pangkat", baris_id=f"bench-{n}")
            entry.update(sebelum={"pegawai_id": pid, "golongan": rnd.choice(_GOLONGAN), "tmt": "2019-04-01"})
        elif pick < 0.96:
            entry.update(aksi="login", tabel="pengguna", baris_id=pengguna_id, keterangan="Masuk")
        else:
            entry.update(
                aksi="cadangan", tabel="", baris_id="", keterangan=f"Cadangan dibuat: cadangan-{n}.db"
            )
        rows.append(entry)
    return rows


def _fill(workspace: Any, jumlah: int) -> None:
    print(f"menulis {jumlah} entri log audit …", flush=True)
    begin = time.perf_counter()
    with workspace.engine.begin() as conn:
        rows = _entries(conn, jumlah)
        for a in range(0, len(rows), 20_000):
            conn.execute(insert(AuditLog), rows[a : a + 20_000])
    print(f"  selesai dalam {time.perf_counter() - begin:.1f} s", flush=True)


@contextmanager
def server_office(maintenance: str, jumlah: int) -> Iterator[Any]:
    """A fresh demo office with ``jumlah`` log entries in a database ``bench_audit``, dropped after."""
    from sqlalchemy import create_engine, make_url, text

    from kinerja_desktop.core.demo import generate_demo
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.workspace import Workspace

    url = make_url(maintenance)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text('DROP DATABASE IF EXISTS "bench_audit" WITH (FORCE)'))
        c.execute(text('CREATE DATABASE "bench_audit"'))
    folder = Path(tempfile.mkdtemp(prefix="kinerja-bench-audit-pg-"))
    workspace = Workspace.open(AppPaths(folder), url.set(database="bench_audit"))
    try:
        print(f"membuat data demo {PEGAWAI} pegawai di server …", flush=True)
        generate_demo(workspace, jumlah_pegawai=PEGAWAI)
        _fill(workspace, jumlah)
        with workspace.engine.connect() as c:
            c.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
        yield workspace
    finally:
        workspace.close()
        with admin.connect() as c:
            c.execute(text('DROP DATABASE IF EXISTS "bench_audit" WITH (FORCE)'))
        admin.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def audit_folder(jumlah: int) -> Path:
    """The demo office with ``jumlah`` extra audit entries, built once."""
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.workspace import Workspace

    folder = demo_folder(PEGAWAI).parent / f"kinerja-bench-audit-{jumlah}"
    if (folder / "siap").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(demo_folder(PEGAWAI), folder)
    workspace = Workspace.open(AppPaths(folder))
    _fill(workspace, jumlah)
    workspace.close()
    (folder / "siap").write_text("ok")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--entri", type=int, default=200_000)
    parser.add_argument("--url", default="", help="PostgreSQL server (maintenance URL); default SQLite")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    if args.url:
        with server_office(args.url, args.entri) as workspace:
            return measure(app, workspace, args, "PostgreSQL")
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.workspace import Workspace

    workspace = Workspace.open(AppPaths(audit_folder(args.entri)))
    try:
        return measure(app, workspace, args, "SQLite")
    finally:
        workspace.close()


def measure(app: QApplication, workspace: Any, args: argparse.Namespace, backend: str) -> int:
    from kinerja_desktop.core.services import audit
    from kinerja_desktop.ui.audit.page import BATCH, HITUNG_SAMPAI, AuditPage
    from kinerja_desktop.ui.common.context import UiContext
    from kinerja_desktop.ui.common.tasks import TaskRunner

    ctx = UiContext(workspace, workspace.login("admin", "admin123"), TaskRunner(None))
    with workspace.read() as s:
        nama = s.scalar(select(Pegawai.nama).order_by(Pegawai.nip).limit(1)) or ""

    def timed(label: str, action: Any) -> list[float]:
        samples = []
        for _ in range(args.runs):
            begin = time.perf_counter()
            action()
            samples.append((time.perf_counter() - begin) * 1000)
        print(f"  {label:<40} median {statistics.median(samples):7.1f} ms, maks {max(samples):7.1f} ms")
        return samples

    def open_page() -> None:
        page = AuditPage(ctx)
        page.resize(1340, 640)
        page.show()
        page.refresh()
        app.processEvents()
        page.table.viewport().repaint()
        assert page.model.rowCount() == BATCH
        page.close()
        page.deleteLater()

    def core_first_page() -> None:
        with workspace.read() as s:
            audit.count_audit(s, ctx.actor, audit.AuditFilter(), paling_banyak=HITUNG_SAMPAI)
            audit.susun(s, audit.list_audit(s, ctx.actor, audit.AuditFilter(), limit=BATCH))

    page = AuditPage(ctx)
    page.refresh()

    def deep() -> None:
        page.on_hapus_filter_clicked()  # the whole log again, then five more pages
        for _ in range(5):
            page.model.fetchMore(page.model.index(-1, -1))

    print(f"Log audit ({backend}): {args.entri:,} entri".replace(",", ".") + f", {args.runs} putaran")
    opens = timed("buka halaman (halaman pertama tampil)", open_page)
    timed(f"inti: hitung + {BATCH} entri + kalimat", core_first_page)
    timed("saring pegawai (nama)", _pegawai(page, nama))
    timed("saring aksi = hapus", _combo(page, page.aksi, "hapus"))
    timed("saring data = SKP", _combo(page, page.tabel, "skp"))
    timed("saring pengguna = operator", _combo(page, page.pengguna, "operator"))
    timed("buka + 5 halaman berikutnya", deep)
    page.close()
    ok = max(opens) <= OPEN_TARGET_MS
    print(f"  target halaman pertama ≤ {OPEN_TARGET_MS:.0f} ms: {'OK' if ok else 'TERLALU LAMBAT'}")
    return 0 if ok else 1


def _pegawai(page: Any, nama: str) -> Any:
    def run() -> None:
        with QSignalBlocker(page.pegawai):
            page.pegawai.setText(nama)
        page.apply_filter()

    return run


def _combo(page: Any, combo: Any, value: str) -> Any:
    def run() -> None:
        with QSignalBlocker(combo):
            combo.setCurrentIndex(0)
        combo.setCurrentIndex(combo.findData(value))  # one reload, filtered

    return run


if __name__ == "__main__":
    raise SystemExit(main())
