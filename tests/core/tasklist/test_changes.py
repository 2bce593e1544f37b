"""School side: the changes of a revised plan are kept until seen."""

from __future__ import annotations

from desktop.core.db.connection import open_db
from desktop.core.tasklist import changes
from desktop.core.tasklist.diff import plan_diff


def test_recorded_listed_and_marked_seen(tmp_path):
    db = open_db(tmp_path / "s.db", create=True)
    try:
        old = [{"task_id": "1", "title": "甲", "text": "a"}, {"task_id": "2", "title": "乙", "text": "b"}]
        new = [{"task_id": "1", "title": "甲", "text": "a2"}, {"task_id": "3", "title": "丙", "text": "c"}]
        changes.record(db, "plan", 2, plan_diff(old, new))
        listed = changes.listed(db, "plan")
        assert {(c["task_id"], c["kind"]) for c in listed} == {("1", "changed"), ("3", "added"), ("2", "removed")}
        assert next(c for c in listed if c["task_id"] == "2")["old"]["title"] == "乙"
        assert changes.mark_seen(db, "plan", ["1"]) == 1
        assert {c["task_id"] for c in changes.listed(db, "plan", unseen_only=True)} == {"2", "3"}
        assert changes.mark_seen(db, "plan") == 2 and changes.listed(db, "plan", unseen_only=True) == []
    finally:
        db.close()
