"""Recovery benchmark on a large demo office: backup, reading a backup, the change check at closing,
a copy to another folder and a restore of a damaged database.

Run:  TMPDIR=/some/own/folder python tests/perf/bench_recovery.py [--pegawai 15000] [--runs 3]

The demo database is built once in the temp folder (``demo_bench.demo_folder``) and copied to a
scratch folder, which the benchmark may damage and restore; it needs about six times the database's
size of free space.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from demo_bench import demo_folder, ms, report  # type: ignore[import-not-found]

from kinerja_desktop.core import recovery
from kinerja_desktop.core.db.backup_info import read_backup_info
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.storage import size_text
from kinerja_desktop.core.workspace import Workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pegawai", type=int, default=15000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    source = demo_folder(args.pegawai)
    scratch = Path(tempfile.mkdtemp(prefix="kinerja-bench-pemulihan-"))
    try:
        paths = AppPaths(scratch / "d")
        shutil.copytree(source, paths.data_dir)
        print(f"basis data: {size_text(paths.database.stat().st_size)}", flush=True)
        ws = Workspace.open(paths)
        made: list[Path] = []
        report(
            "cadangan (backup API + bukti)", [ms(lambda: made.append(ws.backup())) for _ in range(args.runs)]
        )
        report("cek perubahan saat menutup", [ms(ws.changed_since_backup) for _ in range(args.runs)])
        newest = made[-1]
        report("baca cadangan untuk daftar", [ms(lambda: read_backup_info(newest)) for _ in range(args.runs)])
        report(
            "baca cadangan + integrity_check",
            [ms(lambda: read_backup_info(newest, integrity=True)) for _ in range(args.runs)],
        )
        flash = scratch / "flashdisk"
        flash.mkdir()
        report("salin cadangan ke folder lain", [ms(lambda: ws.copy_backups_to(flash)) for _ in range(1)])
        ws.close()

        done: list[recovery.RestoreResult] = []

        def restore() -> None:
            done.append(recovery.restore_folder(paths, recovery.check_restore(paths, newest)))

        samples = []
        for _ in range(args.runs):
            with paths.database.open("r+b") as handle:
                handle.write(b"\x00rusak\x00" * 1024)
            samples.append(ms(restore))
            safety = done[-1].safety
            if safety is not None:
                safety.unlink()  # the damaged copy: not needed here
        report("pulihkan basis data rusak (cek + ganti)", samples)
        report("buka lagi sesudah pemulihan", [ms(lambda: Workspace.open(paths).close()) for _ in range(1)])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
