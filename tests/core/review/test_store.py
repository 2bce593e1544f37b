"""Review decisions: one row per school × plan × period × task, every replaced decision kept."""

import pytest

from desktop.core.db.connection import open_db, transaction
from desktop.core.errors import TaizhangError
from desktop.core.review import store
from desktop.core.words import ReviewState, ReviewWhy

KEY = ("S1", "plan", "2026年上半年")


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "t.db", create=True)
    yield db
    db.close()


def test_a_new_decision_replaces_the_old_one_and_keeps_it(db):
    with transaction(db):
        store.decide(db, *KEY, "1.1", ReviewState.RETURNED, "补材料", "张三", 1)
        store.decide(db, *KEY, "1.1", ReviewState.PASSED, "", "李四", 2)
    now = store.task_states(db, *KEY)["1.1"]
    assert (now["state"], now["reviewer"], now["revision"]) == ("通过", "李四", 2)
    [old] = store.history(db, *KEY, "1.1")
    assert (old["state"], old["comment"], old["revision"], old["why"]) == ("退回修改", "补材料", 1, ReviewWhy.DECISION)


def test_reset_goes_back_to_unreviewed_and_says_why(db):
    with transaction(db):
        store.decide(db, *KEY, "1.1", ReviewState.PASSED, "好", "张三", 1)
        store.decide_overall(db, *KEY, ReviewState.PASSED, "总体好", "张三", 1)
        store.reset(db, *KEY, "1.1", 2)
        store.reset_overall(db, *KEY, 2)
    assert store.task_states(db, *KEY)["1.1"]["state"] == ReviewState.UNREVIEWED
    assert store.overall_state(db, *KEY)["state"] == ReviewState.UNREVIEWED
    assert [(h["task_id"], h["why"]) for h in store.history(db, *KEY)] == [("1.1", "changed"), ("", "changed")]
    tasks, overall = store.period_states(db, "plan", KEY[2])
    assert tasks == {("S1", "1.1"): "未审核"} and overall == {"S1": "未审核"}


def test_a_word_that_is_not_a_decision_is_refused(db):
    with pytest.raises(TaizhangError, match="审核结论"):
        store.decide(db, *KEY, "1.1", "OK", "", "", 1)
    with pytest.raises(TaizhangError, match="过长"):
        store.decide(db, *KEY, "1.1", ReviewState.PASSED, "x" * (store.MAX_COMMENT + 1), "", 1)
    assert store.task_states(db, *KEY) == {}
