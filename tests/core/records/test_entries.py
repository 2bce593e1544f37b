"""What a school records per task: entries, indicator values, evidence (stored in the database)."""

from __future__ import annotations

import pytest

from desktop.core.errors import TaizhangError
from desktop.core.records import entries


def test_get_entry_is_blank_until_saved(school):
    db, code, plan, task, period = school
    assert entries.get_entry(db, code, plan, period, task) == entries.blank_entry(task)
    stamp = entries.save_entry(db, code, plan, task, period, status="进行中", narrative="已启动")
    got = entries.get_entry(db, code, plan, period, task)
    assert got["status"] == "进行中" and got["narrative"] == "已启动" and got["updated_at"] == stamp
    entries.set_indicator(db, code, plan, task, period, 1, " 12.50 ")
    assert entries.get_entry(db, code, plan, period, task)["indicators"] == [{"seq": 1, "value": "12.50"}]
    entries.set_indicator(db, code, plan, task, period, 1, "")
    assert entries.get_entry(db, code, plan, period, task)["indicators"] == []


def test_save_entry_rejects_bad_fields(school):
    db, code, plan, task, period = school
    with pytest.raises(TaizhangError):
        entries.save_entry(db, code, plan, task, period, status="done")
    with pytest.raises(TaizhangError):
        entries.save_entry(db, code, plan, task, period, progress=101)
    with pytest.raises(TaizhangError):
        entries.save_entry(db, code, plan, task, period, narrative="字" * 20001)
    with pytest.raises(TaizhangError):
        entries.set_indicator(db, code, plan, task, period, 1, "about 5")


OTHER = "下一期"


def test_carry_forward_copies_entries_values_and_links_marked_carried(school, tmp_path):
    from desktop.core.records import evidence

    db, code, plan, task, period = school
    entries.save_entry(db, code, plan, task, period, status="进行中", progress=30, narrative="已启动")
    entries.set_indicator(db, code, plan, task, period, 1, "4")
    f = tmp_path / "a.txt"
    f.write_text("记录", encoding="utf-8")
    evidence.add_evidence(db, code, plan, task, period, f)
    assert not entries.has_records(db, code, plan, OTHER)
    assert entries.carry_forward(db, code, plan, period, OTHER, [task]) == 1
    got = entries.get_entry(db, code, plan, OTHER, task)
    assert (got["status"], got["progress"], got["narrative"]) == ("进行中", 30, "已启动")
    assert got["indicators"] == [{"seq": 1, "value": "4"}]
    assert (got["carried_from"], got["carried_confirmed"]) == (period, False)
    assert evidence.count_for_task(db, code, plan, OTHER, task) == 1
    assert db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 1
    assert entries.get_entry(db, code, plan, period, task)["carried_from"] is None


def test_confirming_keeps_the_mark_and_editing_clears_it(school):
    db, code, plan, task, period = school
    entries.save_entry(db, code, plan, task, period, status="进行中", narrative="已启动")
    entries.carry_forward(db, code, plan, period, OTHER, [task])
    assert entries.confirm_carried(db, code, plan, OTHER, [task]) == [task]
    assert entries.confirm_carried(db, code, plan, OTHER, [task]) == []  # once
    assert entries.get_entry(db, code, plan, OTHER, task)["carried_confirmed"] is True
    entries.save_entry(db, code, plan, task, OTHER, narrative="已启动")  # the same text: still carried
    assert entries.get_entry(db, code, plan, OTHER, task)["carried_from"] == period
    entries.set_indicator(db, code, plan, task, OTHER, 1, "3")  # a new value: the school's own answer
    got = entries.get_entry(db, code, plan, OTHER, task)
    assert (got["carried_from"], got["carried_confirmed"]) == (None, False)


def test_removing_a_carried_file_makes_the_entry_new_and_keeps_the_bytes_for_the_last_period(school, tmp_path):
    from desktop.core.records import evidence

    db, code, plan, task, period = school
    f = tmp_path / "a.txt"
    f.write_text("记录", encoding="utf-8")
    sha = evidence.add_evidence(db, code, plan, task, period, f)
    entries.carry_forward(db, code, plan, period, OTHER, [task])
    evidence.remove_evidence(db, code, plan, task, OTHER, sha)
    assert entries.get_entry(db, code, plan, OTHER, task)["carried_from"] is None
    assert evidence.count_for_task(db, code, plan, period, task) == 1 and evidence.is_stored(db, sha)


def test_carry_again_puts_last_periods_answer_back_marked_carried(school, tmp_path):
    from desktop.core.db.connection import transaction
    from desktop.core.records import evidence

    db, code, plan, task, period = school
    entries.save_entry(db, code, plan, task, period, status="进行中", progress=30, narrative="已启动")
    entries.set_indicator(db, code, plan, task, period, 1, "4")
    f = tmp_path / "a.txt"
    f.write_text("记录", encoding="utf-8")
    evidence.add_evidence(db, code, plan, task, period, f)
    entries.carry_forward(db, code, plan, period, OTHER, [task])
    entries.save_entry(db, code, plan, task, OTHER, status="已完成", progress=100, narrative="本期完成")
    entries.set_indicator(db, code, plan, task, OTHER, 1, "9")
    with transaction(db):
        assert entries.carry_again(db, code, plan, period, OTHER, task)
    got = entries.get_entry(db, code, plan, OTHER, task)
    assert (got["status"], got["progress"], got["narrative"]) == ("进行中", 30, "已启动")
    assert got["indicators"] == [{"seq": 1, "value": "4"}]
    assert (got["carried_from"], got["carried_confirmed"]) == (period, False)
    assert evidence.count_for_task(db, code, plan, OTHER, task) == 1  # the link is there once, not twice
    # a period without an answer for the task has nothing to carry: nothing changes
    with transaction(db):
        assert not entries.carry_again(db, code, plan, "没有填报的一期", OTHER, task)
    assert entries.get_entry(db, code, plan, OTHER, task) == got
