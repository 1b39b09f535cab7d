"""Bring a database to the app's schema: create and stamp, back up and upgrade, or refuse."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text

from kinerja_desktop.core.db.models import Base
from kinerja_desktop.core.errors import DatabaseError, ServerBackupUnconfirmed

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest revision this app knows. Kept as a constant so that start-up does not have to load
# Alembic when the database is already current; a test checks it against the scripts' head.
SCHEMA_HEAD = "0007"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MigrationResult:
    """What start-up did to the database: ``created``, ``current`` or ``upgraded`` (with the backup, and a
    ``catatan`` for the log and ``info`` when a server database was upgraded without one)."""

    action: str
    revision_before: str | None
    revision_after: str
    backup: Path | None = None
    catatan: str = ""


def alembic_config(connection: Connection | None = None) -> Any:
    """An Alembic Config pointing at the scripts inside the package (works in the frozen build too)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def script_head() -> str:
    """Head revision according to the migration scripts (slow: loads Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return str(head)


def known_revisions() -> set[str]:
    """Every revision the scripts define."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, or None for a database without Alembic's table."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def prepare_database(engine: Engine, backup: Callable[[], Path | None] | None = None) -> MigrationResult:
    """Create, upgrade (after ``backup()``) or refuse the database behind ``engine``.

    On a server without a usable ``pg_dump``, ``backup()`` raises ``ServerBackupUnconfirmed`` (given the
    two revisions here) until the administrator confirms the server's own backup; then it returns None,
    and the database is upgraded in one transaction while the result and the log say so.
    """
    with engine.connect() as conn:
        revision = current_revision(conn)
        if revision == SCHEMA_HEAD:
            return MigrationResult("current", revision, revision)
        tables = set(inspect(conn).get_table_names())

    if revision is None:
        if tables:
            raise DatabaseError(
                "Berkas ini bukan basis data Kinerja Desktop (berisi tabel lain).",
                saran="Pilih folder data yang lain atau berkas basis data yang benar.",
            )
        return _create_fresh(engine)

    if revision not in known_revisions():
        raise DatabaseError(
            f"Basis data ini dibuat oleh versi Kinerja Desktop yang lebih baru (skema {revision}).",
            saran="Pasang versi aplikasi terbaru sebelum membuka data ini. Data tidak diubah.",
        )
    try:
        backup_path = backup() if backup is not None else None
    except ServerBackupUnconfirmed as exc:
        raise ServerBackupUnconfirmed(
            exc.pesan, saran=exc.saran, alasan=exc.alasan, revisi=(revision, SCHEMA_HEAD)
        ) from exc
    catatan = ""
    if backup is not None and backup_path is None:
        catatan = (
            f"Basis data server ditingkatkan dari skema {revision} ke {SCHEMA_HEAD} tanpa cadangan "
            "otomatis (pg_dump yang cocok tidak ada di komputer ini), setelah administrator memastikan "
            "server memiliki cadangan sendiri. Jadwalkan pg_dump harian di server."
        )
        log.warning(catatan)
    _upgrade(engine)
    return MigrationResult("upgraded", revision, SCHEMA_HEAD, backup_path, catatan)


def _create_fresh(engine: Engine) -> MigrationResult:
    from alembic import command

    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        command.stamp(alembic_config(conn), "head")
    return MigrationResult("created", None, SCHEMA_HEAD)


def _upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
