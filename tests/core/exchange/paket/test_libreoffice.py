"""Packages re-saved by LibreOffice Calc (in tests/data) still read cleanly, checksum and signature too."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from kinerja_desktop.core.exchange.paket.model import JenisPaket
from kinerja_desktop.core.exchange.paket.plan.model import Aksi
from kinerja_desktop.core.exchange.paket.plan.planner import plan_paket
from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket
from kinerja_desktop.core.exchange.paket.signature import verify_info
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace

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


BERTANDA = PAKET.with_name("paket_libreoffice_bertanda.xlsx")


def test_a_signed_package_re_saved_by_libreoffice_keeps_its_signature(
    buka: Callable[[str], Workspace],
) -> None:
    with zipfile.ZipFile(BERTANDA) as z:
        assert b"LibreOffice" in z.read("docProps/app.xml")
    hasil = read_paket(BERTANDA)
    info = hasil.paket.info
    assert hasil.masalah == [] and hasil.checksum_cocok
    assert info.kunci_publik and verify_info(info)  # the Info fields came back exactly as signed
    pusat = buka("PUSAT")
    with pusat.read() as s:
        rencana = plan_paket(s, SYSTEM, hasil.paket, hasil.masalah, checksum_cocok=hasil.checksum_cocok)
    assert rencana.ok and rencana.pengirim is not None and rencana.pengirim.kode == "PLJ"
    # Every row is new there but the BerAKHLAK values, which every office and the central office share.
    assert rencana.total(Aksi.BARU) + rencana.total(Aksi.SAMA) == sum(info.jumlah.values())
    assert rencana.total(Aksi.SAMA) == info.jumlah["perilaku"] == 7
