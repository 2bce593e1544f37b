"""Quantitative targets a task commits to.

A target is an Arabic number (or a range: 1至3, 1-2) or a placeholder the bureau has not filled in
(x, xx, X, ×, *, **) followed by a unit of measure — 个, 所, 名, 人, 次, 项, 处, 节, 小时, 万元,
平方米, %, ％ … (optionally after 余/多: "300余人") — or by 的 for a bare share ("全县30的中小学",
unit ""). Examples: 不少于1小时 -> ("1", "小时"); 建成60处 -> ("60", "处"); 覆盖率达到100% ->
("100", "%"); 每周2节 -> ("2", "节"); 掌握1至3项 -> ("1至3", "项"); 合格率xx% -> (None, "%",
placeholder).

A target is a *commitment*, not any count: its clause (back to the last ，。；： before the
number, text inside 《》 ignored) must hold a commitment word — 达到, 不少于, 不低于, 至少, 确保,
实现, 完成, 建成, 新建, 打造, 培养, 招聘, 新增, 投资, 开展, 培训, 覆盖, 每… (``_COMMIT``) — or the
number is a rate ("合格率95%"), is followed by 以上/以内/左右/目标, or a commitment word follows it
in the same phrase ("30的中小学建成…"). A count cited from elsewhere is not a target: a reference
word (针对, 对照, 依据, 反馈, 指出, 排查出, 现有, 累计, 去年 … — ``_REFERENCE``) before the number
with no commitment word between them rules it out ("对照巡察反馈的9项突出问题"). Placeholders
(x, **) are the bureau's own blanks and need no commitment word, only no reference word.

Not targets either: years (2022年), dates (3月, 14日), ages (35岁), ordinals (第3届), anniversaries
(100周年), version numbers (2.0), numbers inside 《》 titles, and Chinese numerals (三所, 五项管理),
which in plans name programmes far more often than they commit to a quantity — except as a
frequency or right after a threshold ("每周两节体育课", "每年举办一次", "不少于一小时"), or as a
routine act counted per day or week ("一日三小扫", "每周两查": the act is the unit), where their
value is given in Arabic digits.

Each target is ``{"text", "value", "unit", "placeholder"}``: ``text`` is the clause it sits in (cut
at ，。；：、), ``unit`` is as written (％ stays ％), ``value`` is None for a placeholder.
"""

from __future__ import annotations

import re

from .numbering import cn_to_int
from .vocabulary import alternation, words
from .vocabulary import measures as M

_UNITS = sorted(words(M.UNITS), key=len, reverse=True)
_UNIT_ALT = "|".join(re.escape(u) for u in _UNITS)
_NUMBER = r"\d+(?:\.\d+)?(?:\s*(?:至|到|-|~|—|–)\s*\d+(?:\.\d+)?)?"
_PLACEHOLDER = r"[xX×]{1,6}|\*{1,6}"
_TARGET = re.compile(
    rf"(?<![\dA-Za-z.*×])(?P<v>{_NUMBER}|{_PLACEHOLDER})\s*(?:余|多)?"
    rf"(?:(?P<u>{_UNIT_ALT})|(?P<bare>(?=的)))"
)
# A unit followed by one of these characters is the start of a word, not a unit ("3人民" no).
_NOT_UNIT_BEFORE = {
    "分": "钟校之局别类层级年组享配管批期",
    "周": "年岁边",
    "人": "民大才员",
    "门": "户",
    "园": "区林",
    "校": "园长区友",
    "本": "科地市县领",
    "期": "间末中",
    "名": "单义称额",
    "节": "日约能点",
    "处": "理置罚",
    "类": "型别似",
    "位": "置于",
    "支": "持付部",
    "台": "账",
    "元": "旦",
    "组": "织",
    "队": "伍",
    "个": "人体",
    "次": "性序数",
}
_CLAUSE_BREAK = re.compile(r"[,。;:!?、]")
_CONNECTIVE = re.compile(r"以及|并且|及|和|与|并|同时")
_COMMIT = re.compile(alternation(M.COMMIT))
_REFERENCE = re.compile(alternation(M.REFERENCE))
# A commitment word right after one of these tells what was done, not what will be ("已建成",
# "累计培训", "去年新增"): it does not outweigh the reference word.
_PAST = re.compile(alternation(M.PAST))
_TAIL = re.compile(r"\s*(?:及|或)?\s*(?:以上|以内|之内|左右|目标)")
_SCOPE_BREAK = re.compile(r"[,。;:!?]")
_TITLE_SPAN = re.compile(r"《[^《》]*》")
_SCOPE_MAX = 60
# Chinese numerals are targets only as a frequency or a threshold ("每周两节", "不少于一小时")
_CN_TARGET = re.compile(rf"(?P<v>[一二两三四五六七八九十]{{1,3}})\s*(?P<u>{_UNIT_ALT})")
_FREQUENCY = re.compile(rf"{alternation(M.FREQUENCIES)}|每\s+(?:天|日|周|月|年|学期)")
_THRESHOLD = re.compile(rf"(?:{alternation(M.THRESHOLDS)})$")
# "一日三小扫", "每周两查": a routine act counted per period (the act is the unit)
_ROUTINE = re.compile(
    rf"(?<![第\d])(?:一|每)\s*(?:日|天|周|月|学期)\s*(?P<v>[一二两三四五六七八九十]{{1,2}}|\d{{1,2}})\s*"
    rf"(?P<u>[大小]?(?:{alternation(M.ROUTINE_ACTS)}))"
)


def extract_targets(text: str, folded: str) -> list[dict]:
    """Targets in ``text`` (``folded`` is its folded copy, same length)."""
    found = []  # (value start, match end, clause start, clause end, value, unit, placeholder)
    for m in _TARGET.finditer(folded):
        v = m.group("v")
        unit = m.group("u") or ""
        vs, ve = m.start("v"), m.end("v")
        nxt = folded[m.end():m.end() + 1]
        if unit and nxt and (nxt in _NOT_UNIT_BEFORE.get(unit, "") or (unit == "个" and nxt.isdigit())):
            continue  # "3人民", "4个100%" (the count of the targets that follow)
        placeholder = not v[0].isdigit()
        if placeholder and not unit:
            continue
        if _excluded(folded, vs, ve, v) or not _committed(folded, vs, m.end(), placeholder):
            continue
        found.append((vs, m.end(), _clause_start(folded, vs), _clause_end(folded, m.end()),
                      v, (m.start("u"), m.end("u")) if unit else None, placeholder))
    for m in _CN_TARGET.finditer(folded):  # "每周两节", "每年举办一次", "不少于一小时"
        vs, unit = m.start("v"), m.group("u")
        nxt = folded[m.end():m.end() + 1]
        if nxt and nxt in _NOT_UNIT_BEFORE.get(unit, ""):
            continue
        a = _clause_start(folded, vs)
        back = folded[a:vs]
        if folded[max(0, vs - 1):vs] == "第" or not (_FREQUENCY.search(back) or _THRESHOLD.search(back[-4:])):
            continue
        if any(f[0] <= vs < f[1] for f in found):
            continue
        found.append((vs, m.end(), a, _clause_end(folded, m.end()), str(cn_to_int(m.group("v"))),
                      (m.start("u"), m.end("u")), False))
    for m in _ROUTINE.finditer(folded):  # "一日三小扫"
        vs = m.start("v")
        if any(f[0] <= vs < f[1] for f in found):
            continue
        v = m.group("v")
        found.append((m.start(), m.end(), _clause_start(folded, m.start()), _clause_end(folded, m.end()),
                      v if v.isdigit() else str(cn_to_int(v)), (m.start("u"), m.end("u")), False))
    found.sort()
    # several targets in one clause: split the words between two of them at a connective
    # ("x所示范校及x所…") or else right after the first one's unit ("****万元更换设备***套")
    cuts = []
    for k in range(len(found) - 1):
        if found[k + 1][2] != found[k][2]:
            cuts.append(None)
            continue
        end, nxt = found[k][1], found[k + 1][0]
        connectives = list(_CONNECTIVE.finditer(folded, end, nxt))
        last = connectives[-1] if connectives else None
        cuts.append((last.start(), last.end()) if last else (end, end))
    out: list[dict] = []
    for k, (_vs, _end, a, b, v, unit_span, placeholder) in enumerate(found):
        if k > 0 and cuts[k - 1] is not None:
            a = cuts[k - 1][1]
        if k < len(cuts) and cuts[k] is not None:
            b = cuts[k][0]
        out.append({
            "text": text[a:b].strip().strip("及和与并且、,， "),
            "value": None if placeholder else re.sub(r"\s+", "", v),
            "unit": text[unit_span[0]:unit_span[1]] if unit_span else "",
            "placeholder": placeholder,
        })
    return out


def _excluded(folded: str, vs: int, ve: int, v: str) -> bool:
    before = folded[max(0, vs - 1):vs]
    if before == "第":
        return True
    opened = folded.rfind("《", 0, vs)
    if opened != -1 and folded.find("》", opened, vs) == -1:
        return True
    if re.fullmatch(r"(?:19|20)\d{2}", v) and re.match(r"\s*[年\-—~至到./]", folded[ve:ve + 2]):
        return True
    return False


def _committed(folded: str, vs: int, end: int, placeholder: bool) -> bool:
    """Whether the quantity at ``vs``..``end`` is a commitment (see the module docstring)."""
    a = vs
    stop = max(0, vs - _SCOPE_MAX)
    while a > stop and not _SCOPE_BREAK.match(folded, a - 1):
        a -= 1
    back = _TITLE_SPAN.sub("", folded[a:vs])
    commits = [m.start() for m in _COMMIT.finditer(back)
               if not _PAST.search(back, max(0, m.start() - 3), m.start())]
    refs = [m.start() for m in _REFERENCE.finditer(back)]
    if refs and commits and commits[0] < refs[0]:
        refs = []  # the whole phrase is committed to: "确保已建成的3所幼儿园秋季投入使用"
    if refs and (not commits or commits[-1] < refs[-1]):
        return False  # a count cited from elsewhere: "对照巡察反馈的9项突出问题"
    if placeholder or commits or back.rstrip().endswith("率"):
        return True
    b = end
    limit = min(len(folded), end + 30)
    while b < limit and not _CLAUSE_BREAK.match(folded, b):
        b += 1
    ahead = _TITLE_SPAN.sub("", folded[end:b])
    return bool(_TAIL.match(ahead) or _COMMIT.search(ahead))


_CLAUSE_MAX = 120  # a target's text never reaches further than this from the number


def _clause_start(folded: str, pos: int) -> int:
    i, stop = pos, max(0, pos - _CLAUSE_MAX)
    while i > stop and not _CLAUSE_BREAK.match(folded, i - 1):
        i -= 1
    return i


def _clause_end(folded: str, pos: int) -> int:
    stop = min(len(folded), pos + _CLAUSE_MAX)
    m = _CLAUSE_BREAK.search(folded, pos, stop)
    return m.start() if m else stop
