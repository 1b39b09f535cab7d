"""A roster row obeys the pegawai form's rules, and everything a roster import writes names that import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kinerja_desktop.core.db.models import AuditLog, Pegawai, SyncLog
from kinerja_desktop.core.db.server_backup import TANPA_CADANGAN
from kinerja_desktop.core.exchange.actions import riwayat
from kinerja_desktop.core.exchange.roster import apply_import, plan_import
from kinerja_desktop.core.exchange.roster.apply import ApplyResult
from kinerja_desktop.core.model.pegawai import PegawaiInput
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.pegawai import check_pegawai
from kinerja_desktop.core.workspace import Workspace


def test_a_name_of_40000_characters_is_refused_at_its_cell_as_the_form_refuses_it(
    workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any
) -> None:
    nama = "Budi " * 8000  # 40,000 characters typed into the Nama cell
    path = kit.isi_templat(workspace, admin, tmp_path / "panjang.xlsx", [kit.baris(kit.nip_pns(1), nama)])
    sebelum = kit.snapshot(workspace)
    with workspace.read() as s:
        plan = plan_import(s, admin, path)
        _, masalah = check_pegawai(s, admin, PegawaiInput(nip=kit.nip_pns(1), nama=nama))
    typed = next(m.pesan for m in masalah if m.kolom == "nama")
    assert typed == "Nama pegawai terlalu panjang (maksimal 150 karakter)."
    (galat,) = plan.galat
    assert (galat.lembar, galat.baris, galat.kolom, galat.pesan) == ("Pegawai", 2, "Nama", typed)
    assert not plan.ok and kit.snapshot(workspace) == sebelum


def test_every_audit_entry_of_a_roster_import_names_its_sync_log_record(
    demo: Workspace, demo_admin: Actor, tmp_path: Path, kit: Any
) -> None:
    rows = [
        kit.baris(kit.nip_pns(901), "Sari Dewi"),
        kit.baris(kit.nip_pppk(902), "Rudi Hartono", status_kepegawaian="PPPK", golongan="IX"),
    ]
    path = kit.isi_templat(demo, demo_admin, tmp_path / "baru.xlsx", rows)
    with demo.read() as s:
        sebelumnya = int(s.scalar(select(func.max(AuditLog.id))) or 0)
        plan = plan_import(s, demo_admin, path)
    assert plan.ok, [g.teks() for g in plan.galat]
    hasil = apply_import(demo, demo_admin, plan)
    assert hasil.ditambah == 2

    with demo.read() as s:
        (impor,) = s.scalars(select(SyncLog).where(SyncLog.jenis_paket == "roster")).all()
        entri = s.scalars(select(AuditLog).where(AuditLog.id > sebelumnya)).all()
        baru = set(
            s.scalars(select(Pegawai.id).where(Pegawai.nip.in_([kit.nip_pns(901), kit.nip_pppk(902)])))
        )
        daftar = riwayat(s, demo_admin)
    dalam_transaksi = [e for e in entri if e.aksi != "cadangan"]  # the backup is taken before it
    assert {e.sync_log_id for e in dalam_transaksi} == {impor.id}
    tambah = {e.baris_id for e in dalam_transaksi if (e.tabel, e.aksi) == ("pegawai", "tambah")}
    assert tambah == baru
    assert {e.tabel for e in dalam_transaksi if e.aksi == "tambah"} >= {"pegawai", "riwayat_jabatan"}
    assert (impor.arah, impor.nama_berkas, impor.username) == ("impor", "baru.xlsx", demo_admin.username)
    assert len(impor.sha256) == 64 and impor.jumlah == {
        "total": {"baru": 2, "ubah": 0},
        "unit_dibuat": 0,
        "diarsipkan": 0,
    }
    (di_riwayat,) = [r for r in daftar if r.jenis == "roster"]
    assert (di_riwayat.jenis_label, di_riwayat.ringkas()) == ("Daftar pegawai", "2 baru")


def test_a_control_character_hidden_in_a_cell_is_refused_at_that_cell(
    workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any
) -> None:
    # "_x0000_" is how a workbook writes a NUL: python-calamine reads it back as one.
    baris = kit.baris(kit.nip_pns(1), "Ahmad_x0000_ Fauzi", tempat_lahir="Palembang")
    path = kit.isi_templat(workspace, admin, tmp_path / "nul.xlsx", [baris])
    sebelum = kit.snapshot(workspace)
    with workspace.read() as s:
        plan = plan_import(s, admin, path)
    (galat,) = plan.galat
    assert (galat.lembar, galat.baris, galat.kolom) == ("Pegawai", 2, "Nama")
    assert galat.pesan.startswith(
        "Nama pegawai berisi karakter tak terlihat yang tidak boleh disimpan (U+0000"
    )
    assert not plan.ok and kit.snapshot(workspace) == sebelum


def test_the_report_names_the_backup_or_says_there_is_none_on_a_server(tmp_path: Path) -> None:
    berkas = tmp_path / "cadangan" / "kinerja-sebelum-impor.sqlite3"
    dengan = ApplyResult(2, 1, 0, 0, berkas).lines()
    assert dengan[0] == "Impor selesai: 2 pegawai ditambah, 1 diubah, 0 unit kerja dibuat."
    assert dengan[-1] == f"Cadangan sebelum impor: {berkas}"
    assert ApplyResult(2, 1, 0, 0, None).lines()[-1] == TANPA_CADANGAN  # a server: said, not left out
