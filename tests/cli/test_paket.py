"""``kinerja-desktop export`` and ``import``: both kinds of package, a printed plan, exit codes, no writes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from pendukung_db import DI_POSTGRES, sidik_basis_data
from sqlalchemy import func, select

from kinerja_desktop.cli import main
from kinerja_desktop.core.db.models import Pegawai, SyncLog
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import kantor
from kinerja_desktop.core.workspace import Workspace

Run = Callable[..., tuple[int, str]]


@pytest.fixture(scope="module")
def pusat_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pusat") / "d"
    ws = Workspace.open(AppPaths(folder))
    with ws.transaction() as s:
        data = kantor.KantorInput(
            kode="BKPSDM", nama="BKPSDM Kota Palembang", tempat="Palembang", is_pusat=True
        )
        kantor.initialise(s, data, "admin", "rahasia123", "Admin Pusat")
    ws.close()
    return folder


@pytest.fixture
def folders(tmp_path: Path, demo_office: Callable[[int], Path], pusat_template: Path) -> dict[str, Path]:
    shutil.copytree(demo_office(6), tmp_path / "plj")
    shutil.copytree(pusat_template, tmp_path / "pusat")
    return {"plj": tmp_path / "plj", "pusat": tmp_path / "pusat"}


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def _run(folder: Path, *args: str) -> tuple[int, str]:
        code = main([*args, "--data-dir", str(folder)])
        out = capsys.readouterr()
        return code, out.out + out.err

    return _run


def _db_hash(folder: Path) -> str:
    return sidik_basis_data(folder)


def _ubah_nama(folder: Path, nama: str) -> str:
    ws = Workspace.open(AppPaths(folder))
    try:
        with ws.transaction() as s:
            p = s.scalars(select(Pegawai).order_by(Pegawai.nip).limit(1)).one()
            p.nama = nama
            return p.nip
    finally:
        ws.close()


def test_export_both_kinds_and_usage_errors(folders: dict[str, Path], tmp_path: Path, run: Run) -> None:
    paket = tmp_path / "plj.xlsx"
    code, out = run(folders["plj"], "export", "--out", str(paket))
    assert code == 0 and paket.exists()
    assert "Paket kantor (semua tahun) untuk kantor pusat:" in out and "Pegawai" in out
    assert run(folders["plj"], "export", "--out", str(tmp_path / "x.xlsx"), "--induk")[0] == 2
    code, out = run(folders["plj"], "export", "--out", str(tmp_path / "x.xlsx"), "--induk", "--kantor", "PLJ")
    assert code == 1 and "hanya dibuat oleh kantor pusat" in out
    assert run(folders["pusat"], "import", str(paket))[0] == 0
    induk = tmp_path / "induk.xlsx"
    code, out = run(folders["pusat"], "export", "--out", str(induk), "--induk", "--kantor", "plj")
    assert code == 0 and "Paket induk (semua tahun) untuk kantor PLJ" in out
    code, out = run(folders["plj"], "import", str(induk))
    assert code == 0 and "Paket induk dari BKPSDM Kota Palembang (BKPSDM)" in out
    code, out = run(folders["plj"], "export", "--out", str(paket), "--tahun", "2026")
    assert "untuk kantor pusat (BKPSDM)" in out, (
        "once a paket induk came, the office knows the central office's code"
    )
    ws = Workspace.open(AppPaths(folders["plj"]))
    with ws.read() as s:
        arah = [r.arah for r in s.scalars(select(SyncLog).order_by(SyncLog.id))]
    ws.close()
    assert arah == ["ekspor", "impor", "ekspor"]


def test_dry_run_prints_counts_and_writes_nothing_then_import_then_no_op(
    folders: dict[str, Path], tmp_path: Path, run: Run
) -> None:
    paket = tmp_path / "plj.xlsx"
    run(folders["plj"], "export", "--out", str(paket))
    sebelum = _db_hash(folders["pusat"])
    code, out = run(folders["pusat"], "import", str(paket), "--dry-run")
    assert code == 0 and _db_hash(folders["pusat"]) == sebelum
    assert "Baru   Berubah      Sama     Usang   Konflik Tidak sah" in out
    baris = next(line for line in out.splitlines() if line.strip().startswith("Pegawai"))
    assert baris.split()[1:] == ["6", "0", "0", "0", "0", "0"]
    assert "uji coba (--dry-run): tidak ada yang disimpan" in out
    code, out = run(folders["pusat"], "import", str(paket))
    assert code == 0 and "plj.xlsx: Impor selesai:" in out
    assert ("Tanpa cadangan otomatis" if DI_POSTGRES else "Cadangan sebelum impor") in out
    sebelum = _db_hash(folders["pusat"])
    code, out = run(folders["pusat"], "import", str(paket))
    assert code == 0 and "Paket ini sudah pernah diimpor; tidak ada yang berubah." in out
    assert "plj.xlsx: tidak ada yang berubah" in out and _db_hash(folders["pusat"]) == sebelum


def test_the_office_s_own_package_is_nothing_to_import_and_not_a_failure(
    folders: dict[str, Path], tmp_path: Path, run: Run
) -> None:
    paket = tmp_path / "plj.xlsx"
    run(folders["plj"], "export", "--out", str(paket))
    sebelum = _db_hash(folders["plj"])
    code, out = run(folders["plj"], "import", str(paket))
    assert code == 0 and "plj.xlsx: Paket ini dibuat oleh kantor ini sendiri (PLJ)" in out
    assert "Kesalahan" not in out and _db_hash(folders["plj"]) == sebelum


def test_conflicts_stop_by_default_and_theirs_applies(
    folders: dict[str, Path], tmp_path: Path, run: Run
) -> None:
    paket = tmp_path / "plj.xlsx"
    run(folders["plj"], "export", "--out", str(paket))
    run(folders["pusat"], "import", str(paket))
    nip = _ubah_nama(folders["pusat"], "Nama Dari Pusat")
    _ubah_nama(folders["plj"], "Nama Dari Kantor")
    run(folders["plj"], "export", "--out", str(paket))
    sebelum = _db_hash(folders["pusat"])
    code, out = run(folders["pusat"], "import", str(paket))
    assert code == 1 and _db_hash(folders["pusat"]) == sebelum
    assert "1 konflik belum diputuskan" in out and "--conflicts ours" in out
    assert "Nama: di sini «Nama Dari Pusat» | di paket «Nama Dari Kantor»" in out
    assert "Lembar Pegawai, baris" in out
    code, out = run(folders["pusat"], "import", str(paket), "--conflicts", "theirs")
    assert code == 0 and "1 konflik diputuskan" in out
    ws = Workspace.open(AppPaths(folders["pusat"]))
    with ws.read() as s:
        assert s.scalar(select(Pegawai.nama).where(Pegawai.nip == nip)) == "Nama Dari Kantor"
    ws.close()


def test_damaged_and_edited_files_are_refused_clearly(
    folders: dict[str, Path], tmp_path: Path, run: Run
) -> None:
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"PK\x03\x04 bukan paket")
    sebelum = _db_hash(folders["pusat"])
    code, out = run(folders["pusat"], "import", str(rusak))
    assert code == 1 and "rusak.xlsx: Kesalahan:" in out and "Traceback" not in out
    assert "Belum diimpor: rusak.xlsx." in out and _db_hash(folders["pusat"]) == sebelum

    paket = tmp_path / "plj.xlsx"
    run(folders["plj"], "export", "--out", str(paket))
    book = openpyxl.load_workbook(paket)
    sheet = book["Pegawai"]
    kolom = [c.value for c in sheet[1]].index("Nama") + 1
    sheet.cell(row=2, column=kolom).value = "Nama Diketik di Excel"
    book.save(paket)
    code, out = run(folders["pusat"], "import", str(paket))
    assert code == 1 and "plj.xlsx: Kesalahan: Isi paket ini diubah setelah diekspor" in out
    assert "Minta kantor PLJ mengekspor ulang paketnya" in out and "Belum diimpor: plj.xlsx." in out
    assert _db_hash(folders["pusat"]) == sebelum
    code, out = run(folders["pusat"], "import", str(paket), "--akui-checksum")
    assert code == 1 and "Isi paket ini diubah setelah diekspor" in out, out
    assert "--akui-checksum tidak berlaku lagi" in out and "Impor selesai" not in out
    assert _db_hash(folders["pusat"]) == sebelum
    ws = Workspace.open(AppPaths(folders["pusat"]))
    with ws.read() as s:
        assert not s.scalar(
            select(func.count()).select_from(Pegawai).where(Pegawai.nama == "Nama Diketik di Excel")
        )
    ws.close()


def test_central_export_with_the_siasn_sheet_which_import_skips(
    folders: dict[str, Path], tmp_path: Path, run: Run
) -> None:
    from kinerja_desktop.core.exchange.paket.reader.workbook import read_paket

    paket = tmp_path / "plj.xlsx"
    assert run(folders["plj"], "export", "--out", str(paket))[0] == 0
    code, out = run(folders["plj"], "export", "--out", str(tmp_path / "x.xlsx"), "--siasn")
    assert code == 1 and "hanya dibuat di kantor pusat" in out
    assert run(folders["pusat"], "import", str(paket))[0] == 0
    code, out = run(
        folders["pusat"], "export", "--out", str(tmp_path / "y.xlsx"), "--induk", "--kantor", "PLJ", "--siasn"
    )
    assert code == 1 and "semua kantor" in out
    siasn = tmp_path / "siasn.xlsx"
    code, out = run(folders["pusat"], "export", "--out", str(siasn), "--tahun", "2026", "--siasn")
    assert code == 0 and "SIASN Kinerja Periodik" in out, out
    wb = openpyxl.load_workbook(siasn, read_only=True)
    rows = list(wb["SIASN Kinerja Periodik"].values)
    petunjuk = " ".join(str(v) for r in wb["Petunjuk"].values for v in r if v)
    wb.close()
    assert rows[0][0] == "NIP Dinilai" and "hasilKinerjaNilai" in rows[0]
    assert len(rows) == 1 + 4 and {r[0] for r in rows[1:]} <= {r[0] for r in _nip(folders["plj"])}
    assert "tidak ikut diimpor" in petunjuk
    hasil = read_paket(siasn)
    assert not hasil.masalah and hasil.checksum_cocok, [m.pesan for m in hasil.masalah]
    assert "siasn" not in hasil.paket.baris
    code, out = run(folders["plj"], "import", "--dry-run", str(siasn))  # a paket kantor: central only
    assert code == 1 and "untuk kantor pusat (BKPSDM), bukan untuk kantor ini (PLJ)" in out, out


def _nip(folder: Path) -> list[tuple[str]]:
    ws = Workspace.open(AppPaths(folder))
    try:
        with ws.read() as s:
            return [(n,) for n in s.scalars(select(Pegawai.nip))]
    finally:
        ws.close()
