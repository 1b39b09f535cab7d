"""A package whose cells are wrong: emptied required texts are invalid, each problem is reported once; and
a workbook edited after export is refused before any plan."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.paket.plan.model import RencanaImpor
from kinerja_desktop.core.exchange.paket.plan.planner import plan_paket
from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket
from kinerja_desktop.core.exchange.paket.writer.workbook import write_paket
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace

Buka = Callable[[str], Workspace]


def _kolom(ws: Any, judul: str) -> int:
    return int([c.value for c in ws[1]].index(judul) + 1)


def _rencana(
    buka: Buka, sinkron: Any, tmp_path: Path, ubah: Callable[[Any], None], *, signed: bool = True
) -> RencanaImpor:
    """The plan at the central office of PLJ's package with ``ubah`` done to its cells; ``signed``: as
    PLJ would have exported it so (signed after the change), else edited on the way."""
    pusat, plj = buka("PUSAT"), buka("PLJ")
    path = tmp_path / "paket.xlsx"
    write_paket(sinkron.paket(plj), path)
    wb = load_workbook(path)
    ubah(wb)
    wb.save(path)
    if signed:
        sinkron.sign_workbook(plj, path)
    hasil = read_paket(path)
    with pusat.read() as s:
        return plan_paket(s, SYSTEM, hasil.paket, hasil.masalah, checksum_cocok=hasil.checksum_cocok)


@pytest.mark.parametrize(
    ("lembar", "judul"),
    [
        ("Pegawai", "Nama"),
        ("Pegawai", "NIP"),
        ("RHK", "Teks"),
        ("Indikator", "Teks"),
        ("Unit Kerja", "Nama"),
        ("Perilaku Kerja", "Nama"),
    ],
)
def test_a_required_text_emptied_in_excel_is_an_invalid_row(
    buka: Buka, sinkron: Any, tmp_path: Path, lembar: str, judul: str
) -> None:
    def kosongkan(wb: Any) -> None:
        ws = wb[lembar]
        ws.cell(2, _kolom(ws, judul)).value = None  # emptied (cell(…, None) would not write)

    rencana = _rencana(buka, sinkron, tmp_path, kosongkan)
    assert not rencana.ok
    (m,) = [m for m in rencana.galat if (m.lembar, m.baris) == (lembar, 2)]
    assert m.kolom == judul and "wajib diisi" in m.pesan
    assert next(j for j in rencana.jumlah if j.lembar == lembar).galat == 1


def test_a_nip_turned_into_a_number_is_reported_once(buka: Buka, sinkron: Any, tmp_path: Path) -> None:
    def angka(wb: Any) -> None:
        ws = wb["Pegawai"]
        kolom = _kolom(ws, "NIP")
        ws.cell(2, kolom, int(ws.cell(2, kolom).value))

    rencana = _rencana(buka, sinkron, tmp_path, angka)
    di_sel = [m for m in rencana.masalah if (m.lembar, m.baris, m.kolom) == ("Pegawai", 2, "NIP")]
    assert len(di_sel) == 1 and "angka" in di_sel[0].pesan, [m.pesan for m in di_sel]
    assert next(j for j in rencana.jumlah if j.lembar == "Pegawai").galat == 1


def test_a_number_typed_as_text_is_read_the_indonesian_way(buka: Buka, sinkron: Any, tmp_path: Path) -> None:
    path = tmp_path / "paket.xlsx"
    write_paket(sinkron.paket(buka("PLJ")), path)
    wb = load_workbook(path)
    ws = wb["Indikator"]
    kolom = _kolom(ws, "Target min")
    for baris, teks in ((2, "1.500"), (3, "1.500,5"), (4, "1,2,3")):
        ws.cell(baris, kolom).value = teks
    wb.save(path)
    hasil = read_paket(path)
    nomor = list(hasil.paket.nomor["indikator"])
    target = {nomor[i]: b.get("target_min") for i, b in enumerate(hasil.paket.baris["indikator"])}
    assert (target[2], target[3]) == (Decimal(1500), Decimal("1500.5"))
    (salah,) = [m for m in hasil.masalah if (m.lembar, m.baris, m.kolom) == ("Indikator", 4, "Target min")]
    assert "seharusnya angka (misalnya 1.500 atau 12,5)" in salah.pesan and salah.menghalangi


def test_a_package_edited_after_export_is_refused_before_any_plan(
    buka: Buka, sinkron: Any, tmp_path: Path
) -> None:
    def ubah(wb: Any) -> None:
        ws = wb["Pegawai"]
        ws.cell(2, _kolom(ws, "Telepon"), "0711-999")

    with pytest.raises(KnownError) as refused:
        _rencana(buka, sinkron, tmp_path, ubah, signed=False)
    pesan = str(refused.value)
    assert "diubah setelah diekspor" in pesan and "lembar Info, Checksum data (SHA-256)" in pesan
    assert "Minta kantor PLJ mengekspor ulang paketnya" in pesan


def test_the_summary_uses_the_same_count_words_as_the_table(buka: Buka, sinkron: Any, tmp_path: Path) -> None:
    from kinerja_desktop.core.exchange.paket.plan.model import Aksi
    from kinerja_desktop.core.exchange.report import KOLOM_JUMLAH

    def kosongkan(wb: Any) -> None:
        ws = wb["RHK"]
        ws.cell(2, _kolom(ws, "Teks")).value = "  "

    rencana = _rencana(buka, sinkron, tmp_path, kosongkan)
    kalimat = rencana.ringkasan()[0]
    assert "1 tidak sah" in kalimat and "galat" not in kalimat, kalimat
    judul = [j for _, j in KOLOM_JUMLAH]
    assert judul == [a.label for a in Aksi] == ["Baru", "Berubah", "Sama", "Usang", "Konflik", "Tidak sah"]
