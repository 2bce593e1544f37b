"""One computation for the screen and the workbook: every figure the bureau overview shows is the one
the summary workbook writes, and the list of schools that miss a target follows the target's direction."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import services
from desktop.core.standing import figures, workbook
from desktop.core.words import STATUSES, Status


def _plan(db):
    return db.execute("SELECT plan_id FROM plans").fetchone()[0]


def _period(db):
    return db.execute("SELECT name FROM periods ORDER BY due_date LIMIT 1").fetchone()[0]


def _submit(db, school, plan_id, period, revision=1, created_at="2026-06-01T10:00:00+08:00"):
    sha = uuid.uuid4().hex * 2
    db.execute("INSERT INTO submissions (sha256, package_id, file_name, school_code, plan_id, period, revision,"
               " outcome, reason, reason_code, signer_fingerprint, created_at, received_at)"
               " VALUES (?, ?, 'f.xlsx', ?, ?, ?, ?, 'accepted', '', '', 'x', ?, ?)",
               [sha, str(uuid.uuid4()), school, plan_id, period, revision, created_at, created_at])
    return sha


def _entry(db, school, plan_id, period, task_id, status, sha):
    db.execute("INSERT INTO entries (school_code, plan_id, task_id, period, status, progress, narrative, problems,"
               " next_steps, na_reason, updated_at, revision, submission) VALUES (?, ?, ?, ?, ?, 0, '', '', '', '',"
               " '2026-06-01', 1, ?)", [school, plan_id, task_id, period, status, sha])


def _rows(ws, key_col=0):
    return {row[key_col]: row for row in ws.iter_rows(min_row=2, values_only=True)}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_overview_figure_is_the_one_in_the_workbook(county_db, data):
    db = county_db
    plan_id, period = _plan(db), _period(db)
    facts = figures.collect(db, plan_id, period)
    db.execute("BEGIN")
    try:
        db.execute("DELETE FROM entries")
        db.execute("DELETE FROM submissions")
        for s in facts["schools"]:
            if not data.draw(st.booleans(), label=f"reported {s['code']}"):
                continue
            sha = _submit(db, s["code"], plan_id, period, created_at=data.draw(
                st.sampled_from(["2026-06-01T10:00:00+08:00", "2026-12-30T10:00:00+08:00"])))
            for tid in facts["applicable"][s["code"]]:
                status = data.draw(st.sampled_from([None, *STATUSES]))
                if status is not None:
                    _entry(db, s["code"], plan_id, period, tid, status, sha)
        shown = services.standing.overview(db, period)
        wb = workbook.build_workbook(db, plan_id, period)
    finally:
        db.execute("ROLLBACK")
    by_school = _rows(wb["按学校"])
    for p in shown["per_school"]:
        row = by_school[p["code"]]
        assert row[7] == p["applicable"] and row[8] == p[f"n_{Status.DONE}"]
        assert row[9] == p["rate"]
        assert (row[6] == "逾期") == p["late"]
    by_task = _rows(wb["按任务"])
    for p in shown["per_task"]:
        row = by_task[p["task_id"]]
        assert row[3:9] == (p["applicable"], p[f"n_{Status.DONE}"], p[f"n_{Status.IN_PROGRESS}"],
                            p[f"n_{Status.NOT_STARTED}"], p[f"n_{Status.NOT_APPLICABLE}"], p["rate"])
    ws = wb["总体情况"]
    pairs = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 10)}
    assert pairs["已报送"] == shown["reported"] and pairs["未报送"] == len(shown["missing"])
    assert pairs["逾期报送"] == len(shown["late"])
    assert pairs["总体完成率"] == f"{shown['rate']:.1%}"
    assert {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(12, 16)} == \
        {str(k): v for k, v in shown["by_status"].items()}


TARGETS = [(91, "书面作业平均完成时间不超过90分钟", "90", "分钟"), (92, "建成标准化运动场不少于2处", "2", "处"),
           (93, "全县建成智慧校园20所", "20", "所")]


@pytest.fixture
def targets_reported(county_db):
    """Two schools report on a ceiling, a floor and a county-wide total."""
    db = county_db
    plan_id, period = _plan(db), _period(db)
    task_id = db.execute("SELECT task_id FROM tasks WHERE plan_id = ? AND is_heading = 0 ORDER BY seq LIMIT 1",
                         [plan_id]).fetchone()[0]
    (over, over_name), (under, under_name) = db.execute("SELECT code, name FROM schools ORDER BY code LIMIT 2").fetchall()
    db.execute("BEGIN")
    for seq, text, value, unit in TARGETS:
        db.execute("INSERT INTO targets (plan_id, task_id, seq, text, value, unit, placeholder)"
                   " VALUES (?, ?, ?, ?, ?, ?, 0)", [plan_id, task_id, seq, text, value, unit])
    for school, values in ((over, {91: "100", 92: "1", 93: "1"}), (under, {91: "80", 92: "3", 93: "25"})):
        sha = _submit(db, school, plan_id, period)
        for seq, value in values.items():
            db.execute("INSERT INTO indicator_values (school_code, plan_id, task_id, target_seq, period, value,"
                       " updated_at, submission) VALUES (?, ?, ?, ?, ?, ?, '', ?)",
                       [school, plan_id, task_id, seq, period, value, sha])
    db.execute("COMMIT")
    wb = workbook.build_workbook(db, plan_id, period)
    return {row[2]: row[9] for row in wb["量化指标"].iter_rows(min_row=2, values_only=True)}, over_name, under_name


def test_a_school_over_a_ceiling_is_listed_and_one_under_it_is_not(targets_reported):
    below, over, _under = targets_reported
    assert below[TARGETS[0][1]] == over


def test_a_school_below_a_floor_is_listed_and_one_above_it_is_not(targets_reported):
    below, over, _under = targets_reported
    assert below[TARGETS[1][1]] == over  # reported 1 of at least 2


def test_a_county_wide_total_is_not_compared_per_school(targets_reported):
    below, _, _ = targets_reported
    assert below[TARGETS[2][1]] == ""
