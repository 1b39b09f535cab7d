"""Against a real PostgreSQL: a throwaway cluster on a free local port (skipped without the binaries)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pendukung_server import port_tertutup

from kinerja_desktop.cli import main
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.server.check import check_server
from kinerja_desktop.core.server.settings import ServerSettings
from kinerja_desktop.core.workspace import Workspace

SANDI = "sandi uji:@/#"
BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))

pytestmark = pytest.mark.skipif(not BINARIES, reason="PostgreSQL is not installed here")


def _as_owner(owner: str | None, *command: str) -> list[str]:
    return ["runuser", "-u", owner, "--", *command] if owner else list(command)


@pytest.fixture(scope="module")
def cluster() -> Iterator[ServerSettings]:
    """A cluster of its own (as an unprivileged user when the tests run as root), stopped afterwards."""
    pytest.importorskip("psycopg")
    bindir = BINARIES[-1].parent
    owner = "nobody" if os.geteuid() == 0 else None
    base = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
    if owner:
        shutil.chown(base, owner)
    (base / "pw").write_text(SANDI, encoding="utf-8")
    port = port_tertutup()
    try:
        subprocess.run(
            _as_owner(
                owner,
                str(bindir / "initdb"),
                "-D",
                str(base / "data"),
                "-U",
                "postgres",
                "-N",
                "--auth=scram-sha-256",
                f"--pwfile={base / 'pw'}",
                "-E",
                "UTF8",
            ),
            check=True,
            capture_output=True,
        )
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_owner(
                owner,
                str(bindir / "pg_ctl"),
                "-D",
                str(base / "data"),
                "-o",
                options,
                "-l",
                str(base / "log"),
                "-w",
                "start",
            ),
            check=True,
            capture_output=True,
        )
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"no PostgreSQL cluster could be started: {exc}")
    try:
        yield ServerSettings("127.0.0.1", port, "postgres", "postgres", SANDI)
    finally:
        subprocess.run(
            _as_owner(owner, str(bindir / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate", "stop"),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


def _sql(cluster: ServerSettings, *statements: str, database: str = "postgres") -> None:
    import psycopg

    with psycopg.connect(
        host=cluster.host,
        port=cluster.port,
        user="postgres",
        password=SANDI,
        dbname=database,
        autocommit=True,
    ) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]


@pytest.fixture
def database(cluster: ServerSettings, request: pytest.FixtureRequest) -> ServerSettings:
    """An empty database of its own for the test."""
    name = "db_" + request.node.name.lower().replace("[", "_").replace("]", "").replace("-", "_")[:50]
    _sql(cluster, f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}")
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
    _sql(database, "CREATE TABLE pesanan (id integer)", database=database.database)
    verdict = check_server(database)
    assert not verdict.ok and "bukan basis data Kinerja Desktop" in verdict.pesan


def test_a_user_who_may_not_create_tables_is_told_whom_to_ask(database: ServerSettings) -> None:
    _sql(database, "DROP ROLE IF EXISTS tamu", "CREATE ROLE tamu LOGIN PASSWORD 'tamu12345'")
    _sql(database, "REVOKE CREATE ON SCHEMA public FROM PUBLIC", database=database.database)
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
