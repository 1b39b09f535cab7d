"""``init --pusat --database-url`` and ``info`` for a central office on a server, without a server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pendukung_server import KeyringMemori, pakai_keyring, port_tertutup

from kinerja_desktop.cli import main
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.server import check
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.server.check import Verdict
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.workspace import Workspace

URL = "postgresql://kinerja:Sandi%20%40rahasia@db.bkpsdm.local:5432/kinerja"
KANTOR = ["--kantor", "BKPSDM Kota Palembang", "--kode", "BKP", "--tempat", "Palembang", "--admin", "admin"]


@pytest.fixture
def pura_pura_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The server stood in for by a SQLite folder: the connection test passes, the database opens."""
    folder = tmp_path / "server"
    open_folder = Workspace.open

    def open_server(paths: AppPaths, url: Any = None) -> Workspace:
        return open_folder(AppPaths(folder))

    monkeypatch.setattr(check, "check_server", lambda settings: Verdict(True, "Koneksi berhasil."))
    monkeypatch.setattr(Workspace, "open", staticmethod(open_server))
    monkeypatch.setenv("KINERJA_PASSWORD", "rahasia123")
    return folder


@pytest.fixture
def memori() -> Iterator[KeyringMemori]:
    with pakai_keyring(KeyringMemori()) as backend:
        assert isinstance(backend, KeyringMemori)
        yield backend


def test_init_remembers_the_server_and_keeps_the_password_out_of_the_file(
    tmp_path: Path, pura_pura_server: Path, memori: KeyringMemori, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "pc1"
    assert main(["init", "--pusat", "--database-url", URL, *KANTOR, "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Server db.bkpsdm.local:5432/kinerja (pengguna kinerja) diingat" in out
    assert "penyimpanan kata sandi sistem" in out and "rahasia" not in out
    saved = server.load(AppPaths(data))
    assert saved == ServerSettings("db.bkpsdm.local", 5432, "kinerja", "kinerja", "Sandi @rahasia")
    assert "rahasia" not in server.settings_file(AppPaths(data)).read_text(encoding="utf-8")
    ws = Workspace.open(AppPaths(pura_pura_server))
    try:
        info = ws.kantor_info()
        assert info is not None and info.is_pusat and info.kode == "BKP"
    finally:
        ws.close()

    second = tmp_path / "pc2"
    assert main(["init", "--pusat", "--database-url", URL, "--data-dir", str(second)]) == 0
    assert "Masuk dengan akun yang sudah ada" in capsys.readouterr().out
    assert server.load(AppPaths(second)) == saved


def test_init_without_office_details_names_what_is_missing(
    tmp_path: Path, pura_pura_server: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["init", "--pusat", "--database-url", URL, "--kantor", "BKPSDM", "--data-dir", str(tmp_path)])
        == 1
    )
    assert "isi juga --kode, --tempat, --admin" in capsys.readouterr().err
    assert not server.settings_file(AppPaths(tmp_path)).exists()


def test_init_refuses_a_server_for_an_ordinary_office(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--database-url", URL, *KANTOR, "--data-dir", str(tmp_path)]) == 1
    assert "Tambahkan --pusat" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "pesan"),
    [("mysql://a:b@h/db", "harus untuk PostgreSQL"), ("postgresql://a@h:x/db", "tidak bisa dibaca")],
)
def test_init_with_a_bad_url_explains(
    url: str, pesan: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--pusat", "--database-url", url, *KANTOR, "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert pesan in err and "Contoh: postgresql://" in err and "Traceback" not in err


def test_init_with_an_unreachable_server_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("psycopg")
    monkeypatch.setenv("KINERJA_PASSWORD", "rahasia123")
    url = f"postgresql://kinerja:x@127.0.0.1:{port_tertutup()}/kinerja"
    assert main(["init", "--pusat", "--database-url", url, *KANTOR, "--data-dir", str(tmp_path)]) == 1
    assert "tidak bisa dihubungi" in capsys.readouterr().err
    assert not server.settings_file(AppPaths(tmp_path)).exists()


@pytest.mark.sqlite_only("about a folder's own SQLite file holding an office")
def test_a_folder_with_its_own_office_is_not_switched_to_a_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KINERJA_PASSWORD", "rahasia123")
    args = ["init", "--kantor", "Kecamatan Plaju", "--kode", "PLJ", "--tempat", "Plaju", "--admin", "admin"]
    assert main([*args, "--data-dir", str(tmp_path)]) == 0
    assert main(["init", "--pusat", "--database-url", URL, *KANTOR, "--data-dir", str(tmp_path)]) == 1
    assert "sudah berisi kantor Kecamatan Plaju" in capsys.readouterr().err


def test_info_names_an_unreachable_server_without_its_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("psycopg")
    port = port_tertutup()
    server.save(AppPaths(tmp_path), ServerSettings("127.0.0.1", port, "kinerja", "pegawai", "Rahasia#1"))
    assert main(["info", "--data-dir", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "server PostgreSQL — TIDAK BISA DIBUKA" in captured.out
    for line in (
        "Server         : 127.0.0.1",
        f"Port           : {port}",
        "Nama basis data: kinerja",
        "Pengguna       : pegawai",
    ):
        assert line in captured.out
    assert "server.json di folder data; kata sandi di berkas server.json" in captured.out
    assert "tidak bisa dihubungi" in captured.err
    assert "Rahasia" not in captured.out + captured.err
