"""School side: the feedback loaded, newest per plan × period."""

from desktop.core.db.connection import open_db, transaction
from desktop.core.review import received


def _m(pid, rev, at):
    return {"package_id": pid, "plan": {"id": "p"}, "period": "P", "answers_revision": rev, "created_at": at,
            "reviewer": "张三", "items": [{"task_id": "1", "state": "退回修改", "comment": "补"}],
            "overall": {"state": "退回修改", "comment": ""}}


def test_the_newest_feedback_is_the_one_the_school_works_from(tmp_path):
    db = open_db(tmp_path / "s.db", create=True)
    try:
        assert received.latest(db, "p", "P") is None
        with transaction(db):
            received.keep(db, _m("a", 1, "2026-01-01T10:00:00+08:00"), "f1")
            received.keep(db, _m("b", 2, "2026-01-02T10:00:00+08:00"), "f2")
        latest = received.latest(db, "p", "P")
        assert latest["package_id"] == "b" and latest["items"][0]["comment"] == "补"
        assert received.is_loaded(db, "a") and not received.is_loaded(db, "c")
    finally:
        db.close()
