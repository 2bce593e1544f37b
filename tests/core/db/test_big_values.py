"""Big values (an evidence file, the exact bytes of an exported report) are streamed into the database: storing one
costs at most the page cache that holds it while it is written (``blobs._WRITE_CACHE_KIB``), never the value whole
in memory, let alone twice. Measured as the peak resident memory (VmHWM, Linux) of a process of its own, which only
the store moves (memory, unlike time, does not depend on the machine's load)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.db import blobs
from desktop.core.db.connection import open_db, transaction

ROOT = Path(__file__).resolve().parents[3]
SIZE = 100 << 20
# the page cache may hold the value while it is written (up to 64 MiB): 80 % of the file leaves room for that and
# for the process's own noise, and none for a whole copy of the file
LIMIT = 0.8

_CHILD = r"""
import json, sys
from desktop.core.db.connection import open_db, transaction
from desktop.core.records import evidence
from desktop.core.reporting import exports

def peak_kib():  # this process's own peak (ru_maxrss would count the parent it was forked from)
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))

db_path, what, big = sys.argv[1:4]
db = open_db(db_path)
plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
period = db.execute("SELECT name FROM periods").fetchone()[0]
task = db.execute("SELECT task_id FROM tasks ORDER BY task_id LIMIT 1").fetchone()[0]
school = db.execute("SELECT school_code FROM identity").fetchone()[0]
before = peak_kib()
if what == "evidence":
    sha = evidence.add_evidence(db, school, plan, task, period, big)
else:
    with transaction(db):
        exports.start(db, "p-1", plan, period, "report.xlsx")
        sha = exports.keep_file(db, "p-1", big)
grown = peak_kib() - before
print(json.dumps({"grown_kib": grown, "sha": sha}))
"""


@pytest.fixture
def school_db(world, tmp_path) -> Path:
    src = sorted((world / "schools").glob("*.db"))[0]
    dst = tmp_path / "school.db"
    db = open_db(src)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    dst.write_bytes(src.read_bytes())
    return dst


@pytest.fixture
def big_file(tmp_path) -> Path:
    path = tmp_path / "扫描件.pdf"
    with open(path, "wb") as fh:
        for _ in range(SIZE >> 20):
            fh.write(os.urandom(1 << 20))  # does not compress, as a scan or a video does not
    return path


def _store_in_child(db_path: Path, what: str, big: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(db_path), what, str(big)], capture_output=True,
                         text=True, env=env, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("what", ["evidence", "export"])
def test_storing_a_big_file_never_holds_it_whole_in_memory(school_db, big_file, what):
    """A school adds a 100 MB scan as evidence, or keeps the bytes of a report it exported: the process grows by
    less than the file (it grew by about 2.6 times the file when the row's BLOB was not its last column, or was
    written again by an UPDATE)."""
    from desktop.core.signing.crypto import sha256_file

    got = _store_in_child(school_db, what, big_file)
    assert got["grown_kib"] * 1024 < LIMIT * SIZE, f"grew by {got['grown_kib'] >> 10} MiB storing {SIZE >> 20} MiB"
    assert got["sha"] == sha256_file(big_file)
    db = open_db(school_db)
    try:
        if what == "evidence":
            from desktop.core.records import evidence

            with evidence.open_evidence_blob(db, got["sha"]) as stream:  # read back whole and checked
                assert sum(len(c) for c in iter(lambda: stream.read(1 << 20), b"")) == SIZE
        else:
            kept = db.execute("SELECT sha256, size, length(data) FROM export_files WHERE package_id = 'p-1'").fetchone()
            assert kept == (got["sha"], SIZE, SIZE)
    finally:
        db.close()


def test_a_blob_that_does_not_end_its_row_is_refused_before_a_row_is_written(tmp_path):
    """The rule behind the test above, for any table: a BLOB written in chunks must be its table's last column."""
    db = open_db(tmp_path / "t.db", create=True)
    try:
        db.execute("CREATE TABLE scratch (name TEXT, data BLOB, added TEXT)")
        with pytest.raises(ValueError, match="last column"), transaction(db):
            blobs.insert_bytes(db, "scratch", "data", {"name": "a", "added": "t"}, b"x" * 10)
        assert db.execute("SELECT COUNT(*) FROM scratch").fetchone()[0] == 0
    finally:
        db.close()
