"""Two people editing the same row: the second save from a stale screen is refused, naming the first."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from pendukung_berubah import SINTA, assert_names_sinta, sinta
from pendukung_demo import demo_actor
from sqlalchemy import select

from kinerja_desktop.core.db.concurrency import pesan_berubah
from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.errors import DataBerubah
from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.services import akun, kantor, pegawai, pelatihan, unit_kerja
from kinerja_desktop.core.services.access import Peran
from kinerja_desktop.core.workspace import Workspace


def _seorang(ws: Workspace) -> str:
    with ws.read() as s:
        return s.scalars(
            select(Pegawai.id).where(Pegawai.atasan_id.is_not(None), Pegawai.status_aktif == "aktif")
        ).first() or pytest.fail("no pegawai")


def test_pegawai_saved_from_a_stale_form_is_refused_and_keeps_the_other_change(ws: Workspace) -> None:
    admin, b = demo_actor(ws, "admin"), sinta(ws)
    pid = _seorang(ws)
    with ws.read() as s:
        dibuka = pegawai.get_pegawai(s, admin, pid)  # A opens the form
    with ws.transaction(b) as s:  # B saves first
        pegawai.save_pegawai(s, b, pid, replace(dibuka.data, telepon="0711-111"), revisi=dibuka.revisi)
    with pytest.raises(DataBerubah) as info, ws.transaction(admin) as s:
        pegawai.save_pegawai(s, admin, pid, replace(dibuka.data, telepon="0711-222"), revisi=dibuka.revisi)
    assert_names_sinta(info)
    with ws.read() as s:
        assert s.get_one(Pegawai, pid).telepon == "0711-111"
        baru = pegawai.get_pegawai(s, admin, pid)
    with ws.transaction(admin) as s:  # after reloading, A's change goes through
        pegawai.save_pegawai(s, admin, pid, replace(baru.data, telepon="0711-222"), revisi=baru.revisi)
    with pytest.raises(DataBerubah), ws.transaction(admin) as s:  # archiving from the old view too
        pegawai.archive_pegawai(s, admin, pid, StatusAktif.PENSIUN, date(2026, 1, 1), revisi=baru.revisi)


def test_pelatihan_edit_and_delete_from_a_stale_list(ws: Workspace) -> None:
    admin, b = demo_actor(ws, "admin"), sinta(ws)
    pid = _seorang(ws)
    data = pelatihan.PelatihanInput("Diklat Pelayanan Publik", date(2026, 3, 2), 16)
    with ws.transaction(admin) as s:
        pelatihan.add_pelatihan(s, admin, pid, data)
    with ws.read() as s:
        [row] = [r for r in pelatihan.list_pelatihan(s, admin, pid) if r.data.nama == data.nama]
    with ws.transaction(b) as s:
        pelatihan.update_pelatihan(s, b, row.id, replace(data, jp=24), revisi=row.revisi)
    with pytest.raises(DataBerubah) as info, ws.transaction(admin) as s:
        pelatihan.update_pelatihan(s, admin, row.id, replace(data, jp=8), revisi=row.revisi)
    assert_names_sinta(info)
    with pytest.raises(DataBerubah), ws.transaction(admin) as s:
        pelatihan.delete_pelatihan(s, admin, row.id, revisi=row.revisi)
    with ws.read() as s:
        [now] = [r for r in pelatihan.list_pelatihan(s, admin, pid) if r.data.nama == data.nama]
    assert now.data.jp == 24
    with ws.transaction(b) as s:
        pelatihan.delete_pelatihan(s, b, row.id, revisi=now.revisi)
    with pytest.raises(DataBerubah, match="sudah dihapus oleh") as info, ws.transaction(admin) as s:
        pelatihan.update_pelatihan(s, admin, row.id, data, revisi=now.revisi)
    assert_names_sinta(info)


def test_unit_renamed_meanwhile_is_not_overwritten_nor_deleted(ws: Workspace) -> None:
    admin, b = demo_actor(ws, "admin"), sinta(ws)
    with ws.read() as s:
        unit = next(u for u in unit_kerja.list_units(s, admin) if u.induk_id is not None)
    with ws.transaction(b) as s:
        unit_kerja.update_unit(
            s,
            b,
            unit.id,
            nama=unit.nama + " Baru",
            kode=unit.kode,
            kepala_id=unit.kepala_id,
            revisi=unit.revisi,
        )
    with pytest.raises(DataBerubah) as info, ws.transaction(admin) as s:
        unit_kerja.update_unit(
            s, admin, unit.id, nama="Lain", kode=unit.kode, kepala_id=None, revisi=unit.revisi
        )
    assert_names_sinta(info)
    for aksi in (unit_kerja.close_unit, unit_kerja.delete_unit, unit_kerja.reopen_unit):
        with pytest.raises(DataBerubah), ws.transaction(admin) as s:
            aksi(s, admin, unit.id, revisi=unit.revisi)
    with ws.read() as s:
        assert s.get_one(UnitKerja, unit.id).nama == unit.nama + " Baru"


def test_kantor_settings_changed_meanwhile(ws: Workspace) -> None:
    admin, b = demo_actor(ws, "admin"), sinta(ws, "admin")
    with ws.read() as s:
        dibaca = kantor.get_kantor(s)
    data = kantor.KantorInput(dibaca.kode, dibaca.nama, dibaca.tempat, dibaca.instansi, alamat="Jl. Baru 1")
    with ws.transaction(b) as s:
        kantor.update_kantor(s, b, data, revisi=dibaca.revisi)
    with pytest.raises(DataBerubah) as info, ws.transaction(admin) as s:
        kantor.update_kantor(s, admin, replace(data, alamat="Jl. Lama 2"), revisi=dibaca.revisi)
    assert_names_sinta(info)
    with ws.read() as s:
        assert kantor.get_kantor(s).alamat == "Jl. Baru 1"


def test_account_changed_by_another_administrator(ws: Workspace) -> None:
    admin, b = demo_actor(ws, "admin"), sinta(ws, "admin")
    with ws.read() as s:
        akun_op = next(r for r in akun.list_pengguna(s, admin) if r.username == "operator")
    ubah = {"nama": "Operator Baru", "peran": Peran.OPERATOR, "pegawai_id": None, "aktif": True}
    with ws.transaction(b) as s:
        akun.update_pengguna(s, b, akun_op.id, **ubah, stamp=akun_op.stamp)  # type: ignore[arg-type]
    with pytest.raises(DataBerubah) as info, ws.transaction(admin) as s:
        akun.update_pengguna(s, admin, akun_op.id, **{**ubah, "aktif": False}, stamp=akun_op.stamp)  # type: ignore[arg-type]
    assert_names_sinta(info)
    with pytest.raises(DataBerubah), ws.transaction(admin) as s:
        akun.reset_password(s, admin, akun_op.id, "sandi-baru-123", stamp=akun_op.stamp)
    with ws.read() as s:
        assert next(r for r in akun.list_pengguna(s, admin) if r.username == "operator").aktif


def test_an_unchecked_edit_still_writes_and_bumps_revisi(ws: Workspace) -> None:
    """A command that shows nothing first (revisi None) writes as before; the revisi still goes up by one."""
    admin = demo_actor(ws, "admin")
    pid = _seorang(ws)
    with ws.read() as s:
        dibuka = pegawai.get_pegawai(s, admin, pid)
    with ws.transaction(admin) as s:
        pegawai.update_pegawai(s, admin, pid, replace(dibuka.data, email="a@b.id"))
    with ws.read() as s:
        assert s.get_one(Pegawai, pid).revisi == dibuka.revisi + 1


def test_a_write_racing_the_check_is_refused_by_the_conditional_update(ws: Workspace) -> None:
    """Between the check and the UPDATE another transaction commits: the UPDATE matches no row."""
    admin, b = demo_actor(ws, "admin"), sinta(ws)
    pid = _seorang(ws)
    with pytest.raises(DataBerubah, match="muat ulang"), ws.transaction(admin) as s:
        row = s.get_one(Pegawai, pid)
        with ws.transaction(b) as s2:
            s2.get_one(Pegawai, pid).telepon = "0711-333"
        row.telepon = "0711-444"
        s.flush()
    with ws.read() as s:
        assert s.get_one(Pegawai, pid).telepon == "0711-333"


def test_message_names_the_day_when_not_today_and_someone_unknown() -> None:
    pada = datetime(2026, 12, 6, 3, 42, tzinfo=UTC)
    lokal = pada.astimezone()
    teks = pesan_berubah(SINTA, pada, hari_ini=date(2027, 1, 1))
    assert teks == (
        f"Data ini sudah diubah oleh {SINTA} pada {lokal.day} Desember 2026 pukul {lokal:%H.%M}; "
        "muat ulang untuk melihat perubahannya."
    )
    assert pesan_berubah("", None).startswith("Data ini sudah diubah oleh pengguna lain sejak dibuka;")
