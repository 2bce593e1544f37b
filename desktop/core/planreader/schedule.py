"""Plans laid out by month or by week ("二月：……", "3月份：", "第3周", "第一周至第二周").

A school's term plan often lists its work under the month or week it is done in. Each item under
such a heading is a task, and its deadline is the end of that month or week, in the plan's year.

* :func:`number_items` runs on the prepared lines when the document has two or more period
  headings: an unlabelled period heading loses its colon and stands on a line of its own (the
  outline then reads it as an unnumbered heading over the list that follows), the items written
  after its colon ("二月：做好开学准备；召开教师会议。") and the unlabelled lines under it become a
  numbered list ("1." "2." …), so each item is a task. Labelled items and headings stay as written.
* :func:`attach_deadlines` runs on the outline: a node whose heading starts with a period
  ("二月", "一、三月份工作", "第3周（3月3日—3月7日）") gets a 完成时限 field for that period's end,
  which its items inherit unless they carry their own. Months run on into the next year when a
  term crosses it (九月 … 十二月, 一月). A week's end is the last date in its brackets when it has
  one, else counted from the term's first day (春季/第二学期: the week of 17 February; 秋季/第一学期:
  1 September), or no deadline when the document says neither.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re

from .charfold import fold
from .fields import is_field_line
from .numbering import cn_to_int, match_label
from .outline import is_closing
from .vocabulary import alternation
from .vocabulary import dates as D

_N = r"[一二三四五六七八九十\d]{1,3}"
_TO = r"\s*(?:至|到|—|–|-|~|～)+\s*"
_PERIOD = re.compile(
    rf"^(?:(?P<y>(?:19|20)\d{{2}})\s*年\s*)?(?:"
    rf"(?P<m>{_N})\s*月(?:{_TO}(?P<m2>{_N})\s*月)?(?:份)?(?:上旬|中旬|下旬|初|中|底|末)?"
    rf"|第\s*(?P<w>{_N})\s*(?:周|週)?(?:{_TO}第?\s*(?P<w2>{_N})\s*(?:周|週))?(?:周|週)?)"
    r"\s*(?:[(（](?P<dates>[^)）]{0,40})[)）])?\s*(?:工作安排|工作要点|工作重点|工作|安排|重点工作)?\s*"
    r"(?P<sep>[:：]|\s+|$)"
)
_WEEK = re.compile(r"周|週")
_DATE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*[年.\-/])?\s*(?P<m>\d{1,2})\s*[月.\-/]\s*(?P<d>\d{1,2})")
_SPRING = re.compile(alternation(D.SPRING_TERM))
_AUTUMN = re.compile(alternation(D.AUTUMN_TERM))
_ITEM_SPLIT = re.compile(r"(?<=[;；。])")
_MIN_HEADINGS = 2


def _number(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else cn_to_int(text)


def period_at(folded: str) -> re.Match[str] | None:
    """The period a heading starts with (after its label, if any), or None."""
    m = _PERIOD.match(folded)
    if m is None or (m.group("w") is None and m.group("m") is None):
        return None
    if m.group("m") is not None:
        months = [_number(m.group("m")), _number(m.group("m2"))]
        if any(x is not None and not 1 <= x <= 12 for x in months):
            return None
    else:
        if not _WEEK.search(m.group(0)):
            return None  # "第3" alone is not a week
        weeks = [_number(m.group("w")), _number(m.group("w2"))]
        if any(x is not None and not 1 <= x <= 30 for x in weeks):
            return None
    return m


def _heading_period(orig: str, folded: str) -> tuple[int, re.Match[str]] | None:
    """(offset of the period, its match) for a line that starts with one, after a label or not."""
    label = match_label(orig, folded, 0, allow_empty=True)
    start = label.end if label is not None else 0
    m = period_at(folded[start:])
    return (start, m) if m is not None else None


def _is_period_heading(orig: str, folded: str) -> bool:
    found = _heading_period(orig, folded)
    if found is None:
        return False
    start, m = found
    rest = folded[start + m.end():].strip()
    # a heading, or a heading with its items after a colon; never a sentence that starts with a month
    return m.group("sep").strip() != "" or not rest or len(folded) <= 30


def opens_period(orig: str, folded: str) -> bool:
    """Whether a line opens with a period and a colon ("三月：……", "第3周（9月1日—9月6日）："): such a
    line starts a new part of a schedule and never continues the line above it."""
    found = _heading_period(orig, folded)
    return found is not None and found[1].group("sep").strip() != ""


Prepared = tuple[str, str, bool]


_GLUED_PERIOD = re.compile(r"(?<=[。;；])\s*(?=(?:第\s*[一二三四五六七八九十\d]{1,3}\s*[周週]|[一二三四五六七八九十\d]{1,3}\s*月))")


def _split_glued_periods(prepared: list[Prepared]) -> list[Prepared]:
    """A schedule flattened onto a few lines ("第一周：……。第二周：……"): a line that opens with a
    period and a colon is cut before each later period of the same kind (week or month) that opens
    a sentence and has its own colon."""
    out: list[Prepared] = []
    for orig, folded, atomic in prepared:
        if atomic or not opens_period(orig, folded):
            out.append((orig, folded, atomic))
            continue
        week = bool(_WEEK.search(period_at(folded).group(0)))  # type: ignore[union-attr]
        cuts = [0]
        for m in _GLUED_PERIOD.finditer(folded):
            p = period_at(folded[m.end():])
            if p is not None and p.group("sep").strip() and bool(_WEEK.search(p.group(0))) == week:
                cuts.append(m.end())
        cuts.append(len(folded))
        out += [(orig[a:b].strip(), folded[a:b].strip(), atomic) for a, b in itertools.pairwise(cuts) if folded[a:b].strip()]
    return out


def number_items(prepared: list[Prepared]) -> tuple[list[Prepared], set[int]]:
    """The prepared lines with the items under unlabelled period headings numbered (see module),
    and the indices (in the lines returned) of those headings."""
    prepared = _split_glued_periods(prepared)
    heads = [i for i, (o, f, _a) in enumerate(prepared) if _is_period_heading(o, f)]
    if len(heads) < _MIN_HEADINGS:
        return prepared, set()
    out: list[Prepared] = []
    unlabelled: set[int] = set()
    under = False  # inside the items of an unlabelled period heading
    count = 0
    for i, (orig, folded, atomic) in enumerate(prepared):
        if i in heads:
            start, m = _heading_period(orig, folded)  # type: ignore[misc]
            if start > 0:  # a labelled heading ("一、二月份"): the outline reads it as it is
                out.append((orig, folded, atomic))
                under = False
                continue
            cut = m.end()
            head_o, head_f = orig[:cut].rstrip(" \t:："), folded[:cut].rstrip(" \t:")
            unlabelled.add(len(out))
            out.append((head_o, head_f, atomic))
            under, count = True, 0
            rest_o, rest_f = orig[cut:], folded[cut:]
            if rest_f.strip():
                for piece_o, piece_f in _pieces(rest_o, rest_f):
                    count += 1
                    out.append(_numbered(count, piece_o, piece_f, atomic))
            continue
        if under and match_label(orig, folded, 0) is None and not _is_field(folded) and not is_closing(folded):
            for piece_o, piece_f in _pieces(orig, folded, split=False):
                count += 1
                out.append(_numbered(count, piece_o, piece_f, atomic))
            continue
        if match_label(orig, folded, 0) is not None:
            under = False
        out.append((orig, folded, atomic))
    return out, unlabelled


def _is_field(folded: str) -> bool:
    return is_field_line(folded)


def _pieces(orig: str, folded: str, *, split: bool = True) -> list[tuple[str, str]]:
    """The items of a heading's remainder: the labelled list it holds, or its clauses at ；/。."""
    o, f = orig.strip(), folded.strip()
    if not split or match_label(o, f, 0) is not None:
        return [(o, f)] if f else []
    out, a = [], 0
    for m in _ITEM_SPLIT.finditer(f):
        b = m.end()
        if f[a:b].strip(" ;；。"):
            out.append((o[a:b].strip(), f[a:b].strip()))
        a = b
    if f[a:].strip(" ;；。"):
        out.append((o[a:].strip(), f[a:].strip()))
    return out


def _numbered(n: int, orig: str, folded: str, atomic: bool) -> Prepared:
    if match_label(orig, folded, 0) is not None:
        return orig, folded, atomic
    return f"{n}.{orig}", f"{n}.{folded}", atomic


def is_spring_term(text: str) -> bool:
    """Whether a text names a spring (second) term."""
    return bool(_SPRING.search(text))


def term_start(text: str, year: int | None) -> _dt.date | None:
    """The first day of the term a document's opening lines name, or None."""
    if year is None:
        return None
    if _SPRING.search(text):
        return _dt.date(year, 2, 17)
    if _AUTUMN.search(text):
        return _dt.date(year, 9, 1)
    return None


def attach_deadlines(root, year: int | None, opening: str) -> None:
    """Give every node headed by a period a 完成时限 field for the period's end (see module)."""
    if year is None:
        return
    start = term_start(opening, year)
    state = {"year": year, "month": 0}
    found = []

    def visit(node) -> None:
        for c in node.children:
            period = _heading_period(c.raw or c.head, _fold(c.raw or c.head))
            if period is not None and (c.children or c.style == "subhead" or period[1].group("sep").strip()):
                found.append((c, period[1]))
            visit(c)

    visit(root)
    if len(found) < _MIN_HEADINGS:
        return
    for node, m in found:
        text = _deadline_text(m, state, start)
        if text is not None and not node.field_lines:
            node.field_lines.append((f"完成时限：{text}", f"完成时限:{text}"))


def _fold(text: str) -> str:
    return fold(text)


def _deadline_text(m: re.Match[str], state: dict, start: _dt.date | None) -> str | None:
    if m.group("y"):
        state["year"] = int(m.group("y"))
    dates = list(_DATE.finditer(m.group("dates") or ""))
    if dates:
        last = dates[-1]
        month = int(last.group("m"))
        year = int(last.group("y")) if last.group("y") else _roll(state, month)
        return f"{year}年{month}月" if 1 <= month <= 12 else None
    if m.group("m") is not None:
        named = _number(m.group("m2")) or _number(m.group("m"))
        if named is None:
            return None
        return f"{_roll(state, named)}年{named}月"
    if start is None:
        return None
    week = _number(m.group("w2")) or _number(m.group("w"))
    if week is None:
        return None
    end = start + _dt.timedelta(days=7 * week - 1)
    state["year"], state["month"] = end.year, end.month
    return f"{end.year}年{end.month}月"


def _roll(state: dict, month: int) -> int:
    """The year of a month in a schedule read in order: a month before the last one read (by more
    than a quarter, so "6月" after "7月" stays) starts the next year (九月 … 十二月, 一月)."""
    if state["month"] and month + 3 < state["month"]:
        state["year"] += 1
    state["month"] = month
    return int(state["year"])
