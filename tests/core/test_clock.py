"""Stored times are ISO 8601 with the local offset; people see minutes."""

import re
from datetime import datetime

from desktop.core import clock


def test_now_is_iso_with_an_offset_and_today_is_its_date():
    now = clock.now_iso()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", now)
    assert datetime.fromisoformat(now).utcoffset() is not None
    assert clock.today() in (now[:10], clock.now_iso()[:10])  # midnight may pass between the two calls


def test_human_time_shows_the_minute_as_the_writer_saw_it():
    assert clock.human_time("2026-11-24T13:37:20+08:00") == "2026-11-24 13:37"
    assert clock.human_time(None) == "" and clock.human_time("") == ""
