"""Applying plans: newer rows update, older ones are stale, two-sided edits conflict, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from kinerja_desktop.core.db.base import utcnow
from kinerja_desktop.core.db.models import AuditLog, Pegawai, Pelatihan, Realisasi
from kinerja_desktop.core.errors import DatabaseError, KnownError
from kinerja_desktop.core.exchange.paket import apply as terapkan_tulis
from kinerja_desktop.core.exchange.paket.apply import apply_plan
from kinerja_desktop.core.exchange.paket.model import JenisPaket
from kinerja_desktop.core.exchange.paket.plan.model import Aksi
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace

Buka = Callable[[str], Workspace]


def _ubah_pegawai(ws: Workspace, pegawai_id: str, **nilai: Any) -> None:
    """An edit through the ORM, as the app makes it (the session hook bumps revisi)."""
    with ws.transaction() as s:
        p = s.get(Pegawai, pegawai_id)
        assert p is not None
        for k, v in nilai.items():
            setattr(p, k, v)


def _pegawai(ws: Workspace, pegawai_id: str) -> Pegawai:
    with ws.read() as s:
        p = s.get(Pegawai, pegawai_id)
        assert p is not None
        return p


def _beberapa_pegawai(ws: Workspace, n: int) -> list[str]:
    with ws.read() as s:
        return list(s.scalars(select(Pegawai.id).order_by(Pegawai.nip).limit(n)))


def test_a_newer_version_updates_and_keeps_its_revision(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    sinkron.impor(pusat, sinkron.paket(plj))
    (pid,) = _beberapa_pegawai(plj, 1)
    _ubah_pegawai(plj, pid, nama="Budi Santoso Baru")
    with plj.transaction() as s:
        pelatihan_id = s.scalars(select(Pelatihan.id).limit(1)).one()
        s.get(Pelatihan, pelatihan_id).dihapus_pada = utcnow()  # type: ignore[union-attr]
    paket = sinkron.paket(plj)
    rencana, _ = sinkron.impor(pusat, paket)
    assert rencana.total(Aksi.UBAH) == 2 and rencana.total(Aksi.BARU) == 0 and not rencana.konflik
    baru = _pegawai(pusat, pid)
    asli = _pegawai(plj, pid)
    assert (baru.nama, baru.revisi, baru.diubah_pada, baru.kantor_asal) == (
        asli.nama,
        asli.revisi,
        asli.diubah_pada,
        "PLJ",
    )
    with pusat.read() as s:
        assert s.get(Pelatihan, pelatihan_id).dihapus_pada is not None  # type: ignore[union-attr]
    di_pusat = sinkron.paket(pusat, "PLJ", catat=False)
    assert sinkron.normal(di_pusat.baris) == sinkron.normal(paket.baris)


def test_an_older_package_changes_nothing_and_says_so(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    lama = sinkron.paket(plj, dibuat_pada=datetime.now(UTC) - timedelta(days=1))
    (pid,) = _beberapa_pegawai(plj, 1)
    _ubah_pegawai(plj, pid, nama="Nama Yang Lebih Baru")
    sinkron.impor(pusat, sinkron.paket(plj))
    sebelum = sinkron.isi(pusat)
    rencana, hasil = sinkron.impor(pusat, lama)
    assert rencana.total(Aksi.USANG) == 1 and rencana.total(Aksi.UBAH) == 0 and rencana.lebih_lama
    assert any("lebih lama" in b for b in rencana.ringkasan())
    assert hasil.cadangan is None and sinkron.isi(pusat) == sebelum
    assert _pegawai(pusat, pid).nama == "Nama Yang Lebih Baru"


def test_changes_on_both_sides_are_conflicts_resolved_per_row_audited_and_sent_back(
    buka: Buka, sinkron: Any
) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    admin = pusat.login("admin", "rahasia123")
    sinkron.impor(pusat, sinkron.paket(plj))
    x, y = _beberapa_pegawai(plj, 2)
    _ubah_pegawai(pusat, x, nama="Nama Dari Pusat")
    _ubah_pegawai(pusat, y, tempat_lahir="Lahat")
    _ubah_pegawai(plj, x, nama="Nama Dari Kantor")
    _ubah_pegawai(plj, y, tempat_lahir="Prabumulih")
    paket = sinkron.paket(plj)
    rencana = sinkron.rencana(pusat, paket, admin)
    assert rencana.total(Aksi.KONFLIK) == 2 and rencana.total(Aksi.UBAH) == 0
    kx = next(k for k in rencana.konflik if k.id == x)
    nip = _pegawai(plj, x).nip
    assert kx.uraian == f"Pegawai {nip} Nama Dari Pusat" and kx.revisi_dasar == 1
    assert [(b.kolom, b.kami, b.mereka) for b in kx.beda] == [("Nama", "Nama Dari Pusat", "Nama Dari Kantor")]
    with pytest.raises(KnownError, match="2 konflik belum diputuskan"):
        apply_plan(pusat, admin, rencana)
    with pytest.raises(KnownError, match="1 konflik belum diputuskan"):
        apply_plan(pusat, admin, rencana, pilihan={("pegawai", x): "kami"})
    apply_plan(pusat, admin, rencana, pilihan={("pegawai", x): "kami", ("pegawai", y): "mereka"})
    px, py = _pegawai(pusat, x), _pegawai(pusat, y)
    assert px.nama == "Nama Dari Pusat" and px.revisi == 3, "ours wins with a revision above both"
    assert py.tempat_lahir == "Prabumulih" and py.revisi == _pegawai(plj, y).revisi
    with pusat.read() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.aksi == "konflik").order_by(AuditLog.id)).all()
    assert {(a.baris_id, a.username) for a in audit} == {(x, "admin"), (y, "admin")}
    assert any("dipilih data kami" in a.keterangan for a in audit)
    assert any("dipilih data Kecamatan PLJ (PLJ)" in a.keterangan for a in audit)

    # The same package again: nothing new (our choice stands); then the paket induk goes back.
    again = sinkron.rencana(pusat, paket)
    assert not again.konflik and not again.ada_perubahan and again.total(Aksi.USANG) == 1
    induk = sinkron.paket(pusat, "PLJ", jenis=JenisPaket.INDUK, tujuan="PLJ")
    balik, _ = sinkron.impor(plj, induk)
    assert balik.total(Aksi.UBAH) == 1 and not balik.konflik and balik.total(Aksi.BARU) == 0
    assert _pegawai(plj, x).nama == "Nama Dari Pusat" and _pegawai(plj, y).tempat_lahir == "Prabumulih"
    assert not sinkron.rencana(plj, induk).ada_perubahan
    assert not sinkron.rencana(pusat, sinkron.paket(plj)).ada_perubahan


def test_all_conflicts_can_take_their_side(buka: Buka, sinkron: Any) -> None:
    pusat, plj = buka("PUSAT"), buka("PLJ")
    sinkron.impor(pusat, sinkron.paket(plj))
    for pid in _beberapa_pegawai(plj, 3):
        _ubah_pegawai(pusat, pid, alamat="Alamat pusat")
        _ubah_pegawai(plj, pid, alamat="Alamat kantor")
    rencana, hasil = sinkron.impor(pusat, sinkron.paket(plj), semua="mereka")
    assert len(rencana.konflik) == 3 and set(hasil.pilihan.values()) == {"mereka"}
    assert all(_pegawai(pusat, pid).alamat == "Alamat kantor" for pid in _beberapa_pegawai(plj, 3))


def test_the_same_nip_born_in_two_places_is_offered_as_a_merge(buka: Buka, sinkron: Any) -> None:
    pusat, plj, sku = buka("PUSAT"), buka("PLJ"), buka("SKU")
    sinkron.impor(pusat, sinkron.paket(plj))
    (di_plj,) = _beberapa_pegawai(plj, 1)
    nip = _pegawai(plj, di_plj).nip
    (di_sku,) = _beberapa_pegawai(sku, 1)
    _ubah_pegawai(sku, di_sku, nip=nip)
    paket = sinkron.paket(sku)
    rencana = sinkron.rencana(pusat, paket)
    gabung = [g for g in rencana.penggabungan if g.tabel == "pegawai"]
    assert len(gabung) == 1 and not gabung[0].otomatis
    assert (gabung[0].id_mereka, gabung[0].id_kami) == (di_sku, di_plj) and nip in gabung[0].uraian
    assert any("data yang sama tercatat dua kali akan digabungkan" in b for b in rencana.ringkasan())
    assert any(k.id == di_plj and k.revisi_dasar is None for k in rencana.konflik), "twins differ: choose"
    apply_plan(pusat, SYSTEM, rencana, semua="kami")
    with pusat.read() as s:
        assert len(s.scalars(select(Pegawai.id).where(Pegawai.nip == nip)).all()) == 1
        assert s.get(Pegawai, di_sku) is None
        gabung_audit = s.scalars(
            select(AuditLog).where(AuditLog.aksi == "gabung", AuditLog.tabel == "pegawai")
        )
        assert [a.baris_id for a in gabung_audit] == [di_plj]
    assert not sinkron.rencana(pusat, paket).ada_perubahan, "the merge is remembered"


def test_a_failure_while_writing_leaves_the_file_byte_identical(
    buka: Buka, sinkron: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pusat, plj, sku = buka("PUSAT"), buka("PLJ"), buka("SKU")
    sinkron.impor(pusat, sinkron.paket(plj))
    rencana = sinkron.rencana(pusat, sinkron.paket(sku))
    sebelum = sinkron.hash_berkas(pusat)

    def gagal(self: Any, rows: Any) -> None:
        raise OperationalError("UPDATE", {}, Exception("database or disk is full"))

    monkeypatch.setattr(terapkan_tulis.Penulis, "fill_postponed", gagal)
    with pytest.raises(DatabaseError, match="Penyimpanan komputer penuh"):
        apply_plan(pusat, SYSTEM, rencana)
    assert sinkron.hash_berkas(pusat) == sebelum
    with pusat.read() as s:
        s.execute(update(Realisasi).values(teks=Realisasi.teks))  # still a working database
