"""Package benchmark: one year's paket kantor of the 15,000-pegawai demo office, written and read back.

Run from the checkout:  python tests/perf/bench_paket.py [--pegawai 15000]

The demo office is built once in ``<temp>/kinerja-bench-<N>`` (shared with the other benchmarks) and only
read here. Each step runs in a fresh subprocess so its peak memory (ru_maxrss) is its own:
``polos`` writes the same cells as write_paket would (values already converted) with a plain openpyxl
write-only workbook; ``tulis`` builds the package from the database and writes it with write_paket;
``baca`` reads that file with read_paket. Targets: tulis ≤ 1.2 × polos, baca ≥ 20,000 rows/s, each
process ≤ 500 MB.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy

import argparse
import json
import resource
import subprocess
import tempfile
import time
from typing import Any

from demo_bench import demo_folder  # type: ignore[import-not-found]
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Skp
from kinerja_desktop.core.exchange.paket.build import build_paket_kantor
from kinerja_desktop.core.exchange.paket.model import Paket
from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket
from kinerja_desktop.core.exchange.paket.schema import semua_jenis
from kinerja_desktop.core.exchange.paket.writer.workbook import Sel, row_converter, write_paket
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.workspace import Workspace


def _paket(folder: Path) -> tuple[Paket, float]:
    ws = Workspace.open(AppPaths(folder))
    try:
        with ws.read() as s:
            tahun = s.scalar(select(func.max(Skp.tahun)))
            mulai = time.perf_counter()
            paket = build_paket_kantor(s, ws.kantor_kode, tahun, "bench")
            return paket, time.perf_counter() - mulai
    finally:
        ws.close()


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def langkah_polos(folder: Path, keluar: Path) -> dict[str, Any]:
    """The same cells, already converted, through a plain write-only workbook (no styles, no extras)."""
    from openpyxl import Workbook

    paket, _ = _paket(folder)
    wb = Workbook(write_only=True)
    isi = []
    for jenis in semua_jenis():
        ws = wb.create_sheet(jenis.lembar)
        convert = row_converter(Sel(ws, jenis.lembar), jenis)
        isi.append((ws, [k.judul for k in jenis.kolom], [convert(r) for r in paket.baris[jenis.tabel]]))
    del paket
    mulai = time.perf_counter()
    for ws, judul, rows in isi:
        ws.append(judul)
        for row in rows:
            ws.append(row)
    wb.save(keluar)
    return {"detik": time.perf_counter() - mulai, "mb": _maxrss_mb()}


def langkah_tulis(folder: Path, keluar: Path) -> dict[str, Any]:
    paket, detik_buat = _paket(folder)
    baris = sum(len(v) for v in paket.baris.values())
    sel = sum(len(v) * len(j.kolom) for j in semua_jenis() for v in [paket.baris[j.tabel]])
    mulai = time.perf_counter()
    write_paket(paket, keluar)
    return {
        "detik": time.perf_counter() - mulai,
        "buat": detik_buat,
        "baris": baris,
        "sel": sel,
        "mb": _maxrss_mb(),
    }


def langkah_baca(berkas: Path) -> dict[str, Any]:
    mulai = time.perf_counter()
    hasil = read_paket(berkas)
    detik = time.perf_counter() - mulai
    baris = sum(len(v) for v in hasil.paket.baris.values())
    return {
        "detik": detik,
        "baris": baris,
        "cocok": hasil.checksum_cocok,
        "masalah": len(hasil.masalah),
        "mb": _maxrss_mb(),
    }


def _jalankan(*arg: str) -> dict[str, Any]:
    hasil = subprocess.run([sys.executable, __file__, *arg], check=True, capture_output=True, text=True)
    return dict(json.loads(hasil.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--langkah", choices=["polos", "tulis", "baca"])
    parser.add_argument("--berkas", type=Path)
    args = parser.parse_args()
    folder = demo_folder(args.pegawai)
    if args.langkah == "polos":
        print(json.dumps(langkah_polos(folder, args.berkas)))
        return
    if args.langkah == "tulis":
        print(json.dumps(langkah_tulis(folder, args.berkas)))
        return
    if args.langkah == "baca":
        print(json.dumps(langkah_baca(args.berkas)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        polos = _jalankan(
            "--pegawai", str(args.pegawai), "--langkah", "polos", "--berkas", f"{tmp}/polos.xlsx"
        )
        tulis = _jalankan(
            "--pegawai", str(args.pegawai), "--langkah", "tulis", "--berkas", f"{tmp}/paket.xlsx"
        )
        ukuran = Path(f"{tmp}/paket.xlsx").stat().st_size / 1024**2
        baca = _jalankan("--pegawai", str(args.pegawai), "--langkah", "baca", "--berkas", f"{tmp}/paket.xlsx")
    rasio = tulis["detik"] / polos["detik"]
    print(
        f"paket kantor satu tahun, {args.pegawai} pegawai: {tulis['baris']:,} baris, {tulis['sel']:,} sel, "
        f"{ukuran:.0f} MB"
    )
    print(f"build_paket_kantor (dari basis data)   {tulis['buat']:7.1f} s")
    print(f"openpyxl write-only polos             {polos['detik']:7.1f} s   puncak {polos['mb']:6.0f} MB")
    print(
        f"write_paket                           {tulis['detik']:7.1f} s   puncak {tulis['mb']:6.0f} MB   "
        f"rasio {rasio:.2f} {'OK' if rasio <= 1.2 else 'LEBIH dari 1,2'}"
    )
    laju = baca["baris"] / baca["detik"]
    print(
        f"read_paket                            {baca['detik']:7.1f} s   puncak {baca['mb']:6.0f} MB   "
        f"{laju:,.0f} baris/s   checksum cocok: {baca['cocok']}, masalah: {baca['masalah']}"
    )


if __name__ == "__main__":
    main()
