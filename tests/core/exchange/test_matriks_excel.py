"""Matriks peran hasil to Excel: rows as the service gives them, NIPs as text, header styled and frozen."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.matriks_excel import (
    KOLOM_MATRIKS,
    KOLOM_TANPA_INDUK,
    LEMBAR_MATRIKS,
    LEMBAR_TANPA_INDUK,
    export_matriks,
)
from kinerja_desktop.core.exchange.xlsx_file import save_workbook
from kinerja_desktop.core.services import matriks, unit_kerja
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


def _root(ws: Workspace, actor: Actor) -> str:
    with ws.read() as s:
        return next(u.id for u in unit_kerja.list_units(s, actor) if u.induk_id is None)


def _values(sheet: object) -> list[tuple[object, ...]]:
    return [tuple(c.value or "" for c in row) for row in sheet.iter_rows(min_row=2)]  # type: ignore[attr-defined]


def test_workbook_rows_match_the_service(demo: Workspace, demo_admin: Actor, tmp_path: Path) -> None:
    tahun, unit = date.today().year, _root(demo, demo_admin)
    path = tmp_path / "matriks.xlsx"
    with demo.transaction(demo_admin) as s:
        jumlah = export_matriks(s, demo_admin, unit, tahun, path)
    with demo.read() as s:
        data = matriks.matriks_peran_hasil(s, demo_admin, unit, tahun)

    expected = []
    for b in data.baris:
        expected += [(b.nama, b.jabatan, b.teks, p.nama, p.nip, p.jabatan, p.teks) for p in b.pendukung]
        if not b.pendukung:
            expected.append((b.nama, b.jabatan, b.teks, "", "", "", ""))
    wb = openpyxl.load_workbook(path)
    sheet = wb[LEMBAR_MATRIKS]
    assert [c.value for c in sheet[1]] == [k for k, _ in KOLOM_MATRIKS]
    assert _values(sheet) == expected and jumlah == len(expected) > 0
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:G")
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("1F4E78")
    assert sheet.column_dimensions["C"].width >= 50

    nips = [row[4] for row in sheet.iter_rows(min_row=2) if row[4].value]
    assert nips and all(c.data_type == "s" and len(c.value) == 18 for c in nips)

    lepas = wb[LEMBAR_TANPA_INDUK]
    assert [c.value for c in lepas[1]] == [k for k, _ in KOLOM_TANPA_INDUK]
    assert [r[1] for r in _values(lepas)] == [p.nip for p in data.tanpa_induk]
    assert [r[5] for r in _values(lepas)] == [p.catatan for p in data.tanpa_induk]


def test_a_missing_folder_is_a_message(demo: Workspace, demo_admin: Actor, tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="tidak ada"), demo.transaction(demo_admin) as s:
        export_matriks(s, demo_admin, _root(demo, demo_admin), date.today().year, tmp_path / "x" / "m.xlsx")


def test_saved_workbooks_are_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "bersama.xlsx"
    save_workbook(openpyxl.Workbook(), target)
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044
