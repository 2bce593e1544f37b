"""Stored times are ISO 8601 with the local offset; people see minutes."""

import re
from datetime import datetime

import pytest

from desktop.core import clock
from desktop.core.errors import TaizhangError


def test_now_is_iso_with_an_offset_and_today_is_its_date():
    now = clock.now_iso()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", now)
    assert datetime.fromisoformat(now).utcoffset() is not None
    assert clock.today() in (now[:10], clock.now_iso()[:10])  # midnight may pass between the two calls


def test_human_time_shows_the_minute_as_the_writer_saw_it():
    assert clock.human_time("2026-11-24T13:37:20+08:00") == "2026-11-24 13:37"
    assert clock.human_time(None) == "" and clock.human_time("") == ""


@pytest.mark.parametrize("typed", ["2026-07-10", "2026/7/10", "2026.7.10", "2026年7月10日", " 2026 年 7 月 10 日 ",
                                   "20260710", "２０２６年７月１０日"])
def test_parse_day_takes_what_people_type(typed):
    assert clock.parse_day(typed) == "2026-07-10"


@pytest.mark.parametrize("typed", ["", "下个月", "2026-7", "2026-02-30", "2026-13-01", "7/10/2026"])
def test_parse_day_refuses_what_is_no_day_saying_how_to_write_it(typed):
    with pytest.raises(TaizhangError) as err:
        clock.parse_day(typed)
    assert "2026-07-10" in err.value.zh and "2026-07-10" in err.value.en
