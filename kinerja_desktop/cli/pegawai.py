"""The ``pegawai`` subcommands: the staff roster in Excel (export, blank template, import)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_workspace
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.rules.angka import format_angka


def add_pegawai_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``pegawai export|template|import`` to the main parser's subcommands."""
    p = sub.add_parser("pegawai", parents=[common], help="daftar pegawai di Excel: ekspor, templat, impor")
    aksi = p.add_subparsers(dest="pegawai_command", required=True)
    q = aksi.add_parser("export", parents=[common], help="ekspor daftar pegawai ke berkas .xlsx")
    q.add_argument("--out", required=True, type=Path, metavar="FILE", help="berkas .xlsx yang dibuat")
    q.add_argument(
        "--unit", metavar="JALUR", help='hanya unit ini dan sub-unitnya, mis. "Kecamatan Plaju / Sekretariat"'
    )
    q.add_argument("--status", choices=["aktif", "semua"], default="aktif", help="bawaan: aktif")
    q.set_defaults(func=cmd_pegawai_export)
    q = aksi.add_parser("template", parents=[common], help="buat templat .xlsx kosong untuk diisi")
    q.add_argument("--out", required=True, type=Path, metavar="FILE", help="berkas .xlsx yang dibuat")
    q.set_defaults(func=cmd_pegawai_template)
    q = aksi.add_parser("import", parents=[common], help="impor daftar pegawai dari berkas .xlsx")
    q.add_argument("file", metavar="FILE", type=Path)
    q.add_argument("--dry-run", action="store_true", help="tampilkan rencananya saja, jangan simpan apa pun")
    q.set_defaults(func=cmd_pegawai_import)


def cmd_pegawai_export(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.exchange.roster import export_roster
    from kinerja_desktop.core.exchange.roster.units import PetaUnit
    from kinerja_desktop.core.services import unit_kerja
    from kinerja_desktop.core.services.access import SYSTEM
    from kinerja_desktop.core.services.pegawai.records import list_pegawai

    out: Path = args.out.expanduser()
    ws = open_workspace(args)
    try:
        with ws.transaction(SYSTEM) as session:
            rows = None
            if args.unit or args.status == "aktif":
                rows = list_pegawai(session, SYSTEM, termasuk_nonaktif=args.status == "semua")
            if args.unit:
                unit = PetaUnit(session).find(args.unit)
                if unit.unit_id is None:
                    raise KnownError(unit.pesan or f"Unit kerja '{args.unit}' tidak ditemukan.")
                pilih = unit_kerja.subtree_ids(session, SYSTEM, unit.unit_id)
                rows = [r for r in rows or [] if r.unit_kerja_id in pilih]
            jumlah = export_roster(session, SYSTEM, out, rows)
        print(f"{format_angka(jumlah)} pegawai diekspor ke {out}.")
    finally:
        ws.close()
    return 0


def cmd_pegawai_template(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.exchange.roster import write_template
    from kinerja_desktop.core.services.access import SYSTEM

    out: Path = args.out.expanduser()
    ws = open_workspace(args)
    try:
        with ws.read() as session:
            write_template(session, SYSTEM, out)
        print(f"Templat daftar pegawai dibuat: {out}")
    finally:
        ws.close()
    return 0


def cmd_pegawai_import(args: argparse.Namespace) -> int:
    """Print the plan; exit 1 when the file has errors (nothing saved), else apply it unless --dry-run."""
    from kinerja_desktop.core.exchange.roster import apply_import, plan_import
    from kinerja_desktop.core.services.access import SYSTEM

    ws = open_workspace(args)
    try:
        with ws.read() as session:
            plan = plan_import(session, SYSTEM, args.file.expanduser())
        print("\n".join(plan.lines()))
        if not plan.ok:
            return 1
        if args.dry_run:
            print("Uji coba (--dry-run): tidak ada yang disimpan.")
            return 0
        if not plan.ada_perubahan:
            return 0
        hasil = apply_import(ws, SYSTEM, plan)
        print("\n".join(hasil.lines()))
    finally:
        ws.close()
    return 0
