"""The county package (county → city, kind "county", DESIGN §14): sheets, and the checked shape of its manifest.

Signed by the county key in the same container as the plan, report and feedback packages, verified by the same
strict ``verify_package`` and visible-sheet check. Manifest: ``county``, ``plan`` {id, version, digest, title},
``period``, ``revision`` (per county × plan × period), ``package_id``, ``created_at``, ``tasks`` (the county's
plan: task_id, parent_id, is_heading, title, deadline, applies_to, targets), ``schools`` (the roster),
``reports`` [{school, revision, created_at, received_at, unconfirmed, entries}] (each school's current entries
and indicator values, with the school revision they came from), ``evidence_refs`` [{sha256, name, size, mime,
school, task_id}] (every evidence file the schools sent; the bytes travel only with ``--with-evidence``, then
``evidence`` lists them as in every package) and ``figures`` (the county's own figures, as its summary shows
them).
"""

from __future__ import annotations

from desktop.core.package import reportbook
from desktop.core.package.container import PackageInvalid
from desktop.core.package.reportbook import package_code
from desktop.core.signing import crypto

SHEET_COVER = "封面"
SHEET_SCHOOLS = "学校报送情况"
SHEET_NOTES = "说明"
SCHOOL_HEADERS = ("学校代码", "学校名称", "学校类型", "所属乡镇", "报送情况", "学校版次", "完成率")
SCHOOL_WIDTHS = (12, 28, 10, 12, 10, 8, 9)
NOT_REPORTED_TEXT = "未报送"
REPORTED_TEXT = "已报送"

# The version of this sheet layout, written into the manifest as ``layout``. The city rebuilds the visible
# sheets from the manifest and requires them byte for byte (package/visible.py), so a change to what
# build_workbook writes is a new layout: raise this number with it.
LAYOUT = 1


def _percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def build_workbook(content: dict, county_fingerprint: str):
    """The visible sheets, built only from ``content``."""
    from desktop.core.package import sheets

    plan, figures = content["plan"], content["figures"]
    reported = {r["school"]: r for r in content["reports"]}
    rates = {p["code"]: p["rate"] for p in figures["per_school"]}
    wb = sheets.new_workbook()
    cover = wb.active
    cover.title = SHEET_COVER
    sheets.write_pairs(cover, f"{content['county']} · {content['period']} 县区汇总报送", [
        ("县区", content["county"]),
        ("工作计划", f"{plan.get('title', '')}（第 {plan['version']} 版）"),
        ("填报周期", content["period"]),
        ("报送版次", f"第 {content['revision']} 次报送"),
        ("学校数", len(content["schools"])),
        ("已报送学校", len(reported)),
        ("报送率", _percent(figures["report_rate"])),
        ("完成率", _percent(figures["rate"])),
        ("佐证材料", f"{len(content['evidence_refs'])} 份" + ("（含文件）" if content["evidence"] else "（仅登记，不含文件）")),
        ("导出时间", content["created_at"][:16].replace("T", " ")),
        ("县局公钥指纹", crypto.format_fingerprint(county_fingerprint, per_line=8)),
        ("报送码", package_code(content["package_id"])),
    ])
    ws = wb.create_sheet(SHEET_SCHOOLS)
    rows = []
    for s in content["schools"]:
        r = reported.get(s["code"])
        rows.append((s["code"], s["name"], s["type"], s["township"], REPORTED_TEXT if r else NOT_REPORTED_TEXT,
                     r["revision"] if r else "", _percent(rates.get(s["code"])) if r else ""))
    sheets.write_table(ws, SCHOOL_HEADERS, rows, SCHOOL_WIDTHS)
    notes = wb.create_sheet(SHEET_NOTES)
    sheets.write_pairs(notes, "如何使用本文件", [
        ("用途", "本文件是县区教育局报送市教育局的汇总包：各校当前报送的填报记录、量化指标和佐证材料登记。"),
        ("核验", "市局用台账程序（市局端）导入即可核验签名；任何单元格在签名后被改动（包括用 Excel/WPS 打开后保存），"
               "核验都会失败。"),
        ("指纹", "封面上的县局公钥指纹应与县局首次报送时登记的指纹一致。"),
    ])
    for sheet in wb.worksheets:
        sheets.protect(sheet)
    return wb


def _text(value, limit) -> bool:
    return isinstance(value, str) and len(value) <= limit


def _number(value) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))


def check_content(m: dict) -> None:
    """Validate a verified county manifest's shape before anything touches the database. Every school's
    entries pass the same checks as a school's own report."""
    try:
        plan, figures = m["plan"], m["figures"]
        ok = (_text(m["county"], 200) and _text(plan["id"], 64) and type(plan["version"]) is int
              and _text(plan["digest"], 64) and _text(plan.get("title", ""), 500) and _text(m["period"], 100)
              and type(m["revision"]) is int and 1 <= m["revision"] <= 100000 and _text(m["package_id"], 64)
              and _text(m["created_at"], 64) and isinstance(m["schools"], list) and isinstance(m["reports"], list)
              and isinstance(m["tasks"], list) and isinstance(m["evidence_refs"], list)
              and _number(figures["rate"]) and _number(figures["report_rate"])
              and isinstance(figures["per_school"], list))
        if not ok:
            raise PackageInvalid("县区汇总包内容格式不正确", "the county package content is malformed")
        codes = set()
        for s in m["schools"]:
            if not (_text(s["code"], 64) and _text(s["name"], 200) and _text(s["type"], 64)
                    and _text(s["township"], 200)) or s["code"] in codes:
                raise PackageInvalid("县区汇总包的学校名单格式不正确", "malformed school list in the county package")
            codes.add(s["code"])
        task_ids = set()
        for t in m["tasks"]:
            if not (_text(t["task_id"], 64) and _text(t["title"], reportbook.MAX_TEXT) and isinstance(t["is_heading"], bool)
                    and (t["deadline"] is None or _text(t["deadline"], 20)) and isinstance(t["applies_to"], list)
                    and isinstance(t["targets"], list)):
                raise PackageInvalid("县区汇总包的任务清单格式不正确", "malformed task list in the county package")
            task_ids.add(t["task_id"])
        seen = set()
        for r in m["reports"]:
            if not (r["school"] in codes and r["school"] not in seen and type(r["revision"]) is int
                    and isinstance(r["unconfirmed"], bool) and _text(r["received_at"] or "", 64)):
                raise PackageInvalid("县区汇总包的学校报送格式不正确", "malformed school report in the county package")
            seen.add(r["school"])
            reportbook.check_content({"county": m["county"], "school": {"code": r["school"], "name": ""},
                                      "plan": plan, "period": m["period"], "revision": r["revision"],
                                      "package_id": m["package_id"], "entries": r["entries"], "evidence": []})
            if any(e["task_id"] not in task_ids for e in r["entries"]):
                raise PackageInvalid("县区汇总包中有计划里不存在的任务", "the county package names an unknown task")
        for ev in m["evidence_refs"]:
            if not (_text(ev["sha256"], 64) and _text(ev["name"], 255) and type(ev["size"]) is int
                    and _text(ev["mime"], 100) and ev["school"] in seen and _text(ev["task_id"], 64)):
                raise PackageInvalid("县区汇总包的佐证材料登记格式不正确", "malformed evidence entry in the county package")
    except (KeyError, TypeError, AttributeError) as exc:
        raise PackageInvalid("县区汇总包内容不完整", "the county package content is incomplete") from exc
