"""The server a data folder remembers (``server.json``), its password in the OS keyring or that file."""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from kinerja_desktop import APP_NAME
from kinerja_desktop.core.errors import DatabaseError, ValidationError
from kinerja_desktop.core.paths import ENV_DATABASE_URL, PRIVATE_FILE_MODE, AppPaths, private_file

log = logging.getLogger(__name__)

SERVER_FILENAME = "server.json"
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
#: Seconds to wait for a server that does not answer (a wrong address, a switched-off server).
CONNECT_TIMEOUT_S = 10
#: The service name under which the OS keyring keeps the server passwords.
KEYRING_SERVICE = APP_NAME
#: Where a password is kept: the OS keyring, or the settings file (readable by the user alone).
Penyimpanan = Literal["keyring", "berkas"]


@dataclass(frozen=True)
class ServerSettings:
    """How to reach the server; ``password`` never appears in ``repr`` or a log line."""

    host: str
    port: int = DEFAULT_PORT
    database: str = "kinerja"
    user: str = "kinerja"
    password: str = field(default="", repr=False)

    def url(self) -> URL:
        """The engine URL (every part escaped by SQLAlchemy, whatever the password holds)."""
        return URL.create(
            DRIVER,
            username=self.user,
            password=self.password or None,
            host=self.host,
            port=self.port,
            database=self.database,
        )

    @property
    def label(self) -> str:
        """How a person names the server: ``db.bkpsdm.local:5432/kinerja``."""
        return f"{self.host}:{self.port}/{self.database}"

    @property
    def keyring_name(self) -> str:
        """The entry's name in the keyring: one password per user, server and database."""
        return f"{self.user}@{self.label}"


def validate(settings: ServerSettings) -> None:
    """Raise ``ValidationError`` naming the field (``host``, ``port``, ``database``, ``user``)."""
    if not settings.host.strip():
        raise ValidationError("Alamat server wajib diisi, misalnya db.bkpsdm.local.", kolom="host")
    if any(c.isspace() for c in settings.host.strip()) or "/" in settings.host:
        raise ValidationError("Alamat server tidak boleh berisi spasi atau garis miring.", kolom="host")
    if not 1 <= settings.port <= 65535:
        raise ValidationError("Port harus angka 1 sampai 65535 (PostgreSQL biasanya 5432).", kolom="port")
    if not settings.database.strip():
        raise ValidationError("Nama basis data wajib diisi, misalnya kinerja.", kolom="database")
    if not settings.user.strip():
        raise ValidationError("Nama pengguna basis data wajib diisi.", kolom="user")


def from_url(text: str) -> ServerSettings:
    """Settings from a URL such as ``postgresql://kinerja:sandi@db.bkpsdm.local:5432/kinerja``."""
    contoh = "Contoh: postgresql://kinerja:KATA_SANDI@db.bkpsdm.local:5432/kinerja"
    try:
        url = make_url(text.strip())
        port = url.port
    except (ArgumentError, ValueError) as exc:
        raise ValidationError("Alamat basis data tidak bisa dibaca.", saran=contoh) from exc
    if url.get_backend_name() != "postgresql":
        raise ValidationError(
            f"Alamat basis data harus untuk PostgreSQL (diawali postgresql://), bukan {url.drivername}.",
            saran=contoh,
        )
    settings = ServerSettings(
        host=url.host or "",
        port=port or DEFAULT_PORT,
        database=url.database or "",
        user=url.username or "",
        password=url.password if isinstance(url.password, str) else "",
    )
    try:
        validate(settings)
    except ValidationError as exc:
        raise ValidationError(exc.pesan, kolom=exc.kolom, saran=contoh) from exc
    return settings


def engine_options(url: str | URL) -> dict[str, Any]:
    """Extra engine options for ``url``: a server that does not answer is given up after a while."""
    if make_url(url).get_backend_name() == "postgresql":
        return {"connect_args": {"connect_timeout": CONNECT_TIMEOUT_S}}
    return {}


def settings_file(paths: AppPaths) -> Path:
    return paths.data_dir / SERVER_FILENAME


def database_url(paths: AppPaths) -> str | URL:
    """The database of the data folder: ``KINERJA_DATABASE_URL`` when set, else the server the folder
    remembers, else its SQLite file."""
    return os.environ.get(ENV_DATABASE_URL) or (
        found.url() if (found := load(paths)) else paths.database_url()
    )


def load(paths: AppPaths) -> ServerSettings | None:
    """The server this data folder uses, or None (an office on this PC, SQLite).

    A password kept in the keyring that can no longer be read there is a ``DatabaseError`` saying so.
    """
    found = load_address(paths)
    if found is None:
        return None
    settings, raw = found
    if raw.get("kata_sandi_di") == "keyring":
        password = _keyring_get(settings.keyring_name)
        if password is None:
            raise DatabaseError(
                f"Kata sandi server {settings.label} tidak ditemukan di penyimpanan kata sandi sistem.",
                saran="Isi lagi kata sandinya: tekan Ubah sambungan server, atau jalankan "
                "'kinerja-desktop init --pusat --database-url "
                "postgresql://PENGGUNA:KATA_SANDI@SERVER/BASIS_DATA' dengan folder data ini.",
            )
    else:
        password = str(raw.get("kata_sandi", ""))
    return ServerSettings(settings.host, settings.port, settings.database, settings.user, password)


def load_address(paths: AppPaths) -> tuple[ServerSettings, dict[str, Any]] | None:
    """The folder's server without its password (even when the keyring lost it) and the file's record;
    None when the folder has no server; ``DatabaseError`` when the file cannot be read."""
    path = settings_file(paths)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        settings = ServerSettings(
            host=str(raw["host"]),
            port=int(raw.get("port", DEFAULT_PORT)),
            database=str(raw["database"]),
            user=str(raw["user"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DatabaseError(
            f"Pengaturan server di {path} tidak bisa dibaca.",
            saran="Siapkan lagi sambungan ke server: tekan Ubah sambungan server, atau jalankan "
            "'kinerja-desktop init --pusat --database-url …' dengan folder data ini.",
        ) from exc
    return settings, raw


def password_store(paths: AppPaths) -> Penyimpanan | None:
    """Where the folder's server password is kept, or None when the folder has no server."""
    try:
        raw = json.loads(settings_file(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return "keyring" if raw.get("kata_sandi_di") == "keyring" else "berkas"


def save(paths: AppPaths, settings: ServerSettings) -> Penyimpanan:
    """Remember ``settings`` in the data folder; the password goes to the keyring when it can, else
    into the file (0600 on POSIX, from its first byte). Returns where the password went."""
    validate(settings)
    record: dict[str, Any] = {
        "host": settings.host.strip(),
        "port": settings.port,
        "database": settings.database.strip(),
        "user": settings.user.strip(),
    }
    stored: Penyimpanan = "keyring" if _keyring_set(settings.keyring_name, settings.password) else "berkas"
    if stored == "keyring":
        record["kata_sandi_di"] = "keyring"
    else:
        record["kata_sandi"] = settings.password
    _write_private(settings_file(paths), json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return stored


def forget(paths: AppPaths) -> None:
    """Forget the server: the file, and the password in the keyring."""
    path = settings_file(paths)
    try:
        settings = load(paths)
    except DatabaseError:
        settings = None
    if settings is not None:
        _keyring_delete(settings.keyring_name)
    path.unlink(missing_ok=True)


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a file the user alone can read, then put it in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        private_file(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _keyring() -> Any | None:
    try:
        import keyring
    except Exception:  # not installed, or a broken install: the file keeps the password
        return None
    return keyring


def _keyring_set(name: str, password: str) -> bool:
    """True when the keyring now holds ``password`` under ``name`` (read back to be sure)."""
    backend = _keyring()
    if backend is None:
        return False
    try:
        backend.set_password(KEYRING_SERVICE, name, password)
        return bool(backend.get_password(KEYRING_SERVICE, name) == password)
    except Exception as exc:  # no backend, a locked or absent service: the file keeps the password
        log.info("Password not kept in the keyring (%s): %s", type(exc).__name__, exc)
        return False


def _keyring_get(name: str) -> str | None:
    backend = _keyring()
    if backend is None:
        return None
    try:
        value = backend.get_password(KEYRING_SERVICE, name)
    except Exception as exc:
        log.warning("Keyring not readable (%s): %s", type(exc).__name__, exc)
        return None
    return value if isinstance(value, str) else None


def _keyring_delete(name: str) -> None:
    backend = _keyring()
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.delete_password(KEYRING_SERVICE, name)
