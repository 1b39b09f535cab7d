"""A package in memory: its info and, per kind, the rows as typed values; and the package checksum."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

#: Written in the Info sheet; a reader refuses another format and a newer version.
FORMAT_PAKET = "kinerja-desktop/paket"
VERSI_FORMAT = 1

Baris = dict[str, Any]  # one row: column name → typed value (str, int, Decimal, date, datetime, bool, …)


class JenisPaket(StrEnum):
    KANTOR = "kantor"  # office → central
    INDUK = "induk"  # central → office

    @property
    def label(self) -> str:
        return "Paket kantor" if self is JenisPaket.KANTOR else "Paket induk"


@dataclass(frozen=True)
class InfoPaket:
    """The Info sheet: what the package is, where and when it was made, and what it holds."""

    jenis: JenisPaket
    kantor_kode: str  # the office that made it (for a paket induk: the central office)
    kantor_nama: str
    tujuan_kode: str  # for a paket induk: the office it is for; else ""
    tahun: int | None  # None: everything
    dibuat_pada: datetime
    versi_aplikasi: str
    jumlah: dict[str, int]  # table → row count
    checksum: str
    format: str = FORMAT_PAKET
    versi_format: int = VERSI_FORMAT


@dataclass
class Paket:
    """Rows per table (in ``skema.URUTAN`` order); ``nomor`` keeps each row's sheet row for messages."""

    info: InfoPaket
    baris: dict[str, list[Baris]] = field(default_factory=dict)
    nomor: dict[str, list[int]] = field(default_factory=dict)
    siasn: list[Baris] | None = None  # the SIASN sheet, when asked for (central only; not imported)


def _kanonik(nilai: Any) -> Any:
    if isinstance(nilai, Decimal):
        return format(nilai.normalize(), "f")
    if isinstance(nilai, datetime):
        return nilai.isoformat(timespec="microseconds")
    if isinstance(nilai, date):
        return nilai.isoformat()
    if isinstance(nilai, (dict, list)):
        return json.dumps(nilai, sort_keys=True, ensure_ascii=False)
    return nilai


def sidik_baris(baris: Baris) -> str:
    """A stable text of one row's values (the same whether it came from the database or a workbook)."""
    return json.dumps({k: _kanonik(v) for k, v in sorted(baris.items())}, ensure_ascii=False, default=str)


def checksum_paket(baris: dict[str, list[Baris]]) -> str:
    """SHA-256 over every row of every table, tables and rows in a fixed order (by table, then id)."""
    h = hashlib.sha256()
    for tabel in sorted(baris):
        h.update(tabel.encode())
        for row in sorted(baris[tabel], key=lambda r: str(r.get("id", ""))):
            h.update(sidik_baris(row).encode())
            h.update(b"\n")
    return h.hexdigest()
