"""Write the roster workbook (the staff list, or the blank template) with openpyxl in write-only mode."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop import APP_NAME, __version__
from kinerja_desktop.core.db.models import Pegawai
from kinerja_desktop.core.db.session import log_event
from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.roster import columns as c
from kinerja_desktop.core.exchange.roster.petunjuk import baris_petunjuk
from kinerja_desktop.core.exchange.roster.units import PetaUnit
from kinerja_desktop.core.exchange.xlsx_file import AWAL_RUMUS, save_workbook, text_cell
from kinerja_desktop.core.model.pegawai import PegawaiRow
from kinerja_desktop.core.rules.angka import format_angka
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor, Izin, require

BARIS_TEMPLAT = 2000
BARIS_CADANGAN_EKSPOR = 500
_FONT_JUDUL = Font(bold=True, color="FFFFFF")
_ISI_JUDUL = PatternFill("solid", fgColor="1F4E78")
_RATA_JUDUL = Alignment(vertical="center", wrap_text=True)
_FORMAT = {c.Jenis.KODE: "@", c.Jenis.TANGGAL: c.FORMAT_TANGGAL}
#: Drop-down lists: column kunci → its list on the hidden sheet (the unit list is added per office).
_PILIHAN = {
    "status_kepegawaian": c.pilihan_status,
    "golongan": c.pilihan_golongan,
    "jenis_kelamin": lambda: ["L", "P"],
    "jenis_jabatan": c.pilihan_jenis_jabatan,
    "jenjang_jabatan": c.pilihan_jenjang,
    "status_aktif": c.pilihan_status_aktif,
}


class _Sel:
    """Makes cells for one write-only sheet; text is always text, never a formula."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws

    def teks(self, nilai: str, fmt: str | None = None) -> Any:
        nilai = ILLEGAL_CHARACTERS_RE.sub("", nilai)
        if not nilai:
            return None  # an empty cell takes its column's format
        if fmt is None and not nilai.startswith(AWAL_RUMUS):
            return nilai
        cell = text_cell(self.ws, nilai)  # "=SUM(1)" typed as a name stays that text, quoted
        if fmt is not None:
            cell.number_format = fmt
        return cell

    def tanggal(self, nilai: date | None) -> Any:
        if nilai is None:
            return None
        cell = WriteOnlyCell(self.ws, value=nilai)
        cell.number_format = c.FORMAT_TANGGAL
        return cell

    def kosong(self, fmt: str) -> Any:
        cell = WriteOnlyCell(self.ws, value=None)
        cell.number_format = fmt
        return cell

    def judul(self, teks: str) -> Any:
        cell = WriteOnlyCell(self.ws, value=teks)
        cell.font, cell.fill, cell.alignment = _FONT_JUDUL, _ISI_JUDUL, _RATA_JUDUL
        return cell


def _baris(sel: _Sel, nilai: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    for k in c.KOLOM:
        v = nilai.get(k.kunci)
        if k.jenis is c.Jenis.TANGGAL:
            out.append(sel.tanggal(v if isinstance(v, date) else None))
        else:
            out.append(sel.teks("" if v is None else str(v), _FORMAT.get(k.jenis)))
    return out


def _baris_kosong(sel: _Sel) -> list[Any]:
    return [sel.kosong(_FORMAT[k.jenis]) if k.jenis in _FORMAT else None for k in c.KOLOM]


def _lembar_daftar(wb: Workbook, units: Sequence[str]) -> dict[str, str]:
    """The hidden sheet of drop-down lists; returns each column's list range."""
    ws = wb.create_sheet(c.LEMBAR_DAFTAR)
    daftar = {k: f() for k, f in _PILIHAN.items()} | {"unit_kerja": list(units)}
    kunci = list(daftar)
    sel = _Sel(ws)
    ws.append([c.KOLOM_PER_KUNCI[k].judul for k in kunci])
    for i in range(max(len(v) for v in daftar.values())):
        ws.append([sel.teks(daftar[k][i]) if i < len(daftar[k]) else None for k in kunci])
    ws.sheet_state = "hidden"
    rentang: dict[str, str] = {}
    for i, k in enumerate(kunci):
        if daftar[k]:
            huruf = c.huruf_kolom(i)
            rentang[k] = f"{c.LEMBAR_DAFTAR}!${huruf}$2:${huruf}${len(daftar[k]) + 1}"
    return rentang


def _validasi(ws: Any, rentang: dict[str, str], terakhir: int) -> None:
    for i, k in enumerate(c.KOLOM):
        if k.kunci not in rentang:
            continue
        dv = DataValidation(
            type="list",
            formula1=rentang[k.kunci],
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=k.judul,
            error="Nilai ini tidak ada di daftar pilihan. Periksa lagi; aplikasi memeriksanya saat impor.",
        )
        huruf = c.huruf_kolom(i)
        dv.add(f"{huruf}2:{huruf}{terakhir}")
        ws.data_validations.append(dv)


def _write_workbook(
    path: Path,
    isi: Iterable[dict[str, Any]],
    jumlah: int,
    cadangan: int,
    units: Sequence[str],
    meta: dict[str, str],
) -> None:
    if not path.parent.is_dir():
        raise KnownError(
            f"Folder {path.parent} tidak ada.", saran="Pilih folder lain untuk menyimpan berkas."
        )
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(c.LEMBAR_DATA)
    terakhir = jumlah + cadangan + 1
    for i, k in enumerate(c.KOLOM):
        dim = ws.column_dimensions[c.huruf_kolom(i)]
        dim.width = k.lebar
        if k.jenis in _FORMAT:
            dim.number_format = _FORMAT[k.jenis]
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{c.huruf_kolom(len(c.KOLOM) - 1)}{max(jumlah + 1, 2)}"
    rentang = _lembar_daftar(wb, units)
    _validasi(ws, rentang, terakhir)
    sel = _Sel(ws)
    ws.append([sel.judul(k.judul) for k in c.KOLOM])
    for nilai in isi:
        ws.append(_baris(sel, nilai))
    for _ in range(cadangan):
        ws.append(_baris_kosong(sel))
    _lembar_petunjuk(wb)
    penanda = wb.create_sheet(c.LEMBAR_PENANDA)
    for kunci, isi_meta in meta.items():
        penanda.append([kunci, _Sel(penanda).teks(isi_meta)])
    penanda.sheet_state = "hidden"
    save_workbook(wb, path)


def _lembar_petunjuk(wb: Workbook) -> None:
    ws = wb.create_sheet(c.LEMBAR_PETUNJUK)
    for huruf, lebar in (("A", 22), ("B", 90), ("C", 30)):
        ws.column_dimensions[huruf].width = lebar
    sel = _Sel(ws)
    for i, row in enumerate(baris_petunjuk()):
        if i == 0 or row in (["Kolom", "Isi", "Contoh"], ["Catatan"]):
            ws.append([sel.judul(t) for t in row])
        else:
            ws.append([sel.teks(t, "@" if j == 2 else None) for j, t in enumerate(row)])


def _meta(session: Session, isi: str, jumlah: int) -> dict[str, str]:
    info = kantor.get_kantor(session)
    return {
        "format": f"{c.FORMAT} v{c.VERSI}",
        "aplikasi": f"{APP_NAME} {__version__}",
        "kantor": info.nama,
        "kode_kantor": info.kode,
        "isi": isi,
        "jumlah_pegawai": str(jumlah),
        "dibuat": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


_KOLOM_DB = (
    Pegawai.id,
    Pegawai.nip,
    Pegawai.nama,
    Pegawai.gelar_depan,
    Pegawai.gelar_belakang,
    Pegawai.tempat_lahir,
    Pegawai.tanggal_lahir,
    Pegawai.jenis_kelamin,
    Pegawai.status_kepegawaian,
    Pegawai.golongan,
    Pegawai.tmt_golongan,
    Pegawai.tmt_cpns,
    Pegawai.jabatan,
    Pegawai.jenis_jabatan,
    Pegawai.jenjang_jabatan,
    Pegawai.tmt_jabatan,
    Pegawai.unit_kerja_id,
    Pegawai.atasan_id,
    Pegawai.email,
    Pegawai.telepon,
    Pegawai.status_aktif,
    Pegawai.tanggal_nonaktif,
)


def _fill_export(session: Session, rows: list[PegawaiRow] | None) -> list[dict[str, Any]]:
    stmt = select(*_KOLOM_DB).where(Pegawai.dihapus_pada.is_(None)).order_by(Pegawai.nama, Pegawai.nip)
    semua = [r._asdict() for r in session.execute(stmt)]
    nip_per_id = {r["id"]: r["nip"] for r in semua}
    if rows is not None:
        per_id = {r["id"]: r for r in semua}
        semua = [per_id[r.id] for r in rows if r.id in per_id]
    peta = PetaUnit(session)
    for r in semua:
        r["unit_kerja"] = peta.jalur(r["unit_kerja_id"])
        r["atasan"] = nip_per_id.get(r["atasan_id"], "") if r["atasan_id"] else ""
        r["status_kepegawaian"] = c.label_status(r["status_kepegawaian"])
        r["jenis_jabatan"] = c.label_jenis_jabatan(r["jenis_jabatan"])
        r["jenjang_jabatan"] = c.label_jenjang(r["jenjang_jabatan"])
        r["status_aktif"] = c.label_status_aktif(r["status_aktif"])
    return semua


def export_roster(session: Session, actor: Actor, path: Path, rows: list[PegawaiRow] | None = None) -> int:
    """Write the staff list (``rows`` as listed, or every pegawai) to ``path``; returns how many.

    Inside ``workspace.transaction`` the export is also recorded in the audit log.
    """
    require(actor, Izin.LIHAT_DATA)
    isi = _fill_export(session, rows)
    units = PetaUnit(session).semua_jalur()
    _write_workbook(
        Path(path), isi, len(isi), BARIS_CADANGAN_EKSPOR, units, _meta(session, "ekspor", len(isi))
    )
    log_event(
        session,
        "ekspor",
        f"Daftar pegawai diekspor ke {Path(path).name}: {format_angka(len(isi))} pegawai.",
        tabel="pegawai",
    )
    return len(isi)


def write_template(session: Session, actor: Actor, path: Path) -> None:
    """A blank roster with drop-down lists (status, golongan, unit, …) and a Petunjuk sheet."""
    require(actor, Izin.LIHAT_DATA)
    units = PetaUnit(session).semua_jalur()
    _write_workbook(Path(path), [], 0, BARIS_TEMPLAT, units, _meta(session, "templat", 0))
