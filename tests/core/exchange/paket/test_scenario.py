"""The whole cycle: two offices export, central imports both and a conflict, paket induk goes back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from kinerja_desktop.core.db.models import Pegawai, Realisasi
from kinerja_desktop.core.exchange.paket.apply import apply_plan
from kinerja_desktop.core.exchange.paket.model import JenisPaket
from kinerja_desktop.core.exchange.paket.plan.model import Aksi
from kinerja_desktop.core.workspace import Workspace

Buka = Callable[[str], Workspace]


def _jumlah(rencana: Any) -> dict[str, int]:
    return {a.value: rencana.total(a) for a in Aksi}


def test_offices_and_central_agree_after_one_round_and_nothing_moves_on_the_second(
    buka: Buka, sinkron: Any
) -> None:
    pusat, plj, sku = buka("PUSAT"), buka("PLJ"), buka("SKU")
    admin = pusat.login("admin", "rahasia123")
    for p in [sinkron.paket(ws) for ws in (plj, sku)]:
        rencana, _ = sinkron.impor(pusat, p, admin)
        n = sum(len(v) for v in p.baris.values())
        assert _jumlah(rencana) == {"baru": n - 7, "ubah": 0, "sama": 7, "usang": 0, "konflik": 0, "galat": 0}

    # Both sides edit: PLJ two pegawai and one realisation, central one of the same pegawai.
    with plj.read() as s:
        x, y = s.scalars(select(Pegawai.id).order_by(Pegawai.nip).limit(2)).all()
        r = s.scalars(select(Realisasi.id).order_by(Realisasi.id).limit(1)).one()
    with plj.transaction() as s:
        s.get(Pegawai, x).nama = "Ditulis Kantor"  # type: ignore[union-attr]
        s.get(Pegawai, y).telepon = "0711-123"  # type: ignore[union-attr]
        s.get(Realisasi, r).teks = "Diperbaiki di kantor"  # type: ignore[union-attr]
    with pusat.transaction(admin) as s:
        s.get(Pegawai, x).nama = "Ditulis Pusat"  # type: ignore[union-attr]
    ketiga = sinkron.paket(plj)
    rencana = sinkron.rencana(pusat, ketiga, admin)
    n = sum(len(v) for v in ketiga.baris.values())
    assert _jumlah(rencana) == {"baru": 0, "ubah": 2, "sama": n - 3, "usang": 0, "konflik": 1, "galat": 0}
    apply_plan(pusat, admin, rencana, semua="kami")

    # Paket induk back to each office; each imports it; a second import of anything is a no-op.
    for ws in (plj, sku):
        induk = sinkron.paket(pusat, ws.kantor_kode, jenis=JenisPaket.INDUK, tujuan=ws.kantor_kode)
        balik, _ = sinkron.impor(ws, induk)
        n = sum(len(v) for v in induk.baris.values())
        ubah = 1 if ws is plj else 0  # PLJ takes central's choice for x; SKU had nothing new
        assert _jumlah(balik) == {
            "baru": 0,
            "ubah": ubah,
            "sama": n - ubah,
            "usang": 0,
            "konflik": 0,
            "galat": 0,
        }
        assert {g.tabel for g in balik.penggabungan} == {"perilaku"}
        assert not sinkron.rencana(ws, induk).ada_perubahan
    with plj.read() as s:
        assert s.get(Pegawai, x).nama == "Ditulis Pusat"  # type: ignore[union-attr]
    for ws in (plj, sku):
        lagi = sinkron.paket(ws)
        assert not sinkron.rencana(pusat, lagi).ada_perubahan
        di_pusat = sinkron.paket(pusat, ws.kantor_kode, catat=False)
        assert sinkron.normal(di_pusat.baris) == sinkron.normal(lagi.baris), "central and office agree"
