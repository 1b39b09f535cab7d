"""The ``export`` and ``import`` subcommands: office ↔ central packages, always a printed plan first."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_workspace
from kinerja_desktop.core.errors import KnownError, TidakPerlu

_PILIHAN = {"ours": "kami", "theirs": "mereka"}
#: What to do about each reason a file is held back (``Tertahan``), in terms of this command's options.
_PETUNJUK = {
    "galat": "Lihat kesalahan di atas; minta kantor pengirim memperbaiki datanya dan mengekspor ulang "
    "paketnya.",
    "checksum": "Paket yang diubah setelah diekspor tidak bisa diimpor; minta kantor pengirim mengekspor "
    "ulang paketnya.",
    "konflik": "Ulangi dengan --conflicts ours (pakai data di sini) atau --conflicts theirs (pakai data "
    "paket).",
}


def add_paket_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``export --out FILE [--tahun Y] [--induk --kantor KODE | --siasn]`` and ``import FILE...``."""
    p = sub.add_parser(
        "export",
        parents=[common],
        help="buat paket data (.xlsx) untuk dikirim ke kantor pusat, atau paket induk untuk satu kantor",
        description="Tanpa --induk: paket kantor berisi data kantor ini. Dengan --induk --kantor KODE (hanya "
        "di kantor pusat): paket induk untuk kantor itu.",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx", help="berkas paket yang dibuat")
    p.add_argument("--tahun", type=int, metavar="Y", help="hanya SKP dan penilaian tahun ini (bawaan: semua)")
    p.add_argument("--induk", action="store_true", help="paket induk dari kantor pusat (perlu --kantor)")
    p.add_argument("--kantor", metavar="KODE", help="kode kantor tujuan paket induk")
    p.add_argument(
        "--siasn",
        action="store_true",
        help="hanya di kantor pusat, tanpa --induk: sertakan lembar SIASN Kinerja Periodik (penilaian final "
        "semua kantor pada tahun --tahun, untuk diunggah ke SIASN; tidak ikut diimpor)",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import",
        parents=[common],
        help="impor paket data (.xlsx): rencana dulu, lalu disimpan setelah cadangan",
        description="Setiap berkas direncanakan dan diimpor sendiri-sendiri, berurutan. Keluar dengan kode 1 "
        "bila ada berkas yang tidak sah, ditolak, atau konfliknya belum diputuskan.",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="tampilkan rencananya saja, jangan simpan apa pun")
    p.add_argument(
        "--conflicts",
        choices=["ours", "theirs", "stop"],
        default="stop",
        help="konflik: ours = pakai data di sini, theirs = pakai data paket, stop = jangan impor (bawaan)",
    )
    p.add_argument(
        "--akui-checksum",
        action="store_true",
        help="tidak berlaku lagi: paket yang diubah setelah diekspor (tanda tangan atau checksum tidak "
        "cocok) selalu ditolak; minta kantor pengirim mengekspor ulang paketnya",
    )
    p.set_defaults(func=cmd_import)


def _kemajuan(aktif: bool) -> Any:
    def report(selesai: int, jumlah: int, label: str) -> None:
        if aktif and jumlah > 0:
            print(f"\r{label} {selesai}/{jumlah}   ", end="", file=sys.stderr, flush=True)

    return report


def cmd_export(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.exchange.actions import export_paket
    from kinerja_desktop.core.services.access import SYSTEM

    if args.induk != bool(args.kantor):
        print(
            "Kesalahan: --induk dan --kantor KODE dipakai bersama (paket induk untuk kantor itu).",
            file=sys.stderr,
        )
        return 2
    out: Path = args.out.expanduser()
    if out.suffix.lower() != ".xlsx":
        raise KnownError(f"Nama berkas paket harus berakhiran .xlsx (bukan '{out.name}').")
    ws = open_workspace(args)
    try:
        aktif = sys.stderr.isatty()
        hasil = export_paket(
            ws,
            SYSTEM,
            out,
            tahun=args.tahun,
            induk_untuk=args.kantor,
            siasn=args.siasn,
            kemajuan=_kemajuan(aktif),
        )
        if aktif:
            print(file=sys.stderr)
    finally:
        ws.close()
    print("\n".join(hasil.lines()))
    return 0


def _import_one(ws: Any, args: argparse.Namespace, path: Path, nomor: str) -> bool:
    """Plan (and unless --dry-run apply) one file; False when it was invalid, refused or left unresolved."""
    from kinerja_desktop.core.exchange.actions import import_file, plan_file
    from kinerja_desktop.core.exchange.report import teks_rencana
    from kinerja_desktop.core.services.access import SYSTEM

    nama = path.name
    print(f"== Berkas {nomor}: {path} ==")
    try:
        rb = plan_file(ws, SYSTEM, path, _kemajuan(sys.stderr.isatty()))
    except KnownError as exc:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        if isinstance(exc, TidakPerlu):  # nothing wrong, nothing to import
            print(f"{nama}: {exc}")
            return True
        print(f"{nama}: Kesalahan: {exc}")
        return False
    if sys.stderr.isatty():
        print(file=sys.stderr)
    rencana = rb.rencana
    print("\n".join(teks_rencana(rencana)))
    semua = _PILIHAN.get(args.conflicts)
    alasan = rencana.alasan_tertahan(semua=semua)  # type: ignore[arg-type]
    for a in alasan:
        print(f"{nama}: tidak diimpor: {a.pesan} {_PETUNJUK[a.jenis]}")
    if alasan:
        return False
    if args.dry_run:
        print(f"{nama}: uji coba (--dry-run): tidak ada yang disimpan.")
        return True
    if not rencana.ada_perubahan:
        print(f"{nama}: tidak ada yang berubah; tidak ada yang ditulis.")
        return True
    hasil = import_file(ws, SYSTEM, rb, semua=semua)  # type: ignore[arg-type]
    for line in hasil.lines():
        print(f"{nama}: {line}")
    return True


def cmd_import(args: argparse.Namespace) -> int:
    """Each file planned and applied in turn; exit 1 when any was invalid, refused or left unresolved."""

    files: list[Path] = [f.expanduser() for f in args.files]
    if args.akui_checksum:
        print(
            "Catatan: --akui-checksum tidak berlaku lagi. Paket yang diubah setelah diekspor selalu ditolak; "
            "yang bisa diimpor hanya paket yang diekspor ulang oleh kantor pengirimnya.",
            file=sys.stderr,
        )
    ws = open_workspace(args)
    gagal: list[str] = []
    try:
        for i, path in enumerate(files, start=1):
            if i > 1:
                print()
            if not _import_one(ws, args, path, f"{i}/{len(files)}"):
                gagal.append(path.name)
    finally:
        ws.close()
    if len(files) > 1:
        print()
        print(f"{len(files) - len(gagal)} dari {len(files)} berkas selesai.")
    if gagal:
        print(f"Belum diimpor: {', '.join(gagal)}.", file=sys.stderr)
        return 1
    return 0
