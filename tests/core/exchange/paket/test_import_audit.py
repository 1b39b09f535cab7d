"""Every row a package import inserts, updates or deletes is in the audit log, linked to its import."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import inspect, select

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import AuditLog, Pegawai, Pelatihan, SyncLog
from kinerja_desktop.core.exchange.paket.audit import ImportAudit
from kinerja_desktop.core.exchange.paket.plan.model import Aksi
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace

Buka = Callable[[str], Workspace]


def _entri(ws: Workspace, sync_log_id: int) -> list[AuditLog]:
    with ws.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.sync_log_id == sync_log_id)))


def _impor_terakhir(ws: Workspace) -> SyncLog:
    with ws.read() as s:
        return s.scalars(select(SyncLog).where(SyncLog.arah == "impor").order_by(SyncLog.id.desc())).first()  # type: ignore[return-value]


def test_each_new_row_has_an_entry_with_its_values_linked_to_the_import(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    paket = sinkron.paket(plj)
    with pusat.read() as s:
        sebelumnya = max(s.scalars(select(AuditLog.id)))
    rencana, _ = sinkron.impor(pusat, paket)
    impor = _impor_terakhir(pusat)
    entri = _entri(pusat, impor.id)

    baris_paket = [e for e in entri if e.aksi == "tambah" and e.tabel in rencana.keputusan]
    tambah = {(e.tabel, e.baris_id): e for e in baris_paket}
    disisip = {(t, r.id) for t, kep in rencana.keputusan.items() for r in kep.sisip}
    assert len(disisip) == rencana.total(Aksi.BARU) > 500
    assert set(tambah) == disisip  # one entry per inserted row, no more
    assert len(tambah) == len(baris_paket)
    # Besides them, only the sender's key, pinned by this first import from PLJ.
    assert [e.tabel for e in entri if e.aksi == "tambah" and e.tabel not in rencana.keputusan] == [
        "pengaturan"
    ]

    p = paket.baris["pegawai"][0]
    e = tambah[("pegawai", p.id)]
    assert e.sebelum is None and e.username == "sistem" and e.waktu is not None
    assert e.sesudah["nama"] == p.nama and e.sesudah["nip"] == p.nip  # type: ignore[index]
    assert e.sesudah["tanggal_lahir"] == p.tanggal_lahir.isoformat()  # type: ignore[index]
    assert e.sesudah["unit_kerja_id"] == p.unit_kerja_id  # type: ignore[index]
    assert "revisi" not in e.sesudah and "id" not in e.sesudah  # type: ignore[operator]
    kosong = [k for k, v in p.sebagai_dict().items() if v in (None, "")]
    assert kosong and not set(kosong) & set(e.sesudah)  # type: ignore[arg-type]

    # Everything the import wrote to the log names it, its own events (backup, summary) too.
    assert ({"cadangan", "impor"} if pusat.is_sqlite else {"impor"}) <= {x.aksi for x in entri}
    with pusat.read() as s:
        baru = s.scalars(select(AuditLog.sync_log_id).where(AuditLog.id > sebelumnya)).all()
        lama = s.scalars(select(AuditLog.sync_log_id).where(AuditLog.id <= sebelumnya)).all()
    assert set(baru) == {impor.id} and len(baru) == len(entri)
    assert set(lama) == {None}  # the office's set-up before it is not


def test_an_update_and_a_deletion_record_only_the_changed_columns(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    sinkron.impor(pusat, sinkron.paket(plj))
    with plj.transaction() as s:
        pegawai = s.scalars(select(Pegawai).order_by(Pegawai.nip).limit(1)).one()
        telepon_lama, pegawai.telepon = pegawai.telepon, "0711-555 123"
        pelatihan = s.scalars(select(Pelatihan).order_by(Pelatihan.id).limit(1)).one()
        pelatihan.dihapus_pada = utcnow()
        pid, pelatihan_id = pegawai.id, pelatihan.id
    rencana, _ = sinkron.impor(pusat, sinkron.paket(plj))
    assert rencana.total(Aksi.UBAH) == 2

    impor = _impor_terakhir(pusat)
    per_baris = {(e.tabel, e.baris_id): e for e in _entri(pusat, impor.id) if e.tabel != "sync_log"}
    ubah = per_baris[("pegawai", pid)]
    assert ubah.aksi == "ubah"
    assert ubah.sebelum == {"telepon": telepon_lama} and ubah.sesudah == {"telepon": "0711-555 123"}
    hapus = per_baris[("pelatihan", pelatihan_id)]
    assert hapus.aksi == "hapus" and hapus.sebelum == {"dihapus_pada": None}
    assert hapus.sesudah is not None and hapus.sesudah["dihapus_pada"].startswith(str(utcnow().year))
    assert {k for k, e in per_baris.items() if e.aksi in ("tambah", "ubah", "hapus")} == {
        ("pegawai", pid),
        ("pelatihan", pelatihan_id),
    }


def test_a_conflict_decided_for_the_package_is_an_update_in_the_log(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    sinkron.impor(pusat, sinkron.paket(plj))
    with plj.read() as s:
        pid = s.scalars(select(Pegawai.id).order_by(Pegawai.nip).limit(1)).one()
    for ws, nama in ((plj, "Ditulis Kantor"), (pusat, "Ditulis Pusat")):
        with ws.transaction() as s:
            s.get(Pegawai, pid).nama = nama  # type: ignore[union-attr]
    rencana, _ = sinkron.impor(pusat, sinkron.paket(plj), semua="mereka")
    assert len(rencana.konflik) == 1
    impor = _impor_terakhir(pusat)
    entri = [e for e in _entri(pusat, impor.id) if e.baris_id == pid]
    assert {e.aksi for e in entri} == {"konflik", "ubah"}
    (ubah,) = [e for e in entri if e.aksi == "ubah"]
    assert ubah.sebelum == {"nama": "Ditulis Pusat"} and ubah.sesudah == {"nama": "Ditulis Kantor"}


def _indeks_audit(ws: Workspace) -> set[str]:
    with ws.read() as s:
        return {i["name"] for i in inspect(s.connection()).get_indexes("audit_log")}


def test_a_large_import_into_a_small_log_builds_its_indexes_afresh(
    buka: Buka, sinkron: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log's indexes are set aside while a package larger than the log is written, then rebuilt."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kinerja_desktop.core.db.base import Base
    from kinerja_desktop.core.exchange.paket import audit

    monkeypatch.setattr(audit, "INDEKS_DITUNDA_MIN", 1)  # the demo office is small; the rule is the same
    pusat, plj = buka("PUSAT"), buka("PLJ")
    semula = _indeks_audit(pusat)
    assert {"ix_audit_log_baris_id", "ix_audit_log_sync_log_id"} <= semula
    dihapus: list[str] = []
    asli = audit.Index.drop

    def drop(self: Any, bind: Any, **kw: Any) -> None:
        dihapus.append(str(self.name))
        asli(self, bind, **kw)

    monkeypatch.setattr(audit.Index, "drop", drop)
    rencana, _ = sinkron.impor(pusat, sinkron.paket(plj))
    # Really set aside, and every one is back (on SQLite: a server adds to its indexes as it goes).
    assert set(dihapus) == (semula if pusat.is_sqlite else set())
    assert _indeks_audit(pusat) == semula
    with pusat.read() as s:
        assert compare_metadata(MigrationContext.configure(s.connection()), Base.metadata) == []
    impor = _impor_terakhir(pusat)
    tambah = [e for e in _entri(pusat, impor.id) if e.aksi == "tambah" and e.tabel in rencana.keputusan]
    assert len(tambah) == rencana.total(Aksi.BARU)

    dihapus.clear()  # the log now holds more than the same office's next package brings: kept
    with plj.transaction() as s:
        s.scalars(select(Pegawai).limit(1)).one().telepon = "0711-1"
    sinkron.impor(pusat, sinkron.paket(plj))
    assert dihapus == []


def test_a_failure_while_the_indexes_are_set_aside_leaves_the_file_byte_identical(
    buka: Buka, sinkron: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.core.exchange.paket import apply as terapkan_tulis
    from kinerja_desktop.core.exchange.paket import audit

    monkeypatch.setattr(audit, "INDEKS_DITUNDA_MIN", 1)
    pusat, plj = buka("PUSAT"), buka("PLJ")
    semula = _indeks_audit(pusat)
    rencana = sinkron.rencana(pusat, sinkron.paket(plj))
    sebelum = sinkron.hash_berkas(pusat)

    def gagal(self: Any, rows: Any) -> None:
        raise RuntimeError("gagal di tengah jalan")

    monkeypatch.setattr(terapkan_tulis.Penulis, "fill_postponed", gagal)
    with pytest.raises(RuntimeError, match="gagal di tengah jalan"):
        terapkan_tulis.apply_plan(pusat, SYSTEM, rencana)
    assert sinkron.hash_berkas(pusat) == sebelum
    assert _indeks_audit(pusat) == semula


def _tambah(ws: Workspace) -> dict[tuple[str, str], Any]:
    with ws.read() as s:
        entri = s.execute(
            select(AuditLog.tabel, AuditLog.baris_id, AuditLog.sesudah).where(AuditLog.aksi == "tambah")
        )
        return {(t, b): v for t, b, v in entri if t != "pengaturan"}


def test_sqlite_writes_the_same_entries_of_new_rows_as_the_python_encoder(
    buka: Buka, sinkron: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    paket = sinkron.paket(buka("PLJ"))
    di_sql, di_python = buka("PUSAT"), buka("PUSAT")
    sinkron.impor(di_sql, paket)
    asli = ImportAudit.__init__

    def python_saja(self: ImportAudit, *args: Any) -> None:
        asli(self, *args)
        self.sisip_di_sql = False

    monkeypatch.setattr(ImportAudit, "__init__", python_saja)
    sinkron.impor(di_python, paket)
    dari_sql, dari_python = _tambah(di_sql), _tambah(di_python)
    assert len(dari_sql) > 500 and dari_sql.keys() == dari_python.keys()
    beda = [
        (k, c, dari_sql[k].get(c), dari_python[k].get(c))
        for k in dari_sql
        for c in dari_sql[k].keys() | dari_python[k].keys()
        if dari_sql[k].get(c) != dari_python[k].get(c)
    ]
    assert not beda, beda[:5]
