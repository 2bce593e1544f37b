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
