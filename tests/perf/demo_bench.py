"""What the benchmarks share: the 15,000-pegawai demo office built once, and millisecond medians."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def demo_folder(jumlah: int) -> Path:
    """``<temp>/kinerja-bench-<jumlah>``, made once with ``python -m kinerja_desktop demo``."""
    folder = Path(tempfile.gettempdir()) / f"kinerja-bench-{jumlah}"
    if not (folder / "kinerja.sqlite3").exists():
        print(f"membuat data demo {jumlah} pegawai di {folder} …", flush=True)
        start = time.perf_counter()
        command = [sys.executable, "-m", "kinerja_desktop", "demo", "--pegawai", str(jumlah)]
        subprocess.run([*command, "--data-dir", str(folder)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        print(f"  selesai dalam {time.perf_counter() - start:.1f} s", flush=True)
    return folder


def ms(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def report(label: str, samples: list[float], target_ms: float | None = None) -> None:
    """One line: median, maximum and count, and whether the median meets ``target_ms``."""
    median = statistics.median(samples)
    verdict = (
        "" if target_ms is None else ("  OK" if median <= target_ms else f"  LEBIH dari {target_ms:.0f} ms")
    )
    print(
        f"{label:<46} median {median:8.1f} ms  (maks {max(samples):7.1f}, n={len(samples)}){verdict}",
        flush=True,
    )
