"""Build the outline tree of a plan document from its lines.

Every line is matched against the numbering grammar (:mod:`numbering`). A labelled line opens a
node; where it goes is decided by the labels that are open at that moment (the stack):

* a label whose style is already open continues that level: preferably after the open node whose
  number is one less, else after the deepest node of that style (numbering that runs on across
  sections, restarts, skipped numbers);
* "1." right after an open "3." whose text ends with a colon starts a nested list under it;
* a style that is not open goes under the deepest open node of a conventionally higher rank
  (``numbering.RANK``), so missing levels simply collapse.

A physical line may carry several labels ("一、加强党建（一）完善制度。1.……", or inline
"……。一是……。二是……"); the line is split where an embedded label either starts a deeper level
with number one or continues an open level with the next number. Right after a heading phrase
(no full stop since the last label) a label may also continue numbering that runs on across
sections ("二、提升质量（三）深化改革"), and in a line that starts with a label an Arabic "1." may
be glued to the heading before it ("（一）加强班子建设1.落实……"; "1、" only when "2、" follows).

Unlabelled lines: before any label they are the preamble; a line with only a label takes the next
line as its heading; otherwise the line is more body text of the deepest open node, except that

* a short "标题句。正文" paragraph after a task written the same way is an unnumbered task of its
  own (label ``*``), and so is a short title line followed by its paragraph ("加强政治建设" /
  "深入学习……。") under a heading without a body, when the heading has two or more of them;
* a short line without a full stop (≤ 30 characters, no field, not a closing remark) is an
  *unnumbered heading* (style "subhead", its text as a synthetic label) when the next line starts a
  list at number one ("学前教育" / "1.……" / "2.……" / "义务教育" / "1.……"), or continues the
  numbering of a list under an earlier unnumbered heading ("义务教育" / "3.……"), or when it names a part
  of a summary ("2023年工作计划", "下一步工作打算", "今后工作思路", "存在的问题": see
  :func:`sections.heading_kind`). A heading that names a part of a summary is a top-level node;
  otherwise it goes where the list that follows it would go and ranks just above that list. After
  the last line, an unnumbered heading that is alone under its parent, opened no restart of
  numbering and has no fields of its own is dissolved back into text (a subtitle line under a
  heading is not a level).

A list restarting, after a colon, the numbering style of the item it is written in ("3.……，重点
抓好：1.……；2.……") is that item's clauses and is not split off.

Field lines (责任单位：… / 完成时间：…) attach to the deepest open node; after an 一是/其一 list
written on one line they attach to the item above the list, so every item of the list inherits them.

Closing remarks ("各单位要……确保各项工作落到实处。", "本要点由……负责解释") never start an
unnumbered task, and those trailing the last task are moved to ``epilogue``, as is any paragraph
after the last task's fields that uses closing wording (落到实处, 奋力谱写…新篇章 …). A line starting with
附件 after the first label opens the annex list: it and the lines after it ("2.……分解表") go to
``epilogue`` until a new document starts (一、 / 第一部分 … numbered one). When a new document
starts that way, or after a short line naming a document ("示例县2023年教育工作要点") with the
top-level numbering restarting, and all that was read before is a few top-level items with nothing
under them, that was the covering notice (its 一、高度重视 / 二、狠抓落实): it becomes preamble.

Sub-items: ①/⑴/(1)/a) items are tasks of their own, like any lowest enumerated item, whether on
lines of their own or inside their parent's paragraph ("1.提升课后服务。要做到：①……；②……"). A field
block after the last of them, when no other item of the list has fields, covers the whole list: it
moves to the item the list is written under, so every item inherits it. Inline 一是/二是 lists are
tasks too (see :meth:`OutlineBuilder.finish`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import fields
from .charfold import fold as fold_like
from .numbering import RANK, Label, embedded_candidates, match_label, weak_boundary_before
from .sections import heading_kind
from .vocabulary import alternation
from .vocabulary import closing as C

_SENTENCE_END = re.compile(r"[。;；!！?？]")
_ENDS_SENTENCE = re.compile(r"[。;!?”)]\s*$")
# Closing remarks after the tasks: an exhortation to the units, the annex list, the explanation.
_CLOSING = re.compile(
    rf"^(?:各(?:{alternation(C.ADDRESSEES)})|{alternation(C.OPENERS)}"
    r"|(?:截)?至\s*(?:19|20)\d{2}\s*年[^。]{0,12},)"
)
# Wording of a closing remark, enough on its own for a paragraph after the last task's fields.
_CLOSING_WORDS = re.compile(rf"{alternation(C.WORDS)}|贡献.{{0,6}}力量")
_SUB_STYLES = ("circled", "parabic", "letter")  # sub-item styles: their lists share a trailing field block
_NOT_LEVELS = (*_SUB_STYLES, "seq", "subhead", "unnumbered", "root")
_TOP_STYLES = ("part", "formal", "roman", "section", "item", "cn")
_HEADING_NOUN = re.compile("工作|思路|打算|计划|安排|重点|措施|设想|目标|任务|要点|展望|方向|问题|不足|成效|成绩|情况")
_SUMMARY_TITLE = re.compile("总结|回顾|工作情况|述职")
_DOC_TITLE = re.compile("(?:要点|计划|方案|安排|意见|清单|规划)$")
_HAS_YEAR = re.compile(r"(?:19|20)\d{2}|今年|明年|来年|新的一年|下一年")
_LABEL_TRIM = " \t:：,，、。.;；\"“”'《》【】[]()（）"


def is_closing(folded: str) -> bool:
    """Whether a folded paragraph reads as a closing remark of the document."""
    return bool(_CLOSING.match(folded.lstrip()))


@dataclass(eq=False)
class Node:
    """One numbered item of the outline (the root has style "root")."""

    style: str
    number: int
    label: str
    parent: Node | None = None
    head: str = ""  # the text after the label on its own line
    head_folded: str = ""
    paras: list[tuple[str, str]] = field(default_factory=list)  # more body lines (orig, folded)
    field_lines: list[tuple[str, str]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    closed: bool = False  # a field line was seen: the body of this node is complete
    line_no: int = 0
    raw: str = ""  # the label line as written
    inline: bool = False  # opened by a label inside a line (……。一是……)
    rank: float | None = None  # nesting rank when it is not the style's (unnumbered headings)
    keep: bool = False  # an unnumbered heading that stays a level (restart, summary part)
    period: str = ""  # "month" or "week": a period of a schedule (OutlineBuilder.heading)
    fields_at: int = -1  # how many paras there were when the first field line came

    def nest_rank(self) -> float:
        return self.rank if self.rank is not None else RANK.get(self.style, 99)

    def ends_with_colon(self) -> bool:
        last = self.paras[-1][1] if self.paras else self.head_folded
        return last.rstrip().endswith(":")


_MAX_NESTED = 3  # lists of one style nested by the colon rule, at most
_FLATTENED = 300  # a line this long is a whole document or section flattened onto one line


@dataclass
class _Open:
    style: str
    number: int
    colon: bool
    rank: float | None = None

    def __post_init__(self) -> None:
        if self.rank is None:
            self.rank = RANK.get(self.style, 99)


def _strip(orig: str, folded: str) -> tuple[str, str]:
    start = len(folded) - len(folded.lstrip())
    end = len(folded.rstrip())
    return orig[start:end], folded[start:end]


def parent_index(opened: list[_Open], style: str, number: int) -> int:
    """Where a new label goes: the index in ``[root] + opened`` of its parent."""
    same = [i for i, o in enumerate(opened) if o.style == style]
    if same:
        pred = [i for i in same if opened[i].number == number - 1]
        if pred:
            return pred[-1]
        if number == 1 and same[-1] == len(opened) - 1 and opened[-1].colon and len(same) < _MAX_NESTED:
            return len(opened)  # "……如下：" then "1." again: a nested list
        return same[-1]
    j = len(opened)
    while j > 0 and opened[j - 1].rank >= RANK.get(style, 99):
        j -= 1
    return j


class OutlineBuilder:
    """Feed lines in document order, then read ``root`` and ``preamble``."""

    def __init__(self) -> None:
        self.root = Node("root", 0, "")
        self.stack: list[Node] = [self.root]
        self.preamble: list[tuple[str, str]] = []
        self.epilogue: list[tuple[str, str]] = []  # closing remarks after the last task
        self._annex = False
        self._last: dict[str, int] = {}  # the last number placed, per style
        self._clauses: tuple[Node, int, bool] | None = None  # (item, last clause number, open after ；)
        self.line_no = 0

    # -- input -------------------------------------------------------------------------------
    def feed(self, orig: str, folded: str, *, atomic: bool = False,
             next_line: tuple[str, str] | None = None) -> None:
        """One physical line. ``atomic`` lines (table rows) are never split at inline labels.
        ``next_line`` (original, folded) is the line that follows, if any: an unnumbered heading
        is recognised by the list that starts after it."""
        self.line_no += 1
        orig, folded = _strip(orig, folded)
        if not folded:
            return
        if self._annex:  # the annex list after the tasks ("附件：1.…" / "2.…")
            restart = match_label(orig, folded, 0)
            if restart is None or restart.number != 1 or restart.style not in _TOP_STYLES:
                self.epilogue.append((orig, folded))
                return
            self._annex = False  # a document follows its covering notice: parse it
            self._restart_document()
        elif self.root.children and folded.startswith("附件"):
            self._annex = True
            self.epilogue.append((orig, folded))
            return
        if self._clause_line(orig, folded, atomic):
            return
        if fields.is_field_line(folded):
            top = self.stack[-1]
            if _ends_line_list(top):  # "一是……。二是……。" / 责任单位：…: the fields of the whole list
                top.closed = True
                top = top.parent
            if not top.closed:
                top.fields_at = len(top.paras)
            top.field_lines.append((orig, folded))
            top.closed = True
            return
        label = match_label(orig, folded, 0, allow_empty=True)
        if atomic:
            segments = [(label, orig, folded)]
        else:
            segments = self._split(orig, folded, label, next_line)
        if (len(segments) > 1 and segments[0][0] is None and segments[1][0] is not None
                and segments[1][0].style == "seq" and segments[1][0].number == 1):
            top = self.stack[-1]
            if top.style == "seq" and top.inline and top.line_no != self.line_no:
                # "……：一是……；二是……。" / "……强调：一是……": the open list ended with its paragraph,
                # so the new paragraph and its list sit beside it, not under its last item
                del self.stack[self.stack.index(top):]
        for k, (lab, seg_orig, seg_folded) in enumerate(segments):
            if lab is None:
                self._unlabelled(seg_orig, seg_folded, next_line if len(segments) == 1 else None)
            else:
                self._place(lab, seg_orig, seg_folded, inline=k > 0)

    def _clause_line(self, orig: str, folded: str, atomic: bool) -> bool:
        """A numbered line that restarts the open item's own numbering after a colon ("3.加强食堂
        管理。实行陪餐制度。工作要求：" / "1.建立台账；" / "2.每周自查；"): the item's clauses, kept in its
        text, not items of their own — when the colon follows the item's own sentences; an item that
        is only a heading ("3.落实责任：") heads a nested list. The clauses run while the numbers follow on; a field line, a number
        that continues the item's list once a clause has ended with a full stop, or any other line ends
        them."""
        label = None if atomic else match_label(orig, folded, 0)
        state, self._clauses = self._clauses, None
        top = self.stack[-1]
        if label is None:
            return False
        if state is not None:
            item, number, open_ = state
            if (label.style == item.style and label.number == number + 1 and item is top
                    and (open_ or label.number != item.number + 1)):
                item.paras.append((orig, folded))
                self._clauses = (item, label.number, folded.rstrip().endswith(";"))
                return True
            return False
        last = top.paras[-1][1] if top.paras else top.head_folded
        if (label.number == 1 and label.style == top.style and top.style not in _NOT_LEVELS
                and last.rstrip().endswith(":") and not top.field_lines and not top.children
                and (top.paras or _SENTENCE_END.search(last.rstrip()[:-1]))):
            # only after the item's own sentences ("3.加强…。工作要求："); "3.落实责任：" heads a list
            top.paras.append((orig, folded))
            self._clauses = (top, 1, folded.rstrip().endswith(";"))
            return True
        return False

    def finish(self) -> None:
        """After the last line:

        * closing remarks trailing the last task move to ``epilogue``;
        * unnumbered headings that are not a level (alone, no restart, no fields) dissolve;
        * an inline 一是/二是 list in the introduction of a section that also has numbered items
          of its own is description, not tasks — it is folded back into the text;
        * a field block after the last sub-item (①, (1) …) of a list covers the whole list."""
        self._trim_closing()
        self._dissolve_subheads(self.root)
        self._fold_inline_lists(self.root)
        self._lift_list_fields(self.root)

    # -- closing remarks ---------------------------------------------------------------------
    def _trim_closing(self) -> None:
        leaf = self.root
        while leaf.children:
            leaf = leaf.children[-1]
        if leaf is self.root:
            return
        while leaf.paras:
            _, f = leaf.paras[-1]
            after_fields = 0 <= leaf.fields_at < len(leaf.paras)
            if not (is_closing(f) or (after_fields and _CLOSING_WORDS.search(f))):
                break
            self.epilogue.insert(0, leaf.paras.pop())

    # -- unnumbered headings -----------------------------------------------------------------
    def _dissolve_subheads(self, node: Node) -> None:
        titled = [c for c in node.children if c.style == "unnumbered" and c.keep]
        if len(titled) == 1 and len(node.children) == 1:  # one title line under a heading: its text
            only = titled[0]
            node.paras.extend([(only.head, only.head_folded)] + only.paras)
            if only.field_lines:
                node.fields_at = len(node.paras) if node.fields_at < 0 else node.fields_at
            node.field_lines.extend(only.field_lines)
            node.closed = node.closed or only.closed
            node.children = []
        subheads = [c for c in node.children if c.style == "subhead"]
        if len(subheads) == 1 and not subheads[0].keep and not subheads[0].field_lines:
            sub = subheads[0]
            i = node.children.index(sub)
            lines = [(sub.head, sub.head_folded)] + sub.paras
            if i == 0:
                node.paras.extend(lines)
            else:
                prev = node.children[i - 1]
                while prev.children:
                    prev = prev.children[-1]
                prev.paras.extend(lines)
            for c in sub.children:
                c.parent = node
            node.children[i:i + 1] = sub.children
        for c in node.children:
            self._dissolve_subheads(c)

    def heading(self, orig: str, folded: str, next_line: tuple[str, str] | None) -> None:
        """A line known to be an unnumbered heading over the list that follows it (a month or week
        of a schedule, see :mod:`schedule`): opened as one wherever it stands, and kept."""
        self.line_no += 1
        orig, folded = _strip(orig, folded)
        if not folded:
            return
        if not self._subheading(orig, folded, next_line, force=True):
            self._unlabelled(orig, folded, next_line)

    def _subheading(self, orig: str, folded: str, next_line: tuple[str, str] | None, *,
                    force: bool = False) -> bool:
        """Open an unnumbered heading for this line if it is one (see the module docstring)."""
        f = folded.strip()
        if force:
            nxt = match_label(next_line[0], next_line[1], 0, allow_empty=True) if next_line else None
            style = nxt.style if nxt is not None else "arabic"
            rank = RANK.get(style, 99) - 0.5
            opened = self._opened()
            p = parent_index(opened, style, 1)
            while p > 0 and self.stack[p].style == "subhead" and self.stack[p].nest_rank() >= rank:
                p -= 1
            # the next period of a schedule is the sibling of the last one, whatever list it closed
            kind = "week" if re.search("周|週", folded[:10]) else "month"
            p = next((k - 1 for k in range(len(self.stack) - 1, 0, -1) if self.stack[k].period == kind), p)
            if kind == "week" and not any(n.period == "week" for n in self.stack):
                # the first week under a month ("九月：" / "第1周：……"): one level down
                p = next((k for k in range(len(self.stack) - 1, 0, -1) if self.stack[k].period == "month"), p)
            del self.stack[p + 1:]
            parent = self.stack[-1]
            label = synthetic_label(re.split(r"[(（]", orig)[0]) or synthetic_label(orig)
            node = Node("subhead", 0, label, parent, orig, folded, line_no=self.line_no,
                        raw=orig, rank=rank, keep=True, period=kind)
            parent.children.append(node)
            self.stack.append(node)
            return True
        if not 2 <= len(f) <= 30 or _SENTENCE_END.search(f) or f[-1] in ":,、" or is_closing(f):
            return False
        probe = fields.collect([(orig, folded)])
        if probe.units or probe.deadline_texts or not probe.lines:
            return False
        nxt = match_label(next_line[0], next_line[1], 0, allow_empty=True) if next_line else None
        if nxt is not None and nxt.number != 1 and not any(
                n.style == "subhead" and n.rank == RANK.get(nxt.style, 99) - 0.5 for n in self.stack):
            nxt = None  # a list at number one, or numbering that runs on under sibling headings
        summary_part = self._summary_part(f)
        if not summary_part and nxt is None:
            return False
        opened = self._opened()
        if summary_part:
            p, rank = 0, -0.5
        else:
            rank = RANK.get(nxt.style, 99) - 0.5
            p = parent_index(opened, nxt.style, 1)
            while p > 0 and self.stack[p].style == "subhead" and self.stack[p].nest_rank() >= rank:
                p -= 1
        restart = nxt is not None and any(o.style == nxt.style for o in opened)
        if p == 0 and restart and not summary_part and _DOC_TITLE.search(f) and self._looks_like_notice():
            # "关于印发…的通知 / 一、高度重视… / 二、… / 示例县2023年教育工作要点 / 一、…": the numbered
            # items so far were the covering notice's; the document starts here
            self._restart_document()
            self.preamble.append((orig, folded))
            return True
        del self.stack[p + 1:]
        parent = self.stack[-1]
        o, fo = _strip(orig, folded)
        node = Node("subhead", 0, synthetic_label(o), parent, o, fo, line_no=self.line_no, raw=o, rank=rank,
                    keep=bool(summary_part or restart))
        parent.children.append(node)
        self.stack.append(node)
        return True

    def _first_subheading(self, orig: str, folded: str, next_line: tuple[str, str] | None) -> bool:
        """A short heading phrase after the title, over a list at number one of a lower level
        ("安全教育" / "一是……；二是……"): the first of a document's unnumbered headings. Never a line
        that names a document or a date (a covering notice's "示例县2025年工作要点" / "一、……")."""
        f = folded.strip()
        if next_line is None or len(f) > 12 or re.search(r"\d|[〇零]", f) or _DOC_TITLE.search(f):
            return False
        nxt = match_label(next_line[0], next_line[1], 0)
        if nxt is None or nxt.number != 1 or nxt.style not in ("seq", "arabic", "parabic", "circled"):
            return False
        return self._subheading(orig, folded, next_line)

    def _looks_like_notice(self) -> bool:
        """Whether what has been read is a covering notice: a few top-level items, nothing deeper."""
        kids = self.root.children
        return 0 < len(kids) <= 8 and not any(c.children or c.field_lines for c in kids)

    def _restart_document(self) -> None:
        """Everything read so far was a covering notice: keep it as preamble text, start afresh."""
        if not self._looks_like_notice():
            return
        for c in self.root.children:
            self.preamble.append((c.raw, fold_like(c.raw)))
            self.preamble.extend(c.paras)
        self.root.children = []
        del self.stack[1:]
        self._last.clear()

    def _summary_part(self, f: str) -> bool:
        """Whether a short unnumbered line names a part of a summary ("2023年工作计划", "下一步工作
        打算", "存在的问题"): only in a document that is a summary (its opening lines say 总结 or a
        top-level heading looks back), only a heading phrase (no comma, at most 20 characters,
        naming work, a plan or problems), never a clause such as "力争明年全面完成"."""
        if len(f) > 20 or "," in f or not _HEADING_NOUN.search(f):
            return False
        kind = heading_kind(f)
        if kind not in ("strong", "weak", "retro"):
            return False
        summary = (any(_SUMMARY_TITLE.search(p) for _, p in self.preamble[:6])
                   or any(heading_kind(c.head_folded[:40]) == "retro" for c in self.root.children))
        if not summary:
            return False
        return kind != "weak" or bool(_HAS_YEAR.search(f)) or any(
            heading_kind(c.head_folded[:40]) == "retro" for c in self.root.children)

    # -- sub-items ---------------------------------------------------------------------------
    def _lift_list_fields(self, node: Node) -> None:
        """A field block after the last item of a ①/(1) list, when no other item has fields of its
        own, covers the whole list: it moves to the item the list is written under."""
        for c in node.children:
            self._lift_list_fields(c)
        kids = node.children
        if (len(kids) >= 2 and node.style != "root" and not node.field_lines and not kids[-1].field_lines
                and all(c.style in _SUB_STYLES and not c.children and not c.field_lines for c in kids)):
            _split_field_trailer(kids[-1])  # "①……；②……。（牵头单位：…；完成时限：…）" on one line
        if (len(kids) < 2 or node.style == "root" or any(c.style not in _SUB_STYLES or c.children for c in kids)
                or any(c.field_lines for c in kids[:-1]) or not kids[-1].field_lines or node.field_lines):
            return
        last = kids[-1]
        if last.fields_at > 0 and last.paras[last.fields_at - 1:]:  # the last item's own text after its fields
            return
        node.field_lines, last.field_lines = last.field_lines, []
        node.closed = True

    def _fold_inline_lists(self, node: Node) -> None:
        inline = [c for c in node.children if c.inline and c.style == "seq" and not c.children]
        # a list that starts a line ("其一，……。其二，……") is the section's own list, not description
        # (unnumbered headings beside it are not such items: "安全教育" / "一是……；二是……" / "隐患排查" / …)
        if inline and any(not c.inline and c.style not in ("seq", "subhead", "unnumbered") for c in node.children):
            for c in inline:  # back onto the line it was cut from
                if node.paras:
                    o, f = node.paras[-1]
                    node.paras[-1] = (o + c.raw, f + fold_like(c.raw))
                elif c.line_no == node.line_no:
                    node.head, node.head_folded = node.head + c.raw, node.head_folded + fold_like(c.raw)
                else:
                    node.paras.append((c.raw, fold_like(c.raw)))
                node.paras.extend(c.paras)
                node.field_lines.extend(c.field_lines)
            node.children = [c for c in node.children if c not in inline]
        for c in node.children:
            self._fold_inline_lists(c)

    # -- splitting one physical line ---------------------------------------------------------
    def _opened(self) -> list[_Open]:
        return [_Open(n.style, n.number, n.ends_with_colon(), n.nest_rank()) for n in self.stack[1:]]

    def _split(self, orig: str, folded: str, label: Label | None, next_line: tuple[str, str] | None = None):
        start = label.end if label else 0
        # a "1." glued to the heading before it ("（一）加强班子建设1.落实……") only in a line that
        # starts with a label: several levels flattened onto one line; "1、" only when "2、" follows
        # (in the line or starting the next one)
        cands = embedded_candidates(orig, folded, start, glued=label is not None or len(folded) > _FLATTENED)
        if any(glued_label(folded, c.start) for c in cands):
            follow = match_label(next_line[0], next_line[1], 0) if next_line else None
            cands = [c for k, c in enumerate(cands) if not glued_label(folded, c.start) or _has_next(c, k, cands)
                     or folded[c.start + len(c.text)] == "."
                     or any(d.style == c.style and d.number == c.number - 1 for d in cands[max(0, k - 3):k])
                     or (follow is not None and follow.style == c.style and follow.number == c.number + 1)]
        if not cands:
            return [(label, orig, folded)]
        opened = self._opened()
        if label is not None:
            idx = parent_index(opened, label.style, label.number)
            opened = opened[:idx] + [_Open(label.style, label.number, False)]
        elif self.stack[-1] is self.root:
            opened = []
        cuts: list[Label] = []
        placed: dict[str, int] = {label.style: label.number} if label is not None else {}  # in this line
        prev_cut = start
        clause: tuple[str, int] | None = None  # an inline clause list inside the line's own item
        for k, c in enumerate(cands):
            if clause is not None and c.style == clause[0] and c.number == clause[1] + 1:
                clause = (c.style, c.number)
                continue
            if _own_clauses(c, label, cuts, folded, prev_cut):
                clause = (c.style, c.number)  # "1.……主要做好三项工作：1.……；2.……" stays in the task
                continue
            if not self._acceptable(c, k, cands, folded, prev_cut, opened,
                                    max(self._last.get(c.style, 0), placed.get(c.style, 0))
                                    ) and not (label is None and not cuts and _new_inline_list(c, k, cands, folded)):
                continue
            placed[c.style] = c.number
            idx = parent_index(opened, c.style, c.number)
            opened = opened[:idx] + [_Open(c.style, c.number, folded[prev_cut:c.start].rstrip().endswith(":"))]
            cuts.append(c)
            prev_cut = c.start
            clause = None  # a cut item ends the clauses of the one before ("……：1.…；3.…。3.…4.…")
        if not cuts:
            return [(label, orig, folded)]
        out = []
        bounds = [0] + [c.start for c in cuts] + [len(folded)]
        labels = [label] + cuts
        for i, lab in enumerate(labels):
            a, b = bounds[i], bounds[i + 1]
            seg_o, seg_f = orig[a:b], folded[a:b]
            if lab is not None:
                lab = Label(lab.style, lab.number, lab.text, lab.start - a, lab.end - a)
            if lab is None and not seg_f.strip():
                continue
            out.append((lab, seg_o, seg_f))
        return out

    @staticmethod
    def _acceptable(c: Label, k: int, cands: list[Label], folded: str, prev_cut: int,
                    opened: list[_Open], last: int = 0) -> bool:
        after_comma = weak_boundary_before(folded, c.start)
        same = [o for o in opened if o.style == c.style]
        if glued_label(folded, c.start):  # a new list under the heading, or numbering that runs on
            before = folded[prev_cut:c.start]
            if same and (len(folded) > _FLATTENED or any(o.number == c.number - 1 for o in same)):
                # "……知识讲座4、评选……", "……完成时限：2025年8月4.推进……": the open list runs on
                return c.style == "arabic" and any(o.number == c.number - 1 for o in same)
            return (c.style == "arabic" and c.number in (1, last + 1) and not same
                    and 2 <= len(before.strip()) <= 40 and not _SENTENCE_END.search(before))
        if same:
            if any(o.number == c.number - 1 for o in same):
                return True
            return (c.number == 1 and opened and opened[-1].style == c.style
                    and folded[prev_cut:c.start].rstrip().endswith(":") and _has_next(c, k, cands))
        if opened and RANK.get(c.style, 99) <= opened[-1].rank:
            return False
        if c.number != 1:
            # numbering that runs on across sections, right after the heading it belongs to
            # ("二、提升质量（三）深化改革")
            before = folded[prev_cut:c.start]
            runs_on = c.number == last + 1 and c.style not in ("seq", "parabic", "circled", "letter") and not after_comma
            # ... or, in a section flattened onto one line, after the sentences that open the section, when the
            # list goes on in the line ("二、……健康成长。5.推进……。6.……")
            return runs_on and prev_cut > 0 and (
                (2 <= len(before.strip()) <= 40 and not _SENTENCE_END.search(before))
                or (len(folded) > _FLATTENED and _SENTENCE_END.search(before.rstrip()[-1:] or " ") is not None
                    and _has_next(c, k, cands)))
        if c.style == "seq" or after_comma:
            return c.style in ("seq", "arabic", "parabic", "circled") and _has_next(c, k, cands)
        # a new list inside a line: right after a heading ("一、加强党建（一）完善制度"), or a list
        # whose second item follows ("……：1.……；2.……"); a lone "(1)" in running text is not one
        before = folded[prev_cut:c.start]
        heading_like = len(before) <= 40 and not _SENTENCE_END.search(before)
        return heading_like or _has_next(c, k, cands)

    # -- placing nodes -----------------------------------------------------------------------
    def _place(self, label: Label, orig: str, folded: str, *, inline: bool = False) -> None:
        idx = parent_index(self._opened(), label.style, label.number)
        del self.stack[idx + 1:]
        parent = self.stack[-1]
        head_o, head_f = _strip(orig[label.end:], folded[label.end:])
        self._last[label.style] = label.number
        node = Node(label.style, label.number, label.text, parent, head_o, head_f, line_no=self.line_no,
                    raw=orig.strip(), inline=inline)
        parent.children.append(node)
        self.stack.append(node)

    def _unlabelled(self, orig: str, folded: str, next_line: tuple[str, str] | None = None) -> None:
        top = self.stack[-1]
        if top is self.root:
            if not (self.preamble and self._first_subheading(orig, folded, next_line)):
                self.preamble.append((orig, folded))
            return
        if not top.head_folded:
            top.head, top.head_folded = orig, folded
            top.raw = f"{top.raw}{orig}"
            return
        if self._subheading(orig, folded, next_line):
            return
        if self._titled_task(top, orig, folded, next_line):
            return
        if self._starts_unnumbered_task(top, folded):
            parent = top.parent or self.root
            node = Node("unnumbered", 0, "*", parent, orig, folded, line_no=self.line_no)
            parent.children.append(node)
            self.stack.pop()
            self.stack.append(node)
            return
        top.paras.append((orig, folded))

    def _titled_task(self, top: Node, orig: str, folded: str, next_line: tuple[str, str] | None) -> bool:
        """A title on a line of its own followed by its paragraph ("加强政治建设" / "深入学习……。"),
        under a heading without a body of its own or after another such task: an unnumbered task
        (dissolved again by :meth:`finish` when it is the only one under its heading)."""
        f = folded.strip()
        if (next_line is None or not 2 <= len(f) <= 25 or _SENTENCE_END.search(f) or f[-1] in ":,、"
                or is_closing(f) or top.parent is None):
            return False
        nf = next_line[1].strip()
        if (len(nf) < max(10, len(f) + 2) or ("。" not in nf and len(nf) < 30) or fields.is_field_line(nf)
                or match_label(next_line[0], next_line[1], 0) is not None):
            return False
        if top.style == "unnumbered" and top.keep:  # after another titled task: a sibling
            if not (top.paras or top.field_lines):
                return False
            last = top.paras[-1][1] if top.paras else ""
            if not top.closed and not _ENDS_SENTENCE.search(last):
                return False
            parent = top.parent
            self.stack.pop()
        elif not top.children and not top.paras and not top.closed and not _SENTENCE_END.search(top.head_folded):
            parent = top  # the first one, right under its heading
        else:
            return False
        probe = fields.collect([(orig, folded)])
        if probe.units or probe.deadline_texts or not probe.lines:
            if parent is not top:
                self.stack.append(top)
            return False
        o, fo = _strip(orig, folded)
        node = Node("unnumbered", 0, "*", parent, o, fo, line_no=self.line_no, raw=o, keep=True)
        parent.children.append(node)
        self.stack.append(node)
        return True

    @staticmethod
    def _starts_unnumbered_task(top: Node, folded: str) -> bool:
        if top.children or top.parent is None:
            return False
        if not (top.closed or fields.has_title_sentence(top.head_folded)):
            return False
        last = top.paras[-1][1] if top.paras else top.head_folded
        if not top.closed and not _ENDS_SENTENCE.search(last):
            return False  # the previous line stops mid-sentence: this one continues it
        if is_closing(folded):
            return False
        return fields.has_title_sentence(folded, limit=25)


def synthetic_label(text: str) -> str:
    """The label of an unnumbered heading: its text without enclosing brackets and punctuation."""
    return text.strip().strip(_LABEL_TRIM).strip() or text.strip()


def _own_clauses(c: Label, label: Label | None, cuts: list[Label], folded: str, prev_cut: int) -> bool:
    """Whether ``c`` restarts, at one and after a colon, the numbering style of the item the line
    segment belongs to: "3.……，重点抓好：1.……；2.……" lists clauses of task 3, not new tasks."""
    own = cuts[-1] if cuts else label
    return (own is not None and c.style == own.style and c.number == 1
            and folded[prev_cut:c.start].rstrip().endswith(":"))


_FIELD_TRAILER = re.compile(r"[(]([^()]{4,120})[)]\s*[。.;]?\s*$")


def _split_field_trailer(node: Node) -> None:
    """A field block ending an item's text ("……。（牵头单位：…；完成时限：…）", or unbracketed after a
    full stop: "……。责任：德育办；时间：5月") becomes the item's field lines, so that a list's last item
    can hand it on to the whole list."""
    if node.paras:
        o, f = node.paras[-1]
    else:
        o, f = node.head, node.head_folded
    m = _FIELD_TRAILER.search(f)
    if m is not None and fields.is_field_line(m.group(1)):
        a, b, cut = m.start(1), m.end(1), m.start()
    else:  # unbracketed: "……③举办故事会。责任：德育办；时间：5月"
        at = next((k for k in range(1, len(f)) if f[k - 1] in "。; " and fields.is_field_line(f[k:])), None)
        if at is None:
            return
        a, b, cut = at, len(f), at
    rest_o, rest_f = o[:cut].rstrip(), f[:cut].rstrip()
    if node.paras:
        node.paras[-1] = (rest_o, rest_f)
        node.fields_at = len(node.paras)
    else:
        node.head, node.head_folded = rest_o, rest_f
        node.fields_at = 0
    node.field_lines.append((o[a:b].rstrip("。 "), f[a:b].rstrip("。 ")))


def _new_inline_list(c: Label, k: int, cands: list[Label], folded: str) -> bool:
    """Whether an unnumbered paragraph opens its own 一是…二是… list after a short lead sentence
    ("着力补齐办学短板。一是……；二是……") while an earlier paragraph's list is still open: a new
    list beside that one, not a continuation of it."""
    before = folded[:c.start].strip()
    return (c.style == "seq" and c.number == 1 and _has_next(c, k, cands)
            and 2 <= len(before) <= 40 and before[-1] in "。:" and not re.search(r"[,;]", before))


def _ends_line_list(node: Node) -> bool:
    """Whether ``node`` is the last of an 一是/其一 list written on one line (two or more items),
    so that a field line after it belongs to the item the list describes, not to the last one."""
    parent = node.parent
    if node.style != "seq" or not node.inline or parent is None or parent.parent is None:
        return False
    run = [c for c in parent.children if c.line_no == node.line_no]
    return len(run) >= 2 and all(c.style == "seq" for c in run) and parent.children[-1] is node


def glued_label(folded: str, pos: int) -> bool:
    """Whether the label at ``pos`` is glued to the word before it (no boundary in between)."""
    return pos > 0 and "\u4e00" <= folded[pos - 1] <= "\u9fff" and folded[pos].isdigit()


def _has_next(c: Label, k: int, cands: list[Label]) -> bool:
    """Whether the list that ``c`` would start continues (its next number follows soon)."""
    return any(d.style == c.style and d.number == c.number + 1 for d in cands[k + 1:k + 65])
