"""Uji koneksi without a server: every verdict a clerk can meet, and opening a folder whose server fails."""

from __future__ import annotations

import sys

import pytest
from pendukung_server import port_tertutup
from sqlalchemy.exc import OperationalError

from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.recovery import OpenError
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.server.check import check_server, explain, open_failure
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.workspace import Workspace

SERVER = ServerSettings("db.bkpsdm.local", 5432, "kinerja", "kinerja", "rahasia")


def _closed() -> ServerSettings:
    return ServerSettings("127.0.0.1", port_tertutup(), "kinerja", "kinerja", "rahasia")


def test_psycopg_missing_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    verdict = check_server(SERVER)
    assert not verdict.ok
    assert "psycopg" in verdict.pesan and "pip install kinerja-desktop[pusat]" in verdict.saran


def test_a_port_nobody_listens_on_is_unreachable() -> None:
    pytest.importorskip("psycopg")
    settings = _closed()
    verdict = check_server(settings)
    assert not verdict.ok and verdict.kolom == "host"
    assert verdict.pesan == f"Server 127.0.0.1:{settings.port} tidak bisa dihubungi."
    assert "port" in verdict.saran


def test_settings_that_cannot_be_right_are_refused_before_connecting() -> None:
    verdict = check_server(ServerSettings("", 5432, "kinerja", "kinerja"))
    assert not verdict.ok and verdict.kolom == "host" and "wajib" in verdict.pesan
    assert not check_server(ServerSettings("db", 99999)).ok


def _failure(message: str) -> OperationalError:
    return OperationalError("connect", {}, Exception(message))


@pytest.mark.parametrize(
    ("message", "pesan", "kolom"),
    [
        (
            'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  password '
            'authentication failed for user "kinerja"',
            "Nama pengguna atau kata sandi basis data salah",
            "password",
        ),
        ("fe_sendauth: no password supplied", "kata sandi basis data salah", "password"),
        ('FATAL:  role "kinerja" does not exist', "tidak dikenal server", "user"),
        ('FATAL:  database "kinerja" does not exist', "Basis data kinerja tidak ada", "database"),
        (
            "failed to resolve host 'db.bkpsdm.local': [Errno -2] Name or service not known",
            "tidak dikenal",
            "host",
        ),
        ("connection to server failed: Connection refused", "tidak bisa dihubungi", "host"),
        ("connection timeout expired", "tidak bisa dihubungi", "host"),
        ('FATAL:  no pg_hba.conf entry for host "10.0.0.9"', "menolak sambungan", None),
        ("SSL SYSCALL error: EOF detected", "tidak bisa dipakai: SSL SYSCALL error", None),
    ],
)
def test_each_connection_failure_has_its_own_verdict(message: str, pesan: str, kolom: str | None) -> None:
    verdict = explain(_failure(message), SERVER)
    assert not verdict.ok
    assert pesan in verdict.pesan
    assert verdict.kolom == kolom
    assert verdict.saran  # always says what to do next
    assert "Traceback" not in str(verdict)


def test_a_server_failure_on_opening_is_not_a_restore_matter(paths: AppPaths) -> None:
    pytest.importorskip("psycopg")
    server.save(paths, _closed())
    with pytest.raises(OpenError, match="tidak bisa dihubungi") as info:
        Workspace.open(paths)
    assert info.value.restorable is False


def test_opening_a_server_folder_without_psycopg_says_how_to_install_it(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.save(paths, SERVER)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(OpenError, match="psycopg") as info:
        Workspace.open(paths)
    assert "pip install kinerja-desktop[pusat]" in (info.value.saran or "")
    assert info.value.restorable is False


def test_unknown_failures_are_left_to_the_crash_handler() -> None:
    assert open_failure(RuntimeError("bug"), None) is None
