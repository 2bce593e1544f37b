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
import re

from .charfold import fold
from .numbering import int_to_cn, match_label

_NUMBER = re.compile(r"^(序号|编号|序|项目编号|任务编号|no\.?|NO\.?|No\.?)$")
_SUPPORT = re.compile(r"(配合|协办|协助|参与)(单位|部门|科室|股室)?")
_UNITS = re.compile(r"(责任|牵头|承办|主责|负责|实施)(单位|部门|科室|股室|处室)|责任主体")
_DEADLINE = re.compile(r"时限|完成时间|时间节点|完成期限|期限|时间安排|进度安排|截止时间")
_TARGET = re.compile(r"^(工作目标|目标|预期目标|完成标准|预期成果|工作标准|目标要求)$")
_TASK = re.compile(r"任务|内容|措施|事项|要点|举措|工作$")
_GROUP = re.compile(r"类别|项目|板块|领域|分类|专项|重点工作|一级|类型")
_IGNORE = re.compile(r"责任人|领导|联系|备注|电话|说明|完成情况|进展")


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
    if _GROUP.search(h) and not re.search("具体|内容|措施", h):
        return "group"
    if _TASK.search(h):
        return "task"
    return None


def find_header(rows: list[list[str]]) -> tuple[int, dict[str, list[int]]] | None:
    """(index of the header row, {kind: [column indices]}) or None when no row looks like one."""
    for i, row in enumerate(rows[:30]):
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
            return i, kinds
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


def task_table_lines(rows: list[list[str]]) -> list[tuple[str, bool]] | None:
    """The plan lines of a task table, or None when the rows have no task-table header."""
    found = find_header(rows)
    if found is None:
        return None
    head_idx, kinds = found
    col = {k: v for k, v in kinds.items()}
    task_col = col["task"][0]

    def get(row: list[str], kind: str) -> str:
        return "；".join(row[j] for j in col.get(kind, []) if j < len(row) and row[j])

    data = [row for row in rows[head_idx + 1:]
            if any(c.strip() for c in row) and task_col < len(row) and row[task_col].strip()]
    name_col = next((j for j in col.get("group", []) if _per_row(data, j)), None)
    if name_col is not None:
        col["group"] = [j for j in col["group"] if j != name_col]

    out: list[tuple[str, bool]] = []
    groups: list[str] = [""] * len(col.get("group", []))
    group_count = 0
    row_count = 0
    for row in rows[head_idx + 1:]:
        if not any(c.strip() for c in row):
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
                line = value if match_label(value, fold(value)) else f"{int_to_cn(group_count)}、{value}"
                out.append((line, True))
        number = get(row, "number")
        units, support, deadline = get(row, "units"), get(row, "support"), get(row, "deadline")
        target = get(row, "target")
        if not task.strip():
            continue
        label = _label_for(number)
        folded_number = fold(number.strip())
        section_row = (re.fullmatch(r"[(]?[一二三四五六七八九十]{1,3}[)]?[、.]?", folded_number or "-")
                       and not units and not deadline and not support)
        if section_row:
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
    return out


def _per_row(data: list[list[str]], j: int) -> bool:
    """Whether column ``j`` holds its own value on every task row (no value spans two rows)."""
    values = [row[j].strip() if j < len(row) else "" for row in data]
    if len(values) < 2 or not all(values):
        return False
    return all(a != b for a, b in zip(values, values[1:], strict=False))


def tab_separated(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """Plain-text lines holding a tab-separated task table, as plan lines (text before and after
    the table is kept); None when there is no such table."""
    if sum(1 for text, atomic in lines if not atomic and text.count("\t") >= 2) < 3:
        return None
    rows = [text.split("\t") if not atomic else [text] for text, atomic in lines]
    found = find_header([[c.strip() for c in r] for r in rows])
    if found is None:
        return None
    start = found[0]
    end = start + 1
    while end < len(rows) and (len(rows[end]) >= 2 or not lines[end][0].strip()):
        end += 1
    table = task_table_lines([[c.strip() for c in r] for r in rows[start:end]]) or []
    return list(lines[:start]) + table + list(lines[end:])
