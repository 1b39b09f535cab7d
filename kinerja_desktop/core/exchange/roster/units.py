"""Unit paths ("Kecamatan Plaju / Seksi Pemerintahan"): from the unit tree, and back to a unit or new ones."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import UnitKerja
from kinerja_desktop.core.exchange.roster.columns import PEMISAH_UNIT
from kinerja_desktop.core.services.unit_kerja import root_unit_id
from kinerja_desktop.core.validation.unit import UNIT_KERJA

_PEMISAH = re.compile(r"\s+/\s+")
_SEKITAR_GARIS = re.compile(r"\s*/\s*")
PANJANG_NAMA_MAKS = UNIT_KERJA.text("nama").maks


def kunci_nama(nama: str) -> str:
    """A unit name as compared: spaces collapsed, case ignored."""
    return " ".join(nama.split()).casefold()


def kunci_jalur(teks: str) -> str:
    """A path as compared: also ignores the spaces around each slash."""
    return _SEKITAR_GARIS.sub("/", kunci_nama(teks))


def bagian_jalur(teks: str) -> list[str]:
    """The names in a typed path; only a slash with spaces on both sides separates two units."""
    return [" ".join(p.split()) for p in _PEMISAH.split(" ".join(teks.split()))]


@dataclass(frozen=True)
class HasilUnit:
    """Where a typed path leads: an existing unit, or the units to create (parents first), or a problem."""

    unit_id: str | None
    jalur: str
    baru: tuple[str, ...] = ()
    pesan: str | None = None


class PetaUnit:
    """Every unit of the office (closed ones too, so no twin is created) by id, path and name."""

    def __init__(self, session: Session, nama_kantor_lain: Iterable[str] = ()) -> None:
        self.root_id = root_unit_id(session)
        self._nama: dict[str, str] = {}
        self._induk: dict[str, str | None] = {}
        self._anak: dict[tuple[str, str], str] = {}
        self._per_jalur: dict[str, str] = {}
        self._per_nama: dict[str, list[str]] = {}
        self._jalur: dict[str, str] = {}
        self._ditutup: set[str] = set()
        rows = session.execute(
            select(UnitKerja.id, UnitKerja.nama, UnitKerja.induk_id, UnitKerja.ditutup_pada).where(
                UnitKerja.dihapus_pada.is_(None)
            )
        )
        for unit_id, nama, induk_id, ditutup in rows:
            self._nama[unit_id] = nama
            self._induk[unit_id] = induk_id
            if ditutup is not None:
                self._ditutup.add(unit_id)
        for unit_id in self._nama:
            self._register(unit_id)
        self._akar = {kunci_nama(self._nama[self.root_id])} | {
            kunci_nama(n) for n in nama_kantor_lain if n.strip()
        }

    def _register(self, unit_id: str) -> None:
        induk = self._induk[unit_id]
        nama = self._nama[unit_id]
        if induk is not None:
            self._anak[(induk, kunci_nama(nama))] = unit_id
        self._per_jalur[kunci_jalur(self.jalur(unit_id))] = unit_id
        self._per_nama.setdefault(kunci_nama(nama), []).append(unit_id)

    def add(self, unit_id: str, nama: str, induk_id: str) -> None:
        """Register a unit created after this map was built."""
        self._nama[unit_id] = nama
        self._induk[unit_id] = induk_id
        self._register(unit_id)

    def jalur(self, unit_id: str | None) -> str:
        """ "Kecamatan Plaju / Sekretariat / Subbagian Umum"; "" for None or an unknown id."""
        if unit_id is None or unit_id not in self._nama:
            return ""
        if unit_id not in self._jalur:
            bagian: list[str] = []
            cursor: str | None = unit_id
            seen: set[str] = set()
            while cursor is not None and cursor in self._nama and cursor not in seen:
                seen.add(cursor)
                bagian.append(self._nama[cursor])
                cursor = self._induk[cursor]
            self._jalur[unit_id] = PEMISAH_UNIT.join(reversed(bagian))
        return self._jalur[unit_id]

    def semua_jalur(self) -> list[str]:
        """Every open unit's path, sorted, for the template's drop-down list."""
        return sorted((self.jalur(u) for u in self._nama if u not in self._ditutup), key=str.casefold)

    def find(self, teks: str) -> HasilUnit:
        """Resolve a typed path: whole path, path below the office, a unique unit name, or new units."""
        kunci = kunci_jalur(teks)
        if not kunci:
            return HasilUnit(None, "")
        if kunci in self._per_jalur:
            unit_id = self._per_jalur[kunci]
            return HasilUnit(unit_id, self.jalur(unit_id))
        bagian = bagian_jalur(teks)
        if kunci_nama(bagian[0]) in self._akar:
            bagian = bagian[1:]
            if not bagian:
                return HasilUnit(self.root_id, self.jalur(self.root_id))
        kunci_root = kunci_jalur(self.jalur(self.root_id))
        relatif = kunci_jalur(PEMISAH_UNIT.join(bagian))
        if f"{kunci_root}/{relatif}" in self._per_jalur:
            unit_id = self._per_jalur[f"{kunci_root}/{relatif}"]
            return HasilUnit(unit_id, self.jalur(unit_id))
        if len(bagian) == 1:
            sama = self._per_nama.get(kunci_nama(bagian[0]), [])
            if len(sama) == 1:
                return HasilUnit(sama[0], self.jalur(sama[0]))
            if len(sama) > 1:
                pilihan = "; ".join(sorted(self.jalur(u) for u in sama))
                return HasilUnit(
                    None,
                    teks.strip(),
                    pesan=f"Ada {len(sama)} unit bernama '{bagian[0]}'. Tulis jalur lengkapnya, "
                    f"salah satu dari: {pilihan}.",
                )
        return self._rencana_baru(teks, bagian)

    def _rencana_baru(self, teks: str, bagian: list[str]) -> HasilUnit:
        for nama in bagian:
            if not nama or nama == "/":
                return HasilUnit(None, teks.strip(), pesan=f"Jalur unit '{teks.strip()}' memuat nama kosong.")
            if len(nama) > PANJANG_NAMA_MAKS:
                return HasilUnit(
                    None,
                    teks.strip(),
                    pesan=f"Nama unit '{nama[:40]}…' terlalu panjang (maksimal {PANJANG_NAMA_MAKS} huruf).",
                )
        cursor = self.root_id
        jalur = self.jalur(cursor)
        baru: list[str] = []
        for nama in bagian:
            anak = None if baru else self._anak.get((cursor, kunci_nama(nama)))
            if anak is not None:
                cursor = anak
                jalur = self.jalur(anak)
            else:
                jalur = f"{jalur}{PEMISAH_UNIT}{nama}"
                baru.append(jalur)
        return HasilUnit(None, jalur, tuple(baru))
