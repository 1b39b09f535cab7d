"""The central office's server on the command line: ``init --pusat --database-url`` and ``info``'s lines."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from kinerja_desktop.core.errors import KnownError

if TYPE_CHECKING:
    from sqlalchemy import URL

    from kinerja_desktop.core.paths import AppPaths
    from kinerja_desktop.core.server.settings import Penyimpanan, ServerSettings

STORE_TEXT = {
    "keyring": "di penyimpanan kata sandi sistem (Windows Credential Locker / keyring)",
    "berkas": "di berkas server.json folder data (hanya bisa dibaca pengguna ini)",
}


def server_settings(args: argparse.Namespace) -> ServerSettings:
    """The server named by ``--database-url``, its password asked on a terminal when the URL has none."""
    from dataclasses import replace

    from kinerja_desktop.core.server.settings import from_url

    if not args.pusat:
        raise KnownError(
            "Server basis data hanya untuk kantor pusat.", saran="Tambahkan --pusat bersama --database-url."
        )
    settings = from_url(args.database_url)
    if not settings.password and sys.stdin is not None and sys.stdin.isatty():
        settings = replace(
            settings, password=getpass.getpass("Kata sandi basis data (kosongkan bila tidak ada): ")
        )
    return settings


def refuse_local_office(paths: AppPaths) -> None:
    """A folder whose own SQLite database already holds an office is not switched to a server."""
    from kinerja_desktop.core.recovery import read_kantor

    local = read_kantor(paths.database) if paths.database.exists() else None
    if local is not None:
        raise KnownError(
            f"Folder data {paths.data_dir} sudah berisi kantor {local.text} di komputer ini.",
            saran="Pakai folder data lain (--data-dir) untuk kantor pusat di server basis data.",
        )


def check_or_fail(settings: ServerSettings) -> str:
    """Uji koneksi; a failed test is raised as its verdict; returns the verdict's text."""
    from kinerja_desktop.core.server.check import check_server

    verdict = check_server(settings)
    verdict.raise_unless_ok()
    return verdict.pesan


def remember(paths: AppPaths, settings: ServerSettings) -> None:
    """Save the server in the data folder and say where the password went."""
    from kinerja_desktop.core.server.settings import save

    stored = save(paths, settings)
    print(f"Server {settings.label} (pengguna {settings.user}) diingat di folder data {paths.data_dir}.")
    print(f"Kata sandi basis data disimpan {STORE_TEXT[stored]}.")


def server_lines(paths: AppPaths, url: URL | None) -> list[str]:
    """``info``'s lines about the server (never its password); none for a SQLite database."""
    from sqlalchemy.engine import make_url

    from kinerja_desktop.core.paths import ENV_DATABASE_URL
    from kinerja_desktop.core.server import settings as server

    if url is None:
        if os.environ.get(ENV_DATABASE_URL):
            url = make_url(os.environ[ENV_DATABASE_URL])
        elif server.settings_file(paths).exists():
            try:
                found = server.load(paths)
            except KnownError:
                found = None
            url = found.url() if found is not None else None
    if url is None or url.get_backend_name() == "sqlite":
        return []
    if os.environ.get(ENV_DATABASE_URL):
        sumber = f"variabel lingkungan {ENV_DATABASE_URL}"
    else:
        store: Penyimpanan | None = server.password_store(paths)
        sumber = f"{server.SERVER_FILENAME} di folder data; kata sandi {STORE_TEXT[store]}" if store else "-"
    return [
        f"Server         : {url.host or '-'}",
        f"Port           : {url.port or server.DEFAULT_PORT}",
        f"Nama basis data: {url.database or '-'}",
        f"Pengguna       : {url.username or '-'}",
        f"Diatur di      : {sumber}",
    ]
