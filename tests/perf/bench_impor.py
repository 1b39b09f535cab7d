"""Import benchmark: read + plan + apply of the 15,000-pegawai office's year into an empty central office.

Run from the checkout:  python tests/perf/bench_impor.py [--pegawai 15000]

The demo office is built once in ``<temp>/kinerja-bench-<N>`` (shared with the other benchmarks), and its
package workbook once beside it (``paket-<year>.xlsx``, made again when the database is newer). A child
process then does what the import wizard does: reads the workbook (``read_paket``), plans the import into
a fresh central database (``plan_paket``) and applies it (``apply_plan``, backup included), then plans the
same package a second time (every row the same). Prints rows, seconds and rows/s of each step and of
read + plan + apply together (target ≥ 15,000 rows/s; the plan checks every row against the application's
rules and the apply writes an audit entry per row), the audit entries written, the memory the package
read takes, and the peak memory of the whole process (target ≤ 500 MB). Beside each wall-clock time it
prints the process's CPU time, which a machine shared with other work does not inflate.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent))

import argparse
import gc
import json
import resource
import subprocess
import tempfile
import time


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _mb(kunci: str) -> float:
    for baris in Path("/proc/self/status").read_text().splitlines():
        if baris.startswith(kunci + ":"):
            return int(baris.split()[1]) / 1024
    return float("nan")


def _buat_berkas(folder: Path) -> Path:
    """The office's package of its latest year, written once (as the export wizard writes it)."""
    from sqlalchemy import func, select

    from kinerja_desktop.core.db.models import Skp
    from kinerja_desktop.core.exchange.paket.build import build_paket_kantor
    from kinerja_desktop.core.exchange.paket.writer.workbook import write_paket
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.workspace import Workspace

    ws = Workspace.open(AppPaths(folder))
    try:
        with ws.read() as s:
            tahun = int(s.scalar(select(func.max(Skp.tahun))) or 0)
            berkas = folder / f"paket-{tahun}.xlsx"
            if berkas.exists() and berkas.stat().st_mtime > ws.paths.database.stat().st_mtime:
                return berkas
            print(f"menulis paket {berkas.name} …", flush=True)
            paket = build_paket_kantor(s, ws.kantor_kode, tahun, "bench")
    finally:
        ws.close()
    write_paket(paket, berkas)
    return berkas


def _anak(berkas: str) -> None:
    """In the child: read the workbook, then plan and apply it into an empty central office."""
    from sqlalchemy import func, select

    from kinerja_desktop.core.db.models import AuditLog
    from kinerja_desktop.core.exchange.paket.apply import apply_plan
    from kinerja_desktop.core.exchange.paket.plan.model import Aksi
    from kinerja_desktop.core.exchange.paket.plan.planner import plan_paket
    from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.services import kantor
    from kinerja_desktop.core.services.access import SYSTEM
    from kinerja_desktop.core.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        pusat = Workspace.open(AppPaths(Path(tmp) / "pusat"))
        with pusat.transaction() as s:
            data = kantor.KantorInput(kode="PUSAT", nama="BKPSDM", tempat="Palembang", is_pusat=True)
            kantor.initialise(s, data, "admin", "rahasia123")
        gc.collect()
        awal = _mb("VmRSS")
        c0, t0 = _cpu(), time.perf_counter()
        hasil = read_paket(Path(berkas))
        c1, t1 = _cpu(), time.perf_counter()
        paket = hasil.paket
        total = sum(len(v) for v in paket.baris.values())
        gc.collect()
        paket_mb = _mb("VmRSS") - awal
        baca_puncak = _mb("VmHWM")
        with pusat.read() as s:
            rencana = plan_paket(
                s, SYSTEM, paket, hasil.masalah, sha256="bench", checksum_cocok=hasil.checksum_cocok
            )
        c2, t2 = _cpu(), time.perf_counter()
        dampak = apply_plan(pusat, SYSTEM, rencana)
        c3, t3 = _cpu(), time.perf_counter()
        puncak = _mb("VmHWM")
        with pusat.read() as s:
            audit = s.scalar(
                select(func.count()).select_from(AuditLog).where(AuditLog.sync_log_id.is_not(None))
            )
        baru, galat = rencana.total(Aksi.BARU), len(rencana.galat)
        del rencana
        gc.collect()
        t4 = time.perf_counter()
        with pusat.read() as s:
            ulang = plan_paket(s, SYSTEM, paket, checksum_cocok=hasil.checksum_cocok)
        t5 = time.perf_counter()
        puncak_ulang = _mb("VmHWM")
        pusat.close()
    print(
        json.dumps(
            {
                "baris": total,
                "baru": baru,
                "galat": galat,
                "baca_s": t1 - t0,
                "rencana_s": t2 - t1,
                "terapkan_s": t3 - t2,
                "baca_cpu": c1 - c0,
                "rencana_cpu": c2 - c1,
                "terapkan_cpu": c3 - c2,
                "audit": audit,
                "cadangan": dampak.cadangan is not None,
                "ulang_s": t5 - t4,
                "ulang_sama": ulang.total(Aksi.SAMA),
                "ulang_berubah": ulang.ada_perubahan,
                "paket_mb": paket_mb,
                "awal_mb": awal,
                "baca_puncak_mb": baca_puncak,
                "puncak_mb": puncak,
                "puncak_ulang_mb": puncak_ulang,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--anak", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anak:
        _anak(args.anak)
        return
    from demo_bench import demo_folder  # type: ignore[import-not-found]

    berkas = _buat_berkas(demo_folder(args.pegawai))
    keluar = subprocess.run(
        [sys.executable, __file__, "--anak", str(berkas)], check=True, capture_output=True, text=True
    )
    h = json.loads(keluar.stdout.strip().splitlines()[-1])
    n = h["baris"]
    semua = h["baca_s"] + h["rencana_s"] + h["terapkan_s"]
    print(
        f"paket {args.pegawai} pegawai, satu tahun: {n:,} baris ({h['baru']:,} baru, "
        f"{h['galat']} kesalahan), "
        f"{berkas.stat().st_size / 1024**2:.0f} MB"
    )
    for label, kunci in (
        ("baca berkas (pembaca)", "baca"),
        ("rencana (pratinjau)", "rencana"),
        ("apply_plan (+ cadangan)", "terapkan"),
    ):
        s, cpu = h[f"{kunci}_s"], h[f"{kunci}_cpu"]
        print(f"{label:<27} {s:7.1f} s  {n / s:9,.0f} baris/detik  (CPU {cpu:6.1f} s)")
    laju = n / semua
    cpu = h["baca_cpu"] + h["rencana_cpu"] + h["terapkan_cpu"]
    print(
        f"baca + rencana + apply_plan {semua:7.1f} s  {laju:9,.0f} baris/detik  "
        f"{'OK' if laju >= 15_000 else 'KURANG dari 15.000'}  (CPU {cpu:6.1f} s: {n / cpu:,.0f} baris/detik)"
    )
    print(f"entri log audit impor      {h['audit']:9,}")
    print(
        f"impor ulang (rencana)    {h['ulang_s']:7.1f} s  {n / h['ulang_s']:9,.0f} baris/detik "
        f"({h['ulang_sama']:,} sama, ada perubahan: {'ya' if h['ulang_berubah'] else 'tidak'})"
    )
    print(f"paket di memori          {h['paket_mb']:7.0f} MB  (proses sebelum membaca {h['awal_mb']:.0f} MB)")
    puncak = h["puncak_mb"]
    nilai = "OK" if puncak <= 500 else "LEBIH dari 500 MB"
    print(
        f"memori puncak (proses)   {puncak:7.0f} MB  setelah membaca {h['baca_puncak_mb']:.0f} MB, "
        f"impor ulang {h['puncak_ulang_mb']:.0f} MB  {nilai}"
    )


if __name__ == "__main__":
    main()
