"""Another plan signed by the same county (last year's, or a new one) is a choice the school makes, never an
update that silently replaces its plan (issue 20, the school side)."""

from __future__ import annotations

import shutil

from desktop.core import services
from desktop.core.db.connection import open_db, transaction
from desktop.core.signing import identity
from desktop.core.tasklist import store as task_store
from desktop.gui.school.window import SchoolWindow

OTHER = {"title": "示例县2027年教育工作要点", "year": 2027, "headings": [{"path": ["一"], "title": "一、重点任务"}],
         "tasks": [{"path": ["一", "1"], "title": "推进集团化办学", "text": "推进集团化办学。", "units": ["基教股"],
                    "deadline": "2027-06", "applies_to": [], "targets": []}]}


def _other_plan(plan_template, tmp_path):
    county = tmp_path / "county.db"
    shutil.copy(plan_template.parent / "county.db", county)  # the same county, the same key
    db = open_db(county)
    try:
        with transaction(db):
            task_store.save_parsed_plan(db, OTHER, county=identity.load(db).county, source_name="2027.txt")
        services.tasklist.publish(db, tmp_path / "2027.xlsx")
    finally:
        db.close()
    return tmp_path / "2027.xlsx"


def test_another_plan_asks_first_and_no_keeps_the_current_plan(qtbot, plan_template, school_db, tmp_path,
                                                              monkeypatch):
    other = _other_plan(plan_template, tmp_path)
    win = SchoolWindow(str(school_db), plan_chooser=lambda parent: str(other))
    qtbot.addWidget(win)
    before = win.ws.plan["id"]
    asked = []
    monkeypatch.setattr(win, "ask_switch_plan", lambda current, offered: asked.append(offered) or False)
    win.load_plan_update()
    assert [o["title"] for o in asked] == [OTHER["title"]]
    assert win.ws.plan["id"] == before  # No: nothing changed
    monkeypatch.setattr(win, "ask_switch_plan", lambda current, offered: True)
    win.load_plan_update()
    assert win.ws.plan["id"] != before and win.ws.plan["title"] == OTHER["title"]  # Yes, on purpose
    win.close()
