"""Pictures of the real screens for the Panduan, taken on a demo office at 1366×768 (an office screen).

    QT_QPA_PLATFORM=offscreen python tests/tools/panduan_gambar.py [--out resources/panduan/gambar]

Builds a demo office in a temporary folder, logs in as the administrator, opens every page of the main
window (and the SKP editor and the evaluation form), and writes ``<nama>.png`` into the guide's picture
folder: a 256-colour palette of the screen's own colours, no dithering, so each file stays small (the
folder is shipped with the app). Run it again after a screen changes. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget

UKURAN = (1366, 768)
BATAS = 90 * 1024  # bytes a picture may take
ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "panduan" / "gambar"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _tunggu(detik: float = 0.0) -> None:
    """Let pending work finish; ``detik`` more for what Qt draws in a thread of its own (PDF pages)."""
    sampai = time.monotonic() + detik
    while True:
        for _ in range(8):
            QCoreApplication.processEvents()
        if time.monotonic() >= sampai:
            return
        time.sleep(0.05)


def palet(image: QImage, jumlah: int = 256) -> QImage:
    """The picture with its most used colours (a screen is mostly flat colour; the rest is text edges)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(rgb.constBits()).cast("I")  # type: ignore[arg-type]
    warna = [c for c, _ in Counter(pixels).most_common(jumlah)]
    return rgb.convertToFormat(
        QImage.Format.Format_Indexed8,
        warna,
        Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither,
    )


def simpan(widget: QWidget, path: Path, detik: float = 0.0) -> int:
    """Grab ``widget`` into ``path``; returns the file's size in bytes."""
    _tunggu(detik)
    status_db = getattr(widget, "status_db", None)
    if isinstance(status_db, QLabel):  # not the temporary folder of this run
        status_db.setText("Basis data: C:\\Users\\operator\\AppData\\Local\\kinerja-desktop\\kinerja.sqlite3")
    grabbed = widget.grab().toImage()
    for jumlah in (256, 128, 64):  # fewer colours only where a busy screen would pass the size wished
        palet(grabbed, jumlah).save(str(path), "PNG", 0)
        if path.stat().st_size <= BATAS:
            break
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=FOLDER, help="folder for the PNG files")
    parser.add_argument("--pegawai", type=int, default=40, help="size of the demo office")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))  # this checkout's package, also when run as a script
    from kinerja_desktop.core.demo import generate_demo
    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.workspace import Workspace
    from kinerja_desktop.ui.common.tasks import TaskRunner
    from kinerja_desktop.ui.main_window import MainWindow
    from kinerja_desktop.ui.penilaian.form import EvaluasiDialog
    from kinerja_desktop.ui.penilaian.page import PenilaianPage
    from kinerja_desktop.ui.printing.actions import pratinjau_skp
    from kinerja_desktop.ui.realisasi.page import RealisasiPage
    from kinerja_desktop.ui.skp.page import SkpPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    TaskRunner.synchronous = True  # background reads finish before the picture is taken
    folder = Path(tempfile.mkdtemp(prefix="kinerja-panduan-")) / "data"
    ws = Workspace.open(AppPaths(folder))
    generate_demo(ws, jumlah_pegawai=args.pegawai)
    args.out.mkdir(parents=True, exist_ok=True)
    sizes: dict[str, int] = {}

    window = MainWindow(ws, ws.login("admin", "admin123"))
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.show()
    window.resize(*UKURAN)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        name = _slug(window.nav.item(row).text())
        sizes[name] = simpan(window, args.out / f"{name}.png")

    skp_page = window.open_page(SkpPage)
    if isinstance(skp_page, SkpPage):
        skp_id = next((r.skp_id for r in skp_page.model.rows if r.skp_id), None)
        if skp_id:
            skp_page.open_skp(skp_id)
            sizes["skp-editor"] = simpan(window, args.out / "skp-editor.png")
            skp_page.editor.closed.emit()
            pratinjau = pratinjau_skp(window.ctx, window, skp_id)
            if pratinjau is not None:
                pratinjau.resize(UKURAN[0], UKURAN[1] - 40)  # the print preview fits above a taskbar
                sizes["pratinjau-cetak"] = simpan(pratinjau, args.out / "pratinjau-cetak.png", 2.0)
                pratinjau.close()

    nilai = window.open_page(PenilaianPage)
    if isinstance(nilai, PenilaianPage):
        _tunggu()
        kode = nilai.pilihan.value().kode
        siap = [r for r in nilai.model.rows if r.skp_id and r.penilai_id]
        baris = next((r for r in siap if r.ada_realisasi), siap[0] if siap else None)
        if baris is not None and baris.skp_id:
            form = EvaluasiDialog(window.ctx, baris.skp_id, kode, window)
            form.show()
            form.resize(*UKURAN)
            sizes["formulir-evaluasi"] = simpan(form, args.out / "formulir-evaluasi.png")
            form.close()
            realisasi = window.open_page(RealisasiPage)
            if isinstance(realisasi, RealisasiPage):
                realisasi.select_pegawai(baris.pegawai_id, None, kode)
                sizes["realisasi"] = simpan(window, args.out / "realisasi.png")

    window.close()
    ws.close()
    for name, size in sizes.items():
        print(f"{name:24} {size / 1024:6.1f} KB")
    print(f"{len(sizes)} gambar, {sum(sizes.values()) / 1024:.0f} KB, di {args.out}")
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
