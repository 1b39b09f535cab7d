"""Package import benchmark: plan + apply of the 15,000-pegawai office's year into an empty central office.

Run from the checkout:  python tests/perf/bench_impor.py [--pegawai 15000]

The demo office is built once in ``<temp>/kinerja-bench-<N>`` (shared with the other benchmarks). The
package is taken from that database in memory (what the workbook reader hands over; reading the
workbook is timed by the reader's own benchmark), then a child process plans and applies it into a
fresh central database. The reader already compares the rows with the checksum and hands the result
to the plan; the same check done by the plan (``checksum_cepat``) is timed apart. Prints rows,
seconds and rows/s for the plan, the apply and both (target:
≥ 20,000 rows/s end to end including reading), the memory the in-memory package itself takes, and
the peak memory of the process while planning and applying (target ≤ 500 MB), and the plan of the
same package imported a second time (every row the same).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent))

import argparse
import gc
import json
import subprocess
import tempfile
import time
from datetime import UTC, datetime


def _mb(kunci: str) -> float:
    for baris in Path("/proc/self/status").read_text().splitlines():
        if baris.startswith(kunci + ":"):
            return int(baris.split()[1]) / 1024
    return float("nan")


def _anak(folder: str, tahun: int) -> None:
    """In the child: build the package, then plan and apply it into an empty central office."""
    from sqlalchemy import select

    from kinerja_desktop.core.db.models import Skp
    from kinerja_desktop.core.exchange.paket.ambil import ambil_paket_kantor
    from kinerja_desktop.core.exchange.paket.model import InfoPaket, JenisPaket, Paket, checksum_paket
    from kinerja_desktop.core.exchange.paket.rencana import rencanakan
    from kinerja_desktop.core.exchange.paket.rencana_model import Aksi
    from kinerja_desktop.core.exchange.paket.terapkan import terapkan
    from kinerja_desktop.core.exchange.paket.verifikasi import checksum_cepat
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.services import kantor
    from kinerja_desktop.core.services.akses import SYSTEM
    from kinerja_desktop.core.workspace import Workspace

    awal = _mb("VmRSS")
    sumber = Workspace.open(AppPaths(Path(folder)))
    with sumber.read() as s:
        tahun = tahun or int(s.scalars(select(Skp.tahun)).first() or datetime.now().year)
        rows = ambil_paket_kantor(s, sumber.kantor_kode, tahun)
        k = kantor.get_kantor(s)
    sumber.close()
    info = InfoPaket(
        JenisPaket.KANTOR,
        k.kode,
        k.nama,
        "",
        tahun,
        datetime.now(UTC),
        "bench",
        {t: len(v) for t, v in rows.items()},
        checksum_paket(rows),
    )
    paket = Paket(info, rows)
    total = sum(len(v) for v in rows.values())
    gc.collect()
    paket_mb = _mb("VmRSS") - awal

    with tempfile.TemporaryDirectory() as tmp:
        pusat = Workspace.open(AppPaths(Path(tmp) / "pusat"))
        with pusat.transaction() as s:
            data = kantor.KantorInput(kode="PUSAT", nama="BKPSDM", tempat="Palembang", is_pusat=True)
            kantor.initialise(s, data, "admin", "rahasia123")
        gc.collect()
        sebelum = _mb("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak: measure plan + apply only
        tc = time.perf_counter()
        cocok = checksum_cepat(paket.baris) == paket.info.checksum
        t0 = time.perf_counter()
        with pusat.read() as s:
            rencana = rencanakan(s, SYSTEM, paket, checksum_cocok=cocok)
        t1 = time.perf_counter()
        hasil = terapkan(pusat, SYSTEM, rencana)
        t2 = time.perf_counter()
        puncak = _mb("VmHWM")
        baru, galat = rencana.total(Aksi.BARU), len(rencana.galat)
        del rencana
        gc.collect()
        Path("/proc/self/clear_refs").write_text("5")
        t3 = time.perf_counter()
        with pusat.read() as s:
            ulang = rencanakan(s, SYSTEM, paket, checksum_cocok=cocok)
        t4 = time.perf_counter()
        puncak_ulang = _mb("VmHWM")
        pusat.close()
    print(
        json.dumps(
            {
                "baris": total,
                "baru": baru,
                "galat": galat,
                "checksum_s": t0 - tc,
                "rencana_s": t1 - t0,
                "terapkan_s": t2 - t1,
                "cadangan": hasil.cadangan is not None,
                "ulang_s": t4 - t3,
                "ulang_sama": ulang.total(Aksi.SAMA),
                "ulang_berubah": ulang.ada_perubahan,
                "puncak_ulang_mb": puncak_ulang,
                "paket_mb": paket_mb,
                "rss_sebelum_mb": sebelum,
                "puncak_mb": puncak,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--tahun", type=int, default=0)
    parser.add_argument("--anak", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anak:
        _anak(args.anak, args.tahun)
        return
    from demo_bench import demo_folder

    folder = demo_folder(args.pegawai)
    keluar = subprocess.run(
        [sys.executable, __file__, "--anak", str(folder), "--tahun", str(args.tahun)],
        check=True,
        capture_output=True,
        text=True,
    )
    h = json.loads(keluar.stdout.strip().splitlines()[-1])
    n = h["baris"]
    berdua = h["rencana_s"] + h["terapkan_s"]
    print(f"paket {args.pegawai} pegawai, satu tahun: {n:,} baris ({h['baru']:,} baru, {h['galat']} galat)")
    print(f"checksum (pembaca)       {h['checksum_s']:7.1f} s  {n / h['checksum_s']:9,.0f} baris/detik")
    print(f"rencana (pratinjau)      {h['rencana_s']:7.1f} s  {n / h['rencana_s']:9,.0f} baris/detik")
    print(f"terapkan (+ cadangan)    {h['terapkan_s']:7.1f} s  {n / h['terapkan_s']:9,.0f} baris/detik")
    print(f"rencana + terapkan       {berdua:7.1f} s  {n / berdua:9,.0f} baris/detik")
    print(
        f"impor ulang (rencana)    {h['ulang_s']:7.1f} s  {n / h['ulang_s']:9,.0f} baris/detik "
        f"({h['ulang_sama']:,} sama, ada perubahan: {'ya' if h['ulang_berubah'] else 'tidak'}; "
        f"memori puncak {h['puncak_ulang_mb']:.0f} MB)"
    )
    print(f"paket di memori          {h['paket_mb']:7.0f} MB")
    puncak, sebelum = h["puncak_mb"], h["rss_sebelum_mb"]
    print(f"memori puncak (proses)   {puncak:7.0f} MB  (sebelum rencana {sebelum:.0f} MB)")


if __name__ == "__main__":
    main()
