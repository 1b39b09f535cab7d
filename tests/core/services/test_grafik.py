"""The home screen's chart numbers on a small office built here: per unit, per predikat, per year, scope."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.core.db.models import (
    Evaluasi,
    Indikator,
    Kantor,
    Pegawai,
    Realisasi,
    Rhk,
    Skp,
    UnitKerja,
)
from kinerja_desktop.core.rules.periode import Periode
from kinerja_desktop.core.rules.predikat import Predikat
from kinerja_desktop.core.services import grafik
from kinerja_desktop.core.services.access import Actor, Peran
from kinerja_desktop.core.workspace import Workspace

HARI = date(2026, 5, 20)  # Triwulan II of 2026
SB, B, BP, K = Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG


@dataclass
class KantorKecil:
    """Ids of the office built by ``kantor_kecil``."""

    units: dict[str, str] = field(default_factory=dict)
    pegawai: dict[str, str] = field(default_factory=dict)


class _Pembangun:
    def __init__(self, s: Session) -> None:
        self.s = s
        self.kantor_id = s.scalars(select(Kantor.id)).one()
        self.n = 0

    def unit(self, nama: str, induk: str | None = None, urutan: int = 0) -> str:
        row = UnitKerja(kantor_id=self.kantor_id, nama=nama, induk_id=induk, urutan=urutan)
        self.s.add(row)
        self.s.flush()
        return row.id

    def pegawai(self, nama: str, unit: str | None, atasan: str | None = None, aktif: bool = True) -> str:
        self.n += 1
        row = Pegawai(
            kantor_id=self.kantor_id,
            nip=f"19800101200501{1000 + self.n}",
            nama=nama,
            unit_kerja_id=unit,
            atasan_id=atasan,
            status_aktif="aktif" if aktif else "pensiun",
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def skp(self, pegawai: str, tahun: int, status: str = "disetujui") -> str:
        row = Skp(
            pegawai_id=pegawai,
            tahun=tahun,
            periode_awal=date(tahun, 1, 1),
            periode_akhir=date(tahun, 12, 31),
            status=status,
        )
        self.s.add(row)
        self.s.flush()
        return row.id

    def realisasi(self, skp: str, periode: str, nilai: Decimal | None = Decimal(3)) -> None:
        rhk = Rhk(skp_id=skp, teks="Layanan administrasi")
        self.s.add(rhk)
        self.s.flush()
        indikator = Indikator(rhk_id=rhk.id, teks="Jumlah layanan")
        self.s.add(indikator)
        self.s.flush()
        self.s.add(Realisasi(indikator_id=indikator.id, periode=periode, nilai=nilai))

    def evaluasi(self, skp: str, periode: str, predikat: Predikat | None, final: bool = False) -> None:
        self.s.add(
            Evaluasi(
                skp_id=skp,
                periode=periode,
                predikat=predikat.value if predikat else None,
                status="final" if final else "draf",
            )
        )


@pytest.fixture
def kantor_kecil(workspace: Workspace) -> KantorKecil:
    """Root "Kecamatan" (head + 1), "Sekretariat" with a sub-unit (3 + 1 retired), "Kelurahan" (2)."""
    ids = KantorKecil()
    with workspace.transaction() as s:
        b = _Pembangun(s)
        root = ids.units["root"] = b.unit("Kecamatan", urutan=0)
        sekre = ids.units["sekre"] = b.unit("Sekretariat", root, urutan=1)
        ids.units["subbag"] = b.unit("Subbagian Umum", sekre, urutan=2)
        ids.units["lurah"] = b.unit("Kelurahan", root, urutan=3)
        camat = ids.pegawai["camat"] = b.pegawai("Camat", root)
        ids.pegawai["staf_root"] = b.pegawai("Staf Kecamatan", root, atasan=camat)
        for nama in ("sekre1", "sekre2"):
            ids.pegawai[nama] = b.pegawai(nama, sekre, atasan=camat)
        ids.pegawai["subbag1"] = b.pegawai("subbag1", ids.units["subbag"])
        ids.pegawai["pensiun"] = b.pegawai("pensiun", sekre, atasan=camat, aktif=False)
        for nama in ("lurah1", "lurah2"):
            ids.pegawai[nama] = b.pegawai(nama, ids.units["lurah"])
        ids.pegawai["tanpa_unit"] = b.pegawai("tanpa unit", None)
        p = ids.pegawai
        # 2026: approved SKPs, except sekre2 (draft) and lurah2 (none).
        skp = {n: b.skp(p[n], 2026) for n in ("camat", "staf_root", "sekre1", "subbag1", "lurah1")}
        b.skp(p["sekre2"], 2026, status="draft")
        skp["pensiun"] = b.skp(p["pensiun"], 2026)
        b.realisasi(skp["sekre1"], "TW2")
        b.realisasi(skp["subbag1"], "TW2")
        b.realisasi(skp["lurah1"], "TW2", nilai=None)  # nothing typed yet: not filled
        b.realisasi(skp["camat"], "TW1")  # another period
        b.realisasi(skp["pensiun"], "TW2")  # retired: not counted
        b.evaluasi(skp["sekre1"], "TW2", B, final=True)
        b.evaluasi(skp["subbag1"], "TW2", SB)
        b.evaluasi(skp["lurah1"], "TW2", None)  # started, no predikat yet
        b.evaluasi(skp["staf_root"], "TW2", K)
        b.evaluasi(skp["camat"], "TW1", B, final=True)
        b.evaluasi(skp["pensiun"], "TW2", SB, final=True)
        b.evaluasi(skp["staf_root"], "TW3", BP)  # not started yet on HARI: skipped
        # Annual evaluations of earlier years (the retired pegawai still counts for the trend).
        for tahun, n, predikat, final in (
            (2024, "sekre1", B, True),
            (2024, "pensiun", SB, True),
            (2025, "sekre1", SB, True),
            (2025, "staf_root", B, True),
            (2025, "lurah1", K, False),  # still a draft: not in the trend
            (2021, "camat", B, True),  # before the five years
        ):
            b.evaluasi(b.skp(p[n], tahun), "AKHIR", predikat, final=final)
    return ids


def _data(ws: Workspace, actor: Actor, hari: date = HARI) -> grafik.DataGrafik:
    with ws.read() as s:
        return grafik.data_grafik(s, actor, hari)


def _penilai(pegawai_id: str | None) -> Actor:
    return Actor("x", "penilai", "Penilai", Peran.PENILAI, pegawai_id)


def test_progress_per_top_unit(workspace: Workspace, kantor_kecil: KantorKecil) -> None:
    data = _data(workspace, workspace.login("admin", "rahasia123"))
    k = data.kemajuan
    assert (k.tahun, k.periode, data.lingkup) == (2026, Periode("TW2"), "seluruh kantor")
    baris = {u.nama: u for u in k.units}
    assert list(baris) == ["Kecamatan", "Sekretariat", "Kelurahan", grafik.TANPA_UNIT]
    # Kecamatan: its own two pegawai (sub-units roll up into the root's children, not the root).
    assert baris["Kecamatan"] == grafik.KemajuanUnit(kantor_kecil.units["root"], "Kecamatan", 2, 2, 0, 1, 0)
    # Sekretariat with its Subbagian; the retired pegawai is not counted anywhere.
    sekre = kantor_kecil.units["sekre"]
    assert baris["Sekretariat"] == grafik.KemajuanUnit(sekre, "Sekretariat", 3, 2, 2, 2, 1)
    assert baris["Kelurahan"] == grafik.KemajuanUnit(kantor_kecil.units["lurah"], "Kelurahan", 2, 1, 0, 0, 0)
    assert baris[grafik.TANPA_UNIT] == grafik.KemajuanUnit(None, grafik.TANPA_UNIT, 1)


def test_the_period_follows_the_day(workspace: Workspace, kantor_kecil: KantorKecil) -> None:
    data = _data(workspace, workspace.login("admin", "rahasia123"), date(2026, 2, 1))
    assert data.kemajuan.periode == Periode("TW1")
    camat = next(u for u in data.kemajuan.units if u.nama == "Kecamatan")
    assert (camat.realisasi_terisi, camat.dinilai, camat.final) == (1, 1, 1)


def test_distribution_of_the_latest_started_period(workspace: Workspace, kantor_kecil: KantorKecil) -> None:
    sebaran = _data(workspace, workspace.login("admin", "rahasia123")).sebaran
    assert (sebaran.tahun, sebaran.periode) == (2026, Periode("TW2"))  # TW3 has a predikat but starts later
    assert sebaran.jumlah == {SB: 1, B: 1, BP: 0, K: 1, Predikat.SANGAT_KURANG: 0}
    assert sebaran.dinilai == 3
    awal = _data(workspace, workspace.login("admin", "rahasia123"), date(2026, 1, 10)).sebaran
    assert (awal.periode, awal.jumlah[B]) == (Periode("TW1"), 1)
    with workspace.transaction() as s:
        for row in s.scalars(select(Evaluasi)):
            row.predikat = None
    kosong = _data(workspace, workspace.login("admin", "rahasia123")).sebaran
    assert kosong.periode is None and kosong.dinilai == 0


def test_trend_of_final_annual_predikat(workspace: Workspace, kantor_kecil: KantorKecil) -> None:
    tren = _data(workspace, workspace.login("admin", "rahasia123")).tren
    assert tren.tahun == [2022, 2023, 2024, 2025, 2026]
    assert {t: {p: n for p, n in per.items() if n} for t, per in tren.jumlah.items()} == {
        2022: {},
        2023: {},
        2024: {B: 1, SB: 1},
        2025: {SB: 1, B: 1},
        2026: {},
    }
    assert not tren.kosong


def test_a_penilai_counts_its_direct_subordinates(workspace: Workspace, kantor_kecil: KantorKecil) -> None:
    data = _data(workspace, _penilai(kantor_kecil.pegawai["camat"]))
    assert data.lingkup == "bawahan langsung Anda"
    assert {
        u.nama: (u.pegawai, u.skp_disetujui, u.realisasi_terisi, u.dinilai) for u in data.kemajuan.units
    } == {
        "Kecamatan": (1, 1, 0, 1),
        "Sekretariat": (2, 1, 1, 1),
    }
    assert data.sebaran.jumlah[B] == 1 and data.sebaran.jumlah[K] == 1 and data.sebaran.dinilai == 2
    assert {t: sum(per.values()) for t, per in data.tren.jumlah.items()} == {
        2022: 0,
        2023: 0,
        2024: 2,  # sekre1 and the retired pegawai
        2025: 2,
        2026: 0,
    }


def test_a_penilai_without_pegawai_sees_nobody(workspace: Workspace, kantor_kecil: KantorKecil) -> None:
    data = _data(workspace, _penilai(None))
    assert data.kemajuan.units == [] and data.sebaran.dinilai == 0 and data.tren.kosong
