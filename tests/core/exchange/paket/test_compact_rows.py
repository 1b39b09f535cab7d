"""Compact rows: the fast checksum equals the reference one, shared values, and rows found in the database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, MetaData, String, Table, create_engine, insert

from kinerja_desktop.core.exchange.paket.checksum import checksum_cepat
from kinerja_desktop.core.exchange.paket.compact import Compactor
from kinerja_desktop.core.exchange.paket.model import checksum_paket, kelas_baris
from kinerja_desktop.core.exchange.paket.plan.local import tanda_lokal
from kinerja_desktop.core.exchange.paket.schema import jenis_tabel

_APA_SAJA = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(-(10**15), 10**15),
    st.booleans(),
    st.floats(allow_nan=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.dates(),
    st.datetimes(timezones=st.just(UTC)),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


@settings(max_examples=60, deadline=None)
@given(isi=st.lists(st.tuples(_APA_SAJA, _APA_SAJA, _APA_SAJA), max_size=30), potong=st.integers(1, 5))
def test_fast_checksum_equals_the_reference_for_any_mix_of_values(
    isi: list[tuple[Any, Any, Any]], potong: int
) -> None:
    """Columns holding several types at once (what a damaged workbook gives) take the slow path."""
    import kinerja_desktop.core.exchange.paket.checksum as verifikasi

    kelas = kelas_baris("uji", ("zeta", "id", "alfa", "nilai"))
    rows = [kelas(f"z{i}", f"id-{i:03d}", a, b) for i, (a, b, _) in enumerate(isi)]
    lain = [kelas(c, f"x{i}", None, 1) for i, (_, _, c) in enumerate(isi)]
    baris = {"uji": rows, "lain": lain, "kosong": []}
    asli = verifikasi._POTONG
    verifikasi._POTONG = potong  # slices of a few rows: every path is crossed
    try:
        assert checksum_cepat(baris) == checksum_paket(baris)
    finally:
        verifikasi._POTONG = asli


def test_the_same_decimal_written_two_ways_keeps_its_own_digits() -> None:
    jenis = jenis_tabel("indikator")
    i = jenis.indeks("target_min")
    isi = [[None] * len(jenis.kolom) for _ in range(2)]
    isi[0][i], isi[1][i] = Decimal("1.0"), Decimal("1.00")
    rows = Compactor().baris(jenis, isi)
    assert [str(r.target_min) for r in rows] == ["1.0", "1.00"]


def test_references_share_the_referred_rows_id_string() -> None:
    hemat = Compactor()
    rhk = jenis_tabel("rhk")
    indikator = jenis_tabel("indikator")
    rid = "".join(["rhk-", "0001"])  # built at run time: not a shared constant
    r = hemat.baris(rhk, [[rid if k.nama == "id" else None for k in rhk.kolom]])[0]
    salinan = "".join(["rhk-", "0001"])
    assert salinan is not r.id
    row = hemat.baris(indikator, [[salinan if k.nama == "rhk_id" else None for k in indikator.kolom]])[0]
    assert row.rhk_id is r.id


@pytest.mark.parametrize("banyak_di_sini", [3, 500])  # a whole-table scan, and lookups by blocks of ids
def test_rows_held_here_are_marked_once_each(banyak_di_sini: int) -> None:
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(":memory:"))
    meta = MetaData()
    t = Table("t", meta, Column("id", String, primary_key=True))
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(t), [{"id": f"a{i}"} for i in range(banyak_di_sini)])
        ids: list[Any] = ["a1", "b", None, "a2", "a1", 7]
        tanda = tanda_lokal(conn, t, ids)
    assert list(tanda) == [1, 0, 0, 1, 0, 0]  # the second "a1" is an invalid copy: its first is marked


def test_a_row_reads_by_name_and_changes_by_copy() -> None:
    jenis = jenis_tabel("pelatihan")
    row = jenis.baris(id="p1", nama="Diklat", tanggal_mulai=date(2026, 1, 2), jp=20)
    baru = row.ganti(nama="Diklat PIM")
    assert (row.nama, baru.nama, baru.id, baru.get("tidak_ada", "-")) == ("Diklat", "Diklat PIM", "p1", "-")
    assert list(baru)[jenis.indeks("jp")] == 20 and baru.sebagai_dict()["tanggal_mulai"] == date(2026, 1, 2)
    with pytest.raises(KeyError):
        jenis.baris(tidak_ada=1)
    assert datetime(2026, 1, 1, tzinfo=UTC) not in row  # a row is a tuple of values
