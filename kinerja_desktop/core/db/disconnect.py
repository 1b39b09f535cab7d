"""Telling a lost or unreachable database server apart from other database errors."""

from __future__ import annotations

from sqlalchemy import URL
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError

from kinerja_desktop.core.errors import ServerTidakTerjangkau

#: SQLSTATE classes and codes of a connection that failed or was ended by the server (an administrator's
#: pg_terminate_backend, a shutdown or crash, a server still starting).
_SQLSTATE_CLASS = "08"
_SQLSTATE_CODES = frozenset({"57P01", "57P02", "57P03"})
#: What drivers say when the connection is gone or cannot be made (lower case).
_TEXTS = (
    "server closed the connection",
    "connection refused",
    "could not connect",
    "connection failed",
    "connection to server",
    "connection timeout",
    "timeout expired",
    "timed out",
    "connection is closed",
    "connection already closed",
    "connection is lost",
    "terminating connection",
    "no route to host",
    "network is unreachable",
    "host is unreachable",
    "connection reset",
    "broken pipe",
    "ssl syscall error",
    "consuming input failed",
    "lost synchronization",
)
_DBAPI_KINDS = ("OperationalError", "InterfaceError")


def is_connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` says the connection to the server is gone or could not be made."""
    if isinstance(exc, DisconnectionError):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        if not isinstance(exc, OperationalError | InterfaceError):
            return False
        return _dbapi_lost(exc.orig)
    if type(exc).__name__ in _DBAPI_KINDS and type(exc).__module__.startswith("psycopg"):
        return _dbapi_lost(exc)
    return False


def _dbapi_lost(orig: BaseException | None) -> bool:
    if orig is None:
        return False
    sqlstate = getattr(orig, "sqlstate", None) or ""
    if sqlstate.startswith(_SQLSTATE_CLASS) or sqlstate in _SQLSTATE_CODES:
        return True
    text = str(orig).lower()
    return any(word in text for word in _TEXTS)


def server_name(url: URL | None) -> str:
    """The server as a message names it: ``host:port`` (the default port when none is given)."""
    if url is None:
        return "(alamat tidak diketahui)"
    return f"{url.host or 'localhost'}:{url.port or 5432}"


def server_unreachable(exc: BaseException, url: URL | None) -> ServerTidakTerjangkau | None:
    """``ServerTidakTerjangkau`` naming the server of ``url`` when ``exc`` is a lost connection to a
    server (never for a SQLite file, whose failures have their own messages); else None."""
    if url is not None and url.get_backend_name() == "sqlite":
        return None
    return ServerTidakTerjangkau(server_name(url)) if is_connection_lost(exc) else None
