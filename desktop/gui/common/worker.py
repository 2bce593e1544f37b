"""Run one long call (an export) on a QThread and report progress, result or error back to the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThread, Signal


class Worker(QThread):
    """``fn(progress)`` runs on the thread; ``progress(done, total)`` may be called from it.

    Signals are queued to the receiver's thread, so slots run on the GUI thread.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable, parent=None):
        super().__init__(parent)
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn(self.progressed.emit)
        except Exception as exc:  # reported to the user, not swallowed
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
