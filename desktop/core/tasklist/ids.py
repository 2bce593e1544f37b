"""The plan's task tree: stable task ids from numbering paths, and which tasks apply to a school."""

from __future__ import annotations

import re

from desktop.core.planreader.numbering import cn_to_int

_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}
_NOISE = re.compile(r"[\s（）()、.．,，:：;；是第部分章节条]")

ALL_SCHOOL_TYPES = ("小学", "初中", "九年一贯制", "完全中学", "高中", "幼儿园", "职业学校", "特殊教育")


def label_number(label: str) -> str:
    """A numbering label as a plain number when it is one: '（二）' → '2', '①' → '1', '3.' → '3'."""
    core = _NOISE.sub("", str(label))
    if core in _CIRCLED:
        return str(_CIRCLED[core])
    if core.isdecimal():
        return str(int(core))
    n = cn_to_int(core)
    return str(n) if n is not None else core


def task_id_for(path, taken: set[str]) -> str:
    """A readable id from the numbering path ('一','（二）','3' → '1.2.3'), unique within ``taken``."""
    base = ".".join(label_number(p) for p in path) or "t"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}~{n}"
        n += 1
    taken.add(candidate)
    return candidate


# A school of one type also runs the grades of others: a task for 初中 applies to a 完全中学.
_COVERS = {
    "九年一贯制": {"小学", "初中"},
    "完全中学": {"初中", "高中"},
    "十二年一贯制": {"小学", "初中", "高中"},
    "中学": {"初中", "高中"},
    "初级中学": {"初中"},
    "高级中学": {"高中"},
}


def applies_to_school(applies_to: list[str], school_type: str, school_name: str) -> bool:
    """Whether a task is this school's to report on.

    A task whose units name no school type or school (``applies_to`` empty: bureau offices only, or
    nothing stated) is reported on by every school, so nothing the bureau asks about goes unanswered.
    """
    if not applies_to:
        return True
    covered = {school_type, *_COVERS.get(school_type, ())}
    return bool(covered & set(applies_to)) or school_name in applies_to
