"""WAL checkpoints on a thread of their own while a long run of commits (a merge) goes on.

In WAL mode a commit appends the changed pages to the log; a checkpoint copies them into the database file
and syncs both (``synchronous = NORMAL``: the commit itself does not sync). With the automatic checkpoint, the
commit that passes ``wal_autocheckpoint`` pages does the copy and both syncs before it returns: for a 13 MB
report, every file waits for its own checkpoint. Here the writer's automatic checkpoint is off and a second
connection runs a PASSIVE checkpoint after each commit it is told of, while the writer goes on with the next
file. Nothing about what is durable changes: each commit is whole in the log before ``COMMIT`` returns, and a
checkpoint (killed or not) only copies committed pages, so a crash loses at most the transaction in flight,
as with the automatic checkpoint. The log is bounded: when the checkpoints fall behind by more than
``MAX_LAG_BYTES``, the writer waits for one before it goes on.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

MAX_LAG_BYTES = 256 << 20


class Checkpointer:
    """Told after each commit (``committed``); copies the log into the database file on its own thread."""

    def __init__(self, path: str, page_size: int):
        self._path, self._page_size = path, page_size
        self._cv = threading.Condition()
        self._asked = self._done = 0  # commits told of; commits copied (as of the start of the last copy)
        self._stop = self._gone = False
        self._lag = 0  # log pages not yet copied, as the last checkpoint found them
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="taizhang-checkpoint", daemon=True)
        self._thread.start()

    def committed(self) -> None:
        """A transaction was committed: copy it soon; wait first when the copies are too far behind."""
        with self._cv:
            if self._lag * self._page_size > MAX_LAG_BYTES:
                self._cv.wait_for(self._caught_up)
            self._asked += 1
            self._cv.notify_all()

    def drain(self) -> None:
        """Wait until every commit told of so far is copied into the file."""
        with self._cv:
            self._cv.wait_for(self._caught_up)

    def close(self) -> None:
        with self._cv:
            self._stop = True
            self._cv.notify_all()
        self._thread.join()

    def _caught_up(self) -> bool:
        return self._done >= self._asked or self._gone

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            self.error = exc
            self._leave()
            return
        try:
            while True:
                with self._cv:
                    self._cv.wait_for(lambda: self._stop or self._asked > self._done)
                    if self._stop:
                        return
                    target = self._asked
                try:
                    _busy, log, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    self._lag = max(0, log - done)
                except sqlite3.Error as exc:  # the writer's own checkpoint at the end still runs
                    self.error = exc
                with self._cv:
                    self._done = target
                    self._cv.notify_all()
        finally:
            conn.close()
            self._leave()

    def _leave(self) -> None:
        with self._cv:
            self._gone = True
            self._cv.notify_all()


def _file_of(conn: sqlite3.Connection) -> str | None:
    for _seq, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return file or None
    return None


@contextmanager
def in_background(db) -> Iterator[Checkpointer | None]:
    """While active, ``db``'s log is checkpointed by a second connection (call ``committed()`` after each
    commit); on leaving, the automatic checkpoint is back. Yields None (nothing changes) for a database that is
    not a file in WAL mode."""
    conn = db.conn
    path = _file_of(conn)
    if path is None or conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        yield None
        return
    old = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    worker = Checkpointer(path, conn.execute("PRAGMA page_size").fetchone()[0])
    try:
        yield worker
    finally:
        worker.close()
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(old)}")
        if not conn.in_transaction:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
