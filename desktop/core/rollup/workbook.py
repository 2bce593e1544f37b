"""The city summary workbook (市级汇总表, not signed): a county level, a school level, per county the schools
that have not reported, and the 疑似重复材料 shared by schools of different counties. Every figure comes from
``rollup.figures.compute``; this module lays them out."""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import PatternFill

from desktop.core.clock import human_time
from desktop.core.db.atomic import atomic_target
from desktop.core.package import sheets
from desktop.core.words import NOT_REPORTED, STATUS_COLOURS, STATUSES, SUSPECTED_COPY, CopyKind, Status

SHEET_OVERVIEW = "总体情况"
SHEET_BY_COUNTY = "按县区"
SHEET_BY_SCHOOL = "按学校"
SHEET_MISSING = "未报送学校"
SHEET_COPIES = SUSPECTED_COPY
SHEETS = (SHEET_OVERVIEW, SHEET_BY_COUNTY, SHEET_BY_SCHOOL, SHEET_MISSING, SHEET_COPIES)
TEXT_START = 40  # characters of a shared narrative shown in the sheet (the whole text is in each school's entry)
_NOT_REPORTED_FILL = PatternFill("solid", fgColor=STATUS_COLOURS[NOT_REPORTED], bgColor=STATUS_COLOURS[NOT_REPORTED])


def _header(data: dict, city: str) -> tuple[str, str, str]:
    return (city, data["period"] or "", f"统计截至 {human_time(data['as_of'])}")


def _table(ws, header, headers, rows, widths, rates=()) -> int:
    rows = [list(r) for r in rows]
    last = sheets.write_table(ws, headers, [[None if i in rates else v for i, v in enumerate(r, 1)] for r in rows],
                              widths)
    for r, row in enumerate(rows, start=2):
        for col in rates:
            sheets.put_rate(ws, r, col, row[col - 1])
    sheets.fit_row_heights(ws)
    sheets.print_setup(ws, landscape=True, header=header, title_rows="1:1")
    return last


def _overview(ws, data: dict, city: str) -> None:
    sheets.write_pairs(ws, f"{city} · {data['period'] or ''} 市级汇总", [
        ("统计截至", human_time(data["as_of"])), ("已汇总县区", len(data["counties"])),
        ("应报学校", data["n_schools"]), ("已报送学校", data["reported"]), ("未报送学校", len(data["missing"])),
        ("报送率", None), ("应完成任务（已报学校，不含不适用）", data["countable"]), (f"其中{Status.DONE}", data["n_done"]),
        ("总体完成率", None),
        ("说明", "各县区的工作计划各不相同：市级只比较报送率与完成率，不跨县区比较任务编号。"
               "完成率 = 已完成 ÷（适用任务 − 不适用），只计已报送学校；未报送学校不计完成率、不排名。"),
    ], widths=(30, 50))
    sheets.put_rate(ws, 8, 2, data["report_rate"])
    sheets.put_rate(ws, 11, 2, data["rate"])
    sheets.print_setup(ws, landscape=False, header=_header(data, city))


def _by_county(ws, data: dict, city: str) -> None:
    body = [(c["county"], c["plan_title"], c["revision"], human_time(c["exported_at"]), c["schools"], c["reported"],
             c["n_not_reported"], c["report_rate"], *[c["by_status"][str(s)] for s in STATUSES], c["countable"],
             c["rate"], "含文件" if c["with_evidence"] else "仅登记", "未核对" if c.get("key_unconfirmed") else "已核对")
            for c in sorted(data["counties"], key=lambda c: (c["rate"] is None, -(c["rate"] or 0), c["county"]))]
    _table(ws, _header(data, city), ("县区", "工作计划", "汇总版次", "县区导出时间", "学校数", "已报送", "未报送", "报送率",
                                     *[str(s) for s in STATUSES], "应完成", "完成率", "佐证材料", "县区密钥"),
           body, (12, 28, 6, 15, 6, 6, 6, 8, 6, 6, 6, 6, 7, 8, 8, 8), rates=(8, 14))


def _by_school(ws, data: dict, city: str) -> None:
    rows = sorted(data["schools"], key=lambda p: (p["county"], p["rank"] is None, p["rank"] or 0, p["code"]))
    body = [(p["county"], p["code"], p["name"], p["type"], p["township"],
             ("已报送（密钥未确认）" if p["unconfirmed"] else "已报送") if p["reported"] else NOT_REPORTED,
             p["revision"] or "", p["rank"] or "—",
             *([p[f"n_{s}"] for s in STATUSES] if p["reported"] else [""] * len(STATUSES)),
             p["countable"] if p["reported"] else "", p["rate"]) for p in rows]
    last = _table(ws, _header(data, city), ("县区", "学校代码", "学校名称", "类型", "乡镇", "报送情况", "学校版次", "县内排名",
                                            *[str(s) for s in STATUSES], "应完成", "完成率"),
                  body, (12, 11, 22, 8, 10, 14, 6, 6, 6, 6, 6, 6, 7, 8), rates=(14,))
    for r in range(2, last + 1):
        if ws.cell(r, 6).value == NOT_REPORTED:
            for c in range(1, 15):
                ws.cell(r, c).fill = _NOT_REPORTED_FILL
    ws.freeze_panes = "D2"


def _missing(ws, data: dict, city: str) -> None:
    _table(ws, _header(data, city), ("县区", "学校代码", "学校名称", "类型", "乡镇"),
           [(p["county"], p["code"], p["name"], p["type"], p["township"])
            for p in sorted(data["missing"], key=lambda p: (p["county"], p["code"]))], (14, 12, 28, 10, 14))


def _start(text: str) -> str:
    return text if len(text) <= TEXT_START else text[:TEXT_START] + "…"


def _copies(ws, data: dict, city: str) -> None:
    """One row per school and task in each group of schools of different counties sharing a file or a text."""
    body: list[tuple] = []
    for n, g in enumerate(data.get("copies", []), start=1):
        evidence = g["kind"] == CopyKind.EVIDENCE
        what = "相同的佐证材料" if evidence else "相同的完成情况说明"
        body.extend((n, what, len(g["counties"]), r["county"], r["name"], r["school"], r["task_id"], r["title"],
                     g["label"] if evidence else _start(g["label"]), g["key"] if evidence else "") for r in g["rows"])
    last = _table(ws, _header(data, city), ("组", "类别", "涉及县区数", "县区", "学校名称", "学校代码", "编号", "任务",
                                            "文件名 / 说明文字开头", "SHA-256"),
                  body, (5, 16, 8, 12, 20, 11, 8, 24, 36, 30))
    sheets.put(ws, last + 2, 1, "不同县区的学校报送了同一佐证文件（SHA-256 相同）或相同的完成情况说明（不计空白，至少 20 字）。"
               "同一县区内的重复由县区汇总表列出。仅作提示，汇总包均已照常合并，请核实。", border=None)
    ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=10)
    ws.freeze_panes = "E2"


def build(data: dict, city: str):
    wb = sheets.new_workbook()
    wb.remove(wb.active)
    for name, builder in ((SHEET_OVERVIEW, _overview), (SHEET_BY_COUNTY, _by_county), (SHEET_BY_SCHOOL, _by_school),
                          (SHEET_MISSING, _missing), (SHEET_COPIES, _copies)):
        builder(wb.create_sheet(name), data, city)
    return wb


def write_summary(data: dict, city: str, target) -> Path:
    wb = build(data, city)
    with atomic_target(target) as tmp:
        wb.save(tmp)
    return Path(target)
