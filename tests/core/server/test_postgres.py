"""Against a real PostgreSQL: a throwaway cluster on a free local port (skipped without the binaries)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pendukung_server import SANDI, cluster_postgres, jalankan_sql

from kinerja_desktop.cli import main
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.server.check import check_server
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.workspace import Workspace


@pytest.fixture(scope="module")
def cluster() -> Iterator[ServerSettings]:
    with cluster_postgres() as settings:
        yield settings


@pytest.fixture
def database(cluster: ServerSettings, request: pytest.FixtureRequest) -> ServerSettings:
    """An empty database of its own for the test."""
    name = "db_" + request.node.name.lower().replace("[", "_").replace("]", "").replace("-", "_")[:50]
    jalankan_sql(cluster, f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}")
    return replace(cluster, database=name)


def test_an_empty_database_passes_and_gets_the_schema(database: ServerSettings, paths: AppPaths) -> None:
    verdict = check_server(database)
    assert verdict.ok, verdict
    assert verdict.versi.startswith("PostgreSQL") and "kosong" in verdict.pesan
    ws = Workspace.open(paths, url=database.url())
    try:
        assert ws.migration.action == "created" and ws.server_label == database.label
    finally:
        ws.close()


def test_the_wrong_password_is_named(database: ServerSettings) -> None:
    verdict = check_server(replace(database, password="salah"))
    assert not verdict.ok and verdict.kolom == "password"
    assert "kata sandi basis data salah" in verdict.pesan


def test_a_missing_database_is_named(cluster: ServerSettings) -> None:
    verdict = check_server(replace(cluster, database="tidak_ada"))
    assert not verdict.ok and verdict.pesan.startswith("Basis data tidak_ada tidak ada")


def test_another_application_s_database_is_refused(database: ServerSettings) -> None:
    jalankan_sql(database, "CREATE TABLE pesanan (id integer)", database=database.database)
    verdict = check_server(database)
    assert not verdict.ok and "bukan basis data Kinerja Desktop" in verdict.pesan


def test_a_user_who_may_not_create_tables_is_told_whom_to_ask(database: ServerSettings) -> None:
    jalankan_sql(database, "DROP ROLE IF EXISTS tamu", "CREATE ROLE tamu LOGIN PASSWORD 'tamu12345'")
    jalankan_sql(database, "REVOKE CREATE ON SCHEMA public FROM PUBLIC", database=database.database)
    verdict = check_server(replace(database, user="tamu", password="tamu12345"))
    assert not verdict.ok and "tidak boleh membuat tabel" in verdict.pesan
    assert "OWNER TO tamu" in verdict.saran


def test_cli_init_on_the_server_then_a_second_pc_joins_it(
    database: ServerSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KINERJA_PASSWORD", "rahasia123")
    url = database.url().render_as_string(hide_password=False)
    first, second = tmp_path / "pc1", tmp_path / "pc2"
    args = ["--kantor", "BKPSDM Kota Palembang", "--kode", "BKP", "--tempat", "Palembang", "--admin", "admin"]
    assert main(["init", "--pusat", "--database-url", url, *args, "--data-dir", str(first)]) == 0
    assert main(["init", "--pusat", "--database-url", url, "--data-dir", str(second)]) == 0
    out = capsys.readouterr().out
    assert "sudah berisi data BKPSDM Kota Palembang [BKP]" in out
    assert server.load(AppPaths(second)) == database

    assert main(["info", "--data-dir", str(second)]) == 0
    info = capsys.readouterr().out
    assert f"Port           : {database.port}" in info and f"Nama basis data: {database.database}" in info
    assert "Kantor         : BKPSDM Kota Palembang [BKP]" in info
    assert SANDI not in info and "sandi uji" not in info
    ws = Workspace.open(AppPaths(second))
    try:
        assert ws.login("admin", "rahasia123").username == "admin"
        assert ws.kantor_info() is not None and ws.kantor_info().is_pusat  # type: ignore[union-attr]
    finally:
        ws.close()
