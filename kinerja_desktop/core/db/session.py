"""Sessions per user action, with sync bookkeeping and the audit log written in the same transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import URL, Engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from kinerja_desktop.core.db.base import SyncMixin, new_id, utcnow
from kinerja_desktop.core.db.concurrency import pesan_berubah
from kinerja_desktop.core.db.engine import begin_sqlite_now, translate_db_error
from kinerja_desktop.core.db.models import AuditLog, SyncLog
from kinerja_desktop.core.errors import DataBerubah

#: Bookkeeping columns that are not worth an audit row of their own.
UNAUDITED = frozenset({"revisi", "diubah_pada", "gagal_login", "login_terakhir", "terkunci_sampai"})
_MASKED = {"password_hash"}
_NOT_AUDITED_TABLES = {AuditLog.__tablename__, SyncLog.__tablename__}


@dataclass(frozen=True)
class AuditActor:
    """Who is acting, as recorded in the audit log."""

    pengguna_id: str | None
    username: str


SYSTEM_ACTOR = AuditActor(None, "sistem")
#: ``session.info`` key: the ``SyncLog`` id of the import this transaction carries out; every audit entry
#: written meanwhile is linked to it (``link_import``).
SYNC_LOG_ID = "sync_log_id"


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """The one sessionmaker of the app; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(
    factory: sessionmaker[Session], actor: AuditActor = SYSTEM_ACTOR, *, kantor_kode: str = ""
) -> Iterator[Session]:
    """One user action: a session in a transaction, committed on success, rolled back on error.

    Storage failures (locked database, full disk) surface as ``DatabaseError`` in Indonesian; an UPDATE of
    a row another user changed after this transaction read it, as ``DataBerubah``.
    """
    session = factory()
    session.info["actor"] = actor
    session.info["kantor_kode"] = kantor_kode
    try:
        with _known_failures(factory):
            try:
                with session.begin():
                    yield session
            except StaleDataError as exc:
                raise DataBerubah(pesan_berubah("", None)) from exc
    finally:
        _close(session)


@contextmanager
def reading(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A look without changes: the session is closed (its transaction rolled back) at the end; storage
    failures and a lost server surface as ``transaction`` raises them."""
    session = factory()
    try:
        with _known_failures(factory):
            yield session
    finally:
        _close(session)


@contextmanager
def _known_failures(factory: sessionmaker[Session]) -> Iterator[None]:
    """Storage failures and a lost server raised inside, as the Indonesian errors the screens show."""
    try:
        yield
    except Exception as exc:
        known = translate_db_error(exc, _url(factory))
        if known is not None:
            raise known from exc
        raise


def _url(factory: sessionmaker[Session]) -> URL | None:
    bind = factory.kw.get("bind")
    return bind.url if isinstance(bind, Engine) else None


def _close(session: Session) -> None:
    """Close ``session``; a connection the server already dropped cannot fail the closing as well."""
    try:
        session.close()
    except Exception as exc:
        if translate_db_error(exc, getattr(session.bind, "url", None)) is None:
            raise


def link_import(session: Session, sync_log: SyncLog) -> int:
    """From now on in this transaction, link every audit entry to the import ``sync_log`` (flushed here
    for its id, with whatever else is pending), as an import does before it writes anything; returns
    the id."""
    if sync_log.id is None:
        session.add(sync_log)
        session.flush()
    session.info[SYNC_LOG_ID] = sync_log.id
    return sync_log.id


@contextmanager
def savepoint(session: Session) -> Iterator[None]:
    """A SAVEPOINT inside the session's transaction: an error raised inside undoes only what was done
    inside, and the transaction goes on.

    SQLite's Python driver opens the database transaction only at the first write; a SAVEPOINT issued
    before that would itself be the outermost transaction, and releasing it would commit. The
    transaction is opened first, so everything still commits or rolls back as one.
    """
    begin_sqlite_now(session.connection())
    with session.begin_nested():
        yield


def jsonable(value: Any) -> Any:
    """A column value as the audit log's JSON holds it (dates and times ISO 8601, decimals as text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<berkas {len(value)} bita>"
    return value


def _masked(obj: Any, key: str) -> bool:
    """A column whose value never reaches the audit log: a password hash, a secret setting."""
    if key in _MASKED:
        return True
    return key == "nilai" and getattr(obj, "kunci", None) in getattr(type(obj), "RAHASIA", ())


def _column_values(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in UNAUDITED or key not in state.dict:
            continue
        values[key] = "***" if _masked(obj, key) else jsonable(state.dict[key])
    return values


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in UNAUDITED:
            continue
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        before[key] = "***" if _masked(obj, key) else jsonable(old)
        after[key] = "***" if _masked(obj, key) else jsonable(new)
    return before, after


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    actor: AuditActor = session.info.get("actor", SYSTEM_ACTOR)
    if session.info.get("skip_audit"):
        return
    kantor_kode: str = session.info.get("kantor_kode", "")
    now = utcnow()
    entries: list[AuditLog] = []

    for obj in list(session.new):
        table = getattr(obj, "__tablename__", "")
        if table in _NOT_AUDITED_TABLES:
            continue
        if hasattr(obj, "id") and obj.id is None:
            obj.id = new_id()
        if isinstance(obj, SyncMixin):
            if not obj.kantor_asal:
                obj.kantor_asal = kantor_kode
            obj.diubah_pada = now
            obj.revisi = obj.revisi or 1
        entries.append(_entry(actor, "tambah", obj, None, _column_values(obj)))

    for obj in list(session.dirty):
        table = getattr(obj, "__tablename__", "")
        if table in _NOT_AUDITED_TABLES or not session.is_modified(obj, include_collections=False):
            continue
        before, after = _changes(obj)
        if not after:
            continue
        if isinstance(obj, SyncMixin):
            obj.revisi = (obj.revisi or 0) + 1
            obj.diubah_pada = now
        aksi = "hapus" if after.get("dihapus_pada") else "ubah"
        entries.append(_entry(actor, aksi, obj, before, after))

    for obj in list(session.deleted):
        table = getattr(obj, "__tablename__", "")
        if table in _NOT_AUDITED_TABLES:
            continue
        entries.append(_entry(actor, "hapus", obj, _column_values(obj), None))

    impor = session.info.get(SYNC_LOG_ID)
    for entry in entries:
        entry.waktu = now
        entry.sync_log_id = impor
    session.add_all(entries)


def _entry(
    actor: AuditActor, aksi: str, obj: Any, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> AuditLog:
    return AuditLog(
        pengguna_id=actor.pengguna_id,
        username=actor.username,
        aksi=aksi,
        tabel=getattr(obj, "__tablename__", type(obj).__name__),
        baris_id=str(getattr(obj, "id", None) or getattr(obj, "kunci", "") or ""),
        sebelum=before,
        sesudah=after,
    )


def log_event(
    session: Session,
    aksi: str,
    keterangan: str,
    *,
    tabel: str = "",
    baris_id: str = "",
    sebelum: dict[str, Any] | None = None,
    sesudah: dict[str, Any] | None = None,
) -> None:
    """Record an event that is not a row change (login, backup, restore, export, an import's decision)
    in the audit log, as the session's actor."""
    actor: AuditActor = session.info.get("actor", SYSTEM_ACTOR)
    session.add(
        AuditLog(
            pengguna_id=actor.pengguna_id,
            username=actor.username,
            aksi=aksi,
            tabel=tabel,
            baris_id=baris_id,
            sebelum=sebelum,
            sesudah=sesudah,
            keterangan=keterangan,
            sync_log_id=session.info.get(SYNC_LOG_ID),
        )
    )
