"""Background work without freezing the window: one worker, a delayed cancellable progress dialog."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kinerja_desktop.core.errors import KnownError, ServerTidakTerjangkau
from kinerja_desktop.ui.common import koneksi
from kinerja_desktop.ui.common.dialogs import show_error

PROGRESS_DELAY_MS = 600


class Cancelled(Exception):
    """Raised inside a task when the user pressed Batal."""


class TaskContext:
    """Handed to the task: report progress, and notice a cancel request (progress raises Cancelled)."""

    def __init__(self, report: Callable[[int, int, str], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int, label: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._report(done, total, label)


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any], context: TaskContext, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.context, self.signals = fn, context, signals

    def run(self) -> None:
        try:
            result = self.fn(self.context)
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


def default_failure(parent: QWidget | None, exc: BaseException) -> None:
    """Known errors as a message, cancels silently, anything else to the crash handler; an unreachable
    server was already shown (with Coba lagi) by the runner."""
    if isinstance(exc, Cancelled | ServerTidakTerjangkau):
        return
    if isinstance(exc, KnownError):
        show_error(parent, exc)
        return
    sys.excepthook(type(exc), exc, exc.__traceback__)


class TaskRunner(QObject):
    """Runs callables one at a time off the GUI thread and calls back on the GUI thread.

    Work that finds the database server unreachable shows that with **Coba lagi**, which runs the same
    work again; only after **Tutup** does ``on_failure`` get the error. ``server`` tells the window
    whether the server answered the last work.
    """

    # Tests set this to run tasks inline, so they need no waiting.
    synchronous: ClassVar[bool] = False

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._keep: set[_Signals] = set()
        self.server = koneksi.StatusServer(self)

    def run(
        self,
        fn: Callable[[TaskContext], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        label: str = "Sedang memproses…",
        cancellable: bool = True,
        quiet: bool = False,
    ) -> TaskContext:
        """``quiet``: no progress dialog at all (a page or chart that shows itself that it is loading)."""
        fallback = on_failure or (lambda exc: default_failure(self._parent, exc))

        def failure(exc: BaseException) -> None:
            if isinstance(exc, ServerTidakTerjangkau):
                self.server.hilang(exc)
                if koneksi.tanya_coba_lagi(self._parent, exc):
                    self.run(fn, on_success, on_failure, label=label, cancellable=cancellable, quiet=quiet)
                    return
            fallback(exc)

        def success(result: Any) -> None:
            self.server.pulih()
            on_success(result)

        if self.synchronous:
            context = TaskContext(lambda *_: None)
            try:
                result = fn(context)
            except BaseException as exc:
                failure(exc)
            else:
                success(result)
            return context

        signals = _Signals()
        if quiet:
            context = TaskContext(lambda *_: None)

            def quiet_done(result: object) -> None:
                self._keep.discard(signals)
                success(result)

            def quiet_failed(exc: object) -> None:
                self._keep.discard(signals)
                assert isinstance(exc, BaseException)
                failure(exc)

            signals.succeeded.connect(quiet_done)
            signals.failed.connect(quiet_failed)
            self._keep.add(signals)
            self._pool.start(_Job(fn, context, signals))
            return context
        dialog = QProgressDialog(label, "Batal" if cancellable else "", 0, 0, self._parent)
        dialog.setWindowTitle("Mohon tunggu")
        dialog.setMinimumDuration(0)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.hide()
        context = TaskContext(signals.progress.emit)
        dialog.canceled.connect(context.cancel)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(dialog.show)
        timer.start(PROGRESS_DELAY_MS)

        def on_progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total > 0 else 0)
            if text:
                dialog.setLabelText(text)

        def finish() -> None:
            timer.stop()
            # Not close(): QProgressDialog's closeEvent emits canceled, and closing it while that
            # signal is still connected can deadlock inside Qt (seen about once in forty runs).
            dialog.canceled.disconnect(context.cancel)
            dialog.hide()
            dialog.deleteLater()
            self._keep.discard(signals)

        def succeeded(result: object) -> None:
            finish()
            success(result)

        def failed(exc: object) -> None:
            finish()
            assert isinstance(exc, BaseException)
            failure(exc)

        signals.progress.connect(on_progress)
        signals.succeeded.connect(succeeded)
        signals.failed.connect(failed)
        self._keep.add(signals)
        self._pool.start(_Job(fn, context, signals))
        return context

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done (for shutdown and tests)."""
        return bool(self._pool.waitForDone(msecs))
