"""The plan workbook the county publishes to its schools: sheets, manifest content, and reading it back."""

from __future__ import annotations

from openpyxl import Workbook

from desktop.core import safetext
from desktop.core.package import sheets, visible
from desktop.core.package.container import PackageInvalid, VerifiedPackage, verify_package
from desktop.core.signing import crypto
from desktop.core.words import EVIDENCE_RULES, EvidenceRule

SHEET_NOTES = "说明"
SHEET_TASKS = "任务清单"
SHEET_SCHOOLS = "学校名单"
SHEET_PERIODS = "填报周期"
TASK_HEADERS = ("编号", "任务", "具体内容", "责任单位", "完成时限", "量化指标", "适用学校", "佐证材料")
TASK_WIDTHS = (8, 24, 44, 16, 9, 26, 12, 8)  # fits A4 landscape at about 90 %
DEFAULT_EVIDENCE = str(EvidenceRule.OPTIONAL)  # a task whose manifest names no rule
MAX_DEFINITION = 500
SCHOOL_HEADERS = ("学校代码", "学校名称", "学校类型", "所属乡镇")
PERIOD_HEADERS = ("填报周期", "截止日期")


def plan_digest(title: str, tasks: list, schools: list, periods: list) -> str:
    """Over the content as it is signed: XML-illegal characters dropped (as the package writer drops them),
    so the digest made at publish is the one a school recomputes from the manifest."""
    return crypto.sha256_hex(crypto.canonical_json(safetext.xml_safe_tree(
        {"title": title, "tasks": tasks, "schools": schools, "periods": periods})))


def target_text(t: dict, *, layout: int | None = None) -> str:
    text = f"{t['text']}（待定）" if t.get("placeholder") or t.get("value") is None else t["text"]
    if t.get("definition") and (layout or LAYOUT) >= 3:
        text += f"〔口径：{t['definition']}〕"
    return text

# The version of this sheet layout, written into the manifest as ``layout``. The bureau (and the school, for a
# plan) rebuilds the visible sheets from the manifest and requires them byte for byte (package/visible.py),
# so a change to what build_workbook writes is a new layout: raise this number with it.
LAYOUT = 3  # 3: the 佐证材料 column (evidence rule per task) and 口径说明 beside each target
# Layouts a school still reads. Layout 2 came before evidence rules: its sheets lack the 佐证材料 column and its
# manifest names no rule (every task 可选) and no 口径说明, so it is rebuilt as it was written and checked the same way.
READ_LAYOUTS = (2, 3)
_LAYOUT2_HEADERS = TASK_HEADERS[:7]
_LAYOUT2_WIDTHS = (8, 24, 50, 16, 9, 24, 12)


def build_workbook(content: dict, county_fingerprint: str) -> Workbook:
    plan = content["plan"]
    wb = sheets.new_workbook()
    notes = wb.active
    notes.title = SHEET_NOTES
    sheets.write_pairs(notes, f"{content['county']} · {plan['title']}", [
        ("发布单位", content["county"]),
        ("计划版本", f"第 {plan['version']} 版"),
        ("发布时间", content["created_at"]),
        ("任务数", sum(1 for t in content["tasks"] if not t["is_heading"])),
        ("县局公钥指纹", crypto.format_fingerprint(county_fingerprint, per_line=8)),
        ("使用方法", "请在台账程序中打开本文件（学校端“打开任务清单”）。程序会核对签名与指纹；"
                  "请将上面的指纹与教育局通知中的指纹逐组比对，一致后再继续。本文件不要在 Excel/WPS 中修改保存，"
                  "修改后签名失效，程序将拒绝打开。"),
    ])
    ws = wb.create_sheet(SHEET_TASKS)
    layout = content.get("layout", LAYOUT)
    rows = []
    for t in content["tasks"]:
        label = t["task_id"]  # the number the report, the summary and `--task` use (was "二．5")
        if t["is_heading"]:
            rows.append((label, t["title"], "", "", "", "", "", ""))
        else:
            rows.append((label, t["title"], t["text"], "、".join(t["units"]), t["deadline"] or "",
                         "；".join(target_text(x, layout=layout) for x in t["targets"]),
                         "、".join(t["applies_to"]) or "全部学校", t.get("evidence") or DEFAULT_EVIDENCE))
    if layout == 2:  # a plan published before evidence rules (READ_LAYOUTS)
        sheets.write_table(ws, _LAYOUT2_HEADERS, [r[:7] for r in rows], _LAYOUT2_WIDTHS)
    else:
        sheets.write_table(ws, TASK_HEADERS, rows, TASK_WIDTHS)
    ws = wb.create_sheet(SHEET_SCHOOLS)
    sheets.write_table(ws, SCHOOL_HEADERS, [(s["code"], s["name"], s["type"], s["township"])
                                            for s in content["schools"]], (14, 30, 14, 16))
    ws = wb.create_sheet(SHEET_PERIODS)
    sheets.write_table(ws, PERIOD_HEADERS, [(p["name"], p["due_date"] or "") for p in content["periods"]], (24, 16))
    header = (content["county"], plan["title"], f"第 {plan['version']} 版")
    for sheet in wb.worksheets:
        sheets.fit_row_heights(sheet)
        sheets.print_setup(sheet, landscape=sheet.title == SHEET_TASKS, header=header,
                           title_rows="1:1" if sheet.title != SHEET_NOTES else None)
        sheets.protect(sheet)
    return wb


def read_plan_package(path) -> tuple[VerifiedPackage, dict]:
    """Verify a plan workbook and return it with its checked content."""
    try:
        pkg = verify_package(path, expect_kind="plan")
    except PackageInvalid as exc:
        from desktop.core.package import resaved

        raise resaved.explain(path, exc) from exc
    m = pkg.manifest
    try:
        plan = m["plan"]
        ok = (isinstance(m["county"], str) and isinstance(plan["id"], str) and isinstance(plan["version"], int)
              and isinstance(plan["title"], str) and isinstance(m["tasks"], list)
              and isinstance(m["schools"], list) and isinstance(m["periods"], list))
        if ok:
            for t in m["tasks"]:
                ok = ok and isinstance(t["task_id"], str) and isinstance(t["title"], str) \
                    and isinstance(t["path"], list) and isinstance(t["targets"], list) \
                    and t.get("evidence", DEFAULT_EVIDENCE) in EVIDENCE_RULES \
                    and all(isinstance(x.get("definition", ""), str) and len(x.get("definition", "")) <= MAX_DEFINITION
                            for x in t["targets"])
            for s in m["schools"]:
                ok = ok and isinstance(s["code"], str) and isinstance(s["name"], str)
            for p in m["periods"]:
                ok = ok and isinstance(p["name"], str)
        if ok and m.get("layout") == 2:  # layout 2 had no rules: a rule in its manifest would be shown nowhere
            ok = all("evidence" not in t and all("definition" not in x for x in t["targets"]) for t in m["tasks"])
        if ok and plan_digest(plan["title"], m["tasks"], m["schools"], m["periods"]) != plan["digest"]:
            raise PackageInvalid("任务清单摘要不符", "plan digest does not match its content")
    except (KeyError, TypeError) as exc:
        raise PackageInvalid("任务清单内容不完整", "the plan content is incomplete") from exc
    if not ok:
        raise PackageInvalid("任务清单内容格式不正确", "the plan content is malformed")
    visible.check(pkg)  # what the school sees in the sheets is what it signs up to
    return pkg, m

