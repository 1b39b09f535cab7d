"""Write a package workbook with openpyxl in write-only mode: Info, Petunjuk, one sheet per kind, SIASN."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.paket.labels import (
    LEMBAR_DAFTAR,
    LEMBAR_INFO,
    LEMBAR_PETUNJUK,
    LEMBAR_SIASN,
    sel_judul,
    write_info,
    write_petunjuk,
)
from kinerja_desktop.core.exchange.paket.model import Paket
from kinerja_desktop.core.exchange.paket.schema import Jenis, Kolom, TipeKolom, semua_jenis
from kinerja_desktop.core.exchange.paket.siasn import KOLOM_SIASN
from kinerja_desktop.core.exchange.paket.writer.cells import (
    MAKS_PANJANG_SEL,
    PaketDibatalkan,
    Sel,
    clean_text,
    clean_texts,
    row_converter,
)
from kinerja_desktop.core.exchange.paket.writer.choices import KOLOM_PILIHAN, daftar_pilihan
from kinerja_desktop.core.exchange.xlsx_file import AWAL_RUMUS, save_workbook
from kinerja_desktop.core.rules.angka import format_angka

__all__ = [
    "AWAL_RUMUS",
    "MAKS_BARIS_LEMBAR",
    "MAKS_PANJANG_SEL",
    "PaketDibatalkan",
    "Sel",
    "clean_text",
    "clean_texts",
    "row_converter",
    "write_paket",
]

Kemajuan = Callable[[int, int], bool]  # (done, total) → False to cancel
#: Excel's limit of rows per sheet (the header takes one).
MAKS_BARIS_LEMBAR = 1_048_575
_TEKS_PANJANG = {"nama", "teks", "uraian", "keterangan", "definisi", "jabatan", "umpan_balik"}
_SETIAP = 5000  # rows between progress reports


def _lebar(k: Kolom) -> float:
    if k.nama == "id" or k.nama.endswith("_id"):
        lebar = 38.0
    elif k.nama == "nip":
        lebar = 21.0
    elif k.tipe is TipeKolom.TEKS and k.nama in _TEKS_PANJANG:
        lebar = 45.0
    elif k.tipe in (TipeKolom.TEKS, TipeKolom.JSON):
        lebar = 20.0
    elif k.tipe is TipeKolom.WAKTU:
        lebar = 34.0
    elif k.tipe is TipeKolom.TANGGAL:
        lebar = 12.0
    else:
        lebar = 10.0
    return max(lebar, min(len(k.judul) + 3.0, 40.0))


def _rentang_daftar() -> dict[str, str]:
    """Each drop-down list's range on the hidden list sheet (written last)."""
    rentang = {}
    for i, (nama, isi) in enumerate(daftar_pilihan().items(), start=1):
        huruf = get_column_letter(i)
        rentang[nama] = f"'{LEMBAR_DAFTAR}'!${huruf}$2:${huruf}${len(isi) + 1}"
    return rentang


def _lembar_daftar(wb: Workbook) -> None:
    ws = wb.create_sheet(LEMBAR_DAFTAR)
    daftar = daftar_pilihan()
    nama = list(daftar)
    ws.append([sel_judul(ws, n) for n in nama])
    for i in range(max(len(v) for v in daftar.values())):
        ws.append([daftar[n][i] if i < len(daftar[n]) else None for n in nama])
    ws.sheet_state = "hidden"


def _tata_lembar(ws: Any, jenis: Jenis, jumlah: int, rentang: dict[str, str]) -> None:
    """Widths, text format, frozen header, filter, drop-downs and the grouped technical columns."""
    terakhir = max(jumlah + 1, 2)
    pertama_teknis = next(i for i, k in enumerate(jenis.kolom) if k.teknis) + 1
    for i, k in enumerate(jenis.kolom, start=1):
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = _lebar(k)
        if k.tipe in (TipeKolom.TEKS, TipeKolom.WAKTU, TipeKolom.JSON):
            dim.number_format = "@"  # what a person types in an empty cell stays text
        elif k.tipe is TipeKolom.TANGGAL:
            dim.number_format = "yyyy-mm-dd"
        daftar = KOLOM_PILIHAN.get((jenis.tabel, k.nama))
        if daftar is not None:
            dv = DataValidation(
                type="list",
                formula1=rentang[daftar],
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle=k.judul,
                error="Kode ini tidak ada di daftar pilihan; aplikasi memeriksanya saat impor.",
            )
            huruf = get_column_letter(i)
            dv.add(f"{huruf}2:{huruf}{terakhir}")
            ws.data_validations.append(dv)
    ws.column_dimensions.group(
        get_column_letter(pertama_teknis), get_column_letter(len(jenis.kolom)), outline_level=1, hidden=True
    )
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(jenis.kolom))}{terakhir}"


def _check_size(paket: Paket) -> None:
    for jenis in semua_jenis():
        n = len(paket.baris.get(jenis.tabel, []))
        if n > MAKS_BARIS_LEMBAR:
            raise KnownError(
                f"Lembar {jenis.lembar} akan berisi {format_angka(n)} baris; satu lembar Excel memuat paling "
                f"banyak {format_angka(MAKS_BARIS_LEMBAR)} baris data.",
                saran="Buat paket per tahun, bukan semua tahun sekaligus.",
            )


def _write_siasn(wb: Workbook, rows: list[dict[str, Any]]) -> None:
    ws = wb.create_sheet(LEMBAR_SIASN)
    sel = Sel(ws, LEMBAR_SIASN)
    for i, (_, judul) in enumerate(KOLOM_SIASN, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(14.0, min(len(judul) + 3.0, 40.0))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(KOLOM_SIASN))}{max(len(rows) + 1, 2)}"
    ws.append([sel_judul(ws, judul) for _, judul in KOLOM_SIASN])
    for row in rows:
        ws.append(
            [
                v if isinstance(v, int | float) else sel.teks(v, k)
                for k, v in ((k, row.get(k)) for k, _ in KOLOM_SIASN)
            ]
        )


def _buang(wb: Workbook) -> None:
    """Close and delete the temporary files of a workbook that will not be saved."""
    for ws in wb.worksheets:
        try:
            ws.close()
            ws._writer.cleanup()
        except Exception:  # best effort: the first error is the one to report
            pass


def write_paket(paket: Paket, path: Path, kemajuan: Kemajuan | None = None) -> None:
    """Write ``paket`` to ``path`` (atomically: beside it, then renamed); ``kemajuan`` False cancels."""
    path = Path(path)
    if not path.parent.is_dir():
        raise KnownError(f"Folder {path.parent} tidak ada.", saran="Pilih folder lain untuk menyimpan paket.")
    _check_size(paket)
    total = sum(len(v) for v in paket.baris.values())
    wb = Workbook(write_only=True)
    gc_aktif = gc.isenabled()
    gc.disable()  # a million new row lists would otherwise trigger many full collections: no cycles here
    try:
        write_info(wb.create_sheet(LEMBAR_INFO), paket.info)
        write_petunjuk(wb.create_sheet(LEMBAR_PETUNJUK))
        rentang = _rentang_daftar()
        selesai = 0
        for jenis in semua_jenis():
            rows = paket.baris.get(jenis.tabel, [])
            ws = wb.create_sheet(jenis.lembar)
            _tata_lembar(ws, jenis, len(rows), rentang)
            ws.append([sel_judul(ws, k.judul) for k in jenis.kolom])
            convert = row_converter(Sel(ws, jenis.lembar), jenis)
            for i, row in enumerate(rows, start=1):
                ws.append(convert(row))
                if i % _SETIAP == 0 and kemajuan is not None and not kemajuan(selesai + i, total):
                    raise PaketDibatalkan()
            selesai += len(rows)
            if kemajuan is not None and not kemajuan(selesai, total):
                raise PaketDibatalkan()
        if paket.siasn is not None:  # asked for: written with its headers even when empty
            _write_siasn(wb, paket.siasn)
        _lembar_daftar(wb)
    except BaseException:
        _buang(wb)
        raise
    finally:
        if gc_aktif:
            gc.enable()
    save_workbook(wb, path)
