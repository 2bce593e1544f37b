"""The school window over the yearly cycle (issue 17): the 沿用上期 badge with 确认沿用 per task and per section,
last period's answer beside the fields, the plan-changes view after a revised plan, evidence rules (不需 hides the
evidence box, 必需 says so) and choosing an already stored file for another task."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.gui.school.planchanges import PlanChangesDialog
from desktop.gui.school.reuse import ReuseDialog
from desktop.gui.school.window import SchoolWindow

P1, P2 = "2026年上半年", "2026年全年"
REWORDED = "深入开展主题教育，各中小学召开专题会议不少于3次。"


def fill_last_period(db_path, tmp_path) -> str:
    """Period 1: two tasks answered and a file; then period 2 begins (carried). Returns the file's SHA-256."""
    db = open_db(db_path)
    try:
        ws = services.reporting.workspace_on(db, db_path)
        services.reporting.set_period(ws, P1)
        services.reporting.save_task(ws, "1.1", status="已完成", narrative="召开专题会议两次，形成会议纪要。")
        services.reporting.save_task(ws, "1.2", status="进行中", progress=40, narrative="已开展师德专题培训一次。")
        f = tmp_path / "会议纪要.txt"
        f.write_text("第一次专题会议纪要", encoding="utf-8")
        services.reporting.attach_evidence(ws, "1.1", f)
        services.reporting.set_period(ws, P2)
        return services.reporting.task_evidence(ws, "1.1")[0]["sha256"]
    finally:
        db.close()


@pytest.fixture
def carried_db(school_db, tmp_path):
    fill_last_period(school_db, tmp_path)
    return school_db


@pytest.fixture
def win(qtbot, carried_db):
    w = SchoolWindow(str(carried_db))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _entry(db_path, task_id):
    ws = services.reporting.open_workspace(db_path)
    try:
        return services.reporting.task_state(ws, task_id)["entry"]
    finally:
        services.reporting.close_workspace(ws)


def test_a_carried_task_shows_the_badge_and_last_periods_answer(win):
    win.select_task("1.1")
    box = win.detail.carried_box
    assert box.isVisible() and "沿用上期" in box.badge.text() and P1 in box.badge.text()
    assert box.confirm_button.isVisible()
    assert "已完成" in box.previous_label.text() and "会议纪要" in box.previous_label.text()
    assert "召开专题会议两次" in win.detail.texts["narrative"].toolTip()
    assert win.detail.texts["narrative"].toPlainText() == "召开专题会议两次，形成会议纪要。"  # carried into period 2
    assert win.detail.evidence_model.rowCount() == 1  # the file's link came with it


def test_confirm_per_task_and_an_edit_ends_the_carried_state(qtbot, win, carried_db):
    win.select_task("1.1")
    box = win.detail.carried_box
    box.confirm_button.click()
    assert "已确认" in box.badge.text() and not box.confirm_button.isVisible()
    assert _entry(carried_db, "1.1")["carried_confirmed"] is True
    win.select_task("1.2")
    with qtbot.waitSignal(win.detail.saved, timeout=3000):  # the autosave after typing
        win.detail.texts["narrative"].appendPlainText("本期又开展一次。")
    assert "本期已填写" in box.badge.text() and box.isVisible()
    assert _entry(carried_db, "1.2")["carried_from"] is None


def test_confirm_a_whole_section(win, carried_db):
    win.select_task("1.2")
    assert win.detail.carried_box.section_button.isVisible()
    win.detail.carried_box.section_button.click()
    assert _entry(carried_db, "1.1")["carried_confirmed"] and _entry(carried_db, "1.2")["carried_confirmed"]
    checks = services.reporting.export_check(win.ws)
    assert not [w for w in checks["warnings"] if w["code"] == "carried_unconfirmed"]


def _plan_v2(plan_template, tmp_path):
    """The same county's plan v2: 1.1 reworded, 1.2 needs no evidence, 2.3 requires it, 2.5 removed."""
    county = tmp_path / "county-v2.db"
    shutil.copy(plan_template.parent / "county.db", county)
    db = open_db(county)
    try:
        plan_id = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        ids = [t["task_id"] for t in services.tasklist.plan_tasks(db, plan_id) if not t["is_heading"]]
        services.tasklist.update_task(db, plan_id, "1.1", text=REWORDED)
        services.tasklist.update_task(db, plan_id, "1.2", evidence="不需")
        services.tasklist.update_task(db, plan_id, ids[2], evidence="必需")
        services.tasklist.delete_node(db, plan_id, ids[-1])
        services.tasklist.publish(db, tmp_path / "plan-v2.xlsx")
    finally:
        db.close()
    return tmp_path / "plan-v2.xlsx", ids


def test_a_revised_plan_opens_the_changes_view_and_marks_the_tasks(qtbot, plan_template, carried_db, tmp_path):
    plan, ids = _plan_v2(plan_template, tmp_path)
    w = SchoolWindow(str(carried_db), plan_chooser=lambda parent: str(plan))
    qtbot.addWidget(w)
    w.show()
    w.load_plan_update()
    dialog = w.findChild(PlanChangesDialog)
    assert dialog is not None and dialog.isVisible()
    kinds = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert any("修改" in k for k in kinds) and any("删除" in k for k in kinds)
    assert "删除 1 项" in dialog.summary.text()
    dialog.close()

    w.select_task("1.1")
    change = w.detail.change_box
    assert change.isVisible() and REWORDED in change.label.text() and "不少于2次" in change.label.text()
    change.seen_button.click()
    assert not change.isVisible()
    w.select_task("1.2")  # 不需: no evidence box
    assert not w.detail.evidence_group.isVisible() and w.detail.no_evidence_label.isVisible()
    w.select_task(ids[2])  # 必需: said in the box's title
    assert w.detail.evidence_group.isVisible() and "必需" in w.detail.evidence_group.title()
    w.close()


def test_a_stored_file_backs_another_task(qtbot, win, carried_db, tmp_path):
    win.select_task("1.2")
    dialog = ReuseDialog(win.ws, "1.2", win)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 1 and dialog.tree.topLevelItem(0).text(0) == "会议纪要.txt"
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    dialog._accept()
    win.detail.reuse_file("1.2", dialog.chosen)
    assert win.detail.evidence_model.rowCount() == 1
    db = open_db(carried_db)
    try:
        assert db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 1
    finally:
        db.close()
    assert ReuseDialog(win.ws, "1.2", win).tree.topLevelItemCount() == 0  # already there: not offered again


def test_an_edit_is_undone_with_last_periods_answer(qtbot, win, carried_db, tmp_path):
    """改回上期内容: the edited answer (texts, status, a file added this period) goes back to last period's, carried
    and unconfirmed; the pane shows it at once."""
    win.select_task("1.1")
    detail, box = win.detail, win.detail.carried_box
    assert not box.again_button.isVisible()  # carried and unconfirmed: nothing to undo
    services.reporting.save_task(detail.ws, "1.1", status="进行中", progress=70, narrative="本期改写的说明。")
    extra = tmp_path / "本期照片.txt"
    extra.write_text("本期才有的材料", encoding="utf-8")
    detail.show_task(services.reporting.attach_evidence(detail.ws, "1.1", extra))
    assert "本期已填写" in box.badge.text() and box.again_button.isVisible()
    assert box.again_button.text() == "改回上期内容"
    box.again_button.click()
    question = detail.findChild(QMessageBox, "confirmCarryAgain")
    assert question is not None and _entry(carried_db, "1.1")["narrative"] == "本期改写的说明。"  # asked first
    with qtbot.waitSignal(detail.saved, timeout=3000):
        question.button(QMessageBox.StandardButton.Yes).click()
    entry = _entry(carried_db, "1.1")
    assert (entry["status"], entry["narrative"], entry["carried_from"], entry["carried_confirmed"]) == \
        ("已完成", "召开专题会议两次，形成会议纪要。", P1, False)
    assert detail.texts["narrative"].toPlainText() == "召开专题会议两次，形成会议纪要。"
    assert [e["name"] for e in detail.evidence_model.items()] == ["会议纪要.txt"]  # this period's file went
    assert box.confirm_button.isVisible() and not box.again_button.isVisible()


def test_a_confirm_made_by_mistake_is_undone(win, carried_db):
    win.select_task("1.2")
    box = win.detail.carried_box
    box.confirm_button.click()
    assert _entry(carried_db, "1.2")["carried_confirmed"] is True
    assert box.again_button.isVisible() and box.again_button.text() == "撤销确认"
    box.again_button.click()  # nothing is lost: no question
    entry = _entry(carried_db, "1.2")
    assert (entry["carried_from"], entry["carried_confirmed"]) == (P1, False)
    assert box.confirm_button.isVisible() and "请确认" in box.badge.text()
