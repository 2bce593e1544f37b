"""Time as the product stores and shows it: ISO 8601 with the local offset, minutes for people."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from desktop.core.errors import TaizhangError

# 2026-07-10, 2026/7/10, 2026.7.10, 2026年7月10日, 20260710 (what people type into a date field).
_DAY = re.compile(r"^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))$")


def now_iso() -> str:
    """'2026-11-24T13:37:20+08:00': the local time with its offset (what every stored time looks like)."""
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def today() -> str:
    """'2026-11-24' in local time."""
    return now_iso()[:10]


def human_time(iso: str | None) -> str:
    """'2026-11-24T13:37:20+08:00' → '2026-11-24 13:37' (the time as the PC that wrote it showed it)."""
    return (iso or "")[:16].replace("T", " ")


def parse_day(text: str) -> str:
    """A typed date as '2026-07-10': accepts 2026-07-10, 2026/7/10, 2026.7.10, 2026年7月10日 and 20260710
    (full-width digits too); raises TaizhangError (zh/en) for anything else or a day that does not exist."""
    typed = (text or "").strip()
    m = _DAY.match(typed.translate(_FULL_WIDTH))
    try:
        if m is None:
            raise ValueError(typed)
        y, mo, d = int(m[1]), int(m[2] or m[4]), int(m[3] or m[5])
        return date(y, mo, d).isoformat()
    except ValueError as exc:
        raise TaizhangError(f"日期看不懂：“{typed}”，请写成 2026-07-10 或 2026年7月10日",
                            f"not a date: \"{typed}\"; write it as 2026-07-10 or 2026年7月10日") from exc


_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．　", "0123456789-/. ")
