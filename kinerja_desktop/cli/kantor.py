"""The data-folder subcommands: ``init``, ``demo``, ``backup``, ``restore`` and ``info``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kinerja_desktop import __version__
from kinerja_desktop.cli.common import lock_folder, open_workspace, read_password, resolved_paths
from kinerja_desktop.cli.server import server_lines
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.rules.angka import format_angka

if TYPE_CHECKING:
    from kinerja_desktop.core.db.backup_info import BackupInfo
    from kinerja_desktop.core.paths import AppPaths


def add_kantor_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``init``, ``demo``, ``backup``, ``restore`` and ``info``."""
    p = sub.add_parser("init", parents=[common], help="siapkan folder data: identitas kantor dan akun admin")
    p.add_argument("--kantor", metavar="NAMA", help='nama kantor, mis. "Kecamatan Plaju" (wajib)')
    p.add_argument("--kode", metavar="KODE", help="kode kantor, mis. PLJ (wajib)")
    p.add_argument("--tempat", metavar="KOTA", help="tempat pada baris tanda tangan (wajib)")
    p.add_argument("--instansi", default="", metavar="NAMA", help='mis. "Pemerintah Kota Palembang"')
    p.add_argument("--alamat", default="", metavar="ALAMAT")
    p.add_argument("--pusat", action="store_true", help="folder data kantor pusat (BKPSDM)")
    p.add_argument(
        "--database-url",
        metavar="URL",
        help="kantor pusat di server PostgreSQL, "
        "mis. postgresql://kinerja:SANDI@db.bkpsdm.local:5432/kinerja; folder data mengingat servernya "
        "(kata sandi di keyring sistem); bila server sudah berisi data kantor, komputer ini ikut memakainya",
    )
    p.add_argument("--admin", metavar="USER", help="nama pengguna administrator (wajib)")
    p.add_argument("--kertas", choices=["F4", "A4"], default="F4")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", parents=[common], help="isi basis data kosong dengan kantor contoh")
    p.add_argument("--pegawai", type=int, default=40, metavar="N", help="jumlah pegawai (bawaan 40)")
    p.add_argument("--kantor", default="Kecamatan Plaju", metavar="NAMA")
    p.add_argument("--kode", default="PLJ", metavar="KODE")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="benih acak (hasil sama untuk S sama)")
    p.add_argument("--tahun", type=int, default=None, metavar="Y")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("backup", parents=[common], help="buat cadangan basis data sekarang")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="pulihkan basis data dari berkas cadangan (juga bila basis data sekarang tidak bisa dibuka)",
    )
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--yes", action="store_true", help="jangan tanya konfirmasi")
    p.add_argument(
        "--kantor-lain",
        action="store_true",
        help="izinkan cadangan milik kantor lain menggantikan data kantor di folder ini",
    )
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("info", parents=[common], help="tampilkan lokasi data, versi skema dan kantor")
    p.set_defaults(func=cmd_info)


def cmd_init(args: argparse.Namespace) -> int:
    from kinerja_desktop.cli import server
    from kinerja_desktop.core.model.kantor import KantorInput
    from kinerja_desktop.core.services import kantor

    settings = server.server_settings(args) if args.database_url else None
    with lock_folder(args, "init"):
        paths = resolved_paths(args)
        if settings is not None:
            server.refuse_local_office(paths)
            print(server.check_or_fail(settings))
            ws = open_workspace(args, paths, settings.url())
        else:
            ws = open_workspace(args)
        try:
            if ws.is_initialised():
                if settings is None:
                    raise KnownError(f"Folder data {ws.paths.data_dir} sudah disiapkan sebelumnya.")
                server.remember(paths, settings)  # a second staff PC of the central office
                print("Masuk dengan akun yang sudah ada di server itu.")
                return 0
            missing = [
                f"--{name}" for name in ("kantor", "kode", "tempat", "admin") if not getattr(args, name)
            ]
            if missing:
                raise KnownError(f"Untuk menyiapkan kantor, isi juga {', '.join(missing)}.")
            data = KantorInput(
                kode=args.kode,
                nama=args.kantor,
                tempat=args.tempat,
                instansi=args.instansi,
                alamat=args.alamat,
                is_pusat=args.pusat,
                kertas=args.kertas,
            )
            kantor.validate_kantor(data)
            password = read_password(f"Kata sandi untuk {args.admin}: ")
            with ws.transaction() as session:
                kantor.initialise(session, data, args.admin, password)
            if settings is not None:
                server.remember(paths, settings)
            jenis = "kantor pusat" if args.pusat else "kantor"
            print(
                f"Folder data siap di {ws.paths.data_dir} ({jenis} {args.kantor}, kode {data.kode.upper()})."
            )
            print(f"Masuk dengan nama pengguna '{args.admin.strip().lower()}'.")
        finally:
            ws.close()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.demo import generate_demo

    if args.pegawai < 5:
        raise KnownError("Jumlah pegawai demo minimal 5.")
    with lock_folder(args, "demo"):
        ws = open_workspace(args)
        try:
            result = generate_demo(
                ws,
                jumlah_pegawai=args.pegawai,
                kantor_nama=args.kantor,
                kantor_kode=args.kode,
                seed=args.seed,
                tahun=args.tahun,
            )
        finally:
            ws.close()
    print(f"Data demo dimuat ke {ws.paths.data_dir}:")
    for table, count in sorted(result.counts.items()):
        print(f"  {table:<22} {count:>8}")
    print("Akun demo (nama pengguna / kata sandi / peran):")
    for username, password, peran in result.akun:
        print(f"  {username:<12} {password:<14} {peran}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    try:
        if not ws.is_sqlite:
            print(f"Mencadangkan basis data di server {ws.server_label} dengan pg_dump…")
        path = ws.backup(reason="manual")
        print(f"Cadangan dibuat: {path}")
    finally:
        ws.close()
    return 0


def describe_backup(info: BackupInfo) -> list[str]:
    """The lines that say what a backup is, before the question whether to restore it."""
    from kinerja_desktop.core.storage import size_text

    pegawai = "-" if info.pegawai is None else str(info.pegawai)
    demo = " (DATA DEMO)" if info.demo else ""
    return [
        f"Cadangan       : {info.path}",
        f"Dibuat         : {info.dibuat:%d-%m-%Y %H:%M}   ({size_text(info.size)})",
        f"Kantor         : {info.kantor_text}{demo}",
        f"Pegawai        : {pegawai}",
        f"Skema          : {info.revision}",
    ]


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore without opening the database first: it may be the one that cannot be opened. A server
    database is opened (its archive restored with pg_restore, after a fresh pg_dump)."""
    from kinerja_desktop.core import recovery
    from kinerja_desktop.core.workspace import Workspace

    paths = resolved_paths(args)
    source: Path = args.file.expanduser().resolve()
    if _on_server(paths):
        return _restore_server(args, paths, source)
    with lock_folder(args, "pemulihan"):
        check = recovery.check_restore(paths, source)
        if not _confirmed(args, check, f"Basis data {paths.database}"):
            return 1
        result = recovery.restore_folder(paths, check, kantor_lain=args.kantor_lain)
        ws = Workspace.open(paths)  # brings an older backup to this version's schema
        try:
            ws.record_restore(result)
        finally:
            ws.close()
    print(f"Basis data dipulihkan dari {source.name}.")
    if result.safety is not None:
        rusak = " (basis data lama rusak; berkasnya disimpan apa adanya)" if result.damaged else ""
        print(f"Data sebelumnya disimpan di {result.safety}{rusak}.")
    return 0


def _on_server(paths: AppPaths) -> bool:
    from sqlalchemy import make_url

    from kinerja_desktop.core.server import settings as server

    return make_url(server.database_url(paths)).get_backend_name() != "sqlite"


def _confirmed(args: argparse.Namespace, check: Any, what: str, others: int = 0) -> bool:
    """Describe the backup, refuse another office's without --kantor-lain, ask YA (or take --yes)."""
    from kinerja_desktop.core import recovery

    for line in describe_backup(check.info):
        print(line)
    if check.other_kantor and not args.kantor_lain:
        refused = recovery.OtherKantorBackup(check)
        raise KnownError(
            refused.pesan,
            saran=f"{refused.saran} Bila memang itu yang diinginkan, tambahkan --kantor-lain.",
        )
    if others:
        print(f"Perhatian: {others} sambungan lain ke basis data ini masih terbuka (komputer lain).")
    if args.yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        raise KnownError(
            "Konfirmasi diperlukan. Basis data tidak diubah.",
            saran="Tambahkan --yes bila dijalankan tanpa terminal.",
        )
    print(f"{what} akan DIGANTI dengan isi cadangan ini.")
    print("Data saat ini disimpan dulu di folder cadangan secara otomatis.")
    if input("Ketik YA untuk melanjutkan: ").strip().upper() != "YA":
        print("Dibatalkan; tidak ada yang diubah.")
        return False
    return True


def _restore_server(args: argparse.Namespace, paths: AppPaths, source: Path) -> int:
    """``restore`` on a server database: check the archive, ask, dump what is there, pg_restore it."""
    with lock_folder(args, "pemulihan"):
        ws = open_workspace(args, paths)
        try:
            ws.server_tools().require()  # type: ignore[union-attr]
            print("Memeriksa arsip cadangan dengan pg_restore…")
            check = ws.check_restore(source)
            label = f"Basis data di server {ws.server_label}"
            if not _confirmed(args, check, label, ws.other_sessions()):
                return 1
            result = ws.restore(source, kantor_lain=args.kantor_lain, check=check)
        finally:
            ws.close()
    print(f"Basis data di server dipulihkan dari {source.name}.")
    if result.safety is not None:
        print(f"Data sebelumnya disimpan di {result.safety}.")
    print("Minta semua pengguna menutup Kinerja Desktop lalu membukanya dan masuk kembali.")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.recovery import OpenError
    from kinerja_desktop.core.services import kantor, kunci_kantor
    from kinerja_desktop.core.services.access import SYSTEM

    paths = resolved_paths(args)
    try:
        ws = open_workspace(args, paths)
    except OpenError as exc:
        return _info_unopened(paths, exc)
    try:
        print(f"Versi aplikasi : {__version__}")
        print(f"Folder data    : {ws.paths.data_dir}")
        if ws.is_sqlite:
            print(f"Basis data     : {ws.location}")
        else:
            print("Basis data     : server PostgreSQL")
            for line in server_lines(paths, ws.engine.url):
                print(line)
        print(f"Skema          : {ws.migration.revision_after}")
        if ws.migration.catatan:
            print(f"Catatan        : {ws.migration.catatan}")
        with ws.read() as session:
            kunci = None
            if kantor.is_initialised(session):
                info = kantor.get_kantor(session)
                demo = " (DATA DEMO)" if info.demo else ""
                print(f"Kantor         : {info.nama} [{info.kode}]{demo}")
                kunci = kunci_kantor.read_keys(session, SYSTEM)
            else:
                print("Kantor         : belum disiapkan (jalankan aplikasi atau 'init')")
        if ws.is_sqlite:
            _print_backups(ws)
        else:
            _print_server_backups(ws)
        if kunci is not None:
            print(f"Sidik kunci    : {kunci.sendiri.sidik if kunci.sendiri else 'belum ada'}")
            print("Kunci kantor lain (disimpan pada impor pertama; cocokkan sidiknya lewat telepon):")
            for k in kunci.mitra:
                print(f"  {k.sidik:<28} sejak {k.sejak_teks:<10}  {k.cara}")
            if not kunci.mitra:
                print("  belum ada")
    finally:
        ws.close()
    return 0


def _print_backups(ws: Any) -> None:
    last = ws.last_backup()
    print(f"Cadangan akhir : {last:%d-%m-%Y %H:%M}" if last else "Cadangan akhir : belum ada")
    copied = ws.last_copy_out()
    if copied is not None:
        print(f"Disalin keluar : {copied.waktu:%d-%m-%Y %H:%M} ke {copied.tujuan}")
    else:
        print("Disalin keluar : belum pernah")


def _print_server_backups(ws: Any) -> None:
    last = ws.last_backup()
    print(f"Cadangan akhir : {last:%d-%m-%Y %H:%M} (pg_dump)" if last else "Cadangan akhir : belum ada")
    tools = ws.server_tools()
    if tools.usable:
        print(f"pg_dump        : {tools.pg_dump.path} (versi {tools.pg_dump.major})")
    else:
        print(f"pg_dump        : tidak bisa dipakai. {tools.problem}")
        print(f"                 {tools.saran}")


def _info_unopened(paths: AppPaths, exc: KnownError) -> int:
    """``info`` on a folder whose database cannot be opened: why, and the backups to restore from."""
    from kinerja_desktop.core.db.backup import list_backups
    from kinerja_desktop.core.db.backup_info import read_backup_info
    from kinerja_desktop.core.storage import size_text

    print(f"Versi aplikasi : {__version__}")
    print(f"Folder data    : {paths.data_dir}")
    lines = server_lines(paths, None)
    if lines:
        print("Basis data     : server PostgreSQL — TIDAK BISA DIBUKA")
        for line in lines:
            print(line)
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return 1
    print(f"Basis data     : {paths.database} — TIDAK BISA DIBUKA")
    print(f"Kesalahan: {exc}", file=sys.stderr)
    found = list_backups(paths.backups)
    if found and getattr(exc, "restorable", False):
        print("Cadangan (terbaru di atas):")
        for path in found:
            info = read_backup_info(path)
            pegawai = f"{format_angka(info.pegawai)} pegawai" if info.pegawai is not None else ""
            keadaan = "" if info.usable else f"  TIDAK BISA DIPAKAI: {info.problem}"
            print(
                f"  {info.dibuat:%d-%m-%Y %H:%M}  {size_text(info.size):>9}  {info.kantor_text}  "
                f"{pegawai}  {path}{keadaan}"
            )
        print("Pulihkan dengan: kinerja-desktop restore BERKAS --yes")
    return 1
