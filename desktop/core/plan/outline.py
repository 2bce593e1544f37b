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
with number one or continues an open level with the next number.

Unlabelled lines: before any label they are the preamble; a line with only a label takes the next
line as its heading; otherwise the line is more body text of the deepest open node, except that a
short "标题句。正文" paragraph after a task written the same way is an unnumbered task of its own
(label ``*``). Field lines (责任单位：… / 完成时间：…) attach to the deepest open node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import fields
from .charfold import fold as fold_like
from .numbering import RANK, Label, embedded_candidates, match_label, weak_boundary_before

_SENTENCE_END = re.compile(r"[。;；!！?？]")
_ENDS_SENTENCE = re.compile(r"[。;!?”)]\s*$")
_EPILOGUE = ("附件", "特此", "以上", "抄送", "印发", "联系人", "联系电话", "本要点", "本计划", "本方案")


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

    def ends_with_colon(self) -> bool:
        last = self.paras[-1][1] if self.paras else self.head_folded
        return last.rstrip().endswith(":")


_MAX_NESTED = 3  # lists of one style nested by the colon rule, at most


@dataclass
class _Open:
    style: str
    number: int
    colon: bool


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
    while j > 0 and RANK.get(opened[j - 1].style, 99) >= RANK.get(style, 99):
        j -= 1
    return j


class OutlineBuilder:
    """Feed lines in document order, then read ``root`` and ``preamble``."""

    def __init__(self) -> None:
        self.root = Node("root", 0, "")
        self.stack: list[Node] = [self.root]
        self.preamble: list[tuple[str, str]] = []
        self.line_no = 0

    # -- input -------------------------------------------------------------------------------
    def feed(self, orig: str, folded: str, *, atomic: bool = False) -> None:
        """One physical line. ``atomic`` lines (table rows) are never split at inline labels."""
        self.line_no += 1
        orig, folded = _strip(orig, folded)
        if not folded:
            return
        if fields.is_field_line(folded):
            top = self.stack[-1]
            top.field_lines.append((orig, folded))
            top.closed = True
            return
        label = match_label(orig, folded, 0, allow_empty=True)
        if atomic:
            segments = [(label, orig, folded)]
        else:
            segments = self._split(orig, folded, label)
        for k, (lab, seg_orig, seg_folded) in enumerate(segments):
            if lab is None:
                self._unlabelled(seg_orig, seg_folded)
            else:
                self._place(lab, seg_orig, seg_folded, inline=k > 0)

    def finish(self) -> None:
        """After the last line: an inline 一是/二是 list in the introduction of a section that also
        has numbered items of its own is description, not tasks — fold it back into the text."""
        self._fold_inline_lists(self.root)

    def _fold_inline_lists(self, node: Node) -> None:
        inline = [c for c in node.children if c.inline and c.style == "seq" and not c.children]
        if inline and any(not c.inline for c in node.children):
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
        return [_Open(n.style, n.number, n.ends_with_colon()) for n in self.stack[1:]]

    def _split(self, orig: str, folded: str, label: Label | None):
        start = label.end if label else 0
        cands = embedded_candidates(orig, folded, start)
        if not cands:
            return [(label, orig, folded)]
        opened = self._opened()
        if label is not None:
            idx = parent_index(opened, label.style, label.number)
            opened = opened[:idx] + [_Open(label.style, label.number, False)]
        elif self.stack[-1] is self.root:
            opened = []
        cuts: list[Label] = []
        prev_cut = start
        for k, c in enumerate(cands):
            if not self._acceptable(c, k, cands, folded, prev_cut, opened):
                continue
            idx = parent_index(opened, c.style, c.number)
            opened = opened[:idx] + [_Open(c.style, c.number, folded[prev_cut:c.start].rstrip().endswith(":"))]
            cuts.append(c)
            prev_cut = c.start
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
                    opened: list[_Open]) -> bool:
        after_comma = weak_boundary_before(folded, c.start)
        same = [o for o in opened if o.style == c.style]
        if same:
            if any(o.number == c.number - 1 for o in same):
                return True
            return (c.number == 1 and opened and opened[-1].style == c.style
                    and folded[prev_cut:c.start].rstrip().endswith(":") and _has_next(c, k, cands))
        if c.number != 1:
            return False
        if opened and RANK.get(c.style, 99) <= RANK.get(opened[-1].style, 99):
            return False
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
        node = Node(label.style, label.number, label.text, parent, head_o, head_f, line_no=self.line_no,
                    raw=orig.strip(), inline=inline)
        parent.children.append(node)
        self.stack.append(node)

    def _unlabelled(self, orig: str, folded: str) -> None:
        top = self.stack[-1]
        if top is self.root:
            self.preamble.append((orig, folded))
            return
        if not top.head_folded:
            top.head, top.head_folded = orig, folded
            top.raw = f"{top.raw}{orig}"
            return
        if self._starts_unnumbered_task(top, folded):
            parent = top.parent or self.root
            node = Node("unnumbered", 0, "*", parent, orig, folded, line_no=self.line_no)
            parent.children.append(node)
            self.stack.pop()
            self.stack.append(node)
            return
        top.paras.append((orig, folded))

    @staticmethod
    def _starts_unnumbered_task(top: Node, folded: str) -> bool:
        if top.children or top.parent is None:
            return False
        if not (top.closed or fields.has_title_sentence(top.head_folded)):
            return False
        last = top.paras[-1][1] if top.paras else top.head_folded
        if not top.closed and not _ENDS_SENTENCE.search(last):
            return False  # the previous line stops mid-sentence: this one continues it
        if folded.startswith(_EPILOGUE):
            return False
        return fields.has_title_sentence(folded, limit=25)


def _has_next(c: Label, k: int, cands: list[Label]) -> bool:
    """Whether the list that ``c`` would start continues (its next number follows soon)."""
    return any(d.style == c.style and d.number == c.number + 1 for d in cands[k + 1:k + 65])
