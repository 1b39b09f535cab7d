"""Workbook file safety: hostile workbooks are refused before python-calamine loads them, sane ones pass."""

from __future__ import annotations

import random
import string
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import python_calamine
from pendukung_berkas import (
    bomb,
    read_apart,
    shared_xml,
    sheet_xml,
    workbook_parts,
    write_zip,
)

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange import xlsx_checks
from kinerja_desktop.core.exchange.xlsx_checks import Batas, Gaya, check_workbook
from kinerja_desktop.core.exchange.xlsx_scan import POTONGAN, Jangkauan

GAYA = Gaya(
    galat=lambda pesan, saran: KnownError(pesan, saran=saran),
    saran_ulang="(ulang)",
    saran_format="(format)",
    saran_xls="(xls)",
    saran_batas="(batas)",
)
BATAS = Batas(baris=1_000, kolom=40)
FAR = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def _row(r: int, *nilai: str) -> str:
    return (
        f'<row r="{r}">'
        + "".join(f'<c r="{k}{r}"><v>{v}</v></c>' for k, v in zip("ABC", nilai, strict=False))
        + "</row>"
    )


def _book(tmp_path: Path, isi: str, dimensi: str | None = None, **lain: Any) -> Path:
    return write_zip(tmp_path / "buku.xlsx", workbook_parts({"Data": sheet_xml(isi, dimensi)}, **lain))


def _scan(path: Path, batas: Batas = BATAS) -> Jangkauan:
    return check_workbook(path, GAYA).scan({"Data": batas})["Data"]


def _refused(path: Path, pola: str, batas: Batas = BATAS) -> str:
    with pytest.raises(KnownError, match=pola) as info:
        _scan(path, batas)
    return str(info.value)


def test_a_sane_sheet_is_measured_as_calamine_reads_it(tmp_path: Path) -> None:
    path = _book(tmp_path, _row(1, "1", "2") + _row(7, "3", "4", "5"), "A1:C7")
    h = _scan(path)
    assert (h.baris, h.kolom, h.dimensi, h.rumus) == (7, 3, "A1:C7", [])
    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Data")
    assert (sheet.height, sheet.width) == (7, 3)


def test_a_far_cell_is_refused_before_calamine_sees_it(tmp_path: Path) -> None:
    pesan = _refused(_book(tmp_path, _row(1, "1") + FAR), "terlalu lebar")
    assert "Lembar 'Data' pada berkas buku.xlsx terlalu lebar: sel XFD1048576 berada di kolom XFD" in pesan
    assert "paling jauh sampai kolom AN (40 kolom)" in pesan and pesan.endswith("(batas)")


def test_a_lying_dimension_does_not_hide_a_far_cell(tmp_path: Path) -> None:
    path = _book(tmp_path, _row(1, "1", "2") + '<row r="2"><c r="ZZ2"><v>1</v></c></row>', "A1:B2")
    _refused(path, "terlalu lebar: sel ZZ2 berada di kolom ZZ")


def test_a_dimension_beyond_the_limits_is_refused_by_itself(tmp_path: Path) -> None:
    _refused(_book(tmp_path, _row(1, "1"), "A1:XFD1048576"), "mencatat ukurannya A1:XFD1048576")


def test_a_far_row_hidden_in_the_middle_of_a_long_sheet(tmp_path: Path) -> None:
    """The fast path reads the last cell of each chunk; a far row before it must not slip through."""
    rows = [_row(r, "1234567890", "x" * 3000) for r in range(1, 900)]
    rows[450] = '<row r="500000"><c r="b500000"><v>1</v></c></row>'  # lower case, as calamine reads it
    isi = "".join(rows)
    assert len(isi) > 2 * POTONGAN  # a few chunks long, the far row inside one
    _refused(_book(tmp_path, isi), r"terlalu panjang: sel b500000 berada di baris 500\.000")


def test_an_absurdly_long_reference_is_beyond_any_limit(tmp_path: Path) -> None:
    path = _book(tmp_path, _row(1, "1") + '<row r="2"><c r="A00000000000000002"><v>1</v></c></row>')
    _refused(path, "alamat sel yang tidak wajar")


def test_cells_without_a_reference_are_placed_as_calamine_places_them(tmp_path: Path) -> None:
    sel = "".join("<c><v>1</v></c>" for _ in range(45))  # A…AS of row 1: wider than AN
    _refused(_book(tmp_path, f"<row>{sel}</row>"), "terlalu lebar: sel AS1 berada di kolom AS")
    # A row without r follows the one before; a cell without r follows the one before in its row.
    isi = '<row r="5"><c r="C5"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row><row><c/></row>'
    h = _scan(_book(tmp_path, isi))
    assert (h.baris, h.kolom, h.sel_baris, h.sel_kolom) == (7, 4, "A7", "D5")
    sheet = python_calamine.CalamineWorkbook.from_path(str(tmp_path / "buku.xlsx")).get_sheet_by_name("Data")
    assert sheet.to_python(skip_empty_area=False)[4:6] == [["", "", 1.0, 2.0], [3.0, "", "", ""]]


def test_prefixed_and_unusually_written_cells_are_read_too(tmp_path: Path) -> None:
    isi = (
        '<x:row xmlns:x="urn:x" r="1"><x:c r="A1"><x:v>1</x:v></x:c>'
        '<x:c r = "XFD1"><x:v>1</x:v></x:c></x:row>'
    )
    _refused(_book(tmp_path, isi), "terlalu lebar: sel XFD1")
    _refused(_book(tmp_path, "<row><c t='n' r='AZ1'><v>1</v></c></row>"), "terlalu lebar: sel AZ1")


def test_xml_no_spreadsheet_program_writes_is_refused(tmp_path: Path) -> None:
    _refused(_book(tmp_path, "<row><c><v>1</v></row>"), "bukan lembar kerja Excel yang wajar")
    _refused(_book(tmp_path, "<row><c><is><c r='A1'/></is></c></row>"), "bukan lembar kerja Excel yang wajar")


def test_a_formula_is_seen_with_its_cell_wherever_the_chunks_end(tmp_path: Path) -> None:
    """Chunks end before a cell, so a cell and its formula are never read apart."""
    isi = "".join(
        f'<row r="{r}"><c r="A{r}"><f>1+1</f><v>2</v></c><c r="b{r}" t="str"><f>TRUE()</f><v>1</v></c></row>'
        for r in range(1, 600)
    )
    isi = isi.replace("</row>", "</row>" + " " * 3000)  # a few chunks long
    h = _scan(_book(tmp_path, isi))
    assert h.rumus == [(r, 1) for r in range(1, 600)]  # TRUE() is LibreOffice's boolean, not a formula
    h = _scan(_book(tmp_path, "<row r=\"1\"><c r='A1'><f>1+1</f><v>2</v></c></row>"))
    assert h.rumus == [(None, None)]  # a formula whose cell cannot be placed is still a formula


def test_a_zip_bomb_is_refused_without_being_inflated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = bomb(tmp_path / "bom.xlsx", 1024**3)
    assert path.stat().st_size < 2 * 1024**2  # a gigabyte of sheet in about one megabyte
    dibuka: list[str] = []
    buka = zipfile.ZipFile.open

    def catat(self: zipfile.ZipFile, name: Any, *arg: Any, **kw: Any) -> Any:
        dibuka.append(name if isinstance(name, str) else name.filename)
        return buka(self, name, *arg, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "open", catat)
    with pytest.raises(KnownError, match=r"terlalu besar bila dibuka \(1,0 GB.*lebih dari 200 kali"):
        check_workbook(path, GAYA)
    assert "xl/worksheets/sheet1.xml" not in dibuka


def test_a_zip_of_too_many_parts_is_refused_before_zipfile_lists_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = workbook_parts({"Data": sheet_xml(_row(1, "1"))}) | {f"xl/lain/{i}.xml": b"" for i in range(20)}
    path = write_zip(tmp_path / "banyak.xlsx", parts)
    assert check_workbook(path, GAYA).nama_lembar == ["Data"]
    monkeypatch.setattr(xlsx_checks, "MAKS_BAGIAN", 10)
    monkeypatch.setattr(zipfile, "ZipFile", None)  # refused from the last bytes of the file alone
    with pytest.raises(KnownError, match=r"berisi 25 bagian; buku kerja yang wajar berisi paling banyak 10"):
        check_workbook(path, GAYA)


def test_a_huge_shared_string_count_is_refused(tmp_path: Path) -> None:
    """calamine reserves room for as many shared strings as the file claims: 10 billion aborts it."""
    path = _book(tmp_path, _row(1, "1"), shared=shared_xml(["a"], unik=10_000_000_000))
    with pytest.raises(KnownError, match=r"terlalu banyak teks berbeda \(10\.000\.000\.000"):
        check_workbook(path, GAYA)


def test_a_long_shared_string_copied_into_many_cells_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panjang = "x" * 100_000
    sel = "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c><c r="B{r}" t="s"><v>1</v></c></row>'
        for r in range(1, 31)
    )
    path = _book(tmp_path, sel, shared=shared_xml([panjang, "pendek"]))
    h = _scan(path)
    assert h.sel_teks == 60 and 30 * 100_000 < h.teks_bersama < 30 * 100_100
    monkeypatch.setattr(xlsx_checks, "MAKS_TEKS_LEMBAR", 2 * 1024**2)
    _refused(path, r"terlalu besar bila dibuka: teks di sel-selnya .* berjumlah lebih dari 2 MB")


def test_parts_are_found_as_calamine_finds_them(tmp_path: Path) -> None:
    """Zip names are compared without case and a Target may be absolute: no sheet escapes the scan."""
    parts = workbook_parts({"Data": sheet_xml(_row(1, "1") + FAR)})
    parts["XL/Worksheets/Sheet1.xml"] = parts.pop("xl/worksheets/sheet1.xml")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b'Target="worksheets/sheet1.xml"', b'Target="/xl/worksheets/sheet1.xml"'
    )
    _refused(write_zip(tmp_path / "buku.xlsx", parts), "terlalu lebar: sel XFD1048576")
    parts["xl/worksheets/SHEET1.xml"] = b"<worksheet/>"
    with pytest.raises(KnownError, match="ada lebih dari sekali"):
        check_workbook(write_zip(tmp_path / "ganda.xlsx", parts), GAYA)


def test_other_formats_and_broken_lists_are_refused(tmp_path: Path) -> None:
    parts = workbook_parts({"Data": sheet_xml(_row(1, "1"))})
    with pytest.raises(KnownError, match=r"Excel biner \(\.xlsb\)"):
        check_workbook(write_zip(tmp_path / "b.xlsx", parts | {"xl/workbook.bin": b""}), GAYA)
    rusak = parts | {"xl/workbook.xml": parts["xl/workbook.xml"].replace(b'r:id="rId1"', b'r:id="rId9"')}
    with pytest.raises(KnownError, match="daftar lembarnya tidak terbaca"):
        check_workbook(write_zip(tmp_path / "r.xlsx", rusak), GAYA)
    hilang = {k: v for k, v in parts.items() if k != "xl/worksheets/sheet1.xml"}
    with pytest.raises(KnownError, match="isi lembar 'Data' tidak ada"):
        check_workbook(write_zip(tmp_path / "h.xlsx", hilang), GAYA)


def _far_cell(path: Path) -> Path:
    return write_zip(path, workbook_parts({"Pegawai": sheet_xml(_row(1, "NIP", "Nama") + FAR)}))


def _long_shared_string(path: Path) -> Path:
    """3,000 cells each given their own copy of a 1 MB shared string: 3 GB for calamine."""
    acak = random.Random(1)
    teks = "".join(acak.choices(string.ascii_letters, k=1024**2))
    sel = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 3001))
    return write_zip(path, workbook_parts({"Pegawai": sheet_xml(sel)}, shared_xml([teks])))


@pytest.mark.parametrize(
    ("buat", "pola"),
    [
        (_far_cell, "terlalu lebar: sel XFD1048576"),
        (lambda p: bomb(p, 1024**3), "terlalu besar bila dibuka (1,0 GB"),
        (_long_shared_string, "berjumlah lebih dari 256 MB"),
    ],
    ids=["far-cell", "zip-bomb", "shared-string"],
)
def test_a_hostile_roster_does_not_take_the_process_down(
    tmp_path: Path, buat: Callable[[Path], Path], pola: str
) -> None:
    """Read in a process of its own: a crash would show as a signal; memory stays small while refusing."""
    hasil = read_apart(
        "kinerja_desktop.core.exchange.roster.reader", "read_roster", buat(tmp_path / "x.xlsx")
    )
    assert hasil.kode == 0, hasil.keluaran
    assert pola in hasil.ditolak, hasil.keluaran
    assert hasil.puncak_mb <= 300
