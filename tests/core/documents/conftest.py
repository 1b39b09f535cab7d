"""Fixtures for the printed forms: a demo office opened once per module, print options, a PDF reader."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kinerja_desktop.core.db.models import Evaluasi
from kinerja_desktop.core.documents.options import OpsiCetak, opsi_kantor
from kinerja_desktop.core.model.evaluasi import EvaluasiForm
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.evaluasi import read as evaluasi_baca
from kinerja_desktop.core.workspace import Workspace

TANGGAL_CETAK = date(2026, 11, 23)
BARIS_TANGGAL = "Plaju, 23 November 2026"
F4_PT = (609.4, 935.4)
A4_PT = (595.3, 841.9)


@dataclass
class Pdf:
    """A rendered PDF read back: page sizes and the text of every page (whitespace collapsed)."""

    data: bytes

    def __post_init__(self) -> None:
        self.reader = PdfReader(io.BytesIO(self.data))
        self.halaman = [" ".join(page.extract_text().split()) for page in self.reader.pages]

    @property
    def jumlah(self) -> int:
        return len(self.halaman)

    @property
    def teks(self) -> str:
        return " ".join(self.halaman)

    def ukuran(self, i: int = 0) -> tuple[float, float]:
        box = self.reader.pages[i].mediabox
        return round(float(box.width), 1), round(float(box.height), 1)


@pytest.fixture(scope="module")
def ws(demo_office: Callable[[int], Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The 20-pegawai demo office (TW1 final and TW2 draft evaluations), one copy per module."""
    folder = tmp_path_factory.mktemp("cetak") / "data"
    shutil.copytree(demo_office(20), folder)
    workspace = Workspace.open(AppPaths(folder))
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def admin(ws: Workspace) -> Actor:
    return ws.login("admin", "admin123")


@pytest.fixture(scope="module")
def opsi(ws: Workspace) -> OpsiCetak:
    with ws.read() as s:
        return opsi_kantor(kantor.get_kantor(s), TANGGAL_CETAK)


@pytest.fixture(scope="module")
def baca() -> type[Pdf]:
    """``baca(pdf_bytes)``: the PDF read back with pypdf."""
    return Pdf


Forms = Callable[..., list[EvaluasiForm]]


@pytest.fixture(scope="module")
def forms(ws: Workspace, admin: Actor) -> Forms:
    """``forms(periode, status=None)``: every evaluation form of the period, in a stable order."""

    def ambil(periode: str, status: str | None = None) -> list[EvaluasiForm]:
        with ws.read() as s:
            stmt = select(Evaluasi.id).where(Evaluasi.periode == periode).order_by(Evaluasi.id)
            if status is not None:
                stmt = stmt.where(Evaluasi.status == status)
            return [evaluasi_baca.get_evaluasi_form_by_id(s, admin, i) for i in s.scalars(stmt)]

    return ambil
