"""Cells as python-calamine hands them over, turned into the typed values of a package column."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.exchange.paket.schema import Kolom, TipeKolom
from kinerja_desktop.core.exchange.roster.convert import NilaiSalah, nip
from kinerja_desktop.core.rules.angka import format_angka, parse_angka
from kinerja_desktop.core.rules.tanggal import parse_tanggal

#: Excel's own limit of characters in a cell; a longer text is not something a workbook should carry.
MAKS_PANJANG_SEL = 32_767
_EPOCH_EXCEL = date(1899, 12, 30)
_MAKS_BERSAMA = 20_000  # distinct values remembered per column
_BERSAMA = frozenset({float, date, datetime})  # cell types whose converted value is shared
_YA = {"ya", "true", "benar", "1", "y"}
_TIDAK = {"tidak", "false", "salah", "0", "t", "n"}

Pengubah = Callable[[Any], Any]
__all__ = ["MAKS_PANJANG_SEL", "SUDAH_DIBAGI", "NilaiSalah", "Pengubah", "Peringatan", "converter"]
#: Column types whose converter hands equal values over as one shared object (and JSON, shared too).
SUDAH_DIBAGI = frozenset({TipeKolom.DESIMAL, TipeKolom.TANGGAL, TipeKolom.WAKTU})


class Peringatan(Exception):
    """A cell read with a doubt worth telling (the value is still used): ``nilai`` and ``pesan``."""

    def __init__(self, nilai: Any, pesan: str) -> None:
        super().__init__(pesan)
        self.nilai = nilai
        self.pesan = pesan


def _angka_teks(v: float | int) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() and abs(v) < 1e16 else str(v)


def _jenis_sel(v: Any) -> str:
    if isinstance(v, bool):
        return "nilai benar/salah"
    if isinstance(v, datetime | date | time | timedelta):
        return "tanggal atau waktu"
    if isinstance(v, int | float):
        return f"angka ({_angka_teks(v)})"
    return "teks"


def _teks(k: Kolom) -> Pengubah:
    kosong = "" if k.wajib else None
    pengenal = k.nama == "id" or k.rujukan is not None
    adalah_nip = k.nama == "nip" or k.nama.endswith("_nip")

    def convert(v: Any) -> Any:
        if type(v) is str:
            if len(v) > MAKS_PANJANG_SEL:
                raise NilaiSalah(
                    f"Isinya {format_angka(len(v))} karakter, melebihi batas satu sel Excel "
                    f"({format_angka(MAKS_PANJANG_SEL)}); berkas ini tidak wajar. Minta paket baru dari "
                    "pengirimnya."
                )
            if not v:
                return kosong
            return v  # repeated values are shared once the rows are built (compact.Compactor)
        if v is None:
            return kosong
        if adalah_nip:
            nip(v, k.judul)  # raises the message that says the digits are probably lost
        if pengenal or isinstance(v, bool | datetime | date | time | timedelta):
            raise NilaiSalah(
                f"Berisi {_jenis_sel(v)}, seharusnya teks. Kembalikan isi aslinya dari paket asal."
            )
        if isinstance(v, float) and not math.isfinite(v):
            raise NilaiSalah("Berisi angka yang tidak sah; seharusnya teks.")
        teks = _angka_teks(v)
        raise Peringatan(
            teks, f"Tersimpan sebagai angka, dibaca sebagai teks '{teks}'. Periksa angka nol di depannya."
        )

    return convert


def _bulat(v: Any) -> int:
    if isinstance(v, bool):
        raise NilaiSalah("Berisi nilai benar/salah, seharusnya bilangan bulat.")
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str):
        try:
            angka = parse_angka(v)
        except ValidationError:
            pass
        else:
            if angka == angka.to_integral_value():
                return int(angka)
    raise NilaiSalah(f"Berisi {_jenis_sel(v)}, seharusnya bilangan bulat.")


def _desimal(v: Any) -> Decimal:
    if isinstance(v, bool):
        raise NilaiSalah("Berisi nilai benar/salah, seharusnya angka.")
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float) and math.isfinite(v):
        return Decimal(repr(v))
    if isinstance(v, str):
        try:
            return parse_angka(v)
        except ValidationError:
            pass
    raise NilaiSalah(f"Berisi {_jenis_sel(v)}, seharusnya angka (misalnya 1.500 atau 12,5).")


def _tanggal(v: Any) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, float | int) and not isinstance(v, bool) and 1 <= v < 2958466:
        return _EPOCH_EXCEL + timedelta(days=int(v))
    if isinstance(v, str):
        teks = v.strip().split("T")[0].split(" ")[0] if v[:4].isdigit() else v.strip()
        try:
            return parse_tanggal(teks)
        except ValidationError as exc:
            raise NilaiSalah(
                f"Tanggal '{v}' tidak terbaca: {exc.pesan} Tulis sebagai tanggal, misalnya 23/11/2026."
            ) from None
    raise NilaiSalah(f"Berisi {_jenis_sel(v)}, seharusnya tanggal.")


def _waktu(v: Any) -> datetime:
    if isinstance(v, datetime):
        return v.replace(tzinfo=UTC) if v.tzinfo is None else v.astimezone(UTC)
    if isinstance(v, str):
        try:
            w = datetime.fromisoformat(v.strip())
        except ValueError:
            raise NilaiSalah(
                f"Waktu '{v}' tidak terbaca; tulis seperti 2026-11-23T08:30:00+00:00 (UTC)."
            ) from None
        return w.replace(tzinfo=UTC) if w.tzinfo is None else w.astimezone(UTC)
    raise NilaiSalah(f"Berisi {_jenis_sel(v)}, seharusnya waktu UTC sebagai teks ISO 8601.")


def _boolean(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float) and v in (0, 1):
        return bool(v)
    if isinstance(v, str) and v.strip().casefold() in _YA | _TIDAK:
        return v.strip().casefold() in _YA
    raise NilaiSalah(f"Berisi {_jenis_sel(v)}, seharusnya TRUE/FALSE (Ya/Tidak).")


def _json(v: Any) -> Any:
    if not isinstance(v, str):
        raise NilaiSalah(f"Berisi {_jenis_sel(v)}, seharusnya teks JSON.")
    try:
        return json.loads(v)
    except ValueError:
        raise NilaiSalah(
            "Teks JSON-nya rusak (mungkin terpotong atau diubah). Kembalikan isi aslinya."
        ) from None


_LAIN: dict[TipeKolom, Callable[[Any], Any]] = {
    TipeKolom.BULAT: _bulat,
    TipeKolom.DESIMAL: _desimal,
    TipeKolom.TANGGAL: _tanggal,
    TipeKolom.WAKTU: _waktu,
    TipeKolom.BOOLEAN: _boolean,
    TipeKolom.JSON: _json,
}


def converter(k: Kolom) -> Pengubah:
    """The reader of one column: a cell → its typed value; raises NilaiSalah or Peringatan.

    Equal dates, times, numbers and JSON texts of a column share one object (a year of a big office
    repeats them hundreds of thousands of times; a snapshot of one pejabat penilai appears in every
    evaluation he signs), which keeps a read package smaller in memory. A package's values are never
    changed in place, so sharing a JSON dict is safe.
    """
    if k.tipe is TipeKolom.TEKS:
        return _teks(k)
    dasar = _LAIN[k.tipe]
    wajib = k.wajib
    bersama: dict[Any, Any] = {}

    def convert(v: Any) -> Any:
        jenis = type(v)
        dikenal = jenis in _BERSAMA or (jenis is str and 0 < len(v) <= 2000)
        if dikenal:
            hasil = bersama.get(v)
            if hasil is not None:
                return hasil
        if v == "" or v is None or (jenis is str and not v.strip()):
            if wajib:
                raise NilaiSalah("Wajib diisi, tetapi kosong.")
            return None
        if jenis is str and len(v) > MAKS_PANJANG_SEL:
            raise NilaiSalah(
                f"Isinya melebihi batas satu sel Excel ({format_angka(MAKS_PANJANG_SEL)} karakter)."
            )
        hasil = dasar(v)
        if dikenal and len(bersama) < _MAKS_BERSAMA:
            bersama[v] = hasil
        return hasil

    return convert
