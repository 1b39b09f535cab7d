"""The ``cetak`` subcommand: the printed forms of a pegawai, a unit or the whole office as one PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.common import open_workspace
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.rules.angka import format_angka

JENIS = ("skp", "evaluasi", "dokumen-evaluasi", "konversi-ak", "rekap")
_BATAS_DAFTAR = 15
_PERAN = (
    ("pegawai", "pegawai yang dinilai"),
    ("penilai", "pejabat penilai"),
    ("atasan", "atasan pejabat penilai"),
)


def _awalan(teks: str) -> str:
    """'plt', 'Plt.', 'PLH' … → "Plt." or "Plh." (what forms write before a signer's jabatan)."""
    kunci = teks.strip().rstrip(".").casefold()
    if not kunci:
        return ""
    if kunci in ("plt", "plh"):
        return kunci.capitalize() + "."
    raise argparse.ArgumentTypeError(f"awalan '{teks}' tidak dikenal; pakai Plt atau Plh")


def add_cetak_command(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``cetak KIND --tahun Y [--periode P] [--unit U | --nip NIP] … --out FILE.pdf``."""
    p = sub.add_parser(
        "cetak",
        parents=[common],
        help="cetak formulir ke satu berkas PDF (per pegawai, unit kerja, atau seluruh kantor)",
        description="Tanpa --unit dan --nip: seluruh kantor. Urutan: unit kerja, lalu nama.",
    )
    p.add_argument("jenis", choices=JENIS, metavar="JENIS", help="salah satu dari: " + ", ".join(JENIS))
    p.add_argument("--tahun", type=int, required=True, metavar="Y", help="tahun SKP dan penilaian")
    p.add_argument("--periode", default="", metavar="P", help="TW1–TW4, B01–B12 atau AKHIR (selain skp)")
    siapa = p.add_mutually_exclusive_group()
    siapa.add_argument("--unit", metavar="U", help="kode, nama, atau jalur unit kerja (termasuk sub-unit)")
    siapa.add_argument("--nip", metavar="NIP", help="satu pegawai")
    p.add_argument("--kertas", choices=["F4", "A4"], help="bawaan: pengaturan kantor")
    p.add_argument(
        "--tanggal", metavar="TGL", help="tanggal tanda tangan, mis. 23/11/2026 (bawaan: hari ini)"
    )
    p.add_argument("--tempat", metavar="KOTA", help="tempat tanda tangan (bawaan: pengaturan kantor)")
    for peran, siapa in _PERAN:
        p.add_argument(
            f"--awalan-{peran}",
            type=_awalan,
            default="",
            metavar="PLT|PLH",
            help=f"Plt. atau Plh. di depan jabatan {siapa}",
        )
    p.add_argument(
        "--mengetahui",
        action="store_true",
        help="tambahkan blok \u201cMengetahui\u201d atasan pejabat penilai",
    )
    p.add_argument("--pangkat", action="store_true", help="pangkat di bawah nama penanda tangan")
    p.add_argument("--tanpa-kop", action="store_true", help="tanpa kop surat di atas formulir")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="berkas PDF yang dibuat")
    p.set_defaults(func=cmd_cetak)


def _kemajuan(aktif: bool) -> Any:
    def report(selesai: int, jumlah: int) -> bool:
        if aktif and jumlah > 1:
            print(f"\rMencetak {selesai}/{jumlah}…", end="" if selesai < jumlah else "\n", file=sys.stderr)
        return True

    return report


def cmd_cetak(args: argparse.Namespace) -> int:
    from kinerja_desktop.core.documents.files import save_pdf
    from kinerja_desktop.core.rules.periode import periode
    from kinerja_desktop.core.rules.tanggal import parse_tanggal
    from kinerja_desktop.core.services.access import SYSTEM
    from kinerja_desktop.core.services.printing.batch import (
        JenisCetak,
        Permintaan,
        list_printable,
        opsi_bawaan,
        render_daftar,
    )
    from kinerja_desktop.core.services.printing.lookup import find_pegawai_by_nip, find_unit

    jenis = JenisCetak(args.jenis)
    out: Path = args.out.expanduser()
    if out.suffix.lower() != ".pdf":
        raise KnownError(f"Nama berkas keluaran harus berakhiran .pdf (bukan '{out.name}').")
    if jenis.per_periode and not args.periode:
        raise KnownError(
            f"Periode wajib untuk {jenis.label}.", saran="Tambahkan --periode TW1 (atau B01, AKHIR)."
        )
    kode = periode(args.periode).kode if args.periode and jenis.per_periode else ""
    tanggal = parse_tanggal(args.tanggal) if args.tanggal else None
    ws = open_workspace(args)
    try:
        with ws.read() as session:
            unit_id = find_unit(session, SYSTEM, args.unit) if args.unit else None
            pegawai_id = find_pegawai_by_nip(session, SYSTEM, args.nip) if args.nip else None
            ubah: dict[str, object] = {}
            if args.kertas:
                ubah["kertas"] = args.kertas
            if args.tempat is not None:
                if not args.tempat.strip():
                    raise KnownError("Tempat tanda tangan tidak boleh kosong.")
                ubah["tempat"] = args.tempat.strip()
            for peran, _ in _PERAN:
                ubah[f"prefix_{peran}"] = getattr(args, f"awalan_{peran}")
            ubah |= {
                "tampilkan_mengetahui": args.mengetahui,
                "tampilkan_pangkat": args.pangkat,
                "cetak_kop": not args.tanpa_kop,
            }
            opsi = opsi_bawaan(session, tanggal, **ubah)
            daftar = list_printable(session, SYSTEM, Permintaan(jenis, args.tahun, kode, unit_id, pegawai_id))
            data = render_daftar(session, SYSTEM, daftar, opsi, _kemajuan(sys.stderr.isatty()))
        save_pdf(data, out)
    finally:
        ws.close()
    print(
        f"{format_angka(daftar.jumlah)} dokumen {jenis.label} ({daftar.judul}, kertas "
        f"{opsi.kertas}) disimpan ke {out}."
    )
    if daftar.dilewati:
        print(f"{format_angka(len(daftar.dilewati))} pegawai dilewati:")
        for d in daftar.dilewati[:_BATAS_DAFTAR]:
            print(f"  {d.nama} (NIP {d.nip}): {d.alasan}")
        if len(daftar.dilewati) > _BATAS_DAFTAR:
            print(f"  … dan {len(daftar.dilewati) - _BATAS_DAFTAR} lainnya.")
    return 0
