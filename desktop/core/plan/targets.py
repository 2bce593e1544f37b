"""Quantitative targets a task commits to.

A target is an Arabic number (or a range: 1至3, 1-2) or a placeholder the bureau has not filled in
(x, xx, X, ×, *, **) followed by a unit of measure — 个, 所, 名, 人, 次, 项, 处, 节, 小时, 万元,
平方米, %, ％ … (optionally after 余/多: "300余人") — or by 的 for a bare share ("全县30的中小学",
unit ""). Examples: 不少于1小时 -> ("1", "小时"); 建成60处 -> ("60", "处"); 覆盖率达到100% ->
("100", "%"); 每周2节 -> ("2", "节"); 掌握1至3项 -> ("1至3", "项"); 合格率xx% -> (None, "%",
placeholder).

Not targets: years (2022年), dates (3月, 14日), ages (35岁), ordinals (第3届), anniversaries
(100周年), version numbers (2.0), numbers inside 《》 titles, and Chinese numerals (三所, 五项管理),
which in plans name programmes far more often than they commit to a quantity.

Each target is ``{"text", "value", "unit", "placeholder"}``: ``text`` is the clause it sits in (cut
at ，。；：、), ``unit`` is as written (％ stays ％), ``value`` is None for a placeholder.
"""

from __future__ import annotations

import re

_UNITS = sorted(
    """万平方米 平方米 平方公里 平米 ㎡ 个百分点 百分点 万人次 人次 万人 万册 万元 亿元 千元 元 个班 课时 学时
    小时 分钟 个月 场次 所次 学分 公里 千米 公顷 米 亩 个 所 名 人 位 次 项 处 节 场 天 周 套 台 件 间 册 本 篇
    期 批 家 支 门 类 种 条 份 户 座 栋 张 辆 轮 倍 校 园 班 首 幅 枚 块 吨 组 对 队 % ‰ 分""".split(),
    key=len,
    reverse=True,
)
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
}
_CLAUSE_BREAK = re.compile(r"[,。;:!?、]")
_CONNECTIVE = re.compile(r"以及|并且|及|和|与|并|同时")


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
        if _excluded(folded, vs, ve, v):
            continue
        found.append((vs, m.end(), _clause_start(folded, vs), _clause_end(folded, m.end()),
                      v, (m.start("u"), m.end("u")) if unit else None, placeholder))
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
