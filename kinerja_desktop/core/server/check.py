"""Uji koneksi: try a server's settings and say, in plain Indonesian, what is wrong and what to do."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from sqlalchemy import URL, Connection, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from kinerja_desktop.core.db.migrate import SCHEMA_HEAD, current_revision, known_revisions
from kinerja_desktop.core.errors import DatabaseError, KnownError, ValidationError
from kinerja_desktop.core.recovery import OpenError
from kinerja_desktop.core.server.settings import DEFAULT_PORT, ServerSettings, validate

#: PostgreSQL 13 is the oldest release still tested with this app.
MIN_SERVER_VERSION = 13
CONNECT_TIMEOUT_S = 5
INSTALL_HINT = "Pasang dengan `pip install kinerja-desktop[pusat]`, lalu jalankan aplikasi lagi."


@dataclass(frozen=True)
class Verdict:
    """The outcome of a connection test: ``ok`` or not, what it means (``pesan``) and what to do."""

    ok: bool
    pesan: str
    saran: str = ""
    kolom: str | None = None  # the field to fix, when one is at fault
    versi: str = ""  # PostgreSQL's version, when connected
    kantor: str | None = None  # the office the server's database already holds (a second staff PC)
    kantor_kode: str | None = None  # that office's code

    def __str__(self) -> str:
        return f"{self.pesan}\n{self.saran}" if self.saran else self.pesan

    def raise_unless_ok(self) -> None:
        if not self.ok:
            raise KnownError(self.pesan, saran=self.saran or None)


def psycopg_missing() -> Verdict | None:
    """The verdict when the PostgreSQL driver is not installed, else None."""
    try:
        importlib.import_module("psycopg")
    except ImportError:
        return Verdict(
            False,
            "Pustaka psycopg untuk PostgreSQL belum terpasang di komputer ini.",
            INSTALL_HINT,
        )
    return None


def check_server(settings: ServerSettings, *, timeout_s: int = CONNECT_TIMEOUT_S) -> Verdict:
    """Connect with ``settings``, ask ``SELECT version()`` and look at what the database holds.

    Never raises for anything a clerk can meet: every failure comes back as a ``Verdict``.
    """
    try:
        validate(settings)
    except ValidationError as exc:
        return Verdict(False, exc.pesan, kolom=exc.kolom)
    missing = psycopg_missing()
    if missing is not None:
        return missing
    from sqlalchemy import create_engine

    engine = create_engine(settings.url(), poolclass=NullPool, connect_args={"connect_timeout": timeout_s})
    try:
        with engine.connect() as conn:
            return _inspect(conn, settings)
    except SQLAlchemyError as exc:
        return explain(exc, settings)
    finally:
        engine.dispose()


def _inspect(conn: Connection, settings: ServerSettings) -> Verdict:
    versi = str(conn.execute(text("SELECT version()")).scalar() or "")
    number = int(conn.execute(text("SHOW server_version_num")).scalar() or 0)
    short = " ".join(versi.split()[:2])
    if number // 10000 < MIN_SERVER_VERSION:
        return Verdict(
            False,
            f"Versi server terlalu lama ({short}); perlu PostgreSQL {MIN_SERVER_VERSION} atau lebih baru.",
            "Minta pengelola server memperbarui PostgreSQL, atau pakai server lain.",
            versi=versi,
        )
    revision = current_revision(conn)
    tables = inspect(conn).get_table_names()
    if revision is None and tables:
        return Verdict(
            False,
            f"Basis data {settings.database} berisi tabel lain: bukan basis data Kinerja Desktop.",
            "Pilih basis data kosong yang khusus untuk Kinerja Desktop (minta pengelola server membuatnya).",
            kolom="database",
            versi=versi,
        )
    if revision is not None and revision != SCHEMA_HEAD and revision not in known_revisions():
        return Verdict(
            False,
            f"Basis data di server dibuat oleh versi Kinerja Desktop yang lebih baru (skema {revision}).",
            "Pasang versi Kinerja Desktop yang sama dengan komputer lain di kantor pusat. Data tidak diubah.",
            versi=versi,
        )
    if revision is None:
        allowed = conn.execute(text("SELECT has_schema_privilege(current_schema(), 'CREATE')")).scalar()
        if not allowed:
            return Verdict(
                False,
                f"Pengguna {settings.user} tidak boleh membuat tabel di basis data {settings.database}.",
                f"Minta pengelola server menjadikan {settings.user} pemilik basis data itu "
                f"(ALTER DATABASE {settings.database} OWNER TO {settings.user}) atau memberinya hak CREATE.",
                versi=versi,
            )
        return Verdict(
            True,
            f"Koneksi berhasil ({short}). Basis data masih kosong: tabel Kinerja Desktop akan dibuat.",
            versi=versi,
        )
    found = _kantor(conn)
    if found is not None:
        kantor, kode = found
        return Verdict(
            True,
            f"Koneksi berhasil ({short}). Server ini sudah berisi data {kantor}: komputer ini akan "
            "memakainya, lalu Anda masuk dengan akun yang sudah ada.",
            versi=versi,
            kantor=kantor,
            kantor_kode=kode,
        )
    return Verdict(
        True, f"Koneksi berhasil ({short}). Kantor belum disiapkan di basis data ini.", versi=versi
    )


def _kantor(conn: Connection) -> tuple[str, str] | None:
    """The office the database holds ("name [code]", code), or None before the first run."""
    from kinerja_desktop.core.services import kantor

    with Session(bind=conn) as session:
        if not kantor.is_initialised(session):
            return None
        info = kantor.get_kantor(session)
    return f"{info.nama} [{info.kode}]", info.kode


def explain(exc: BaseException, settings: ServerSettings) -> Verdict:
    """A failure to reach or use the server, for a clerk (and never a traceback)."""
    detail = str(getattr(exc, "orig", None) or exc)
    lowered = detail.lower()
    tempat = f"{settings.host}:{settings.port}"
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return Verdict(
            False,
            f"Nama pengguna atau kata sandi basis data salah (pengguna {settings.user}).",
            "Periksa keduanya (huruf besar/kecil berpengaruh), atau tanyakan ke pengelola server.",
            kolom="password",
        )
    if "role" in lowered and "does not exist" in lowered:
        return Verdict(
            False,
            f"Pengguna {settings.user} tidak dikenal server.",
            "Periksa nama pengguna, atau minta pengelola server membuatnya.",
            kolom="user",
        )
    if "database" in lowered and "does not exist" in lowered:
        return Verdict(
            False,
            f"Basis data {settings.database} tidak ada di server {tempat}.",
            f"Periksa ejaannya, atau minta pengelola server membuatnya (CREATE DATABASE {settings.database} "
            f"OWNER {settings.user}).",
            kolom="database",
        )
    if "pg_hba.conf" in lowered:
        return Verdict(
            False,
            f"Server {tempat} menolak sambungan dari komputer ini.",
            "Minta pengelola server mengizinkan komputer ini (pg_hba.conf) untuk pengguna dan basis "
            "data ini.",
        )
    if any(
        word in lowered
        for word in (
            "resolve host",
            "translate host name",
            "name or service not known",
            "nodename nor servname",
            "no such host",
        )
    ):
        return Verdict(
            False,
            f"Alamat server {settings.host} tidak dikenal.",
            "Periksa ejaan alamat server, atau pakai alamat IP-nya (mis. 192.168.1.10).",
            kolom="host",
        )
    if any(
        word in lowered
        for word in ("connection refused", "timeout", "timed out", "unreachable", "no route to host")
    ):
        return Verdict(
            False,
            f"Server {tempat} tidak bisa dihubungi.",
            "Periksa alamat dan port (PostgreSQL biasanya 5432), kabel atau Wi-Fi kantor, dan apakah server "
            "menyala. Bila benar semua, tanyakan ke pengelola server.",
            kolom="host",
        )
    if isinstance(exc, DatabaseError):
        return Verdict(False, exc.pesan, exc.saran or "")
    last = detail.strip().splitlines()[-1] if detail.strip() else type(exc).__name__
    return Verdict(
        False, f"Server {tempat} tidak bisa dipakai: {last}", "Tunjukkan pesan ini ke pengelola server."
    )


def open_failure(exc: BaseException, url: URL | None) -> OpenError | None:
    """Why the server database of a data folder could not be opened; None for an unknown failure."""
    if isinstance(exc, OpenError):
        return exc
    if isinstance(exc, ImportError) and "psycopg" in str(exc):
        missing = psycopg_missing() or Verdict(False, str(exc), INSTALL_HINT)
        return OpenError(missing.pesan, saran=missing.saran, restorable=False)
    if isinstance(exc, KnownError):
        return OpenError(exc.pesan, saran=exc.saran, restorable=False)
    if isinstance(exc, SQLAlchemyError) and url is not None:
        verdict = explain(exc, settings_of(url))
        return OpenError(verdict.pesan, saran=verdict.saran or None, restorable=False)
    return None


def settings_of(url: URL) -> ServerSettings:
    """The parts of an engine URL a message names (the password left out)."""
    return ServerSettings(url.host or "", url.port or DEFAULT_PORT, url.database or "", url.username or "")
