"""Finding PostgreSQL's pg_dump and pg_restore on this computer, and what to install when they are missing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, Engine, text

from kinerja_desktop.core.errors import DatabaseError

#: A folder holding pg_dump and pg_restore, when they are neither on the PATH nor in the usual place.
ENV_PG_BIN = "KINERJA_PG_BIN"
PROGRAMS = ("pg_dump", "pg_restore")
VERSION_TIMEOUT_S = 15
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")


class ServerBackupUnavailable(DatabaseError):
    """This computer cannot back up or restore the server database: its PostgreSQL tools are missing
    or older than the server. The message says what to install and what the server's administrator
    should schedule instead."""


@dataclass(frozen=True)
class Program:
    """One of PostgreSQL's programs as found here, with its major version (0 when it did not say)."""

    path: Path
    major: int


@dataclass(frozen=True)
class PgTools:
    """pg_dump and pg_restore for a server of major version ``server_major``; ``problem`` is None when
    both are there and at least as new as the server."""

    pg_dump: Program | None
    pg_restore: Program | None
    server_major: int
    problem: str | None = None
    saran: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None

    def require(self) -> tuple[Path, Path]:
        """Both programs' paths, or ``ServerBackupUnavailable`` saying why not."""
        if self.problem is not None or self.pg_dump is None or self.pg_restore is None:
            raise ServerBackupUnavailable(self.problem or "pg_dump tidak ditemukan.", saran=self.saran)
        return self.pg_dump.path, self.pg_restore.path

    def refusal(self) -> ServerBackupUnavailable:
        return ServerBackupUnavailable(self.problem or "", saran=self.saran)


def install_hint(server_major: int) -> str:
    """What to install on this computer, and what to ask of the server's administrator meanwhile."""
    versi = (
        f"versi {server_major} atau lebih baru"
        if server_major
        else "versi yang sama dengan server atau lebih baru"
    )
    paket = f"postgresql-client-{server_major}" if server_major else "postgresql-client"
    return (
        f"Pasang alat baris perintah PostgreSQL {versi} di komputer ini:\n"
        '- Windows: jalankan penginstal PostgreSQL dan pilih komponen "Command Line Tools" saja.\n'
        f"- Debian/Ubuntu: pasang paket {paket} (atau postgresql-client bila versinya sudah cukup).\n"
        f"Bila alat itu ada di folder lain, isi variabel lingkungan {ENV_PG_BIN} dengan folder bin-nya, "
        "lalu buka aplikasi lagi.\n"
        "Sementara itu, minta pengelola server menjadwalkan pg_dump harian basis data ini di server."
    )


def server_major(engine: Engine) -> int:
    """The major version of the server behind ``engine`` (15 for 15.4)."""
    with engine.connect() as conn:
        return int(conn.execute(text("SHOW server_version_num")).scalar() or 0) // 10000


def find_tools(server: int) -> PgTools:
    """pg_dump and pg_restore fit for a server of major version ``server``.

    Looked for in ``KINERJA_PG_BIN`` alone when it is set; else on the PATH, then in the usual install
    folders (newest first). The first pair at least as new as the server wins; when none is, the
    newest pair found is described, with what to install.
    """
    candidates = [_pair(folder) for folder in candidate_folders()]
    found = [pair for pair in candidates if pair[0] is not None and pair[1] is not None]
    for dump, restore in found:
        assert dump is not None and restore is not None
        if min(dump.major, restore.major) >= server:
            return PgTools(dump, restore, server)
    hint = install_hint(server)
    if not found:
        partial = next((pair for pair in candidates if pair[0] or pair[1]), (None, None))
        missing = [name for name, program in zip(PROGRAMS, partial, strict=True) if program is None]
        return PgTools(
            *partial,
            server,
            problem=f"Program {' dan '.join(missing)} (alat baris perintah PostgreSQL) tidak ditemukan di "
            "komputer ini, sehingga cadangan basis data server tidak bisa dibuat atau dipulihkan dari sini.",
            saran=hint,
        )
    dump, restore = max(found, key=lambda pair: min(p.major for p in pair if p is not None))
    assert dump is not None and restore is not None
    oldest = min(dump.major, restore.major)
    return PgTools(
        dump,
        restore,
        server,
        problem=f"pg_dump dan pg_restore di komputer ini versi {oldest}, lebih lama daripada server "
        f"PostgreSQL (versi {server}); versi lama tidak bisa mencadangkan server yang lebih baru.",
        saran=hint,
    )


def candidate_folders() -> list[Path | None]:
    """Where to look, in order; None stands for the PATH."""
    chosen = os.environ.get(ENV_PG_BIN, "").strip()
    if chosen:
        return [Path(chosen).expanduser()]
    return [None, *install_folders()]


def install_folders() -> list[Path]:
    """PostgreSQL's usual install folders on this system, newest version first."""
    if sys.platform == "win32":
        roots = {os.environ.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")}
        pattern = [Path(root) / "PostgreSQL" for root in roots if root]
    else:
        pattern = [Path("/usr/lib/postgresql"), Path("/usr/pgsql")]
    folders = [sub / "bin" for base in pattern if base.is_dir() for sub in base.iterdir()]
    return sorted((f for f in folders if f.is_dir()), key=lambda f: _number(f.parent.name), reverse=True)


def _number(name: str) -> float:
    try:
        return float(name)
    except ValueError:
        return 0.0


def _pair(folder: Path | None) -> tuple[Program | None, Program | None]:
    found = [_program(name, folder) for name in PROGRAMS]
    return found[0], found[1]


def _program(name: str, folder: Path | None) -> Program | None:
    where = shutil.which(name) if folder is None else shutil.which(name, path=str(folder))
    if where is None:
        return None
    return Program(Path(where), program_major(Path(where)))


def program_major(path: Path) -> int:
    """The major version a PostgreSQL program reports (``pg_dump (PostgreSQL) 15.4`` → 15); 0 when it
    cannot be run or does not say."""
    try:
        done = subprocess.run(
            [str(path), "--version"], capture_output=True, text=True, timeout=VERSION_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return 0
    match = _VERSION.search(done.stdout)
    return int(match.group(1)) if match else 0


def program_env(url: URL) -> dict[str, str]:
    """The environment for a PostgreSQL program to reach the database of ``url`` (the password in the
    environment, never on a command line another user could see)."""
    env = dict(os.environ)
    for name, value in (
        ("PGHOST", url.host),
        ("PGPORT", str(url.port) if url.port else None),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGDATABASE", url.database),
    ):
        if value:
            env[name] = str(value)
    env["PGCONNECT_TIMEOUT"] = "10"
    return env
