"""Fixtures for the Excel roster: a small demo office, its export, helpers for clerk-made workbooks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from kinerja_desktop.core.db.base import Base
from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.demo import generate_demo
from kinerja_desktop.core.exchange.roster import export_roster, write_template, writer
from kinerja_desktop.core.exchange.roster.columns import KOLOM, LEMBAR_DATA
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.rules.nip import make_nip_pns, make_nip_pppk
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace

DEMO_PEGAWAI = 12


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 12-pegawai demo office, built once per test run."""
    folder = tmp_path_factory.mktemp("demo-roster")
    ws = Workspace.open(AppPaths(folder))
    generate_demo(ws, jumlah_pegawai=DEMO_PEGAWAI)
    ws.close()
    return folder


@pytest.fixture
def demo(tmp_path: Path, demo_template: Path) -> Iterator[Workspace]:
    """A copy of the demo office for one test."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    ws = Workspace.open(AppPaths(folder))
    yield ws
    ws.close()


@pytest.fixture
def demo_admin(demo: Workspace) -> Actor:
    return demo.login("admin", "admin123")


@pytest.fixture
def roster(demo: Workspace, demo_admin: Actor, tmp_path: Path) -> Path:
    """The demo office's whole staff list, exported."""
    path = tmp_path / "roster.xlsx"
    with demo.transaction(demo_admin) as session:
        export_roster(session, demo_admin, path)
    return path


class Kit:
    """Helpers for roster tests, handed out by the ``kit`` fixture (test modules cannot import conftest)."""

    @staticmethod
    def nip_pns(urut: int, lahir: date = date(1986, 9, 26), jk: str = "L") -> str:
        return make_nip_pns(lahir, date(2015, 5, 1), jk, urut)

    @staticmethod
    def nip_pppk(urut: int, lahir: date = date(1990, 3, 4), jk: str = "P") -> str:
        return make_nip_pppk(lahir, 2023, "21", jk, urut)

    @staticmethod
    def baris(nip: object, nama: str = "Ahmad Fauzi", **lain: Any) -> dict[str, Any]:
        """A template row by header text; unit defaults to the office itself, golongan to III/a."""
        row: dict[str, Any] = {"NIP": nip, "Nama": nama, "Golongan": "III/a", "Unit Kerja": "Kecamatan Plaju"}
        judul = {k.kunci: k.judul for k in KOLOM}
        for kunci, nilai in lain.items():
            row[judul.get(kunci, kunci)] = nilai
        return row

    @staticmethod
    def isi_templat(ws: Workspace, actor: Actor, path: Path, rows: list[dict[str, Any]]) -> Path:
        """Write the app's template, then type ``rows`` into it with openpyxl, as a clerk would in Excel."""
        with ws.read() as session:
            write_template(session, actor, path)
        wb = openpyxl.load_workbook(path)
        sheet = wb[LEMBAR_DATA]
        kolom = {k.judul: i + 1 for i, k in enumerate(KOLOM)}
        for r, row in enumerate(rows, start=2):
            for judul, nilai in row.items():
                cell = sheet.cell(row=r, column=kolom[judul], value=nilai)
                if isinstance(nilai, str) and nilai.startswith("="):
                    cell.data_type = "s"
        wb.save(path)
        return path

    @staticmethod
    def snapshot(ws: Workspace) -> dict[str, Any]:
        """Row counts of every table and the revision of every pegawai and unit: equal means untouched."""
        with ws.read() as session:
            counts = {
                t.name: session.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables
            }
            pegawai = sorted(tuple(r) for r in session.execute(select(Pegawai.id, Pegawai.revisi)))
            units = sorted(tuple(r) for r in session.execute(select(UnitKerja.id, UnitKerja.revisi)))
        return {"counts": counts, "pegawai": pegawai, "units": units}


@pytest.fixture
def kit(monkeypatch: pytest.MonkeyPatch) -> type[Kit]:
    """The helpers; templates typed into get 20 pre-formatted rows instead of 2000 (faster tests)."""
    monkeypatch.setattr(writer, "BARIS_TEMPLAT", 20)
    return Kit
