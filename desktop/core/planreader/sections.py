"""Which part of a document is the plan.

A 工作要点 / 工作计划 is a plan from top to bottom. A 工作总结 first looks back (主要工作开展情况,
工作总结, 存在问题 …) and carries its plan in a forward-looking section (2023年工作思路, 工作打算,
工作计划, 下一步工作, 明年工作 …): only that section becomes tasks.

The rule works on sibling headings, level by level from the top of the outline:

* a heading is *retrospective* when it names a review (总结, 开展情况, 完成情况, 成绩, 成效,
  做法, 存在问题, 不足 …) and *forward-looking* when it names a plan (思路, 打算, 计划, 安排,
  重点, 下一步, 明年, 今后, 展望 …); a heading naming both is neither;
* a group of siblings is a summary when it opens with a retrospective heading (first or second)
  and a forward-looking heading follows, or when one of its last two headings is strongly
  forward-looking (下一步, 打算, 明年, 今后, 展望, 下阶段) and is not its first heading;
* the plan section is the first forward-looking heading after the last retrospective one.

A document with retrospective headings and no forward-looking one is reported as kind "summary"
and all of it is parsed.

The headings need not be numbered: a plain line such as "2023年工作计划", "下一步工作打算" or
"存在的问题" in a summary is made a top-level heading by the outline builder (see
:mod:`outline`), and is chosen here like a numbered one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .vocabulary import alternation
from .vocabulary import headings as H

if TYPE_CHECKING:  # outline imports this module's vocabulary
    from .outline import Node

_STRONG = re.compile(alternation(H.STRONG))
_WEAK = re.compile(alternation(H.WEAK))
_RETRO = re.compile(alternation(H.RETRO))


def _heading(node: Node) -> str:
    """The heading sentence only: body text after it may mention 完成情况 or 计划 in passing."""
    return re.split(r"[。;:!?]", node.head_folded, maxsplit=1)[0][:40]


def _kind(node: Node) -> str:
    return heading_kind(_heading(node))


def heading_kind(text: str) -> str:
    """The kind of a folded heading text: "retro" (looks back), "strong" (forward-looking),
    "weak" (names a plan), "mixed" (both) or "" (neither)."""
    retro = bool(_RETRO.search(text))
    strong = bool(_STRONG.search(text))
    weak = bool(_WEAK.search(text))
    if retro and (strong or weak):
        return "mixed"
    if retro:
        return "retro"
    if strong:
        return "strong"
    if weak:
        return "weak"
    return ""


def _choose(group: list[Node], title_says_summary: bool) -> tuple[Node | None, bool]:
    """(plan section, group looks back) for one group of sibling headings."""
    kinds = [_kind(n) for n in group]
    last_retro = max((i for i, k in enumerate(kinds) if k == "retro"), default=-1)
    if "retro" in kinds[:2]:
        for i in range(last_retro + 1, len(group)):
            if kinds[i] in ("strong", "weak"):
                return group[i], True
        return None, True
    for i, k in enumerate(kinds):
        if i > 0 and i >= len(kinds) - 2 and (k == "strong" or (k == "weak" and title_says_summary)):
            return group[i], True
    return None, False


def select_plan_section(root: Node, title: str = "") -> tuple[Node | None, str]:
    """The forward-looking section of a summary and the document kind:
    ("plan" | "summary+plan" | "summary")."""
    title_says_summary = "总结" in title
    looked_back = False
    level = [root]
    for _ in range(3):
        groups = [n.children for n in level if len(n.children) >= 2]
        for group in groups:
            section, back = _choose(group, title_says_summary)
            if section is not None:
                return section, "summary+plan"
            looked_back = looked_back or back
        if looked_back:
            break
        level = [c for n in level for c in n.children]
        if not level:
            break
    return None, ("summary" if looked_back else "plan")
