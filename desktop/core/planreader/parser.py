"""Assemble the parsed plan: outline -> plan section -> headings and tasks with their fields.

The result is JSON-serialisable::

    {"title": str, "year": int | None, "kind": "plan" | "summary+plan" | "summary",
     "plan_section": str | None, "headings": [{"path", "title", "text"}],
     "tasks": [{"path", "title", "text", "units", "deadline", "targets", "applies_to", "id"}]}

``path`` holds the numbering labels from the top as written ("一", "（二）", "3", "一是"; "*" for
an unnumbered task); ``id`` is the normalised path joined with "/", made unique with "#2", "#3"…
when a document repeats a label; an unnumbered heading (see :mod:`outline`) has its text as its
label. Headings are the non-leaf nodes; tasks the leaves. A task without its own units or deadline
takes those of the nearest heading that has them (not when its own deadline field is open-ended:
"长期坚持" gives null). Leaf sections that frame the plan rather than assign work (指导思想,
总体要求, 总体思路, 基本原则, 工作原则, 工作目标, 主要目标, 目标任务) are left out.

A summary with no forward-looking section that can be found (kind "summary", see :mod:`sections`)
is parsed whole: a forward section worded in a way the rules miss then still yields its tasks, among
the others, for the bureau to prune in plan review, rather than nothing at all.
"""

from __future__ import annotations

import re
from collections import Counter

from ..errors import TaizhangError
from .charfold import fold
from .deadlines import body_deadline, is_date_only, is_open_ended, parse_deadline
from .fields import Fields, body_units, collect, make_title
from .numbering import cn_to_int, normalise_label
from .outline import Node, OutlineBuilder, is_closing
from .schedule import attach_deadlines, is_spring_term, number_items
from .sections import select_plan_section
from .tables import text_table
from .targets import extract_targets
from .textlines import prepare
from .units import applies_to, is_org_name
from .vocabulary import alternation
from .vocabulary import headings as H

# A source line and whether it is atomic (a table row: never split at inline labels).
SourceLine = tuple[str, bool]

_TITLE_WORDS = re.compile(alternation(H.TITLE_WORDS))
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_SCHOOL_YEAR = re.compile(r"((?:19|20)\d{2})\s*(?:年\s*)?[-—–至~～]\s*((?:19|20)\d{2})\s*(?:年\s*)?学年")
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})\s*年")
_STRONG_NEXT = re.compile("明年|来年|下一年")
_PART_YEAR = re.compile("上半年|半年|季度|[一二三四五六七八九十\\d]+月|学期|阶段")
# Sections that frame a plan rather than assign work; as leaves they are not tasks.
_FRAMING = re.compile(rf"^(?:{alternation(H.FRAMING)})$")


def parse_plan_text(text: str, *, year: int | None = None) -> dict:
    """Parse a plan document given as plain text (see the module docstring for the result)."""
    if not isinstance(text, str):
        raise TaizhangError("计划内容不是文本。", "The plan content is not text.")
    return parse_lines([(line, False) for line in text.splitlines()], year=year)


def parse_lines(lines: list[SourceLine], *, year: int | None = None, title: str | None = None) -> dict:
    """Parse a document given as lines in reading order (the readers' common output)."""
    lines = text_table(lines) or lines
    prepared, period_heads = number_items(prepare(lines))
    if not prepared:
        raise TaizhangError("文件中没有可读的文字。", "The file contains no readable text.")
    builder = OutlineBuilder()
    for i, (orig, folded, atomic) in enumerate(prepared):
        nxt = prepared[i + 1] if i + 1 < len(prepared) else None
        if i in period_heads:
            builder.heading(orig, folded, (nxt[0], nxt[1]) if nxt else None)
        else:
            builder.feed(orig, folded, atomic=atomic, next_line=(nxt[0], nxt[1]) if nxt else None)
    builder.finish()
    doc_title = title if title is not None else _title(builder.preamble)
    section, kind = select_plan_section(builder.root, fold(doc_title))
    doc_year = year if year is not None else _document_year(doc_title, builder, prepared)
    plan_year = year if year is not None else _plan_year(section, builder.root, doc_year, fold(doc_title))
    attach_deadlines(builder.root, plan_year, " ".join([fold(doc_title)] + [f for _, f in builder.preamble[:6]]))
    result = {
        "title": doc_title,
        "year": plan_year,
        "kind": kind,
        "plan_section": section_line(section) if section is not None else None,
        "headings": [],
        "tasks": [],
    }
    emitter = _Emitter(result, plan_year, _document_fields(builder, doc_title, plan_year))
    if section is not None:
        emitter.emit_section(section)
    elif builder.root.children:
        emitter.emit_children(builder.root, [], _Inherited())
    else:
        emitter.emit_paragraphs(builder.preamble, [], skip_title=doc_title)
    if not result["tasks"]:
        raise TaizhangError(
            "没有从文件中识别出任何任务。请确认这是县教育局的工作要点或工作计划，任务带有编号（如“一、”“1.”）。",
            "No tasks were found in the file. Check that it is the bureau's work plan and that its "
            "tasks are numbered (for example 一、 or 1.).",
        )
    _assign_ids(result["tasks"])
    return result


def section_line(node: Node) -> str:
    """The heading line of a node as written (label and heading text)."""
    return node.raw.strip()


# -- title and year --------------------------------------------------------------------------
def _title(preamble: list[tuple[str, str]]) -> str:
    """The document title among the first preamble lines: a short line without a full stop,
    preferring one that names the document kind (要点/计划/总结 …) over a covering notice
    ("关于印发《…》的通知")."""
    candidates, notices = [], []
    for orig, folded in preamble[:10]:
        f = folded.strip()
        if not f or len(f) > 60 or "。" in f or ":" in f or f.startswith("各"):
            continue
        if re.search(r"[〔\[]\s*\d{4}\s*[〕\]]\s*\d+\s*号", f):  # 教发〔2022〕3号
            continue
        if f.startswith("关于") or f.endswith("通知"):
            notices.append(orig.strip())
            continue
        if _TITLE_WORDS.search(f):
            return orig.strip()
        candidates.append(orig.strip())
    if notices:
        m = re.search(r"《(.+?)》", notices[0])
        return m.group(1) if m else notices[0]
    return candidates[0] if candidates else ""


def _year_in(text: str) -> int | None:
    m = _SCHOOL_YEAR.search(text)
    if m:  # "2025-2026学年第二学期": the term's calendar year
        return int(m.group(2) if is_spring_term(text) else m.group(1))
    m = _YEAR.search(text)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(text)
    if m:
        return cn_to_int(m.group(1).replace("零", "〇"))
    return None


def _document_year(title: str, builder: OutlineBuilder, prepared) -> int | None:
    y = _year_in(fold(title))
    if y:
        return y
    for _, folded in builder.preamble[:5]:
        y = _year_in(folded)
        if y:
            return y
    counts = Counter(int(m.group(1)) for _, f, _ in prepared[:200] for m in _YEAR.finditer(f))
    return counts.most_common(1)[0][0] if counts else None


def _plan_year(section: Node | None, root: Node, doc_year: int | None, title: str = "") -> int | None:
    """The year of the plan: the document's, or for the plan section of a summary the year it
    names, else the year after the last one its sibling headings name, else the year after the
    document's when the section says 明年 or the document is a whole year's summary ("2022年工作
    总结" -> its 下一步工作打算 is for 2023; a 上半年 summary plans the rest of its own year)."""
    if section is None:
        return doc_year
    y = _year_in(section.head_folded)
    if y:
        return y
    earlier = [_year_in(n.head_folded) for n in (section.parent or root).children if n is not section]
    earlier = [e for e in earlier if e]
    if earlier:
        return max(earlier) + 1
    if doc_year and _STRONG_NEXT.search(section.head_folded):
        return doc_year + 1
    if doc_year and _year_in(title) == doc_year and "总结" in title and not _PART_YEAR.search(title):
        return doc_year + 1
    return doc_year


# -- what the document says of all its items ------------------------------------------------
_ORG = r"[\u4e00-\u9fff]{2,14}?(?:局|委员会|政府|办公室|管委会|中心)"
_SELF = r"我局|本局|我单位|本单位|我委|本委"
# "现将我局所承办的……项目完成情况予以公示", "现将教育局2020年民生实事建设情况公示如下"
_UNDERTAKES = re.compile(
    rf"现将(?P<who>{_SELF}|{_ORG})(?:所|负责)?(?:承办|牵头|承担|负责|实施)的?"
    rf"|现将(?P<who2>{_SELF}|{_ORG})[^。]{{0,40}}?情况[^。]{{0,6}}(?:公示|公布|通报|报告)"
    # "各项工作由政教处负责组织实施": the office a school's plan puts in charge of all its items
    rf"|(?:各项|以上|上述|本学期|全部)工作(?:均|统一)?由(?P<who3>[\u4e00-\u9fff]{{2,14}}?(?:处|室|办|科|组|中心|局))(?:统一|具体)?(?:负责|牵头|组织)"
)
_SUPPORTED = re.compile(r"[^。]{0,12}?,(?P<sup>[\u4e00-\u9fff]{2,12}?)(?:配合|协助|参与)")
# "至2020年12月底，教育局圆满完成……任务": one date for all the listed items
_ALL_DONE_BY = re.compile(r"^(?:截)?至\s*(?P<date>(?:19|20)\d{2}\s*年[^,。]{0,10}?)(?:底|末)?\s*,[^。]{0,30}?完成")
_ISSUER = re.compile(rf"^(?:关于)?(?:对)?(?:(?:19|20)\d{{2}}\s*年度?)?(?P<org>{_ORG})")


def _document_fields(builder: OutlineBuilder, title: str, year: int | None) -> _Inherited:
    """Units and a deadline that a sentence outside the items gives all of them: the preamble says
    which office undertakes the listed items (我局 meaning the office the title names), a closing
    sentence when they are all done. Dates of the notice itself (公示时间, 印发日期) are not it."""
    units: list[tuple[str, str]] = []
    deadline = None
    for orig, folded in builder.preamble + builder.epilogue:
        m = _UNDERTAKES.search(folded)
        if m and not units:
            key = next(k for k in ("who", "who2", "who3") if m.group(k))
            a, b = m.span(key)
            if re.fullmatch(_SELF, folded[a:b]):
                issuer = _ISSUER.search(fold(title))
                if issuer:
                    units = [(title[issuer.start("org"):issuer.end("org")], issuer.group("org"))]
            else:
                units = [(orig[a:b], folded[a:b])]
            if key == "who3":  # "……由安全办牵头组织实施，各学校配合落实": the supporting units follow
                sup = _SUPPORTED.match(folded, m.end())
                if sup and is_org_name(sup.group("sup")):
                    units.append((orig[sup.start("sup"):sup.end("sup")], sup.group("sup")))
    for _orig, folded in builder.epilogue:
        m = _ALL_DONE_BY.search(folded.strip())
        if m:
            deadline = parse_deadline(m.group("date") + "底", year)
    return _Inherited(units, deadline)


# -- emitting headings and tasks -------------------------------------------------------------
class _Inherited:
    def __init__(self, units=None, deadline=None):
        self.units: list[tuple[str, str]] = units or []
        self.deadline: str | None = deadline


class _Emitter:
    def __init__(self, result: dict, year: int | None, document: _Inherited | None = None):
        self.result = result
        self.year = year
        self.document = document or _Inherited()

    def emit_section(self, section: Node) -> None:
        path = []
        node = section
        while node is not None and node.parent is not None:
            path.insert(0, node.label)
            node = node.parent
        inherited = _Inherited()
        head, rest = self._fields(section)
        inherited = self._inherit(inherited, head, rest)
        if section.children:
            self.result["headings"].append({"path": path, "title": self._title(section, head, rest),
                                            "text": self._text(head, rest)})
            self.emit_children(section, path, inherited)
        elif len(rest.lines) >= 2:  # an unnumbered forward-looking section: one task per paragraph
            self.emit_paragraphs(rest.lines, path, inherited=inherited)
        else:
            task = self._task(section, path, head, rest, _Inherited())
            if task is not None:
                self.result["tasks"].append(task)

    def emit_children(self, node: Node, path: list[str], inherited: _Inherited) -> None:
        # 一是…二是… lists under no numbered heading, in unnumbered paragraphs: each list is a block
        # of its own, "*1", "*2" … (as the labelling convention writes them)
        # (and under a heading, where such lists follow one another: the numbering restarts at 一是)
        seqs = bool(node.children) and all(c.style == "seq" for c in node.children)
        blocks = seqs and (node.style == "root" or sum(c.number == 1 for c in node.children) >= 2)
        block = 0
        for child in node.children:
            if blocks and (child.number == 1 or block == 0):
                block += 1
            p = path + ([f"*{block}"] if blocks else []) + [child.label]
            head, rest = self._fields(child)
            if child.children:
                self.result["headings"].append({"path": p, "title": self._title(child, head, rest),
                                                "text": self._text(head, rest)})
                self.emit_children(child, p, self._inherit(inherited, head, rest))
            else:
                task = self._task(child, p, head, rest, inherited)
                if task is not None:
                    self.result["tasks"].append(task)

    def emit_paragraphs(self, paras, path: list[str], *, skip_title: str = "",
                        inherited: _Inherited | None = None) -> None:
        """A section (or a whole document) without numbering: each paragraph is a task, except
        a signature line (an office name or a date alone), closing remarks and a sentence that
        introduces the list ("……重点做好以下工作：")."""
        inherited = inherited or _Inherited()
        for orig, folded in paras:
            if skip_title and orig.strip() == skip_title:
                continue
            f = folded.strip()
            if is_closing(f) or ("。" not in f and (is_org_name(f) or is_date_only(f))):
                continue
            if f.endswith(":") and "。" not in f:  # "2025年，我们将重点做好以下工作：" introduces the tasks
                continue
            node = Node("unnumbered", 0, "*", None, orig, folded)
            head, rest = self._fields(node)
            task = self._task(node, path + ["*"], head, rest, inherited)
            if task is not None:
                self.result["tasks"].append(task)

    # -- pieces --
    @staticmethod
    def _fields(node: Node) -> tuple[Fields, Fields]:
        head = collect([(node.head, node.head_folded)] if node.head_folded else [])
        rest = collect(node.paras + node.field_lines)
        return head, rest

    def _deadline(self, head: Fields, rest: Fields) -> str | None:
        dates = [parse_deadline(t, self.year) for t in head.deadline_texts + rest.deadline_texts]
        dates = [d for d in dates if d]
        return max(dates) if dates else None

    @staticmethod
    def _open_ended(head: Fields, rest: Fields) -> bool:
        """Whether the node's own deadline field says "长期坚持" / "常态化" (no date at all)."""
        return any(is_open_ended(t) for t in head.deadline_texts + rest.deadline_texts)

    def _inherit(self, inherited: _Inherited, head: Fields, rest: Fields) -> _Inherited:
        units = head.units + [u for u in rest.units if u not in head.units]
        deadline = self._deadline(head, rest)
        if deadline is None and not self._open_ended(head, rest):
            deadline = inherited.deadline
        return _Inherited(units or inherited.units, deadline)

    @staticmethod
    def _title(node: Node, head: Fields, rest: Fields) -> str:
        lines = head.lines or rest.lines[:1]
        if not lines:
            return ""
        return make_title(lines[0][0], lines[0][1], inline_item=node.style == "seq")

    @staticmethod
    def _text(head: Fields, rest: Fields) -> str:
        return "\n".join(o for o, _ in head.lines + rest.lines)

    def _task(self, node: Node, path: list[str], head: Fields, rest: Fields,
              inherited: _Inherited) -> dict | None:
        lines = head.lines + rest.lines
        if not lines:
            return None
        title = self._title(node, head, rest)
        if node.label != "*" and _FRAMING.match(fold(title)):
            return None
        units = head.units + [u for u in rest.units if u not in head.units]
        deadline = self._deadline(head, rest)
        open_ended = deadline is None and self._open_ended(head, rest)
        if deadline is None and not open_ended:
            # the lines joined: a hard wrap may split a date ("上半" / "年完成")
            deadline = body_deadline("".join(f for _, f in lines), self.year)
        if not units:
            units = body_units(lines) or inherited.units
        if deadline is None and not open_ended:
            deadline = inherited.deadline or self.document.deadline
        if not units:
            units = self.document.units
        targets = []
        for orig, folded in lines:
            targets.extend(extract_targets(orig, folded))
        return {
            "path": path,
            "title": title,
            "text": "\n".join(o for o, _ in lines),
            "units": [u for u, _ in units],
            "deadline": deadline,
            "targets": targets,
            "applies_to": applies_to(units),
        }


def _assign_ids(tasks: list[dict]) -> None:
    seen: Counter[str] = Counter()
    for t in tasks:
        key = "/".join(normalise_label(p) for p in t["path"])
        seen[key] += 1
        t["id"] = key if seen[key] == 1 else f"{key}#{seen[key]}"
