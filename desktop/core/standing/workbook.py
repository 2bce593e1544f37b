"""The bureau's summary workbook (汇总表, not signed): the 通报 working paper.

Every figure comes from ``figures.compute`` (the screen's figures); this module only lays them out, one
function per sheet. Every sheet prints on A4 with the county, plan, period and "统计截至" in its header,
page numbers in its footer and its title rows repeated. Rates are numbers with a % format; a rate with
nothing to count is "—". 未报送 is its own state: its own colour in the matrix, its own column in 按任务,
no rate and no rank in 按学校.

The body cells (hundreds of thousands for a city's schools) get shared named styles: each is registered once
per workbook (``_named``) and a cell only takes its name, instead of a font, an alignment, a border and a fill
set one by one; row heights are worked out from the values written, not by reading every cell back.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.clock import human_time
from desktop.core.db.atomic import atomic_target
from desktop.core.package import sheets
from desktop.core.standing import figures
from desktop.core.standing.bodyxml import Body, Looks, materialise, save, typed
from desktop.core.words import NOT_REPORTED, STATUS_COLOURS, STATUSES, SUSPECTED_COPY, CopyKind, Status

DONE, IN_PROGRESS, NOT_STARTED, NOT_APPLICABLE = Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.NOT_APPLICABLE

SHEET_OVERVIEW = "总体情况"
SHEET_BY_SCHOOL = "按学校"
SHEET_BY_TASK = "按任务"
SHEET_GROUPS = "分类小计"
SHEET_MATRIX = "学校×任务"
SHEET_OVERDUE = "逾期任务"
SHEET_INDICATORS = "量化指标"
SHEET_MISSING = "未报送学校"
SHEET_PROBLEMS = "问题汇总"
SHEET_EVIDENCE = "佐证材料"
SHEET_COPIES = SUSPECTED_COPY
SHEETS = (SHEET_OVERVIEW, SHEET_BY_SCHOOL, SHEET_BY_TASK, SHEET_GROUPS, SHEET_MATRIX, SHEET_OVERDUE,
          SHEET_INDICATORS, SHEET_MISSING, SHEET_PROBLEMS, SHEET_EVIDENCE, SHEET_COPIES)
NOT_APPLICABLE_CELL = "—"  # the task does not apply to the school's type
STATUS_FILL = {str(st): STATUS_COLOURS[st] for st in (*STATUSES, NOT_REPORTED)}
# A list of schools in one cell stops here: at county scale a task overdue in 5,000 schools would run past what a
# cell holds (32,767 characters) and be cut mid-name; the rest is counted, and the matrix sheet names them all.
SCHOOLS_IN_A_CELL = 60
CARRIED_MARK = "（沿用）"  # a matrix cell whose answer the school carried from its last period
MATRIX_LEGEND = (*[(str(s), str(s)) for s in STATUSES], (NOT_REPORTED, "未报送（整校未交）"),
                 (NOT_APPLICABLE_CELL, "任务不适用于该校类型"), ("", f"{CARRIED_MARK}：沿用上期的答复"))
NOT_REPORTED_FONT = Font(name="宋体", color="9C0006")
BOLD = Font(name="宋体", bold=True)
SUBTITLE_FONT = Font(name="黑体", bold=True, size=12)


@dataclass
class Context:
    data: dict
    names: dict[str, str]
    titles: dict[str, str]
    title: str
    header: tuple[str, str, str]


@functools.lru_cache(maxsize=64)
def _fill(colour: str) -> PatternFill:
    """One fill object per colour, so sheets.restyle's cache (by identity) holds for every cell."""
    return PatternFill("solid", fgColor=colour, bgColor=colour)


BODY_STYLE = "台账正文"  # the named styles of the summary's body cells
MATRIX_STYLE = "台账矩阵"  # a matrix cell, centred, + "·" + the status word for its fill


def _named(ws: Worksheet, name: str, *, align: Alignment = sheets.WRAP, fill: PatternFill | None = None) -> str:
    """The workbook's named style ``name`` (the body font and border, ``align``, ``fill``), registered once."""
    wb = ws.parent
    if name not in wb.named_styles:
        style = NamedStyle(name=name, font=sheets.BODY_FONT, alignment=align, border=sheets.BORDER)
        if fill is not None:
            style.fill = fill
        wb.add_named_style(style)
    return name


def _matrix_style(ws: Worksheet, word: str) -> str:
    if word in STATUS_FILL:
        return _named(ws, f"{MATRIX_STYLE}·{word}", align=sheets.CENTER, fill=_fill(STATUS_FILL[word]))
    return _named(ws, MATRIX_STYLE, align=sheets.CENTER)


def _look(ws: Worksheet, name: str) -> int:
    """The look (bodyxml.Looks) of the workbook's named style ``name``."""
    return Looks.of(ws.parent).named(name)


def _rate_look(ws: Worksheet, no_rate: bool) -> int:
    """The look ``sheets.put_rate`` gives a rate cell of a table body: a % number, or "—" centred when there is
    nothing to count (put on a body cell, as the table wrote it: sheets' style cache keeps what it gave first)."""
    looks = Looks.of(ws.parent)
    body = looks.array(_look(ws, _named(ws, BODY_STYLE)))

    def make(scratch: Worksheet):
        scratch.cell(1, 1)._style = StyleArray(body)
        return sheets.put_rate(scratch, 1, 1, None if no_rate else 0.5)

    return looks.made(("rate", no_rate), make)


def _write_table(ws: Worksheet, headers, rows, widths, *, start_row: int = 1, styles=None, fit: bool = True,
                 unmeasured=()) -> int:
    """``sheets.write_table`` with the body as bodyxml rows in named styles (``styles(row, col, value)`` may give
    another look for a cell) and the row heights its wrapped text needs (``sheets.fit_row_heights``, from the
    values; not from the ``unmeasured`` columns)."""
    for col, (title, width) in enumerate(zip(headers, widths, strict=True), start=1):
        sheets.restyle(sheets.put(ws, start_row, col, title, font=sheets.HEADER_FONT, align=sheets.CENTER),
                       fill=sheets.HEADER_FILL)
        ws.column_dimensions[get_column_letter(col)].width = width
    looks, body = Looks.of(ws.parent), Body.of(ws)
    plain = _look(ws, _named(ws, BODY_STYLE))
    r = start_row
    header_lines = max(sheets.lines_needed(t, w) for t, w in zip(headers, widths, strict=True))
    measured = [fit and col not in unmeasured for col in range(1, len(headers) + 1)]
    known: dict[tuple, int] = {}  # (value, column) → the lines it wraps to: worked out once per distinct value
    same: dict[tuple, tuple] = {}  # (text, look) → its typed cell
    for r, row in enumerate(rows, start=start_row + 1):
        needed = 1
        cells = []
        for col, value in enumerate(row, start=1):
            look = styles(r, col, value) if styles else plain
            if type(value) is str:  # the same texts recur (statuses, types, townships): one cell tuple each
                cell = same.get((value, look))
                if cell is None:
                    cell = same[(value, look)] = typed(value, look, looks)
            else:
                cell = typed(value, look, looks)
            cells.append(cell)
            if measured[col - 1] and cell[0] is not None:
                key = (cell[0], col)
                n = known.get(key)
                if n is None:
                    n = known[key] = sheets.lines_needed(str(cell[0]), widths[col - 1] or 8.43)
                needed = max(needed, n)
        body.rows[r] = cells
        if needed > 1:
            body.heights[r] = _height(needed)
    if fit and header_lines > 1:
        ws.row_dimensions[start_row].height = max(_height(header_lines), ws.row_dimensions[start_row].height or 0)
    ws.freeze_panes = f"A{start_row + 1}"
    if r > start_row:
        ws.auto_filter.ref = f"A{start_row}:{get_column_letter(len(headers))}{r}"
    ws.print_title_rows = f"{start_row}:{start_row}"
    return r


def _height(lines: int) -> float:
    return sheets.LINE_HEIGHT * min(lines, MAX_LINES) + 3


MAX_LINES = 40  # sheets.fit_row_heights' limit: a row taller than a page does not print


def _context(data: dict) -> Context:
    county, plan = data["county"], data["plan_title"]
    title = plan if plan.startswith(county) else f"{county} · {plan}"
    return Context(data, {s["code"]: s["name"] for s in data["schools"]},
                   {t["task_id"]: t["title"] for t in data["tasks"]}, f"{title} · {data['period_name']}",
                   (county, f"{plan} · {data['period_name']}", f"统计截至 {human_time(data['as_of'])}"))


def _table(ws: Worksheet, ctx: Context, headers, rows, widths, *, landscape=True, start_row=1, rates=(),
           restyle=None) -> int:
    """write_table with rates as % numbers (``sheets.put_rate``), row heights, A4 print setup with the header row
    repeated; ``restyle(row, col, look)`` may give a cell another look."""
    rows = [[sheets.NO_RATE if v is None and i in rates else v for i, v in enumerate(r, 1)] for r in rows]
    plain = _look(ws, _named(ws, BODY_STYLE))
    looks: dict[bool, int] = {}  # made when first needed: sheets' style cache keeps what it gives first

    def style(r: int, col: int, value) -> int:
        if col in rates:
            no_rate = value == sheets.NO_RATE
            look = looks.get(no_rate)
            if look is None:
                look = looks[no_rate] = _rate_look(ws, no_rate)
        else:
            look = plain
        return restyle(r, col, look) if restyle else look

    last = _write_table(ws, headers, rows, widths, start_row=start_row, styles=style, unmeasured=rates)
    sheets.print_setup(ws, landscape=landscape, header=ctx.header, title_rows=f"{start_row}:{start_row}")
    return last


def _overview(ws: Worksheet, ctx: Context) -> None:
    d = ctx.data
    sheets.write_pairs(ws, f"{ctx.title} 汇总", [
        ("统计截至", human_time(d["as_of"])), ("最后接收", human_time(d["last_received"]) or "—"),
        ("截止日期", d["due"] or "—"), ("应报学校", len(d["schools"])), ("已报送", d["reported"]),
        ("其中逾期报送", len(d["late"])), ("未报送", len(d["missing"])), ("报送率", None),
        ("应完成任务（已报学校，不含不适用）", d["countable"]), (f"其中{DONE}", d["by_status"][DONE]),
        ("总体完成率", None),
    ], widths=(30, 30))
    sheets.put_rate(ws, 10, 2, d["report_rate"])
    sheets.put_rate(ws, 13, 2, d["rate"])
    top = 15
    for col, text in enumerate(("状态（已报学校的任务）", "任务数"), start=1):
        sheets.restyle(sheets.put(ws, top, col, text, font=sheets.HEADER_FONT, align=sheets.CENTER), fill=sheets.HEADER_FILL)
    for i, st in enumerate(STATUSES, start=top + 1):
        sheets.restyle(sheets.put(ws, i, 1, str(st)), fill=_fill(STATUS_FILL[st]))
        sheets.put(ws, i, 2, d["by_status"][st])
    note = top + len(STATUSES) + 1
    sheets.put(ws, note, 1, "完成率 = 已完成 ÷（适用任务 − 不适用），只计已报送学校；未报送学校不计完成率、不排名，"
               "见“未报送学校”表。", border=None)
    ws.merge_cells(start_row=note, start_column=1, end_row=note, end_column=2)
    ws.row_dimensions[note].height = 48
    chart = BarChart()
    chart.title, chart.y_axis.title, chart.legend = "已报送学校的任务完成情况", "任务数", None
    chart.add_data(Reference(ws, min_col=2, min_row=top, max_row=top + len(STATUSES)), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=top + len(STATUSES)))
    chart.height, chart.width = 7.5, 14
    ws.add_chart(chart, f"A{note + 2}")  # below the figures, so it prints on the same page
    sheets.print_setup(ws, landscape=False, header=ctx.header)


def _school_state(p: dict) -> str:
    if not p["reported"]:
        return NOT_REPORTED
    state = "逾期报送" if p["late"] else "按时报送"
    return f"{state}（密钥未确认）" if p["unconfirmed"] else state


def _carried_text(p: dict) -> str | int:
    """How many of a reported school's answers it carried from its last period (and how many unconfirmed)."""
    if not p["reported"]:
        return ""
    if p["n_carried_unconfirmed"]:
        return f"{p['n_carried']}（未确认 {p['n_carried_unconfirmed']}）"
    return p["n_carried"]


def _by_school(ws: Worksheet, ctx: Context) -> None:
    rows = sorted(ctx.data["per_school"], key=lambda p: (p["rank"] is None, not p["reported"], p["rank"] or 0, p["code"]))
    body = [(p["rank"] or "—", p["code"], p["name"], p["type"], p["township"], _school_state(p), p["revision"] or "",
             human_time(p["created_at"]), p["applicable"],
             *([p[f"n_{s}"] for s in (DONE, IN_PROGRESS, NOT_STARTED, NOT_APPLICABLE)] if p["reported"] else [""] * 4),
             p["countable"] if p["reported"] else "", p["rate"],
             len(p["overdue_tasks"]) if p["reported"] else "", len(p["no_evidence"]) if p["reported"] else "",
             f"{p['review']}（通过 {p['n_passed']}，退回 {p['n_returned']}）" if p["reported"] else "",
             _carried_text(p), len(p["required_missing"]) if p["reported"] else "")
            for p in rows]
    headers = ("排名", "学校代码", "学校名称", "类型", "乡镇", "报送情况", "版次", "报送时间", "适用任务",
               DONE, IN_PROGRESS, NOT_STARTED, NOT_APPLICABLE, "应完成", "完成率", "逾期未完成", "已完成缺佐证", "审核状态",
               "沿用上期", "必需缺佐证")
    looks, missing = Looks.of(ws.parent), {r for r, p in enumerate(rows, start=2) if not p["reported"]}
    fill = _fill(STATUS_FILL[NOT_REPORTED])

    def restyle(r: int, col: int, look: int) -> int:
        if r not in missing:
            return look
        return looks.derived(look, fill=fill, font=NOT_REPORTED_FONT if col == 6 else None)

    _table(ws, ctx, headers, body, (5, 11, 20, 8, 8, 18, 5, 15, 6, 6, 6, 6, 6, 6, 8, 7, 8, 20, 12, 8), rates=(15,),
           restyle=restyle)
    ws.freeze_panes = "D2"


def _by_task(ws: Worksheet, ctx: Context) -> None:
    body = [(p["task_id"], p["title"], p["deadline"] or "", p["applicable"], p["reported"], p["n_not_reported"],
             *[p[f"n_{s}"] for s in (DONE, IN_PROGRESS, NOT_STARTED, NOT_APPLICABLE)], p["countable"], p["rate"],
             f"通过 {p['n_passed']}，退回 {p['n_returned']}", p["n_carried"])
            for p in ctx.data["per_task"]]
    headers = ("编号", "任务", "完成时限", "适用学校", "已报送", NOT_REPORTED, DONE, IN_PROGRESS, NOT_STARTED,
               NOT_APPLICABLE, "应完成", "完成率", "审核状态", "沿用上期")
    _table(ws, ctx, headers, body, (8, 40, 9, 7, 7, 7, 7, 7, 7, 7, 7, 8, 14, 8), rates=(12,))
    ws.freeze_panes = "C2"


def _group_rows(rows: list[dict]) -> list[tuple]:
    return [(g["group"] or "（未填）", g["schools"], g["reported"], g["n_not_reported"], g["late"], g["report_rate"],
             g[f"n_{DONE}"], g["countable"], g["rate"]) for g in rows]


def _groups(ws: Worksheet, ctx: Context) -> None:
    """Subtotals by 乡镇, by school type and by section of the plan, one table under the other."""
    d = ctx.data
    cols = ("学校数", "已报送", NOT_REPORTED, "逾期报送", "报送率", DONE, "应完成", "完成率")
    widths = (30, 8, 8, 8, 9, 9, 8, 8, 9)
    row = _table(ws, ctx, ("乡镇", *cols), _group_rows(d["by_township"]), widths, landscape=False, rates=(6, 9))
    row = _table(ws, ctx, ("学校类型", *cols), _group_rows(d["by_type"]), widths, landscape=False,
                 start_row=row + 2, rates=(6, 9))
    sections = [(f"{s['section']} {s['title']}".strip() or "（全部任务）", s["tasks"], "", "", "", None,
                 s[f"n_{DONE}"], s["countable"], s["rate"]) for s in d["sections"]]
    _table(ws, ctx, ("计划部分", "任务数", "", "", "", "", DONE, "应完成", "完成率"), sections, widths,
           landscape=False, start_row=row + 2, rates=(9,))
    ws.auto_filter.ref = None
    ws.freeze_panes = None
    sheets.print_setup(ws, landscape=False, header=ctx.header, title_rows="1:1")


def _matrix_legend(ws: Worksheet) -> None:
    """The legend above the matrix, in the (narrow) task columns: the row as tall as its longest text wraps to,
    so the last word prints too (widths are set before)."""
    sheets.put(ws, 1, 1, "图例", font=BOLD)
    lines = 2
    for i, (word, text) in enumerate(MATRIX_LEGEND):
        cell = sheets.put(ws, 1, 2 + i, text, align=sheets.CENTER)
        if word in STATUS_FILL:
            sheets.restyle(cell, fill=_fill(STATUS_FILL[word]))
        lines = max(lines, sheets.lines_needed(text, ws.column_dimensions[cell.column_letter].width or 8.43))
    sheets.put(ws, 2, 1, "列标题为任务编号和任务名称，全文见“按任务”表。", border=None,
               align=Alignment(vertical="center"))
    ws.row_dimensions[1].height = sheets.LINE_HEIGHT * lines + 3


def _matrix(ws: Worksheet, ctx: Context) -> None:
    d, head = ctx.data, 4
    tasks = d["tasks"]
    rows = []
    status, carried, applicable, subs = d["status"], d["carried"], d["applicable_sets"], d["submissions"]
    not_started = str(NOT_STARTED)
    for s in d["schools"]:  # figures.status_of and is_carried, inlined: 40 cells a school
        code, apply = s["code"], applicable[s["code"]]
        if code not in subs:
            cells = [NOT_REPORTED if t["task_id"] in apply else NOT_APPLICABLE_CELL for t in tasks]
        else:
            cells = [NOT_APPLICABLE_CELL if (tid := t["task_id"]) not in apply
                     else str(status.get((code, tid), not_started)) + (CARRIED_MARK if (code, tid) in carried else "")
                     for t in tasks]
        rows.append([code, s["name"], *cells])
    widths = (11, 22, *[9] * len(tasks))
    headers = ("学校代码", "学校名称", *[f"{t['task_id']}\n{t['title'][:14]}" for t in tasks])
    looks = Looks.of(ws.parent)
    body = _look(ws, _named(ws, BODY_STYLE))
    not_reported = looks.derived(body, font=NOT_REPORTED_FONT)
    missing = {r for r, row in enumerate(rows, start=head + 1) if row[0] not in d["submissions"]}
    by_value: dict[str, int] = {}  # a cell's text → its look (a few distinct texts, 40 cells a school)

    def style(r: int, c: int, v) -> int:
        if c < 3:
            return not_reported if c == 2 and r in missing else body
        look = by_value.get(v)
        if look is None:
            look = by_value[v] = _look(ws, _matrix_style(ws, str(v).removesuffix(CARRIED_MARK)))
        return look

    _write_table(ws, headers, rows, widths, start_row=head, styles=style, fit=False)
    ws.row_dimensions[head].height = sheets.LINE_HEIGHT * 5 + 3
    _matrix_legend(ws)
    ws.freeze_panes = f"C{head + 1}"
    # too wide for one page: across pages at a readable size, the school columns and the header repeated
    sheets.print_setup(ws, landscape=True, header=ctx.header, title_rows=f"{head}:{head}", title_cols="A:B",
                       fit_width=False)


def school_list(names: list[str]) -> str:
    """Schools named in one cell: all of them up to SCHOOLS_IN_A_CELL, else the first ones and how many more."""
    if len(names) <= SCHOOLS_IN_A_CELL:
        return "、".join(names)
    shown = "、".join(names[:SCHOOLS_IN_A_CELL])
    return f"{shown}……等 {len(names)} 所（全部见“{SHEET_MATRIX}”表）"


def _overdue(ws: Worksheet, ctx: Context) -> None:
    d = ctx.data
    body = []
    for p in d["overdue_tasks"]:
        open_codes = [s["code"] for s in d["schools"] if p["task_id"] in d["applicable_sets"][s["code"]]
                      and figures.status_of(d, s["code"], p["task_id"]) in (NOT_STARTED, IN_PROGRESS)]
        body.append((p["task_id"], p["title"], p["deadline"], p["applicable"], p[f"n_{DONE}"], p[f"n_{NOT_APPLICABLE}"],
                     p["n_open"], p["n_not_reported"], p["rate"], school_list([ctx.names[c] for c in open_codes])))
    headers = ("编号", "任务", "完成时限", "适用学校", DONE, NOT_APPLICABLE, "逾期未完成", NOT_REPORTED, "完成率",
               "逾期未完成的学校")
    last = _table(ws, ctx, headers, body, (8, 30, 9, 7, 7, 7, 8, 7, 8, 50), rates=(9,))
    if not body:
        sheets.put(ws, last + 1, 1, f"截至 {human_time(d['as_of'])}，没有完成时限已过的任务。", border=None)
    ws.freeze_panes = "C2"


def _indicators(ws: Worksheet, ctx: Context) -> None:
    body = [(x["task_id"], x["title"], x["text"], x["target"] if x["target"] is not None else "待定", x["unit"],
             x["n_numbers"], x["total"] if x["total"] is not None else "—", x["mean"], x["min"], x["max"],
             school_list([ctx.names.get(c, c) for c in x["below"]])) for x in ctx.data["indicators"]]
    headers = ("编号", "任务", "指标", "目标值", "单位", "填报学校数", "合计", "平均", "最小", "最大", "未达目标的学校")
    looks = Looks.of(ws.parent)

    def restyle(_r: int, col: int, look: int) -> int:
        return looks.derived(look, number_format="#,##0.##") if 7 <= col <= 10 else look

    last = _table(ws, ctx, headers, body, (8, 22, 32, 8, 6, 8, 9, 9, 8, 8, 34), restyle=restyle)
    sheets.put(ws, last + 2, 1, "合计：百分比指标不求和（显示“—”）；平均保留两位小数。", border=None)
    ws.freeze_panes = "C2"


def _missing(ws: Worksheet, ctx: Context) -> None:
    _table(ws, ctx, ("学校代码", "学校名称", "类型", "乡镇"),
           [(p["code"], p["name"], p["type"], p["township"]) for p in ctx.data["missing"]], (12, 34, 12, 16),
           landscape=False)


def _problems(ws: Worksheet, ctx: Context) -> None:
    body = [(g["task_id"], g["title"], g["n_schools"], i["text"], len(i["schools"]),
             school_list([ctx.names.get(c, c) for c in i["schools"]]))
            for g in ctx.data["problem_groups"] for i in g["items"]]
    _table(ws, ctx, ("编号", "任务", "提出问题的学校数", "存在问题", "同一说法的学校数", "学校"), body,
           (8, 24, 9, 50, 9, 40))
    ws.freeze_panes = "C2"


def _evidence(ws: Worksheet, ctx: Context) -> None:
    _table(ws, ctx, ("学校", "编号", "任务", "文件名", "大小（字节）", "SHA-256"),
           [(ctx.names.get(code, code), tid, ctx.titles.get(tid, ""), name, size, sha)
            for code, tid, name, size, sha in ctx.data["evidence"]], (22, 8, 26, 28, 11, 30))


def _copies(ws: Worksheet, ctx: Context) -> None:
    """疑似重复材料: one row per school and task in each group of schools that share a file or a text."""
    body = []
    for n, g in enumerate(ctx.data.get("copies", []), start=1):
        what = "相同的佐证材料" if g["kind"] == CopyKind.EVIDENCE else "相同的完成情况说明"
        for code, tid in g["items"]:
            body.append((n, what, len(g["schools"]), ctx.names.get(code, code), code, tid, ctx.titles.get(tid, ""),
                         g["label"], g["key"] if g["kind"] == CopyKind.EVIDENCE else ""))
    last = _table(ws, ctx, ("组", "类别", "涉及学校数", "学校", "学校代码", "编号", "任务", "文件名 / 说明文字", "SHA-256"), body,
                  (5, 16, 8, 20, 10, 8, 24, 40, 30))
    sheets.put(ws, last + 2, 1, "同一佐证文件（SHA-256 相同）或相同的完成情况说明（不计空白，至少 20 字）"
               "出现在不同学校的报送中。仅作提示，文件均已照常合并，请核实。", border=None)
    ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=9)
    ws.freeze_panes = "D2"


BUILDERS = {SHEET_OVERVIEW: _overview, SHEET_BY_SCHOOL: _by_school, SHEET_BY_TASK: _by_task, SHEET_GROUPS: _groups,
            SHEET_MATRIX: _matrix, SHEET_OVERDUE: _overdue, SHEET_INDICATORS: _indicators, SHEET_MISSING: _missing,
            SHEET_PROBLEMS: _problems, SHEET_EVIDENCE: _evidence, SHEET_COPIES: _copies}


def _build(data: dict) -> Workbook:
    """The workbook with its table bodies as bodyxml rows, not yet openpyxl cells."""
    ctx = _context(data)
    wb = sheets.new_workbook()
    wb.remove(wb.active)
    for name in SHEETS:
        BUILDERS[name](wb.create_sheet(name), ctx)
    return wb


def build_from(data: dict) -> Workbook:
    """The workbook of figures already computed (``figures.compute``), every cell an openpyxl cell."""
    return materialise(_build(data))


def build_workbook(db, plan_id: str, period: str, *, as_of: str | None = None) -> Workbook:
    return build_from(figures.compute(db, plan_id, period, as_of=as_of))


def write_summary(db, plan_id: str, period: str, target, *, as_of: str | None = None) -> Path:
    """The summary workbook of the period, written atomically; the bodies go to the file as XML text
    (bodyxml.save), the same cells ``build_workbook`` makes as openpyxl cells."""
    wb = _build(figures.compute(db, plan_id, period, as_of=as_of))
    with atomic_target(target) as tmp:
        save(wb, tmp)
    return Path(target)
