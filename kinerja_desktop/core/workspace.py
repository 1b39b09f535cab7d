"""An opened data folder: paths, engine, sessions and the start-up migration, used by CLI and GUI alike."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import URL, Engine, func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.core import recovery
from kinerja_desktop.core.db import backup as backups
from kinerja_desktop.core.db import server_backup, server_restore
from kinerja_desktop.core.db.backup_info import MARK_SQL, BackupInfo
from kinerja_desktop.core.db.engine import make_engine
from kinerja_desktop.core.db.migrate import MigrationResult, prepare_database
from kinerja_desktop.core.db.models import AuditLog
from kinerja_desktop.core.db.pg_tools import PgTools
from kinerja_desktop.core.db.session import (
    SYSTEM_ACTOR,
    log_event,
    make_sessionmaker,
    reading,
    transaction,
)
from kinerja_desktop.core.errors import KnownError, ServerBackupUnconfirmed
from kinerja_desktop.core.model.kantor import KantorInfo
from kinerja_desktop.core.paths import AppPaths
from kinerja_desktop.core.server import check as server_check
from kinerja_desktop.core.server import settings as server
from kinerja_desktop.core.services import akun, bukti_unggah, kantor, kunci_kantor
from kinerja_desktop.core.services.access import Actor, Izin, require

# An automatic backup is made once a day while the app is open (when something changed), and the
# clerk is reminded at closing when the backups were last copied outside the data folder this long ago.
DAILY_BACKUP = timedelta(days=1)
COPY_REMINDER = timedelta(days=7)


def backup_before_upgrade(engine: Engine, folder: Path, *, without_dump: bool = False) -> Path | None:
    """The backup start-up makes before a schema upgrade: a copy of the SQLite file; for a server
    database ``pg_dump``'s archive. Without a usable pg_dump that is ``ServerBackupUnconfirmed``, unless
    ``without_dump`` (the administrator confirmed the server's own backup): then None (the caller says
    so)."""
    if engine.dialect.name == "sqlite":
        return backups.backup_database(engine, folder, "sebelum-migrasi")
    return server_backup.dump_before_upgrade(engine, folder, without_dump=without_dump)


class Workspace:
    """One data folder opened by the app. Create with ``Workspace.open``; ``close`` when done."""

    def __init__(self, paths: AppPaths, engine: Engine, migration: MigrationResult) -> None:
        self.paths = paths
        self.engine = engine
        self.factory: sessionmaker[Session] = make_sessionmaker(engine)
        self.migration = migration
        self._kantor_kode: str | None = None

    @classmethod
    def open(
        cls, paths: AppPaths, url: str | URL | None = None, *, upgrade_without_dump: bool = False
    ) -> Workspace:
        """Create folders, connect, and create/upgrade the schema (backing up before an upgrade).

        The database is ``url`` when given, else the folder's own (``server.settings.database_url``:
        the environment, the server the folder remembers, or its SQLite file). A failure is raised as
        ``recovery.OpenError`` saying why (damaged, newer version, read-only folder, full disk, in use;
        for a server what the connection test would say) and whether restoring a backup would help. An
        office set up by a version that did not sign packages gets its key pair now (audited).

        A server database to upgrade that this computer cannot dump first raises
        ``ServerBackupUnconfirmed``, untouched, unless ``upgrade_without_dump`` (the administrator has
        confirmed that the server has a recent backup of its own).
        """
        try:
            paths.ensure()
        except OSError as exc:
            known = recovery.open_failure(paths, exc)
            if known is not None:
                raise known from exc
            raise
        try:
            chosen = url if url is not None else server.database_url(paths)
            text_url = chosen if isinstance(chosen, str) else chosen.render_as_string(hide_password=False)
            engine = make_engine(text_url, **server.engine_options(chosen))
        except Exception as exc:  # a server's settings unreadable, its driver not installed
            known = server_check.open_failure(exc, None)
            if known is not None:
                raise known from exc
            raise
        try:
            migration = prepare_database(
                engine,
                backup=lambda: backup_before_upgrade(
                    engine, paths.backups, without_dump=upgrade_without_dump
                ),
            )
        except ServerBackupUnconfirmed as exc:
            engine.dispose()
            exc.server = server_check.settings_of(engine.url).label
            raise
        except Exception as exc:
            engine.dispose()
            if engine.dialect.name == "sqlite":
                known = recovery.open_failure(paths, exc)
            else:
                known = server_check.open_failure(exc, engine.url)
            if known is not None:
                raise known from exc
            raise
        ws = cls(paths, engine, migration)
        try:
            ws.ensure_key_pair()
        except BaseException:
            ws.close()
            raise
        if not ws.is_sqlite:
            ws.upload_evidence()
        return ws

    def upload_evidence(self) -> bukti_unggah.HasilUnggah:
        """On a server: put the evidence files this PC kept in its data folder (attached before the
        server stored them) into the server, one transaction each, recorded in the audit log.
        Idempotent and never fatal: what fails is logged, and the file stays "hilang" elsewhere."""
        hasil = bukti_unggah.HasilUnggah()
        folders = [self.paths.evidence, self.paths.backups / "bukti"]
        try:
            with self.read() as session:
                missing = bukti_unggah.missing_on_server(session)
            for sha, ukuran in missing:
                try:
                    with self.transaction() as session:
                        if bukti_unggah.upload_one(session, sha, ukuran, folders):
                            hasil.diunggah += 1
                        else:
                            hasil.tidak_ada += 1
                except KnownError as exc:
                    bukti_unggah.record(hasil, sha, exc)
            if hasil.diunggah:
                with self.transaction() as session:
                    log_event(
                        session,
                        "bukti",
                        f"{hasil.diunggah} berkas bukti dukung diunggah ke server dari folder data "
                        f"komputer {socket.gethostname()}",
                    )
        except SQLAlchemyError as exc:
            bukti_unggah.record(hasil, "server", KnownError(f"Server tidak menjawab: {exc}"))
        return hasil

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
    def server_label(self) -> str | None:
        """A server database as a person names it (``db.bkpsdm.local:5432/kinerja``); None for SQLite."""
        if self.is_sqlite:
            return None
        return server_check.settings_of(self.engine.url).label

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
        with reading(self.factory) as session:
            yield session

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
        """A backup now, recorded in the audit log (as the system when ``actor`` is None: automatic)."""
        if actor is not None:
            require(actor, Izin.CADANGAN)
        if self.is_sqlite:
            path = backups.backup_database(self.engine, self.paths.backups, reason)
        else:
            mark = self.change_mark()
            path = server_backup.make_dump(self.engine, self.paths.backups, reason, backups.DEFAULT_KEEP)
            server_backup.record_mark(self.paths.backups, path, mark)
        backups.sync_evidence(self.paths.evidence, self.paths.backups / "bukti")
        with self.transaction(actor) as session:
            log_event(session, "cadangan", f"Cadangan dibuat: {path.name}")
        return path

    def last_backup(self) -> datetime | None:
        if self.is_sqlite:
            return backups.last_backup_time(self.paths.backups)
        return server_backup.last_dump_time(self.paths.backups)

    def server_tools(self) -> PgTools | None:
        """For a server database, pg_dump and pg_restore as found here (or why they are not fit)."""
        return None if self.is_sqlite else server_backup.tools_for(self.engine)

    def can_back_up(self) -> bool:
        """A backup can be made from here: always for a SQLite file; for a server when pg_dump and
        pg_restore fit it (a server that cannot be asked counts as no)."""
        if self.is_sqlite:
            return True
        try:
            return server_backup.tools_for(self.engine).usable
        except (SQLAlchemyError, OSError):
            return False

    def list_backups(self) -> list[BackupInfo]:
        """The backups in the folder, newest first: SQLite copies, or a server database's archives."""
        if self.is_sqlite:
            from kinerja_desktop.core.db.backup_info import read_backup_info

            return [read_backup_info(path) for path in backups.list_backups(self.paths.backups)]
        return [server_backup.read_dump_info(path) for path in server_backup.list_dumps(self.paths.backups)]

    def change_mark(self) -> str:
        """The newest audit entry that records a change of data (not a backup, not a log-in)."""
        with self.read() as session:
            row = session.execute(text(MARK_SQL)).first()
        return f"{row[0]}@{row[1]}" if row else ""

    def changed_since_backup(self) -> bool:
        """True when data changed since the newest backup (or there is no backup yet)."""
        if not self.is_sqlite:
            dumps = server_backup.list_dumps(self.paths.backups)
            return not dumps or server_backup.dump_mark(self.paths.backups, dumps[0]) != self.change_mark()
        found = backups.list_backups(self.paths.backups)
        return not found or backups.backup_mark(found[0]) != self.change_mark()

    def backup_due(self, now: datetime | None = None) -> bool:
        """The daily automatic backup is due: the newest is a day old (or missing) and data changed."""
        last = self.last_backup()
        if last is not None and (now or datetime.now()) - last < DAILY_BACKUP:
            return False
        return self.changed_since_backup()

    def restore(
        self,
        source: Path,
        actor: Actor | None = None,
        *,
        kantor_lain: bool = False,
        check: recovery.RestoreCheck | None = None,
    ) -> recovery.RestoreResult:
        """Replace the database with ``source`` (after saving the current one) and bring it to this schema.

        Every check runs before anything is touched: a refused restore leaves the database as it was.
        Another office's backup needs ``kantor_lain``.
        """
        if actor is not None:
            require(actor, Izin.PULIHKAN)
        if not self.is_sqlite:
            result = self._restore_server(source, actor, kantor_lain=kantor_lain, check=check)
        else:
            check = check or recovery.check_restore(self.paths, source)
            recovery.confirm_restore(self.paths, check, kantor_lain=kantor_lain)
            self.engine.dispose()
            result = recovery.restore_folder(self.paths, check, kantor_lain=kantor_lain)
        self.migration = prepare_database(
            self.engine, backup=lambda: backup_before_upgrade(self.engine, self.paths.backups)
        )
        self._kantor_kode = None
        self.record_restore(result, actor)
        self.ensure_key_pair()
        return result

    def check_restore(self, source: Path) -> recovery.RestoreCheck:
        """Read the backup ``source`` completely and refuse what cannot be restored; changes nothing."""
        if self.is_sqlite:
            return recovery.check_restore(self.paths, source)
        info = server_backup.check_dump(source, server_backup.tools_for(self.engine))
        if not info.usable:
            raise info.refusal()
        here = self.kantor_info()
        return recovery.RestoreCheck(info, recovery.KantorRef(here.kode, here.nama) if here else None)

    def other_sessions(self) -> int:
        """Other connections to a server database (other computers); 0 for a SQLite file."""
        if self.is_sqlite:
            return 0
        self.engine.dispose()  # this app's own idle connections are not someone else's
        return server_restore.other_sessions(self.engine)

    def _restore_server(
        self, source: Path, actor: Actor | None, *, kantor_lain: bool, check: recovery.RestoreCheck | None
    ) -> recovery.RestoreResult:
        """pg_restore of ``source`` in one transaction, after a fresh archive of the database as it is."""
        tools = server_backup.tools_for(self.engine)
        _dump, program = tools.require()
        if check is None or _changed_since(check.info):
            check = self.check_restore(source)
        if check.other_kantor and not kantor_lain:
            raise recovery.OtherKantorBackup(check)
        safety = self.backup(actor, "sebelum-pemulihan")
        self.engine.dispose()
        server_restore.restore_dump(self.engine, check.info.path, program)
        return recovery.RestoreResult(check.info, safety, damaged=False, bukti=0)

    def record_restore(self, result: recovery.RestoreResult, actor: Actor | None = None) -> None:
        """Write a finished restore to the audit log of the restored database."""
        before = result.safety.name if result.safety is not None else "tidak ada"
        with self.transaction(actor) as session:
            log_event(
                session,
                "pulihkan",
                f"Dipulihkan dari {result.info.path.name}; data sebelumnya di {before}",
            )

    def copy_backups_to(self, folder: Path, actor: Actor | None = None) -> backups.CopyResult:
        """Copy the newest backup (made now when data changed) and the evidence into ``folder``, which
        must lie outside the data folder (a flash disk); the date is remembered for the reminder."""
        if actor is not None:
            require(actor, Izin.CADANGAN)
        backups.sqlite_file(self.engine)  # a server database has its own backups
        target = folder.resolve()
        if target == self.paths.data_dir or self.paths.data_dir in target.parents:
            raise KnownError(
                "Pilih folder di luar folder data, misalnya di flash disk.",
                saran="Salinan di dalam folder data ikut hilang bila komputer ini rusak.",
            )
        if self.changed_since_backup():
            self.backup(actor, "salinan")
        else:
            backups.sync_evidence(self.paths.evidence, self.paths.backups / "bukti")
        newest = backups.list_backups(self.paths.backups)[0]
        kode = (self.kantor_kode or "kantor").lower()
        into = target / f"kinerja-cadangan-{kode}"
        result = backups.copy_backup_out(newest, self.paths.backups / "bukti", into)
        record = backups.CopyRecord(datetime.now(), result.folder, newest.name)
        backups.record_copy_out(self.paths.backups, record)
        with self.transaction(actor) as session:
            log_event(session, "cadangan", f"Cadangan {newest.name} disalin ke {result.folder}")
        return result

    def last_copy_out(self) -> backups.CopyRecord | None:
        return backups.last_copy_out(self.paths.backups) if self.is_sqlite else None

    def copy_reminder_due(self, now: datetime | None = None) -> bool:
        """Remind at closing: the backups were last copied outside more than a week ago, or never while
        the data is more than a week old (not for demo data, nor for a server database)."""
        if not self.is_sqlite:
            return False
        info = self.kantor_info()
        if info is None or info.demo:
            return False
        now = now or datetime.now()
        last = self.last_copy_out()
        if last is not None:
            return now - last.waktu > COPY_REMINDER
        with self.read() as session:
            started = session.scalar(select(func.min(AuditLog.waktu)))
        return started is not None and now.astimezone(UTC) - started > COPY_REMINDER

    def trim_wal(self) -> None:
        """Give back the space of a write-ahead log grown by work that was rolled back (a failed demo)."""
        if not self.is_sqlite:
            return
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except SQLAlchemyError:
            return  # a courtesy: the failure that led here is the one to report

    @contextmanager
    def trim_wal_on_failure(self) -> Iterator[None]:
        """Around one big transaction: when it fails, its rolled-back pages leave no large log behind."""
        try:
            yield
        except BaseException:
            self.trim_wal()
            raise


def _changed_since(info: BackupInfo) -> bool:
    """The file of a checked backup is no longer the one checked (its size differs, or it is gone)."""
    try:
        return info.path.stat().st_size != info.size
    except OSError:
        return True
