"""The SKP list: one line per active pegawai, with the year's SKP or "Belum ada SKP", and its filters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from PySide6.QtWidgets import QWidget

from kinerja_desktop.core.model.pegawai import PegawaiRow, StatusAktif
from kinerja_desktop.core.model.skp import SkpRow, StatusSkp
from kinerja_desktop.core.rules.nip import format_nip
from kinerja_desktop.core.search import haystack, matches, search_query
from kinerja_desktop.ui.common.table import Column, RowTableModel

BELUM = "belum"  # status filter code for pegawai without an SKP this year
BELUM_LABEL = "Belum ada SKP"


@dataclass(frozen=True)
class BarisSkp:
    """A line of the list: a pegawai and, when there is one, the current version of the year's SKP."""

    pegawai_id: str
    nama: str
    nip: str
    unit_id: str | None
    unit_nama: str
    skp_id: str | None = None
    versi: int = 0
    status: str = BELUM
    penilai: str = ""
    jumlah_rhk: int = 0
    atasan_id: str | None = None
    jabatan: str = ""

    @cached_property
    def kunci(self) -> str:
        """What a typed search looks in: name, NIP, jabatan and unit."""
        return haystack(self.nama, self.nip, self.jabatan, self.unit_nama)

    @property
    def status_label(self) -> str:
        return BELUM_LABEL if self.skp_id is None else StatusSkp(self.status).label


def merge_rows(skp_rows: Sequence[SkpRow], pegawai_rows: Sequence[PegawaiRow]) -> list[BarisSkp]:
    """SKP rows plus every active pegawai who has none this year (``list_pegawai`` order kept)."""
    ada = {r.pegawai_id for r in skp_rows}
    atasan = {p.id: p.atasan_id for p in pegawai_rows}
    rows = [
        BarisSkp(
            r.pegawai_id,
            r.nama,
            r.nip,
            r.unit_id,
            r.unit_nama,
            r.id,
            r.versi,
            r.status,
            r.pejabat_penilai_nama,
            r.jumlah_rhk,
            atasan.get(r.pegawai_id),
            r.jabatan,
        )
        for r in skp_rows
    ]
    for p in pegawai_rows:
        if p.id not in ada and p.status_aktif == StatusAktif.AKTIF.value:
            baris = BarisSkp(
                p.id,
                p.nama_lengkap,
                p.nip,
                p.unit_kerja_id,
                p.unit_nama,
                penilai=p.atasan_nama,
                atasan_id=p.atasan_id,
                jabatan=p.jabatan,
            )
            rows.append(baris)
    rows.sort(key=lambda r: (r.nama.lower(), r.nip))
    return rows


@dataclass(frozen=True)
class Saringan:
    teks: str = ""
    unit_ids: frozenset[str] | None = None
    status: str = ""
    bawahan_dari: str | None = None  # a pejabat penilai: only this pegawai and their direct subordinates

    def cocok(self, row: BarisSkp) -> bool:
        if self.bawahan_dari is not None and self.bawahan_dari not in (row.pegawai_id, row.atasan_id):
            return False
        if self.unit_ids is not None and row.unit_id not in self.unit_ids:
            return False
        if self.status and row.status != self.status:
            return False
        return matches(search_query(self.teks), row.kunci)


def _versi(row: BarisSkp) -> str:
    return str(row.versi) if row.skp_id else ""


class SkpListModel(RowTableModel):
    """Every line is kept in ``semua``; ``rows`` are those the current filter lets through."""

    columns = (
        Column("Pegawai", lambda r: r.nama),
        Column("NIP", lambda r: format_nip(r.nip), key=lambda r: r.nip),
        Column("Unit kerja", lambda r: r.unit_nama),
        Column("Versi", _versi, key=lambda r: r.versi, right=True),
        Column("Status", lambda r: r.status_label),
        Column("Pejabat penilai", lambda r: r.penilai),
        Column("RHK", lambda r: str(r.jumlah_rhk) if r.skp_id else "", lambda r: r.jumlah_rhk, right=True),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.semua: list[BarisSkp] = []
        self.saringan = Saringan()

    def dimmed(self, row: BarisSkp) -> bool:
        return row.skp_id is None

    def set_semua(self, rows: Sequence[BarisSkp]) -> None:
        self.semua = list(rows)
        self.set_rows([r for r in self.semua if self.saringan.cocok(r)])

    def set_saringan(self, saringan: Saringan) -> None:
        self.saringan = saringan
        self.set_rows([r for r in self.semua if saringan.cocok(r)])

    def row_of(self, pegawai_id: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.pegawai_id == pegawai_id), -1)
