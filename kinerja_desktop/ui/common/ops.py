"""The one way for a widget to run a user action (``act``) or a read (``look``) against the workspace.

A slot hands a function of ``(session, actor)`` to ``act``: it runs in one transaction for the logged-in
user (``look``: a read that changes nothing), a ``KnownError`` is shown in Indonesian — beside its field
when the error names one the widget has a note for, else in the widget's message line, else in a message
box — and on success the result goes to ``then`` and a success text to ``say``. With ``background`` the
function runs on the task runner's worker (progress dialog after a moment, Batal works) and ``then``
receives the result on the GUI thread; the work tells how far it is with ``progress``, which also stops
it (rolling its transaction back) once Batal was pressed. A database server that cannot be reached is
shown with **Coba lagi** (the same action or read again, the widgets untouched meanwhile) and Tutup.
``attempt`` does the same for work outside the workspace: a file, the printer, options typed into a
form. ``note(show)`` makes a message line of any function that shows a text, such as a page's
``say(text, ok=False)``.

    def on_hapus_clicked(self) -> None:
        if act(self, lambda s, a: pelatihan.delete_pelatihan(s, a, row.id), then=self.after_change):
            self.say("Pelatihan dihapus.")
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from kinerja_desktop.core.errors import DataBerubah, KnownError, ServerTidakTerjangkau, ValidationError
from kinerja_desktop.core.services.access import Actor
from kinerja_desktop.ui.common import koneksi
from kinerja_desktop.ui.common.context import UiContext
from kinerja_desktop.ui.common.dialogs import show_error
from kinerja_desktop.ui.common.stale import ISIAN_TETAP_DIALOG
from kinerja_desktop.ui.common.tasks import Cancelled, TaskContext, TaskRunner

T = TypeVar("T")

Work = Callable[[Session, Actor], T]


class Note(Protocol):
    """Where a message can be shown: a ``FieldNote`` or anything with ``set_error``."""

    def set_error(self, text: str) -> None: ...


class _NoteBy:
    def __init__(self, show: Callable[[str], None]) -> None:
        self._show = show

    def set_error(self, text: str) -> None:
        self._show(text)


def note(show: Callable[[str], None]) -> Note:
    """A ``Note`` that hands the message to ``show``, e.g. a page's ``say(text, ok=False)``."""
    return _NoteBy(show)


_task: ContextVar[TaskContext | None] = ContextVar("ops_task", default=None)


def progress(done: int, total: int, label: str = "") -> None:
    """How far background work has come, for its progress dialog (nothing when it runs at once).

    Raises ``Cancelled`` once the user pressed Batal: the work stops there, and under ``act`` its
    transaction is rolled back, so nothing of it is kept.
    """
    task = _task.get()
    if task is not None:
        task.progress(done, total, label)


class Outcome(Generic[T]):
    """What ``act``, ``look`` or ``attempt`` did: true when it succeeded, ``value`` being the result then.

    An outcome handed to the background is ``pending`` (false): its result arrives through ``then``,
    and ``task`` is the running work (``task.cancel()`` does what Batal does).
    """

    __slots__ = ("_value", "error", "pending", "task")

    def __init__(
        self,
        value: T | None = None,
        error: KnownError | None = None,
        *,
        pending: bool = False,
        task: TaskContext | None = None,
    ):
        self._value = value
        self.error = error
        self.pending = pending
        self.task = task

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
    stale: Note | None = None,
) -> None:
    """A known error beside the field it names (``notes``), else in ``message``, else in a message box;
    data changed by someone else (``DataBerubah``) in ``stale`` when given (a ``StaleBar``)."""
    kolom = exc.kolom if isinstance(exc, ValidationError) else None
    if stale is not None and isinstance(exc, DataBerubah):
        stale.set_error(exc.pesan)
    elif message is not None and isinstance(exc, DataBerubah):
        message.set_error(f"{exc.pesan}\n{ISIAN_TETAP_DIALOG}")
    elif notes and kolom and kolom in notes:
        notes[kolom].set_error(exc.pesan)
    elif message is not None:
        message.set_error(str(exc))
    else:
        show_error(widget, exc)


def act(
    widget: QWidget | None,
    fn: Work[T],
    *,
    ctx: UiContext | None = None,
    success: str | Callable[[T], str] = "",
    say: Callable[[str], None] | None = None,
    then: Callable[[T], None] | None = None,
    failed: Callable[[KnownError], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    notes: Mapping[str, Note] | None = None,
    message: Note | None = None,
    background: str | None = None,
    cancellable: bool = True,
    stale: Note | None = None,
) -> Outcome[T]:
    """Run ``fn(session, actor)`` as one user action in one transaction (see the module docstring).

    ``success`` (a text, or made from the result) goes to ``say``; ``then`` gets the result; ``failed``
    runs after a known error was shown, ``cancelled`` after Batal. ``background`` is the progress label
    when the work should not block the window; ``cancellable=False`` offers no Batal (work that cannot
    stop halfway). ``stale`` shows the refusal of a change to data someone else changed meanwhile
    (a form's ``StaleBar``, which offers Muat ulang); without it that refusal goes where others go.
    """
    context = ctx or context_of(widget)

    def work() -> T:
        with context.workspace.transaction(context.actor) as session:
            return fn(session, context.actor)

    hooks = _Hooks(success, say, then, failed, cancelled, notes, message, stale)
    return _run(widget, context, work, hooks, background, cancellable)


def look(
    widget: QWidget | None,
    fn: Work[T],
    *,
    ctx: UiContext | None = None,
    then: Callable[[T], None] | None = None,
    failed: Callable[[KnownError], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    notes: Mapping[str, Note] | None = None,
    message: Note | None = None,
    background: str | None = None,
    cancellable: bool = True,
    quiet: bool = False,
) -> Outcome[T]:
    """Run ``fn(session, actor)`` as a read that changes nothing; errors are shown as ``act`` shows them.

    ``quiet`` with ``background``: no progress dialog, for a read whose widget shows it is loading."""
    context = ctx or context_of(widget)

    def work() -> T:
        with context.workspace.read() as session:
            return fn(session, context.actor)

    hooks = _Hooks("", None, then, failed, cancelled, notes, message, None)
    return _run(widget, context, work, hooks, background, cancellable, quiet=quiet)


def attempt(
    widget: QWidget | None,
    fn: Callable[[], T],
    *,
    ctx: UiContext | None = None,
    success: str | Callable[[T], str] = "",
    say: Callable[[str], None] | None = None,
    then: Callable[[T], None] | None = None,
    failed: Callable[[KnownError], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    notes: Mapping[str, Note] | None = None,
    message: Note | None = None,
    background: str | None = None,
    cancellable: bool = True,
    tasks: TaskRunner | None = None,
) -> Outcome[T]:
    """Run ``fn()``, work outside the workspace (a file, the printer, the options typed; a backup, which
    opens the database itself), showing a known error and handing over the result as ``act`` does.

    The ``UiContext`` is needed (found on the widget, or ``ctx``) only to run in the ``background``;
    a window that has no workspace yet (the recovery screen) hands its own task runner as ``tasks``.
    """
    hooks = _Hooks(success, say, then, failed, cancelled, notes, message, None)
    return _run(widget, ctx, fn, hooks, background, cancellable, tasks)


@dataclass(frozen=True)
class _Hooks(Generic[T]):
    """What to do with the outcome: who gets the result, where an error is shown."""

    success: str | Callable[[T], str]
    say: Callable[[str], None] | None
    then: Callable[[T], None] | None
    failed: Callable[[KnownError], None] | None
    cancelled: Callable[[], None] | None
    notes: Mapping[str, Note] | None
    message: Note | None
    stale: Note | None


def _run(
    widget: QWidget | None,
    context: UiContext | None,
    work: Callable[[], T],
    hooks: _Hooks[T],
    background: str | None,
    cancellable: bool,
    tasks: TaskRunner | None = None,
    *,
    quiet: bool = False,
) -> Outcome[T]:
    def on_success(value: T) -> None:
        if hooks.then is not None:
            hooks.then(value)
        text = hooks.success(value) if callable(hooks.success) else hooks.success
        if text and hooks.say is not None:
            hooks.say(text)

    def on_failure(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            if hooks.cancelled is not None:
                hooks.cancelled()
            return
        if not isinstance(exc, KnownError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        if not isinstance(exc, ServerTidakTerjangkau):  # the runner showed it with Coba lagi
            show_known_error(widget, exc, notes=hooks.notes, message=hooks.message, stale=hooks.stale)
        if hooks.failed is not None:
            hooks.failed(exc)

    if background is not None:

        def tracked(task: TaskContext) -> T:
            token = _task.set(task)
            try:
                return work()
            finally:
                _task.reset(token)

        runner = tasks or (context or context_of(widget)).tasks
        task = runner.run(
            tracked, on_success, on_failure, label=background, cancellable=cancellable, quiet=quiet
        )
        return Outcome(pending=True, task=task)
    server = _server_status(widget, context, tasks)
    while True:
        try:
            value = work()
        except ServerTidakTerjangkau as exc:
            if server is not None:
                server.hilang(exc)
            if koneksi.tanya_coba_lagi(widget, exc):
                continue  # the same action again; what was typed is still in the widgets
            on_failure(exc)
            return Outcome(error=exc)
        except KnownError as exc:
            on_failure(exc)
            return Outcome(error=exc)
        if server is not None:
            server.pulih()
        on_success(value)
        return Outcome(value)


def _server_status(
    widget: QWidget | None, context: UiContext | None, tasks: TaskRunner | None
) -> koneksi.StatusServer | None:
    """The window's record of whether the server answers (None for a window without a task runner)."""
    if tasks is not None:
        return tasks.server
    if context is not None:
        return context.tasks.server
    try:
        return context_of(widget).tasks.server
    except RuntimeError:
        return None
