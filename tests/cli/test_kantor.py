"""The command line: init without a screen, --data-dir anywhere, backup and restore, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pendukung_db import DI_POSTGRES, basis_data

from kinerja_desktop import __version__
from kinerja_desktop.cli import main
from kinerja_desktop.core.db.backup import list_backups
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.workspace import Workspace


def _init(data: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> int:
    monkeypatch.setenv("KINERJA_PASSWORD", "rahasia123")
    args = ["init", "--kantor", "Kecamatan Plaju", "--kode", "plj", "--tempat", "Plaju", "--admin", "Admin"]
    return main([*args, *extra, "--data-dir", str(data)])


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_init_prepares_the_folder_and_admin_can_log_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _init(tmp_path / "d", monkeypatch) == 0
    assert "kode PLJ" in capsys.readouterr().out
    ws = Workspace.open(AppPaths(tmp_path / "d"))
    assert ws.login("admin", "rahasia123").username == "admin"
    ws.close()


def test_init_pusat_marks_a_central_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _init(tmp_path / "d", monkeypatch, "--pusat") == 0
    with basis_data(tmp_path / "d") as raw:
        assert raw.execute("SELECT is_pusat FROM kantor").fetchone() == (1,)
        assert raw.execute("SELECT nilai FROM pengaturan WHERE kunci='mode'").fetchone() == ("pusat",)


def test_init_without_terminal_or_password_explains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("KINERJA_PASSWORD", raising=False)
    code = main(
        [
            "init",
            "--kantor",
            "K",
            "--kode",
            "KK",
            "--tempat",
            "T",
            "--admin",
            "adm",
            "--data-dir",
            str(tmp_path),
        ]
    )
    assert code == 1
    assert "KINERJA_PASSWORD" in capsys.readouterr().err
    assert not Workspace.open(AppPaths(tmp_path)).is_initialised()


def test_init_twice_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _init(tmp_path / "d", monkeypatch) == 0
    assert _init(tmp_path / "d", monkeypatch) == 1
    assert "sudah disiapkan" in capsys.readouterr().err


def test_weak_password_is_refused_with_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KINERJA_PASSWORD", "123")
    args = [
        "init",
        "--kantor",
        "K",
        "--kode",
        "KK",
        "--tempat",
        "T",
        "--admin",
        "adm",
        "--data-dir",
        str(tmp_path),
    ]
    assert main(args) == 1
    assert "minimal 8" in capsys.readouterr().err


@pytest.mark.sqlite_only("the backup command copies the SQLite file")
def test_data_dir_works_before_and_after_the_subcommand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert _init(data, monkeypatch) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0
    assert main(["backup", "--data-dir", str(data)]) == 0
    assert len(list_backups(data / "cadangan")) == 2
    assert main(["info", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Kecamatan Plaju [PLJ]" in out and str(data) in out


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_restore_with_yes_replaces_data_and_keeps_a_safety_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert _init(data, monkeypatch) == 0
    assert main(["backup", "--data-dir", str(data)]) == 0
    saved = list_backups(data / "cadangan")[0]
    with sqlite3.connect(data / "kinerja.sqlite3") as raw:
        raw.execute("UPDATE kantor SET nama = 'Diubah'")
    assert main(["restore", str(saved), "--yes", "--data-dir", str(data)]) == 0
    with sqlite3.connect(data / "kinerja.sqlite3") as raw:
        assert raw.execute("SELECT nama FROM kantor").fetchone() == ("Kecamatan Plaju",)
    assert any("sebelum-pemulihan" in p.name for p in list_backups(data / "cadangan"))


@pytest.mark.sqlite_only("restore replaces the SQLite file")
def test_restore_without_terminal_needs_yes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert _init(data, monkeypatch) == 0
    assert main(["backup", "--data-dir", str(data)]) == 0
    saved = list_backups(data / "cadangan")[0]
    monkeypatch.setattr("sys.stdin", None)
    assert main(["restore", str(saved), "--data-dir", str(data)]) == 1
    assert "--yes" in capsys.readouterr().err


def test_restore_of_a_foreign_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert _init(data, monkeypatch) == 0
    foreign = tmp_path / "lain.xlsx"
    foreign.write_bytes(b"PK\x03\x04 not a database")
    assert main(["restore", str(foreign), "--yes", "--data-dir", str(data)]) == 1
    assert ("bukan cadangan server" if DI_POSTGRES else "bukan SQLite") in capsys.readouterr().err


def test_newer_database_gives_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert _init(data, monkeypatch) == 0
    with basis_data(data) as raw:
        raw.execute("UPDATE alembic_version SET version_num='9999'")
    assert main(["info", "--data-dir", str(data)]) == 1
    assert "lebih baru" in capsys.readouterr().err
