"""An office that exported before knowing the central code still sees both-sided edits as conflicts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Pegawai, SyncBaseline
from kinerja_desktop.core.exchange.actions import export_paket, import_file, plan_file
from kinerja_desktop.core.exchange.paket.plan.model import Aksi
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace


@pytest.fixture
def dua(
    tmp_path: Path, demo_office: Callable[[int], Path], buka_salinan: Callable[[Path], Workspace]
) -> Iterator[tuple[Workspace, Workspace]]:
    """(office PLJ, an empty central office coded BKPSDM)."""
    plj = buka_salinan(demo_office(6))
    pusat = Workspace.open(AppPaths(tmp_path / "pusat"))
    with pusat.transaction() as s:
        data = kantor.KantorInput(kode="BKPSDM", nama="BKPSDM Kota", tempat="Palembang", is_pusat=True)
        kantor.initialise(s, data, "admin", "rahasia123", "Admin Pusat")
    yield plj, pusat
    pusat.close()


def _ubah(ws: Workspace, pid: str, nama: str) -> None:
    with ws.transaction() as s:
        s.get(Pegawai, pid).nama = nama  # type: ignore[union-attr]


def test_a_row_changed_on_both_sides_is_a_conflict_when_the_central_code_arrives(
    dua: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    plj, pusat = dua
    hasil = export_paket(plj, SYSTEM, tmp_path / "kantor.xlsx")
    assert hasil.penerima == "kantor pusat"  # the central code is not known yet
    rb = plan_file(pusat, SYSTEM, hasil.path)
    import_file(pusat, SYSTEM, rb)
    with plj.read() as s:
        pid = s.scalars(select(Pegawai.id).order_by(Pegawai.nip).limit(1)).one()
    _ubah(plj, pid, "Ditulis Kantor")
    _ubah(pusat, pid, "Ditulis Pusat")
    _ubah(pusat, pid, "Ditulis Pusat Lagi")  # central's revisi now above the office's
    induk = export_paket(pusat, SYSTEM, tmp_path / "induk.xlsx", induk_untuk="PLJ")
    with plj.read() as s:
        sebelum = s.scalar(select(func.count()).select_from(SyncBaseline))
    rencana = plan_file(plj, SYSTEM, induk.path).rencana
    assert rencana.total(Aksi.KONFLIK) == 1, rencana.ringkasan()
    assert [k.id for k in rencana.konflik] == [pid]
    with plj.read() as s:  # planning wrote nothing
        assert s.scalar(select(func.count()).select_from(SyncBaseline)) == sebelum
    import_file(plj, SYSTEM, plan_file(plj, SYSTEM, induk.path), semua="kami")
    with plj.read() as s:
        assert s.get(Pegawai, pid).nama == "Ditulis Kantor"  # type: ignore[union-attr]
    balik = export_paket(plj, SYSTEM, tmp_path / "kantor2.xlsx")
    assert balik.penerima == "kantor pusat (BKPSDM)"
    kedua = plan_file(pusat, SYSTEM, balik.path).rencana
    assert (kedua.total(Aksi.UBAH), kedua.total(Aksi.KONFLIK)) == (1, 0), kedua.ringkasan()
