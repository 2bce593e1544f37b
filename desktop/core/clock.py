"""Time as the product stores and shows it: ISO 8601 with the local offset, minutes for people."""

from __future__ import annotations

from datetime import datetime, timezone


def now_iso() -> str:
    """'2026-11-24T13:37:20+08:00': the local time with its offset (what every stored time looks like)."""
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def today() -> str:
    """'2026-11-24' in local time."""
    return now_iso()[:10]


def human_time(iso: str | None) -> str:
    """'2026-11-24T13:37:20+08:00' → '2026-11-24 13:37' (the time as the PC that wrote it showed it)."""
    return (iso or "")[:16].replace("T", " ")
