"""The numbering grammar of Chinese plan documents.

Labels, from the outermost level inwards, in the order official documents conventionally nest them:

    第一部分 / 第一篇 / 第一章      style "part"
    壹、                           style "formal"   (Traditional documents put it above 一、)
    Ⅰ.  Ⅱ、  II.                   style "roman"    (Unicode Roman numerals, or ASCII I–XII with a dot)
    第一节                         style "section"
    第一项：/ 第一项 加强……       style "item"     (a top-level item, like 一、)
    第1条 / 第一条                 style "article"  (as in regulations: its items are （一）)
    一、  一.  一．                style "cn"
    （一） (一) 一） ㈠             style "pcn"
    1.  1、  1．  ⒈                style "arabic"
    1.1  1.1.1                     style "dec2" / "dec3"
    （1） (1) 1） ⑴                style "parabic"
    A.  a)                         style "letter"
    ①  ❶                           style "circled"
    一是 / 第一， / 其一，          style "seq"   (usually inline: "……。一是……。二是……")

``RANK`` gives that conventional order. The outline builder does not force it: a label whose
style is already open becomes a sibling at that level (so numbering may run on across sections,
and levels may be skipped), and only a style that is not open is placed by rank.

All matching runs on the folded line (see :mod:`charfold`); offsets index the original line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import alternation
from .vocabulary import measures as M

RANK = {
    "part": 0,
    "formal": 1,
    "roman": 1.5,
    "section": 2,
    "item": 2.5,
    "article": 2.6,
    "cn": 3,
    "pcn": 4,
    "arabic": 5,
    "dec2": 7,
    "dec3": 8,
    "dec4": 9,
    "parabic": 10,
    "letter": 11,
    "circled": 12,
    "seq": 13,
    "unnumbered": 14,
}

_CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100}

_NUM = "一二三四五六七八九十百零〇两"
_FORMAL = "壹贰叁肆伍陆柒捌玖拾佰"
_CJK = r"\u4e00-\u9fff\u3400-\u4dbf"

_CIRCLED = (
    {chr(0x2460 + i): i + 1 for i in range(20)}  # ①..⑳
    | {chr(0x3251 + i): i + 21 for i in range(15)}  # ㉑..㉟
    | {chr(0x32B1 + i): i + 36 for i in range(15)}  # ㊱..㊿
    | {chr(0x2776 + i): i + 1 for i in range(10)}  # ❶..❿
    | {chr(0x2780 + i): i + 1 for i in range(10)}  # ➀..➉
    | {chr(0x278A + i): i + 1 for i in range(10)}  # ➊..➓
)
_PAREN_DIGIT = {chr(0x2474 + i): i + 1 for i in range(20)}  # ⑴..⒇
_DIGIT_STOP = {chr(0x2488 + i): i + 1 for i in range(20)}  # ⒈..⒛
_PAREN_IDEO = {chr(0x3220 + i): i + 1 for i in range(10)}  # ㈠..㈩
_ROMAN = {chr(0x2160 + i): i + 1 for i in range(12)}  # Ⅰ..Ⅻ (one code point each)

_SPECIAL = {**{c: ("circled", n) for c, n in _CIRCLED.items()},
            **{c: ("parabic", n) for c, n in _PAREN_DIGIT.items()},
            **{c: ("arabic", n) for c, n in _DIGIT_STOP.items()},
            **{c: ("pcn", n) for c, n in _PAREN_IDEO.items()},
            **{c: ("roman", n) for c, n in _ROMAN.items()}}

# Each pattern is matched at a position of the folded line. Group "n" is the number.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(rf"第\s*(?P<n>[{_NUM}\d]{{1,4}})\s*(?:部分|部份|篇|章|编)\s*[、.:]?\s*")),
    ("section", re.compile(rf"第\s*(?P<n>[{_NUM}\d]{{1,4}})\s*节\s*[、.:]?\s*")),
    ("article", re.compile(rf"第\s*(?P<n>[{_NUM}\d]{{1,4}})\s*条\s*[、.:]?\s*")),
    # 第一项 only with a separator after it: "第一项工作是……" in running text is not a label
    ("item", re.compile(rf"第\s*(?P<n>[{_NUM}\d]{{1,4}})\s*项\s*(?:[、.:]\s*|\s+)(?=\S)")),
    ("seq", re.compile(r"(?:第|其)(?P<n>[一二三四五六七八九十]{1,3})\s*[,、:]\s*(?=\S)")),
    ("formal", re.compile(rf"(?P<n>[{_FORMAL}]{{1,3}})\s*[、.]\s*")),
    ("pcn", re.compile(rf"\(\s*(?P<n>[{_NUM}]{{1,3}})\s*\)\s*[、.]?\s*|(?P<n2>[{_NUM}]{{1,3}})\)\s*")),
    ("seq", re.compile(r"(?P<n>[一二三四五六七八九十]{1,3})是\s*(?=[^\s,.。;:])")),
    ("cn", re.compile(rf"(?P<n>[{_NUM}]{{1,3}})\s*(?:[、.](?![{_NUM}]?[、.])|\s+(?=[{_CJK}]))\s*")),
    ("parabic", re.compile(r"\(\s*(?P<n>\d{1,3})\s*\)\s*[、.]?\s*|(?P<n2>\d{1,3})\)\s*")),
    ("dec", re.compile(rf"(?P<n>\d{{1,3}}(?:\.\d{{1,3}}){{1,3}})(?:\.(?!\d))?(?:\s+|(?=[{_CJK}]))")),
    ("arabic", re.compile(rf"(?P<n>\d{{1,3}})\s*(?:[.、,](?![\d.])|\s+(?=[{_CJK}]))\s*")),
    ("roman", re.compile(rf"(?P<n>X?(?:IX|IV|VI{{0,3}}|I{{1,3}}|V)|X)\s*[.、]\s*(?=[{_CJK}])")),
    ("letter", re.compile(rf"\((?P<n2>[A-Za-z])\)\s*(?=[{_CJK}])|(?P<n>[A-Za-z])\s*[.)、]\s*(?=[{_CJK}])")),
]
_FIRST_CHARS = {
    "part": "第", "section": "第", "item": "第", "article": "第", "formal": _FORMAL,
    "pcn": "(" + _NUM, "cn": _NUM, "parabic": "(0123456789", "dec": "0123456789",
    "arabic": "0123456789",
    "roman": "IVX",
    "letter": "(ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
}
_STRIP_LABEL = re.compile(r"[\s（）()、.．,，:：“”\"'《》]")
_TRAIL_SEP = re.compile(r"[\s、.．,，:：]+$")


@dataclass(frozen=True)
class Label:
    """A numbering label found in a line."""

    style: str  # a key of RANK
    number: int  # its ordinal (1 for 一/1/①/一是 …)
    text: str  # as written, e.g. "一", "（二）", "3", "第一部分", "一是"
    start: int  # offset of the label in the line
    end: int  # offset where the body starts


def cn_to_int(s: str) -> int | None:
    """Chinese numeral (一 … 九十九, 一百零一, 壹拾贰) or Arabic digits to int; None if not a number."""
    if not s:
        return None
    if s.isdigit():
        try:
            return int(s)
        except ValueError:  # e.g. other Unicode digit characters
            return None
    total, digit = 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            if digit is not None and digit != 0 and _CN_DIGITS[ch] != 0:
                # positional form 二〇二二 / 一二: read digit by digit
                return _positional(s)
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (digit if digit else 1) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def _positional(s: str) -> int | None:
    n = 0
    for ch in s:
        if ch not in _CN_DIGITS:
            return None
        n = n * 10 + _CN_DIGITS[ch]
    return n


def int_to_cn(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (for n >= 1)."""
    digits = "零一二三四五六七八九"
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    head = digits[n // 100 % 10] + "百" if n < 1000 else str(n // 100) + "百"
    if rest == 0:
        return head
    return head + ("零" + digits[rest] if rest < 10 else int_to_cn(rest) if rest >= 20 else "一" + int_to_cn(rest))


def _roman_to_int(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total


def normalise_label(label: str) -> str:
    """A label without brackets, separators or spaces, as the scorer compares them ("（二）" -> "二")."""
    return _STRIP_LABEL.sub("", str(label))


def match_label(orig: str, folded: str, pos: int = 0, *, allow_empty: bool = False) -> Label | None:
    """The numbering label starting at ``pos`` (after optional spaces), or None.

    A label with nothing after it ("一、" alone on a line) is only accepted with ``allow_empty``:
    its heading text then follows on the next line."""
    n = len(folded)
    while pos < n and folded[pos] in " \t":
        pos += 1
    if pos >= n:
        return None
    ch = folded[pos]
    if ch in _SPECIAL:
        style, number = _SPECIAL[ch]
        end = pos + 1
        while end < n and folded[end] in " \t、.":
            end += 1
        if end >= n and not allow_empty:
            return None
        return Label(style, number, orig[pos], pos, end)
    for style, rx in _PATTERNS:
        if ch not in _FIRST_CHARS.get(style, ch):
            continue
        m = rx.match(folded, pos)
        if not m or (m.end() >= n and not allow_empty):
            continue
        label = _make_label(style, m, orig, pos)
        if label is not None:
            return label
    return None


def _make_label(style: str, m: re.Match[str], orig: str, pos: int) -> Label | None:
    num_text = m.group("n") if m.group("n") is not None else m.groupdict().get("n2")
    if num_text is None:
        return None
    if style == "letter":
        number = ord(num_text.lower()) - ord("a") + 1
        text = orig[pos:m.end()].strip()
        text = _TRAIL_SEP.sub("", text) if not text.startswith(("(", "（")) else text
        return Label(style, number, text, pos, m.end())
    if style == "roman":
        number = _roman_to_int(num_text)
        return Label(style, number, num_text, pos, m.end()) if number else None
    if style == "dec":
        parts = num_text.split(".")
        if any(p.lstrip("0") == "" for p in parts):
            return None  # "2.0" is a version, not a label
        style = f"dec{len(parts)}"
        return Label(style, int(parts[-1]), orig[m.start("n"):m.end("n")], pos, m.end())
    number = cn_to_int(num_text)
    if number is None or number == 0:
        return None
    if style in ("cn", "arabic", "formal"):
        text = orig[m.start("n"):m.end("n")] if m.group("n") is not None else num_text
        label = Label(style, number, text, pos, m.end())
        # "建成社会足球场 3 个。": a number set off by spaces before its unit is a quantity
        return None if _set_off(label, m.string) and _QUANTITY.match(m.string, m.end()) else label
    if style == "seq":
        text = orig[pos:m.end()].strip()
        text = _TRAIL_SEP.sub("", text)
    else:  # part, section, article, pcn, parabic: keep brackets and keywords as written
        text = _TRAIL_SEP.sub("", orig[pos:m.end()].strip())
        text = re.sub(r"\s+", "", text)
    return Label(style, number, text, pos, m.end())


_UNITS = alternation(M.UNITS)
# A unit of measure standing as a word of its own (followed by punctuation, a space or the end of the line).
_QUANTITY = re.compile(rf"(?:{_UNITS})(?=[\s,，.。、;；:：)）]|$)")
_UNIT = re.compile(rf"(?:{_UNITS}|[年月日号时周天届期%％])")  # or a part of a date: "2022 年 9 月"


def _set_off(label: Label, folded: str) -> bool:
    """Whether an arabic number is followed by spaces only, no "." or "、" ("3 个", "3 新建……")."""
    return label.style == "arabic" and not folded[label.start + len(label.text):label.end].strip()


def _spaced_quantity(label: Label, folded: str) -> bool:
    """Inside a line, a number set off by spaces before a unit of measure or a part of a date is how many (or
    when), glued to what follows or not: "（每周 2 节体育课）", "七个方面、12 项整改问题", "2022 年 9 月" (text
    taken out of a PDF spaces the digits in Chinese text). At the start of a line "2 项目建设" can still be a
    table's row number."""
    return _set_off(label, folded) and _UNIT.match(folded, label.end) is not None

# Positions inside a line where a further label may start.
_STRONG_BOUNDARY = set("。;；:：!！?？ \t")
_WEAK_BOUNDARY = set(",，)）”》】]")  # weaker boundaries: only for lists that continue


def embedded_candidates(orig: str, folded: str, start: int, *, glued: bool = False) -> list[Label]:
    """Labels that start inside the line after ``start``: after a sentence boundary, or glued
    anywhere for bracketed/circled forms. With ``glued``, also "1." / "1、" glued to a Chinese word
    before it and followed by one ("建设1.落实"): several levels flattened onto one line. The
    outline builder decides which of them split the line."""
    out: list[Label] = []
    n = len(folded)
    i = start
    while i < n:
        ch = folded[i]
        prev = folded[i - 1] if i > 0 else " "
        cand = None
        if ch in _SPECIAL or ch == "(":
            if prev not in "0123456789":
                cand = match_label(orig, folded, i)
        elif glued and ch in "123456789" and "\u4e00" <= prev <= "\u9fff" and prev not in "第其前后共约近超逾达" + _NUM:
            cand = match_label(orig, folded, i)
            if cand is not None and not (
                cand.style == "arabic" and folded[i + len(cand.text)] in ".、"
                and cand.end < n and ("\u4e00" <= folded[cand.end] <= "\u9fff" or folded[cand.end] in "“\"")
            ):
                cand = None
        elif prev in _STRONG_BOUNDARY or prev in _WEAK_BOUNDARY:
            if ch not in " \t":
                cand = match_label(orig, folded, i)
                if cand is not None and prev in _WEAK_BOUNDARY and cand.style not in (
                    "seq", "arabic", "parabic", "circled"
                ):
                    cand = None
        if cand is not None and cand.start == i and not _spaced_quantity(cand, folded):
            out.append(cand)
            i = cand.end
            continue
        i += 1
    return out


def weak_boundary_before(folded: str, pos: int) -> bool:
    """Whether the character before ``pos`` is a weak boundary (a comma or a closing bracket)."""
    return pos > 0 and folded[pos - 1] in _WEAK_BOUNDARY
