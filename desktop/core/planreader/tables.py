"""Task tables (a sheet of an .xlsx, or a table in a .docx) turned into plan lines.

The header row is the first row (of the first 30) that has a task column and at least one of a
number, units or deadline column. Columns are recognised by their header text:

* number: 序号, 编号, 序
* group (a heading shared by several rows, often a merged cell): 类别, 项目, 板块, 领域, 重点工作 …
* task: 任务, 工作任务, 具体内容, 工作内容, 主要任务, 重点任务, 工作措施, 具体措施 … (when several
  columns look like tasks, the last is the task and the earlier ones are groups)
* target: 工作目标, 目标, 预期目标, 完成标准 (added to the task text)
* units: 责任单位, 牵头单位, 责任科室, 责任股室, 承办单位, 责任部门 …; supporting: 配合单位, 协办单位
* deadline: 完成时限, 完成时间, 时间节点, 完成期限, 时限

A group column whose value is filled in and changes on every task row is not a group but the
task's short name ("序号|工作任务|具体措施|…" with one 工作任务 per row): the row's task is then
"name。measures", so the name is the title. Only a value that spans rows (a merged cell, or the
same text repeated) makes a group.

Each row becomes an *atomic* line "label + task" (never split at inline labels) followed by field
lines (责任单位：… / 配合单位：… / 完成时限：…), so the outline and field rules are the same as for
text. A row's label is its number cell ("1" -> "1.", "一" -> "一、"); a row without one is numbered
by its position. A row whose number is a Chinese numeral and which has no units or deadline is a
section heading. A change of group value opens a heading ("一、" + value unless it has a label).

A task table pasted into plain text (cells separated by tabs) is found by :func:`tab_separated`.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re

from .charfold import fold
from .numbering import int_to_cn, match_label
from .units import is_org_name
from .vocabulary import alternation
from .vocabulary import field_keys as K

_NUMBER = re.compile(r"^(序号|编号|序|项目编号|任务编号|no\.?|NO\.?|No\.?)$")
_SUPPORT = re.compile(rf"(?:{alternation(K.TABLE_SUPPORT)})(单位|部门|科室|股室)?")
_UNITS = re.compile(r"(责任|牵头|承办|主责|负责|实施|主管|主办)(单位|部门|科室|股室|处室)|责任主体")  # lead units
_DEADLINE = re.compile(alternation(K.TABLE_DEADLINE))
_TARGET = re.compile(rf"^(?:{alternation(K.TABLE_TARGET)})$")
_TASK = re.compile(rf"{alternation(K.TABLE_TASK)}|工作$")
_GROUP = re.compile(alternation(K.TABLE_GROUP))
_PERIOD_COL = re.compile(rf"^(?:{alternation(K.TABLE_PERIOD)})$")
_YEAR_COLUMN = re.compile(r"((?:19|20)\d{2})\s*年度?(?:任务|目标|工作|计划)")
_IGNORE = re.compile(alternation(K.TABLE_IGNORE))


def cell_text(value) -> str:
    """A cell value as text: dates as 2022年6月, whole floats without ".0"."""
    if value is None:
        return ""
    if isinstance(value, (_dt.datetime, _dt.date)):
        return f"{value.year}年{value.month}月"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _classify(header: str) -> str | None:
    h = re.sub(r"\s+", "", fold(header))
    if not h or len(h) > 20:
        return None
    if _NUMBER.match(h):
        return "number"
    if _IGNORE.search(h):
        return None
    if _SUPPORT.search(h):
        return "support"
    if _UNITS.search(h):
        return "units"
    if _DEADLINE.search(h):
        return "deadline"
    if _TARGET.match(h):
        return "target"
    if _PERIOD_COL.match(h):
        return "period"
    if _GROUP.search(h) and not re.search("具体|内容|措施", h):
        return "group"
    if _TASK.search(h):
        return "task"
    return None


def find_header(rows: list[list[str]]) -> tuple[int, dict[str, list[int]]] | None:
    """(index of the header row, {kind: [column indices]}) or None when no row looks like one.

    A header spanning two rows (merged cells above, "责任单位" over "牵头 | 配合") is read as one
    row of joined cells, the index being its second row. A header with no task column but a number
    column and a units, deadline or target column, or two of those, takes as task the column whose
    cells below hold the longest text (a task column named for the kind of item: 民生实事 …)."""
    for i, row in enumerate(rows[:30]):
        found = _header_kinds(row)
        below = rows[i + 1] if i + 1 < len(rows) else []
        if found is not None:
            sub = _sub_header(row, below, found)
            return (i + 1, sub) if sub is not None else (i, found)
        cells = [c.strip() for c in below if c.strip()]
        if len(cells) >= 2 and all(len(c) <= 8 and not c[:1].isdigit() for c in cells) and _header_kinds(below) is None:
            width = max(len(row), len(below))
            top = [row[j] if j < len(row) else "" for j in range(width)]
            for j in range(1, width):  # a merged cell above spans the columns to its right
                if not top[j].strip() and top[j - 1].strip() and j < len(below) and below[j].strip():
                    top[j] = top[j - 1]
            joined = [top[j] + (below[j] if j < len(below) and below[j] != top[j] else "") for j in range(width)]
            found = _header_kinds(joined) or _longest_text_task(joined, rows[i + 2:i + 22])
            if found is not None:
                return i + 1, found
        found = _longest_text_task(row, rows[i + 1:i + 21])
        if found is not None:
            return i, found
    return None


def _sub_header(row: list[str], below: list[str], found: dict[str, list[int]]) -> dict[str, list[int]] | None:
    """The header joined with the row under it when that row splits a merged header cell
    ("责任单位" over "牵头单位 | 配合单位"): short cells that name columns, none under the task column.
    None when the row below is not such a row."""
    cells = [(j, c.strip()) for j, c in enumerate(below) if c.strip()]
    task_col = found["task"][0]
    if not cells or any(len(c) > 8 or c[:1].isdigit() or _classify(c) is None for _j, c in cells):
        return None
    if task_col < len(below) and below[task_col].strip() and below[task_col].strip() != row[task_col].strip():
        return None
    width = max(len(row), len(below))
    top = [row[j] if j < len(row) else "" for j in range(width)]
    for j in range(1, width):  # a merged cell above spans the columns to its right
        if not top[j].strip() and top[j - 1].strip() and j < len(below) and below[j].strip():
            top[j] = top[j - 1]
    joined = [below[j] if j < len(below) and below[j].strip() else top[j] for j in range(width)]
    return _header_kinds(joined)


def _longest_text_task(row: list[str], below: list[list[str]]) -> dict[str, list[int]] | None:
    kinds: dict[str, list[int]] = {}
    for j, cell in enumerate(row):
        k = _classify(cell)
        if k:
            kinds.setdefault(k, []).append(j)
    fields = [k for k in ("units", "deadline", "target") if k in kinds]
    if "task" in kinds or len(below) < 2 or not (("number" in kinds and fields) or len(fields) >= 2):
        return None
    taken = {j for v in kinds.values() for j in v}
    free = [j for j, c in enumerate(row) if j not in taken and c.strip() and not _IGNORE.search(fold(c))]
    if not free:
        return None
    def length(j: int) -> float:
        return sum(len(r[j]) for r in below if j < len(r)) / len(below)
    best = max(free, key=length)
    if length(best) < (8 if len(free) > 1 else 4):  # the only column left: a short name will do
        return None
    kinds["task"] = [best]
    return kinds


def _header_kinds(row: list[str]) -> dict[str, list[int]] | None:
    kinds: dict[str, list[int]] = {}
    for j, cell in enumerate(row):
        k = _classify(cell)
        if k:
            kinds.setdefault(k, []).append(j)
    tasks = kinds.get("task", [])
    if not tasks and len(kinds.get("group", [])) >= 1 and ("units" in kinds or "deadline" in kinds):
        kinds["task"] = [kinds["group"].pop()]  # "项目" alone names the task column
        tasks = kinds["task"]
    if tasks and any(k in kinds for k in ("number", "units", "deadline")):
        if len(tasks) > 1:
            kinds.setdefault("group", []).extend(tasks[:-1])
            kinds["task"] = tasks[-1:]
        return kinds
    return None


def _label_for(number: str) -> str:
    n = number.strip()
    f = fold(n)
    if not n:
        return ""
    if re.fullmatch(r"\d{1,3}(\.\d{1,3})+", f):
        return n + " "
    if re.fullmatch(r"\d{1,3}", f):
        return n + "."
    if re.fullmatch(r"[一二三四五六七八九十百]{1,3}", f):
        return n + "、"
    if re.fullmatch(r"[壹贰叁肆伍陆柒捌玖拾]{1,3}", f):
        return n + "、"
    return n


def task_table_lines(rows: list[list[str]], merged: dict[tuple[int, int], int] | None = None
                     ) -> list[tuple[str, bool]] | None:
    """The plan lines of a task table, or None when the rows have no task-table header.

    ``merged`` maps a cell (row, column) that a vertically merged cell covers, below its first row,
    to that first row (the readers know the merges; text tables have none). A merged units,
    deadline or target cell gives its value to every row it spans; a merged task cell makes its
    rows one task (their units joined); a merged group or period cell heads the rows it spans.

    Long on purpose: one pass down the rows that carries the open section, the merged cells and the header
    columns from row to row; split, that state would have to travel between functions as a bundle."""
    found = find_header(rows)
    if found is None:
        return None
    head_idx, kinds = found
    col = {k: v for k, v in kinds.items()}
    if col.get("period"):  # the months or weeks of a schedule head their rows, like a group
        col["group"] = col.pop("period") + col.get("group", [])
    task_col = col["task"][0]
    if merged:
        rows = _unmerge(rows, merged, head_idx, col, task_col)

    def get(row: list[str], kind: str) -> str:
        return "；".join(row[j] for j in col.get(kind, []) if j < len(row) and row[j])

    data = [row for row in rows[head_idx + 1:]
            if any(c.strip() for c in row) and task_col < len(row) and row[task_col].strip()]
    name_col = next((j for j in col.get("group", []) if _per_row(data, j)
                     and not (j < len(rows[head_idx]) and _PERIOD_COL.match(re.sub(r"\s+", "", fold(rows[head_idx][j]))))),
                    None)
    if name_col is not None:
        col["group"] = [j for j in col["group"] if j != name_col]

    # "2022年度任务目标": a column that sets the year's work gives its rows the year's end
    year_end = None
    if not col.get("deadline"):
        for j in col.get("task", []) + col.get("target", []) + col.get("group", []):
            m = _YEAR_COLUMN.search(fold(rows[head_idx][j])) if j < len(rows[head_idx]) else None
            if m:
                year_end = f"{m.group(1)}年底"
                break
    headers = [[c.strip() for c in r] for r in rows[max(0, head_idx - 1):head_idx + 1]]
    numbers = col.get("number", [])
    rows = rows[:head_idx + 1] + [  # the header repeated on each page
        r for r in rows[head_idx + 1:] if [c.strip() for c in r] not in headers
        and not (numbers and numbers[0] < len(r) and _classify(r[numbers[0]]) == "number")]
    # title rows above the header (one cell, merged across the sheet): the document's title and year
    out: list[tuple[str, bool]] = [
        (cells[0], False) for r in rows[:head_idx] if len(cells := [c.strip() for c in r if c.strip()]) == 1]
    sections: set[int] = set()  # indices in ``out`` of heading lines (group values, section rows)
    groups: list[str] = [""] * len(col.get("group", []))
    group_count = 0
    row_count = 0

    def lone_section(row: list[str]) -> str | None:
        """A section row written in one cell (merged across) outside the task column: "一、……"."""
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) != 1 or (task_col < len(row) and row[task_col].strip()):
            return None
        label = match_label(cells[0], fold(cells[0]))
        return cells[0] if label is not None and label.style in _SECTION_STYLES else None

    has_sections = any(lone_section(r) for r in rows[head_idx + 1:])
    for row in rows[head_idx + 1:]:
        if not any(c.strip() for c in row):
            continue
        lone = lone_section(row)
        if lone is not None:
            sections.add(len(out))
            out.append((lone, True))
            group_count = 0
            groups = [""] * len(groups)
            continue
        task = row[task_col] if task_col < len(row) else ""
        if name_col is not None and task.strip():
            name = row[name_col].strip() if name_col < len(row) else ""
            if name and name != task.strip():
                task = name + ("" if fold(name)[-1] in "。.;:!?" else "。") + task.strip()
        # group columns: merged cells read as empty below their first row
        for gi, j in enumerate(col.get("group", [])):
            value = row[j].strip() if j < len(row) else ""
            if value and value != groups[gi] and value != task:
                groups[gi] = value
                for deeper in range(gi + 1, len(groups)):
                    groups[deeper] = ""
                group_count += 1
                if match_label(value, fold(value)):
                    line = value
                elif has_sections:  # under the table's own 一、 section rows: one level down
                    line = f"（{int_to_cn(group_count)}）{value}"
                else:
                    line = f"{int_to_cn(group_count)}、{value}"
                sections.add(len(out))
                out.append((line, True))
        number = get(row, "number")
        units, support, deadline = get(row, "units"), get(row, "support"), get(row, "deadline")
        deadline = deadline or year_end or ""
        target = get(row, "target")
        if not task.strip():
            continue
        label = _label_for(number)
        folded_number = fold(number.strip())
        section_row = (re.fullmatch(r"[(]?[一二三四五六七八九十]{1,3}[)]?[、.]?", folded_number or "-")
                       and not units and not deadline and not support)
        own = match_label(task, fold(task)) if not label else None
        if section_row or (own is not None and own.style in _SECTION_STYLES
                           and not units and not deadline and not support and not target):
            sections.add(len(out))
            out.append((label + task, True))
            continue
        if not label and not match_label(task, fold(task)):
            row_count += 1
            label = f"{row_count}."
        text = label + task if not match_label(task, fold(task)) else task
        out.append((text, True))
        if target:
            out.append((f"目标：{target}", True))
        if units:
            out.append((f"责任单位：{units}", True))
        if support:
            out.append((f"配合单位：{support}", True))
        if deadline:
            out.append((f"完成时限：{deadline}", True))
    return _drop_empty_sections(out, sections)


_SECTION_STYLES = ("cn", "pcn", "part", "formal", "roman", "section")
_FILLED = ("units", "support", "deadline", "target")  # merged cells that belong to every row they span


def _unmerge(rows: list[list[str]], merged: dict[tuple[int, int], int], head_idx: int,
             col: dict[str, list[int]], task_col: int) -> list[list[str]]:
    """The rows with vertically merged field cells filled down, and the rows a merged task cell
    spans folded into its first row (see :func:`task_table_lines`)."""
    rows = [list(r) for r in rows]
    fill = {j for k in _FILLED for j in col.get(k, [])}
    for (r, c), r0 in merged.items():
        if r > head_idx and c in fill and r < len(rows) and c < len(rows[r]) and r0 < len(rows) \
                and c < len(rows[r0]) and not rows[r][c].strip():
            rows[r][c] = rows[r0][c]
    out: list[list[str]] = []
    first: dict[int, int] = {}  # source row -> index in out
    for r, row in enumerate(rows):
        top = merged.get((r, task_col))
        if r > head_idx and top is not None and top in first:
            target = out[first[top]]
            for j in fill:
                if j < len(row) and j < len(target) and row[j].strip() and row[j] not in target[j].split("、"):
                    target[j] = f"{target[j]}、{row[j]}" if target[j].strip() else row[j]
            continue
        first[r] = len(out)
        out.append(row)
    return out


def _drop_empty_sections(out: list[tuple[str, bool]], sections: set[int]) -> list[tuple[str, bool]]:
    """Section rows with no task row under them (the table's "二、……" rows between sections that
    hold no task of this bureau) are not tasks: drop a section row followed by another one of its
    own style or by the end of the table."""
    def style(i: int) -> str | None:
        label = match_label(out[i][0], fold(out[i][0]))
        return label.style if label else None

    keep = []
    for i, line in enumerate(out):
        if i in sections:
            j = i + 1
            while j in sections and style(j) != style(i):
                j += 1
            if j >= len(out) or (j in sections and style(j) == style(i)):
                continue
        keep.append(line)
    return keep


def _per_row(data: list[list[str]], j: int) -> bool:
    """Whether column ``j`` holds its own value on every task row (no value spans two rows)."""
    values = [row[j].strip() if j < len(row) else "" for row in data]
    if len(values) < 2 or not all(values):
        return False
    return all(a != b for a, b in zip(values, values[1:], strict=False))


def _cells(text: str) -> list[str] | None:
    """A text line split into table cells at tabs or at "|" bars (trailing empty cells dropped),
    or None when it has fewer than three cells."""
    if text.count("\t") >= 2:
        cells = text.split("\t")
    elif fold(text).count("|") >= 2:
        cells = re.split(r"[|｜]", text)
    else:
        return None
    cells = [c.strip() for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    return cells if len(cells) >= 2 else None


def _leading_groups(kinds: dict[str, list[int]]) -> int:
    """How many columns at the left of the header are groups (merged cells a web copy leaves out)."""
    groups = set(kinds.get("group", []))
    n = 0
    while n in groups:
        n += 1
    return n


def _align(cells: list[str], width: int, lead: int) -> list[str] | None:
    """A row of a text table padded to the header's width: missing leading group cells (merged
    in the original) at the left, missing trailing cells at the right; None when the row is too
    short to belong to the table."""
    missing = width - len(cells)
    if sum(1 for c in cells if fold(c).endswith(":")) * 2 >= len(cells):
        return None  # "发布机构: | 示例县教育局 | 成文日期: | …": the page's metadata after the table
    if missing <= 0:
        return cells
    if missing <= lead:
        return [""] * missing + cells
    first = next((c for c in cells if c), "")
    label = match_label(first, fold(first), allow_empty=True)
    if missing <= 1 or (label is not None and label.style in _SECTION_STYLES):  # a section row: "一、 | 学前教育"
        return cells + [""] * missing
    return None


def tab_separated(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """Plain-text lines holding a task table with cells separated by tabs or "|" bars, as plan
    lines (text before and after the table is kept); None when there is no such table."""
    lines = [line for line in lines if line[0].strip()]  # a blank line between rows (or header rows) is no row
    split = [(_cells(text) if not atomic else None) for text, atomic in lines]
    if sum(1 for c in split if c) < 3:
        return None
    rows = [c if c else [text] for c, (text, _a) in zip(split, lines, strict=True)]
    found = find_header([[c.strip() for c in r] for r in rows])
    if found is None:
        return None
    start, kinds = found
    first = start - 1 if start > 0 and _header_kinds(rows[start]) is None else start  # a two-row header
    width, lead = max(len(r) for r in rows[first:start + 1]), _leading_groups(kinds)
    table = [r + [""] * (width - len(r)) for r in rows[first:start + 1]]
    end = start + 1
    while end < len(rows):
        if not lines[end][0].strip():
            end += 1
            continue
        row = _align(rows[end], width, lead) if split[end] else None
        if row is None and split[end] and _trimmed(rows[end]) in [_trimmed(r) for r in table[:start + 1 - first]]:
            row = rows[end] + [""] * (width - len(rows[end]))  # the header repeated on a new page
        if row is None and ("\t" in lines[end][0] or "|" in fold(lines[end][0])):
            # a section row merged across the table: "一、……" and empty cells after it
            cell = lines[end][0].replace("|", "").replace("｜", "").strip()
            label = match_label(cell, fold(cell))
            if label is not None and label.style in _SECTION_STYLES and len(re.split(r"\t|[|｜]", cell)) == 1:
                row = [cell] + [""] * (width - 1)
        if row is None and not split[end] and _section_between_rows(lines, split, end):
            row = [lines[end][0].strip()] + [""] * (width - 1)  # "一、学前教育" on its own line
        if row is None:
            break
        table.append(row)
        end += 1
    after = end
    while after < len(rows) and split[after]:  # rows of the page's metadata under the table
        after += 1
    out = task_table_lines(table, _lost_merges(table, start - first, kinds)) or []
    return list(lines[:first]) + out + list(lines[after:])


def _lost_merges(table: list[list[str]], head_idx: int, kinds: dict[str, list[int]]) -> dict[tuple[int, int], int]:
    """The lead-unit cells a text copy of a table lost to a merge: a task row with its lead-units cell
    empty, right under a task row that has one (the merged cell was written once, in its first row).
    Never across a section row, and only in a table whose first task row names its lead unit."""
    merged: dict[tuple[int, int], int] = {}
    task_col = kinds["task"][0]
    for c in kinds.get("units", []):
        source = None
        for r in range(head_idx + 1, len(table)):
            row = table[r]
            task = row[task_col].strip() if task_col < len(row) else ""
            value = row[c].strip() if c < len(row) else ""
            if not task or not any(x.strip() for k, x in enumerate(row) if k not in (c, task_col)):
                source = None  # a section row (or an empty one) ends the run
                continue
            if value:
                source = r
            elif source is not None:
                merged[(r, c)] = source
            else:
                break  # the first task row has no lead unit: the column is not merged
    return merged


def _trimmed(cells: list[str]) -> list[str]:
    out = [c.strip() for c in cells]
    while out and not out[-1]:
        out.pop()
    return out


def _section_between_rows(lines: list[tuple[str, bool]], split: list, k: int) -> bool:
    """Whether line ``k`` (no cells) is a section label ("一、学前教育") with table rows after it."""
    cell = lines[k][0].strip()
    label = match_label(cell, fold(cell))
    if label is None or label.style not in _SECTION_STYLES or len(cell) > 40:
        return False
    nxt = next((j for j in range(k + 1, len(lines)) if lines[j][0].strip()), None)
    return nxt is not None and bool(split[nxt])


_MAX_HEADER_CELL = 12
_ROW_NUMBER = re.compile(r"^\d{1,4}[.、]?$")


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", fold(text)).strip("|")


def cell_per_line(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """A task table copied out of a web page or a PDF with one cell per line (blank lines between
    them or not, a "|" after each or not): a run of three or more short header cells that
    :func:`find_header` accepts, then rows that each start with their number cell, section rows
    ("一、……") between them. None when the document holds no such table."""
    texts = [(_bare(t) if not a else "") for t, a in lines]
    nonblank = [i for i, t in enumerate(texts) if t]
    for k, i in enumerate(nonblank):
        if _classify(texts[i]) is None or len(texts[i]) > _MAX_HEADER_CELL:
            continue
        run = []
        for j in nonblank[k:]:
            t = texts[j]
            if (len(t) > _MAX_HEADER_CELL or _ROW_NUMBER.match(t) or "。" in t
                    or match_label(t, t) is not None):
                break
            run.append(j)
        if len(run) < 3:
            continue
        header = [lines[j][0].strip().strip("|｜").strip() for j in run]
        found = find_header([header])
        if found is None or found[1].get("number") != [0]:
            continue
        return _cell_rows(lines, texts, nonblank, k, len(run), header, found[1]["task"][0])
    return None


def _cell_rows(lines, texts, nonblank, k_head, n_head, header, task_col):
    width = len(header)
    k0 = k_head + n_head
    rows: list[list[str]] = [header]
    row: list[str] | None = None
    end = nonblank[k0 - 1] + 1
    for j in nonblank[k0:]:
        t = texts[j]
        cell = lines[j][0].strip().strip("|｜").strip()
        section = match_label(t, t)
        if _ROW_NUMBER.match(t) and (row is None or len(row) >= 2):
            row = [cell]
            rows.append(row)
        elif (section is not None and section.style in ("cn", "pcn", "part", "formal", "roman")
              and (row is None or len(row) >= 2)):
            row = None
            rows.append([cell if c == task_col else "" for c in range(width)])
        elif row is not None and len(row) < width:
            row.append(cell)
        else:
            break
        end = j + 1
    if len(rows) < 2:
        return None
    rows = [r + [""] * (width - len(r)) for r in rows]
    out = task_table_lines(rows)
    if not out:
        return None
    start = nonblank[k_head]
    return list(lines[:start]) + out + list(lines[end:])


def space_separated(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """A task table copied with spaces between its cells ("序号 工作任务 责任单位 完成时限" / "1 新建……
    基础教育股 2025年8月"): a header line of three or more short cells that :func:`find_header`
    accepts with a number column first, then rows that start with their number (or a section label).
    A row with more pieces than the header has spaces inside its task cell: the pieces before and
    after the task column are the other cells, the rest is the task. None when there is no such table."""
    for i, (text, atomic) in enumerate(lines):
        if atomic:
            continue
        header = fold(text).split()
        if not 3 <= len(header) <= 12 or any(len(c) > _MAX_HEADER_CELL for c in header):
            continue
        found = find_header([header])
        if found is None or found[1].get("number") != [0]:
            continue
        width, task_col = len(header), found[1]["task"][0]
        rows: list[list[str]] = [text.split()]
        end = i + 1
        while end < len(lines):
            row_text, row_atomic = lines[end]
            pieces = row_text.split()
            if row_atomic or not pieces:
                if not pieces and not row_atomic:
                    end += 1
                    continue
                break
            first = fold(pieces[0])
            section = match_label(row_text.strip(), fold(row_text.strip()))
            if _ROW_NUMBER.match(first) and len(pieces) >= width:
                after = width - task_col - 1
                task = " ".join(pieces[task_col:len(pieces) - after])
                rows.append([*pieces[:task_col], task, *pieces[len(pieces) - after:]])
            elif _ROW_NUMBER.match(first) and task_col < len(pieces) and (short := _short_row(pieces, header, task_col)):
                rows.append(short)
            elif section is not None and section.style in _SECTION_STYLES and not _ROW_NUMBER.match(first):
                rows.append([row_text.strip()] + [""] * (width - 1))  # a section row across the table
            else:
                break
            end += 1
        if len(rows) < 3:
            continue
        out = task_table_lines(rows)
        if out:
            return list(lines[:i]) + out + list(lines[end:])
    return None


def _short_row(pieces: list[str], header: list[str], task_col: int) -> list[str] | None:
    """A row of a space-separated table with fewer pieces than the header (the web copy dropped
    its empty cells: "2 开展党员教育培训 组织人事股 6月"): the task runs up to the first piece that
    names a unit or a date; each later piece goes to the next column that takes it (unit columns take
    unit names, a deadline column takes a date, other columns anything). None when a piece fits
    no column left."""
    kinds = [_classify(h) for h in header]
    rest = pieces[task_col + 1:]
    cut = next((k for k, p in enumerate(rest) if is_org_name(fold(p)) or _TRAILING_DATE.fullmatch(fold(p))),
               len(rest))
    row = [*pieces[:task_col], " ".join([pieces[task_col], *rest[:cut]])] + [""] * (len(header) - task_col - 1)
    j = task_col + 1
    for p in rest[cut:]:
        f = fold(p)
        while j < len(header):
            kind = kinds[j]
            if (kind in ("units", "support") and is_org_name(f)) or (kind == "deadline" and _TRAILING_DATE.fullmatch(f)):
                break
            if kind not in ("units", "support", "deadline"):
                break
            j += 1
        if j >= len(header):
            return None
        row[j] = p
        j += 1
    return row


# Header cells as tables write them (every table's examples), longest first: a header glued into
# one run of text ("序号工作任务责任单位完成时限") is read by matching them one after another.
_HEADER_WORDS = sorted({e[-1] for t in (K.TABLE_TASK, K.TABLE_SUPPORT, K.TABLE_DEADLINE, K.TABLE_TARGET,
                                        K.TABLE_GROUP, K.TABLE_PERIOD) for e in t}
                       | {"序号", "编号", "责任单位", "牵头单位", "责任科室", "责任股室", "承办单位", "责任部门"},
                       key=len, reverse=True)
_TRAILING_DATE = re.compile(
    r"(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?|年底|年末|上半年|下半年|全年|年内)"
    r"(?:底|末|中旬|上旬|下旬)?(?:前|以前)?$")
_BEFORE_UNIT = re.compile(r"[%个所次项人名间座套台件)。,;]")


def _glued_header(folded: str, start: int) -> tuple[list[str], int] | None:
    """The header cells glued together from ``start`` and where they end, or None."""
    cells, pos = [], start
    while pos < len(folded):
        word = next((w for w in _HEADER_WORDS if folded.startswith(w, pos)), None)
        if word is None:
            break
        cells.append(word)
        pos += len(word)
    if len(cells) < 3 or not folded.startswith("1", pos):
        cells, pos = _segmented_header(folded, start) or (cells, pos)
    if len(cells) < 3:
        return None
    found = find_header([cells])
    if found is None or found[1].get("number") != [0]:
        return None
    return cells, pos


# The words a header cell ends with, and the nouns that only ever end one (never start it).
_CELL_ENDS = tuple(sorted({e[0] for t in (K.TABLE_TASK, K.TABLE_SUPPORT, K.TABLE_DEADLINE, K.TABLE_TARGET,
                                          K.TABLE_GROUP, K.TABLE_PERIOD, K.UNIT_NOUNS, K.DEADLINE_NOUNS) for e in t}
                          | {"序号", "编号"}, key=len, reverse=True))
_CELL_SUFFIXES = tuple(e[0] for t in (K.UNIT_NOUNS, K.DEADLINE_NOUNS) for e in t)


def _segmented_header(folded: str, start: int) -> tuple[list[str], int] | None:
    """A glued header whose cells are not written as the vocabulary's examples ("序号重点任务牵头单位
    配合单位完成时限1……"): the text up to the first row number "1" cut into the most cells that each
    name a column, end with a header word and do not start with a noun that only ends one (单位, 时限)."""
    m = re.compile(r"1(?=[\u4e00-\u9fff])").search(folded, start + 6, start + 80)
    if m is None:
        return None
    text = folded[start:m.start()]
    best: list[list[str] | None] = [[]] + [None] * len(text)  # most cells covering text[:i]
    for i in range(len(text)):
        if best[i] is None:
            continue
        for j in range(i + 2, min(len(text), i + 8) + 1):
            cell = text[i:j]
            if cell.endswith(_CELL_ENDS) and not cell.startswith(_CELL_SUFFIXES) and _classify(cell) is not None:
                cand = [*best[i], cell]  # type: ignore[misc]
                if best[j] is None or len(cand) > len(best[j]):  # type: ignore[arg-type]
                    best[j] = cand
    cells = best[len(text)]
    return (cells, m.start()) if cells and len(cells) >= 3 else None


def _glued_names(tail: str) -> list[str] | None:
    """Unit names glued with no separator ("县教育局县住建局"), cut before each 县/市/区/各 that follows
    a complete name; None unless every piece is a unit name."""
    cuts = [0] + [k for k in range(2, len(tail) - 1) if tail[k] in "县市区各"
                  and is_org_name(fold(tail[:k]).split("、")[-1]) and _OFFICE_END.search(fold(tail[:k]))]
    names = [tail[a:b] for a, b in itertools.pairwise([*cuts, len(tail)])]
    return names if all(is_org_name(fold(x)) and len(x) <= _GLUED_NAME_MAX for x in names) else None


_GLUED_NAME_MAX = 12  # a glued unit name is short ("县市场监管局"); longer runs are task text


_OFFICE_END = re.compile(r"(?:局|委|办|股|室|中心|政府|队|院|馆|站|所|组)$")


def _split_unit(body: str) -> tuple[str, str]:
    """(rest, units) of a row's text whose last cell is a unit name ("……学位270个基础教育股"), or
    two or more names glued together, each opening with 县/市/区/各 ("……整治县教育局县公安局")."""
    for j in range(max(1, len(body) - 30), len(body) - 3):
        names = _glued_names(body[j:]) if body[j] in "县市区各" else None
        if names and len(names) >= 2 and all(x[0] in "县市区各" for x in names):
            return body[:j], body[j:]
    for j in range(max(1, len(body) - 30), len(body) - 1):
        tail = body[j:]
        if _BEFORE_UNIT.match(body[j - 1]) and all(is_org_name(fold(x)) for x in re.split("[、,，]", tail) if x):
            return body[:j], tail
    return body, ""


def flattened_rows(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """A task table whose rows were flattened with no separator at all ("序号工作任务责任单位完成时限
    1新建……基础教育股2025年8月2改造……"): the glued header, then rows cut at the row numbers as they
    follow (1, 2, 3 …), each row's deadline read off its end and its units before that. None when no
    line holds such a table."""
    for i, (text, atomic) in enumerate(lines):
        folded = fold(text)
        at = folded.find("序号")
        if atomic or at < 0:
            continue
        head = _glued_header(folded, at)
        if head is None:
            continue
        header, pos = head
        kinds = find_header([header])[1]  # type: ignore[index]
        if not folded.startswith("1", pos):
            continue
        cuts, n, k = [pos], 2, pos + 1
        while True:
            # a row number, never the month of a date ("……2026年8月8开展……")
            m = re.compile(rf"(?<=[^\d\s])(?<![年./-])({n})(?![月日号])(?=[\u4e00-\u9fff])").search(folded, k + 4)
            if m is None:
                break
            cuts.append(m.start())
            n, k = n + 1, m.end()
        cuts.append(len(folded))
        rows = [header]
        deadline_col = (kinds.get("deadline") or [None])[0]
        unit_col = (kinds.get("units") or [None])[0]
        support_col = (kinds.get("support") or [None])[0]
        task_col = kinds["task"][0]
        for a, b in zip(cuts, cuts[1:], strict=False):
            number = re.match(r"\d+", folded[a:b]).group(0)  # type: ignore[union-attr]
            body = text[a + len(number):b].strip()
            row = [""] * len(header)
            row[0] = number
            if deadline_col is not None:
                m = _TRAILING_DATE.search(fold(body))
                if m:
                    row[deadline_col], body = body[m.start():], body[:m.start()]
            if unit_col is not None:
                body, row[unit_col] = _split_unit(body)
                names = _glued_names(row[unit_col]) if support_col is not None and row[unit_col] else None
                if names and len(names) >= 2:  # 牵头单位 and 配合单位 glued: the first leads
                    row[unit_col], row[support_col] = names[0], "、".join(names[1:])
            row[task_col] = body
            rows.append(row)
        out = task_table_lines(rows) if len(rows) >= 3 else None
        if out:
            before = [(text[:at], False)] if text[:at].strip() else []
            return list(lines[:i]) + before + out + list(lines[i + 1:])
    return None


def text_table(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """A task table that arrived as text: cells separated by tabs, bars or spaces, one cell per line,
    or rows flattened with no separator."""
    return tab_separated(lines) or cell_per_line(lines) or space_separated(lines) or flattened_rows(lines)
