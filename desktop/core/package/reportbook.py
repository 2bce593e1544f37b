"""The school report workbook (school → county): sheets, and the checked shape of its manifest."""

from __future__ import annotations

from desktop.core import safetext
from desktop.core.package.container import PackageInvalid
from desktop.core.signing import crypto
from desktop.core.words import STATUSES

SHEET_COVER = "封面"
SHEET_ENTRIES = "任务完成情况"
SHEET_INDICATORS = "量化指标"
SHEET_EVIDENCE = "佐证材料"
SHEET_NOTES = "说明"
ENTRY_HEADERS = ("编号", "任务", "完成时限", "状态", "进度%", "完成情况说明", "存在问题", "下步打算", "不适用原因",
                 "佐证材料数", "更新时间")
ENTRY_WIDTHS = (6, 18, 8, 7, 5, 30, 20, 20, 10, 6, 11)  # fits A4 landscape at about 90 %
INDICATOR_HEADERS = ("编号", "任务", "量化指标", "目标值", "单位", "完成值")
EVIDENCE_HEADERS = ("文件名", "编号", "任务", "大小（字节）", "SHA-256")
NOT_FILLED = "未填写"
MAX_TEXT = 20000  # characters per narrative field


def package_code(package_id: str) -> str:
    """A short code people can read over the phone: first 8 hex digits of the package id."""
    return package_id.replace("-", "")[:8].upper()


def task_summaries(tasks: list[dict]) -> list[dict]:
    """What the school saw of each task (signed with the report, so the sheets can be rebuilt from it)."""
    return [{"task_id": t["task_id"], "title": t["title"], "deadline": t["deadline"],
             "targets": [{k: x[k] for k in ("seq", "text", "value", "unit")} for x in t["targets"]]}
            for t in tasks]

# The version of this sheet layout, written into the manifest as ``layout``. The bureau (and the school, for a
# plan) rebuilds the visible sheets from the manifest and requires them byte for byte (package/visible.py),
# so a change to what build_workbook writes is a new layout: raise this number with it.
LAYOUT = 2


def build_workbook(content: dict, fingerprint: str):
    """The visible sheets, built only from ``content`` (so a verifier can rebuild and compare them).

    The five sheets in order, in one function: it is the sheet layout ``LAYOUT`` numbers."""
    from desktop.core.package import sheets  # imported here: the merge path checks content without openpyxl

    tasks = {t["task_id"]: t for t in content.get("tasks", [])}
    wb = sheets.new_workbook()
    cover = wb.active
    cover.title = SHEET_COVER
    school, plan = content["school"], content["plan"]
    sheets.write_pairs(cover, f"{school['name']} · {content['period']} 工作台账报送", [
        ("县区", content["county"]),
        ("学校", f"{school['name']}（{school['code']}）"),
        ("工作计划", f"{plan.get('title', '')}（第 {plan['version']} 版）"),
        ("填报周期", content["period"]),
        ("报送版次", f"第 {content['revision']} 次报送"),
        ("导出时间", content["created_at"][:16].replace("T", " ")),
        ("学校公钥指纹", crypto.format_fingerprint(fingerprint, per_line=8)),
        ("报送码", package_code(content["package_id"])),
        ("校长签字", ""),
        ("学校盖章", ""),
    ])
    for row in (11, 12):  # room for a signature and a stamp
        cover.row_dimensions[row].height = 60
    evidence_count: dict[str, int] = {}
    for ev in content.get("evidence", []):
        evidence_count[ev["task_id"]] = evidence_count.get(ev["task_id"], 0) + 1
    ws = wb.create_sheet(SHEET_ENTRIES)
    rows = []
    for e in content["entries"]:
        t = tasks.get(e["task_id"], {})
        rows.append((e["task_id"], t.get("title", ""), t.get("deadline") or "", e["status"], e["progress"],
                     e["narrative"], e["problems"], e["next_steps"], e["na_reason"],
                     evidence_count.get(e["task_id"], 0), e["updated_at"][:16].replace("T", " ")))
    sheets.write_table(ws, ENTRY_HEADERS, rows, ENTRY_WIDTHS)
    ws = wb.create_sheet(SHEET_INDICATORS)
    rows = []
    for e in content["entries"]:  # every target of every task answered, filled in or not
        t = tasks.get(e["task_id"], {})
        values = {iv["seq"]: iv["value"] for iv in e["indicators"]}
        targets = t.get("targets", []) or [{"seq": seq} for seq in values]
        for x in targets:
            value = values.get(x["seq"], "")
            rows.append((e["task_id"], t.get("title", ""), x.get("text", ""), x.get("value") or "",
                         x.get("unit", ""), value if str(value).strip() else NOT_FILLED))
    sheets.write_table(ws, INDICATOR_HEADERS, rows, (8, 26, 40, 8, 6, 10))
    ws = wb.create_sheet(SHEET_EVIDENCE)
    sheets.write_table(ws, EVIDENCE_HEADERS, [
        (ev["name"], ev["task_id"], tasks.get(ev["task_id"], {}).get("title", ""), ev["size"], ev["sha256"])
        for ev in content.get("evidence", [])], (30, 10, 30, 14, 66))
    notes = wb.create_sheet(SHEET_NOTES)
    sheets.write_pairs(notes, "如何核验本文件", [
        ("签名", "本文件由学校台账程序用学校私钥（Ed25519）签名。清单 taizhang/manifest.json 记录了每个工作表和"
               "每份佐证材料的 SHA-256 摘要，签名 taizhang/signature.json 覆盖该清单。"),
        ("核验", "教育局用台账程序导入或执行 taizhang verify 文件名 即可核验。任何单元格在签名后被改动"
               "（包括用 Excel/WPS 打开后保存），核验都会失败并指出被改动的工作表。"),
        ("指纹", "封面上的学校公钥指纹应与学校首次报送时登记的指纹一致。"),
        ("注意", "请勿在 Excel/WPS 中编辑并保存本文件；如需更正，请在台账程序中修改后重新导出（版次加一）。"),
    ])
    header = (content["county"], f"{school['name']} · {content['period']}", f"第 {content['revision']} 次报送")
    for sheet in wb.worksheets:
        sheets.fit_row_heights(sheet)
        sheets.print_setup(sheet, landscape=sheet.title in (SHEET_ENTRIES, SHEET_INDICATORS, SHEET_EVIDENCE),
                           header=header, title_rows="1:1" if sheet.title not in (SHEET_COVER, SHEET_NOTES) else None)
        sheets.protect(sheet)
    return wb


def _text(value, limit=MAX_TEXT) -> bool:
    return isinstance(value, str) and len(value) <= limit


def check_content(m: dict) -> None:
    """Validate a verified report manifest's shape before anything touches the database."""
    try:
        school, plan = m["school"], m["plan"]
        ok = (_text(m["county"], 200) and _text(school["code"], 64) and _text(school["name"], 200)
              and _text(plan["id"], 64) and isinstance(plan["version"], int) and _text(plan["digest"], 64)
              and _text(m["period"], 100) and isinstance(m["revision"], int) and 1 <= m["revision"] <= 100000
              and _text(m["package_id"], 64) and isinstance(m["entries"], list) and isinstance(m["evidence"], list))
        if not ok:
            raise PackageInvalid("报送内容格式不正确", "the report content is malformed")
        seen = set()
        for e in m["entries"]:  # written flat: this runs for every entry of every merged file
            task_id, progress = e["task_id"], e["progress"]
            narrative, problems, next_steps, na_reason = e["narrative"], e["problems"], e["next_steps"], e["na_reason"]
            if not (type(task_id) is str and len(task_id) <= 64 and task_id not in seen
                    and e["status"] in STATUSES and type(progress) is int and 0 <= progress <= 100
                    and type(narrative) is str and len(narrative) <= MAX_TEXT
                    and type(problems) is str and len(problems) <= MAX_TEXT
                    and type(next_steps) is str and len(next_steps) <= MAX_TEXT
                    and type(na_reason) is str and len(na_reason) <= MAX_TEXT
                    and _text(e["updated_at"], 64) and type(e["indicators"]) is list):
                raise PackageInvalid(f"报送内容格式不正确（任务 {str(e.get('task_id'))[:20]}）",
                                     f"malformed entry for task {str(e.get('task_id'))[:20]}")
            if "carried_from" in e and not (type(e["carried_from"]) is str and 0 < len(e["carried_from"]) <= 100
                                            and type(e.get("carried_confirmed")) is bool):
                raise PackageInvalid(f"沿用上期标记格式不正确（任务 {task_id[:20]}）",
                                     f"malformed carried-forward mark for task {task_id[:20]}")
            seen.add(task_id)
            for iv in e["indicators"]:
                value = iv["value"]
                if not (type(iv["seq"]) is int and type(value) is str and len(value) <= 100) \
                        or safetext.non_finite(value):
                    raise PackageInvalid("量化指标格式不正确", "malformed indicator value")
        for ev in m["evidence"]:
            if not (_text(ev["name"], 255) and ev["task_id"] in seen and isinstance(ev["size"], int)
                    and _text(ev["mime"], 100)):
                raise PackageInvalid("佐证材料登记格式不正确", "malformed evidence entry")
    except (KeyError, TypeError) as exc:
        raise PackageInvalid("报送内容不完整", "the report content is incomplete") from exc
