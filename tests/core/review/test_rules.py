"""A changed entry returns to 未审核; an unchanged one keeps its decision (DESIGN §12)."""

import pytest

from desktop.core.db.connection import open_db, transaction
from desktop.core.review import rules, store
from desktop.core.words import ReviewState

KEY = ("S1", "plan", "P")


def _entry(tid, **kw):
    e = {"task_id": tid, "status": "进行中", "progress": 50, "narrative": "做了", "problems": "", "next_steps": "",
         "na_reason": "", "updated_at": "2026-01-01T00:00:00+08:00", "indicators": [{"seq": 1, "value": "3"}],
         "evidence": [{"sha256": "a" * 64, "name": "a.png"}]}
    e.update(kw)
    return e


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "t.db", create=True)
    yield db
    db.close()


@pytest.mark.parametrize("field,value", [("status", "已完成"), ("progress", 60), ("narrative", "做了更多"),
                                         ("problems", "缺场地"), ("next_steps", "下月"), ("na_reason", "x"),
                                         ("indicators", [{"seq": 1, "value": "4"}]), ("evidence", [])])
def test_every_field_a_reviewer_saw_counts_as_a_change(field, value):
    assert rules.changed_tasks({"1": _entry("1")}, {"1": _entry("1", **{field: value})}) == {"1"}


def test_the_edit_time_alone_is_not_a_change():
    assert rules.changed_tasks({"1": _entry("1")}, {"1": _entry("1", updated_at="2027-01-01")}) == set()


def test_a_new_revision_resets_only_the_changed_tasks_and_the_overall(db):
    with transaction(db):
        for tid in ("1", "2"):
            store.decide(db, *KEY, tid, ReviewState.PASSED, "", "张三", 1)
        store.decide(db, *KEY, "3", ReviewState.RETURNED, "补", "张三", 1)
        store.decide_overall(db, *KEY, ReviewState.RETURNED, "改", "张三", 1)
        old = {t: _entry(t) for t in ("1", "2", "3")}
        new = dict(old, **{"3": _entry("3", narrative="补了")})
        assert rules.on_new_revision(db, *KEY, 2, old, new) == ["3"]
    states = store.task_states(db, *KEY)
    assert {t: (s["state"], s["revision"]) for t, s in states.items()} == {
        "1": ("通过", 1), "2": ("通过", 1), "3": ("未审核", 2)}
    assert store.overall_state(db, *KEY)["state"] == ReviewState.UNREVIEWED


def test_an_unchanged_revision_keeps_the_overall_decision(db):
    with transaction(db):
        store.decide_overall(db, *KEY, ReviewState.PASSED, "", "张三", 1)
        assert rules.on_new_revision(db, *KEY, 2, {"1": _entry("1")}, {"1": _entry("1")}) == []
    assert store.overall_state(db, *KEY)["state"] == ReviewState.PASSED


def test_with_evidence_attaches_files_to_their_task():
    got = rules.with_evidence([{"task_id": "1"}, {"task_id": "2"}],
                              [{"task_id": "2", "sha256": "b" * 64, "name": "b.pdf", "size": 1}])
    assert got["1"]["evidence"] == [] and got["2"]["evidence"] == [{"sha256": "b" * 64, "name": "b.pdf"}]
