"""Round trip: an office's roster imports unchanged into an empty office; re-import is a no-op; edits show."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.backup import list_backups
from kinerja_desktop.core.db.models import AuditLog, Pegawai, RiwayatJabatan, RiwayatPangkat
from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.core.exchange.roster import Aksi, Perubahan, apply_import, plan_import
from kinerja_desktop.core.exchange.roster.columns import KOLOM
from kinerja_desktop.core.exchange.roster.units import PetaUnit
from kinerja_desktop.core.model.pegawai import StatusAktif
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.services.pegawai.records import archive_pegawai
from kinerja_desktop.core.workspace import Workspace

_MEDAN = (
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "status_kepegawaian",
    "golongan",
    "tmt_golongan",
    "tmt_cpns",
    "jabatan",
    "jenis_jabatan",
    "jenjang_jabatan",
    "tmt_jabatan",
    "email",
    "telepon",
    "status_aktif",
)


def _pegawai(session: Session) -> dict[str, dict[str, Any]]:
    """Every pegawai by NIP, with unit as path and superior as NIP (ids differ between offices)."""
    peta = PetaUnit(session)
    rows = list(session.scalars(select(Pegawai)))
    nip = {p.id: p.nip for p in rows}
    return {
        p.nip: {m: getattr(p, m) for m in _MEDAN}
        | {"unit": peta.jalur(p.unit_kerja_id), "atasan": nip.get(p.atasan_id or "")}
        for p in rows
    }


def _audit(ws: Workspace) -> int:
    with ws.read() as session:
        return len(session.scalars(select(AuditLog.id)).all())


def test_export_imports_unchanged_into_an_empty_office(
    demo: Workspace, roster: Path, workspace: Workspace, admin: Actor
) -> None:
    with workspace.read() as session:
        plan = plan_import(session, admin, roster)
    assert plan.ok, plan.lines()
    assert plan.counts[Aksi.TAMBAH] == 12
    with demo.read() as session:
        asal = _pegawai(session)
        unit_asal = {v["unit"] for v in asal.values()} - {"Kecamatan Plaju"}
    assert set(plan.unit_baru) == unit_asal
    teks = "\n".join(plan.lines())
    assert "Ditambah        : 12 pegawai" in teks and "Unit kerja yang akan dibuat:" in teks

    hasil = apply_import(workspace, admin, plan)

    assert (hasil.ditambah, hasil.diubah, hasil.unit_dibuat) == (12, 0, len(unit_asal))
    if workspace.is_sqlite:  # a server database is backed up with the server's tools
        assert hasil.cadangan is not None and hasil.cadangan.exists()
        assert "sebelum-impor-pegawai" in hasil.cadangan.name
        assert hasil.cadangan in list_backups(workspace.paths.backups)
    with workspace.read() as session:
        assert _pegawai(session) == asal
        assert len(session.scalars(select(RiwayatJabatan.id)).all()) == 12
        assert len(session.scalars(select(RiwayatPangkat.id)).all()) == 12
        impor = session.scalars(select(AuditLog).where(AuditLog.aksi == "impor")).one()
        assert impor.username == "admin" and "12 ditambah" in impor.keterangan
        tambah = session.scalars(
            select(AuditLog).where(AuditLog.tabel == "pegawai", AuditLog.aksi == "tambah")
        )
        assert len(tambah.all()) == 12


def test_reimporting_the_same_file_changes_nothing(
    roster: Path, workspace: Workspace, admin: Actor, demo: Workspace, demo_admin: Actor, kit: Any
) -> None:
    with workspace.read() as session:
        apply_import(workspace, admin, plan_import(session, admin, roster))
    for ws, actor in ((workspace, admin), (demo, demo_admin)):
        sebelum, audit = kit.snapshot(ws), _audit(ws)
        with ws.read() as session:
            plan = plan_import(session, actor, roster)
        assert plan.counts[Aksi.SAMA] == 12 and plan.ok and not plan.ada_perubahan
        assert plan.lines()[-1] == "Tidak ada yang perlu diubah: isi berkas sudah sama dengan data."
        hasil = apply_import(ws, actor, plan)
        assert (hasil.ditambah, hasil.diubah, hasil.cadangan) == (0, 0, None)
        assert kit.snapshot(ws) == sebelum and _audit(ws) == audit


def _ubah_sel(path: Path, judul: str, baris: int, nilai: object) -> object:
    wb = openpyxl.load_workbook(path)
    ws = wb["Pegawai"]
    kolom = [k.judul for k in KOLOM].index(judul) + 1
    lama = ws.cell(row=baris, column=kolom).value
    ws.cell(row=baris, column=kolom, value=nilai)
    wb.save(path)
    return lama


def _baris_pns(path: Path) -> tuple[int, str, str]:
    ws = openpyxl.load_workbook(path)["Pegawai"]
    for i, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if row[7] == "PNS" and row[8] in ("III/a", "III/b", "III/c"):
            return i, str(row[0]), str(row[8])
    raise AssertionError("tidak ada PNS golongan III/a–c di demo")


def test_an_edited_cell_is_one_change_with_old_and_new(
    roster: Path, demo: Workspace, demo_admin: Actor, kit: Any
) -> None:
    baris, nip, lama = _baris_pns(roster)
    baru = {"III/a": "III/b", "III/b": "III/c", "III/c": "III/d"}[lama]
    _ubah_sel(roster, "Golongan", baris, baru.replace("/", " ").lower())  # typed as "iii c"
    with demo.read() as session:
        plan = plan_import(session, demo_admin, roster)
    assert plan.counts[Aksi.UBAH] == 1 and plan.counts[Aksi.SAMA] == 11
    row = next(b for b in plan.baris if b.aksi is Aksi.UBAH)
    assert (row.baris, row.nip) == (baris, nip)
    assert row.perubahan == [Perubahan("Golongan", lama, baru)]
    assert f"    Golongan: {lama} → {baru}" in plan.lines()

    sebelum = kit.snapshot(demo)
    apply_import(demo, demo_admin, plan)
    with demo.read() as session:
        p = session.scalars(select(Pegawai).where(Pegawai.nip == nip)).one()
        assert p.golongan == baru
        pangkat = session.scalars(select(RiwayatPangkat.golongan).where(RiwayatPangkat.pegawai_id == p.id))
        assert baru in pangkat.all()
    assert kit.snapshot(demo)["counts"]["pegawai"] == sebelum["counts"]["pegawai"]


def test_a_new_unit_and_a_moved_superior_show_in_the_plan(
    roster: Path, demo: Workspace, demo_admin: Actor
) -> None:
    baris, nip, _ = _baris_pns(roster)
    lama_unit = _ubah_sel(roster, "Unit Kerja", baris, "Kecamatan Plaju / Seksi Baru / Subseksi Arsip")
    lama_atasan = _ubah_sel(roster, "NIP Atasan", baris, "")
    with demo.read() as session:
        plan = plan_import(session, demo_admin, roster)
    assert plan.unit_baru == ["Kecamatan Plaju / Seksi Baru", "Kecamatan Plaju / Seksi Baru / Subseksi Arsip"]
    row = next(b for b in plan.baris if b.aksi is Aksi.UBAH)
    assert {p.kolom: (p.lama, p.baru) for p in row.perubahan} == {
        "Unit Kerja": (lama_unit, "Kecamatan Plaju / Seksi Baru / Subseksi Arsip"),
        "NIP Atasan": (lama_atasan, ""),
    }
    hasil = apply_import(demo, demo_admin, plan)
    assert hasil.unit_dibuat == 2
    with demo.read() as session:
        p = session.scalars(select(Pegawai).where(Pegawai.nip == nip)).one()
        assert PetaUnit(session).jalur(p.unit_kerja_id) == "Kecamatan Plaju / Seksi Baru / Subseksi Arsip"
        assert p.atasan_id is None


def test_a_stale_plan_is_refused_and_nothing_is_written(
    roster: Path, demo: Workspace, demo_admin: Actor, kit: Any
) -> None:
    baris, nip, _ = _baris_pns(roster)
    _ubah_sel(roster, "Email", baris, "baru@contoh.go.id")
    with demo.read() as session:
        plan = plan_import(session, demo_admin, roster)
    with demo.transaction(demo_admin) as session:
        p = session.scalars(select(Pegawai).where(Pegawai.nip == nip)).one()
        p.telepon = "0711-123456"  # someone else edits this pegawai after the preview
    sebelum = kit.snapshot(demo)
    with pytest.raises(ValidationError, match="setelah pratinjau"):
        apply_import(demo, demo_admin, plan)
    assert kit.snapshot(demo)["pegawai"] == sebelum["pegawai"]


def test_status_aktif_is_not_changed_by_import_but_said(
    roster: Path, demo: Workspace, demo_admin: Actor, kit: Any
) -> None:
    baris, nip, _ = _baris_pns(roster)
    with demo.transaction(demo_admin) as session:
        p = session.scalars(select(Pegawai).where(Pegawai.nip == nip)).one()
        archive_pegawai(session, demo_admin, p.id, StatusAktif.MUTASI_KELUAR, date(2026, 1, 5))
    sebelum = kit.snapshot(demo)
    with demo.read() as session:
        plan = plan_import(session, demo_admin, roster)
    assert plan.ok and plan.counts[Aksi.SAMA] == 12
    [g] = plan.peringatan
    assert (g.baris, g.kolom) == (baris, "Status Aktif")
    assert "Status aktif di berkas (Aktif) berbeda dengan data (Mutasi keluar)" in g.pesan

    _ubah_sel(roster, "Jabatan", baris, "Jabatan Baru")
    with demo.read() as session:
        plan = plan_import(session, demo_admin, roster)
    [g] = plan.galat
    assert g.kolom == "NIP" and "data pegawai nonaktif tidak diubah lewat impor" in g.pesan
    assert kit.snapshot(demo) == sebelum


def test_progress_is_reported_and_a_cancel_rolls_everything_back(
    roster: Path, workspace: Workspace, admin: Actor, kit: Any
) -> None:
    laporan: list[tuple[int, int, str]] = []
    with workspace.read() as session:
        plan = plan_import(session, admin, roster, progress=lambda *a: laporan.append(a))
    assert laporan[0] == (0, 12, "Memeriksa baris") and len(laporan) == 12

    class Batal(Exception):
        pass

    def batal(done: int, total: int, label: str) -> None:
        if done == 5:
            raise Batal

    sebelum = kit.snapshot(workspace)["pegawai"], kit.snapshot(workspace)["units"]
    with pytest.raises(Batal):
        apply_import(workspace, admin, plan, progress=batal)
    assert (kit.snapshot(workspace)["pegawai"], kit.snapshot(workspace)["units"]) == sebelum
