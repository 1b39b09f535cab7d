"""Engines: what each back end gets on every connection."""

from __future__ import annotations

from kinerja_desktop.core.db.engine import make_engine


def test_a_server_engine_tests_its_pooled_connections_before_use() -> None:
    server = make_engine("postgresql+psycopg://u@localhost/x")  # no connection is made here
    try:
        assert server.pool._pre_ping  # type: ignore[attr-defined]
    finally:
        server.dispose()
    assert not make_engine("sqlite://").pool._pre_ping  # type: ignore[attr-defined]
