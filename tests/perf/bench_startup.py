"""Start-up benchmark: process start → login window, and login → main window, on a large demo office.

Run:  QT_QPA_PLATFORM=offscreen python tests/perf/bench_startup.py [--pegawai 15000] [--runs 7]

The first run builds the demo database (``kinerja-desktop demo --pegawai N``) in the temp folder and
reuses it afterwards. Figures are medians of whole processes; a bare PySide6 window is measured in
the same run so the ratio holds on a noisy machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from demo_bench import demo_folder  # type: ignore[import-not-found]

BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv); w = QWidget(); w.show()\n"
    "QTimer.singleShot(0, app.quit); app.exec()\n"
)


def time_process(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def inner_login(folder: str) -> None:
    """Runs in a child process: time from pressing Masuk until the main window has painted its first page."""
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.app import build_app
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.ui.login import LoginDialog
    from kinerja_desktop.ui.main_window import MainWindow

    controller = build_app(AppPaths(Path(folder)))
    app = QApplication.instance()
    assert app is not None
    dialog = controller.window
    assert isinstance(dialog, LoginDialog)
    dialog.username.setText("admin")
    dialog.password.setText("admin123")
    app.processEvents()
    start = time.perf_counter()
    dialog.login_button.click()
    window = controller.window
    assert isinstance(window, MainWindow)
    window.repaint()
    app.processEvents()
    elapsed = time.perf_counter() - start
    print(f"{elapsed:.4f}")
    controller.workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--inner-login", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.inner_login:
        inner_login(args.inner_login)
        return

    folder = demo_folder(args.pegawai)
    smoke = [sys.executable, "-m", "kinerja_desktop", "--smoke", "--data-dir", str(folder)]
    bare = [sys.executable, "-c", BARE_WINDOW]
    time_process(smoke)  # warm-up (file cache)
    time_process(bare)
    bare_times, app_times, ratios, login_times = [], [], [], []
    for _ in range(args.runs):
        b = time_process(bare)
        a = time_process(smoke)
        bare_times.append(b)
        app_times.append(a)
        ratios.append(a / b)
        out = subprocess.run(
            [sys.executable, __file__, "--inner-login", str(folder)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        login_times.append(float(out.strip().splitlines()[-1]))

    def row(name: str, values: list[float], unit: str = "s", target: str = "") -> None:
        med = statistics.median(values)
        print(f"{name:<44} median {med:7.3f} {unit}  (min {min(values):.3f}, max {max(values):.3f}) {target}")

    python = sys.version.split()[0]
    print(f"\n{args.pegawai} pegawai, {args.runs} putaran, Python {python}, {os.cpu_count()} inti")
    row("jendela PySide6 kosong (proses utuh)", bare_times)
    row("mulai → jendela login (proses utuh --smoke)", app_times, target="target ≤ 1.0 s")
    row("rasio aplikasi / jendela kosong", ratios, unit="×")
    row("login → jendela utama tampil", login_times, target="target ≤ 0.5 s")


if __name__ == "__main__":
    main()
