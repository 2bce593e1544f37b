"""Evidence rules and 口径说明 (DESIGN §13, issue 17): set in the bureau's plan review, published in the plan
workbook (additive manifest fields, shown in the 任务清单 sheet), shown to the school; the export check warns on
必需 without evidence, 不需 asks for none, and the summary counts 必需 missing."""

from __future__ import annotations

import json
import zipfile

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError

SCHOOL = "SLX001"
DEFINITION = "按参训教师人次计，同一教师多次参训只计一次"


def ok(capsys, *args) -> str:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


@pytest.fixture
def ruled(world):
    """Plan v2 of the demo: the first task 必需, the second 不需, a 口径说明 on the first target."""
    db = open_db(world / "county.db")
    try:
        plan_id = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        leaves = [t for t in services.tasklist.plan_tasks(db, plan_id) if not t["is_heading"]]
        required, not_needed = leaves[0]["task_id"], leaves[1]["task_id"]
        counted = next(t for t in leaves if t["targets"])
        services.tasklist.update_task(db, plan_id, required, evidence="必需")
        services.tasklist.update_task(db, plan_id, not_needed, evidence="不需")
        services.tasklist.update_target(db, plan_id, counted["task_id"], counted["targets"][0]["seq"],
                                        definition=DEFINITION)
        with pytest.raises(TaizhangError):
            services.tasklist.update_task(db, plan_id, required, evidence="必须")
        content = services.tasklist.publish(db, world / "plan-v2.xlsx")
    finally:
        db.close()
    return world / "plan-v2.xlsx", content, required, not_needed, counted["task_id"]


def test_the_rules_are_published_in_the_manifest_and_the_sheet(ruled):
    plan, _content, required, not_needed, counted = ruled
    with zipfile.ZipFile(plan) as zf:
        m = json.loads(zf.read("taizhang/manifest.json"))
    tasks = {t["task_id"]: t for t in m["tasks"]}
    assert tasks[required]["evidence"] == "必需" and tasks[not_needed]["evidence"] == "不需"
    assert "evidence" not in tasks[counted] or counted in (required, not_needed)  # 可选 is the default, unwritten
    assert tasks[counted]["targets"][0]["definition"] == DEFINITION
    rows = list(load_workbook(plan, read_only=True)["任务清单"].values)
    col = rows[0].index("佐证材料")
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id[required][col] == "必需" and by_id[not_needed][col] == "不需"
    assert DEFINITION in by_id[counted][rows[0].index("量化指标")]


def test_the_school_sees_the_rules_and_the_export_check_follows_them(ruled, world, capsys, tmp_path):
    plan, _content, required, not_needed, counted = ruled
    school = world / "schools" / f"{SCHOOL}.db"
    out = ok(capsys, "school", "load", plan, "--db", school)
    assert "佐证要求" in out  # the rule change is a change the school is told about
    for task in (required, not_needed):
        ok(capsys, "entry", "set", "--db", school, "--task", task, "--status", "已完成", "--narrative", "已完成。")
    rows = {r["task_id"]: r for r in json.loads(ok(capsys, "entry", "list", "--db", school, "--json"))}
    assert rows[required]["evidence_rule"] == "必需" and rows[not_needed]["evidence_rule"] == "不需"
    ws = services.reporting.open_workspace(school)
    try:
        board = {r["task_id"]: r for r in services.reporting.task_board(ws)}
        assert board[counted]["targets"][0]["definition"] == DEFINITION
        check = services.reporting.export_check(ws)
    finally:
        services.reporting.close_workspace(ws)
    codes = {(w["code"], w["task_id"]) for w in check["warnings"]}
    assert ("required_evidence", required) in codes
    assert not {c for c in codes if c[1] == not_needed and "evidence" in c[0]}
    assert board[required]["missing_evidence"] and not board[not_needed]["missing_evidence"]

    report = tmp_path / "r.xlsx"
    ok(capsys, "export", "--db", school, "-o", report)
    county = world / "county.db"
    [r] = json.loads(ok(capsys, "merge", report, "--db", county, "--json"))
    assert r["outcome"] == "accepted"
    db = open_db(county)
    try:
        data = services.standing.overview(db)
    finally:
        db.close()
    [row] = [p for p in data["per_school"] if p["code"] == SCHOOL]
    assert row["required_missing"] == [required] and not_needed not in row["no_evidence"]
    summary = tmp_path / "summary.xlsx"
    ok(capsys, "summary", "--db", county, "-o", summary)
    sheet = list(load_workbook(summary, read_only=True)["按学校"].values)
    assert next(x for x in sheet if x[1] == SCHOOL)[sheet[0].index("必需缺佐证")] == 1
