"""The one way to run work off the GUI thread (after Anki's CollectionOp/QueryOp).

    op = (BackgroundOp(self, lambda job: services.intake.merge_files(job.db, paths, progress=job.progress),
                       db_path=ws.path)
          .on_success(self._merged)
          .on_failure(self._failed)             # optional: without it the error is shown in a message box
          .with_progress(self._progressed, self._counted)
          .cancellable())
    op.run()

``fn(job)`` runs on a worker QThread. ``job.db`` is the op's OWN connection to ``db_path``
(``services.workspaces.own_connection``; a SQLite connection never crosses threads), ``job.progress(done,
item)`` and ``job.count(total, weights)`` report back (``weights``: what each item weighs, e.g. its bytes, for
a bar that moves by work rather than by items; None when they weigh alike), ``job.cancelled()`` says whether Cancel was pressed.

Every callback runs on the GUI thread: the op lives there, the signals are emitted from the worker and
queued to it. The signals themselves (``counted``, ``progressed``, ``succeeded``, ``failed``) are public, so a
test can connect to them with ``Qt.DirectConnection`` and see on which thread the work happens.

While any op runs, the interpreter hands the GIL over every millisecond instead of every 5 ms
(``sys.setswitchinterval``): a worker busy in Python otherwise makes each call the GUI thread makes into Python
(a model's ``data``, a slot) wait up to 5 ms for the lock, and a table refresh of a few hundred such calls
stalls the window for a tenth of a second.

While any op runs, the objects alive when it started are also set aside from the cyclic garbage collector
(``gc.freeze``; ``gc.unfreeze`` once no op runs): a full collection walks every object the program holds (the
window, its models, the libraries), ~60 ms with the GIL held, and the objects a long op makes (a thousand import
results) set one off; the GUI thread waited for it. Objects still free themselves as their last reference goes;
what is set aside is only scanned again after the op.

A failure is never silent: it is logged (``logging``, with the traceback) and handed to the
``on_failure`` callback, or shown with :func:`desktop.gui.common.errors.show_error`.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QWidget

from desktop.core import services

log = logging.getLogger(__name__)

SWITCH_INTERVAL = 0.001  # seconds, while an op runs (Python's default is 0.005)
_default_switch = sys.getswitchinterval()


class Job:
    """What ``fn`` gets on the worker thread."""

    def __init__(self, op: BackgroundOp):
        self._op = op
        self.db = None
        self.started = time.perf_counter()

    def progress(self, done: int, item: object = None) -> None:
        self._op.progressed.emit(done, item)

    def count(self, total: int, weights: list[int] | None = None) -> None:
        self._op.counted.emit(total, weights)

    def cancelled(self) -> bool:
        return self._op._cancel.is_set()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


class _Thread(QThread):
    def __init__(self, op: BackgroundOp):
        super().__init__(op)
        self._op = op

    def run(self) -> None:
        self._op._work()


class BackgroundOp(QObject):
    counted = Signal(int, object)  # how many items the job will look at, and what each weighs (or None)
    progressed = Signal(int, object)  # done, the item just finished (or whatever the job reports)
    succeeded = Signal(object)  # fn's result
    failed = Signal(object)  # the exception fn raised
    done = Signal()  # after succeeded or failed, on the GUI thread: the op is over

    _live: ClassVar[set[BackgroundOp]] = set()  # kept alive until finished, whatever happens to the caller

    def __init__(self, parent: QObject | None, fn: Callable[[Job], object], *, db_path: str | None = None,
                 title: str | None = None):
        super().__init__(parent)
        self._fn, self._db_path, self._title = fn, db_path, title
        self._success: Callable | None = None
        self._failure: Callable | None = None
        self._progress: Callable | None = None
        self._count: Callable | None = None
        self._finally: list[Callable] = []
        self._cancellable = False
        self._cancel = threading.Event()
        self._detached = False
        self._thread: _Thread | None = None
        self.result: object = None
        self.error: BaseException | None = None

    # ------------------------------------------------------------------ building
    def on_success(self, cb: Callable[[object], None]) -> BackgroundOp:
        self._success = cb
        return self

    def on_failure(self, cb: Callable[[BaseException], None]) -> BackgroundOp:
        self._failure = cb
        return self

    def on_done(self, cb: Callable[[], None]) -> BackgroundOp:
        """Called last, after success or failure (re-enable buttons, hide the busy state)."""
        self._finally.append(cb)
        return self

    def with_progress(self, on_progress: Callable[[int, object], None] | None = None,
                      on_count: Callable[[int, list[int] | None], None] | None = None) -> BackgroundOp:
        self._progress, self._count = on_progress, on_count
        return self

    def cancellable(self) -> BackgroundOp:
        self._cancellable = True
        return self

    # ------------------------------------------------------------------ running
    def run(self) -> BackgroundOp:
        if self._thread is not None:
            raise RuntimeError("a BackgroundOp runs once")
        self.counted.connect(self._deliver_count)
        self.progressed.connect(self._deliver_progress)
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)
        self._thread = _Thread(self)
        self._thread.finished.connect(self._finished)
        if not BackgroundOp._live:
            sys.setswitchinterval(SWITCH_INTERVAL)
            gc.freeze()
        BackgroundOp._live.add(self)
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread is not None and self in BackgroundOp._live

    def cancel(self) -> None:
        """Ask the job to stop (it checks ``job.cancelled()`` between items); only for cancellable ops."""
        if self._cancellable:
            self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def wait(self, ms: int = 60000) -> bool:
        return True if self._thread is None else self._thread.wait(ms)

    def shutdown(self, ms: int = 60000) -> bool:
        """The caller is going away: cancel, deliver nothing more to it, wait for the thread."""
        self.cancel()
        self._detached = True
        finished = self.wait(ms)
        if finished:
            BackgroundOp._forget(self)
        return finished

    # ------------------------------------------------------------------ the worker thread
    def _work(self) -> None:
        job = Job(self)
        try:
            if self._db_path is None:
                result = self._fn(job)
            else:
                with services.workspaces.own_connection(self._db_path) as db:
                    job.db = db
                    result = self._fn(job)
        except Exception as exc:  # handed to the GUI thread, never swallowed
            log.error("background operation %s failed", self._title or getattr(self._fn, "__name__", "?"),
                      exc_info=exc)
            self.error = exc
            self.failed.emit(exc)
        else:
            self.result = result
            self.succeeded.emit(result)

    # ------------------------------------------------------------------ the GUI thread
    def _deliver_count(self, total: int, weights: list[int] | None) -> None:
        if self._count is not None and not self._detached:
            self._count(total, weights)

    def _deliver_progress(self, done: int, item: object) -> None:
        if self._progress is not None and not self._detached:
            self._progress(done, item)

    def _deliver_success(self, result: object) -> None:
        if self._success is not None and not self._detached:
            self._success(result)

    def _deliver_failure(self, exc: BaseException) -> None:
        if self._detached:
            return
        if self._failure is not None:
            self._failure(exc)
        else:
            from desktop.gui.common.errors import show_error

            parent = self.parent()
            show_error(parent if isinstance(parent, QWidget) else None, exc, self._title)

    @staticmethod
    def _forget(op: BackgroundOp) -> None:
        if op not in BackgroundOp._live:
            return
        BackgroundOp._live.discard(op)
        if not BackgroundOp._live:
            sys.setswitchinterval(_default_switch)
            gc.unfreeze()

    def _finished(self) -> None:
        BackgroundOp._forget(self)
        try:
            if not self._detached:
                for cb in self._finally:
                    cb()
                self.done.emit()
        finally:
            self.deleteLater()
