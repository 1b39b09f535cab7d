"""Command line: with no subcommand it opens the GUI; subcommands use the same core services."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from kinerja_desktop import APP_NAME, __version__
from kinerja_desktop.cli.cetak import add_cetak_command
from kinerja_desktop.cli.common import common_parser
from kinerja_desktop.cli.kantor import add_kantor_commands
from kinerja_desktop.cli.kunci import add_kunci_commands
from kinerja_desktop.cli.paket import add_paket_commands
from kinerja_desktop.cli.pegawai import add_pegawai_commands
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.storage import translate_failure


def build_parser() -> argparse.ArgumentParser:
    common = common_parser()
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        parents=[common],
        description="Kinerja Desktop: pengelolaan kinerja ASN (PermenPANRB 6/2022) tanpa internet.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--smoke", action="store_true", help="buka GUI, tunggu jendela pertama tampil, lalu keluar (uji)"
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")

    add_kantor_commands(sub, common)
    add_pegawai_commands(sub, common)
    add_cetak_command(sub, common)
    add_paket_commands(sub, common)
    add_kunci_commands(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kinerja-desktop`` executable."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    try:
        if func is None:
            from kinerja_desktop.app import main as gui_main

            return gui_main(data_dir=getattr(args, "data_dir", None), smoke=args.smoke)
        return func(args)
    except KnownError as exc:
        print(f"Kesalahan: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into a pager or `head` that stopped reading
        sys.stderr.close()
        return 0
    except Exception as exc:
        # A full disk, a read-only folder, a locked or damaged database: said plainly, no traceback.
        known = translate_failure(exc)
        if known is None:
            raise
        print(f"Kesalahan: {known}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
