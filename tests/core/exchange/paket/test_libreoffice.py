"""A package re-saved by LibreOffice Calc (committed in tests/data) still reads cleanly with its checksum."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

from kinerja_desktop.core.exchange.paket.model import JenisPaket
from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket

PAKET = Path(__file__).resolve().parents[3] / "data" / "paket_libreoffice.xlsx"


def test_libreoffice_resave_reads_cleanly_and_the_checksum_still_matches() -> None:
    with zipfile.ZipFile(PAKET) as z:
        xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        assert b"LibreOffice" in z.read("docProps/app.xml")
    assert b"FALSE()</f>" in xml, "LibreOffice writes TRUE/FALSE cells as formulas; they must not count"
    hasil = read_paket(PAKET)
    assert hasil.masalah == []
    assert hasil.checksum_cocok and hasil.checksum_dihitung == hasil.paket.info.checksum
    info = hasil.paket.info
    assert (info.jenis, info.kantor_kode, info.tahun, info.versi_aplikasi) == (
        JenisPaket.KANTOR,
        "PLJ",
        2026,
        "0.9.0",
    )
    assert info.jumlah["pegawai"] == len(hasil.paket.baris["pegawai"]) == 20
    pegawai = hasil.paket.baris["pegawai"]
    assert all(isinstance(p.nip, str) and len(p.nip) == 18 and p.nip.isdigit() for p in pegawai)
    assert all(type(p.tanggal_lahir) is date for p in pegawai)
    teks = {p.alamat for p in pegawai} | {p.telepon for p in pegawai} | {p.email for p in pegawai}
    assert {'=HYPERLINK("http://contoh.go.id")', "+62 812 3456 7890", "@plaju"} <= teks
    assert any(isinstance(p.dihapus_pada, datetime) for p in hasil.paket.baris["pelatihan"])
    assert {type(e.distribusi_diakui) for e in hasil.paket.baris["evaluasi"]} == {bool}
