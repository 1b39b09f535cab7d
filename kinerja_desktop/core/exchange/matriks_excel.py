"""Matriks peran hasil of a unit as an Excel workbook: the cascade, and the RHKs that support nothing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.session import log_event
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.xlsx_file import save_workbook
from kinerja_desktop.core.model.skp import JenisRhk
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.matriks import MatriksPeranHasil, matriks_peran_hasil

LEMBAR_MATRIKS = "Matriks Peran Hasil"
LEMBAR_TANPA_INDUK = "Tidak mendukung"
LEMBAR_TANPA_SKP = "Atasan tanpa SKP"
#: (title, width) of the first sheet; the NIP column (index 4) is text.
KOLOM_MATRIKS = (
    ("Pemilik RHK atasan", 28),
    ("Jabatan", 30),
    ("RHK atasan", 55),
    ("Pegawai", 28),
    ("NIP", 21),
    ("Jabatan", 30),
    ("RHK yang mendukung", 55),
)
KOLOM_TANPA_INDUK = (
    ("Pegawai", 28),
    ("NIP", 21),
    ("Jabatan", 30),
    ("Jenis RHK", 11),
    ("RHK", 55),
    ("Keterangan", 45),
)
_FONT_JUDUL = Font(bold=True, color="FFFFFF")
_ISI_JUDUL = PatternFill("solid", fgColor="1F4E78")
_RATA_JUDUL = Alignment(vertical="center", wrap_text=True)
_RATA_ISI = Alignment(vertical="top", wrap_text=True)


def _jenis(jenis: str) -> str:
    return "Utama" if jenis == JenisRhk.UTAMA else "Tambahan"


class _Sheet:
    """One write-only sheet: styled header, frozen first row, filters, widths; text never a formula."""

    def __init__(self, wb: Workbook, title: str, kolom: Sequence[tuple[str, int]], jumlah: int) -> None:
        self.ws = wb.create_sheet(title)
        for i, (_judul, lebar) in enumerate(kolom, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = lebar
        self.ws.freeze_panes = "A2"
        self.ws.auto_filter.ref = f"A1:{get_column_letter(len(kolom))}{max(jumlah + 1, 2)}"
        header = []
        for judul, _lebar in kolom:
            cell = WriteOnlyCell(self.ws, value=judul)
            cell.font, cell.fill, cell.alignment = _FONT_JUDUL, _ISI_JUDUL, _RATA_JUDUL
            header.append(cell)
        self.ws.append(header)

    def teks(self, nilai: str) -> Any:
        nilai = ILLEGAL_CHARACTERS_RE.sub("", nilai)
        if not nilai:
            return None
        cell = WriteOnlyCell(self.ws, value=nilai)
        cell.data_type = "s"  # text stays text: "=…" is no formula, an 18-digit NIP no number
        cell.number_format = "@"
        cell.alignment = _RATA_ISI
        return cell

    def baris(self, nilai: Sequence[str]) -> None:
        self.ws.append([self.teks(v) for v in nilai])


def baris_matriks(data: MatriksPeranHasil) -> list[tuple[str, ...]]:
    """The first sheet's rows: one per supporting RHK; a superior RHK nobody supports gets one row."""
    rows: list[tuple[str, ...]] = []
    for b in data.baris:
        atasan = (b.nama, b.jabatan, b.teks)
        if not b.pendukung:
            rows.append((*atasan, "", "", "", ""))
        for p in b.pendukung:
            rows.append((*atasan, p.nama, p.nip, p.jabatan, p.teks))
    return rows


def baris_tanpa_induk(data: MatriksPeranHasil) -> list[tuple[str, ...]]:
    """The second sheet's rows: subordinates' RHKs that support no RHK of an approved superior SKP."""
    return [(p.nama, p.nip, p.jabatan, _jenis(p.jenis), p.teks, p.catatan) for p in data.tanpa_induk]


def write_matriks(data: MatriksPeranHasil, path: Path) -> int:
    """Write ``data`` to ``path``; returns the number of rows on the first sheet."""
    if not path.parent.is_dir():
        raise KnownError(
            f"Folder {path.parent} tidak ada.", saran="Pilih folder lain untuk menyimpan berkas."
        )
    rows, lepas = baris_matriks(data), baris_tanpa_induk(data)
    wb = Workbook(write_only=True)
    utama = _Sheet(wb, LEMBAR_MATRIKS, KOLOM_MATRIKS, len(rows))
    for row in rows:
        utama.baris(row)
    kedua = _Sheet(wb, LEMBAR_TANPA_INDUK, KOLOM_TANPA_INDUK, len(lepas))
    for row in lepas:
        kedua.baris(row)
    if data.atasan_tanpa_skp:
        ketiga = _Sheet(
            wb, LEMBAR_TANPA_SKP, (("Atasan tanpa SKP disetujui", 40),), len(data.atasan_tanpa_skp)
        )
        for nama in data.atasan_tanpa_skp:
            ketiga.baris((nama,))
    save_workbook(wb, path)
    return len(rows)


def export_matriks(session: Session, actor: Actor, unit_id: str, tahun: int, path: Path) -> int:
    """Export the matriks peran hasil of a unit (with its sub-units) for ``tahun``; returns the rows of
    the first sheet. Inside ``workspace.transaction`` the export is recorded in the audit log."""
    data = matriks_peran_hasil(session, actor, unit_id, tahun)
    jumlah = write_matriks(data, Path(path))
    log_event(
        session,
        "ekspor",
        f"Matriks peran hasil {data.unit_nama} {tahun} diekspor ke {Path(path).name}: {jumlah} baris.",
        tabel="rhk",
    )
    return jumlah
