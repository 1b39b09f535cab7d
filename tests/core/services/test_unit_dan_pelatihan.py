"""Unit tree rules and the yearly JP rule for trainings."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.model.pegawai import PegawaiInput, StatusAktif
from kinerja_desktop.core.services import pegawai as pegawai_svc
from kinerja_desktop.core.services import pelatihan, unit_kerja
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


def _root(ws: Workspace) -> str:
    with ws.read() as session:
        return unit_kerja.root_unit_id(session)


def _unit(ws: Workspace, admin: Actor, nama: str, induk: str) -> str:
    with ws.transaction(admin) as session:
        return unit_kerja.create_unit(session, admin, nama, induk)


def _pegawai(ws: Workspace, admin: Actor, unit: str, nip: str, status: str = "pns") -> str:
    data = PegawaiInput(nip=nip, nama=f"Pegawai {nip[-3:]}", status_kepegawaian=status, unit_kerja_id=unit)
    with ws.transaction(admin) as session:
        return pegawai_svc.create_pegawai(session, admin, data)


def test_tree_create_rename_move(workspace: Workspace, admin: Actor) -> None:
    root = _root(workspace)
    sek = _unit(workspace, admin, "Sekretariat", root)
    umum = _unit(workspace, admin, "Subbagian Umum", root)
    with workspace.transaction(admin) as session:
        unit_kerja.move_unit(session, admin, umum, sek)
        unit_kerja.update_unit(
            session, admin, umum, nama="Subbagian Umum dan Kepegawaian", kode="UMPEG", kepala_id=None
        )
    with workspace.read() as session:
        rows = {r.nama: r for r in unit_kerja.list_units(session, admin)}
    assert rows["Subbagian Umum dan Kepegawaian"].induk_id == sek
    assert rows["Subbagian Umum dan Kepegawaian"].kode == "UMPEG"


def test_cannot_move_a_unit_below_itself_or_duplicate_a_name(workspace: Workspace, admin: Actor) -> None:
    root = _root(workspace)
    sek = _unit(workspace, admin, "Sekretariat", root)
    umum = _unit(workspace, admin, "Umum", sek)
    with pytest.raises(ValidationError, match="sub-unitnya sendiri"), workspace.transaction(admin) as session:
        unit_kerja.move_unit(session, admin, sek, umum)
    with pytest.raises(ValidationError, match="Sudah ada unit"):
        _unit(workspace, admin, "  sekretariat ", root)


def test_unit_with_active_staff_cannot_be_closed_or_deleted(workspace: Workspace, admin: Actor) -> None:
    seksi = _unit(workspace, admin, "Seksi Pemerintahan", _root(workspace))
    pid = _pegawai(workspace, admin, seksi, "198609262015051001")
    with (
        pytest.raises(ValidationError, match="masih memiliki 1 pegawai aktif") as info,
        workspace.transaction(admin) as session,
    ):
        unit_kerja.delete_unit(session, admin, seksi)
    assert "Pindahkan pegawainya" in str(info.value)
    with pytest.raises(ValidationError, match="tidak bisa ditutup"), workspace.transaction(admin) as session:
        unit_kerja.close_unit(session, admin, seksi)
    with workspace.transaction(admin) as session:
        pegawai_svc.archive_pegawai(session, admin, pid, StatusAktif.MUTASI_KELUAR, date(2026, 5, 1))
    with (
        pytest.raises(ValidationError, match="pernah memiliki pegawai"),
        workspace.transaction(admin) as session,
    ):
        unit_kerja.delete_unit(session, admin, seksi)
    with workspace.transaction(admin) as session:
        unit_kerja.close_unit(session, admin, seksi, date(2026, 6, 1))
    with workspace.read() as session:
        assert [r.nama for r in unit_kerja.list_units(session, admin, termasuk_ditutup=False)] == [
            "Kecamatan Plaju"
        ]


def test_empty_unit_is_deleted_as_a_tombstone(workspace: Workspace, admin: Actor) -> None:
    seksi = _unit(workspace, admin, "Seksi Sementara", _root(workspace))
    with workspace.transaction(admin) as session:
        unit_kerja.delete_unit(session, admin, seksi)
    with workspace.read() as session:
        assert "Seksi Sementara" not in [r.nama for r in unit_kerja.list_units(session, admin)]
        from kinerja_desktop.core.db.models import UnitKerja

        tomb = session.get(UnitKerja, seksi)
        assert tomb is not None and tomb.dihapus_pada is not None


def test_root_unit_is_protected(workspace: Workspace, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="teratas"), workspace.transaction(admin) as session:
        unit_kerja.delete_unit(session, admin, _root(workspace))


def test_jp_rule_flags_short_pns_and_pppk_over_the_limit(workspace: Workspace, admin: Actor) -> None:
    root = _root(workspace)
    pns = _pegawai(workspace, admin, root, "198609262015051001")
    pppk = _pegawai(workspace, admin, root, "199001012023211001", status="pppk")
    cukup = _pegawai(workspace, admin, root, "198001012005011003")
    with workspace.transaction(admin) as session:
        pelatihan.add_pelatihan(
            session, admin, pns, pelatihan.PelatihanInput("Diklat A", date(2026, 2, 1), 12)
        )
        pelatihan.add_pelatihan(session, admin, pns, pelatihan.PelatihanInput("Lama", date(2025, 2, 1), 30))
        pelatihan.add_pelatihan(
            session, admin, pppk, pelatihan.PelatihanInput("Orientasi", date(2026, 3, 1), 30)
        )
        pelatihan.add_pelatihan(
            session, admin, cukup, pelatihan.PelatihanInput("Latsar", date(2026, 3, 1), 20)
        )
    with workspace.read() as session:
        rekap = {r.pegawai_id: r for r in pelatihan.rekap_jp(session, admin, 2026)}
        bermasalah = {r.pegawai_id for r in pelatihan.rekap_jp(session, admin, 2026, hanya_bermasalah=True)}
        assert pelatihan.jp_tahun(session, pns, 2025) == 30
    assert (rekap[pns].jp, rekap[pns].kurang) == (12, 8)
    assert rekap[pns].keterangan == "Kurang 8 JP dari minimal 20 JP"
    assert (rekap[pppk].lebih, rekap[pppk].kurang) == (6, 0)
    assert rekap[cukup].keterangan == "Memenuhi"
    assert bermasalah == {pns, pppk}


def test_pelatihan_validation_and_tombstone_delete(workspace: Workspace, admin: Actor) -> None:
    pid = _pegawai(workspace, admin, _root(workspace), "198609262015051001")
    with (
        pytest.raises(ValidationError, match="sebelum tanggal mulai"),
        workspace.transaction(admin) as session,
    ):
        pelatihan.add_pelatihan(
            session,
            admin,
            pid,
            pelatihan.PelatihanInput("X", date(2026, 3, 2), 5, tanggal_selesai=date(2026, 3, 1)),
        )
    with pytest.raises(ValidationError, match="JP harus"), workspace.transaction(admin) as session:
        pelatihan.add_pelatihan(session, admin, pid, pelatihan.PelatihanInput("X", date(2026, 3, 2), 0))
    with workspace.transaction(admin) as session:
        rid = pelatihan.add_pelatihan(
            session, admin, pid, pelatihan.PelatihanInput(" Bimtek  SKP ", date(2026, 3, 2), 8)
        )
    with workspace.transaction(admin) as session:
        assert [r.data.nama for r in pelatihan.list_pelatihan(session, admin, pid)] == ["Bimtek SKP"]
        pelatihan.delete_pelatihan(session, admin, rid)
    with workspace.read() as session:
        assert pelatihan.list_pelatihan(session, admin, pid) == []
        assert pelatihan.jp_tahun(session, pid, 2026) == 0
