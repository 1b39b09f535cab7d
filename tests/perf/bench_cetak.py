"""Printing benchmark: a batch of 1,000 Dokumen Evaluasi and the first SKP preview, on the 15,000 demo.

Run from the checkout:  python tests/perf/bench_cetak.py [--pegawai 15000] [--jumlah 1000]

Uses the shared demo office (``demo_bench.py``, built once in ``<temp>/kinerja-bench-<N>``). Each measurement
runs in a fresh process so that its peak memory (``ru_maxrss``) and its cold start are its own:

- batch: load ``--jumlah`` final TW1 evaluation forms (timed apart), then render them into one PDF
  (target ≥ 50 documents/s, peak memory ≤ 300 MB for the whole process);
- the same forms sorted in SQL and each loaded only when printed (``dokumen_evaluasi_berurutan_pdf``),
  loading and layout together;
- SKP: import the documents package, load one SKP and render it with its lampiran, in a new process
  (target ≤ 1 s for the first preview), then the median of 10 further renders in the same process.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not an installed copy

import argparse
import json
import random
import resource
import statistics
import subprocess
import time
from datetime import date

from demo_bench import demo_folder  # type: ignore[import-not-found]


def _rss_mb() -> float:
    """Peak resident memory of this process in MB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _buka(folder: Path):  # type: ignore[no-untyped-def]
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.workspace import Workspace

    ws = Workspace.open(AppPaths(folder))
    return ws, ws.login("admin", "admin123")


def anak_massal(folder: Path, jumlah: int) -> dict[str, float]:
    from sqlalchemy import select

    from kinerja_desktop.core.db.models import Evaluasi, Skp
    from kinerja_desktop.core.documents import dokumen_evaluasi_massal_pdf, opsi_kantor
    from kinerja_desktop.core.services import kantor
    from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca

    ws, actor = _buka(folder)
    tahun = date.today().year
    with ws.read() as s:
        ids = list(
            s.scalars(
                select(Evaluasi.id)
                .join(Skp, Skp.id == Evaluasi.skp_id)
                .where(Evaluasi.periode == "TW1", Evaluasi.status == "final", Skp.tahun == tahun)
                .order_by(Evaluasi.id)
            )
        )
        pilih = random.Random(7).sample(ids, min(jumlah, len(ids)))
        opsi = opsi_kantor(kantor.get_kantor(s), date.today(), kantor.get_logo(s))
        mulai = time.perf_counter()
        forms = [evaluasi_baca.get_evaluasi_form_by_id(s, actor, i) for i in pilih]
        muat = time.perf_counter() - mulai
    rss_data = _rss_mb()
    kemajuan: list[int] = []
    mulai = time.perf_counter()
    pdf = dokumen_evaluasi_massal_pdf(forms, opsi, lambda selesai, total: kemajuan.append(selesai) is None)
    cetak = time.perf_counter() - mulai
    ws.close()
    return {
        "jumlah": len(forms),
        "muat_s": muat,
        "cetak_s": cetak,
        "kb": len(pdf) / 1024,
        "rss_data_mb": rss_data,
        "rss_puncak_mb": _rss_mb(),
        "kemajuan": len(kemajuan),
    }


def anak_aliran(folder: Path, jumlah: int) -> dict[str, float]:
    """Ids sorted by unit and name in SQL, each form loaded only when it is printed."""
    from sqlalchemy import select

    from kinerja_desktop.core.db.models import Evaluasi, Pegawai, Skp, UnitKerja
    from kinerja_desktop.core.documents import dokumen_evaluasi_berurutan_pdf, opsi_kantor
    from kinerja_desktop.core.services import kantor
    from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca

    ws, actor = _buka(folder)
    tahun = date.today().year
    with ws.read() as s:
        semua = list(
            s.execute(
                select(Evaluasi.id, UnitKerja.nama, Pegawai.nama)
                .join(Skp, Skp.id == Evaluasi.skp_id)
                .join(Pegawai, Pegawai.id == Skp.pegawai_id)
                .outerjoin(UnitKerja, UnitKerja.id == Pegawai.unit_kerja_id)
                .where(Evaluasi.periode == "TW1", Evaluasi.status == "final", Skp.tahun == tahun)
                .order_by(Evaluasi.id)
            )
        )
        pilih = random.Random(7).sample(semua, min(jumlah, len(semua)))
        pilih.sort(key=lambda r: ((r[1] or "").casefold(), r[2].casefold()))
        opsi = opsi_kantor(kantor.get_kantor(s), date.today(), kantor.get_logo(s))
        mulai = time.perf_counter()
        forms = (evaluasi_baca.get_evaluasi_form_by_id(s, actor, r[0]) for r in pilih)
        pdf = dokumen_evaluasi_berurutan_pdf(forms, len(pilih), opsi)
        total = time.perf_counter() - mulai
    ws.close()
    return {"jumlah": len(pilih), "total_s": total, "kb": len(pdf) / 1024, "rss_puncak_mb": _rss_mb()}


def anak_skp(folder: Path) -> dict[str, float]:
    awal = time.perf_counter()
    from sqlalchemy import select

    from kinerja_desktop.core.db.models import Skp
    from kinerja_desktop.core.documents import opsi_kantor, skp_pdf
    from kinerja_desktop.core.services import kantor
    from kinerja_desktop.core.services.skp import read as skp_baca

    impor = time.perf_counter() - awal
    ws, actor = _buka(folder)
    with ws.read() as s:
        skp_ids = list(s.scalars(select(Skp.id).where(Skp.status == "disetujui").order_by(Skp.id).limit(11)))
        opsi = opsi_kantor(kantor.get_kantor(s), date.today(), kantor.get_logo(s))
        mulai = time.perf_counter()
        detail = skp_baca.get_skp(s, actor, skp_ids[0])
        skp_pdf(detail, opsi)
        pertama = time.perf_counter() - mulai
        lagi = []
        for skp_id in skp_ids[1:]:
            mulai = time.perf_counter()
            skp_pdf(skp_baca.get_skp(s, actor, skp_id), opsi)
            lagi.append(time.perf_counter() - mulai)
    ws.close()
    return {"impor_s": impor, "pertama_s": pertama, "median_s": statistics.median(lagi), "maks_s": max(lagi)}


def _jalankan(*argumen: str) -> dict[str, float]:
    proses = subprocess.run([sys.executable, __file__, *argumen], capture_output=True, text=True)
    if proses.returncode != 0:
        sys.exit(f"pengukuran {' '.join(argumen[:2])} gagal:\n{proses.stderr}")
    return dict(json.loads(proses.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--jumlah", type=int, default=1000)
    parser.add_argument("--anak", choices=["massal", "aliran", "skp"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anak:
        folder = Path(args.folder)
        if args.anak == "massal":
            hasil = anak_massal(folder, args.jumlah)
        elif args.anak == "aliran":
            hasil = anak_aliran(folder, args.jumlah)
        else:
            hasil = anak_skp(folder)
        print(json.dumps(hasil))
        return
    folder = demo_folder(args.pegawai)
    m = _jalankan("--anak", "massal", "--folder", str(folder), "--jumlah", str(args.jumlah))
    per_detik = m["jumlah"] / m["cetak_s"]
    print(
        f"Memuat {m['jumlah']:.0f} formulir evaluasi (get_evaluasi_form_by_id): {m['muat_s']:.1f} s "
        f"({m['jumlah'] / m['muat_s']:.0f}/s)"
    )
    print(
        f"Cetak massal {m['jumlah']:.0f} Dokumen Evaluasi ke satu PDF: {m['cetak_s']:.1f} s, "
        f"{per_detik:.0f} dokumen/s ({'OK' if per_detik >= 50 else 'KURANG dari 50/s'}), "
        f"{m['kb'] / 1024:.1f} MB"
    )
    print(
        f"Memori puncak proses: {m['rss_puncak_mb']:.0f} MB (setelah memuat data {m['rss_data_mb']:.0f} MB) "
        f"({'OK' if m['rss_puncak_mb'] <= 300 else 'LEBIH dari 300 MB'})"
    )
    a = _jalankan("--anak", "aliran", "--folder", str(folder), "--jumlah", str(args.jumlah))
    print(
        f"Muat-dan-cetak bergantian {a['jumlah']:.0f} Dokumen Evaluasi (formulir dimuat saat dicetak): "
        f"{a['total_s']:.1f} s, {a['jumlah'] / a['total_s']:.0f} dokumen/s, "
        f"memori puncak {a['rss_puncak_mb']:.0f} MB"
    )
    s = _jalankan("--anak", "skp", "--folder", str(folder))
    pertama = s["impor_s"] + s["pertama_s"]
    print(
        f"Pratinjau SKP pertama dalam proses baru: {pertama * 1000:.0f} ms "
        f"({'OK' if pertama <= 1 else 'LEBIH dari 1 s'}) = impor paket dokumen {s['impor_s'] * 1000:.0f} ms "
        f"+ muat dan cetak SKP dengan lampiran {s['pertama_s'] * 1000:.0f} ms"
    )
    median, maks = s["median_s"] * 1000, s["maks_s"] * 1000
    print(f"SKP berikutnya (muat + cetak): median {median:.0f} ms (maks {maks:.0f} ms)")


if __name__ == "__main__":
    main()
