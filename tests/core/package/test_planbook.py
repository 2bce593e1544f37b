"""The plan workbook's layouts: a plan published before evidence rules (layout 2) is still read by a school, its
sheets rebuilt as they were written and checked against the signed manifest; every task is 可选."""

from __future__ import annotations

import json
import zipfile

import pytest
from openpyxl import load_workbook

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.package import planbook
from desktop.core.package.container import PackageInvalid
from desktop.core.words import Reason


def _publish(world, out, layout: int, monkeypatch, rule: str | None = None):
    """The county publishes its plan again, as a Taizhang writing ``layout`` would."""
    db = open_db(world / "county.db")
    try:
        plan_id = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        if rule:
            task = next(t for t in services.tasklist.plan_tasks(db, plan_id) if not t["is_heading"])
            services.tasklist.update_task(db, plan_id, task["task_id"], evidence=rule)
        with monkeypatch.context() as m:
            m.setattr(planbook, "LAYOUT", layout)
            services.tasklist.publish(db, out)
    finally:
        db.close()
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("taizhang/manifest.json"))["layout"] == layout
    return out


def test_a_layout_2_plan_is_read_and_every_task_is_optional(world, tmp_path, monkeypatch):
    old = _publish(world, tmp_path / "plan-layout2.xlsx", 2, monkeypatch)
    _pkg, content = planbook.read_plan_package(old)
    assert content["layout"] == 2 and all("evidence" not in t for t in content["tasks"])
    headers = [c.value for c in load_workbook(old)[planbook.SHEET_TASKS][1]]
    assert "佐证材料" not in headers  # the sheets are the old ones, and they match the signature
    school = tmp_path / "school.db"
    services.setup.school_init(old, "SLX001", school, county_fingerprint=services.setup.plan_fingerprint(old))
    db = open_db(school)
    try:
        tasks = [t for t in services.reporting.school_tasks(db) if not t["is_heading"]]
        assert tasks and all((t.get("evidence") or "可选") == "可选" for t in tasks)
    finally:
        db.close()


def test_a_layout_2_plan_naming_rules_or_a_changed_sheet_is_refused(world, tmp_path, monkeypatch):
    # sheets other than what layout 2 writes (here: other headers) under the signature are refused as for layout 3
    monkeypatch.setattr(planbook, "_LAYOUT2_HEADERS", ("编号", "任务", "内容", "单位", "时限", "指标", "学校"))
    odd = _publish(world, tmp_path / "odd.xlsx", 2, monkeypatch)
    monkeypatch.undo()
    with pytest.raises(PackageInvalid) as caught:
        planbook.read_plan_package(odd)
    assert caught.value.code == Reason.SHEETS_MISMATCH
    # layout 2 never wrote rules: a manifest with one would say something its sheets do not show
    ruled = _publish(world, tmp_path / "ruled.xlsx", 2, monkeypatch, rule="必需")
    with pytest.raises(PackageInvalid):
        planbook.read_plan_package(ruled)


def test_a_layout_1_plan_is_refused_with_what_to_do(world, tmp_path, monkeypatch):
    old = _publish(world, tmp_path / "plan-layout1.xlsx", 1, monkeypatch)
    with pytest.raises(PackageInvalid) as caught:
        planbook.read_plan_package(old)
    assert caught.value.code == Reason.OTHER_LAYOUT and "重新发布" in str(caught.value.zh)
