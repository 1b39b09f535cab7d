"""Reading a package back: the same rows and checksum as written, for the demo office and tricky values."""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kinerja_desktop.core.db.models import Skp
from kinerja_desktop.core.exchange.paket.build import build_paket_induk, build_paket_kantor
from kinerja_desktop.core.exchange.paket.model import InfoPaket, JenisPaket, Paket, checksum_paket
from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket
from kinerja_desktop.core.exchange.paket.schema import Kolom, TipeKolom, jenis_tabel, semua_jenis
from kinerja_desktop.core.exchange.paket.writer.workbook import clean_texts, write_paket
from kinerja_desktop.core.workspace import Workspace


def test_demo_office_round_trip_gives_the_same_rows_and_checksum(
    demo_office: Callable[[int], Path], buka_salinan: Callable[[Path], Workspace], tmp_path: Path
) -> None:
    ws = buka_salinan(demo_office(20))
    with ws.read() as s:
        tahun = s.scalars(select(Skp.tahun)).first()
        paket = build_paket_kantor(s, ws.kantor_kode, tahun, "1.0", dengan_siasn=True)
        induk = build_paket_induk(s, ws.kantor_kode, tahun, "1.0", kantor_kode="PST")
    for p in (paket, induk):
        path = tmp_path / f"{p.info.jenis}.xlsx"
        write_paket(p, path)
        hasil = read_paket(path)
        assert hasil.masalah == [] and hasil.checksum_cocok
        assert hasil.paket.info == p.info
        assert hasil.paket.baris == p.baris
        assert list(hasil.paket.nomor["pegawai"]) == list(range(2, len(p.baris["pegawai"]) + 2))


_TERLARANG = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n") + "\r\ufffe\uffff"
_HURUF = st.characters(blacklist_categories=("Cs",), blacklist_characters=_TERLARANG)
_AWAL = st.sampled_from(["", "=", "+", "-", "@", "=SUM(A1:A2)", " ", "'", "0", "_x0041_", "a_x005F_"])
_PANJANG = st.builds(
    lambda n, c: (c * n)[:32_767], st.integers(100, 12_000), st.sampled_from(["é=ß\n", "Ab ", "𝔘"])
)
_TEKS = st.builds(lambda a, b: a + b, _AWAL, st.text(_HURUF, max_size=20)) | _PANJANG
_NIP = st.text(string.digits, min_size=18, max_size=18)
_DESIMAL = st.decimals(
    min_value=Decimal("-99999999999999.9999"),
    max_value=Decimal("99999999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)
_WAKTU = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2999, 12, 31)).map(
    lambda w: w.replace(tzinfo=UTC)
)
_JSON = st.none() | st.dictionaries(st.text(_HURUF, max_size=8), st.text(_HURUF, max_size=20) | st.integers())


def _nilai(k: Kolom) -> st.SearchStrategy[Any]:
    if k.nama == "nip":
        return _NIP
    s: st.SearchStrategy[Any] = {
        TipeKolom.TEKS: _TEKS,
        TipeKolom.BULAT: st.integers(-(10**12), 10**12),
        TipeKolom.DESIMAL: _DESIMAL,
        TipeKolom.TANGGAL: st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
        TipeKolom.WAKTU: _WAKTU,
        TipeKolom.BOOLEAN: st.booleans(),
        TipeKolom.JSON: _JSON,
    }[k.tipe]
    return s if k.wajib or k.tipe is TipeKolom.JSON else st.none() | s


def _baris(tabel: str) -> st.SearchStrategy[dict[str, Any]]:
    jenis = jenis_tabel(tabel)
    return st.fixed_dictionaries({k.nama: _nilai(k) for k in jenis.kolom if k.nama != "id"})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pegawai=st.lists(_baris("pegawai"), max_size=4),
    indikator=st.lists(_baris("indikator"), max_size=4),
    evaluasi=st.lists(_baris("evaluasi"), max_size=3),
)
def test_tricky_values_round_trip_exactly(
    tmp_path: Path,
    pegawai: list[dict[str, Any]],
    indikator: list[dict[str, Any]],
    evaluasi: list[dict[str, Any]],
) -> None:
    isi: dict[str, list[dict[str, Any]]] = {j.tabel: [] for j in semua_jenis()}
    isi |= {"pegawai": pegawai, "indikator": indikator, "evaluasi": evaluasi}
    baris = {
        tabel: [jenis_tabel(tabel).baris(**r, id=f"{tabel}-{i}") for i, r in enumerate(rows)]
        for tabel, rows in isi.items()
    }
    clean_texts(baris)  # what buat_paket_* does: blank texts become "" or None
    info = InfoPaket(
        JenisPaket.KANTOR,
        "=PLJ",
        "@Kantor",
        "",
        None,
        datetime(2026, 1, 1, tzinfo=UTC),
        "1",
        {t: len(r) for t, r in baris.items()},
        checksum_paket(baris),
    )
    path = tmp_path / "p.xlsx"
    write_paket(Paket(info, baris), path)
    hasil = read_paket(path)
    assert [m for m in hasil.masalah if m.menghalangi] == []
    for tabel, rows in baris.items():
        assert hasil.paket.baris[tabel] == rows, tabel
    assert hasil.checksum_cocok and hasil.paket.info == info
