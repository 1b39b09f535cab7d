"""Deleting a pegawai entered by mistake: allowed only while nothing refers to them, audited, undone by
entering the same NIP again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Pegawai, RiwayatJabatan
from kinerja_desktop.core.errors import DataBerubah, PermissionDenied, ValidationError
from kinerja_desktop.core.model.pegawai import PegawaiInput
from kinerja_desktop.core.services import pegawai as svc
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.services.pegawai.hapus import alasan_tidak_bisa_dihapus, delete_pegawai
from kinerja_desktop.core.workspace import Workspace

SALAH_MASUK = PegawaiInput(
    nip="19900101 201503 1 002", nama="Budi Salah Masuk", golongan="III/a", jabatan="Pengadministrasi"
)


def _baru(ws: Workspace, admin: Actor) -> str:
    with ws.transaction(admin) as s:
        root = unit_kerja.root_unit_id(s)
        data = PegawaiInput(**{**SALAH_MASUK.__dict__, "unit_kerja_id": root})
        return svc.create_pegawai(s, admin, data)


def test_a_pegawai_entered_by_mistake_is_deleted_audited_and_can_be_entered_again(
    workspace: Workspace, admin: Actor
) -> None:
    pid = _baru(workspace, admin)
    with workspace.read() as s:
        assert alasan_tidak_bisa_dihapus(s, pid) == []
        revisi = s.get_one(Pegawai, pid).revisi
    with workspace.transaction(admin) as s:
        assert delete_pegawai(s, admin, pid, revisi=revisi) == "Budi Salah Masuk"
    with workspace.read() as s:
        assert pid not in {r.id for r in svc.list_pegawai(s, admin)}
        assert s.scalars(
            select(RiwayatJabatan.dihapus_pada).where(RiwayatJabatan.pegawai_id == pid)
        ).all() != [None]
        aksi = s.scalars(select(AuditLog.aksi).where(AuditLog.tabel == "pegawai", AuditLog.baris_id == pid))
        assert "hapus" in list(aksi)
    with workspace.transaction(admin) as s:  # entered again, correctly: the same record comes back
        root = unit_kerja.root_unit_id(s)
        again = svc.create_pegawai(
            s, admin, PegawaiInput(**{**SALAH_MASUK.__dict__, "nama": "Budi Santoso", "unit_kerja_id": root})
        )
    assert again == pid
    with workspace.read() as s:
        row = next(r for r in svc.list_pegawai(s, admin) if r.id == pid)
        assert row.nama == "Budi Santoso" and row.status_aktif == "aktif"


def test_a_pegawai_others_refer_to_is_not_deleted_and_every_reason_is_named(
    ws: Workspace,
) -> None:
    with ws.read() as s:
        camat = s.scalars(
            select(Pegawai).where(Pegawai.atasan_id.is_(None), Pegawai.dihapus_pada.is_(None))
        ).one()
        alasan = alasan_tidak_bisa_dihapus(s, camat.id)
    assert any(a.startswith("sudah memiliki SKP tahun") for a in alasan)
    assert any(a.startswith("menjadi atasan langsung") for a in alasan)
    assert any(a.startswith("menjadi kepala") for a in alasan)
    operator = Actor("x", "operator", "Operator", Peran.OPERATOR)
    with pytest.raises(ValidationError) as refused, ws.transaction(operator) as s:
        delete_pegawai(s, operator, camat.id)
    assert refused.value.pesan.startswith(f"{camat.nama} tidak bisa dihapus karena sudah memiliki SKP tahun")
    assert "nonaktifkan saja" in (refused.value.saran or "")


def test_only_staff_keepers_delete_and_a_stale_view_is_refused(workspace: Workspace, admin: Actor) -> None:
    pid = _baru(workspace, admin)
    pimpinan = Actor(None, "pimpinan", "Pimpinan", Peran.PIMPINAN)
    with pytest.raises(PermissionDenied), workspace.transaction(pimpinan) as s:
        delete_pegawai(s, pimpinan, pid)
    with pytest.raises(DataBerubah), workspace.transaction(admin) as s:
        delete_pegawai(s, admin, pid, revisi=99)
    with workspace.read() as s:
        assert s.get_one(Pegawai, pid).dihapus_pada is None
