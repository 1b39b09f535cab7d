"""Package schema covers every travelling table; extraction takes the office's rows, tombstones included."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, update

from kinerja_desktop.core.db.base import Base, SyncMixin, utcnow
from kinerja_desktop.core.db.models import Pelatihan, Skp
from kinerja_desktop.core.exchange.paket.fetch import fetch_paket_kantor
from kinerja_desktop.core.exchange.paket.model import checksum_paket
from kinerja_desktop.core.exchange.paket.schema import KOLOM_TEKNIS, TipeKolom, jenis_tabel, semua_jenis
from kinerja_desktop.core.workspace import Workspace


def test_every_travelling_table_has_a_sheet_in_dependency_order() -> None:
    travelling = {
        m.__tablename__
        for m in Base.registry._class_registry.values()
        if isinstance(m, type) and issubclass(m, SyncMixin)
    }
    jenis = semua_jenis()
    assert {j.tabel for j in jenis} == travelling
    assert len({j.lembar for j in jenis}) == len(jenis) and all(len(j.lembar) <= 31 for j in jenis)
    posisi = {j.tabel: i for i, j in enumerate(jenis)}
    for j in jenis:
        for k in j.kolom:
            if k.rujukan and k.rujukan != j.tabel and (j.tabel, k.nama) != ("unit_kerja", "kepala_id"):
                assert posisi[k.rujukan] < posisi[j.tabel], f"{j.tabel}.{k.nama} refers to a later sheet"
        assert [k.nama for k in j.kolom if k.teknis] == list(KOLOM_TEKNIS)
        assert len({k.judul for k in j.kolom}) == len(j.kolom)
    pegawai = jenis_tabel("pegawai")
    assert ("nip",) in pegawai.kunci_bisnis and "foto" not in {k.nama for k in pegawai.kolom}
    assert pegawai.kolom_bernama("tanggal_lahir").tipe is TipeKolom.TANGGAL
    assert jenis_tabel("evaluasi").kolom_bernama("snapshot_pegawai").tipe is TipeKolom.JSON
    assert ("skp_id", "periode") in jenis_tabel("evaluasi").kunci_bisnis


def test_extraction_of_a_year_keeps_tombstones_and_leaves_other_years(
    demo_office: Callable[[int], Path], buka_salinan: Callable[[Path], Workspace]
) -> None:
    ws = buka_salinan(demo_office(20))
    with ws.read() as s:
        tahun = s.scalars(select(Skp.tahun)).first()
        assert tahun is not None
        semua = fetch_paket_kantor(s, ws.kantor_kode, tahun)
        lain = fetch_paket_kantor(s, ws.kantor_kode, tahun + 1)
    assert len(semua["skp"]) == 20 and lain["skp"] == [] and lain["evaluasi"] == []
    assert len(lain["pegawai"]) == 20, "staff travel whole whatever the year"
    hapus = semua["pelatihan"][0].id
    with ws.transaction() as s:
        s.execute(update(Pelatihan).where(Pelatihan.id == hapus).values(dihapus_pada=utcnow()))
    with ws.read() as s:
        lagi = fetch_paket_kantor(s, ws.kantor_kode, tahun)
    row = next(r for r in lagi["pelatihan"] if r.id == hapus)
    assert row.dihapus_pada is not None
    assert checksum_paket(lagi) != checksum_paket(semua)
    assert checksum_paket(lagi) == checksum_paket({k: list(reversed(v)) for k, v in lagi.items()})
