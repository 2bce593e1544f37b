"""Upgrade path: a school's data file written by release 0.1.0 opens in this build with its data intact.

tests/fixtures/release-0.1.0-school.db was made once by tests/fixtures/make_release_fixture.py at
release 0.1.0 (schema 1, migration 0001 only) and is never regenerated: it stands for the files
schools already have. Opening a copy applies every later migration; these tests prove the data
survives and the upgraded file still works for what a school does next (edit, export).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.db import connection, settings
from desktop.core.errors import TaizhangError
from desktop.core.records import entries, evidence
from desktop.core.roster import store as roster_store
from desktop.core.signing import crypto, identity, trust
from desktop.core.tasklist import store as task_store

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "release-0.1.0-school.db"
PERIOD = "2026年上半年"
# what migration 0006 (the year as a cycle) added, to make a file of an earlier schema from a fresh one
UNDO_CYCLE = ("DROP TABLE plan_changes; ALTER TABLE entries DROP COLUMN carried_from;"
              " ALTER TABLE entries DROP COLUMN carried_confirmed; ALTER TABLE tasks DROP COLUMN evidence_rule;"
              " ALTER TABLE targets DROP COLUMN definition;")
# what 0009 (evidence bytes in a table of their own) added: evidence_bytes, its bytes moved back into evidence.data
UNDO_EVIDENCE_BYTES = (
    "UPDATE evidence SET data = (SELECT b.data FROM evidence_bytes b WHERE b.sha256 = evidence.sha256)"
    " WHERE sha256 IN (SELECT sha256 FROM evidence_bytes); DROP TABLE evidence_bytes;")
# what 0008 (evidence stored once) added: evidence's reference columns (a column with REFERENCES cannot be
# dropped, so the table is rebuilt as 0001 made it); 0009 is undone first
UNDO_EVIDENCE_REFS = UNDO_EVIDENCE_BYTES + (
    "CREATE TABLE evidence_7 (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, mime TEXT NOT NULL DEFAULT"
    " 'application/octet-stream', data BLOB NOT NULL, added_at TEXT NOT NULL);"
    " INSERT INTO evidence_7 SELECT sha256, size, mime, data, added_at FROM evidence;"
    " DROP TABLE evidence; ALTER TABLE evidence_7 RENAME TO evidence;")
# what 0007 (the city role) added: its tables, and 'city' among identity's roles
UNDO_CITY = ("DROP TABLE county_exports; DROP TABLE county_submissions; DROP TABLE county_rollups;"
             " CREATE TABLE identity_old (id INTEGER PRIMARY KEY CHECK (id = 1),"
             " role TEXT NOT NULL CHECK (role IN ('county', 'school')), county TEXT NOT NULL, school_code TEXT,"
             " school_name TEXT, public_key BLOB NOT NULL, private_key BLOB NOT NULL, key_protected INTEGER NOT NULL"
             " DEFAULT 0, created_at TEXT NOT NULL); INSERT INTO identity_old SELECT * FROM identity;"
             " DROP TABLE identity; ALTER TABLE identity_old RENAME TO identity;")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def upgraded(tmp_path):
    """A copy of the release fixture, opened (and so migrated) by this build; the fixture is untouched."""
    before = _sha256(FIXTURE)
    copy = tmp_path / "school.db"
    shutil.copyfile(FIXTURE, copy)
    db = connection.open_db(copy)
    yield db
    db.close()
    assert _sha256(FIXTURE) == before, "the committed fixture must never be written to"


def test_fixture_is_a_release_0_1_0_file():
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    finally:
        conn.close()


def test_opening_applies_every_migration_and_the_file_stays_sound(upgraded):
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version()
    assert upgraded.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    assert upgraded.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_the_upgraded_file_changes_nothing(tmp_path):
    copy = tmp_path / "school.db"
    shutil.copyfile(FIXTURE, copy)
    connection.open_db(copy).close()
    db = connection.open_db(copy)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version()
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 6
    finally:
        db.close()


def test_identity_and_keys_survive(upgraded):
    ident = identity.load(upgraded, role="school")
    assert (ident.county, ident.school_code, ident.school_name) == ("示例县", "SLX001", "示例县城关第一小学")
    assert not ident.key_protected
    assert crypto.public_raw(ident.private_key()) == ident.public_key  # the key pair still matches
    county_fp = json.loads(upgraded.execute(
        "SELECT detail FROM audit_log WHERE action = 'school.init'").fetchone()[0])["county_fingerprint"]
    pinned = trust.pinned_key(upgraded, "county", "示例县")
    assert pinned is not None and crypto.fingerprint(pinned) == county_fp


def test_plan_roster_and_periods_survive(upgraded):
    plan = task_store.current_plan(upgraded)
    assert plan["title"] == "示例县教育局2026年工作要点"
    assert plan["version"] == 1 and len(plan["digest"]) == 64
    nodes = task_store.plan_tasks(upgraded, plan["id"])
    assert len(nodes) == 10 and sum(n["is_heading"] for n in nodes) == 3
    mine = services.reporting.school_tasks(upgraded)
    assert [t["path"] for t in mine] == [["一", "（一）"], ["一", "（二）"], ["二", "（一）", "1"], ["二", "（一）", "2"],
                                         ["三", "1"], ["三", "2"]]
    sport = next(t for t in mine if t["path"] == ["二", "（一）", "2"])
    assert sport["deadline"] == "2026-09" and sport["units"] == ["体卫艺股"]
    assert [(x["value"], x["unit"], x["placeholder"]) for x in sport["targets"]] == [("1", "小时", False),
                                                                                    (None, "所", True)]
    assert [s["code"] for s in roster_store.schools(upgraded)] == ["SLX001", "SLX002", "SLX003"]
    assert [p["name"] for p in roster_store.periods(upgraded)] == [PERIOD, "2026年全年"]


def test_entries_and_indicator_values_survive(upgraded):
    plan = task_store.current_plan(upgraded)
    by_path = {tuple(t["path"]): t["task_id"] for t in services.reporting.school_tasks(upgraded)}
    got = entries.get_entries(upgraded, "SLX001", plan["id"], PERIOD)
    assert len(got) == 6
    first = got[by_path[("一", "（一）")]]
    assert (first["status"], first["progress"]) == ("已完成", 100)
    assert first["narrative"] == "每月集中学习2次，上半年累计12次；开展专题研讨2次。"
    assert first["indicators"] == [{"seq": 1, "value": "2"}, {"seq": 2, "value": "2"}]
    edited_after_export = got[by_path[("二", "（一）", "2")]]
    assert (edited_after_export["status"], edited_after_export["progress"]) == ("进行中", 20)
    assert edited_after_export["problems"] == "操场改造施工中，场地不足。"
    assert got[by_path[("三", "1")]]["next_steps"] == "-下季度重点排查食堂和宿舍。"
    assert got[by_path[("三", "2")]]["na_reason"] == "该项工作由教育局统一实施"
    assert {e["status"] for e in got.values()} == {"已完成", "进行中", "不适用"}


def test_evidence_blobs_survive_byte_for_byte(upgraded):
    plan = task_store.current_plan(upgraded)
    files = evidence.list_evidence(upgraded, "SLX001", plan["id"], PERIOD)
    assert sorted(f["name"] for f in files) == ["会议纪要.txt", "学习现场.png"]
    for f in files:
        data = evidence.evidence_bytes(upgraded, f["sha256"])
        assert hashlib.sha256(data).hexdigest() == f["sha256"] and len(data) == f["size"]
    png = next(f for f in files if f["name"] == "学习现场.png")
    assert png["mime"] == "image/png" and evidence.evidence_bytes(upgraded, png["sha256"]).startswith(b"\x89PNG")


def test_export_history_and_settings_survive(upgraded):
    rows = upgraded.execute("SELECT period, revision, file_name, length(sha256) FROM exports").fetchall()
    assert rows == [(PERIOD, 1, f"SLX001-{PERIOD}.xlsx", 64)]
    assert settings.get_setting(upgraded, "school.period") == PERIOD
    assert [a for (a,) in upgraded.execute("SELECT action FROM audit_log ORDER BY id")] == ["school.init", "export"]


def test_the_upgraded_file_keeps_working(upgraded, tmp_path):
    """What the school does next after upgrading: edit, then export revision 2, which verifies."""
    plan = task_store.current_plan(upgraded)
    task = services.reporting.school_tasks(upgraded)[1]["task_id"]
    entries.save_entry(upgraded, "SLX001", plan["id"], task, PERIOD, status="已完成", progress=100)
    photo = tmp_path / "升级后的照片.jpg"  # stored the new way (evidence_bytes) beside the files stored before
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 64)
    evidence.add_evidence(upgraded, "SLX001", plan["id"], task, PERIOD, photo)
    out = tmp_path / "report.xlsx"
    manifest = services.reporting.export_report(upgraded, out, period=PERIOD)
    assert manifest["revision"] == 2
    assert sorted(e["name"] for e in manifest["evidence"]) == sorted(["会议纪要.txt", "学习现场.png", "升级后的照片.jpg"])
    [result] = services.files.verify_files([out])
    assert result["valid"], result["reason"]
    assert (result["school"], result["revision"]) == ("SLX001", 2)


def test_a_later_migration_applies_to_the_release_file(tmp_path, monkeypatch, extra_migration):
    """A migration after today's last one (here a probe that adds a column and backfills it from existing
    rows) applies to the release file too, data and all."""
    mig, n = extra_migration("ALTER TABLE entries ADD COLUMN probe TEXT NOT NULL DEFAULT '';\n"
                             "UPDATE entries SET probe = status || ':' || progress;\n", "probe")
    monkeypatch.setattr(connection, "migrations_dir", lambda: mig)
    copy = tmp_path / "school.db"
    shutil.copyfile(FIXTURE, copy)
    db = connection.open_db(copy)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == n
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert sorted(p for (p,) in db.execute("SELECT probe FROM entries")) == [
            "不适用:0", "已完成:100", "已完成:100", "进行中:20", "进行中:50", "进行中:60"]
    finally:
        db.close()


def test_plan_versions_from_the_release_file_fall_back_to_the_current_tasks(upgraded):
    """Migration 0002 gives versions published before it an empty task list; the merge then uses the plan's
    current tasks, as the release did."""
    assert {r[0] for r in upgraded.execute("SELECT task_ids FROM plan_versions")} == {"[]"}


def test_export_files_after_upgrade_old_exports_are_listed_as_not_kept_and_new_ones_are_kept(upgraded, tmp_path):
    """Migration 0003 (export_files): the release file's export stays in 导出记录 without its bytes; the
    next export keeps its exact bytes and can be saved again."""
    assert upgraded.execute("SELECT COUNT(*) FROM export_files").fetchone()[0] == 0
    [old] = services.reporting.export_history(upgraded)
    assert (old["revision"], old["kept"]) == (1, False)
    out = tmp_path / "r2.xlsx"
    services.reporting.export_report(upgraded, out, period=PERIOD)
    again = tmp_path / "again.xlsx"
    services.reporting.save_export_again(upgraded, again, revision=2, period=PERIOD)
    assert again.read_bytes() == out.read_bytes()
    with pytest.raises(TaizhangError):
        services.reporting.save_export_again(upgraded, tmp_path / "x.xlsx", revision=1, period=PERIOD)


def test_keys_pinned_before_first_contact_rules_are_unconfirmed(upgraded):
    """Migration 0004: a key trusted on first use only says so; the enrolment table is there and empty."""
    rows = upgraded.execute("SELECT owner_kind, status, confirmation FROM trusted_keys").fetchall()
    assert rows and all(r[2] == "unconfirmed" for r in rows)
    assert upgraded.execute("SELECT COUNT(*) FROM enrolment_codes").fetchone()[0] == 0


def test_the_review_migration_gives_the_release_file_empty_review_tables(upgraded):
    for table in ("reviews", "review_overall", "review_history", "feedback_received"):
        assert upgraded.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    assert upgraded.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 6


def test_a_county_file_of_the_previous_schema_upgrades_and_can_be_reviewed(world):
    """A county database with merged reports, as schema 4 left it (no review tables), opens with migration 0005
    applied, its merged data intact, and the review works on it."""
    import sqlite3

    path = world / "county.db"
    county = connection.open_db(path)
    services.intake.merge_files(county, [world / "reports"])
    county.close()
    conn = sqlite3.connect(path)
    conn.executescript(UNDO_EVIDENCE_REFS + UNDO_CITY + UNDO_CYCLE + "DROP TABLE reviews; DROP TABLE review_overall; DROP TABLE review_history;"
                       " DROP TABLE feedback_received; PRAGMA user_version = 4;")
    before = conn.execute("SELECT COUNT(*), group_concat(status) FROM entries").fetchone()
    conn.close()
    db = connection.open_db(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version()
        assert db.execute("SELECT COUNT(*), group_concat(status) FROM entries").fetchone() == before
        board = services.review.review_board(db, "SLX001")
        assert board["tasks"] and all(r["state"] == "未审核" for r in board["tasks"])
        task = board["tasks"][0]["task_id"]
        board = services.review.decide(db, "SLX001", "通过", task_id=task, reviewer="张三")
        assert board["tasks"][0]["state"] == "通过" and board["tasks"][0]["reviewer"] == "张三"
    finally:
        db.close()


def test_the_cycle_migration_gives_old_entries_no_carried_mark_and_tasks_the_default_rule(upgraded):
    assert upgraded.execute("SELECT COUNT(*) FROM entries WHERE carried_from IS NULL AND carried_confirmed = 0"
                            ).fetchone()[0] == 6
    rules = {r[0] for r in upgraded.execute("SELECT evidence_rule FROM tasks").fetchall()}
    assert rules == {"可选"}
    assert {r[0] for r in upgraded.execute("SELECT definition FROM targets").fetchall()} <= {""}
    assert upgraded.execute("SELECT COUNT(*) FROM plan_changes").fetchone()[0] == 0


def test_a_county_file_of_schema_5_upgrades_to_the_cycle_and_keeps_its_merged_data(world):
    """A county database with merged reports as schema 5 left it opens with 0006 applied, its entries intact and
    none of them carried; the summary still computes."""
    import sqlite3

    path = world / "county.db"
    county = connection.open_db(path)
    services.intake.merge_files(county, [world / "reports"])
    county.close()
    conn = sqlite3.connect(path)
    conn.executescript(UNDO_EVIDENCE_REFS + UNDO_CITY + UNDO_CYCLE + "PRAGMA user_version = 5;")
    before = conn.execute("SELECT COUNT(*), group_concat(status) FROM entries").fetchone()
    conn.close()
    db = connection.open_db(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version()
        assert db.execute("SELECT COUNT(*), group_concat(status) FROM entries").fetchone() == before
        assert db.execute("SELECT COUNT(*) FROM entries WHERE carried_from IS NOT NULL").fetchone()[0] == 0
        summary = world / "summary.xlsx"
        services.standing.write_summary(db, summary)
        assert summary.is_file()
    finally:
        db.close()


def test_a_county_file_of_schema_6_upgrades_to_the_city_schema_and_exports(world, tmp_path):
    """A county database as schema 6 left it (identity without the city role, no county tables) opens with the
    city migration applied: its identity and merged data intact, and it writes a county package."""
    path = world / "county.db"
    county = connection.open_db(path)
    services.intake.merge_files(county, [world / "reports"])
    ident_before = county.execute("SELECT role, county, public_key, private_key FROM identity").fetchone()
    county.close()
    conn = sqlite3.connect(path)
    conn.executescript(UNDO_EVIDENCE_REFS + UNDO_CITY + "PRAGMA user_version = 6;")
    before = conn.execute("SELECT COUNT(*), group_concat(status) FROM entries").fetchone()
    conn.close()
    db = connection.open_db(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version()
        assert db.execute("SELECT role, county, public_key, private_key FROM identity").fetchone() == ident_before
        assert db.execute("SELECT COUNT(*), group_concat(status) FROM entries").fetchone() == before
        assert "'city'" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'identity'").fetchone()[0]
        m = services.rollup.county_export(db, tmp_path / "county.xlsx")
        assert m["revision"] == 1 and len(m["reports"]) == 4
    finally:
        db.close()


def test_the_release_file_upgrades_to_the_city_schema(upgraded):
    assert upgraded.execute("SELECT role FROM identity").fetchone()[0] == "school"
    for table in ("county_exports", "county_submissions", "county_rollups"):
        assert upgraded.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_a_file_says_how_many_migrations_opening_it_would_apply_without_being_changed(tmp_path):
    """The GUI asks before opening, to run a long upgrade off its thread: the look itself writes nothing."""
    copy = tmp_path / "school.db"
    shutil.copyfile(FIXTURE, copy)
    assert connection.pending_migrations(copy) == connection.schema_version() - 1
    assert _sha256(copy) == _sha256(FIXTURE)
    connection.open_db(copy).close()
    assert connection.pending_migrations(copy) == 0
    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    assert connection.pending_migrations(tmp_path / "notes.txt") == 0  # open_db says what is wrong with it
    assert connection.pending_migrations(tmp_path / "missing.db") == 0
