"""Test support for the server settings: an in-memory keyring, a port nobody listens on, a throwaway
PostgreSQL cluster."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from kinerja_desktop.core.server.settings import ServerSettings


class KeyringMemori(KeyringBackend):
    """A keyring that keeps passwords in a dict, as Windows Credential Locker would on disk."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.isi: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.isi.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.isi[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.isi.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class KeyringRusak(KeyringBackend):
    """A keyring whose service fails (locked, absent): every call raises."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("layanan tidak tersedia")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("layanan tidak tersedia")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("layanan tidak tersedia")


@contextmanager
def pakai_keyring(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """``backend`` as the keyring for the block, the previous one back afterwards."""
    sebelumnya = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(sebelumnya)


def port_tertutup() -> int:
    """A local port with nothing listening on it (bound, then let go)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


SANDI = "sandi uji:@/#"
BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def _as_owner(owner: str | None, *command: str) -> list[str]:
    return ["runuser", "-u", owner, "--", *command] if owner else list(command)


@contextmanager
def cluster_postgres() -> Iterator[ServerSettings]:
    """A throwaway PostgreSQL cluster on a free local port (run as an unprivileged user when the tests run
    as root), stopped and deleted afterwards; the test is skipped without the binaries or psycopg."""
    if not BINARIES:
        pytest.skip("PostgreSQL is not installed here")
    pytest.importorskip("psycopg")
    bindir = BINARIES[-1].parent
    owner = "nobody" if os.geteuid() == 0 else None
    base = Path(tempfile.mkdtemp(prefix="kinerja-server-pg-"))
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
    _CLUSTERS[port] = (owner, bindir, base, options)
    try:
        yield ServerSettings("127.0.0.1", port, "postgres", "postgres", SANDI)
    finally:
        _CLUSTERS.pop(port, None)
        subprocess.run(
            _as_owner(owner, str(bindir / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate", "stop"),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


#: The running throwaway clusters by port: owner, bin folder, folder, server options.
_CLUSTERS: dict[int, tuple[str | None, Path, Path, str]] = {}


def hentikan_cluster(cluster: ServerSettings) -> None:
    """Stop a cluster of ``cluster_postgres`` (fast: its connections are ended), keeping its data."""
    owner, bindir, base, _options = _CLUSTERS[cluster.port]
    subprocess.run(
        _as_owner(owner, str(bindir / "pg_ctl"), "-D", str(base / "data"), "-m", "fast", "-w", "stop"),
        check=True,
        capture_output=True,
    )


def nyalakan_cluster(cluster: ServerSettings) -> None:
    """Start a cluster stopped by ``hentikan_cluster`` again, on the same port."""
    owner, bindir, base, options = _CLUSTERS[cluster.port]
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


def jalankan_sql(cluster: ServerSettings, *statements: str, database: str = "postgres") -> None:
    """Run ``statements`` as the cluster's superuser, each in its own transaction."""
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
