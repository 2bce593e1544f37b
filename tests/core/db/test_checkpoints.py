"""WAL checkpoints on their own thread during a run of commits (db/checkpoints.py): the log ends up copied into
the file, the automatic checkpoint comes back, and a database that is not a WAL file is left as it is."""

from __future__ import annotations

import os
import sqlite3

import sqlite_utils

from desktop.core.db import checkpoints
from desktop.core.db.connection import open_db, transaction


def _commits(db, copier, n: int, size: int = 200_000) -> None:
    for i in range(n):
        with transaction(db):
            db.execute("INSERT INTO t (k, v) VALUES (?, ?)", [i, os.urandom(size)])
        copier.committed()


def test_commits_are_copied_into_the_file_and_the_automatic_checkpoint_comes_back(tmp_path):
    db = open_db(tmp_path / "x.db", create=True)
    db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB)")
    before = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    with checkpoints.in_background(db) as copier:
        assert copier is not None and db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        _commits(db, copier, 20)
        copier.drain()
        # the file itself, without the log (immutable: SQLite reads no -wal), holds every commit
        file_only = sqlite3.connect(f"{(tmp_path / 'x.db').as_uri()}?immutable=1", uri=True)
        assert file_only.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 20
        file_only.close()
        assert copier.error is None
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == before
    db.close()


def test_the_writer_waits_when_the_copies_fall_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoints, "MAX_LAG_BYTES", 0)  # every commit waits for the copy before it
    db = open_db(tmp_path / "x.db", create=True)
    db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB)")
    with checkpoints.in_background(db) as copier:
        _commits(db, copier, 5)
    assert db.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 5
    db.close()


def test_a_database_in_memory_is_left_as_it_is():
    db = sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))
    with checkpoints.in_background(db) as copier:
        assert copier is None


def test_a_new_file_has_the_bigger_pages(tmp_path):
    from desktop.core.db.connection import PAGE_SIZE

    db = open_db(tmp_path / "new.db", create=True)
    assert db.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    db.close()
