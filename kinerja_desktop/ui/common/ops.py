"""The one way for a widget to run a user action (``act``) or a read (``look``) against the workspace.

A slot hands a function of ``(session, actor)`` to ``act``: it runs in one transaction for the logged-in
user (``look``: a read that changes nothing), a ``KnownError`` is shown in Indonesian — beside its field
when the error names one the widget has a note for, else in the widget's message line, else in a message
box — and on success the result goes to ``then`` and a success text to ``say``. With ``background`` the
function runs on the task runner's worker (progress dialog after a moment, Batal works) and ``then``
receives the result on the GUI thread.

    def on_hapus_clicked(self) -> None:
        if act(self, lambda s, a: pelatihan.delete_pelatihan(s, a, row.id), then=self.after_change):
            self.say("Pelatihan dihapus.")
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import KnownError, ValidationError
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import show_error
from kinerja_desktop.ui.common.tasks import Cancelled, TaskContext

T = TypeVar("T")

Work = Callable[[Session, Actor], T]


class Note(Protocol):
    """Where a message can be shown: a ``FieldNote`` or anything with ``set_error``."""

    def set_error(self, text: str) -> None: ...


class Outcome(Generic[T]):
    """What ``act`` or ``look`` did: true when it succeeded; ``value`` is the function's result then.

    An outcome handed to the background is ``pending`` (false): its result arrives through ``then``.
    """

    __slots__ = ("_value", "error", "pending")

    def __init__(self, value: T | None = None, error: KnownError | None = None, *, pending: bool = False):
        self._value = value
        self.error = error
        self.pending = pending

    @property
    def ok(self) -> bool:
        return self.error is None and not self.pending

    def __bool__(self) -> bool:
        return self.ok

    @property
    def value(self) -> T:
        if not self.ok:
            raise RuntimeError("Outcome.value of an action that failed or has not finished")
        return self._value  # type: ignore[return-value]


def context_of(widget: QWidget | None) -> UiContext:
    """The ``UiContext`` a widget (or the nearest of its parents) was handed as ``ctx``."""
    w = widget
    while w is not None:
        ctx = getattr(w, "ctx", None)
        if isinstance(ctx, UiContext):
            return ctx
        w = w.parentWidget()
    raise RuntimeError(f"{type(widget).__name__} has no UiContext (ctx) in its parent chain")


def show_known_error(
    widget: QWidget | None,
    exc: KnownError,
    *,
    notes: Mapping[str, Note] | None = None,
    message: Note | None = None,
) -> None:
    """A known error beside the field it names (``notes``), else in ``message``, else in a message box."""
    kolom = exc.kolom if isinstance(exc, ValidationError) else None
    if notes and kolom and kolom in notes:
        notes[kolom].set_error(exc.pesan)
    elif message is not None:
        message.set_error(str(exc))
    else:
        show_error(widget, exc)


def act(
    widget: QWidget,
    fn: Work[T],
    *,
    ctx: UiContext | None = None,
    success: str | Callable[[T], str] = "",
    say: Callable[[str], None] | None = None,
    then: Callable[[T], None] | None = None,
    failed: Callable[[KnownError], None] | None = None,
    notes: Mapping[str, Note] | None = None,
    message: Note | None = None,
    background: str | None = None,
) -> Outcome[T]:
    """Run ``fn(session, actor)`` as one user action in one transaction (see the module docstring).

    ``success`` (a text, or made from the result) goes to ``say``; ``then`` gets the result; ``failed``
    runs after a known error was shown. ``background`` is the progress label when the work should not
    block the window.
    """
    context = ctx or context_of(widget)

    def work(_task: TaskContext | None = None) -> T:
        with context.workspace.transaction(context.actor) as session:
            return fn(session, context.actor)

    return _run(widget, context, work, success, say, then, failed, notes, message, background)


def look(
    widget: QWidget,
    fn: Work[T],
    *,
    ctx: UiContext | None = None,
    then: Callable[[T], None] | None = None,
    failed: Callable[[KnownError], None] | None = None,
    notes: Mapping[str, Note] | None = None,
    message: Note | None = None,
    background: str | None = None,
) -> Outcome[T]:
    """Run ``fn(session, actor)`` as a read that changes nothing; errors are shown as ``act`` shows them."""
    context = ctx or context_of(widget)

    def work(_task: TaskContext | None = None) -> T:
        with context.workspace.read() as session:
            return fn(session, context.actor)

    return _run(widget, context, work, "", None, then, failed, notes, message, background)


def _run(
    widget: QWidget,
    context: UiContext,
    work: Callable[[TaskContext | None], T],
    success: str | Callable[[T], str],
    say: Callable[[str], None] | None,
    then: Callable[[T], None] | None,
    failed: Callable[[KnownError], None] | None,
    notes: Mapping[str, Note] | None,
    message: Note | None,
    background: str | None,
) -> Outcome[T]:
    def on_success(value: T) -> None:
        if then is not None:
            then(value)
        text = success(value) if callable(success) else success
        if text and say is not None:
            say(text)

    def on_failure(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if not isinstance(exc, KnownError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        show_known_error(widget, exc, notes=notes, message=message)
        if failed is not None:
            failed(exc)

    if background is not None:
        context.tasks.run(work, on_success, on_failure, label=background)
        return Outcome(pending=True)
    try:
        value = work(None)
    except KnownError as exc:
        on_failure(exc)
        return Outcome(error=exc)
    on_success(value)
    return Outcome(value)
