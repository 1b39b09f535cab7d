"""Test support for a lost database server: the Coba lagi question answered by the test, and a server
that ends a connection in the middle of an action."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.pool import NullPool

from kinerja_desktop.core.errors import ServerTidakTerjangkau
from kinerja_desktop.ui.common import koneksi

#: An answer to the question: True (Coba lagi), False (Tutup), or something to do first, then an answer.
Jawaban = bool | Callable[[], bool]


class Pertanyaan:
    """Answers the Coba lagi question in turn from ``jawaban`` and keeps every message it was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.jawaban: list[Jawaban] = []
        self.pesan: list[ServerTidakTerjangkau] = []
        monkeypatch.setattr(koneksi, "tanya_coba_lagi", self._tanya)

    def _tanya(self, _parent: Any, exc: ServerTidakTerjangkau) -> bool:
        self.pesan.append(exc)
        if not self.jawaban:
            raise AssertionError(f"unexpected question: {exc.pesan}")
        jawab = self.jawaban.pop(0)
        return jawab() if callable(jawab) else jawab


@contextmanager
def putus_saat(engine: Engine, kata: str) -> Iterator[list[int]]:
    """The server ends (``pg_terminate_backend``) the connection of ``engine`` that is about to run the
    first statement containing ``kata``; yields the ended backends' ids (one at most)."""
    admin = create_engine(engine.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    ended: list[int] = []

    def before(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if ended or kata.lower() not in statement.lower():
            return
        pid = int(cursor.connection.info.backend_pid)
        ended.append(pid)
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield ended
    finally:
        event.remove(engine, "before_cursor_execute", before)
        admin.dispose()
