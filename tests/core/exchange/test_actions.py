"""Export as one action: cancelling leaves no file and records nothing; the history lists what was done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import SyncBaseline, SyncLog
from kinerja_desktop.core.errors import PermissionDenied
from kinerja_desktop.core.exchange.actions import export_paket, riwayat
from kinerja_desktop.core.services.access import SYSTEM, Actor, Peran
from kinerja_desktop.core.workspace import Workspace


class Batal(Exception):
    pass


@pytest.fixture
def kantor(demo_office: Callable[[int], Path], buka_salinan: Callable[[Path], Workspace]) -> Workspace:
    return buka_salinan(demo_office(6))


def test_a_cancelled_export_leaves_no_file_and_records_nothing(kantor: Workspace, tmp_path: Path) -> None:
    laporan: list[str] = []

    def kemajuan(selesai: int, jumlah: int, label: str) -> None:
        laporan.append(label)
        if label.startswith("Menulis"):
            raise Batal()

    with pytest.raises(Batal):
        export_paket(kantor, SYSTEM, tmp_path / "p.xlsx", kemajuan=kemajuan)
    assert not (tmp_path / "p.xlsx").exists() and not list(tmp_path.glob("*.xlsx"))
    assert "Mengambil data…" in laporan
    with kantor.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncLog)) == 0
        assert s.scalar(select(func.count()).select_from(SyncBaseline)) == 0


def test_export_is_recorded_and_listed_and_needs_the_permission(kantor: Workspace, tmp_path: Path) -> None:
    hasil = export_paket(kantor, SYSTEM, tmp_path / "p.xlsx", tahun=2026)
    assert hasil.penerima == "kantor pusat" and hasil.total > 0
    with kantor.read() as s:
        (entri,) = riwayat(s, SYSTEM)
        assert s.scalar(select(func.count()).select_from(SyncBaseline)) == hasil.total
    assert (entri.arah_label, entri.jenis_label, entri.nama_berkas) == ("Ekspor", "Paket kantor", "p.xlsx")
    assert entri.ringkas() == f"{hasil.total} baris"
    pimpinan = Actor(None, "pimpinan", "Pimpinan", Peran.PIMPINAN)
    with pytest.raises(PermissionDenied):
        export_paket(kantor, pimpinan, tmp_path / "q.xlsx")
