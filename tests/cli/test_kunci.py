"""Office keys on the command line: ``info`` shows the fingerprints, ``kunci terima`` accepts a new key."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pendukung_db import sidik_basis_data

from kinerja_desktop.cli import main
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import akun, kantor, kunci_kantor
from kinerja_desktop.core.services.access import SYSTEM, Peran
from kinerja_desktop.core.workspace import Workspace

Run = Callable[..., tuple[int, str]]


@pytest.fixture(scope="module")
def pusat_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A central office BKPSDM with an administrator and an operator."""
    folder = tmp_path_factory.mktemp("pusat-kunci") / "d"
    ws = Workspace.open(AppPaths(folder))
    with ws.transaction() as s:
        data = kantor.KantorInput(
            kode="BKPSDM", nama="BKPSDM Kota Palembang", tempat="Palembang", is_pusat=True
        )
        admin = kantor.initialise(s, data, "admin", "rahasia123", "Admin Pusat")
        akun.create_pengguna(s, admin, "operator", "operator123", Peran.OPERATOR, "Operator Pusat")
    ws.close()
    return folder


@pytest.fixture
def folders(tmp_path: Path, demo_office: Callable[[int], Path], pusat_template: Path) -> dict[str, Path]:
    shutil.copytree(demo_office(6), tmp_path / "plj")
    shutil.copytree(pusat_template, tmp_path / "pusat")
    return {"plj": tmp_path / "plj", "pusat": tmp_path / "pusat"}


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def _run(folder: Path, *args: str, password: str | None = None) -> tuple[int, str]:
        if password is not None:
            monkeypatch.setenv("KINERJA_PASSWORD", password)
        code = main([*args, "--data-dir", str(folder)])
        out = capsys.readouterr()
        return code, out.out + out.err

    return _run


def _sidik(folder: Path) -> str:
    ws = Workspace.open(AppPaths(folder))
    try:
        with ws.read() as s:
            return kunci_kantor.own_key(s).sidik
    finally:
        ws.close()


def _pasang_ulang(folder: Path) -> str:
    """The office's PC reinstalled: a new key pair; its fingerprint."""
    ws = Workspace.open(AppPaths(folder))
    try:
        with ws.transaction() as s:
            kantor.create_key_pair(s)
    finally:
        ws.close()
    return _sidik(folder)


def _tersimpan(folder: Path) -> str:
    """The fingerprint of the key pinned for PLJ."""
    ws = Workspace.open(AppPaths(folder))
    try:
        with ws.read() as s:
            kunci = kunci_kantor.pinned_key(s, "PLJ")
            return kunci.sidik if kunci else ""
    finally:
        ws.close()


def _db_hash(folder: Path) -> str:
    return sidik_basis_data(folder)


def test_info_prints_this_offices_fingerprint_and_the_pinned_ones(
    folders: dict[str, Path], tmp_path: Path, run: Run
) -> None:
    pusat, plj = folders["pusat"], folders["plj"]
    code, out = run(pusat, "info")
    assert code == 0 and f"Sidik kunci    : {_sidik(pusat)}" in out
    assert out.rstrip().endswith("belum ada"), out
    paket = tmp_path / "plj.xlsx"
    assert run(plj, "export", "--out", str(paket))[0] == 0
    sidik = _sidik(plj)
    code, out = run(pusat, "import", str(paket))
    assert code == 0 and f"Kunci kantor PLJ belum tersimpan di sini; sidiknya {sidik}." in out
    assert f"plj.xlsx: Kunci pengirim disimpan di sini: {sidik}." in out
    code, out = run(pusat, "info")
    baris = next(line for line in out.splitlines() if line.strip().startswith("PLJ "))
    assert sidik in baris and "impor pertama oleh sistem" in baris


def test_a_new_key_is_refused_then_accepted_by_an_administrator_with_a_reason(
    folders: dict[str, Path], tmp_path: Path, run: Run
) -> None:
    pusat, plj = folders["pusat"], folders["plj"]
    paket = tmp_path / "plj.xlsx"
    run(plj, "export", "--out", str(paket))
    lama = _sidik(plj)
    assert run(pusat, "import", str(paket))[0] == 0
    baru = _pasang_ulang(plj)
    run(plj, "export", "--out", str(paket))
    sebelum = _db_hash(pusat)
    code, out = run(pusat, "import", str(paket))
    assert code == 1 and f"Kunci tersimpan: {lama}; kunci pada paket: {baru}." in out
    assert "kinerja-desktop kunci terima" in out and _db_hash(pusat) == sebelum

    alasan = "Komputer PLJ dipasang ulang; sidik dicocokkan lewat telepon"
    terima = ("kunci", "terima", "--kantor", "PLJ", "--paket", str(paket), "--alasan", alasan)
    code, out = run(pusat, *terima, "--admin", "operator", password="operator123")
    assert code == 1 and "tidak berhak menerima kunci tanda tangan baru" in out
    code, out = run(pusat, *terima, "--admin", "admin", password="salah")
    assert code == 1 and "Traceback" not in out
    lain = [a if a != "PLJ" else "SKU" for a in terima]
    code, out = run(pusat, *lain, "--admin", "admin", password="rahasia123")
    assert code == 1 and "dibuat oleh kantor PLJ, bukan kantor SKU" in out
    assert _tersimpan(pusat) == lama, "refusals accept nothing (logging in is recorded, so no file hash)"

    code, out = run(pusat, *terima, "--admin", "admin", password="rahasia123")
    assert code == 0 and f"kunci tersimpan   : {lama}" in out and f"kunci pada paket  : {baru}" in out
    assert f"Kunci baru kantor PLJ diterima ({baru})" in out
    code, out = run(pusat, "info")
    assert f"diterima oleh admin: {alasan}" in out
    code, out = run(pusat, "import", str(paket))
    assert code == 0 and f"cocok dengan yang tersimpan ({baru})" in out, out
    ws = Workspace.open(AppPaths(pusat))
    try:
        with ws.read() as s:
            assert kunci_kantor.read_keys(s, SYSTEM).mitra[0].sebelumnya[0].sidik == lama
    finally:
        ws.close()
