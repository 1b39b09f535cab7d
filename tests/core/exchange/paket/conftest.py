"""Fixtures for package import: two small demo offices, an empty central office, and helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pendukung_db import sidik_basis_data
from pendukung_paket import sign_paket, sign_workbook
from sqlalchemy import select

from kinerja_desktop.core.db.base import Base
from kinerja_desktop.core.exchange.paket.apply import HasilImpor, apply_plan
from kinerja_desktop.core.exchange.paket.fetch import fetch_paket_kantor
from kinerja_desktop.core.exchange.paket.model import Baris, InfoPaket, JenisPaket, Paket, checksum_paket
from kinerja_desktop.core.exchange.paket.plan.model import RencanaImpor
from kinerja_desktop.core.exchange.paket.plan.planner import plan_paket
from kinerja_desktop.core.exchange.paket.signature import sign_info
from kinerja_desktop.core.exchange.paket.sync_base import MITRA_PUSAT, record_export
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor, kunci_kantor
from kinerja_desktop.core.services.access import SYSTEM, Actor
from kinerja_desktop.core.workspace import Workspace

TAHUN = date.today().year
PEGAWAI = 8


class Sinkron:
    """Helpers for import tests (test modules cannot import conftest)."""

    tahun = TAHUN

    @staticmethod
    def paket(
        ws: Workspace,
        kode: str | None = None,
        *,
        jenis: JenisPaket = JenisPaket.KANTOR,
        tujuan: str = "",
        catat: bool = True,
        dibuat_pada: datetime | None = None,
    ) -> Paket:
        """What an export would carry: office ``kode`` (default: this one) as held here, for the year.

        With ``catat`` the export is recorded as the base agreed with the receiver (as the exporter does).
        """
        kode = kode or ws.kantor_kode
        with ws.transaction() as s:
            rows = fetch_paket_kantor(s, kode, TAHUN)
            sendiri = kantor.get_kantor(s)
            info = InfoPaket(
                jenis,
                sendiri.kode,
                sendiri.nama,
                tujuan,
                TAHUN,
                dibuat_pada or datetime.now(UTC),
                "uji",
                {t: len(v) for t, v in rows.items()},
                checksum_paket(rows),
            )
            paket = Paket(sign_info(info, kunci_kantor.private_key(s)), rows)
            if catat:
                record_export(s, paket, tujuan or MITRA_PUSAT)
        return paket

    sign = staticmethod(sign_paket)
    sign_workbook = staticmethod(sign_workbook)

    @staticmethod
    def rencana(ws: Workspace, paket: Paket, actor: Actor = SYSTEM, **kw: Any) -> RencanaImpor:
        with ws.read() as s:
            return plan_paket(s, actor, paket, **kw)

    @staticmethod
    def impor(
        ws: Workspace, paket: Paket, actor: Actor = SYSTEM, **kw: Any
    ) -> tuple[RencanaImpor, HasilImpor]:
        r = Sinkron.rencana(ws, paket, actor)
        return r, apply_plan(ws, actor, r, **kw)

    @staticmethod
    def isi(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table except the logs: equal means the data is unchanged."""
        hasil: dict[str, list[tuple[Any, ...]]] = {}
        with ws.read() as s:
            for t in Base.metadata.sorted_tables:
                if t.name in ("audit_log", "sync_log"):
                    continue
                hasil[t.name] = sorted((tuple(r) for r in s.execute(select(t))), key=repr)
        return hasil

    @staticmethod
    def normal(paket_baris: dict[str, list[Baris]]) -> dict[str, list[dict[str, Any]]]:
        """Rows as two databases must agree on them: the BerAKHLAK values (born in every office with
        their own ids, merged by their order) named by their order, and compared on content only."""
        baris = {t: [r.sebagai_dict() for r in rows] for t, rows in paket_baris.items()}
        urut = {r["id"]: f"perilaku-{r['urutan']}" for r in baris.get("perilaku", [])}
        hasil: dict[str, list[dict[str, Any]]] = {}
        for tabel, rows in baris.items():
            if tabel == "perilaku":
                isi = ("urutan", "nama", "definisi", "pernyataan", "dihapus_pada")
                hasil[tabel] = sorted(({k: r[k] for k in isi} for r in rows), key=lambda r: r["urutan"])
                continue
            ubah = [
                dict(r, perilaku_id=urut.get(r["perilaku_id"])) if "perilaku_id" in r else r for r in rows
            ]
            hasil[tabel] = sorted(ubah, key=lambda r: r["id"])
        return hasil

    @staticmethod
    def hash_berkas(ws: Workspace) -> str:
        """The database file's hash, taken with every connection closed (no WAL left); on a server,
        every row of every table."""
        ws.engine.dispose()
        return sidik_basis_data(ws.paths.data_dir)


@pytest.fixture
def sinkron() -> type[Sinkron]:
    return Sinkron


def _demo(root: Path, kode: str, seed: int) -> Path:
    from kinerja_desktop.core.demo import generate_demo

    folder = root / kode
    ws = Workspace.open(AppPaths(folder))
    generate_demo(
        ws, jumlah_pegawai=PEGAWAI, kantor_kode=kode, kantor_nama=f"Kecamatan {kode}", seed=seed, tahun=TAHUN
    )
    ws.close()
    return folder


@pytest.fixture(scope="session")
def templat_sinkron(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two demo offices (PLJ, SKU) and an empty central office (PUSAT), built once per run."""
    root = tmp_path_factory.mktemp("sinkron")
    folders = {"PLJ": _demo(root, "PLJ", 1), "SKU": _demo(root, "SKU", 2)}
    pusat = Workspace.open(AppPaths(root / "PUSAT"))
    with pusat.transaction() as s:
        data = kantor.KantorInput(
            kode="PUSAT", nama="BKPSDM Kota Palembang", tempat="Palembang", is_pusat=True
        )
        kantor.initialise(s, data, "admin", "rahasia123", "Admin Pusat")
    pusat.close()
    folders["PUSAT"] = root / "PUSAT"
    return folders


@pytest.fixture
def buka(
    templat_sinkron: dict[str, Path], buka_salinan: Callable[[Path], Workspace]
) -> Callable[[str], Workspace]:
    """``buka("PLJ")``: a fresh copy of that office's data folder, opened (closed after the test)."""
    return lambda kode: buka_salinan(templat_sinkron[kode])
