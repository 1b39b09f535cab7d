"""A lost or unreachable server is told apart from other database errors (simulated DBAPI errors)."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from sqlalchemy import make_url, select
from sqlalchemy.exc import DisconnectionError, IntegrityError, InterfaceError, OperationalError

from kinerja_desktop.core.db.disconnect import is_connection_lost, server_unreachable
from kinerja_desktop.core.db.engine import translate_db_error
from kinerja_desktop.core.db.models import AuditLog
from kinerja_desktop.core.db.session import log_event
from kinerja_desktop.core.errors import DatabaseError, ServerTidakTerjangkau
from kinerja_desktop.core.workspace import Workspace

SERVER = make_url("postgresql+psycopg://kinerja@db.bkpsdm.local:5433/kinerja")
FILE = make_url("sqlite:////data/kinerja.sqlite3")


class _Dbapi(Exception):
    """A driver's error with a SQLSTATE, as psycopg gives one."""

    def __init__(self, text: str, sqlstate: str | None = None) -> None:
        super().__init__(text)
        self.sqlstate = sqlstate


def _wrapped(orig: BaseException, kind: type[OperationalError] = OperationalError) -> OperationalError:
    return kind("SELECT 1", {}, orig)


@pytest.mark.parametrize(
    "error",
    [
        _wrapped(_Dbapi("terminating connection due to administrator command", "57P01")),
        _wrapped(_Dbapi("server closed the connection unexpectedly\n\tThis probably means ...")),
        _wrapped(psycopg.OperationalError("consuming input failed: server closed the connection")),
        _wrapped(
            psycopg.OperationalError(
                'connection failed: connection to server at "10.0.0.5", port 5432 failed: Connection refused'
            )
        ),
        _wrapped(psycopg.OperationalError("connection timeout expired")),
        _wrapped(_Dbapi("could not receive data from server", "08006")),
        _wrapped(psycopg.InterfaceError("the connection is closed"), InterfaceError),
        DisconnectionError("pre-ping failed"),
        psycopg.OperationalError("server closed the connection unexpectedly"),
    ],
    ids=[
        "terminated",
        "closed",
        "consuming-input",
        "refused",
        "timeout",
        "sqlstate-08",
        "interface",
        "disconnection",
        "raw-psycopg",
    ],
)
def test_a_lost_connection_names_the_server_and_what_to_do(error: BaseException) -> None:
    assert is_connection_lost(error)
    known = translate_db_error(error, SERVER)
    assert isinstance(known, ServerTidakTerjangkau) and isinstance(known, DatabaseError)
    assert known.server == "db.bkpsdm.local:5433"
    assert "Server basis data db.bkpsdm.local:5433 tidak bisa dihubungi" in known.pesan
    assert "tidak ada yang tersimpan setengah jalan" in known.pesan
    assert known.saran and "Periksa jaringan" in known.saran and "pengelola server" in known.saran


def test_an_invalidated_connection_counts_whatever_the_driver_said() -> None:
    error = _wrapped(_Dbapi("something odd"))
    assert not is_connection_lost(error)
    error.connection_invalidated = True
    assert isinstance(server_unreachable(error, SERVER), ServerTidakTerjangkau)


@pytest.mark.parametrize(
    "error",
    [
        _wrapped(_Dbapi("deadlock detected", "40P01")),
        _wrapped(_Dbapi("canceling statement due to statement timeout", "57014")),
        _wrapped(_Dbapi("could not serialize access due to concurrent update", "40001")),
        IntegrityError("INSERT", {}, _Dbapi("duplicate key value violates unique constraint", "23505")),
        ValueError("connection refused"),  # not a database error at all
    ],
    ids=["deadlock", "statement-timeout", "serialization", "integrity", "not-a-db-error"],
)
def test_other_failures_of_a_server_are_not_a_lost_connection(error: BaseException) -> None:
    assert not is_connection_lost(error)
    assert not isinstance(translate_db_error(error, SERVER), ServerTidakTerjangkau)


def test_sqlite_keeps_its_own_messages() -> None:
    locked = _wrapped(sqlite3.OperationalError("database is locked"))
    known = translate_db_error(locked, FILE)
    assert known is not None and not isinstance(known, ServerTidakTerjangkau)
    assert "sedang dipakai" in known.pesan
    full = _wrapped(sqlite3.OperationalError("database or disk is full"))
    known = translate_db_error(full, FILE)
    assert known is not None and "disk penuh" in known.pesan
    # A file is never "a server": even a text that sounds like one is left alone.
    assert server_unreachable(_wrapped(sqlite3.OperationalError("connection refused")), FILE) is None


def test_without_a_url_the_message_still_says_what_to_do() -> None:
    known = translate_db_error(DisconnectionError("gone"))
    assert isinstance(known, ServerTidakTerjangkau) and "alamat tidak diketahui" in known.pesan


def _lost_in_the_middle() -> OperationalError:
    return _wrapped(psycopg.OperationalError("server closed the connection unexpectedly"))


def test_an_action_that_loses_its_server_writes_nothing(workspace: Workspace) -> None:
    """In the session scope (on either back end's engine, the error simulated): the transaction rolls
    back, and on a server the error reaching the caller is ``ServerTidakTerjangkau``."""
    with pytest.raises(Exception) as info, workspace.transaction() as s:
        log_event(s, "uji", "Setengah jalan")
        s.flush()
        raise _lost_in_the_middle()
    if workspace.is_sqlite:
        assert isinstance(info.value, OperationalError)  # a file has no server to name
    else:
        assert isinstance(info.value, ServerTidakTerjangkau)
        assert info.value.server == f"{workspace.engine.url.host}:{workspace.engine.url.port}"
    with workspace.read() as s:
        assert s.scalar(select(AuditLog.id).where(AuditLog.keterangan == "Setengah jalan")) is None


def test_a_read_that_loses_its_server_is_said_the_same_way(workspace: Workspace) -> None:
    with pytest.raises(Exception) as info, workspace.read():
        raise _lost_in_the_middle()
    assert isinstance(info.value, OperationalError if workspace.is_sqlite else ServerTidakTerjangkau)
