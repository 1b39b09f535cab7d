"""Roster export and template: layout, NIP as text, real dates, drop-down lists, formulas kept as text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Pegawai
from kinerja_desktop.core.errors import KnownError, PermissionDenied
from kinerja_desktop.core.exchange.roster import (
    Aksi,
    apply_import,
    export_roster,
    plan_import,
    write_template,
)
from kinerja_desktop.core.exchange.roster.columns import FORMAT, KOLOM, VERSI
from kinerja_desktop.core.model.pegawai import PegawaiInput
from kinerja_desktop.core.services import pegawai as layanan
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.services.pegawai.records import list_pegawai
from kinerja_desktop.core.services.unit_kerja import root_unit_id
from kinerja_desktop.core.workspace import Workspace

JUDUL = [k.judul for k in KOLOM]


def _kolom(judul: str) -> int:
    return JUDUL.index(judul) + 1


def test_export_is_a_formatted_roster_with_nip_as_text(demo: Workspace, roster: Path) -> None:
    wb = openpyxl.load_workbook(roster)
    assert wb.sheetnames[0] == "Pegawai"
    assert wb["Daftar"].sheet_state == "hidden"
    assert wb["_kinerja"].sheet_state == "hidden"
    ws = wb["Pegawai"]
    assert [c.value for c in ws[1]] == JUDUL
    assert ws[1][0].font.bold
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == f"A1:U{12 + 1}"
    assert ws.column_dimensions["A"].width == 22
    with demo.read() as session:
        nips = set(session.scalars(select(Pegawai.nip)))
    for row in ws.iter_rows(min_row=2, max_row=13):
        nip = row[0]
        assert nip.data_type == "s" and nip.number_format == "@"
        assert nip.value in nips
        lahir = row[_kolom("Tanggal Lahir") - 1]
        assert isinstance(lahir.value, datetime) and lahir.number_format == "dd/mm/yyyy"
        assert row[_kolom("Unit Kerja") - 1].value.startswith("Kecamatan Plaju")
    meta = {r[0].value: r[1].value for r in wb["_kinerja"].iter_rows()}
    assert meta["format"] == f"{FORMAT} v{VERSI}"
    assert meta["kantor"] == "Kecamatan Plaju"
    assert meta["jumlah_pegawai"] == "12"


def test_export_names_the_superior_by_nip_and_units_by_path(demo: Workspace, roster: Path) -> None:
    with demo.read() as session:
        rows = session.execute(select(Pegawai.nip, Pegawai.atasan_id, Pegawai.id)).all()
    nip_per_id = {r.id: r.nip for r in rows}
    atasan = {r.nip: nip_per_id.get(r.atasan_id) for r in rows}
    ws = openpyxl.load_workbook(roster)["Pegawai"]
    for row in ws.iter_rows(min_row=2, max_row=13, values_only=True):
        assert (row[_kolom("NIP Atasan") - 1] or None) == atasan[row[0]]
    paths = {row[_kolom("Unit Kerja") - 1] for row in ws.iter_rows(min_row=2, max_row=13, values_only=True)}
    assert any(" / " in p for p in paths)


def test_export_records_an_audit_event_and_can_take_a_filtered_list(
    demo: Workspace, demo_admin: Actor, tmp_path: Path
) -> None:
    with demo.transaction(demo_admin) as session:
        rows = [r for r in list_pegawai(session, demo_admin) if r.status_kepegawaian == "pns"]
        jumlah = export_roster(session, demo_admin, tmp_path / "pns.xlsx", rows)
    assert 0 < jumlah == len(rows) < 12
    ws = openpyxl.load_workbook(tmp_path / "pns.xlsx")["Pegawai"]
    assert [r[0] for r in ws.iter_rows(min_row=2, max_row=jumlah + 1, values_only=True)] == [
        r.nip for r in rows
    ]
    assert ws.cell(row=jumlah + 2, column=1).value is None
    with demo.read() as session:
        assert session.scalar(select(AuditLog.keterangan).where(AuditLog.aksi == "ekspor")) == (
            f"Daftar pegawai diekspor ke pns.xlsx: {jumlah} pegawai."
        )


def test_formula_looking_text_is_written_as_text_and_round_trips(
    workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any
) -> None:
    rumus = '=HYPERLINK("http://contoh.invalid","klik")'
    path = kit.isi_templat(workspace, admin, tmp_path / "isi.xlsx", [kit.baris(kit.nip_pns(1), rumus)])
    with workspace.read() as session:
        plan = plan_import(session, admin, path)
    assert plan.ok, plan.lines()
    apply_import(workspace, admin, plan)
    with workspace.read() as session:
        assert session.scalar(select(Pegawai.nama)) == rumus
    out = tmp_path / "ekspor.xlsx"
    with workspace.transaction(admin) as session:
        export_roster(session, admin, out)
    cell = openpyxl.load_workbook(out)["Pegawai"]["B2"]
    assert cell.value == rumus and cell.data_type == "s"
    with workspace.read() as session:
        assert plan_import(session, admin, out).counts[Aksi.SAMA] == 1


def test_a_name_typed_as_a_formula_is_quoted_and_comes_back_as_text(
    workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any
) -> None:
    """ "=SUM(1)" is written as a string with Excel's leading apostrophe, like the package writer does."""
    path = kit.isi_templat(workspace, admin, tmp_path / "isi.xlsx", [kit.baris(kit.nip_pns(1), "=SUM(1)")])
    with workspace.read() as session:
        plan = plan_import(session, admin, path)
    assert plan.ok, plan.lines()
    apply_import(workspace, admin, plan)
    out = tmp_path / "ekspor.xlsx"
    with workspace.transaction(admin) as session:
        export_roster(session, admin, out)
    cell = openpyxl.load_workbook(out)["Pegawai"]["B2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=SUM(1)", "s", True)
    with workspace.read() as session:
        kembali = plan_import(session, admin, out)
    assert kembali.counts[Aksi.SAMA] == 1 and kembali.baris[0].nama == "=SUM(1)"


def test_template_has_drop_downs_instructions_and_text_nip_cells(
    demo: Workspace, demo_admin: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "templat.xlsx"
    with demo.read() as session:
        write_template(session, demo_admin, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Pegawai"]
    assert [c.value for c in ws[1]] == JUDUL
    assert ws.max_row == 2001
    assert all(ws.cell(row=r, column=1).number_format == "@" for r in (2, 1000, 2001))
    assert ws.cell(row=2, column=_kolom("NIP Atasan")).number_format == "@"
    assert ws.cell(row=2, column=_kolom("Tanggal Lahir")).number_format == "dd/mm/yyyy"
    daftar = wb["Daftar"]
    isi = {c[0].value: [x.value for x in c[1:] if x.value] for c in daftar.iter_cols()}
    assert isi["Status (PNS/CPNS/PPPK)"] == ["PNS", "CPNS", "PPPK"]
    assert "III/a" in isi["Golongan"] and "XVII" in isi["Golongan"]
    assert "Kecamatan Plaju / Sekretariat Kecamatan" in isi["Unit Kerja"]
    validasi = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    for judul in (
        "Status (PNS/CPNS/PPPK)",
        "Golongan",
        "Jenis Kelamin (L/P)",
        "Jenis Jabatan",
        "Jenjang",
        "Unit Kerja",
        "Status Aktif",
    ):
        huruf = openpyxl.utils.get_column_letter(_kolom(judul))
        dv = validasi[f"{huruf}2:{huruf}2001"]
        assert dv.type == "list" and dv.formula1.startswith("Daftar!$")
    petunjuk = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "tanda petik" in petunjuk and "26/09/1986" in petunjuk and "3a" in petunjuk


def test_template_without_pegawai_imports_as_nothing_to_do(
    workspace: Workspace, admin: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "templat.xlsx"
    with workspace.read() as session:
        write_template(session, admin, path)
        plan = plan_import(session, admin, path)
    assert plan.ok and not plan.baris and not plan.ada_perubahan


def test_export_to_a_missing_folder_or_without_permission_is_a_clear_error(
    demo: Workspace, demo_admin: Actor, tmp_path: Path
) -> None:
    with demo.read() as session, pytest.raises(KnownError, match="tidak ada"):
        export_roster(session, demo_admin, tmp_path / "tidak-ada" / "x.xlsx")
    assert list(tmp_path.iterdir()) == [tmp_path / "demo"]
    tamu = Actor(None, "tamu", "Tamu", Peran.PIMPINAN)
    with demo.read() as session, pytest.raises(PermissionDenied):
        plan_import(session, tamu, tmp_path / "x.xlsx")


def test_dates_are_real_dates(workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any) -> None:
    with workspace.transaction(admin) as session:
        layanan.create_pegawai(
            session,
            admin,
            PegawaiInput(
                nip=kit.nip_pns(7),
                nama="Budi",
                golongan="III/b",
                tmt_golongan=date(2020, 4, 1),
                unit_kerja_id=root_unit_id(session),
            ),
        )
        export_roster(session, admin, tmp_path / "x.xlsx")
    row = next(openpyxl.load_workbook(tmp_path / "x.xlsx")["Pegawai"].iter_rows(min_row=2, values_only=True))
    assert row[_kolom("TMT Golongan") - 1] == datetime(2020, 4, 1)
    assert row[_kolom("Tanggal Lahir") - 1] == datetime(1986, 9, 26)
    assert row[_kolom("TMT CPNS") - 1] == datetime(2015, 5, 1)
