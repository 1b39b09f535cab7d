"""First-run setup of the office, and the permission matrix."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.core.db.models import Perilaku, UnitKerja
from kinerja_desktop.core.errors import PermissionDenied, ValidationError
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.services.access import PERAN_IZIN, Actor, Izin, Peran, require
from kinerja_desktop.core.workspace import Workspace


def test_initialise_creates_office_root_unit_berakhlak_and_admin(paths: AppPaths) -> None:
    ws = Workspace.open(paths)
    assert not ws.is_initialised()
    data = kantor.KantorInput(kode="plj", nama="Kecamatan Plaju", tempat="Plaju", kertas="A4")
    with ws.transaction() as session:
        actor = kantor.initialise(session, data, "Admin", "rahasia123", "Admin Kantor")
    assert actor.peran is Peran.ADMIN
    assert ws.is_initialised()
    with ws.read() as session:
        info = kantor.get_kantor(session)
        assert (info.kode, info.kertas, info.demo, info.is_pusat) == ("PLJ", "A4", False, False)
        assert session.scalar(select(func.count()).select_from(Perilaku)) == 7
        root = session.scalar(select(UnitKerja))
        assert root is not None and root.nama == "Kecamatan Plaju" and root.kantor_asal == "PLJ"
    assert ws.kantor_kode == "PLJ"
    ws.close()


def test_kantor_info_names_the_office_once_there_is_one(tmp_path: Path, workspace: Workspace) -> None:
    kosong = Workspace.open(AppPaths(tmp_path / "kosong"))
    assert kosong.kantor_info() is None
    kosong.close()
    info = workspace.kantor_info()
    assert info is not None and (info.nama, info.demo) == ("Kecamatan Plaju", False)


def test_second_initialise_is_refused(workspace: Workspace) -> None:
    data = kantor.KantorInput(kode="LAIN", nama="Kantor Lain", tempat="Palembang")
    with pytest.raises(ValidationError, match="sudah diisi"), workspace.transaction() as session:
        kantor.initialise(session, data, "admin2", "rahasia123")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kode", "x", "Kode kantor"),
        ("kode", "ada spasi", "Kode kantor"),
        ("nama", "  ", "Nama kantor wajib"),
        ("tempat", "", "Tempat wajib"),
        ("kertas", "Letter", "F4 atau A4"),
    ],
)
def test_office_identity_is_validated(field: str, value: str, message: str) -> None:
    values = {"kode": "PLJ", "nama": "Kecamatan Plaju", "tempat": "Plaju", field: value}
    with pytest.raises(ValidationError, match=message) as info:
        kantor.validate_kantor(kantor.KantorInput(**values))  # type: ignore[arg-type]
    assert info.value.kolom == field


def test_update_kantor_needs_permission_and_keeps_the_code(workspace: Workspace, admin: Actor) -> None:
    operator = Actor("x", "op", "Operator", Peran.OPERATOR)
    data = kantor.KantorInput(kode="UBAH", nama="Kecamatan Plaju Baru", tempat="Palembang")
    with pytest.raises(PermissionDenied), workspace.transaction(operator) as session:
        kantor.update_kantor(session, operator, data)
    with workspace.transaction(admin) as session:
        kantor.update_kantor(session, admin, data)
    with workspace.read() as session:
        info = kantor.get_kantor(session)
    assert (info.nama, info.tempat, info.kode) == ("Kecamatan Plaju Baru", "Palembang", "PLJ")


def test_roles_have_the_expected_powers() -> None:
    assert PERAN_IZIN[Peran.ADMIN] == frozenset(Izin)
    assert Izin.NILAI_KINERJA not in PERAN_IZIN[Peran.OPERATOR]
    assert Izin.KELOLA_PEGAWAI not in PERAN_IZIN[Peran.PENILAI]
    assert {
        i for i in PERAN_IZIN[Peran.PIMPINAN] if i.name.startswith(("KELOLA", "SETUJUI", "NILAI"))
    } == set()
    with pytest.raises(PermissionDenied, match="Pimpinan"):
        require(Actor(None, "p", "P", Peran.PIMPINAN), Izin.KELOLA_PEGAWAI)
