"""Bulk writes of one connection run by a worker thread while the app prepares the next ones."""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, event

log = logging.getLogger(__name__)
_KUNCI = "background_writes"
#: Writes handed over and not yet done, at most (the app may run this far ahead of the server).
ANTRE = 3


class BackgroundWrites:
    """At most one write of ``conn`` at a time in a worker thread, in the order they were handed over.

    A package import on a server spends about as long in the server (COPY, foreign keys, indexes) as
    in the app (values and audit entries): with the server's share of a batch running while the app
    prepares the next batch, the two overlap instead of adding up. Every other statement on the
    connection first waits for the write in flight (a ``before_cursor_execute`` hook), so the order
    of statements is the order of the code; an error of a write is raised at the next wait.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kinerja-bulk")
        self._antre: deque[Future[None]] = deque()
        self._pekerja = 0  # the worker thread's ident, once it has run a write

    def submit(self, tulis: Callable[[], None]) -> None:
        """Run ``tulis`` after the writes handed over before it; returns at once unless ``ANTRE``
        writes are already waiting (each holds a batch of rows in memory)."""
        while len(self._antre) >= ANTRE:
            self._antre.popleft().result()

        def jalankan() -> None:
            self._pekerja = threading.get_ident()
            tulis()

        self._antre.append(self._pool.submit(jalankan))

    def wait(self) -> None:
        """Until every write handed over is done; raises the first error (the rest are not run)."""
        try:
            while self._antre:
                self._antre.popleft().result()
        except BaseException:
            for kerja in self._antre:
                kerja.cancel()
            self._antre.clear()
            raise

    def _before_statement(self, *args: Any) -> None:
        if threading.get_ident() != self._pekerja:
            self.wait()


def running(conn: Connection) -> BackgroundWrites | None:
    """The background writer of ``conn`` while ``background_writes`` runs on it."""
    latar = conn.info.get(_KUNCI)
    return latar if isinstance(latar, BackgroundWrites) else None


@contextmanager
def background_writes(conn: Connection) -> Iterator[BackgroundWrites]:
    """Bulk writes on ``conn`` (``bulk.BulkInsert`` and whoever asks ``running``) go to a worker thread
    until the block ends, which waits for the last of them (and raises its error unless the block
    already raises one)."""
    latar = BackgroundWrites(conn)
    conn.info[_KUNCI] = latar
    event.listen(conn, "before_cursor_execute", latar._before_statement)
    gagal = False
    try:
        yield latar
    except BaseException:
        gagal = True
        raise
    finally:
        try:
            latar.wait()
        except Exception:
            if not gagal:
                raise
            log.warning("Penulisan latar gagal setelah kesalahan lain", exc_info=True)
        finally:
            event.remove(conn, "before_cursor_execute", latar._before_statement)
            conn.info.pop(_KUNCI, None)
            latar._pool.shutdown(wait=True)
