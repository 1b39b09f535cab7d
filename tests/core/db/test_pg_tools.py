"""Finding pg_dump and pg_restore, and what the app says when they are missing or older than the server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kinerja_desktop.core.db.pg_tools import ENV_PG_BIN, ServerBackupUnavailable, find_tools, install_hint

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the fake programs are shell scripts")


def _fake_tools(folder: Path, version: str, names: tuple[str, ...] = ("pg_dump", "pg_restore")) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        program = folder / name
        program.write_text(f'#!/bin/sh\necho "{name} (PostgreSQL) {version}"\n')
        program.chmod(0o755)
    return folder


def test_tools_in_the_chosen_folder_as_new_as_the_server_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_tools(tmp_path / "bin", "16.2 (Debian 16.2-1)")
    monkeypatch.setenv(ENV_PG_BIN, str(folder))
    tools = find_tools(15)
    assert tools.usable and tools.problem is None
    assert tools.require() == (folder / "pg_dump", folder / "pg_restore")


def test_missing_tools_are_named_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_PG_BIN, str(tmp_path / "kosong"))
    tools = find_tools(15)
    assert not tools.usable and tools.problem is not None
    assert "pg_dump dan pg_restore" in tools.problem and "tidak ditemukan" in tools.problem
    with pytest.raises(ServerBackupUnavailable) as refused:
        tools.require()
    saran = refused.value.saran or ""
    assert '"Command Line Tools"' in saran and "postgresql-client-15" in saran and ENV_PG_BIN in saran
    assert "pengelola server menjadwalkan pg_dump harian" in saran


def test_only_pg_restore_missing_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PG_BIN, str(_fake_tools(tmp_path / "bin", "15.4", names=("pg_dump",))))
    tools = find_tools(15)
    assert tools.problem is not None and "Program pg_restore " in tools.problem


def test_tools_older_than_the_server_are_refused_with_both_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_PG_BIN, str(_fake_tools(tmp_path / "bin", "13.9")))
    tools = find_tools(16)
    assert not tools.usable and tools.problem is not None
    assert "versi 13" in tools.problem and "versi 16" in tools.problem
    assert "postgresql-client-16" in (tools.saran or "")


def test_the_hint_without_a_known_server_version_names_the_generic_package() -> None:
    hint = install_hint(0)
    assert "postgresql-client " in hint and "sama dengan server" in hint
