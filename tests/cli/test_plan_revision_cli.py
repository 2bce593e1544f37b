"""A revised plan on the school side (DESIGN §13, issue 17): the bureau publishes v2 with one task added, one
removed and one reworded; `school load` verifies it against the pinned county key and prints what changed; the
removed task's entries are archived (kept, traceable), the changed task is marked until seen; reports made on v1
still merge, and the school's next report is on v2."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.core import services
from desktop.core.db.connection import open_db

SCHOOL = "SLX001"
REWORDED = "开展教师信息技术应用能力专项培训，全员参训。"


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def ok(capsys, *args) -> str:
    code, out, err = cli(capsys, *args)
    assert code == 0, err
    return out


@pytest.fixture
def v2(world):
    """The bureau's plan v2: the second task removed, the third reworded, a task added after the last."""
    db = open_db(world / "county.db")
    try:
        plan_id = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        leaves = [t for t in services.tasklist.plan_tasks(db, plan_id) if not t["is_heading"]]
        removed, reworded, last = leaves[1], leaves[2], leaves[-1]
        services.tasklist.delete_node(db, plan_id, removed["task_id"])
        services.tasklist.update_task(db, plan_id, reworded["task_id"], text=REWORDED)
        added = services.tasklist.add_task_after(db, plan_id, last["task_id"], title="新增：开展校园安全专项排查")
        content = services.tasklist.publish(db, world / "plan-v2.xlsx")
    finally:
        db.close()
    assert content["plan"]["version"] == 2
    return world / "plan-v2.xlsx", removed, reworded, added


def test_loading_v2_prints_what_changed_and_the_entries_follow(world, v2, capsys):
    plan, removed, reworded, added = v2
    school = world / "schools" / f"{SCHOOL}.db"
    before = {r["task_id"]: r for r in json.loads(ok(capsys, "entry", "list", "--db", school, "--json"))}
    assert removed["task_id"] in before
    out = ok(capsys, "school", "load", plan, "--db", school)
    assert "第 2 版" in out and "新增 1 项，删除 1 项，修改 1 项" in out
    assert added in out and removed["title"] in out and "已存档" in out
    assert reworded["text"] in out and REWORDED in out  # the old and the new text

    rows = {r["task_id"]: r for r in json.loads(ok(capsys, "entry", "list", "--db", school, "--json"))}
    assert removed["task_id"] not in rows
    assert rows[added]["plan_change"] == "added" and rows[added]["status"] == "未开始"
    assert rows[reworded["task_id"]]["plan_change"] == "changed"
    assert rows[reworded["task_id"]]["narrative"] == before[reworded["task_id"]]["narrative"]  # its answer stays

    changes = {c["task_id"]: c for c in json.loads(ok(capsys, "school", "changes", "--db", school, "--json"))}
    [archived] = changes[removed["task_id"]]["archived"]
    assert archived["status"] == before[removed["task_id"]]["status"]
    assert archived["narrative"] == before[removed["task_id"]]["narrative"]
    assert changes[reworded["task_id"]]["old"]["text"] == reworded["text"]
    assert changes[reworded["task_id"]]["new"]["text"] == REWORDED

    ok(capsys, "school", "changes", "--db", school, "--seen", "--task", reworded["task_id"])
    rows = {r["task_id"]: r for r in json.loads(ok(capsys, "entry", "list", "--db", school, "--json"))}
    assert rows[reworded["task_id"]]["plan_change"] is None and rows[added]["plan_change"] == "added"
    assert "未看" in ok(capsys, "school", "changes", "--db", school)
    code, _, err = cli(capsys, "school", "load", plan, "--db", school)
    assert code != 0 and "已经载入过" in err  # once


def test_v1_reports_still_merge_and_the_next_report_is_on_v2(world, v2, capsys, tmp_path):
    plan, removed, _reworded, added = v2
    county, school = world / "county.db", world / "schools" / f"{SCHOOL}.db"
    merged = json.loads(ok(capsys, "merge", world / "reports", "--db", county, "--json"))
    assert {r["outcome"] for r in merged} == {"accepted"}  # every school's v1 report
    ok(capsys, "school", "load", plan, "--db", school)
    report = tmp_path / "v2-report.xlsx"
    ok(capsys, "export", "--db", school, "-o", report)
    [r] = json.loads(ok(capsys, "merge", report, "--db", county, "--json"))
    assert r["outcome"] == "accepted" and r["revision"] == 2
    db = open_db(county)
    try:
        tasks = {t for (t,) in db.execute("SELECT task_id FROM entries WHERE school_code = ?", [SCHOOL]).fetchall()}
        assert added in tasks and removed["task_id"] not in tasks
        # the v1 value of the removed task is still traceable in the bureau's history
        assert db.execute("SELECT COUNT(*) FROM entry_history WHERE school_code = ? AND task_id = ?",
                          [SCHOOL, removed["task_id"]]).fetchone()[0] == 1
    finally:
        db.close()


def test_a_broken_plan_file_is_refused_and_changes_nothing(world, capsys, tmp_path):
    """(A plan signed by another key is refused in tests/security/test_hostile_plans.py.)"""
    school = world / "schools" / f"{SCHOOL}.db"
    before = ok(capsys, "entry", "list", "--db", school, "--json")
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes((world / "plan.xlsx").read_bytes()[:-40])  # truncated: not a valid package
    code, _, err = cli(capsys, "school", "load", fake, "--db", school)
    assert code != 0 and err.strip() and "Traceback" not in err
    assert ok(capsys, "entry", "list", "--db", school, "--json") == before
    assert json.loads(ok(capsys, "school", "changes", "--db", school, "--json")) == []
