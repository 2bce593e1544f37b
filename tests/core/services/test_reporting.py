"""School use cases behind the school GUI: workspace, board, autosave, checks, export."""

from __future__ import annotations

import pytest

from desktop.core import numbers, services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.reporting import checks
from desktop.core.roster import store as roster_store


@pytest.fixture
def ws(world, tmp_path):
    code = roster_store.schools(open_db(world / "county.db"))[0]["code"]
    path = tmp_path / "s.db"
    services.setup.school_init(world / "plan.xlsx", code, path, county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    w = services.reporting.open_workspace(path)
    yield w
    services.reporting.close_workspace(w)


def leaf(ws, pred=lambda r: True):
    return next(r for r in services.reporting.task_board(ws) if not r["is_heading"] and r["applies"] and pred(r))


def test_database_role(world, ws):
    assert services.setup.database_role(world / "county.db") == "county"
    assert services.setup.database_role(ws.path) == "school"


def test_preview_plan_tells_what_the_workbook_holds(world):
    p = services.setup.preview_plan(world / "plan.xlsx")
    assert p["county"] == "示例县" and len(p["fingerprint"]) == 64
    assert p["tasks"] > 0 and p["schools"] and p["periods"]


def test_preview_refuses_a_non_plan(world):
    with pytest.raises(TaizhangError):
        services.setup.preview_plan(next((world / "reports").iterdir()))


def test_board_holds_headings_and_tasks_in_order(ws):
    board = services.reporting.task_board(ws)
    assert any(r["is_heading"] for r in board)
    mine = [r["task_id"] for r in board if not r["is_heading"] and r["applies"]]
    db = ws.db
    assert mine == [t["task_id"] for t in services.reporting.school_tasks(db)]


def test_save_task_done_sets_progress_and_returns_fresh_row(ws):
    r = leaf(ws)
    row = services.reporting.save_task(ws, r["task_id"], status="已完成")
    assert row["entry"]["status"] == "已完成" and row["entry"]["progress"] == 100
    assert {w["code"] for w in row["warnings"]} >= {"done_no_narrative", "done_no_evidence"}
    row = services.reporting.save_task(ws, r["task_id"], status="已完成", progress=80)
    assert row["entry"]["progress"] == 80
    assert "done_progress" in {w["code"] for w in row["warnings"]}


def test_save_task_refuses_headings_and_unknown_tasks(ws):
    heading = next(r for r in services.reporting.task_board(ws) if r["is_heading"])
    with pytest.raises(TaizhangError):
        services.reporting.save_task(ws, heading["task_id"], status="已完成")
    with pytest.raises(TaizhangError):
        services.reporting.save_task(ws, "no-such-task", status="已完成")


def test_targets_below_and_above(ws):
    r = leaf(ws, lambda r: any(t["value"] for t in r["targets"]))
    t = next(t for t in r["targets"] if t["value"])
    low = str(float(t["value"]) - 1)
    row = services.reporting.set_achieved(ws, r["task_id"], t["seq"], low)
    codes = {w["code"] for w in row["warnings"]}
    assert codes & {"below_target", "above_limit"} == ({"above_limit"} if numbers.target_kind(t) is numbers.TargetKind.CEILING else
                                                       {"below_target"})
    with pytest.raises(TaizhangError):
        services.reporting.set_achieved(ws, r["task_id"], 99, "1")
    with pytest.raises(TaizhangError):
        services.reporting.set_achieved(ws, r["task_id"], t["seq"], "many")


def test_period_and_selection_are_remembered(ws):
    periods = [p["name"] for p in services.reporting.workspace_periods(ws)]
    other = next(p for p in periods if p != ws.period)
    services.reporting.set_period(ws, other)
    r = leaf(ws)
    services.reporting.remember_selected_task(ws, r["task_id"])
    path = ws.path
    services.reporting.close_workspace(ws)
    again = services.reporting.open_workspace(path)
    try:
        assert again.period == other
        assert services.reporting.selected_task(again) == r["task_id"]
        with pytest.raises(TaizhangError):
            services.reporting.set_period(again, "no such period")
    finally:
        services.reporting.close_workspace(again)
    ws.db = open_db(path)  # for the fixture's close


def test_export_check_blocks_on_na_without_reason_and_warns(ws):
    check = services.reporting.export_check(ws)
    assert check["errors"] == [] and check["warnings"][0]["code"] == "nothing_recorded"
    r = leaf(ws)
    services.reporting.save_task(ws, r["task_id"], status="不适用")
    check = services.reporting.export_check(ws)
    assert [e["code"] for e in check["errors"]] == ["na_no_reason"]
    assert check["errors"][0]["title"] == r["title"]
    services.reporting.save_task(ws, r["task_id"], na_reason="本校无此学段")
    check = services.reporting.export_check(ws)
    assert check["errors"] == []
    assert "not_started" in {w["code"] for w in check["warnings"]}


def test_export_is_verified_and_each_export_is_the_next_revision(ws, tmp_path):
    assert services.reporting.next_revision(ws) == 1
    name = services.reporting.suggested_export_name(ws)
    assert name.endswith("第1次报送.xlsx") and "/" not in name
    info = services.reporting.export_report_file(ws.path, tmp_path / "a.xlsx", period=ws.period)
    assert info["revision"] == 1 and len(info["package_code"]) == 8
    assert services.files.verify_files([tmp_path / "a.xlsx"])[0]["valid"]
    info = services.reporting.export_report_file(ws.path, tmp_path / "b.xlsx", period=ws.period)
    assert info["revision"] == 2 and services.reporting.next_revision(ws) == 3
    assert [e["revision"] for e in services.reporting.workspace_dashboard(ws)["exports"]] == [1, 2]


def test_evidence_copy_and_preview(ws, tmp_path):
    r = leaf(ws)
    img = tmp_path / "p.png"
    img.write_bytes(b"\x89PNG fake")
    txt = tmp_path / "t.txt"
    txt.write_text("t", encoding="utf-8")
    services.reporting.attach_evidence(ws, r["task_id"], img)
    row = services.reporting.attach_evidence(ws, r["task_id"], txt)
    assert row["evidence"] == 2
    ev = {e["name"]: e for e in services.reporting.task_evidence(ws, r["task_id"])}
    assert services.reporting.evidence_preview_bytes(ws, ev["p.png"]["sha256"]) == img.read_bytes()
    assert services.reporting.evidence_preview_bytes(ws, ev["t.txt"]["sha256"]) is None
    copy = services.reporting.evidence_copy(ws, ev["t.txt"]["sha256"], tmp_path)
    assert copy.read_text(encoding="utf-8") == "t" and copy.name.endswith("t.txt")
    row = services.reporting.detach_evidence(ws, r["task_id"], ev["t.txt"]["sha256"])
    assert row["evidence"] == 1


def test_passphrase_check(world, tmp_path):
    code = roster_store.schools(open_db(world / "county.db"))[0]["code"]
    services.setup.school_init(world / "plan.xlsx", code, tmp_path / "p.db", passphrase="秘密", county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    w = services.reporting.open_workspace(tmp_path / "p.db")
    try:
        assert w.key_protected
        services.reporting.check_passphrase(w, "秘密")
        with pytest.raises(TaizhangError):
            services.reporting.check_passphrase(w, "wrong")
    finally:
        services.reporting.close_workspace(w)


def test_dashboard_rules():
    assert checks.is_overdue("2026-03", "进行中", "2026-04-01")
    assert not checks.is_overdue("2026-03", "进行中", "2026-03-31")
    assert not checks.is_overdue("2026-03", "已完成", "2027-01-01")
    assert not checks.is_overdue("2026-03", "不适用", "2027-01-01")
    assert not checks.is_overdue(None, "未开始", "2027-01-01")
    assert checks.is_overdue("2026-03-10", "未开始", "2026-03-11")
    rows = [{"is_heading": False, "applies": True, "entry": {"status": s}, "overdue": o, "missing_evidence": m,
             "warnings": [], "evidence": 0} for s, o, m in (("已完成", False, True), ("进行中", True, False),
                                                           ("不适用", False, False), ("未开始", False, False))]
    s = checks.summarize(rows)
    assert s["percent"] == 33 and s["relevant"] == 3 and s["overdue"] == 1 and s["missing_evidence"] == 1
