"""``backup`` and ``restore`` on a server database, and an upgrade at start-up without pg_dump."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pendukung_db import DI_POSTGRES, basis_data, sidik_basis_data
from pendukung_skema import DATA, isi_folder_skema

from kinerja_desktop.cli import common as cli_common
from kinerja_desktop.cli import main
from kinerja_desktop.core.db import server_backup
from kinerja_desktop.core.db.pg_tools import ENV_PG_BIN
from kinerja_desktop.core.errors import ServerBackupUnconfirmed
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.workspace import Workspace

server_only = pytest.mark.skipif(
    not DI_POSTGRES, reason="PostgreSQL only: pg_dump and pg_restore of a server"
)


@pytest.fixture
def office(tmp_path: Path, template_folder: Path) -> AppPaths:
    paths = AppPaths(tmp_path / "d")
    shutil.copytree(template_folder, paths.data_dir)
    return paths


def _users(paths: AppPaths) -> set[str]:
    with basis_data(paths.data_dir) as db:
        return {row[0] for row in db.execute("SELECT username FROM pengguna")}


@server_only
def test_backup_then_restore_on_a_server(office: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(office.data_dir)
    assert main(["backup", "--data-dir", folder]) == 0
    out = capsys.readouterr().out
    assert "dengan pg_dump" in out and "Cadangan dibuat:" in out
    (archive,) = server_backup.list_dumps(office.backups)
    with basis_data(office.data_dir) as db:
        db.execute("UPDATE pengguna SET username = 'diubah' WHERE username = 'admin'")
    assert main(["restore", str(archive), "--data-dir", folder]) == 1  # no terminal, no --yes
    assert "--yes" in capsys.readouterr().err and _users(office) == {"diubah"}
    assert main(["restore", str(archive), "--yes", "--data-dir", folder]) == 0
    out = capsys.readouterr().out
    assert "Kecamatan Plaju (PLJ)" in out and "dipulihkan" in out and "sebelum-pemulihan.dump" in out
    assert _users(office) == {"admin"}
    assert main(["info", "--data-dir", folder]) == 0
    assert "(pg_dump)" in capsys.readouterr().out


@server_only
def test_restore_of_a_foreign_file_on_a_server_changes_nothing(
    office: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "bukan.dump"
    bogus.write_bytes(b"PGDMP bukan arsip sungguhan")
    before = sidik_basis_data(office.data_dir)
    assert main(["restore", str(bogus), "--yes", "--data-dir", str(office.data_dir)]) == 1
    err = capsys.readouterr().err
    assert "Kesalahan:" in err and "rusak" in err and "tidak diubah" in err and "Traceback" not in err
    assert sidik_basis_data(office.data_dir) == before
    assert not server_backup.list_dumps(office.backups)


@server_only
def test_backup_without_tools_says_what_to_install(
    office: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENV_PG_BIN, str(tmp_path / "kosong"))
    assert main(["backup", "--data-dir", str(office.data_dir)]) == 1
    err = capsys.readouterr().err
    assert "postgresql-client" in err and "Command Line Tools" in err and "Traceback" not in err


@server_only
def test_an_upgrade_without_pg_dump_needs_the_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = isi_folder_skema(DATA / "schema_0005.sqlite3", tmp_path / "data")
    monkeypatch.setenv(ENV_PG_BIN, str(tmp_path / "kosong"))
    folder = str(paths.data_dir)
    assert main(["info", "--data-dir", folder]) == 1
    err = capsys.readouterr().err
    assert "--server-sudah-dicadangkan" in err and "KINERJA_SERVER_SUDAH_DICADANGKAN=1" in err
    assert "skema 0005" in err and "belum diubah" in err
    with basis_data(paths.data_dir) as db:
        assert db.execute("SELECT version_num FROM alembic_version").scalar() == "0005"
    assert main(["info", "--server-sudah-dicadangkan", "--data-dir", folder]) == 0
    assert "tanpa cadangan" in capsys.readouterr().out


def test_the_refusal_names_the_flag_and_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[bool] = []

    def refuse(_paths: AppPaths, _url: object = None, *, upgrade_without_dump: bool = False) -> Workspace:
        seen.append(upgrade_without_dump)
        raise ServerBackupUnconfirmed(
            "perlu diperbarui",
            alasan="pg_dump tidak ditemukan. Pasang postgresql-client.",
            revisi=("0005", "0006"),
        )

    monkeypatch.setattr(Workspace, "open", staticmethod(refuse))
    assert main(["backup", "--data-dir", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert "skema 0005 ke 0006" in err and "pg_dump tidak ditemukan" in err and "Traceback" not in err
    assert cli_common.SERVER_BACKED_UP_FLAG in err and cli_common.ENV_SERVER_BACKED_UP in err
    monkeypatch.setenv(cli_common.ENV_SERVER_BACKED_UP, "1")
    main(["backup", "--data-dir", str(tmp_path / "d")])
    main(["backup", "--server-sudah-dicadangkan", "--data-dir", str(tmp_path / "d")])
    assert seen == [False, True, True]
