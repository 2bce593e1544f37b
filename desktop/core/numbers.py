"""Reading a number a person typed, and judging an achieved value against a target.

One place for both, used by the school's warnings (reporting.checks), the bureau overview and the
summary workbook (standing), the bureau's target editing (tasklist.editing) and the school's entries
(records.entries). A target is one of four kinds:

- a **floor** (不少于 / 不低于 / 达到 / 建成 60 处): the achieved value must not be below it;
- a **ceiling** (不超过 90 分钟 / 控制在 5% 以内 / 降至 …): it must not be above it;
- a **threshold** (消除 56 人以上大班额): the number defines the thing to remove, not an amount to reach;
- **not comparable** per school: a county-wide total (全县建成 20 所 …), a placeholder the bureau has
  not filled in, or a value that is not a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from enum import Enum

from desktop.core.errors import TaizhangError

LIMIT = Decimal("1e15")

_CEILING = re.compile(r"不超过|不高于|(?<!不)低于|(?<!不)少于|以下|以内|控制在|不大于|降至|下降到|降低到|≤|<=")
_THRESHOLD = re.compile(r"消除|杜绝|清零")
# a figure for the whole county (or city, district): no single school is measured against it
_AREA_TOTAL = re.compile(r"(?:全县|全区|全市|全旗|县域|全域|区域内|全县范围)")


class TargetKind(str, Enum):
    FLOOR = "floor"
    CEILING = "ceiling"
    THRESHOLD = "threshold"
    NOT_COMPARABLE = "not_comparable"


def _clean(text: str) -> str:
    return text.strip().replace("，", "").replace(",", "").rstrip("%％").strip()


def parse_number(value) -> Decimal | None:
    """'1,000' → 1000, ' 12.5% ' → 12.5; None for anything that is not a finite plain number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(_clean(str(value)))
    except InvalidOperation:
        return None
    return number if number.is_finite() and abs(number) <= LIMIT else None


def normalise_number(text, *, what_zh: str = "", what_en: str = "") -> str:
    """A number as typed, cleaned for storing ('  12.50 ' → '12.50', '1,000' → '1000');
    raises TaizhangError (Chinese first, English after) for anything that is not a plain finite number."""
    cleaned = _clean(str(text))
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:
        raise TaizhangError(f"{what_zh}“{cleaned[:20]}”不是数字", f"{what_en}'{cleaned[:20]}' is not a number") from exc
    if not number.is_finite() or abs(number) > LIMIT:
        raise TaizhangError(f"{what_zh}数值超出范围", f"{what_en}number out of range")
    return cleaned


def target_kind(target: dict) -> TargetKind:
    """Which way a target points (its ``text``, ``value`` and ``placeholder`` as the plan stores them)."""
    text = target.get("text") or ""
    if target.get("placeholder") or parse_number(target.get("value")) is None or _AREA_TOTAL.search(text):
        return TargetKind.NOT_COMPARABLE
    if _THRESHOLD.search(text):
        return TargetKind.THRESHOLD
    if _CEILING.search(text):
        return TargetKind.CEILING
    return TargetKind.FLOOR


def meets_target(target: dict, achieved) -> bool | None:
    """True when ``achieved`` meets the target, False when it misses it (below a floor, above a ceiling),
    None when there is nothing to judge (no comparable target, or no number reported)."""
    return target_judge(target)(parse_number(achieved))


def target_judge(target: dict) -> Callable[[Decimal | None], bool | None]:
    """``meets_target`` for one target over many numbers already parsed (``parse_number``): the target is read
    once, not once per school (a city's summary judges 10,000 schools' values against each target)."""
    kind = target_kind(target)
    if kind in (TargetKind.NOT_COMPARABLE, TargetKind.THRESHOLD):
        return _nothing_to_judge
    goal = parse_number(target.get("value"))
    assert goal is not None  # target_kind made sure
    if kind is TargetKind.CEILING:
        return lambda got: None if got is None else got <= goal
    return lambda got: None if got is None else got >= goal


def _nothing_to_judge(_got: Decimal | None) -> None:
    return None


def misses_target(target: dict, achieved) -> bool:
    """The achieved value is a number and misses a comparable target."""
    return meets_target(target, achieved) is False
