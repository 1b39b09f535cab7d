"""`kinerja-desktop pegawai export|template|import`: the printed plan, exit codes, backup, no partial save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.core.db.backup import list_backups
from kinerja_desktop.core.workspace import Workspace


def _data(ws: Workspace) -> str:
    return str(ws.paths.data_dir)


def test_export_and_template(demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "daftar.xlsx"
    assert main(["pegawai", "export", "--out", str(out), "--data-dir", _data(demo)]) == 0
    assert capsys.readouterr().out.strip() == f"12 pegawai diekspor ke {out}."
    assert openpyxl.load_workbook(out)["Pegawai"].cell(row=13, column=1).value

    sek = tmp_path / "sekretariat.xlsx"
    args = ["pegawai", "export", "--out", str(sek), "--unit", "Sekretariat Kecamatan", "--status", "semua"]
    assert main([*args, "--data-dir", _data(demo)]) == 0
    jumlah = int(capsys.readouterr().out.split()[0])
    assert 0 < jumlah < 12
    units = {
        r[15]
        for r in openpyxl.load_workbook(sek)["Pegawai"].iter_rows(
            min_row=2, max_row=jumlah + 1, values_only=True
        )
    }
    assert all(u.startswith("Kecamatan Plaju / Sekretariat Kecamatan") for u in units)

    assert (
        main(["pegawai", "export", "--out", str(sek), "--unit", "Tidak Ada", "--data-dir", _data(demo)]) == 1
    )
    assert "Kesalahan: Unit kerja 'Tidak Ada' tidak ditemukan." in capsys.readouterr().err

    templat = tmp_path / "templat.xlsx"
    assert main(["pegawai", "template", "--out", str(templat), "--data-dir", _data(demo)]) == 0
    assert "Templat daftar pegawai dibuat" in capsys.readouterr().out
    assert openpyxl.load_workbook(templat)["Pegawai"].data_validations.dataValidation


def test_dry_run_prints_the_plan_and_saves_nothing(
    roster: Path, workspace: Workspace, kit: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = kit.snapshot(workspace)
    assert main(["pegawai", "import", str(roster), "--dry-run", "--data-dir", _data(workspace)]) == 0
    out = capsys.readouterr().out
    assert "Ditambah        : 12 pegawai" in out
    assert "Unit kerja yang akan dibuat:" in out
    assert out.rstrip().endswith("Uji coba (--dry-run): tidak ada yang disimpan.")
    assert kit.snapshot(workspace) == sebelum
    assert list_backups(workspace.paths.backups) == []


def test_import_with_errors_exits_1_and_names_sheet_row_column(
    workspace: Workspace, admin: Any, tmp_path: Path, kit: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [kit.baris(kit.nip_pns(1), "Benar"), kit.baris(int(kit.nip_pns(2)), "Rusak", golongan="III e")]
    path = kit.isi_templat(workspace, admin, tmp_path / "salah.xlsx", rows)
    sebelum = kit.snapshot(workspace)
    for extra in ([], ["--dry-run"]):
        assert main(["pegawai", "import", str(path), *extra, "--data-dir", _data(workspace)]) == 1
        out = capsys.readouterr().out
        assert "Lembar Pegawai, baris 3, kolom NIP: NIP tersimpan sebagai angka oleh Excel" in out
        assert "Lembar Pegawai, baris 3, kolom Golongan: Golongan 'III e' tidak dapat diterima" in out
        assert "Impor tidak bisa dilanjutkan sampai semua kesalahan diperbaiki." in out
    assert kit.snapshot(workspace) == sebelum
    assert list_backups(workspace.paths.backups) == []


def test_import_applies_after_a_backup(
    roster: Path, workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pegawai", "import", str(roster), "--data-dir", _data(workspace)]) == 0
    out = capsys.readouterr().out
    assert "Impor selesai: 12 pegawai ditambah, 0 diubah" in out
    dibuat = 1 if workspace.is_sqlite else 0  # a server database is backed up with the server's tools
    assert len(list_backups(workspace.paths.backups)) == dibuat
    if dibuat:
        assert f"Cadangan sebelum impor: {list_backups(workspace.paths.backups)[0]}" in out
    assert main(["pegawai", "import", str(roster), "--data-dir", _data(workspace)]) == 0
    assert "Tetap sama      : 12 pegawai" in capsys.readouterr().out
    assert len(list_backups(workspace.paths.backups)) == dibuat


def test_a_bad_file_is_a_clear_error(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bukan.xlsx"
    path.write_text("halo", encoding="utf-8")
    assert main(["pegawai", "import", str(path), "--data-dir", _data(workspace)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("Kesalahan: Berkas bukan.xlsx bukan buku kerja Excel (.xlsx)")
    assert "Traceback" not in captured.err


def test_pegawai_needs_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["pegawai"])
    assert info.value.code == 2
    assert "export" in capsys.readouterr().err
