"""Deadlines as ``"YYYY-MM"``.

Sources, in order of trust: a deadline field (完成时间 / 完成时限 / 时间节点 … — see
:mod:`fields`), a parenthesised date-only trailer ("（3月）", "（年底前）"), and failing both a
committed date written in the body ("6月底前完成", "于2022年9月前", "年底前"). A bare month in
the body ("3月召开") is *not* a deadline.

When a value names several dates the latest wins: a range gives its end ("3月至6月" -> 06,
"9月—12月" -> 12, "2023年6月至7月" -> 07). A month without a year takes the last year written
before it in the same value, else the document's year; without any year the deadline is unknown
(None). Words: 年底 / 年末 / 年内 / 全年 / 年度内 / 下半年 -> 12 (全年 means "within the year": the
year's end), 上半年 -> 06, 第N季度 / N季度 -> 3N (第三季度 -> 09). Three-digit years 100–199 are
民国纪年 (111年 = 2022).

School-calendar words name the month a term or a holiday ends, so that "before it" means that
month: 春季开学(前) -> 02, 秋季开学前 -> 08 (秋季开学 without 前 -> 09), 暑假前 / 放假前 -> 07,
暑假 / 暑期 (期间, 内) -> 08, 春季学期 -> 07, 秋季学期 -> 12 (the term runs into January, but a
plan for the year means it done within the year). 寒假 gives None: a year plan's 寒假 may be the
one in January or the one a year later, and guessing wrong is worse than asking. 上学期 / 下学期
and a bare 开学 are None for the same reason. In the body, 秋季开学前 / 春季开学前 / 暑假前 count
as committed dates ("秋季开学前全部投入使用"); 暑假期间 is a schedule ("暑假期间开展家访"), not a deadline.

Open-ended values — 长期 / 长期坚持 / 持续 / 常态化 / 每学期 / 每月 / 适时 … (:func:`is_open_ended`)
— give None, and a task whose own deadline field says so keeps None rather than inheriting its
heading's deadline or reading one from its body. In the body, 上半年完成 / 第三季度前 / 下半年内
count as committed dates like 6月底前, and so does a month in brackets after the item's words
("加强眼操检查（3月）要求……"), and so do a numeric date before 前 ("2023-06-30前", "2023.6前完成") and
the end of a period that runs from now ("即日起至6月" -> 06), and so does a month or a half-year followed by a verb of
achievement (6月建成, 上半年实现全覆盖); followed by any other verb it is a schedule, not a deadline
(3月召开, 下半年开展).

Functions take folded text (see :mod:`charfold`).
"""

from __future__ import annotations

import re

from .numbering import cn_to_int
from .vocabulary import alternation
from .vocabulary import dates as D

_MON = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_YEAR = r"(?:19|20)\d{2}|1\d{2}|[一二][〇零○一二三四五六七八九]{3}"  # 二〇二六 as a formal document writes it
_TOKEN = re.compile(
    rf"(?P<ym>(?P<y>{_YEAR})\s*(?:年|\.|-|/|—)\s*(?P<m>{_MON})(?!\d)(?!\.(?!\d{{1,2}}(?![\d.])))"
    rf"(?:\s*(?:-|—|–|~|至|到)\s*(?P<m4>{_MON})(?=\s*月))?)"
    rf"|(?P<rng>(?<![\d年./])(?<!\d[-—/])(?:{_MON})\s*(?:-|—|–|~|至|到)\s*(?P<m3>{_MON})\s*月)"
    rf"|(?P<mo>(?<![\d年./十])(?<!\d[-—/])(?P<m2>{_MON})\s*月)"
    rf"|(?P<word>年底|年末|年内|全年|年度内|上半年|下半年|(?:第)?[一二三四1-4]\s*季度)"
    rf"|(?P<term>(?:春季|秋季|春|秋)(?:学期)?\s*开学\s*(?:前|以前|之前)?|暑假前|放暑假前|暑假|暑期|春季学期|秋季学期)"
    rf"|(?P<yo>(?P<y2>{_YEAR})\s*年)"
)


def _term_month(word: str) -> int:
    """The month a school-calendar word stands for (see the module docstring)."""
    if "开学" in word:
        if word.startswith("春"):
            return 2
        return 8 if word.endswith("前") else 9
    if word in ("暑假前", "放暑假前"):
        return 7
    if word in ("暑假", "暑期"):
        return 8
    return 7 if word.startswith("春") else 12


_WORD_MONTH = {w: m for w, m, _ex in D.MONTH_WORDS}

_DONE = alternation(D.ACHIEVED)  # verbs of achievement: "6月建成" is a deadline
_BODY = re.compile(
    rf"(?:(?:{_YEAR})\s*年\s*)?(?<![\d.])({_MON})\s*月份?\s*"
    rf"(?:(?:底|末|中旬|上旬|下旬)\s*(?:前|以前|之前)?|(?:\d{{1,2}}\s*日)?\s*(?:前|以前|之前)|{_DONE})"
    rf"|(?:(?:19|20)\d{{2}}\s*)?(?:年底|年末)\s*(?:前|以前|之前)|年内完成|年底完成|年底|年末"
    rf"|(?:上半年|下半年|第?[一二三四1-4]\s*季度)\s*(?:末|底)?\s*(?:前|以前|之前|内|{_DONE})"
    r"|(?:(?:19|20)\d{2}\s*年\s*)?(?:(?:春季|秋季)(?:学期)?\s*开学|放?暑假)\s*(?:前|以前|之前)"
    rf"|(?:19|20)\d{{2}}\s*[.\-/]\s*{_MON}(?:\s*[.\-/]\s*\d{{1,2}})?(?!\d)\s*(?:底|末)?\s*(?:前|以前|之前|{_DONE})"
    rf"|(?<=\()\s*(?:(?:{_YEAR})\s*年\s*)?(?<![\d.]){_MON}\s*月份?\s*(?:底|末|中旬|上旬|下旬)?\s*(?:前|以前|之前)?\s*(?=\))"
    rf"|(?:即日|现在|今日|本通知印发之日)起?\s*(?:至|到)\s*(?:(?:{_YEAR})\s*年\s*)?(?<![\d.]){_MON}\s*月"
)
_OPEN_ENDED = re.compile(
    rf"^(?:{alternation(D.OPEN_ENDED)}|每\s*(?:学期|学年|年|季度|月|周|天)|"
    r"按(?:上级|要求|计划|进度)|根据(?:上级|需要|要求|安排))"
)
_DATE_ONLY_REST = re.compile(
    rf"(?:19|20)\d{{2}}\s*[.\-/]\s*{_MON}(?:\s*[.\-/]\s*\d{{1,2}})?(?!\d)|(?:{_YEAR})\s*年|(?:19|20)\d{{2}}\s*[.\-/]|{_MON}\s*月份?|\d{{1,2}}\s*日|年底|年末|年内|全年|年度内|"
    r"上半年|下半年|第?[一二三四1-4]季度|春季|秋季|开学|学期|放|暑假|暑期|期间|底|末|中旬|上旬|下旬|以前|之前|前|完成|至|到|~|-|—|起|止|\s"
)


_CN_DIGIT = str.maketrans("〇零○一二三四五六七八九", "000123456789")


def _year(s: str) -> int | None:
    v = int(s.translate(_CN_DIGIT))
    if 100 <= v <= 199:  # 民国纪年: 111年 = 2022
        return v + 1911
    return v if 1900 <= v <= 2199 else None


def _month(s: str) -> int | None:
    v = int(s) if s.isdigit() else cn_to_int(s)
    return v if v and 1 <= v <= 12 else None


def parse_deadline(folded: str, year: int | None) -> str | None:
    """The latest date named in a deadline value as "YYYY-MM", or None."""
    found: list[tuple[int, int]] = []
    current = year
    year_only: list[int] = []
    for m in _TOKEN.finditer(folded):
        if m.group("ym"):
            y = _year(m.group("y"))
            mm = _month(m.group("m4") or m.group("m"))
            if y and mm:
                current = y
                found.append((y, mm))
        elif m.group("rng") or m.group("mo"):
            mm = _month(m.group("m3") or m.group("m2"))
            if mm and current:
                found.append((current, mm))
        elif m.group("word"):
            w = re.sub(r"\s", "", m.group("word"))
            if current:
                if w in _WORD_MONTH:
                    found.append((current, _WORD_MONTH[w]))
                else:
                    q = w.replace("第", "").replace("季度", "")
                    found.append((current, 3 * (int(q) if q.isdigit() else (cn_to_int(q) or 4))))
        elif m.group("term"):
            if current:
                found.append((current, _term_month(re.sub(r"\s", "", m.group("term")))))
        elif m.group("yo"):
            y = _year(m.group("y2"))
            if y:
                current = y
                year_only.append(y)
    if not found and year_only:
        found = [(y, 12) for y in year_only]  # "2022年" alone: by the end of that year
    if not found:
        return None
    y, mm = max(found)
    return f"{y:04d}-{mm:02d}"


def body_deadline(folded: str, year: int | None) -> str | None:
    """A committed date written in a task's body ("6月底前完成", "年底前"), or None."""
    best = None
    for m in _BODY.finditer(folded):
        d = parse_deadline(m.group(0), year)
        if d and (best is None or d > best):
            best = d
    return best


def is_date_only(folded: str) -> bool:
    """Whether a short phrase is nothing but a date ("3月", "2022年6月底前", "年底前")."""
    s = folded.strip()
    if not s or len(s) > 30:
        return False
    return not _DATE_ONLY_REST.sub("", s) and parse_deadline(s, 2000) is not None


def is_open_ended(folded: str) -> bool:
    """Whether a deadline value says the work has no end date ("长期坚持", "常态化", "每学期")."""
    t = folded.strip()
    return bool(t) and len(t) <= 16 and bool(_OPEN_ENDED.match(t)) and parse_deadline(t, 2000) is None
