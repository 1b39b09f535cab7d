"""The server a data folder remembers: file and keyring, URL building, the environment's override."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from pendukung_server import KeyringMemori, KeyringRusak, pakai_keyring
from sqlalchemy.engine import make_url

from kinerja_desktop.core.errors import DatabaseError, ValidationError
from kinerja_desktop.core.paths import POSIX, AppPaths
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.server.settings import ServerSettings

SERVER = ServerSettings("db.bkpsdm.local", 5432, "kinerja", "kinerja", "Rahasia#2026")


@pytest.fixture
def memori() -> Iterator[KeyringMemori]:
    with pakai_keyring(KeyringMemori()) as backend:
        assert isinstance(backend, KeyringMemori)
        yield backend


def _raw(paths: AppPaths) -> dict[str, object]:
    data: dict[str, object] = json.loads(server.settings_file(paths).read_text(encoding="utf-8"))
    return data


@pytest.mark.sqlite_only(
    "a folder without server.json uses its SQLite file; this run maps every folder to a server"
)
def test_no_file_means_no_server(paths: AppPaths) -> None:
    assert server.load(paths) is None
    assert server.database_url(paths) == f"sqlite:///{paths.database}"


def test_password_goes_to_the_keyring_when_there_is_one(paths: AppPaths, memori: KeyringMemori) -> None:
    assert server.save(paths, SERVER) == "keyring"
    raw = _raw(paths)
    assert raw == {
        "host": "db.bkpsdm.local",
        "port": 5432,
        "database": "kinerja",
        "user": "kinerja",
        "kata_sandi_di": "keyring",
    }
    assert "Rahasia" not in server.settings_file(paths).read_text(encoding="utf-8")
    assert memori.isi == {("kinerja-desktop", "kinerja@db.bkpsdm.local:5432/kinerja"): "Rahasia#2026"}
    assert server.load(paths) == SERVER
    assert server.password_store(paths) == "keyring"


def test_a_failing_keyring_leaves_the_password_in_the_file(paths: AppPaths) -> None:
    with pakai_keyring(KeyringRusak()):
        assert server.save(paths, SERVER) == "berkas"
        assert _raw(paths)["kata_sandi"] == "Rahasia#2026"
        assert server.load(paths) == SERVER
    assert server.password_store(paths) == "berkas"


def test_without_any_keyring_backend_the_file_keeps_the_password(paths: AppPaths) -> None:
    """The test run's own keyring is keyring's "fail" backend (see conftest)."""
    assert server.save(paths, SERVER) == "berkas"
    assert server.load(paths) == SERVER


def test_keyring_not_installed_is_no_crash(paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)
    assert server.save(paths, SERVER) == "berkas"
    assert server.load(paths) == SERVER


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
def test_the_settings_file_is_private_from_its_first_byte(paths: AppPaths) -> None:
    server.save(paths, SERVER)
    assert stat.S_IMODE(server.settings_file(paths).stat().st_mode) == 0o600
    assert not list(paths.data_dir.glob("*.tmp"))


def test_a_password_gone_from_the_keyring_is_said_plainly(paths: AppPaths, memori: KeyringMemori) -> None:
    server.save(paths, SERVER)
    memori.isi.clear()
    with pytest.raises(DatabaseError, match="tidak ditemukan di penyimpanan kata sandi"):
        server.load(paths)


def test_a_damaged_settings_file_is_said_plainly(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True)
    server.settings_file(paths).write_text("{ bukan json", encoding="utf-8")
    with pytest.raises(DatabaseError, match="tidak bisa dibaca"):
        server.load(paths)


def test_forget_removes_file_and_keyring_entry(paths: AppPaths, memori: KeyringMemori) -> None:
    server.save(paths, SERVER)
    server.forget(paths)
    assert not server.settings_file(paths).exists()
    assert memori.isi == {}


@pytest.mark.parametrize("password", ["p@ss:w/rd", "dengan spasi", "a@b:c/d e?f#g%h", "100%", "ümlaut+plus"])
def test_awkward_passwords_survive_the_url(password: str) -> None:
    settings = ServerSettings("db.bkpsdm.local", 5433, "kinerja", "pe@gawai", password)
    url = settings.url()
    assert url.drivername == "postgresql+psycopg"
    text = url.render_as_string(hide_password=False)
    again = make_url(text)
    assert (again.password, again.username, again.host, again.port) == (
        password,
        "pe@gawai",
        "db.bkpsdm.local",
        5433,
    )
    typed = f"postgresql://pe%40gawai:{quote(password, safe='')}@db.bkpsdm.local:5433/kinerja"
    assert server.from_url(typed) == settings


def test_the_password_is_never_in_repr() -> None:
    assert "Rahasia" not in repr(SERVER)
    assert "Rahasia" not in SERVER.url().render_as_string()


def test_the_folder_s_server_is_its_database(paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    server.save(paths, SERVER)
    url = server.database_url(paths)
    assert not isinstance(url, str)
    assert url.password == "Rahasia#2026" and url.host == "db.bkpsdm.local"
    assert server.engine_options(url) == {"connect_args": {"connect_timeout": server.CONNECT_TIMEOUT_S}}
    monkeypatch.setenv("KINERJA_DATABASE_URL", "sqlite:///lain.sqlite3")
    assert server.database_url(paths) == "sqlite:///lain.sqlite3"
    assert server.engine_options("sqlite:///lain.sqlite3") == {}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql://u:p@h/db", "harus untuk PostgreSQL"),
        ("bukan alamat", "tidak bisa dibaca"),
        ("postgresql://u:p@h:port/db", "tidak bisa dibaca"),
        ("postgresql://u:p@/db", "Alamat server wajib"),
        ("postgresql://u:p@h:5432/", "Nama basis data wajib"),
        ("postgresql://h:5432/db", "Nama pengguna basis data wajib"),
        ("postgresql://u@h:70000/db", "tidak bisa dibaca|Port harus"),
    ],
)
def test_a_bad_url_says_what_is_wrong(url: str, expected: str) -> None:
    with pytest.raises(ValidationError, match=expected) as info:
        server.from_url(url)
    assert "postgresql://" in (info.value.saran or "")


def test_url_defaults_port_and_keeps_parts() -> None:
    settings = server.from_url("postgresql+psycopg://kinerja:s@db.bkpsdm.local/kinerja")
    assert settings == ServerSettings("db.bkpsdm.local", 5432, "kinerja", "kinerja", "s")
    assert settings.label == "db.bkpsdm.local:5432/kinerja"


@pytest.mark.parametrize(
    ("settings", "kolom"),
    [
        (ServerSettings(" "), "host"),
        (ServerSettings("db bkpsdm"), "host"),
        (ServerSettings("db", 0), "port"),
        (ServerSettings("db", 5432, ""), "database"),
        (ServerSettings("db", 5432, "kinerja", ""), "user"),
    ],
)
def test_validation_names_the_field(settings: ServerSettings, kolom: str) -> None:
    with pytest.raises(ValidationError) as info:
        server.validate(settings)
    assert info.value.kolom == kolom


def test_settings_file_sits_in_the_data_folder(tmp_path: Path) -> None:
    assert server.settings_file(AppPaths(tmp_path)) == tmp_path / "server.json"
