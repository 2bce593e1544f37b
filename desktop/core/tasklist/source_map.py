"""Where each task came from in the bureau's document, for the side-by-side review.

:func:`locate` finds, in the source text of the document, the block each node came from and the
spans that were read as its title, units, deadline and targets; :func:`node_at` answers which node a
position in the text belongs to (a click in the source selects the task).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Located:
    """Where a node sits in the source text: its block and the spans read as its fields."""

    block: tuple[int, int]
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind)


KINDS = ("title", "units", "deadline", "target")
_UNIT_LINE = re.compile(r"责任|牵头|单位|科室|负责|配合")
_DEADLINE_LINE = re.compile(r"完成时[间限]|时间节点|时限")
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11,
             "十二": 12}
_MONTH_RE = re.compile(r"(?:(?:19|20)\d{2}\s*年\s*)?(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:份|底|末|中旬|上旬|下旬)?(?:前|以前)?"
                       r"|年底前?|年内|年末|全年|下半年|上半年|(?:19|20)\d{2}\s*[-./]\s*\d{1,2}")


def _month_of(match: str) -> int | None:
    if any(w in match for w in ("年底", "年内", "年末", "全年", "下半年")):
        return 12
    if "上半年" in match:
        return 6
    m = re.search(r"[-./]\s*(\d{1,2})$", match)
    if m:
        return int(m.group(1))
    m = re.search(r"(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月", match)
    if not m:
        return None
    return int(m.group(1)) if m.group(1).isdigit() else _CN_MONTH.get(m.group(1))


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _find_in_lines(text: str, needle: str, start: int, end: int, prefer: re.Pattern | None) -> int:
    """First occurrence of ``needle`` in [start, end), preferring one on a line matching ``prefer``."""
    first, pos = -1, text.find(needle, start, end)
    while pos >= 0:
        if first < 0:
            first = pos
        if prefer is None:
            return pos
        line_end = text.find("\n", pos)
        line = text[_line_start(text, pos): line_end if line_end >= 0 else len(text)]
        if prefer.search(line):
            return pos
        pos = text.find(needle, pos + 1, end)
    return first


def _anchor(source: str, node: dict, cursor: int) -> int:
    for needle in (node.get("title") or "", (node.get("text") or "")[:16], (node.get("title") or "")[:8]):
        needle = needle.strip()
        if len(needle) >= 2:
            pos = source.find(needle, cursor)
            if pos >= 0:
                return pos
    return -1


def locate(source: str, nodes: list[dict]) -> dict[str, Located]:
    """For each node found in ``source`` (in document order), its block and field spans.

    Spans are Python string offsets into ``source``. A node that cannot be found is left out.
    """
    found: list[tuple[dict, int, int]] = []  # node, block start, anchor
    cursor = 0
    for node in nodes:
        pos = _anchor(source, node, cursor)
        if pos < 0:
            continue
        found.append((node, _line_start(source, pos), pos))
        cursor = pos + 1
    out: dict[str, Located] = {}
    for k, (node, start, anchor) in enumerate(found):
        end = found[k + 1][1] if k + 1 < len(found) else len(source)
        if end <= start:
            end = source.find("\n", anchor)
            end = len(source) if end < 0 else end
        loc = Located((start, end))
        title = (node.get("title") or "").strip()
        if title and source.startswith(title, anchor):
            loc.spans.append((anchor, anchor + len(title), "title"))
        if not node.get("is_heading"):
            for unit in node.get("units") or []:
                pos = _find_in_lines(source, unit, start, end, _UNIT_LINE)
                if pos >= 0:
                    loc.spans.append((pos, pos + len(unit), "units"))
            if node.get("deadline"):
                want = int(node["deadline"][5:7])
                best = None
                for m in _MONTH_RE.finditer(source, start, end):
                    if _month_of(m.group(0)) != want:
                        continue
                    line_end = source.find("\n", m.start())
                    line = source[_line_start(source, m.start()): line_end if line_end >= 0 else len(source)]
                    if best is None or (_DEADLINE_LINE.search(line) and not best[2]):
                        best = (m.start(), m.end(), bool(_DEADLINE_LINE.search(line)))
                if best is not None:
                    loc.spans.append((best[0], best[1], "deadline"))
            for t in node.get("targets") or []:
                needle = (t.get("text") or "").strip()
                pos = source.find(needle, start, end) if needle else -1
                if pos >= 0:
                    loc.spans.append((pos, pos + len(needle), "target"))
        loc.spans.sort()
        out[node["task_id"]] = loc
    return out


def node_at(located: dict[str, Located], pos: int) -> str | None:
    """The node whose block holds source offset ``pos`` (the innermost/last one starting before it)."""
    best = None
    for task_id, loc in located.items():
        if loc.block[0] <= pos < max(loc.block[1], loc.block[0] + 1):
            if best is None or loc.block[0] >= located[best].block[0]:
                best = task_id
    return best
