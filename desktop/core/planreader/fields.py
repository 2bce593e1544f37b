"""Field lines and trailers of a task (责任单位 / 完成时间 …) and its title.

Field keys are recognised with a colon after them ("责任单位：") or in square brackets
("【责任单位】"), anywhere a new phrase may start (line start, after a bracket, a full stop, a
semicolon, a comma or a space), and at a line start also with spaces after a full key
("责任单位  基教股"):

* units: 责任单位, 牵头单位, 责任科室, 责任股室, 承办单位, 配合单位, 协办单位, 牵头部门, … and
  the bare 牵头 / 配合 / 承办 / 协办 / 责任. Lead units come first, supporting ones
  (配合/协办/协助/参与) after them.
* deadline: 完成时间, 完成时限, 完成期限, 时间节点, 办结时限, 时限, …
* people (责任人, 分管领导, 联系人 …) are recognised only so that their values are not read as
  units.

A parenthesised trailer at the end of a line whose parts are all office/school names or dates
("（基教股、安全办）", "（3月）", "（基教股，6月底前）", "（教研室，长期坚持）") is read the same way,
and so are roles written after the name ("（电教股牵头，各中小学配合）"). Fields are taken out of
the task's text.

Inside a unit value, a part that is a date ("牵头：项目办，配合：计财股，9月底前") is a deadline, a
role word after a name (基教股牵头 / 各学校配合) is dropped (配合/协办 … parts go after the leads),
and a bracketed note after a name ("民办教育股（综合执法）") is dropped when what is left is a name.

Everything here reads folded text (see :mod:`charfold`) next to the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .deadlines import is_date_only, is_open_ended
from .units import is_org_name, split_names
from .vocabulary import alternation, words
from .vocabulary import field_keys as K
from .vocabulary import offices as O

_UNIT_KEY = (
    rf"(?:{alternation(K.UNIT_ROLES)})(?:{alternation(K.UNIT_NOUNS)})|{alternation(K.BARE_UNIT_KEYS)}"
)
_PERSON_KEY = (rf"(?:{alternation(K.PERSON_ROLES)})?(?:{alternation(K.PERSON_NOUNS)})"
               rf"|{alternation(K.PERSON_WORDS)}")
_DEADLINE_KEY = (
    rf"(?:{alternation(K.DEADLINE_VERBS)})(?:{alternation(K.DEADLINE_NOUNS)})|{alternation(K.DEADLINE_WORDS)}"
)
_UNIT_KEY_RX = re.compile(_UNIT_KEY)
_DEADLINE_KEY_RX = re.compile(_DEADLINE_KEY)
_FULL_UNIT_KEY = rf"(?:{alternation(K.UNIT_ROLES)})(?:{alternation(K.UNIT_NOUNS)})"
# "责任单位：" / "【责任单位】"; at a line start also "责任单位 基教股" (a full key, then spaces)
_KEY = re.compile(rf"[【\[]?(?P<key>{_PERSON_KEY}|{_DEADLINE_KEY}|{_UNIT_KEY})\s*(?::|[】\]])\s*")
_KEY_SPACE = re.compile(rf"^[【\[]?(?P<key>{_PERSON_KEY}|{_DEADLINE_KEY}|{_FULL_UNIT_KEY})[ \t]+(?=\S)")
_LEAD = re.compile(
    rf"^[(\[【]?\s*(?:{_PERSON_KEY}|{_DEADLINE_KEY}|{_UNIT_KEY})\s*(?::|[】\]])"
    rf"|^(?:{_PERSON_KEY}|{_DEADLINE_KEY}|{_FULL_UNIT_KEY})[ \t]+\S"
)
_KEY_BOUNDARY = set("(;。 \t,、[【")
_LATER_WORDS = words(K.LATER_DEADLINE_KEYS)
_LATER_KEY = re.compile(rf"(?<=[;。 \t,、])(?P<key>{alternation(K.LATER_DEADLINE_KEYS)})\s*:\s*")
_SUPPORT = words(K.SUPPORT_ROLES)
_TRAILER = re.compile(r"\(([^()]{1,80})\)\s*[。.;]?\s*$")
_ROLE_AFTER = re.compile(r"(?:牵头|负责|主责|主办|承办|落实|配合|协办|协助|参与|参加)(?:单位|实施|落实)?$")
_NOTE_AFTER = re.compile(r"\([^()]{1,20}\)$")


def is_field_line(folded: str) -> bool:
    """A line that starts with a field key: "责任单位：……", "（牵头单位：……）", "完成时限：……"."""
    return bool(_LEAD.match(folded.lstrip()))


def field_key_at_start(folded: str) -> int | None:
    """Where the field key that opens a folded line ends ("完成时限：8月" -> 4), or None."""
    m = _KEY.match(folded)
    return m.end("key") if m else None


@dataclass
class Fields:
    """What :func:`collect` found in a task's lines."""

    units: list[tuple[str, str]] = field(default_factory=list)  # (as written, folded), lead first
    deadline_texts: list[str] = field(default_factory=list)  # folded deadline values
    lines: list[tuple[str, str]] = field(default_factory=list)  # the lines with fields removed

    support: list[tuple[str, str]] = field(default_factory=list)  # 配合 … names, added after the leads

    def add_units(self, value: str, value_folded: str, *, support: bool = False) -> None:
        for name, folded in split_names(value, value_folded):
            if is_date_only(folded) or is_open_ended(folded):
                self.deadline_texts.append(folded)
                continue
            name, folded, role_support = _bare_name(name, folded)
            if not folded:
                continue
            if support or role_support:
                self.support.append((name, folded))
            elif all(name != u[0] for u in self.units):
                self.units.append((name, folded))

    def settle(self) -> None:
        """Put the supporting units after the leads."""
        for name, folded in self.support:
            if all(name != u[0] for u in self.units):
                self.units.append((name, folded))
        self.support = []


def _bare_name(name: str, folded: str) -> tuple[str, str, bool]:
    """A unit name without a role word after it ("基教股牵头") or a bracketed note ("（综合执法）");
    and whether the role is a supporting one."""
    support = False
    m = _ROLE_AFTER.search(folded)
    if m and m.start() >= 2:
        support = folded[m.start():].startswith(_SUPPORT)
        name, folded = name[:m.start()].rstrip(), folded[:m.start()].rstrip()
    if folded.endswith("等") and len(folded) > 2 and is_org_name(folded[:-1]):  # "教研室等"
        name, folded = name[:-1].rstrip(), folded[:-1].rstrip()
    n = _NOTE_AFTER.search(folded)
    if n and n.start() >= 2 and is_org_name(folded[:n.start()]):
        name, folded = name[:n.start()].rstrip(), folded[:n.start()].rstrip()
    return name, folded, support


def collect(lines: list[tuple[str, str]]) -> Fields:
    """Take units and deadline values out of a task's lines (field keys and trailers)."""
    out = Fields()
    for orig, folded in lines:
        spans: list[tuple[int, int]] = []
        found = list(_KEY.finditer(folded))
        keys = [m for m in found
                if m.start() == 0 or folded[m.start() - 1] in _KEY_BOUNDARY or folded[m.start()] in "【["]
        if keys:  # after a first key, the next keys may be glued to its value ("…股完成时限：8月")
            glued = [m for m in found if m not in keys and m.start() > keys[0].start()
                     and len(m.group("key")) >= 4 and folded[m.start():m.end()].rstrip().endswith(":")]
            keys = sorted(keys + glued, key=lambda m: m.start())
        if keys:  # "责任：德育办；时间：5月": a bare deadline key after a first key
            taken = [(k.start(), k.end()) for k in keys]
            keys = sorted(keys + [m for m in _LATER_KEY.finditer(folded, keys[0].end())
                                  if not any(a <= m.start() < b for a, b in taken)], key=lambda m: m.start())
        if not keys:  # "……建立培训制度。时间：2026年10月": a bare key ending a task's sentence with a date
            bare = [m for m in _LATER_KEY.finditer(folded) if m.start() > 0 and folded[m.start() - 1] == "。"]
            if bare and is_date_only(folded[bare[-1].end():].rstrip("。 ")):
                keys = [bare[-1]]
        spaced = _KEY_SPACE.match(folded)
        if spaced and not (keys and keys[0].start() == 0):
            keys.insert(0, spaced)
        for i, m in enumerate(keys):
            vstart = m.end()
            vend = keys[i + 1].start() if i + 1 < len(keys) else len(folded)
            bracket = folded.rfind("(", 0, m.start())
            in_bracket = bracket != -1 and ")" not in folded[bracket:m.start()]
            closing = folded.find(")", vstart) if in_bracket else -1
            if closing != -1 and closing < vend:
                vend = closing
            while vend > vstart and folded[vend - 1] in "(【[ \t":  # "督导室（负责人：…）"
                vend -= 1
            key = m.group("key")
            value = (orig[vstart:vend], folded[vstart:vend])
            if _UNIT_KEY_RX.fullmatch(key):
                out.add_units(*value, support=key.startswith(_SUPPORT))
            elif _DEADLINE_KEY_RX.fullmatch(key) or key in _LATER_WORDS:
                out.deadline_texts.append(value[1])
            a = m.start()
            if in_bracket and not folded[bracket + 1:m.start()].strip(" ;,、"):
                a = bracket
            b = vend + 1 if closing != -1 and vend == closing else vend
            spans.append((a, b))
        if not spans:
            t = _TRAILER.search(folded)
            if t and _trailer(orig[t.start(1):t.end(1)], t.group(1), out):
                spans.append((t.start(), t.end()))
        if not spans:
            out.lines.append((orig, folded))
            continue
        keep_o, keep_f, last = [], [], 0
        for a, b in _merge(spans):
            keep_o.append(orig[last:a])
            keep_f.append(folded[last:a])
            last = b
        o = ("".join(keep_o) + orig[last:]).strip()
        f = ("".join(keep_f) + folded[last:]).strip()
        if f.strip(" ;,。、"):
            out.lines.append((o, f))
    out.settle()
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = sorted(spans)
    merged = [spans[0]]
    for a, b in spans[1:]:
        if a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _trailer(content: str, content_folded: str, out: Fields) -> bool:
    """Read "（基教股、安全办）" / "（3月）" / "（基教股，6月底前）" when every part is a name or a date."""
    parts = split_names(content, content_folded)
    if not parts:
        return False
    names, dates = [], []
    for name, folded in parts:
        if is_date_only(folded) or is_open_ended(folded):
            dates.append(folded)
        elif is_org_name(_bare_name(name, folded)[1]):
            names.append((name, folded))
        else:
            return False
    if not names and all(is_open_ended(d) for d in dates):
        return False  # "（长期）" alone says too little to be a trailer
    for name, folded in names:
        out.add_units(name, folded)
    out.deadline_texts.extend(dates)
    return True


# "由卫生室和值周队联合检查": the units a sentence of the body puts in charge
_BY_UNITS = re.compile(
    r"由(?P<names>[^,。;:由]{2,40}?)(?:全体)?(?:成员|人员)?(?:联合|统一|具体|共同|牵头)?"
    r"(?:负责|进行|组织|实施|检查|考核|督查|评选|落实|承办)"
)
_AND = re.compile("[和与及、]|以及")
# "……班级自荐及校卫生考核小组评选而成": a body set up for the work (小组, 委员会) as the subject of the verb
_BODY_AS_SUBJECT = re.compile(
    rf"(?:^|[,。;及和与])(?P<names>[^,。;:及和与由]{{2,20}}?(?:{alternation(O.ACTING_BODIES)}))(?:成员)?"
    r"(?:联合|统一|具体|共同|牵头)?(?:负责|进行|组织|实施|检查|考核|督查|评选|评比|落实|承办)"
)


def body_units(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Units named in the body as the ones who do the work ("由学校卫生领导小组成员进行考核",
    "由卫生室和值周队联合检查"): every name of the phrase must be an office or a school. Failing
    those, a body set up for the work (小组, 委员会 — ``offices.ACTING_BODIES``) as the subject of
    such a verb ("班级自荐及校卫生考核小组评选而成")."""
    out: list[tuple[str, str]] = []
    for orig, folded in lines:
        for m in _BY_UNITS.finditer(folded):
            a, b = m.span("names")
            parts, start = [], a
            for c in [*_AND.finditer(folded, a, b), None]:
                end = c.start() if c else b
                parts.append((orig[start:end].strip(), folded[start:end].strip()))
                start = c.end() if c else b
            if parts and all(is_org_name(f) for _o, f in parts):
                out.extend(p for p in parts if p not in out)
        if not out:
            for m in _BODY_AS_SUBJECT.finditer(folded):
                a, b = m.span("names")
                if is_org_name(folded[a:b]) and (orig[a:b], folded[a:b]) not in out:
                    out.append((orig[a:b], folded[a:b]))
    return out


# -- titles ----------------------------------------------------------------------------------
_TITLE_CAP = 32


def has_title_sentence(folded: str, limit: int = 30) -> bool:
    """Whether the text opens with a short title sentence ("标题。正文…"): a full stop within
    ``limit`` characters, no comma or colon before it, and more text after it."""
    i = folded.find("。")
    if i <= 0 or i > limit or i + 1 >= len(folded.rstrip()):
        return False
    return not re.search(r"[,;:]", folded[:i])


def make_title(head: str, head_folded: str, *, inline_item: bool = False) -> str:
    """The task title: its heading sentence (the text before the first 。), cut to the first
    clauses that fit in 32 characters when the sentence is longer; for inline items (一是……) the
    first clause."""
    if not head_folded:
        return ""
    m = re.search(r"[。;!?]", head_folded)
    end = m.start() if m else len(head_folded)
    colon = head_folded.find(":", 0, end)
    if 0 < colon <= _TITLE_CAP:
        end = colon
    sent_o, sent_f = head[:end], head_folded[:end]
    commas = _top_level_commas(sent_f)
    if inline_item and commas:
        return _clean(sent_o[:commas[0]])
    if len(sent_f) > _TITLE_CAP and commas:
        cut = commas[0]
        for c in commas[1:]:
            if c <= _TITLE_CAP:
                cut = c
        return _clean(sent_o[:cut])
    return _clean(sent_o)


def _top_level_commas(folded: str) -> list[int]:
    out, depth = [], 0
    for i, ch in enumerate(folded):
        if ch in "(《“[【":
            depth += 1
        elif ch in ")》”]】" and depth:
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(i)
    return out


def _clean(s: str) -> str:
    return s.strip().rstrip("，,、；;：:。 ").strip()
