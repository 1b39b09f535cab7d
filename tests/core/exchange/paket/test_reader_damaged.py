"""Hostile and damaged packages: a clear refusal for a bad file, a problem per cell for a bad value."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from pendukung_berkas import read_apart, replace_part

from kinerja_desktop.core.exchange import xlsx_checks, xlsx_scan
from kinerja_desktop.core.exchange.paket.model import Baris, InfoPaket, JenisPaket, Paket, checksum_paket
from kinerja_desktop.core.exchange.paket.reader import file_checks as baca_berkas
from kinerja_desktop.core.exchange.paket.reader import workbook as baca
from kinerja_desktop.core.exchange.paket.reader.file_checks import BerkasPaketSalah
from kinerja_desktop.core.exchange.paket.reader.workbook import HasilBaca, read_paket
from kinerja_desktop.core.exchange.paket.schema import jenis_tabel, semua_jenis
from kinerja_desktop.core.exchange.paket.writer.workbook import write_paket

NIP = "198612202008021001"


def _row(tabel: str, **nilai: Any) -> Baris:
    row: dict[str, Any] = {k.nama: ("" if k.wajib else None) for k in jenis_tabel(tabel).kolom}
    row.update(kantor_asal="PLJ", revisi=1, diubah_pada=datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC))
    row.update(nilai)
    return jenis_tabel(tabel).baris(**row)


@pytest.fixture
def paket(tmp_path: Path) -> Path:
    baris: dict[str, list[dict[str, Any]]] = {j.tabel: [] for j in semua_jenis()}
    baris["kantor"] = [
        _row("kantor", id="k", kode="PLJ", nama="Kecamatan Plaju", is_pusat=False, kertas="F4")
    ]
    baris["pegawai"] = [
        _row(
            "pegawai",
            id=f"p{i}",
            kantor_id="k",
            nip=NIP[:-1] + str(i),
            nama=f"Pegawai {i}",
            tanggal_lahir=date(1986, 12, 20),
            status_kepegawaian="pns",
            status_aktif="aktif",
        )
        for i in range(3)
    ]
    info = InfoPaket(
        JenisPaket.KANTOR,
        "PLJ",
        "Kecamatan Plaju",
        "",
        2026,
        datetime(2026, 1, 1, tzinfo=UTC),
        "1.0",
        {t: len(r) for t, r in baris.items()},
        checksum_paket(baris),
    )
    path = tmp_path / "paket.xlsx"
    write_paket(Paket(info, baris), path)
    return path


def _ubah(path: Path, ubah: Callable[[Any], None]) -> Path:
    wb = load_workbook(path)
    ubah(wb)
    wb.save(path)
    return path


def _kolom(ws: Any, judul: str) -> int:
    return int([c.value for c in ws[1]].index(judul) + 1)


def _masalah(hasil: HasilBaca, menghalangi: bool = True) -> list[tuple[str, int | None, str, str]]:
    return [(m.lembar, m.baris, m.kolom, m.pesan) for m in hasil.masalah if m.menghalangi is menghalangi]


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"", "kosong"),
        (b"NIP;Nama\n1;Budi\n", "bukan buku kerja Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Excel lama"),
    ],
)
def test_not_a_workbook_is_refused_clearly(tmp_path: Path, isi: bytes, pesan: str) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(isi)
    with pytest.raises(BerkasPaketSalah, match=pesan):
        read_paket(path)


def test_damaged_zip_and_other_zips_are_refused(paket: Path, tmp_path: Path) -> None:
    data = paket.read_bytes()
    (tmp_path / "potong.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(BerkasPaketSalah, match="rusak"):
        read_paket(tmp_path / "potong.xlsx")
    with zipfile.ZipFile(tmp_path / "lain.xlsx", "w") as z:
        z.writestr("foto.jpg", b"x")
    with pytest.raises(BerkasPaketSalah, match="bukan buku kerja"):
        read_paket(tmp_path / "lain.xlsx")
    with zipfile.ZipFile(tmp_path / "a.xlsx", "w") as z:
        z.writestr("content.xml", b"<x/>")
    with pytest.raises(BerkasPaketSalah, match="OpenDocument"):
        read_paket(tmp_path / "a.xlsx")
    with pytest.raises(BerkasPaketSalah, match="tidak ditemukan"):
        read_paket(tmp_path / "tidak-ada.xlsx")


def test_workbook_from_another_program_or_a_roster_is_not_a_package(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Data"
    wb.save(tmp_path / "lain.xlsx")
    with pytest.raises(BerkasPaketSalah, match="program lain") as e:
        read_paket(tmp_path / "lain.xlsx")
    assert "Data" in str(e.value)
    wb.create_sheet("_kinerja")
    wb.save(tmp_path / "roster.xlsx")
    with pytest.raises(BerkasPaketSalah, match="daftar pegawai"):
        read_paket(tmp_path / "roster.xlsx")
    wb.create_sheet("Info").append(["Format", "aplikasi-lain/ekspor"])
    wb.save(tmp_path / "info.xlsx")
    with pytest.raises(BerkasPaketSalah, match="aplikasi-lain/ekspor"):
        read_paket(tmp_path / "info.xlsx")


def test_newer_format_version_is_refused(paket: Path) -> None:
    _ubah(paket, lambda wb: wb["Info"].cell(3, 2, "2"))
    with pytest.raises(BerkasPaketSalah, match=r"(?s)lebih baru.*Perbarui"):
        read_paket(paket)


def test_missing_sheets_and_columns_are_named(paket: Path) -> None:
    asli = paket.read_bytes()
    _ubah(paket, lambda wb: (wb.remove(wb["Pelatihan"]), wb.remove(wb["RHK"])))
    with pytest.raises(BerkasPaketSalah, match="lembar Pelatihan, RHK tidak ada"):
        read_paket(paket)
    paket.write_bytes(asli)

    def hapus_kolom(wb: Any) -> None:
        ws = wb["Pegawai"]
        ws.delete_cols(_kolom(ws, "Nama"))
        ws.delete_cols(_kolom(ws, "Revisi"))

    _ubah(paket, hapus_kolom)
    with pytest.raises(BerkasPaketSalah, match=r"'Pegawai'.*tidak memiliki kolom: Nama, Revisi"):
        read_paket(paket)


def test_resaved_by_openpyxl_with_columns_moved_and_an_extra_column_still_matches(paket: Path) -> None:
    def pindah(wb: Any) -> None:
        ws = wb["Pegawai"]
        ws.move_range("A1:A4", cols=ws.max_column + 1)  # ID Kantor moves to the end
        ws.delete_cols(1)
        ws.cell(1, ws.max_column + 1, "Catatan saya")
        ws.cell(2, ws.max_column, "boleh")

    _ubah(paket, pindah)
    hasil = read_paket(paket)
    assert _masalah(hasil) == []
    assert _masalah(hasil, False) == [
        ("Pegawai", 1, "Catatan saya", "Kolom ini tidak dikenal dan diabaikan.")
    ]
    assert hasil.checksum_cocok and hasil.paket.baris["pegawai"][0].kantor_id == "k"


def test_an_edited_value_is_a_checksum_warning_not_a_block(paket: Path) -> None:
    _ubah(paket, lambda wb: wb["Pegawai"].cell(3, _kolom(wb["Pegawai"], "Nama"), "Nama Baru"))
    hasil = read_paket(paket)
    assert not hasil.checksum_cocok and not hasil.menghalangi
    assert [m.kolom for m in hasil.masalah] == ["Checksum data (SHA-256)"]
    assert hasil.paket.baris["pegawai"][1].nama == "Nama Baru"


def test_cell_problems_name_sheet_row_and_column(paket: Path) -> None:
    def rusak(wb: Any) -> None:
        ws = wb["Pegawai"]
        ws.cell(2, _kolom(ws, "NIP"), int(NIP))  # what Excel does to a NIP typed without the quote
        ws.cell(3, _kolom(ws, "Tanggal lahir"), "31 Februari 1986")
        ws.cell(4, _kolom(ws, "Tanggal lahir"), "20/12/1986")  # readable text: accepted as it is
        ws.cell(4, _kolom(ws, "Revisi"), "dua")
        ws.cell(3, _kolom(ws, "Gelar depan"), "=1+1")
        ws.cell(3, _kolom(ws, "Telepon"), 81234567890)

    _ubah(paket, rusak)
    hasil = read_paket(paket)
    masalah = {(m.baris, m.kolom): m.pesan for m in hasil.masalah if m.menghalangi and m.lembar == "Pegawai"}
    assert "angka" in masalah[(2, "NIP")] and "digit terakhirnya sudah hilang" in masalah[(2, "NIP")]
    assert "tidak terbaca" in masalah[(3, "Tanggal lahir")]
    assert "bilangan bulat" in masalah[(4, "Revisi")]
    assert "rumus" in masalah[(3, "Gelar depan")]
    assert set(masalah) == {(2, "NIP"), (3, "Tanggal lahir"), (4, "Revisi"), (3, "Gelar depan")}
    peringatan = [m for m in hasil.masalah if not m.menghalangi and m.lembar == "Pegawai"]
    assert [(m.baris, m.kolom) for m in peringatan] == [(3, "Telepon")]
    assert "81234567890" in peringatan[0].pesan
    assert hasil.paket.baris["pegawai"][2].tanggal_lahir == date(1986, 12, 20)
    assert hasil.menghalangi and not hasil.checksum_cocok


def test_merged_cells_blank_rows_and_duplicate_ids(paket: Path) -> None:
    def ubah(wb: Any) -> None:
        ws = wb["Pegawai"]
        ws.insert_rows(3, 2)  # two blank rows: skipped silently
        ws.cell(6, _kolom(ws, "ID"), "p0")
        wb["Kantor"].merge_cells("B2:C2")

    _ubah(paket, ubah)
    hasil = read_paket(paket)
    assert list(hasil.paket.nomor["pegawai"]) == [2, 5]
    assert [(m.lembar, m.baris, m.kolom) for m in hasil.masalah if m.menghalangi] == [
        ("Kantor", 2, ""),
        ("Pegawai", 6, "ID"),
    ]
    assert "digabung" in hasil.masalah[0].pesan and "baris 2" in hasil.masalah[1].pesan


def _ganti_xml(path: Path, lembar: str, lama: bytes, baru: bytes) -> None:
    part = baca_berkas.check_file(path).part(lembar)
    assert part is not None
    replace_part(path, part, lama, baru)


def test_a_cell_longer_than_excel_allows_is_a_problem(paket: Path) -> None:
    _ganti_xml(paket, "Pegawai", b"<t>Pegawai 1</t>", b"<t>" + b"x" * 40_000 + b"</t>")
    hasil = read_paket(paket)
    assert [(m.lembar, m.baris, m.kolom) for m in hasil.masalah if m.menghalangi] == [("Pegawai", 3, "Nama")]
    assert "40.000 karakter" in hasil.masalah[0].pesan


def test_absurd_sizes_are_refused(paket: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(baca, "MAKS_BARIS_LEMBAR", 2)
    with pytest.raises(BerkasPaketSalah, match=r"'Pegawai' .*terlalu panjang: sel [A-Z]+4 berada di baris 4"):
        read_paket(paket)
    monkeypatch.undo()
    monkeypatch.setattr(xlsx_checks, "MAKS_UKURAN_ISI", 10_000)
    with pytest.raises(BerkasPaketSalah, match="terlalu besar"):
        read_paket(paket)


def test_a_damaged_part_inside_an_intact_zip_is_refused(paket: Path) -> None:
    part = baca_berkas.check_file(paket).part("Pegawai")
    with zipfile.ZipFile(paket) as z:
        isi = {i.filename: z.read(i) for i in z.infolist()}
    with zipfile.ZipFile(paket, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi.items():
            z.writestr(nama, data, zipfile.ZIP_STORED if nama == part else zipfile.ZIP_DEFLATED)
    data = bytearray(paket.read_bytes())
    i = data.index(b"Pegawai 1")
    data[i : i + 9] = b"Pegawai X"  # same length, so only the CRC tells
    paket.write_bytes(bytes(data))
    with pytest.raises(BerkasPaketSalah, match="rusak"):
        read_paket(paket)


def test_a_far_cell_is_refused_in_a_process_that_survives(paket: Path) -> None:
    """python-calamine would ask for 512 GiB and abort the process; the scan refuses the file first."""
    _ganti_xml(
        paket,
        "Pegawai",
        b"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
    )
    hasil = read_apart("kinerja_desktop.core.exchange.paket.reader.workbook", "read_paket", paket)
    assert hasil.kode == 0, hasil.keluaran
    assert hasil.ditolak.startswith(
        "Lembar 'Pegawai' pada berkas paket.xlsx terlalu lebar: sel XFD1048576 berada di kolom XFD, "
        "padahal lembar ini paling jauh sampai kolom AM (39 kolom)."
    )
    assert "bukan paket yang wajar" in hasil.ditolak
    assert hasil.puncak_mb <= 300


def test_a_sheet_wider_than_its_columns_allow_is_refused(paket: Path) -> None:
    """Each sheet may have ten columns of its own besides the package's (Kantor: 15 + 10, so Y)."""
    _ganti_xml(paket, "Kantor", b"</sheetData>", b'<row r="3"><c r="Z3"><v>1</v></c></row></sheetData>')
    with pytest.raises(BerkasPaketSalah, match=r"'Kantor' .*terlalu lebar: sel Z3 .* kolom Y \(25 kolom\)"):
        read_paket(paket)


def test_formulas_or_merged_cells_by_the_thousand_refuse_the_file(
    paket: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ubah(wb: Any) -> None:
        wb["Kantor"].merge_cells("B2:C2")
        wb["Kantor"].merge_cells("D2:E2")
        wb["Pegawai"].cell(2, _kolom(wb["Pegawai"], "Gelar depan"), "=1+1")
        wb["Pegawai"].cell(3, _kolom(wb["Pegawai"], "Gelar depan"), "=2+2")

    _ubah(paket, ubah)
    assert len(_masalah(read_paket(paket))) == 4  # each one named, as long as they are few
    monkeypatch.setattr(baca, "MAKS_GABUNGAN", 1)
    with pytest.raises(BerkasPaketSalah, match=r"'Kantor' .*lebih dari 1 sel gabungan"):
        read_paket(paket)
    monkeypatch.undo()
    monkeypatch.setattr(xlsx_scan, "MAKS_RUMUS", 1)
    with pytest.raises(BerkasPaketSalah, match=r"'Pegawai' .*lebih dari 1\.000 sel rumus"):
        read_paket(paket)
