"""One diff of two plan versions: added, removed and changed tasks, matched by their stable ids."""

from __future__ import annotations

from desktop.core.tasklist.diff import changed_fields, plan_diff


def _task(tid, **kw):
    return {"task_id": tid, "is_heading": False, "title": f"任务{tid}", "text": "内容", "deadline": "2026-06",
            "units": [], "applies_to": [], "targets": [], **kw}


def test_added_removed_and_changed_in_order():
    old = [{"task_id": "1", "is_heading": True, "title": "一"}, _task("1.1"), _task("1.2"), _task("1.3")]
    new = [{"task_id": "1", "is_heading": True, "title": "一（改）"}, _task("1.1"), _task("1.3", text="新内容"),
           _task("1.4")]
    got = [(d["task_id"], d["kind"], d["fields"]) for d in plan_diff(old, new)]
    assert got == [("1.3", "changed", ["text"]), ("1.4", "added", []), ("1.2", "removed", [])]


def test_targets_deadlines_and_evidence_rules_count_as_changes():
    base = _task("1", targets=[{"seq": 1, "text": "不少于2次", "value": "2", "unit": "次"}])
    assert changed_fields(base, dict(base, targets=[{"seq": 1, "text": "不少于3次", "value": "3", "unit": "次"}])) \
        == ["targets"]
    assert changed_fields(base, dict(base, deadline="2026-09")) == ["deadline"]
    assert changed_fields(base, dict(base, evidence="必需")) == ["evidence"]
    assert changed_fields(base, dict(base)) == []
