"""An opened data folder: paths, engine, sessions and the start-up migration, used by CLI and GUI alike."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.db.engine import make_engine, translate_db_error
from kinerja_desktop.core.db.migrate import MigrationResult, prepare_database
from kinerja_desktop.core.db.session import SYSTEM_ACTOR, log_event, make_sessionmaker, transaction
from kinerja_desktop.core.model.kantor import KantorInfo
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.services import akun, kantor, kunci_kantor
from kinerja_desktop.core.services.access import Actor, Izin, require


class Workspace:
    """One data folder opened by the app. Create with ``Workspace.open``; ``close`` when done."""

    def __init__(self, paths: AppPaths, engine: Engine, migration: MigrationResult) -> None:
        self.paths = paths
        self.engine = engine
        self.factory: sessionmaker[Session] = make_sessionmaker(engine)
        self.migration = migration
        self._kantor_kode: str | None = None

    @classmethod
    def open(cls, paths: AppPaths) -> Workspace:
        """Create folders, connect, and create/upgrade the schema (backing up before an upgrade); an
        office set up by a version that did not sign packages gets its key pair now (audited)."""
        paths.ensure()
        engine = make_engine(paths.database_url())
        try:
            migration = prepare_database(
                engine, backup=lambda reason: backups.backup_database(engine, paths.backups, reason)
            )
        except Exception as exc:
            engine.dispose()
            known = translate_db_error(exc)
            if known is not None:
                raise known from exc
            raise
        ws = cls(paths, engine, migration)
        try:
            ws.ensure_key_pair()
        except BaseException:
            ws.close()
            raise
        return ws

    def ensure_key_pair(self) -> None:
        """The office's key pair for signing packages, made when it has none (``kunci_kantor``)."""
        with self.read() as session:
            perlu = kantor.is_initialised(session) and not kantor.get_setting(
                session, kantor.KEY_KUNCI_PRIVAT
            )
        if perlu:
            with self.transaction() as session:
                kunci_kantor.ensure_key_pair(session)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def location(self) -> str:
        """The database as a person would name it: the file path, or the server URL without password."""
        if self.is_sqlite:
            return str(self.engine.url.database)
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def kantor_kode(self) -> str:
        if not self._kantor_kode:
            with self.read() as session:
                self._kantor_kode = kantor.get_kantor(session).kode if kantor.is_initialised(session) else ""
        return self._kantor_kode

    @contextmanager
    def transaction(self, actor: Actor | None = None) -> Iterator[Session]:
        """One user action in one transaction, audited as ``actor``."""
        audit = actor.audit if actor is not None else SYSTEM_ACTOR
        with transaction(self.factory, audit, kantor_kode=self.kantor_kode) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A look without changes: the session is closed (its transaction rolled back) at the end.

        Objects read stay usable after the block, detached with the values they had.
        """
        session = self.factory()
        try:
            yield session
        finally:
            session.close()

    def is_initialised(self) -> bool:
        with self.read() as session:
            return kantor.is_initialised(session)

    def kantor_info(self) -> KantorInfo | None:
        """The office, as the login window names it before anyone has logged in; None before the first run."""
        with self.read() as session:
            return kantor.get_kantor(session) if kantor.is_initialised(session) else None

    def login(self, username: str, password: str) -> Actor:
        """Log in, committing the attempt (and any failure count) before raising a failure."""
        with self.transaction() as session:
            outcome = akun.attempt_login(session, username, password)
        if outcome.error is not None:
            raise outcome.error
        assert outcome.actor is not None
        return outcome.actor

    def backup(self, actor: Actor | None = None, reason: str = "manual") -> Path:
        """A backup now, recorded in the audit log."""
        if actor is not None:
            require(actor, Izin.CADANGAN)
        path = backups.backup_database(self.engine, self.paths.backups, reason)
        backups.sync_evidence(self.paths.evidence, self.paths.backups / "bukti")
        with self.transaction(actor) as session:
            log_event(session, "cadangan", f"Cadangan dibuat: {path.name}")
        return path

    def last_backup(self) -> datetime | None:
        return backups.last_backup_time(self.paths.backups) if self.is_sqlite else None

    def restore(self, source: Path, actor: Actor | None = None) -> Path:
        """Replace the database with ``source`` (after a safety backup) and bring it to this schema."""
        if actor is not None:
            require(actor, Izin.PULIHKAN)
        backups.sync_evidence(self.paths.evidence, self.paths.backups / "bukti")
        safety = backups.restore_database(self.engine, source, self.paths.backups)
        # Evidence the restored database refers to comes back from the store beside the backups.
        backups.sync_evidence(self.paths.backups / "bukti", self.paths.evidence)
        self.migration = prepare_database(
            self.engine,
            backup=lambda reason: backups.backup_database(self.engine, self.paths.backups, reason),
        )
        self._kantor_kode = None
        with self.transaction(actor) as session:
            log_event(session, "pulihkan", f"Dipulihkan dari {source.name}; data sebelumnya di {safety.name}")
        self.ensure_key_pair()
        return safety
