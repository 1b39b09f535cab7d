"""Write a package workbook with openpyxl in write-only mode: Info, Petunjuk, one sheet per kind, SIASN."""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.paket.model import Baris, Paket
from kinerja_desktop.core.exchange.paket.siasn import KOLOM_SIASN
from kinerja_desktop.core.exchange.paket.skema import Jenis, Kolom, TipeKolom, semua_jenis
from kinerja_desktop.core.exchange.paket.tulis_info import (
    LEMBAR_DAFTAR,
    LEMBAR_INFO,
    LEMBAR_PETUNJUK,
    LEMBAR_SIASN,
    sel_judul,
    tulis_info,
    tulis_petunjuk,
)
from kinerja_desktop.core.exchange.paket.tulis_pilihan import KOLOM_PILIHAN, daftar_pilihan
from kinerja_desktop.core.exchange.xlsx_file import save_workbook

Kemajuan = Callable[[int, int], bool]  # (done, total) → False to cancel

#: Excel's limits: rows per sheet (the header takes one) and characters per cell.
MAKS_BARIS_LEMBAR = 1_048_575
MAKS_PANJANG_SEL = 32_767
#: Text starting with one of these would be taken for a formula when a person edits the cell.
AWAL_RUMUS = ("=", "+", "-", "@")
#: Characters an xlsx (XML 1.0) cannot hold; ``bersihkan`` removes them before the checksum is taken.
KARAKTER_TERLARANG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: "_x0041_" in a cell's text is read by Excel (and calamine) as the escape of "A"; its "_" is escaped.
_GAYA_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_AWAL = frozenset(AWAL_RUMUS)
_MAKS_INGAT = 50_000
_TEKS_PANJANG = {"nama", "teks", "uraian", "keterangan", "definisi", "jabatan", "umpan_balik"}
_SETIAP = 5000  # rows between progress reports


class PaketDibatalkan(KnownError):
    """The user cancelled writing or reading a package; nothing was written or changed."""

    def __init__(self) -> None:
        super().__init__("Pembuatan atau pembacaan paket dibatalkan; tidak ada yang diubah.")


def bersihkan_teks(teks: str) -> str:
    """What a workbook can keep of a text: no XML-illegal characters, line ends as \\n."""
    if "\r" in teks:
        teks = teks.replace("\r\n", "\n").replace("\r", "\n")
    return KARAKTER_TERLARANG.sub("", teks)


def bersihkan(baris: dict[str, list[Baris]]) -> None:
    """Make every text value one a workbook carries unchanged (in place), so the checksum survives.

    XML-illegal characters go, line ends become \n, and a blank text (empty or only spaces, which a
    workbook cell does not keep) becomes "" in a required column and None in an optional one.
    """
    for tabel, rows in baris.items():
        jenis = next(j for j in semua_jenis() if j.tabel == tabel)
        teks = [(k.nama, "" if k.wajib else None) for k in jenis.kolom if k.tipe is TipeKolom.TEKS]
        for row in rows:
            for nama, kosong in teks:
                v = row.get(nama)
                if not isinstance(v, str):
                    continue
                if not v.strip() and v != kosong:
                    row[nama] = kosong
                elif KARAKTER_TERLARANG.search(v) or "\r" in v:
                    row[nama] = bersihkan_teks(v)


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


class _Sel:
    """Turns typed values into cells of one sheet; plain values where possible (the fast path)."""

    def __init__(self, ws: Any, lembar: str) -> None:
        self.ws = ws
        self.lembar = lembar
        self.baris: Baris = {}

    def teks(self, v: Any, judul: str) -> Any:
        if v is None or v == "":
            return None
        if not isinstance(v, str):
            v = str(v)
        if len(v) > MAKS_PANJANG_SEL:
            raise KnownError(
                f"Teks pada lembar {self.lembar}, kolom {judul} (ID {self.baris.get('id', '')}) panjangnya "
                f"{len(v):,} karakter; satu sel Excel memuat paling banyak {MAKS_PANJANG_SEL:,}.".replace(
                    ",", "."
                ),
                saran="Perpendek teks itu di aplikasi, lalu buat paketnya lagi.",
            )
        if "_x" in v:
            v = _GAYA_ESCAPE.sub("_x005F_", v)
        if v.startswith(AWAL_RUMUS):
            cell = WriteOnlyCell(self.ws, value=v)
            cell.data_type = "s"  # never a formula, whatever it starts with
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
            return cell
        return bersihkan_teks(v) if KARAKTER_TERLARANG.search(v) else v

    def desimal(self, v: Any, judul: str) -> Any:
        if v is None:
            return None
        d = v if isinstance(v, Decimal) else Decimal(str(v))
        normal = d.normalize()
        if len(normal.as_tuple().digits) <= 15 and d.is_finite():
            return float(d)  # Excel keeps 15 significant digits exactly
        return self.teks(format(normal, "f"), judul)

    def waktu(self, v: Any, judul: str) -> Any:
        if v is None:
            return None
        if isinstance(v, datetime):
            v = (v.replace(tzinfo=UTC) if v.tzinfo is None else v.astimezone(UTC)).isoformat(
                timespec="microseconds"
            )
        return self.teks(v, judul)

    def json(self, v: Any, judul: str) -> Any:
        if v is None:
            return None
        return self.teks(json.dumps(v, sort_keys=True, ensure_ascii=False), judul)


def _teks_cepat(sel: _Sel, judul: str) -> Callable[[Any], Any]:
    teks = sel.teks

    def ubah(v: Any) -> Any:
        # The common case: a printable text of a sane length that needs nothing done to it.
        biasa = type(v) is str and v and v[0] not in _AWAL and len(v) <= MAKS_PANJANG_SEL
        if biasa and v.isprintable() and "_x" not in v:
            return v
        return teks(v, judul)

    return ubah


def _diingat(f: Callable[[Any, str], Any], judul: str) -> Callable[[Any], Any]:
    """``f`` with its plain results remembered per value (a column repeats the same times and numbers)."""
    ingat: dict[Any, Any] = {}

    def ubah(v: Any) -> Any:
        hasil = ingat.get(v)
        if hasil is None:
            hasil = f(v, judul)
            if type(hasil) in (str, float) and len(ingat) < _MAKS_INGAT:
                ingat[v] = hasil
        return hasil

    return ubah


def _pengubah(sel: _Sel, k: Kolom) -> Callable[[Any], Any] | None:
    """The converter of one column; None when the value goes in as it is."""
    judul = k.judul
    if k.tipe is TipeKolom.TEKS:
        return _teks_cepat(sel, judul)
    if k.tipe is TipeKolom.DESIMAL:
        return _diingat(sel.desimal, judul)
    if k.tipe is TipeKolom.WAKTU:
        return _diingat(sel.waktu, judul)
    if k.tipe is TipeKolom.JSON:
        return lambda v: sel.json(v, judul)
    if k.tipe is TipeKolom.TANGGAL:
        return lambda v: v.date() if isinstance(v, datetime) else v
    return None  # BULAT, BOOLEAN


def pengubah_baris(sel: _Sel, jenis: Jenis) -> Callable[[Baris], list[Any]]:
    """A function turning one row into the list of cells ``ws.append`` takes."""
    ubah = [(k.nama, _pengubah(sel, k)) for k in jenis.kolom]

    def baris(row: Baris) -> list[Any]:
        sel.baris = row
        return [row.get(n) if f is None else f(row.get(n)) for n, f in ubah]

    return baris


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


def _periksa_ukuran(paket: Paket) -> None:
    for jenis in semua_jenis():
        n = len(paket.baris.get(jenis.tabel, []))
        if n > MAKS_BARIS_LEMBAR:
            raise KnownError(
                f"Lembar {jenis.lembar} akan berisi {n:,} baris; satu lembar Excel memuat paling banyak "
                f"{MAKS_BARIS_LEMBAR:,} baris data.".replace(",", "."),
                saran="Buat paket per tahun, bukan semua tahun sekaligus.",
            )


def _tulis_siasn(wb: Workbook, rows: list[Baris]) -> None:
    ws = wb.create_sheet(LEMBAR_SIASN)
    sel = _Sel(ws, LEMBAR_SIASN)
    for i, (_, judul) in enumerate(KOLOM_SIASN, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(14.0, min(len(judul) + 3.0, 40.0))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(KOLOM_SIASN))}{max(len(rows) + 1, 2)}"
    ws.append([sel_judul(ws, judul) for _, judul in KOLOM_SIASN])
    for row in rows:
        ws.append([v if isinstance(v, int | float) else sel.teks(v, k) for k, v in
                   ((k, row.get(k)) for k, _ in KOLOM_SIASN)])  # fmt: skip


def _buang(wb: Workbook) -> None:
    """Close and delete the temporary files of a workbook that will not be saved."""
    for ws in wb.worksheets:
        try:
            ws.close()
            ws._writer.cleanup()
        except Exception:  # best effort: the first error is the one to report
            pass


def tulis_paket(paket: Paket, path: Path, kemajuan: Kemajuan | None = None) -> None:
    """Write ``paket`` to ``path`` (atomically: beside it, then renamed); ``kemajuan`` False cancels."""
    path = Path(path)
    if not path.parent.is_dir():
        raise KnownError(f"Folder {path.parent} tidak ada.", saran="Pilih folder lain untuk menyimpan paket.")
    _periksa_ukuran(paket)
    total = sum(len(v) for v in paket.baris.values())
    wb = Workbook(write_only=True)
    gc_aktif = gc.isenabled()
    gc.disable()  # a million new row lists would otherwise trigger many full collections: no cycles here
    try:
        tulis_info(wb.create_sheet(LEMBAR_INFO), paket.info)
        tulis_petunjuk(wb.create_sheet(LEMBAR_PETUNJUK))
        rentang = _rentang_daftar()
        selesai = 0
        for jenis in semua_jenis():
            rows = paket.baris.get(jenis.tabel, [])
            ws = wb.create_sheet(jenis.lembar)
            _tata_lembar(ws, jenis, len(rows), rentang)
            ws.append([sel_judul(ws, k.judul) for k in jenis.kolom])
            ubah = pengubah_baris(_Sel(ws, jenis.lembar), jenis)
            for i, row in enumerate(rows, start=1):
                ws.append(ubah(row))
                if i % _SETIAP == 0 and kemajuan is not None and not kemajuan(selesai + i, total):
                    raise PaketDibatalkan()
            selesai += len(rows)
            if kemajuan is not None and not kemajuan(selesai, total):
                raise PaketDibatalkan()
        if paket.siasn:
            _tulis_siasn(wb, paket.siasn)
        _lembar_daftar(wb)
    except BaseException:
        _buang(wb)
        raise
    finally:
        if gc_aktif:
            gc.enable()
    save_workbook(wb, path)
