"""Word automatic list numbering: the label Word shows but the paragraph text does not contain.

A numbered paragraph carries ``w:numPr`` (``w:numId`` + ``w:ilvl``), directly or through its
paragraph style. ``w:numId`` points at a ``w:num`` in the numbering part, which points at a
``w:abstractNum`` whose ``w:lvl`` elements give, per level, the start value, the number format
(decimal, chineseCounting, decimalEnclosedCircle …) and the label text with ``%1``…``%9``
placeholders ("%1、", "（%2）", "%3."). Counters follow Word: they belong to the abstract
numbering (lists that share it continue each other) and a ``w:startOverride`` on a ``w:num``
restarts them the first time that ``w:num`` is used; starting a level resets the deeper levels.

:class:`WordNumbering` walks paragraphs in document order and returns each one's label text
(with a trailing space when Word puts a tab or a space after it), or "" for none and for bullets.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

from .numbering import int_to_cn

_CIRCLED = [chr(0x2460 + i) for i in range(20)]
_PAREN = [chr(0x2474 + i) for i in range(20)]
_STOP = [chr(0x2488 + i) for i in range(20)]
_FORMAL = "零壹贰叁肆伍陆柒捌玖"
_GAN = "甲乙丙丁戊己庚辛壬癸"
_ZHI = "子丑寅卯辰巳午未申酉戌亥"


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"


def format_number(n: int, fmt: str) -> str:
    """A counter value in a Word number format."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"):
        return int_to_cn(n)
    if fmt == "ideographDigital" or fmt == "taiwaneseDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        cn = int_to_cn(n)
        return cn.translate(str.maketrans("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return _STOP[n - 1]
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _GAN[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return _ZHI[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and n >= 1:
        s = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman") and n >= 1:
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def _val(el, tag: str, default=None):
    child = el.find(qn(tag)) if el is not None else None
    if child is None:
        return default
    return child.get(qn("w:val"), default)


class WordNumbering:
    """Labels of Word-numbered paragraphs of one document, in document order."""

    def __init__(self, document) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError, ValueError):
            root = None
        if root is not None:
            self._read_numbering(root)
        try:
            styles_root = document.styles.element
        except (KeyError, NotImplementedError, AttributeError, ValueError):
            styles_root = None
        if styles_root is not None:
            self._read_styles(styles_root)

    def _read_numbering(self, root) -> None:
        for ab in root.findall(qn("w:abstractNum")):
            aid = ab.get(qn("w:abstractNumId"))
            levels: dict[int, _Level] = {}
            for lvl in ab.findall(qn("w:lvl")):
                try:
                    ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                    start = int(_val(lvl, "w:start", "1"))
                except ValueError:
                    continue
                levels[ilvl] = _Level(start, _val(lvl, "w:numFmt", "decimal"), _val(lvl, "w:lvlText", ""),
                                      _val(lvl, "w:suff", "tab"))
            self._abstract[aid] = levels
        for num in root.findall(qn("w:num")):
            nid = num.get(qn("w:numId"))
            aid = _val(num, "w:abstractNumId")
            overrides: dict[int, int] = {}
            for ov in num.findall(qn("w:lvlOverride")):
                try:
                    ilvl = int(ov.get(qn("w:ilvl"), "0"))
                    start = _val(ov, "w:startOverride")
                    if start is not None:
                        overrides[ilvl] = int(start)
                except ValueError:
                    continue
            if nid is not None and aid is not None:
                self._nums[nid] = (aid, overrides)

    def _read_styles(self, root) -> None:
        for st in root.findall(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            ppr = st.find(qn("w:pPr"))
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            num_id = _val(numpr, "w:numId") if numpr is not None else None
            ilvl = _val(numpr, "w:ilvl") if numpr is not None else None
            based = _val(st, "w:basedOn")
            try:
                self._styles[sid] = (num_id, int(ilvl) if ilvl is not None else None, based)
            except ValueError:
                self._styles[sid] = (num_id, None, based)

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based = self._styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl or 0
            style_id = based
        return None, 0

    def label(self, p_element) -> str:
        """The label of a ``w:p`` element ("" when it is not numbered)."""
        ppr = p_element.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, ilvl = None, 0
        if numpr is not None:
            num_id = _val(numpr, "w:numId")
            try:
                ilvl = int(_val(numpr, "w:ilvl", "0"))
            except ValueError:
                ilvl = 0
        if num_id is None:
            style_id = _val(ppr, "w:pStyle") if ppr is not None else None
            num_id, style_ilvl = self._style_numbering(style_id)
            if numpr is None:
                ilvl = style_ilvl
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return ""
        aid, overrides = self._nums[num_id]
        levels = self._abstract.get(aid, {})
        if ilvl not in levels or not 0 <= ilvl <= 8:
            return ""
        counters = self._counters.setdefault(aid, [None] * 9)
        if num_id not in self._used:
            self._used.add(num_id)
            if overrides:
                for lv in range(9):
                    counters[lv] = None
        lvl = levels[ilvl]
        if counters[ilvl] is None:
            counters[ilvl] = overrides.get(ilvl, lvl.start)
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if lvl.fmt in ("bullet", "none"):
            return ""
        text = lvl.text or ""
        for k in range(9, 0, -1):
            token = f"%{k}"
            if token in text:
                lk = levels.get(k - 1, _Level())
                value = counters[k - 1] if counters[k - 1] is not None else overrides.get(k - 1, lk.start)
                text = text.replace(token, format_number(value, lk.fmt))
        if not text.strip():
            return ""
        return text + ("" if lvl.suffix == "nothing" else " ")
