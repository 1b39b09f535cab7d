"""Screenshots of every page of the main window, as a person with a given role sees it, to look at by eye.

    QT_QPA_PLATFORM=offscreen python tests/tools/screenshots.py --out /tmp/layar [--pegawai 40]
        [--ukuran 1366x768 --ukuran 1920x1080] [--akun admin --akun penilai] [--halaman beranda] [--kecil]

Builds a demo office in a temporary folder (or opens ``--data-dir``), logs in with each demo account,
opens every page its role may see in the real main window at each screen size, lets background reads
finish, and writes ``<akun>-<ukuran>-<nn>-<halaman>.png``. ``--halaman`` keeps only the pages so named;
``--kecil`` writes the small palette PNGs of the guide's pictures, with the data folder's path replaced
(the README's pictures in ``docs/`` are made so). Not part of the test suite: it asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

DEMO_PASSWORDS = {
    "admin": "admin123",
    "operator": "operator123",
    "penilai": "penilai123",
    "pimpinan": "pimpinan123",
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--data-dir", type=Path, help="an existing data folder (default: a new demo office)")
    parser.add_argument("--pegawai", type=int, default=40, help="size of the demo office")
    parser.add_argument("--ukuran", action="append", help="screen size WxH (default 1366x768 and 1920x1080)")
    parser.add_argument("--akun", action="append", help="demo account (default: every demo account)")
    parser.add_argument("--halaman", action="append", help="only this page (its name, e.g. beranda)")
    parser.add_argument("--kecil", action="store_true", help="small palette PNGs, as for docs/")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.core.demo import generate_demo
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.workspace import Workspace
    from kinerja_desktop.ui.common.tasks import TaskRunner
    from kinerja_desktop.ui.main_window import MainWindow

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from panduan_gambar import simpan

    app = QApplication.instance() or QApplication(sys.argv[:1])
    TaskRunner.synchronous = True  # background reads finish before the picture is taken
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="kinerja-layar-")) / "data"
    ws = Workspace.open(AppPaths(folder))
    if not args.data_dir:
        generate_demo(ws, jumlah_pegawai=args.pegawai)
    sizes = [tuple(int(n) for n in s.split("x")) for s in (args.ukuran or ["1366x768", "1920x1080"])]
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for username in args.akun or list(DEMO_PASSWORDS):
        actor = ws.login(username, DEMO_PASSWORDS.get(username, ""))
        for width, height in sizes:
            window = MainWindow(ws, actor)
            window.resize(width, height)
            window.show()
            for row in range(window.nav.count()):
                window.nav.setCurrentRow(row)
                for _ in range(5):
                    QCoreApplication.processEvents()
                title = window.nav.item(row).text()
                if args.halaman and _slug(title) not in args.halaman:
                    continue
                path = args.out / f"{username}-{width}x{height}-{row:02d}-{_slug(title)}.png"
                if args.kecil:
                    simpan(window, path)
                else:
                    window.grab().save(str(path))
                written += 1
            window.close()
            window.deleteLater()
            QCoreApplication.processEvents()
    ws.close()
    print(f"{written} gambar ditulis ke {args.out}")
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
