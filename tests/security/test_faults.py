"""Power cuts, full disks, read-only folders and bad database files (issue 8): nothing lost, nothing half-written."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import zipfile

import pytest

from desktop.core import services
from desktop.core.db import connection
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge
from desktop.core.signing import identity


def _integrity(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _read_until(proc, line: str) -> None:
    """Read the child's readiness lines until ``line``: the child says when it is where we want to kill it."""
    for got in proc.stdout:
        if got.strip() == line:
            return
    raise AssertionError(f"the child ended before printing {line!r} (exit code {proc.wait()})")


def _kill(proc) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()


# what `taizhang merge` does (services.intake.merge_files), saying after each committed file how many are in
_MERGE = """
import sys
from desktop.core import services
from desktop.core.db.connection import open_db
db = open_db(sys.argv[1])
services.intake.merge_files(db, [sys.argv[2]], progress=lambda n, _outcome: print(f"merged {n}", flush=True))
"""


@pytest.mark.slow
def test_kill_during_merge_loses_at_most_the_file_in_flight(fleet_factory, tmp_path):
    make_county, write_reports = fleet_factory
    db_path, plan = make_county(tmp_path / "county", 150)
    write_reports(tmp_path / "reports", plan, 150)
    proc = subprocess.Popen([sys.executable, "-c", _MERGE, str(db_path), str(tmp_path / "reports")],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    _read_until(proc, "merged 20")
    _kill(proc)
    assert proc.returncode == -signal.SIGKILL, "the merge finished before it could be killed"
    assert _integrity(db_path) == "ok"
    db = open_db(db_path)
    merged = db.execute("SELECT COUNT(*) FROM submissions WHERE outcome = 'accepted'").fetchone()[0]
    assert 0 < merged < 150
    # every accepted file is complete: all 40 entries, nothing partial from the file in flight
    per_school = db.execute("SELECT COUNT(*) FROM entries GROUP BY school_code").fetchall()
    assert {n for (n,) in per_school} == {40} and len(per_school) == merged
    # the next run continues where it stopped
    results = merge.merge_paths(db, [tmp_path / "reports"])
    assert sum(r.outcome == "accepted" for r in results) == 150 - merged
    assert sum(r.outcome == "duplicate" for r in results) == merged
    db.close()


_AUTOSAVE_LOOP = """
import sys
from desktop.core import services
from desktop.core.records import entries
from desktop.core.db.connection import open_db
db = open_db(sys.argv[1])
code = db.execute("SELECT school_code FROM identity").fetchone()[0]
plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
period = services.reporting.default_period(db)
tasks = [t["task_id"] for t in services.reporting.school_tasks(db)]
i = 0
print("ready", flush=True)
while True:
    entries.save_entry(db, code, plan, tasks[i % len(tasks)], period, narrative=f"第{i}次保存", progress=i % 101)
    i += 1
    print(f"saved {i}", flush=True)
"""


@pytest.mark.slow
def test_kill_during_autosave_keeps_a_consistent_database(world):
    school_db = sorted((world / "schools").glob("*.db"))[0]
    proc = subprocess.Popen([sys.executable, "-c", _AUTOSAVE_LOOP, str(school_db)], stdout=subprocess.PIPE, text=True)
    _read_until(proc, "saved 50")
    _kill(proc)
    assert _integrity(school_db) == "ok"
    db = open_db(school_db)
    narratives = [n for (n,) in db.execute("SELECT narrative FROM entries WHERE narrative LIKE '第%次保存'")]
    assert narratives, "no autosave reached the database"
    # the next run can export what was saved
    services.reporting.export_report(db, world / "after-crash.xlsx")
    db.close()
    assert services.files.verify_files([world / "after-crash.xlsx"])[0]["valid"]


_EXPORT_LOOP = """
import sys
from desktop.core import services
from desktop.core.db.connection import open_db
db = open_db(sys.argv[1])
print("ready", flush=True)
for i in range(10000):
    services.reporting.export_report(db, sys.argv[2])
    print(f"exported {i + 1}", flush=True)
"""


@pytest.mark.slow
def test_kill_during_export_leaves_old_file_or_new_file(world):
    school_db = sorted((world / "schools").glob("*.db"))[0]
    target = world / "out.xlsx"
    proc = subprocess.Popen([sys.executable, "-c", _EXPORT_LOOP, str(school_db), str(target)], stdout=subprocess.PIPE,
                            text=True)
    _read_until(proc, "exported 1")  # the target exists; the second export is in flight
    _kill(proc)
    assert target.exists() and services.files.verify_files([target])[0]["valid"]
    assert _integrity(school_db) == "ok"
    leftovers = [p.name for p in world.iterdir() if p.name.endswith(".part")]
    # a temp file from the export in flight may remain, never the target half-written; the next export works
    assert all(p.startswith(".") for p in leftovers)
    db = open_db(school_db)
    m = services.reporting.export_report(db, target)
    db.close()
    assert services.files.verify_files([target])[0]["revision"] == m["revision"]


@pytest.mark.slow
def test_kill_during_migration_leaves_the_old_version(tmp_path, extra_migration):
    """A migration runs in one transaction: killed half-way, the file keeps the previous version."""
    path = tmp_path / "m.db"
    connection.open_db(path, create=True).close()
    insert = ("INSERT INTO big SELECT randomblob(2000) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1"
              " FROM c WHERE i < 5000) SELECT i FROM c);\n")
    # migrating() prints the readiness line from inside the migration's transaction, after its first insert
    body = "CREATE TABLE big (x);\n" + insert + "SELECT migrating();\n" + insert * 200
    slow, n = extra_migration(body, "slow")
    code = ("import sqlite3, sys\nfrom pathlib import Path\nfrom desktop.core.db import connection\n"
            "connect = sqlite3.connect\n"
            "def said(*a, **k):\n"
            "    conn = connect(*a, **k)\n"
            "    conn.create_function('migrating', 0, lambda: print('migrating', flush=True))\n"
            "    return conn\n"
            "sqlite3.connect = said\n"
            f"connection.migrations_dir = lambda: Path({str(slow)!r})\nconnection.open_db(sys.argv[1])\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    _read_until(proc, "migrating")
    assert proc.poll() is None, "the migration finished before it could be killed"
    _kill(proc)
    assert _integrity(path) == "ok"
    db = connection.open_db(path)  # the real migrations: the file is at the previous version, and opens
    assert db.execute("PRAGMA user_version").fetchone()[0] == n - 1
    assert not db["big"].exists()
    db.close()


def test_export_to_a_read_only_folder_is_a_clear_error(world, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions; the disk-full test covers the same path")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    db = open_db(sorted((world / "schools").glob("*.db"))[0])
    with pytest.raises(TaizhangError, match="无法写入"):
        services.reporting.export_report(db, ro / "r.xlsx")
    db.close()
    assert list(ro.iterdir()) == []


def test_disk_full_on_export_is_a_clear_error_and_leaves_nothing(world, monkeypatch):
    school_db = sorted((world / "schools").glob("*.db"))[0]
    db = open_db(school_db)
    revisions_before = db.execute("SELECT COUNT(*) FROM exports").fetchone()[0]
    real = zipfile.ZipFile.writestr

    def full(self, name, data, *a, **k):
        if str(getattr(name, "filename", name)).startswith("taizhang/"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, name, data, *a, **k)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    with pytest.raises(TaizhangError, match="No space left"):
        services.reporting.export_report(db, world / "full.xlsx")
    monkeypatch.undo()
    assert not (world / "full.xlsx").exists()
    assert not [p for p in world.iterdir() if p.name.endswith(".part")]
    assert db.execute("SELECT COUNT(*) FROM exports").fetchone()[0] == revisions_before
    db.close()


def test_corrupt_database_is_a_clear_error_and_left_as_it_was(world, tmp_path):
    path = sorted((world / "schools").glob("*.db"))[0]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'identity'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size  # a damaged page every command reads (the identity table), after the header
    data[start:start + page_size] = os.urandom(page_size)
    path.write_bytes(bytes(data))
    proc = subprocess.run([sys.executable, "-m", "desktop", "export", "--db", str(path), "-o", str(tmp_path / "r.xlsx")],
                          capture_output=True, text=True)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "损坏" in proc.stderr
    assert path.read_bytes() == bytes(data)
    assert not (tmp_path / "r.xlsx").exists()


def test_backup_while_another_process_writes_is_consistent(world):
    school_db = sorted((world / "schools").glob("*.db"))[0]
    proc = subprocess.Popen([sys.executable, "-c", _AUTOSAVE_LOOP, str(school_db)], stdout=subprocess.PIPE, text=True)
    try:
        copies = []
        for i in range(3):
            _read_until(proc, f"saved {20 * (i + 1)}")  # the writer is busy between the copies
            copies.append(services.files.backup(school_db, world / f"copy{i}.db"))
    finally:
        proc.kill()
        proc.wait()
    for copy in copies:
        assert _integrity(copy) == "ok"
        db = open_db(copy)
        assert identity.load(db).role == "school"
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] > 0
        db.close()


def test_restore_from_backup_round_trip(world):
    school_db = sorted((world / "schools").glob("*.db"))[0]
    services.files.backup(school_db, world / "backup.db")
    db = open_db(school_db)
    before = db.execute("SELECT * FROM entries ORDER BY task_id").fetchall()
    db.execute("DELETE FROM entries")
    db.close()
    restored = world / "restored.db"
    services.files.backup(world / "backup.db", restored)  # restoring is copying the backup back into place
    db = open_db(restored)
    assert db.execute("SELECT * FROM entries ORDER BY task_id").fetchall() == before
    db.close()


def test_passphrase_protected_school_key(world, tmp_path):
    services.setup.school_init(world / "plan.xlsx", sorted(p.stem for p in (world / "reports").glob("*.xlsx"))[0],
                         tmp_path / "locked.db", passphrase="正确的口令", county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    db = open_db(tmp_path / "locked.db")
    with pytest.raises(TaizhangError, match="口令"):
        services.reporting.export_report(db, tmp_path / "r.xlsx")
    with pytest.raises(TaizhangError, match="口令不正确"):
        services.reporting.export_report(db, tmp_path / "r.xlsx", passphrase="错误")
    services.reporting.export_report(db, tmp_path / "r.xlsx", passphrase="正确的口令")
    db.close()
    assert services.files.verify_files([tmp_path / "r.xlsx"])[0]["valid"]
    assert not (tmp_path / "r.xlsx.part").exists()
