"""Preparing a document's lines before the outline is built.

* split multi-line strings, fold each line (:mod:`charfold`), drop blank lines and page numbers
  ("- 3 -", "第 3 页 共 10 页");
* drop a web page's furniture around a copied document (责任编辑：…, 【打印本页】, 上一篇：…);
* drop a table of contents: the lines after a 目录 heading that end in a page number, any line
  with a dot leader before its page number ("一、总体要求……………1"), and a run of three or more
  short lines ending in page numbers that rise ("2.示例县2024年工作要点19" / "3.…29" / "4.…42"),
  with the bare labels and the 目录 line that open it;
* drop the signature at the end (an office name and/or a date: "民乐县教育局2022-03-14",
  "2022年3月14日", "XX县教育局 2022年2月", "二〇二三年一月"), never a field or numbered line, and the
  attachment list and 版记 around it ("附件：1.……分解表" with the names under it, "抄送：……", "……印发");
* undo hard wraps: text copied out of a PDF (or converted from one) breaks every paragraph at the
  same visual width. When at least five lines, and a fifth of all lines, end unpunctuated at one
  common width (±2 half-width units, CJK counting 2), a line of that width that does not end a
  sentence is joined with the next line unless the next line starts a label or a field. A label
  out of sequence does not stop the join: one whose three predecessors were met nowhere before, at a
  line's start or inside one ("伍、" with no "肆" anywhere: the wrap fell inside "队伍"). Headings are left
  alone because their widths vary. Ambiguous-width characters (“ ” … — ①) count 2 as well: a
  Chinese font sets them full width, so a wrapped line holding them is as wide as the others.
  In any document, a line that leaves a bracket or quotation open is joined with the next, and a
  line that starts with closing punctuation (。，、）” …) is joined to the one before.

Table rows (atomic lines) are joined onto one line and never unwrapped.

Text extracted glyph by glyph (some PDF converters, OCR) has a space between every two characters
("加 强 党 建"): when half a document's CJK characters are followed by one space and another, its single
spaces are dropped.

Mirror sites inject pinyin after characters ("重點(diǎn)民生實(shí)事"): a bracketed syllable with a
tone mark right after a Chinese character is noise and is taken out before anything else.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .charfold import fold
from .fields import field_key_at_start, is_field_line
from .numbering import embedded_candidates, match_label
from .schedule import opens_period
from .units import is_org_name
from .vocabulary import alternation
from .vocabulary import closing as C
from .vocabulary import headings as H

_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s]*$")
_DATE_TAIL = re.compile(
    r"((?:19|20)\d{2}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月"
    r"|[〇零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?)$"
)
_ORG_LINE = re.compile(r"^[^\s,。;:]{2,24}(局|委员会|政府|办公室|中心|委|工委)$")
# A line that ends a sentence: a closing quote or bracket only counts after a full stop ("……。”"),
# since a hard wrap often falls right after a quoted name ("开展“四史”|教育").
_ENDS_SENTENCE = re.compile(r"[。;!?:]\s*$|[。;!?][”」』)]\s*$")
_KEY_BREAK = set(" \t。;,，、)")  # a field key starts after one of these
_CLOSING_PUNCT = set("。，,、；;：:）)》”」』！!？?")

_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*[)）]"
)

Prepared = tuple[str, str, bool]  # (original, folded, atomic)

# Symbols that decorate the start of a web page's or an article's line: arrows, geometric shapes, stars, dingbats.
_DECORATION = "\u2190-\u21ff\u203b\u2022\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff"
_DECORATED = re.compile(rf"^[\s{_DECORATION}]+")
_CHROME = re.compile(rf"^[\s【\[{_DECORATION}]*(?:{alternation(C.PAGE_CHROME)})")
_CHROME_LINE = re.compile(rf"^[\s{_DECORATION}]*(?:{alternation(C.CHROME_LINES)})\s*$")
_CONTENTS = re.compile(rf"^(?:{alternation(H.CONTENTS)})$")
# A contents entry: text, then a page number after a dot leader, a space or right after the text.
_LEADER_PAGE = re.compile(r"(?:[.…·・．]{3,}|…{2,}|-{4,})\s*(\d{1,3})\s*$")
_TAIL_PAGE = re.compile(r"(?<=[^\d\s.,:;%．、])\s*(\d{1,3})\s*$")
_BARE_LABEL = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．]?\s*$")
_MAX_ENTRY = 60  # a contents entry is a heading: short


def visual_width(text: str) -> int:
    """Width in half-width units: wide (CJK, full-width) characters count 2, and so do ambiguous ones (“ ” … —
    ①), which a Chinese font sets full width."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def prepare(lines: list[tuple[str, bool]]) -> list[Prepared]:
    out: list[Prepared] = []
    spaced = _letter_spaced(lines)
    for text, atomic in lines:
        if not isinstance(text, str):
            continue
        pieces = [re.sub(r"\s*[\r\n]+\s*", " ", text)] if atomic else text.splitlines()
        for line in pieces:
            line = _PINYIN.sub("", line)
            if spaced and not atomic:
                line = _unspaced(line)
            line = _undecorated(line)
            folded = fold(line)
            if not folded.strip() or _PAGE_NUMBER.match(folded) or is_chrome(folded):
                continue
            out.append((line.strip(), folded.strip(), atomic))
    _split_glued_title(out)
    _drop_contents(out)
    _drop_ending(out)
    return _unwrap(out)


# Text extracted glyph by glyph (some PDF converters, OCR) puts a space between every two characters: "加 强 党 建".
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_SPACED_PAIR = re.compile(r"[\u3400-\u9fff] (?=[\u3400-\u9fff])")
_LETTER_SPACED_SHARE = 0.5  # of a document's CJK characters followed by one space and another CJK character


def _letter_spaced(lines: list[tuple[str, bool]]) -> bool:
    """Whether the document's text (table cells aside) is letter-spaced: half or more of its CJK characters
    are followed by a single space and another CJK character (ordinary text: next to none)."""
    text = "\n".join(t for t, atomic in lines if isinstance(t, str) and not atomic)
    chars = len(_CJK_CHAR.findall(text))
    return chars >= 20 and len(_SPACED_PAIR.findall(text)) >= _LETTER_SPACED_SHARE * chars


def _unspaced(line: str) -> str:
    """A letter-spaced line as it was written: single spaces between characters dropped, a wider gap (a word
    space in the original) kept as one space."""
    return re.sub(r"\s{2,}", " ", re.sub(r"(?<=\S) (?=\S)", "", line))


def _undecorated(line: str) -> str:
    """A line without the symbols that decorate its label ("◆一、加强党建", "■ 1.…"); symbols before anything
    else stay (a bullet list's "● 加强……" is read as it is)."""
    m = _DECORATED.match(line)
    if m is None or not line[:m.end()].strip():
        return line
    rest = line[m.end():]
    return rest if match_label(rest, fold(rest)) is not None else line


_GLUED_TITLE = re.compile(
    rf"^(.{{4,60}}?(?:{alternation(H.TITLE_WORDS)}))(?=\s*(?:一、|\(一\)|第一部分|第一章|第一篇))")


def _split_glued_title(out: list[Prepared]) -> None:
    """A document flattened onto one line starts with its title glued to its first heading
    ("示例县2025年工作要点一、加强党建……"): the title goes on a line of its own."""
    for n, (orig, folded, atomic) in enumerate(out[:12]):  # after a covering notice too
        if atomic or len(folded) <= 80:
            continue
        m = _GLUED_TITLE.match(folded)
        if m is not None and match_label(orig, folded) is None:
            cut = m.end(1)
            rest = len(folded) - len(folded[cut:].lstrip())
            out[n:n + 1] = [(orig[:cut], folded[:cut], False), (orig[rest:], folded[rest:], False)]
        return


def is_chrome(folded: str) -> bool:
    """Whether a line is a web page's furniture (责任编辑：…, 【打印本页】, 上一篇：…), not the document's."""
    return bool(_CHROME.match(folded) or _CHROME_LINE.match(folded))


def _page_of(folded: str) -> int | None:
    """The page number a contents entry ends with, or None."""
    if len(folded) > _MAX_ENTRY or re.search(r"[。;!?]", folded):
        return None
    m = _LEADER_PAGE.search(folded) or _TAIL_PAGE.search(folded)
    return int(m.group(1)) if m else None


def _drop_contents(out: list[Prepared]) -> None:
    """Take a table of contents out of the lines (see the module docstring)."""
    drop: set[int] = set()
    i = 0
    while i < len(out):
        _orig, folded, atomic = out[i]
        if atomic:
            i += 1
            continue
        if _CONTENTS.match(re.sub(r"\s+", "", folded)):
            j = i + 1
            while j < len(out) and not out[j][2] and _page_of(out[j][1]) is not None:
                j += 1
            if j > i + 1:
                drop.update(range(i, j))
                i = j
                continue
        if _LEADER_PAGE.search(folded) and len(folded) <= _MAX_ENTRY:
            drop.add(i)
            i += 1
            continue
        j, pages = i, []
        while j < len(out) and not out[j][2]:
            page = _page_of(out[j][1])
            if page is None or (pages and page <= pages[-1]):
                break
            pages.append(page)
            j += 1
        if len(pages) >= 3:
            k = i
            while k > 0 and not out[k - 1][2] and (_BARE_LABEL.match(out[k - 1][1])
                                                    or _CONTENTS.match(re.sub(r"\s+", "", out[k - 1][1]))):
                k -= 1
            drop.update(range(k, j))
            i = j
            continue
        i += 1
    if drop:
        out[:] = [line for n, line in enumerate(out) if n not in drop]


# What follows a document's last paragraph besides its signature: the list of attachments ("附件：1.……" and the
# numbered names under it) and the 版记 of an official document ("抄送：……", "……2026年2月10日印发").
_RECORD_LINE = re.compile(r"^(?:抄送|主送|发送|报送|分送|印发)\s*:|(?:19|20)\d{2}\s*年.{0,12}印发$")
_ATTACHMENTS = re.compile(r"^附件\s*\d{0,2}\s*(?::|$)")
_MAX_ATTACHMENT = 60  # an attachment's name: one short line
# how the name of an attached document ends (or the bare "附件：" of a list that follows)
_DOCUMENT_NAME = re.compile(r"(?:表|清单|名单|方案|办法|细则|目录|指南|标准|要点|计划|通知|意见|汇编|一览|说明|模板|格式|》|附件\s*\d{0,2}\s*:?)\s*$")


def _drop_ending(out: list[Prepared]) -> None:
    """Drop the signature, the attachment list and the 版记 at the end, in whatever order they come (a web page
    lists the attachments after the date; an official document has them before its signature)."""
    while out:
        before = len(out)
        while out and not out[-1][2] and _RECORD_LINE.search(out[-1][1]):
            out.pop()
        _drop_attachments(out)
        _drop_signature(out)
        if len(out) == before:
            return


def _drop_attachments(out: list[Prepared]) -> None:
    """An attachment list ending the document: an "附件：" line, then nothing but short numbered names of
    documents ("2.示例县重点工作任务分解表"; never "2.新建幼儿园3所", which is a task pasted after the line)."""
    for i in range(len(out) - 1, max(-1, len(out) - 12), -1):
        orig, folded, atomic = out[i]
        if atomic or len(folded) > _MAX_ATTACHMENT + 6 or not _DOCUMENT_NAME.search(folded):
            return
        if _ATTACHMENTS.match(folded):
            del out[i:]
            return
        if match_label(orig, folded) is None:
            return


def _drop_signature(out: list[Prepared]) -> None:
    dated = False
    for _ in range(3):
        if not out:
            return
        f = out[-1][1]
        if is_field_line(f) or ":" in f or match_label(out[-1][0], f) is not None:
            return
        if len(f) <= 40 and "。" not in f and (_DATE_TAIL.search(f) or _ORG_LINE.match(f)):
            dated = dated or bool(_DATE_TAIL.search(f))
            out.pop()
        elif dated and is_org_name(f) and not re.search(r"[,;、]", f):  # a school signs: "城关第二小学" over the date
            out.pop()
        else:
            return


def _wrap_width(out: list[Prepared]) -> int | None:
    widths = Counter()
    for orig, folded, atomic in out:
        if atomic or _ENDS_SENTENCE.search(folded) or is_field_line(folded):
            continue
        widths[visual_width(orig)] += 1
    best, best_count = None, 0
    for w in widths:
        if w < 30:
            continue
        count = sum(widths[v] for v in range(w - 2, w + 3))
        if count > best_count or (count == best_count and best is not None and w > best):
            best, best_count = w, count
    if best is None or best_count < 5 or best_count < 0.2 * len(out):
        return _short_wrap_width(out, widths)
    # the wrap width is the widest of the common widths
    return max(v for v in range(best - 2, best + 3) if widths[v])


def _short_wrap_width(out: list[Prepared], widths: Counter) -> int | None:
    """The wrap width of a short document: too few lines to show a common width, but the widest
    unpunctuated lines (at least two within 3 units of each other, 40 units or more) are as wide as
    the document gets — at most one line (its title, say) is wider. Paragraphs written as single
    lines are far wider than their headings, so an unwrapped document never looks like this."""
    if not widths:
        return None
    top = max(widths)
    if top < 40 or sum(widths[v] for v in range(top - 3, top + 1)) < 2:
        return None
    wider = sum(1 for orig, _f, atomic in out if not atomic and visual_width(orig) > top + 2)
    return top if wider <= 1 else None


def _split_key(p_folded: str, folded: str) -> bool:
    """Whether a field key is broken across two lines: "……后勤中心 完成" + "时限：8月底"."""
    for k in range(1, 5):
        if k >= len(p_folded):
            break
        before = p_folded[-k - 1]
        if before not in _KEY_BREAK:
            continue
        m = field_key_at_start(p_folded[-k:] + folded)
        if m is not None and m > k:
            return True
    return False


def _unbalanced(folded: str) -> bool:
    """Whether a line leaves a bracket or a quotation open: "（考试中心，20" + "23年6月）"."""
    return (folded.count("(") > folded.count(")") or folded.count("“") > folded.count("”")
            or folded.count("《") > folded.count("》"))


def _unwrap(out: list[Prepared]) -> list[Prepared]:
    width = _wrap_width(out)
    joined: list[Prepared] = []
    last_width = 0  # width of the last physical line (joined lines grow)
    seen: set[tuple[str, int]] = set()  # (style, number) of every label met so far, in a line or starting one
    for orig, folded, atomic in out:
        label = match_label(orig, folded)
        astray = label is not None and _out_of_sequence(label, seen)
        seen.update((x.style, x.number) for x in embedded_candidates(orig, folded, 0, glued=True))
        if joined and not atomic:
            p_orig, p_folded, p_atomic = joined[-1]
            at_width = width is not None and width - 4 <= last_width <= width + 1
            # a wrapped line: at the wrap width without ending a sentence, or leaving a bracket open
            # (any document: a single wrapped line cannot show a wrap width), or followed by a line
            # that starts with closing punctuation, which no paragraph does
            cut = at_width and not _ENDS_SENTENCE.search(p_folded)
            wrapped = (cut or (_unbalanced(p_folded) and not _ENDS_SENTENCE.search(p_folded))
                       or folded[:1] in _CLOSING_PUNCT
                       or _split_key(p_folded, folded))
            if (not p_atomic and wrapped and (label is None or (cut and astray))
                    and not opens_period(orig, folded)
                    and (not is_field_line(folded) or _split_key(p_folded, folded))):
                joined[-1] = (p_orig + orig, p_folded + folded, False)
                last_width = visual_width(orig)
                continue
        joined.append((orig, folded, atomic))
        last_width = visual_width(orig)
    return joined


def _out_of_sequence(label, seen: set[tuple[str, int]]) -> bool:
    """Whether a label cannot be the next item: not a first one, and none of the three before it met anywhere
    before (a document that skips a number, "26." then "28.", still has its "28." start an item)."""
    return label.number > 1 and not any((label.style, n) in seen for n in range(max(1, label.number - 3), label.number))
