"""Migration 0008's Python step on a bureau file written at schema 7, where every evidence file was stored twice
(inside the archived report and again in evidence.data): opened by this build, each evidence byte is stored once
and everything that reads the bytes still works."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3

import pytest

from desktop.core import services
from desktop.core.db import connection, upgrades
from desktop.core.intake import merge, provenance
from desktop.core.intake import store as intake_store
from desktop.core.package.container import verify_package
from desktop.core.records import evidence
from tests.core.db.test_upgrade import UNDO_EVIDENCE_REFS


def _repack(path, page_size: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA page_size = {page_size}")
        conn.execute("VACUUM")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def _btrees(path) -> int:
    """How many tables and indexes the file holds (each takes at least one page)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE rootpage > 0").fetchone()[0]
    finally:
        conn.close()


def _as_schema_7(path, bytes_of: dict[str, bytes]) -> None:
    """Turn a merged bureau file back into what schema 7 kept: every evidence file's bytes in evidence.data."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for sha, data in bytes_of.items():
            conn.execute("UPDATE evidence SET data = ? WHERE sha256 = ?", [data, sha])
        conn.executescript(UNDO_EVIDENCE_REFS + "PRAGMA user_version = 7;")
    finally:
        conn.close()
    _repack(path, 4096)  # files of schema 7 were made with SQLite's 4 KiB pages


@pytest.fixture
def schema_7_county(world, tmp_path):
    """A bureau file at schema 7 with the demo reports merged and their evidence kept twice; and the bytes."""
    code = sorted(p.stem for p in (world / "reports").glob("*.xlsx"))[0]
    school = connection.open_db(world / "schools" / f"{code}.db")
    plan = school.execute("SELECT plan_id FROM plans").fetchone()[0]
    period = services.reporting.default_period(school)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(300 << 10))  # big enough to show in the file's size
    evidence.add_evidence(school, code, plan, services.reporting.school_tasks(school)[0]["task_id"], period, photo)
    services.reporting.export_report(school, world / "reports" / f"{code}.xlsx", period=period)
    school.close()
    db = connection.open_db(world / "county.db")
    merge.merge_paths(db, [world / "reports"])
    shas = [r[0] for r in db.execute("SELECT sha256 FROM evidence ORDER BY sha256")]
    bytes_of = {sha: evidence.evidence_bytes(db, sha) for sha in shas}
    db.close()
    assert bytes_of, "the demo reports carry evidence"
    path = tmp_path / "county-7.db"
    shutil.copyfile(world / "county.db", path)
    for suffix in ("-wal", "-shm"):
        if (world / f"county.db{suffix}").exists():
            shutil.copyfile(world / f"county.db{suffix}", tmp_path / f"county-7.db{suffix}")
    _as_schema_7(path, bytes_of)
    return path, bytes_of


def test_opening_a_schema_7_bureau_file_stores_each_evidence_byte_once(schema_7_county):
    path, bytes_of = schema_7_county
    twin = path.with_name("same-file-bigger-pages.db")  # what the file takes in the new pages, before any move
    shutil.copyfile(path, twin)
    _repack(twin, connection.PAGE_SIZE)
    before = twin.stat().st_size
    trees_before = _btrees(twin)
    db = connection.open_db(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version()
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        # compacted into the bigger pages new files get, and back in WAL mode
        assert db.execute("PRAGMA page_size").fetchone()[0] == connection.PAGE_SIZE
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # no copy left: each file is a reference into the archived report it came in
        assert db.execute("SELECT COUNT(*) FROM evidence WHERE archive_sha256 IS NULL OR length(data) > 0"
                          ).fetchone()[0] == 0
        methods = {m for (m,) in db.execute("SELECT DISTINCT member_method FROM evidence")}
        assert methods == {0, 8}  # the photo was stored as it is, text files deflated: read back inflated
        for sha, data in bytes_of.items():
            assert evidence.evidence_bytes(db, sha) == data
            with evidence.open_evidence_blob(db, sha) as stream:
                assert b"".join(iter(lambda s=stream: s.read(7), b"")) == data  # small reads across the range
        # the archived originals are whole: they verify again, and trace still names them
        for sha, in db.execute("SELECT sha256 FROM archive").fetchall():
            original = intake_store.file_from_archive(db, sha)
            assert hashlib.sha256(original).hexdigest() == sha
            verify_package(original, expect_kind="report", file_sha256=sha)
        school, task = db.execute("SELECT school_code, task_id FROM entry_evidence LIMIT 1").fetchone()
        [period] = provenance.trace(db, school, task)["periods"]
        assert all(v["source"]["archived"] for v in period["versions"])
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    new_trees = _btrees(path) - trees_before  # tables (and their keys) later migrations made: a page each, empty
    assert path.stat().st_size <= before - 0.9 * sum(len(d) for d in bytes_of.values()) + new_trees * connection.PAGE_SIZE


def test_a_copy_whose_bytes_are_not_in_any_archived_file_is_kept(schema_7_county):
    path, bytes_of = schema_7_county
    sha = sorted(bytes_of)[0]
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE evidence SET size = size + 1 WHERE sha256 = ?", [sha])  # no member is this file
    conn.close()
    db = connection.open_db(path)
    try:
        row = db.execute("SELECT archive_sha256, length(data) FROM evidence WHERE sha256 = ?", [sha]).fetchone()
        assert row == (None, len(bytes_of[sha]))
        assert db.execute("SELECT COUNT(*) FROM evidence WHERE archive_sha256 IS NOT NULL").fetchone()[0] == \
            len(bytes_of) - 1
    finally:
        db.close()


def test_the_step_runs_in_its_migrations_transaction(schema_7_county, monkeypatch):
    """A step that fails rolls its migration back: the file stays at schema 7 with its copies."""
    path, bytes_of = schema_7_county

    def broken(conn):
        upgrades.evidence_into_archive(conn)
        raise RuntimeError("power cut")

    monkeypatch.setitem(upgrades.STEPS, 8, broken)
    with pytest.raises(RuntimeError):
        connection.open_db(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
        assert conn.execute("SELECT SUM(length(data)) FROM evidence").fetchone()[0] == \
            sum(len(d) for d in bytes_of.values())
    finally:
        conn.close()


def test_a_school_file_keeps_its_evidence_bytes(world):
    """School side there is no archive: the step finds nothing to move and nothing is compacted."""
    path = sorted((world / "schools").glob("*.db"))[0]
    db = connection.open_db(path)
    try:
        rows = db.execute("SELECT sha256, archive_sha256 FROM evidence").fetchall()
        assert rows and all(a is None for _, a in rows)
        for sha, _ in rows:
            assert hashlib.sha256(evidence.evidence_bytes(db, sha)).hexdigest() == sha
    finally:
        db.close()
