"""A package in memory: its info and, per kind, the rows as typed values; and the package checksum."""

from __future__ import annotations

import hashlib
import json
from collections import namedtuple
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Self

#: Written in the Info sheet; a reader refuses another format and a newer version.
FORMAT_PAKET = "kinerja-desktop/paket"
VERSI_FORMAT = 1


class Baris(tuple[Any, ...]):
    """One row of a sheet: its typed values in the sheet's column order, each also readable by name.

    A package holds a million of these, so a row is a tuple (a third of a dict's size) of a class made
    per table by ``kelas_baris``: ``row.nip`` reads a column, ``row.get("nip")`` one named at run time,
    ``row.ganti(nip=...)`` makes a changed copy, and ``list(row)`` gives the values in column order.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _indeks: ClassVar[dict[str, int]] = {}

    def get(self, nama: str, bawaan: Any = None) -> Any:
        i = self._indeks.get(nama)
        return bawaan if i is None else tuple.__getitem__(self, i)

    def ganti(self, **nilai: Any) -> Self:
        """A copy with the named columns changed."""
        isi = list(self)
        for nama, v in nilai.items():
            isi[self._indeks[nama]] = v
        return tuple.__new__(type(self), isi)

    def sebagai_dict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self, strict=True))

    if TYPE_CHECKING:  # the columns are attributes made per table

        def __getattr__(self, nama: str) -> Any: ...


@cache
def kelas_baris(tabel: str, kolom: tuple[str, ...]) -> type[Baris]:
    """The row class of one table: a named tuple of its columns that is also a ``Baris``."""
    dasar = namedtuple(f"Baris_{tabel}", kolom)  # type: ignore[misc]
    indeks = {nama: i for i, nama in enumerate(kolom)}
    return type(f"Baris_{tabel}", (dasar, Baris), {"__slots__": (), "_indeks": indeks})


def make_baris(kelas: type[Baris], nilai: Any) -> Baris:
    """A row of ``kelas`` from its values in column order (no check of their number)."""
    return tuple.__new__(kelas, nilai)


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
    kunci_publik: str = ""  # the maker's Ed25519 public key ("": unsigned, made by an older version)
    tanda_tangan: str = ""  # its signature over the other fields (``paket.signature``)


@dataclass
class Paket:
    """Rows per table (in ``skema.URUTAN`` order); ``nomor`` keeps each row's sheet row for messages."""

    info: InfoPaket
    baris: dict[str, list[Baris]] = field(default_factory=dict)
    nomor: dict[str, Sequence[int]] = field(default_factory=dict)  # a range when no row was skipped
    siasn: list[dict[str, Any]] | None = None  # the SIASN sheet, when asked for (central only; not imported)


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
    isi = sorted(zip(baris._fields, baris, strict=True))
    return json.dumps({k: _kanonik(v) for k, v in isi}, ensure_ascii=False, default=str)


def checksum_paket(baris: dict[str, list[Baris]]) -> str:
    """SHA-256 over every row of every table, tables and rows in a fixed order (by table, then id)."""
    h = hashlib.sha256()
    for tabel in sorted(baris):
        h.update(tabel.encode())
        for row in sorted(baris[tabel], key=lambda r: str(r.get("id", ""))):
            h.update(sidik_baris(row).encode())
            h.update(b"\n")
    return h.hexdigest()
