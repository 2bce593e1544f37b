"""Responsible units: splitting name lists, telling offices from schools, and ``applies_to``.

``applies_to`` lists the school types a task's units reach, in the order 小学, 初中, 九年一贯制,
高中, 幼儿园, 职业学校, 特殊教育, followed by named schools as written:

* 各中小学 / 中小学 -> 小学, 初中, 九年一贯制, 高中
* 各义务教育学校 -> 小学, 初中, 九年一贯制;  各初级中学 -> 初中;  各中学 -> 初中, 高中
* 各幼儿园 / 幼儿园 / 各园 -> 幼儿园;  职业学校 / 职教中心 -> 职业学校;  特教学校 -> 特殊教育
* 各学校 / 各校 / 各级各类学校 -> every type; a name made only of type words (特殊教育学校,
  初级中学) is that type
* a named school (民乐一中, 思源实验学校, 示例县第一中学) -> that name, as written

An **empty list** means the units name only bureau offices (基教股, 教研室, 教育发展中心 …) or
bodies that are not schools or do not say which schools (民办教育机构, 各学区, 各相关学校): the
task is bureau-internal or its schools are not specified. It never means "all schools".

All functions take folded text (see :mod:`charfold`) next to the original where they return text.
"""

from __future__ import annotations

import re

from .vocabulary import alternation
from .vocabulary import offices as O

TYPES = ("小学", "初中", "九年一贯制", "高中", "幼儿园", "职业学校", "特殊教育")
_K12 = ("小学", "初中", "九年一贯制", "高中")

_OFFICE_SUFFIX = re.compile(rf"(?:{alternation(O.OFFICE_SUFFIXES)})$")
_SCHOOL_SUFFIX = re.compile(rf"(?:{alternation(O.SCHOOL_SUFFIXES)}|[一二三四五六七八九十\d]+中)$")
_SCHOOL_CENTRE = re.compile("职教中心|特教中心|特殊教育中心|特殊教育学校|学校|幼儿园")
_GENERIC_PREFIX = re.compile(rf"^(?:{alternation(O.GENERIC_PREFIXES)})")
_BARE_TYPES = ("中小学", "小学", "初中", "高中", "幼儿园", "中小学校", "中小学幼儿园", "学校", "中学")
_NOT_NAMES = ("无", "—", "-", "/", "等", "")


def split_names(value: str, value_folded: str) -> list[tuple[str, str]]:
    """Split a list of names on 、，,；;/ and spaces outside brackets: [(as written, folded)]."""
    out: list[tuple[str, str]] = []
    depth, start = 0, 0
    n = len(value_folded)
    for i in range(n + 1):
        ch = value_folded[i] if i < n else ";"
        if ch in "(《[【":
            depth += 1
        elif ch in ")》]】" and depth:
            depth -= 1
        elif depth == 0 and ch in "、,;/ \t":
            a, b = start, i
            while a < b and value_folded[a] in " \t。.:,、;":
                a += 1
            while b > a and value_folded[b - 1] in " \t。.:,、;":
                b -= 1
            if value_folded[a:b] not in _NOT_NAMES:
                out.append((value[a:b], value_folded[a:b]))
            start = i + 1
    return out


def school_types(folded: str) -> list[str]:
    """School types named in a generic phrase such as 各中小学 / 各幼儿园 / 各义务教育学校."""
    found: list[str] = []
    rest = folded
    if "中小学" in rest:
        found += _K12
        rest = rest.replace("中小学", "")
    if "义务教育" in rest:
        found += ("小学", "初中", "九年一贯制")
        rest = rest.replace("义务教育", "")
    if re.search("九年一贯制|九年制|一贯制", rest):
        found.append("九年一贯制")
        rest = re.sub("九年一贯制|九年制|一贯制", "", rest)
    if "小学" in rest:
        found.append("小学")
    if re.search("初中|初级中学", rest):
        found.append("初中")
    if re.search("高中|高级中学", rest):
        found.append("高中")
    if re.search(r"(?<!初级)(?<!高级)(?<!职业)中学", rest) and not re.search("初中|高中|初级中学|高级中学", rest):
        found += ("初中", "高中")
    if re.search("幼儿园|幼教|^各园$|(?<=[各、])园", rest):
        found.append("幼儿园")
    if re.search("职业|职校|职高|中职|职教|技工", rest):
        found.append("职业学校")
    if re.search("特殊教育|特教|特校|培智|启智", rest):
        found.append("特殊教育")
    return [t for t in TYPES if t in found]


_TYPE_WORDS = re.compile(
    "中小学|小学|初级中学|高级中学|普通高中|初中|高中|九年一贯制|九年制|幼儿园|职业|特殊教育|特教|中学|学校|校|各"
)


def _is_generic(folded: str) -> bool:
    """各… / 全县… phrases, and names made only of type words (特殊教育学校, 初级中学)."""
    if _GENERIC_PREFIX.match(folded) or folded in _BARE_TYPES:
        return True
    return bool(school_types(folded)) and not _TYPE_WORDS.sub("", folded)


def _is_office(folded: str) -> bool:
    return bool(_OFFICE_SUFFIX.search(folded)) and not _SCHOOL_CENTRE.search(folded)


def is_org_name(folded: str) -> bool:
    """Whether a short phrase names an office, a school or a set of schools."""
    s = folded.strip()
    if not s or len(s) > 24 or re.search(r"[。\d]", s):
        return False
    return bool(_is_generic(s) or _SCHOOL_SUFFIX.search(s) or _OFFICE_SUFFIX.search(s))


def applies_to(units: list[tuple[str, str]]) -> list[str]:
    """School types and named schools reached by these units, given as (as written, folded)."""
    types: set[str] = set()
    named: list[str] = []
    for name, f in units:
        f = f.strip()
        if _is_generic(f):
            found = school_types(f)
            if not found and re.search(r"(学校|校)$", f) and not re.search("学区|相关|有关", f):
                found = list(TYPES)  # 各学校 / 各校 / 各级各类学校
            types.update(found)
        elif _is_office(f):
            continue
        elif _SCHOOL_SUFFIX.search(f) or _SCHOOL_CENTRE.search(f):
            if name not in named:
                named.append(name)
    return [t for t in TYPES if t in types] + named
