"""The ``kunci`` subcommand: an administrator accepts a new signing key for a partner office."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import ask_password, open_workspace


def add_kunci_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``kunci terima --kantor KODE --paket FILE --alasan TEKS --admin USER``."""
    p = sub.add_parser(
        "kunci",
        parents=[common],
        help="kunci tanda tangan paket kantor lain (sidik kunci tampil pada 'info')",
        description="Kunci tanda tangan paket: kunci sebuah kantor disimpan pada impor pertama darinya; "
        "paket berikutnya dengan kunci lain ditolak sampai administrator menerima kunci barunya.",
    )
    kunci = p.add_subparsers(dest="kunci_command", metavar="PERINTAH", required=True)
    t = kunci.add_parser(
        "terima",
        parents=[common],
        help="terima kunci baru sebuah kantor (komputernya dipasang ulang) dari paketnya, dengan alasan",
        description="Cocokkan dulu sidik kunci pada paket dengan kantor pengirimnya lewat telepon. Kata "
        "sandi administrator ditanyakan di terminal, atau dibaca dari KINERJA_PASSWORD bila tidak ada "
        "terminal. Penerimaan kunci dicatat di log audit bersama alasannya.",
    )
    t.add_argument("--kantor", required=True, metavar="KODE", help="kode kantor yang kuncinya berganti")
    t.add_argument(
        "--paket", required=True, type=Path, metavar="FILE.xlsx", help="paket baru dari kantor itu"
    )
    t.add_argument("--alasan", required=True, metavar="TEKS", help="mengapa kunci baru diterima (log audit)")
    t.add_argument("--admin", required=True, metavar="USER", help="nama pengguna administrator")
    t.set_defaults(func=cmd_terima)


def cmd_terima(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.exchange.actions import accept_key, read_key

    ws = open_workspace(args)
    try:
        actor = ws.login(args.admin, ask_password(f"Kata sandi {args.admin}: "))
        dari = read_key(ws, actor, args.paket.expanduser(), args.kantor)
        lama = dari.tersimpan.sidik if dari.tersimpan is not None else "belum ada"
        print(f"Paket {dari.path.name} dari {dari.kantor}.")
        print(f"  kunci tersimpan   : {lama}")
        print(f"  kunci pada paket  : {dari.kunci.sidik}")
        with ws.transaction(actor) as session:
            baru = accept_key(session, actor, dari, args.alasan)
        print(f"Kunci baru kantor {baru.kode} diterima ({baru.sidik}) dan dicatat di log audit.")
        print("Impor lagi paket dari kantor itu dengan 'kinerja-desktop import'.")
    finally:
        ws.close()
    return 0
