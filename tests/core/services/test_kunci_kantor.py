"""Office keys: every office has its key pair (old databases get one when opened); pins and their rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pendukung_skema import isi_folder_skema
from sqlalchemy import select

from kinerja_desktop.core.db.models import AuditLog, Pengaturan
from kinerja_desktop.core.errors import PermissionDenied, ValidationError
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor, kunci_kantor
from kinerja_desktop.core.services.access import SYSTEM, Actor, Peran
from kinerja_desktop.core.signing import new_key_pair
from kinerja_desktop.core.workspace import Workspace

DATA = Path(__file__).resolve().parents[2] / "data"


def test_a_database_from_before_signing_gets_a_key_pair_when_opened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    ws = Workspace.open(isi_folder_skema(DATA / "schema_0004.sqlite3", folder))
    try:
        with ws.read() as s:
            sendiri = kunci_kantor.own_key(s)
            privat = kunci_kantor.private_key(s)
            (dibuat,) = s.scalars(select(AuditLog).where(AuditLog.aksi == "kunci_kantor")).all()
        assert sendiri.kode == "PLJ" and dibuat.keterangan.endswith(f": {sendiri.sidik}.")
        assert dibuat.username == "sistem"
    finally:
        ws.close()
    ws = Workspace.open(AppPaths(folder))  # opened again: the same key, no second event
    try:
        with ws.read() as s:
            assert kunci_kantor.private_key(s) == privat
            assert len(s.scalars(select(AuditLog).where(AuditLog.aksi == "kunci_kantor")).all()) == 1
    finally:
        ws.close()


def test_a_new_office_gets_its_key_pair_when_set_up(paths: AppPaths) -> None:
    ws = Workspace.open(paths)
    try:
        with ws.read() as s:
            assert kunci_kantor.read_keys(s, SYSTEM).sendiri is None  # not set up yet: nothing to show
        with ws.transaction() as s:
            kantor.initialise(
                s,
                kantor.KantorInput(kode="kpt", nama="Kecamatan Kertapati", tempat="Kertapati"),
                "admin",
                "rahasia123",
            )
        with ws.read() as s:
            daftar = kunci_kantor.read_keys(s, SYSTEM)
            assert (
                daftar.sendiri is not None and daftar.sendiri.sidik.startswith("KPT ") and daftar.mitra == []
            )
            assert not s.scalars(select(AuditLog).where(AuditLog.aksi == "kunci_kantor")).all()
    finally:
        ws.close()


@pytest.mark.sqlite_only("restores a SQLite backup file; a server database restores pg_dump archives")
def test_a_restored_backup_from_before_signing_gets_a_key_pair_too(
    workspace: Workspace, tmp_path: Path
) -> None:
    lama = tmp_path / "lama.sqlite3"
    shutil.copy(DATA / "schema_0004.sqlite3", lama)
    workspace.restore(lama)
    with workspace.read() as s:
        assert kunci_kantor.own_key(s).kode == "PLJ"


def test_pins_are_read_back_sorted_and_a_broken_one_is_left_out(workspace: Workspace) -> None:
    a, b = new_key_pair(), new_key_pair()
    with workspace.transaction() as s:
        kunci_kantor.pin_key(s, SYSTEM, "SKU", a.publik)
        kunci_kantor.pin_key(s, SYSTEM, "KPT", b.publik)
        assert kunci_kantor.pin_key(s, SYSTEM, "SKU", a.publik).kunci_publik == a.publik  # already pinned
        s.add(Pengaturan(kunci="kunci_mitra:RUSAK", nilai="{bukan json"))
        s.add(Pengaturan(kunci="kunci_mitraXSKU", nilai="{}"))  # "_" is not a wildcard
    with workspace.read() as s:
        assert [k.kode for k in kunci_kantor.pinned_keys(s)] == ["KPT", "SKU"]
        with pytest.raises(kunci_kantor.KunciBerbeda) as beda:
            kunci_kantor.check_pinned(s, "SKU", b.publik)
    assert beda.value.tersimpan.kunci_publik == a.publik and beda.value.sidik_baru.startswith("SKU ")


def test_accepting_a_key_needs_an_administrator_a_reason_and_another_office(
    workspace: Workspace, admin: Actor
) -> None:
    publik = new_key_pair().publik
    operator = Actor(None, "operator", "Operator", Peran.OPERATOR)
    with pytest.raises(PermissionDenied), workspace.transaction(operator) as s:
        kunci_kantor.accept_key(s, operator, "SKU", publik, "Komputer baru")
    with pytest.raises(ValidationError) as sendiri, workspace.transaction(admin) as s:
        kunci_kantor.accept_key(s, admin, "plj", publik, "Komputer baru")
    assert sendiri.value.kolom == "kantor"
    with pytest.raises(ValidationError) as rusak, workspace.transaction(admin) as s:
        kunci_kantor.accept_key(s, admin, "SKU", "bukan kunci", "Komputer baru")
    assert rusak.value.kolom == "kunci"
    with pytest.raises(ValidationError) as pendek, workspace.transaction(admin) as s:
        kunci_kantor.accept_key(s, admin, "SKU", publik, "ok")
    assert pendek.value.kolom == "alasan"
    with workspace.transaction(admin) as s:
        kunci = kunci_kantor.accept_key(s, admin, " sku ", publik, "  Kantor   baru dibuka ")
    assert (kunci.kode, kunci.alasan, kunci.sebelumnya) == ("SKU", "Kantor baru dibuka", ())
    assert kunci.cara == "diterima oleh admin: Kantor baru dibuka"
