"""The evidence-rule editor in the bureau's plan review (issue 17): 必需/可选/不需 per task and a 口径说明 per
target, stored at once and published in the next plan version."""

from __future__ import annotations

from desktop.core.tasklist import store as task_store
from desktop.gui.bureau.targetsmodel import COL_DEFINITION
from desktop.gui.bureau.window import BureauWindow


def test_rules_and_definitions_are_set_in_review_and_published(qtbot, world, chooser, tmp_path, publish):
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    plan_id = win.review.plan_id
    task = next(t for t in task_store.plan_tasks(win.db, plan_id) if not t["is_heading"] and t["targets"])
    win.review.select(task["task_id"])
    editor = win.review.editor
    assert editor.evidence_combo.currentData() == "可选"  # the default
    editor.evidence_combo.setCurrentIndex(editor.evidence_combo.findData("不需"))
    assert editor.targets.setData(editor.targets.index(0, COL_DEFINITION), "按实际建成并验收的数量计")
    stored = next(t for t in task_store.plan_tasks(win.db, plan_id) if t["task_id"] == task["task_id"])
    assert stored["evidence"] == "不需" and stored["targets"][0]["definition"] == "按实际建成并验收的数量计"
    win.review.select(task["task_id"])  # shown again from the database
    assert editor.evidence_combo.currentData() == "不需"
    chooser.confirm_answer = True
    chooser.saves.append(tmp_path / "v2.xlsx")
    content = publish(win)
    published = next(t for t in content["tasks"] if t["task_id"] == task["task_id"])
    assert content["plan"]["version"] == 2 and published["evidence"] == "不需"
    assert published["targets"][0]["definition"] == "按实际建成并验收的数量计"
