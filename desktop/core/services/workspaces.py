"""Opened databases for the faces: the bureau's CountyWorkspace (the school's is reporting.SchoolWorkspace).

A face (the GUI, the CLI) never opens SQLite itself: it opens a workspace for its window, or asks
:func:`own_connection` for a fresh connection for a job on a worker thread (a SQLite connection never
crosses threads).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from desktop.core.db.connection import Database, open_db


@dataclass
class CountyWorkspace:
    """An opened county (bureau) database and the facts every bureau page needs."""

    db: Database
    path: str
    county: str
    fingerprint: str
    fingerprint_groups: str
    key_protected: bool

    @property
    def info(self) -> dict:
        """The same facts as ``services.setup.county_info`` (what the pages showed before)."""
        return {"county": self.county, "fingerprint": self.fingerprint,
                "fingerprint_groups": self.fingerprint_groups, "key_protected": self.key_protected}


def open_county_workspace(db_path) -> CountyWorkspace:
    """Open the bureau's database; raises TaizhangError (and closes it) when it is not a county install."""
    from desktop.core.services import setup

    db = open_db(db_path)
    try:
        info = setup.county_info(db)
    except BaseException:
        db.close()
        raise
    return CountyWorkspace(db, str(db_path), info["county"], info["fingerprint"], info["fingerprint_groups"],
                           info["key_protected"])


def close_county_workspace(ws: CountyWorkspace) -> None:
    ws.db.close()


def open_database(db_path):
    """A plain connection for a one-shot face (a CLI command); the caller closes it."""
    return open_db(db_path)


@contextmanager
def own_connection(db_path) -> Iterator[object]:
    """A fresh connection to ``db_path`` for one job (a worker thread's own), closed when the job ends."""
    db = open_db(db_path)
    try:
        yield db
    finally:
        db.close()


def school_workspace_on(ws, db):
    """The same school workspace facts (school, plan, period, tasks) over another connection ``db``.

    For a job on a worker thread: take the copy on the GUI thread (``db=None``, so a later period switch does
    not change what the job works on), then bind the job's own connection to it."""
    import dataclasses

    return dataclasses.replace(ws, db=db)
