"""The bureau merge on a worker thread, with progress and cancel.

The worker opens its own SQLite connection (a connection never crosses threads) and calls the
same ``services.intake.merge_files`` as the CLI. Cancelling stops between files: each file is merged in
its own transaction, so every file is either fully merged or not at all.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread, Signal

from desktop.core import services
from desktop.core.db.connection import open_db


class MergeWorker(QThread):
    counted = Signal(int)  # how many packages were found
    progressed = Signal(int, object)  # files done, merge.Outcome
    completed = Signal(list, bool, float)  # outcomes, cancelled, seconds
    failed = Signal(object)

    def __init__(self, db_path: str, paths: list[str], parent=None):
        super().__init__(parent)
        self.db_path, self.paths = db_path, list(paths)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        started = time.perf_counter()
        try:
            db = open_db(self.db_path)
        except Exception as exc:  # shown to the user
            self.failed.emit(exc)
            return
        try:
            self.counted.emit(services.intake.count_inputs(self.paths))
            outcomes = services.intake.merge_files(db, self.paths, progress=self.progressed.emit,
                                            cancelled=self._cancel.is_set)
        except Exception as exc:  # shown to the user
            self.failed.emit(exc)
        else:
            self.completed.emit(outcomes, self._cancel.is_set(), time.perf_counter() - started)
        finally:
            db.close()
