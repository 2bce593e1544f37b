"""The bureau's summary workbook (not signed): who reported, what is done, what lags."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill

from desktop.core import numbers
from desktop.core.clock import human_time
from desktop.core.db.atomic import atomic_target
from desktop.core.package import sheets
from desktop.core.standing import figures
from desktop.core.words import NOT_REPORTED, STATUS_COLOURS, STATUSES, Status

DONE, IN_PROGRESS, NOT_STARTED, NOT_APPLICABLE = Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.NOT_APPLICABLE

SHEET_OVERVIEW = "总体情况"
SHEET_BY_TASK = "按任务"
SHEET_BY_SCHOOL = "按学校"
SHEET_MATRIX = "学校×任务"
SHEET_INDICATORS = "量化指标"
SHEET_MISSING = "未报送学校"
SHEET_PROBLEMS = "问题汇总"
SHEET_EVIDENCE = "佐证材料"
STATUS_FILL = {str(st): STATUS_COLOURS[st] for st in STATUSES}


def build_workbook(db, plan_id: str, period: str) -> Workbook:
    data = figures.compute(db, plan_id, period)
    plan = db.execute("SELECT title, county FROM plans WHERE plan_id = ?", [plan_id]).fetchone()
    tasks, schools, subs, status = data["tasks"], data["schools"], data["submissions"], data["status"]
    names = {s["code"]: s["name"] for s in schools}
    titles = {t["task_id"]: t["title"] for t in tasks}
    wb = sheets.new_workbook()

    # 总体情况
    ws = wb.active
    ws.title = SHEET_OVERVIEW
    counts = data["by_status"]
    title = plan[0] if plan[0].startswith(plan[1]) else f"{plan[1]} · {plan[0]}"
    sheets.write_pairs(ws, f"{title} · {period} 汇总", [
        ("应报学校", len(schools)),
        ("已报送", data["reported"]),
        ("按时报送", data["reported"] - len(data["late"])),
        ("逾期报送", len(data["late"])),
        ("未报送", len(data["missing"])),
        ("截止日期", data["due"] or ""),
        ("总体完成率", f"{data['rate']:.1%}"),
    ], widths=(16, 40))
    sheets.put(ws, 11, 1, "状态", font=sheets.HEADER_FONT, align=sheets.CENTER).fill = sheets.HEADER_FILL
    sheets.put(ws, 11, 2, "任务数", font=sheets.HEADER_FONT, align=sheets.CENTER).fill = sheets.HEADER_FILL
    for i, st in enumerate(STATUSES, start=12):
        sheets.put(ws, i, 1, st)
        sheets.put(ws, i, 2, counts[st])
    chart = BarChart()
    chart.title = "已报送学校的任务完成情况"
    chart.y_axis.title = "任务数"
    chart.add_data(Reference(ws, min_col=2, min_row=11, max_row=11 + len(STATUSES)), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=12, max_row=11 + len(STATUSES)))
    chart.height, chart.width = 7.5, 14
    ws.add_chart(chart, "A17")  # below the figures, so it prints on the same page
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    # 按任务
    ws = wb.create_sheet(SHEET_BY_TASK)
    rows = [(p["task_id"], p["title"], p["deadline"] or "", p["applicable"], p[f"n_{DONE}"], p[f"n_{IN_PROGRESS}"],
             p[f"n_{NOT_STARTED}"], p[f"n_{NOT_APPLICABLE}"], p["rate"]) for p in data["per_task"]]
    last = sheets.write_table(ws, ("编号", "任务", "完成时限", "适用学校数", DONE, IN_PROGRESS, NOT_STARTED, NOT_APPLICABLE, "完成率"),
                              rows, (10, 40, 10, 10, 8, 8, 8, 8, 9))
    for r in range(2, last + 1):
        ws.cell(row=r, column=9).number_format = "0.0%"

    # 按学校
    ws = wb.create_sheet(SHEET_BY_SCHOOL)
    rows = [(p["code"], p["name"], p["type"], p["township"], p["revision"] or "",
             human_time(p["created_at"]) if p["reported"] else NOT_REPORTED,
             ("逾期" if p["late"] else "按时") if p["reported"] else "", p["applicable"], p[f"n_{DONE}"], p["rate"])
            for p in data["per_school"]]
    last = sheets.write_table(ws, ("学校代码", "学校名称", "类型", "乡镇", "版次", "报送时间", "是否逾期", "适用任务",
                                   DONE, "完成率"), rows, (12, 28, 10, 10, 6, 17, 9, 9, 8, 9))
    for r in range(2, last + 1):
        ws.cell(row=r, column=10).number_format = "0.0%"

    # 学校×任务
    ws = wb.create_sheet(SHEET_MATRIX)
    headers = ("学校代码", "学校名称", *[t["task_id"] for t in tasks])
    rows = []
    for s in schools:
        row = [s["code"], s["name"]]
        for t in tasks:
            if t["task_id"] not in data["applicable"][s["code"]]:
                row.append("—")
            elif s["code"] not in subs:
                row.append(NOT_REPORTED)
            else:
                row.append(status.get((s["code"], t["task_id"]), Status.NOT_STARTED))
        rows.append(row)
    last = sheets.write_table(ws, headers, rows, (12, 24, *[9] * len(tasks)))
    ws.freeze_panes = "C2"
    # too wide for one page: print across pages with the school columns repeated, readable size
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_title_cols = "A:B"
    if tasks and last > 1:
        area = f"C2:{ws.cell(row=last, column=2 + len(tasks)).coordinate}"
        for word, color in STATUS_FILL.items():
            ws.conditional_formatting.add(area, CellIsRule(operator="equal", formula=[f'"{word}"'],
                                                           fill=PatternFill("solid", fgColor=color, bgColor=color)))

    # 量化指标
    ws = wb.create_sheet(SHEET_INDICATORS)
    rows = []
    for t in tasks:
        for x in t["targets"]:
            reported_values = data["values"].get((t["task_id"], x["seq"]), [])
            nums = [n for _, v in reported_values if (n := numbers.parse_number(v)) is not None]
            below = [names.get(code, code) for code in figures.below_target(data, t["task_id"], x)]
            rows.append((t["task_id"], t["title"], x["text"], x["value"] or "待定", x["unit"], len(nums),
                         float(sum(nums)) if nums else "", float(sum(nums) / len(nums)) if nums else "",
                         float(min(nums)) if nums else "", "、".join(below)))
    sheets.write_table(ws, ("编号", "任务", "指标", "目标值", "单位", "填报学校数", "合计", "平均", "最小", "低于目标的学校"),
                       rows, (10, 28, 36, 8, 6, 10, 10, 10, 10, 40))

    # 未报送学校
    ws = wb.create_sheet(SHEET_MISSING)
    sheets.write_table(ws, ("学校代码", "学校名称", "类型", "乡镇"),
                       [(s["code"], s["name"], s["type"], s["township"]) for s in schools if s["code"] not in subs],
                       (12, 30, 12, 14))

    # 问题汇总
    ws = wb.create_sheet(SHEET_PROBLEMS)
    order = {t["task_id"]: i for i, t in enumerate(tasks)}
    rows = [(tid, titles.get(tid, ""), names.get(code, code), prob)
            for tid, code, prob in sorted(data["problems"], key=lambda p: (order.get(p[0], 1 << 30), p[1]))]
    sheets.write_table(ws, ("编号", "任务", "学校", "存在问题"), rows, (10, 30, 24, 70))

    # 佐证材料
    ws = wb.create_sheet(SHEET_EVIDENCE)
    sheets.write_table(ws, ("学校", "编号", "任务", "文件名", "大小（字节）", "SHA-256"),
                       [(names.get(code, code), tid, titles.get(tid, ""), name, size, sha)
                        for code, tid, name, size, sha in data["evidence"]], (24, 10, 28, 30, 12, 66))
    return wb


def write_summary(db, plan_id: str, period: str, target) -> Path:
    wb = build_workbook(db, plan_id, period)
    with atomic_target(target) as tmp:
        wb.save(tmp)
    return Path(target)
