"""``kinerja-desktop cetak``: each kind to one PDF (read back with pypdf), scope, options, clear errors."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.core.db.models import Pegawai, UnitKerja
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import unit_kerja
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace

TAHUN = date.today().year
A4 = (595.3, 841.9)


@pytest.fixture
def data(tmp_path: Path, demo_office: Callable[[int], Path]) -> Path:
    folder = tmp_path / "d"
    shutil.copytree(demo_office(20), folder)
    return folder


def _cetak(data: Path, *args: str) -> int:
    return main(["cetak", *args, "--tahun", str(TAHUN), "--data-dir", str(data)])


def _teks(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


def _ukuran(path: Path, i: int = 0) -> tuple[float, float]:
    box = PdfReader(path).pages[i].mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def test_every_dokumen_evaluasi_of_a_unit_in_one_pdf(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sek.pdf"
    args = ("dokumen-evaluasi", "--periode", "tw1", "--unit", "plj.sek", "--out", str(out))
    assert _cetak(data, *args, "--tanggal", "23/11/2026", "--tempat", "Palembang") == 0
    keluaran = capsys.readouterr().out
    halaman = _teks(out)
    pertama = [h for h in halaman if "Halaman 1 dari" in h]
    assert f"{len(pertama)} dokumen Dokumen Evaluasi" in keluaran
    assert pertama and all("DOKUMEN EVALUASI KINERJA PEGAWAI" in h for h in pertama)
    assert all("Palembang, 23 November 2026" in h for h in pertama if "Pegawai yang Dinilai," in h)
    ws = Workspace.open(AppPaths(data))
    with ws.read() as s:
        sek = s.scalar(select(UnitKerja.id).where(UnitKerja.kode == "PLJ.SEK"))
        unit_ids = unit_kerja.subtree_ids(s, SYSTEM, str(sek))
        nip = set(s.scalars(select(Pegawai.nip).where(Pegawai.unit_kerja_id.in_(unit_ids))))
    ws.close()
    dicetak = [min((n for n in nip if n in h), key=h.index) for h in pertama]  # block 1 comes first
    assert len(set(dicetak)) == len(dicetak)


def test_whole_office_skp_on_a4_and_one_pegawai_by_nip(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "skp.pdf"
    assert _cetak(data, "skp", "--kertas", "A4", "--out", str(out)) == 0
    assert _ukuran(out) == A4
    assert "Kecamatan Plaju" in capsys.readouterr().out
    assert sum("LAMPIRAN SASARAN KINERJA PEGAWAI" in h for h in _teks(out)) >= 15
    ws = Workspace.open(AppPaths(data))
    with ws.read() as s:
        nip = s.scalar(select(Pegawai.nip).where(Pegawai.jabatan != "").order_by(Pegawai.nip))
    ws.close()
    assert nip is not None
    satu = tmp_path / "satu.pdf"
    spasi = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    assert _cetak(data, "evaluasi", "--periode", "TW1", "--nip", spasi, "--out", str(satu)) == 0
    lebar, tinggi = _ukuran(satu)
    assert lebar > tinggi and nip in " ".join(_teks(satu))


@pytest.mark.parametrize("jenis", ["konversi-ak", "rekap"])
def test_konversi_and_rekap(data: Path, tmp_path: Path, jenis: str) -> None:
    out = tmp_path / f"{jenis}.pdf"
    assert _cetak(data, jenis, "--periode", "TW1", "--out", str(out)) == 0
    teks = " ".join(_teks(out))
    judul = "KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT" if jenis == "konversi-ak" else "REKAPITULASI PREDIKAT"
    assert judul in teks


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (("dokumen-evaluasi", "--unit", "PLJ"), "Periode wajib"),
        (("dokumen-evaluasi", "--periode", "TW9"), "TW9"),
        (("rekap", "--periode", "TW1", "--unit", "Kantor Antah"), "tidak ditemukan"),
        (("rekap", "--periode", "TW1", "--unit", "Sekretariat Kecamatn"), "Mungkin maksudnya"),
        (("skp", "--nip", "12345"), "18 digit"),
        (("skp", "--nip", "199001012015031001"), "Tidak ada pegawai dengan NIP"),
        (("dokumen-evaluasi", "--periode", "TW4"), "Tidak ada Dokumen Evaluasi"),
        (("skp", "--tanggal", "31/02/2026"), "31/02/2026"),
    ],
)
def test_errors_exit_1_with_a_reason_and_write_nothing(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], pesan: str
) -> None:
    out = tmp_path / "x.pdf"
    assert _cetak(data, *args, "--out", str(out)) == 1
    assert pesan in capsys.readouterr().err
    assert not out.exists()


def test_ambiguous_unit_names_list_their_codes(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = Workspace.open(AppPaths(data))
    with ws.transaction() as s:
        sek = s.scalar(select(UnitKerja.id).where(UnitKerja.kode == "PLJ.SEK"))
        unit_kerja.create_unit(s, SYSTEM, "Seksi Pemerintahan", str(sek), kode="PLJ.SEK.PEM")
    ws.close()
    out = tmp_path / "x.pdf"
    assert _cetak(data, "rekap", "--periode", "TW1", "--unit", "seksi pemerintahan", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "Ada 2 unit" in err and "PLJ.PEM" in err and "PLJ.SEK.PEM" in err
    assert _cetak(data, "rekap", "--periode", "TW1", "--unit", "PLJ.SEK.PEM", "--out", str(out)) == 0


def test_the_output_must_be_a_writable_pdf(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cetak(data, "skp", "--out", str(tmp_path / "x.docx")) == 1
    assert ".pdf" in capsys.readouterr().err
    assert _cetak(data, "skp", "--out", str(tmp_path / "tidak-ada" / "x.pdf")) == 1
    assert "tidak ada" in capsys.readouterr().err


def test_signer_prefixes_mengetahui_pangkat_and_no_letterhead(data: Path, tmp_path: Path) -> None:
    biasa, pilihan = tmp_path / "biasa.pdf", tmp_path / "pilihan.pdf"
    args = ("dokumen-evaluasi", "--periode", "TW1", "--unit", "plj.sek")
    assert _cetak(data, *args, "--out", str(biasa)) == 0
    lain = ("--awalan-penilai", "plt", "--awalan-atasan", "Plh.", "--mengetahui", "--pangkat", "--tanpa-kop")
    assert _cetak(data, *args, *lain, "--out", str(pilihan)) == 0
    awal, akhir = _teks(biasa)[0], _teks(pilihan)[0]
    assert "Plt. " not in awal and "Mengetahui" not in awal
    assert "Plt. " in akhir and "Mengetahui" in akhir and "Plh. " in akhir
    assert awal.startswith("PEMERINTAH KOTA PALEMBANG KECAMATAN PLAJU")  # the letterhead, then none
    assert akhir.startswith("DOKUMEN EVALUASI KINERJA PEGAWAI")
    assert "Pembina (IV/a) NIP" in akhir and "Pembina (IV/a) NIP" not in awal  # pangkat under the name


def test_an_unknown_signer_prefix_is_refused(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _cetak(data, "skp", "--awalan-penilai", "pj", "--out", "x.pdf")
    assert "Plt atau Plh" in capsys.readouterr().err
