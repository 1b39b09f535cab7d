"""Import benchmark on both back ends: one office's year package into SQLite and into PostgreSQL, in one run.

Run from the checkout:  python tests/perf/bench_impor_pg.py [--pegawai 3000] [--ulang 3] [--url URL]

The demo office of ``--pegawai`` pegawai and its year package are made once (as ``bench_impor.py`` makes
them, in ``<temp>/kinerja-bench-<N>``). The server is ``--url``, else ``KINERJA_TEST_DATABASE_URL`` (a
maintenance database such as ``postgresql+psycopg://postgres@127.0.0.1:54329/postgres``; the benchmark
makes a fresh database there for every import and drops it), else a throwaway local server started with
``.ci/postgres.sh`` on ``--port`` when the PostgreSQL binaries are installed, stopped at the end.

One child process reads the workbook once, then for each repetition imports it into a fresh central
office on each back end, the order alternating, and imports it a second time (the no-op: every row
the same, nothing written). An import is what the import wizard does after reading the file: plan and
apply (on SQLite the backup included; on a server the app takes none). Wall-clock and CPU seconds of the
app process are measured; the server does its share of the work in its own processes, so only the wall
clock compares the back ends fairly (the CPU of the local server's processes is shown beside it when its
processes can be seen). Prints the medians, rows/s, the PG/SQLite ratios and the verdict against 1.3x,
and checks that both back ends wrote the same rows and audit entries and reported the same counts.
Repetitions stop early once ``--batas`` seconds have passed (at least one is always made).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent))

import argparse
import gc
import json
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TARGET = 1.3
BACK_ENDS = ("sqlite", "postgresql")


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _server_cpu(postmaster: int | None) -> float:
    """CPU seconds of a local server: the postmaster, its live children and the children it reaped."""
    if postmaster is None:
        return 0.0
    tik = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        f = stat.rsplit(")", 1)[1].split()
        if int(pid) == postmaster:
            total += int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])  # utime stime cutime cstime
        elif int(f[1]) == postmaster:
            total += int(f[11]) + int(f[12])
    return total / tik


@contextmanager
def _database(maintenance: str, name: str) -> Iterator[str]:
    """A fresh database on the server, dropped afterwards; yields its URL."""
    from sqlalchemy import create_engine, make_url, text

    url = make_url(maintenance)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            c.execute(text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _postmaster(url: str) -> int | None:
    """The server's main process when it runs on this machine and its processes can be seen."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as c:
            pid = int(c.execute(text("SELECT pg_backend_pid()")).scalar_one())
            try:  # while the connection's own process still runs
                return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                return None
    finally:
        engine.dispose()


def _isi(ws: Any) -> dict[str, int]:
    """Rows per table of every sheet, and the audit entries of imports."""
    from sqlalchemy import func, select

    from kinerja_desktop.core.db.models import AuditLog
    from kinerja_desktop.core.exchange.paket.schema import semua_jenis

    with ws.read() as s:
        hasil = {
            j.tabel: int(s.scalar(select(func.count()).select_from(j.table)) or 0) for j in semua_jenis()
        }
        aksi = (AuditLog.aksi, AuditLog.tabel)
        tercatat = s.execute(
            select(*aksi, func.count()).where(AuditLog.sync_log_id.is_not(None)).group_by(*aksi)
        )
        for a, t, n in tercatat:
            if a != "cadangan":  # SQLite's backup before the import; a server takes none
                hasil[f"audit {a} {t}"] = int(n)
    return hasil


def _satu(
    paket: Any, hasil_baca: Any, folder: Path, url: str | None, postmaster: int | None
) -> dict[str, Any]:
    """Import into a fresh central office at ``folder`` (on ``url`` when given), then again (no-op)."""
    from kinerja_desktop.core.db import backup as backups
    from kinerja_desktop.core.exchange.paket.apply import apply_plan
    from kinerja_desktop.core.exchange.paket.plan.planner import plan_paket
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.services import kantor
    from kinerja_desktop.core.services.access import SYSTEM
    from kinerja_desktop.core.workspace import Workspace

    ws = Workspace.open(AppPaths(folder), url)
    cadangan = [0.0]
    asli = backups.backup_database

    def berwaktu(*a: Any, **k: Any) -> Any:
        t = time.perf_counter()
        try:
            return asli(*a, **k)
        finally:
            cadangan[0] += time.perf_counter() - t

    try:
        with ws.transaction() as s:
            data = kantor.KantorInput(kode="PUSAT", nama="BKPSDM", tempat="Palembang", is_pusat=True)
            kantor.initialise(s, data, "admin", "rahasia123")
        hasil: dict[str, Any] = {}
        for tahap in ("impor", "ulang"):
            gc.collect()
            c0, t0, sc0 = _cpu(), time.perf_counter(), _server_cpu(postmaster)
            with ws.read() as s:
                rencana = plan_paket(
                    s,
                    SYSTEM,
                    paket,
                    hasil_baca.masalah,
                    sha256="bench",
                    checksum_cocok=hasil_baca.checksum_cocok,
                )
            t1 = time.perf_counter()
            backups.backup_database = berwaktu  # type: ignore[assignment]
            try:
                dampak = apply_plan(ws, SYSTEM, rencana)
            finally:
                backups.backup_database = asli  # type: ignore[assignment]
            t2, c2, sc2 = time.perf_counter(), _cpu(), _server_cpu(postmaster)
            hasil[tahap] = {
                "wall": t2 - t0,
                "rencana": t1 - t0,
                "terapkan": t2 - t1,
                "cpu": c2 - c0,
                "server_cpu": sc2 - sc0,
                "cadangan": cadangan[0],
                "jumlah": [(j.tabel, j.sebagai_dict()) for j in rencana.jumlah],
                "laporan": [b for b in dampak.lines() if "adangan" not in b],  # the backup line differs
                "masalah": len(rencana.masalah),
            }
            cadangan[0] = 0.0
            del rencana, dampak
            if tahap == "impor":
                hasil["isi"] = _isi(ws)
        return hasil
    finally:
        ws.close()


def _anak(berkas: str, url: str, ulang: int, batas: float) -> None:
    """In the child: read the package once, then import it on both back ends ``ulang`` times."""
    from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket

    mulai = time.perf_counter()
    c0, t0 = _cpu(), time.perf_counter()
    hasil_baca = read_paket(Path(berkas))
    baca = {"wall": time.perf_counter() - t0, "cpu": _cpu() - c0}
    paket = hasil_baca.paket
    baris = sum(len(v) for v in paket.baris.values())
    postmaster = _postmaster(url)
    putaran: list[dict[str, Any]] = []
    for n in range(ulang):
        urutan = BACK_ENDS if n % 2 == 0 else BACK_ENDS[::-1]
        satu: dict[str, Any] = {}
        for be in urutan:
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp) / "pusat"
                if be == "sqlite":
                    satu[be] = _satu(paket, hasil_baca, folder, None, None)
                else:
                    with _database(url, f"bench_impor_{os.getpid()}") as db:
                        satu[be] = _satu(paket, hasil_baca, folder, db, postmaster)
        putaran.append(satu)
        print(json.dumps({"putaran": n + 1}), flush=True)
        if time.perf_counter() - mulai > batas:
            break
    print(json.dumps({"baris": baris, "baca": baca, "lokal": postmaster is not None, "putaran": putaran}))


def _versi(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return str(c.execute(text("SHOW server_version")).scalar_one())
    finally:
        engine.dispose()


@contextmanager
def _server(args: argparse.Namespace) -> Iterator[str]:
    """The maintenance URL of the server to use; a throwaway one is started and stopped when none is given."""
    url = args.url or os.environ.get("KINERJA_TEST_DATABASE_URL")
    if url:
        yield url
        return
    if shutil.which("pg_ctl") is None and not list(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")):
        sys.exit(
            "Server PostgreSQL tidak ada: beri --url (atau KINERJA_TEST_DATABASE_URL), "
            "atau pasang paket postgresql agar server sementara bisa dijalankan."
        )
    skrip = str(ROOT / ".ci" / "postgres.sh")
    env = {**os.environ, "KINERJA_PG_PORT": str(args.port)}
    keluar = subprocess.run([skrip, "start"], check=True, capture_output=True, text=True, env=env).stdout
    nilai = dict(
        b.removeprefix("export ").split("=", 1) for b in keluar.splitlines() if b.startswith("export ")
    )
    print(f"server PostgreSQL sementara di port {args.port}", flush=True)
    try:
        yield nilai["KINERJA_TEST_DATABASE_URL"]
    finally:
        subprocess.run([skrip, "stop", nilai["KINERJA_PG_DIR"]], check=False)


def _median(putaran: list[dict[str, Any]], be: str, tahap: str, kunci: str) -> float:
    return statistics.median(p[be][tahap][kunci] for p in putaran)


def _periksa(putaran: list[dict[str, Any]]) -> list[str]:
    """What differs between the back ends: rows, audit entries, counts and reports."""
    beda = []
    for i, p in enumerate(putaran, 1):
        a, b = p["sqlite"], p["postgresql"]
        if a["isi"] != b["isi"]:
            beda.append(f"putaran {i}: isi tabel berbeda {a['isi']} / {b['isi']}")
        for tahap in ("impor", "ulang"):
            for k in ("jumlah", "laporan", "masalah"):
                if a[tahap][k] != b[tahap][k]:
                    beda.append(f"putaran {i}, {tahap}: {k} berbeda {a[tahap][k]} / {b[tahap][k]}")
    return beda


def _cetak(h: dict[str, Any], berkas: Path, versi: str, pegawai: int) -> None:
    n, putaran = h["baris"], h["putaran"]
    print(
        f"paket {pegawai:,} pegawai, satu tahun: {n:,} baris, {berkas.stat().st_size / 1024**2:.0f} MB; "
        f"PostgreSQL {versi}; {len(putaran)} putaran, median"
    )
    print(f"baca berkas (sekali, untuk keduanya) {h['baca']['wall']:6.1f} s (CPU {h['baca']['cpu']:.1f} s)")
    isi = putaran[0]["sqlite"]["isi"]
    audit = sum(v for k, v in isi.items() if k.startswith("audit "))
    print(
        f"ditulis: {sum(v for k, v in isi.items() if not k.startswith('audit ')):,} baris, "
        f"{audit:,} entri log audit"
    )
    judul = {"impor": "impor (rencana + terapkan)", "ulang": "impor ulang (no-op)"}
    for tahap in ("impor", "ulang"):
        print(f"\n{judul[tahap]}:")
        nilai = {be: _median(putaran, be, tahap, "wall") for be in BACK_ENDS}
        for be in BACK_ENDS:
            w = nilai[be]
            rinci = (
                f"rencana {_median(putaran, be, tahap, 'rencana'):5.1f} + terapkan "
                f"{_median(putaran, be, tahap, 'terapkan'):5.1f}"
            )
            cad = _median(putaran, be, tahap, "cadangan")
            if cad:
                rinci += f" (cadangan {cad:.2f})"
            server = (
                f", CPU server {_median(putaran, be, tahap, 'server_cpu'):5.1f} s"
                if be == "postgresql" and h["lokal"]
                else ""
            )
            semua = ", ".join(f"{p[be][tahap]['wall']:.1f}" for p in putaran)
            print(
                f"  {be:<10} {w:6.1f} s  {n / w:8,.0f} baris/detik  CPU aplikasi "
                f"{_median(putaran, be, tahap, 'cpu'):5.1f} s{server}  [{rinci}]  (semua: {semua})"
            )
        rasio = nilai["postgresql"] / nilai["sqlite"]
        putusan = "OK" if rasio <= TARGET else f"LEBIH dari {TARGET}x"
        print(f"  PG/SQLite  {rasio:5.2f}x (waktu dinding)  target <= {TARGET}x: {putusan}")
    beda = _periksa(putaran)
    print(
        "\nhasil kedua basis data: "
        + ("sama (baris, entri audit, jumlah, laporan)" if not beda else "BERBEDA")
    )
    for b in beda:
        print("  " + b)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=3000)
    parser.add_argument("--ulang", type=int, default=3, help="repetitions (median)")
    parser.add_argument("--batas", type=float, default=900, help="no new repetition after this many seconds")
    parser.add_argument("--url", default="", help="maintenance database of a PostgreSQL server")
    parser.add_argument("--port", type=int, default=54339, help="port of a throwaway server")
    parser.add_argument("--anak", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anak:
        _anak(args.anak, args.url, args.ulang, args.batas)
        return
    from bench_impor import _buat_berkas  # type: ignore[import-not-found]
    from demo_bench import demo_folder  # type: ignore[import-not-found]

    berkas = _buat_berkas(demo_folder(args.pegawai))
    with _server(args) as url:
        versi = _versi(url)
        perintah = [sys.executable, __file__, "--anak", str(berkas), "--url", url]
        perintah += ["--ulang", str(args.ulang), "--batas", str(args.batas)]
        anak = subprocess.Popen(perintah, stdout=subprocess.PIPE, text=True)
        assert anak.stdout is not None
        akhir = ""
        for baris in anak.stdout:
            data = json.loads(baris)
            if "baris" in data:
                akhir = baris
            else:
                print(f"  putaran {data['putaran']} selesai", flush=True)
        if anak.wait() != 0 or not akhir:
            sys.exit("Benchmark gagal; lihat pesan di atas.")
    _cetak(json.loads(akhir), berkas, versi, args.pegawai)


if __name__ == "__main__":
    main()
