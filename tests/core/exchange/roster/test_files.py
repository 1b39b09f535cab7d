"""Bad files are a clear Indonesian message and leave the database untouched."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import python_calamine
from pendukung_berkas import read_apart

from kinerja_desktop.core.exchange.roster import Aksi, RosterError, apply_import, plan_import
from kinerja_desktop.core.exchange.roster.reader import PESAN_RUMUS
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.core.workspace import Workspace


def _coba(ws: Workspace, actor: Actor, path: Path, kit: Any, pola: str) -> str:
    sebelum = kit.snapshot(ws)
    with ws.read() as session, pytest.raises(RosterError, match=pola) as info:
        plan_import(session, actor, path)
    assert kit.snapshot(ws) == sebelum
    return str(info.value)


def test_a_text_file_renamed_to_xlsx(workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any) -> None:
    path = tmp_path / "pegawai.xlsx"
    path.write_text("NIP;Nama\n198609262015051001;Ahmad\n", encoding="utf-8")
    pesan = _coba(workspace, admin, path, kit, "bukan buku kerja Excel")
    assert "simpan sebagai Buku Kerja Excel (.xlsx)" in pesan


def test_a_truncated_workbook(
    roster: Path, demo: Workspace, demo_admin: Actor, tmp_path: Path, kit: Any
) -> None:
    data = roster.read_bytes()
    potong = tmp_path / "terpotong.xlsx"
    potong.write_bytes(data[: len(data) // 2])
    _coba(demo, demo_admin, potong, kit, "rusak: arsipnya tidak utuh")


def test_a_workbook_with_a_damaged_part(
    roster: Path, demo: Workspace, demo_admin: Actor, tmp_path: Path, kit: Any
) -> None:
    rusak = tmp_path / "rusak.xlsx"
    data = bytearray(roster.read_bytes())
    with zipfile.ZipFile(roster) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    awal = info.header_offset + 30 + len(info.filename) + 40
    data[awal : awal + 20] = b"\x00" * 20
    rusak.write_bytes(bytes(data))
    _coba(demo, demo_admin, rusak, kit, "rusak")


def test_a_zip_that_is_not_a_workbook(workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any) -> None:
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("catatan.txt", "bukan excel")
    _coba(workspace, admin, path, kit, "arsip zip, tetapi bukan buku kerja")


def test_an_old_xls_or_password_protected_file(
    workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any
) -> None:
    path = tmp_path / "lama.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    _coba(workspace, admin, path, kit, r"Excel lama \(.xls\) atau dilindungi kata sandi")


def test_missing_and_empty_files(workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any) -> None:
    _coba(workspace, admin, tmp_path / "tidak-ada.xlsx", kit, "tidak ditemukan")
    (tmp_path / "kosong.xlsx").write_bytes(b"")
    _coba(workspace, admin, tmp_path / "kosong.xlsx", kit, "kosong")
    _coba(workspace, admin, tmp_path, kit, "folder")


def test_a_workbook_from_another_program(
    workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Laporan Keuangan"
    ws.append(["Tanggal", "Uraian", "Jumlah"])
    ws.append(["01/01/2026", "Saldo awal", 1000])
    wb.create_sheet("Sheet2")
    path = tmp_path / "keuangan.xlsx"
    wb.save(path)
    pesan = _coba(workspace, admin, path, kit, "bukan daftar pegawai")
    assert "Laporan Keuangan, Sheet2" in pesan


def test_a_roster_sheet_without_the_nip_column(
    workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Pegawai"
    ws.append(["Nama", "Golongan", "Unit Kerja"])
    ws.append(["Ahmad", "III/a", "Kecamatan Plaju"])
    path = tmp_path / "tanpa-nip.xlsx"
    wb.save(path)
    pesan = _coba(workspace, admin, path, kit, "tidak memiliki kolom wajib: NIP")
    assert "Kolom yang ada: Nama, Golongan, Unit Kerja" in pesan
    ws["D1"] = "x" * 30_000  # what a message quotes of the file stays short
    wb.save(path)
    pesan = _coba(workspace, admin, path, kit, "tidak memiliki kolom wajib: NIP")
    assert "Kolom yang ada: Nama, Golongan, Unit Kerja, xxx" in pesan and len(pesan) < 600


def test_headers_in_any_order_below_a_title_on_a_renamed_sheet(
    workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Data ASN"
    ws.append(["DAFTAR PEGAWAI KECAMATAN PLAJU"])
    ws.append([])
    ws.append(["Unit", "nama pegawai", "Keterangan", "N I P", "gol."])
    ws.append(["Kecamatan Plaju", "Siti Aminah", "-", kit.nip_pns(3, jk="P"), "3b"])
    path = tmp_path / "buatan-sendiri.xlsx"
    wb.save(path)
    with workspace.read() as session:
        plan = plan_import(session, admin, path)
    assert plan.ok, plan.lines()
    assert plan.lembar == "Data ASN" and plan.baris[0].baris == 4
    assert plan.kolom_asing == ["Keterangan"]
    assert "Tanggal Lahir" in plan.kolom_tidak_ada
    data = plan.baris[0].data
    assert data is not None and data.golongan == "III/b" and data.jenis_kelamin == "P"
    apply_import(workspace, admin, plan)


def test_a_duplicated_header_is_named(workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Pegawai"
    ws.append(["NIP", "Nama", "NIP"])
    path = tmp_path / "ganda.xlsx"
    wb.save(path)
    _coba(workspace, admin, path, kit, r"judul kolom ganda: NIP \(kolom A dan C\)")


def test_a_file_from_a_newer_app_version(
    roster: Path, demo: Workspace, demo_admin: Actor, tmp_path: Path, kit: Any
) -> None:
    wb = openpyxl.load_workbook(roster)
    wb["_kinerja"]["B1"] = "kinerja-desktop roster v9"
    path = tmp_path / "baru.xlsx"
    wb.save(path)
    _coba(demo, demo_admin, path, kit, "versi aplikasi yang lebih baru")
    wb["_kinerja"]["B1"] = "kinerja-desktop skp v1"
    wb.save(path)
    _coba(demo, demo_admin, path, kit, "bukan daftar pegawai")


def test_a_formula_in_a_name_is_refused_not_imported_as_what_it_shows(
    workspace: Workspace, admin: Actor, tmp_path: Path, kit: Any
) -> None:
    """Excel saves =HYPERLINK(…,"klik") with "klik" beside it; that is what calamine reads as the name."""
    rows = [kit.baris(kit.nip_pns(1), "Ahmad Fauzi"), kit.baris(kit.nip_pns(2), "Budi Santoso")]
    path = kit.isi_templat(workspace, admin, tmp_path / "rumus.xlsx", rows)
    wb = openpyxl.load_workbook(path)
    wb["Pegawai"]["B3"] = '=HYPERLINK("http://contoh.invalid","klik")'
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        isi = {i.filename: z.read(i) for i in z.infolist()}
    isi["xl/worksheets/sheet1.xml"], n = re.subn(
        rb'(<c r="B3"[^>]*)><f>(.*?)</f><v\s*/>',
        rb'\1 t="str"><f>\2</f><v>klik</v>',
        isi["xl/worksheets/sheet1.xml"],
    )
    assert n == 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi.items():
            z.writestr(nama, data)
    wb_calamine = python_calamine.CalamineWorkbook.from_path(str(path))
    assert wb_calamine.get_sheet_by_name("Pegawai").to_python()[2][1] == "klik"
    sebelum = kit.snapshot(workspace)
    with workspace.read() as session:
        plan = plan_import(session, admin, path)
    assert not plan.ok and [b.aksi for b in plan.baris] == [Aksi.TAMBAH, Aksi.GALAT]
    galat = plan.baris[1].galat
    assert [(g.baris, g.kolom, g.huruf, g.pesan) for g in galat] == [(3, "Nama", "B", PESAN_RUMUS)]
    assert "klik" not in plan.baris[1].nama
    assert kit.snapshot(workspace) == sebelum


def test_a_far_cell_in_a_roster_is_refused_in_a_process_that_survives(roster: Path) -> None:
    """python-calamine would ask for 512 GiB and abort the process; the scan refuses the file first."""
    with zipfile.ZipFile(roster) as z:
        isi = {i.filename: z.read(i) for i in z.infolist()}
    isi["xl/worksheets/sheet1.xml"] = isi["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    )
    with zipfile.ZipFile(roster, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi.items():
            z.writestr(nama, data)
    hasil = read_apart("kinerja_desktop.core.exchange.roster.reader", "read_roster", roster)
    assert hasil.kode == 0, hasil.keluaran
    assert hasil.ditolak.startswith(
        "Lembar 'Pegawai' pada berkas roster.xlsx terlalu lebar: sel XFD1048576 berada di kolom XFD, "
        "padahal lembar ini paling jauh sampai kolom CB (80 kolom)."
    )
    assert "Hapus isi dan format di luar tabel daftar pegawai" in hasil.ditolak
    assert hasil.puncak_mb <= 300
