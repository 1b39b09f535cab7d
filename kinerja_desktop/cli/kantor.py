"""The data-folder subcommands: ``init``, ``demo``, ``backup``, ``restore`` and ``info``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kinerja_desktop import __version__
from kinerja_desktop.cli.common import open_workspace, read_password
from kinerja_desktop.core.errors import KnownError


def add_kantor_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``init``, ``demo``, ``backup``, ``restore`` and ``info``."""
    p = sub.add_parser("init", parents=[common], help="siapkan folder data: identitas kantor dan akun admin")
    p.add_argument("--kantor", required=True, metavar="NAMA", help='nama kantor, mis. "Kecamatan Plaju"')
    p.add_argument("--kode", required=True, metavar="KODE", help="kode kantor, mis. PLJ")
    p.add_argument("--tempat", required=True, metavar="KOTA", help="tempat pada baris tanda tangan")
    p.add_argument("--instansi", default="", metavar="NAMA", help='mis. "Pemerintah Kota Palembang"')
    p.add_argument("--alamat", default="", metavar="ALAMAT")
    p.add_argument("--pusat", action="store_true", help="folder data kantor pusat (BKPSDM)")
    p.add_argument("--admin", required=True, metavar="USER", help="nama pengguna administrator")
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

    p = sub.add_parser("restore", parents=[common], help="pulihkan basis data dari berkas cadangan")
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--yes", action="store_true", help="jangan tanya konfirmasi")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("info", parents=[common], help="tampilkan lokasi data, versi skema dan kantor")
    p.set_defaults(func=cmd_info)


def cmd_init(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.model.kantor import KantorInput
    from kinerja_desktop.core.services import kantor

    ws = open_workspace(args)
    try:
        if ws.is_initialised():
            raise KnownError(f"Folder data {ws.paths.data_dir} sudah disiapkan sebelumnya.")
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
        jenis = "kantor pusat" if args.pusat else "kantor"
        print(f"Folder data siap di {ws.paths.data_dir} ({jenis} {args.kantor}, kode {data.kode.upper()}).")
        print(f"Masuk dengan nama pengguna '{args.admin.strip().lower()}'.")
    finally:
        ws.close()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.demo import generate_demo

    if args.pegawai < 5:
        raise KnownError("Jumlah pegawai demo minimal 5.")
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
        print(f"Data demo dimuat ke {ws.paths.data_dir}:")
        for table, count in sorted(result.counts.items()):
            print(f"  {table:<22} {count:>8}")
        print("Akun demo (nama pengguna / kata sandi / peran):")
        for username, password, peran in result.akun:
            print(f"  {username:<12} {password:<14} {peran}")
    finally:
        ws.close()
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    try:
        path = ws.backup(reason="manual")
        print(f"Cadangan dibuat: {path}")
    finally:
        ws.close()
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.db.backup import check_backup_file

    source: Path = args.file.expanduser().resolve()
    check_backup_file(source)
    ws = open_workspace(args)
    try:
        if not args.yes:
            if sys.stdin is None or not sys.stdin.isatty():
                raise KnownError(
                    "Konfirmasi diperlukan.", saran="Tambahkan --yes bila dijalankan tanpa terminal."
                )
            print(f"Basis data {ws.location} akan DIGANTI dengan isi {source.name}.")
            print("Data saat ini dicadangkan dulu secara otomatis.")
            if input("Ketik YA untuk melanjutkan: ").strip().upper() != "YA":
                print("Dibatalkan; tidak ada yang diubah.")
                return 1
        safety = ws.restore(source)
        print(f"Basis data dipulihkan dari {source.name}. Data sebelumnya disimpan di {safety}.")
    finally:
        ws.close()
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.services import kantor, kunci_kantor
    from kinerja_desktop.core.services.access import SYSTEM

    ws = open_workspace(args)
    try:
        print(f"Versi aplikasi : {__version__}")
        print(f"Folder data    : {ws.paths.data_dir}")
        print(f"Basis data     : {ws.location}")
        print(f"Skema          : {ws.migration.revision_after}")
        with ws.read() as session:
            kunci = None
            if kantor.is_initialised(session):
                info = kantor.get_kantor(session)
                demo = " (DATA DEMO)" if info.demo else ""
                print(f"Kantor         : {info.nama} [{info.kode}]{demo}")
                kunci = kunci_kantor.read_keys(session, SYSTEM)
            else:
                print("Kantor         : belum disiapkan (jalankan aplikasi atau 'init')")
        last = ws.last_backup()
        print(f"Cadangan akhir : {last:%d-%m-%Y %H:%M}" if last else "Cadangan akhir : belum ada")
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
