"""The bureau's summary workbook (not signed): who reported, what is done, what lags."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill

from desktop.core.db.atomic import atomic_target
from desktop.core.package import sheets
from desktop.core.package.reportbook import STATUSES
from desktop.core.tasklist import ids
from desktop.core.tasklist import store as task_store

SHEET_OVERVIEW = "总体情况"
SHEET_BY_TASK = "按任务"
SHEET_BY_SCHOOL = "按学校"
SHEET_MATRIX = "学校×任务"
SHEET_INDICATORS = "量化指标"
SHEET_MISSING = "未报送学校"
SHEET_PROBLEMS = "问题汇总"
SHEET_EVIDENCE = "佐证材料"
STATUS_FILL = {"已完成": "A9D08E", "进行中": "FFE699", "未开始": "F4B084", "不适用": "D9D9D9"}
NOT_REPORTED = "未报送"


def collect(db, plan_id: str, period: str) -> dict:
    """Everything the summary shows, as plain data (also used by the bureau GUI)."""
    tasks = [t for t in task_store.plan_tasks(db, plan_id) if not t["is_heading"]]
    schools = task_store.schools(db)
    due = db.execute("SELECT due_date FROM periods WHERE name = ?", [period]).fetchone()
    due = due[0] if due else None
    subs = {}
    for code, revision, created_at, received_at in db.execute(
            "SELECT school_code, revision, created_at, received_at FROM submissions WHERE plan_id = ? AND period = ?"
            " AND outcome = 'accepted' ORDER BY revision", [plan_id, period]).fetchall():
        subs[code] = {"revision": revision, "created_at": created_at, "received_at": received_at}
    status: dict[tuple[str, str], str] = {}
    problems = []
    for code, task_id, st, prob in db.execute(
            "SELECT school_code, task_id, status, problems FROM entries WHERE plan_id = ? AND period = ?",
            [plan_id, period]).fetchall():
        status[(code, task_id)] = st
        if prob.strip():
            problems.append((task_id, code, prob))
    values = defaultdict(list)
    for code, task_id, seq, value in db.execute(
            "SELECT school_code, task_id, target_seq, value FROM indicator_values WHERE plan_id = ? AND period = ?",
            [plan_id, period]).fetchall():
        values[(task_id, seq)].append((code, value))
    evidence = db.execute("SELECT ee.school_code, ee.task_id, ee.name, e.size, ee.sha256 FROM entry_evidence ee"
                          " JOIN evidence e USING (sha256) WHERE ee.plan_id = ? AND ee.period = ?"
                          " ORDER BY ee.school_code, ee.task_id", [plan_id, period]).fetchall()
    applicable = {s["code"]: [t["task_id"] for t in tasks
                              if ids.applies_to_school(t["applies_to"], s["type"], s["name"])] for s in schools}
    return {"tasks": tasks, "schools": schools, "due": due, "submissions": subs, "status": status,
            "problems": problems, "values": values, "evidence": evidence, "applicable": applicable}


def is_late(sub: dict, due: str | None) -> bool:
    return bool(due and sub.get("created_at") and sub["created_at"][:10] > due)


def _rate(done: int, total: int) -> float:
    return round(done / total, 4) if total else 0.0


def build_workbook(db, plan_id: str, period: str) -> Workbook:
    data = collect(db, plan_id, period)
    plan = db.execute("SELECT title, county FROM plans WHERE plan_id = ?", [plan_id]).fetchone()
    tasks, schools, subs, status = data["tasks"], data["schools"], data["submissions"], data["status"]
    names = {s["code"]: s["name"] for s in schools}
    titles = {t["task_id"]: t["title"] for t in tasks}
    wb = Workbook()

    # 总体情况
    ws = wb.active
    ws.title = SHEET_OVERVIEW
    reported = [s for s in schools if s["code"] in subs]
    late = [s for s in reported if is_late(subs[s["code"]], data["due"])]
    counts = Counter()
    for s in reported:
        for tid in data["applicable"][s["code"]]:
            counts[status.get((s["code"], tid), "未开始")] += 1
    applicable_total = sum(counts[k] for k in STATUSES if k != "不适用")
    title = plan[0] if plan[0].startswith(plan[1]) else f"{plan[1]} · {plan[0]}"
    sheets.write_pairs(ws, f"{title} · {period} 汇总", [
        ("应报学校", len(schools)),
        ("已报送", len(reported)),
        ("按时报送", len(reported) - len(late)),
        ("逾期报送", len(late)),
        ("未报送", len(schools) - len(reported)),
        ("截止日期", data["due"] or ""),
        ("总体完成率", f"{_rate(counts['已完成'], applicable_total):.1%}"),
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
    rows = []
    for t in tasks:
        c = Counter(status.get((s["code"], t["task_id"]), "未开始") for s in reported
                    if t["task_id"] in data["applicable"][s["code"]])
        n_app = sum(1 for s in schools if t["task_id"] in data["applicable"][s["code"]])
        rows.append((t["task_id"], t["title"], t["deadline"] or "", n_app, c["已完成"], c["进行中"], c["未开始"],
                     c["不适用"], _rate(c["已完成"], sum(c.values()) - c["不适用"])))
    last = sheets.write_table(ws, ("编号", "任务", "完成时限", "适用学校数", "已完成", "进行中", "未开始", "不适用", "完成率"),
                              rows, (10, 40, 10, 10, 8, 8, 8, 8, 9))
    for r in range(2, last + 1):
        ws.cell(row=r, column=9).number_format = "0.0%"

    # 按学校
    ws = wb.create_sheet(SHEET_BY_SCHOOL)
    rows = []
    for s in schools:
        sub = subs.get(s["code"])
        app = data["applicable"][s["code"]]
        c = Counter(status.get((s["code"], tid), "未开始") for tid in app) if sub else Counter()
        rows.append((s["code"], s["name"], s["type"], s["township"], sub["revision"] if sub else "",
                     _when(sub["created_at"]) if sub else NOT_REPORTED, ("逾期" if is_late(sub, data["due"]) else "按时") if sub else "",
                     len(app), c["已完成"], _rate(c["已完成"], len(app) - c["不适用"]) if sub else 0.0))
    last = sheets.write_table(ws, ("学校代码", "学校名称", "类型", "乡镇", "版次", "报送时间", "是否逾期", "适用任务",
                                   "已完成", "完成率"), rows, (12, 28, 10, 10, 6, 17, 9, 9, 8, 9))
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
                row.append(status.get((s["code"], t["task_id"]), "未开始"))
        rows.append(row)
    last = sheets.write_table(ws, headers, rows, (12, 24, *[9] * len(tasks)))
    ws.freeze_panes = "C2"
    # too wide for one page: print across pages with the school columns repeated, readable size
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_title_cols = "A:B"
    if tasks and last > 1:
        area = f"C2:{ws.cell(row=last, column=2 + len(tasks)).coordinate}"
        for st, color in STATUS_FILL.items():
            ws.conditional_formatting.add(area, CellIsRule(operator="equal", formula=[f'"{st}"'],
                                                           fill=PatternFill("solid", fgColor=color, bgColor=color)))

    # 量化指标
    ws = wb.create_sheet(SHEET_INDICATORS)
    rows = []
    for t in tasks:
        for x in t["targets"]:
            reported_values = data["values"].get((t["task_id"], x["seq"]), [])
            nums = []
            for _, v in reported_values:
                try:
                    nums.append(Decimal(v))
                except InvalidOperation:
                    pass
            target = _number(x["value"])
            below = [names.get(code, code) for code, v in reported_values
                     if target is not None and _number(v) is not None and _number(v) < target]
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


def _when(iso: str | None) -> str:
    """'2026-11-24T13:37:20+08:00' → '2026-11-24 13:37' (the time as the school's PC showed it)."""
    return (iso or "")[:16].replace("T", " ")


def _number(value) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def write_summary(db, plan_id: str, period: str, target) -> Path:
    wb = build_workbook(db, plan_id, period)
    with atomic_target(target) as tmp:
        wb.save(tmp)
    return Path(target)
