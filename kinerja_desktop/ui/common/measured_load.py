"""A page's read that runs at once while it is quick, and in the background once it has proved slow."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.ui.common import ops
from kinerja_desktop.ui.common.ops import Note, Work
from kinerja_desktop.ui.common.tasks import TaskRunner

T = TypeVar("T")


class MeasuredLoad:
    """Remembers whether a page's read is slow (``lambat``; None: not known yet, treated as quick)."""

    def __init__(self, tasks: TaskRunner, lambat: bool | None = False) -> None:
        self.tasks = tasks
        self.lambat = lambat

    def look(
        self,
        widget: QWidget,
        fn: Work[T],
        *,
        then: Callable[[T], None],
        message: Note | None = None,
        label: str,
        batas: float,
    ) -> None:
        """``ops.look(widget, fn)``: in the background (progress ``label``) when known slow, else at once;
        ``then`` gets the result, a known error goes to ``message``. A read that took longer than
        ``batas`` seconds runs in the background next time; a quicker one, at once again."""

        def timed(session: Session, actor: Actor) -> tuple[T, float]:
            start = time.perf_counter()
            hasil = fn(session, actor)
            return hasil, time.perf_counter() - start

        def done(hasil: tuple[T, float]) -> None:
            self.lambat = hasil[1] > batas
            then(hasil[0])

        ops.look(widget, timed, then=done, message=message, background=label if self.lambat else None)
