"""The feedback package (county → school, kind "feedback", DESIGN §12): sheets, and the checked shape of its
manifest.

Signed by the county key in the same container as the plan and report workbooks, verified by the same strict
``verify_package``. Manifest: ``county``, ``plan`` {id, version, digest}, ``school`` {code, name}, ``period``,
``answers_revision`` (the report revision reviewed), ``items`` [{task_id, state, comment}], ``overall``
{state, comment}, ``reviewer``, ``created_at``, ``package_id``; plus ``tasks`` [{task_id, title}] so the
visible 审核意见 sheet can be rebuilt from signed data.
"""

from __future__ import annotations

from desktop.core.package import visible
from desktop.core.package.container import PackageInvalid, VerifiedPackage, verify_package
from desktop.core.package.reportbook import package_code
from desktop.core.signing import crypto
from desktop.core.words import REVIEW_STATES, PackageKind, ReviewState

SHEET_COVER = "封面"
SHEET_ITEMS = "审核意见"
ITEM_HEADERS = ("编号", "任务", "结论", "意见")
ITEM_WIDTHS = (10, 40, 10, 60)
MAX_COMMENT = 2000

# The version of this sheet layout, written into the manifest as ``layout``. The bureau (and the school, for a
# plan) rebuilds the visible sheets from the manifest and requires them byte for byte (package/visible.py),
# so a change to what build_workbook writes is a new layout: raise this number with it.
LAYOUT = 1


def build_workbook(content: dict, county_fingerprint: str):
    """The visible sheets, built only from ``content``."""
    from openpyxl import Workbook

    from desktop.core.package import sheets

    titles = {t["task_id"]: t["title"] for t in content.get("tasks", [])}
    items = content["items"]
    wb = Workbook()
    cover = wb.active
    cover.title = SHEET_COVER
    school, plan, overall = content["school"], content["plan"], content["overall"]
    returned = sum(1 for i in items if i["state"] == ReviewState.RETURNED)
    passed = sum(1 for i in items if i["state"] == ReviewState.PASSED)
    sheets.write_pairs(cover, f"{school['name']} · {content['period']} 审核意见", [
        ("县区", content["county"]),
        ("学校", f"{school['name']}（{school['code']}）"),
        ("工作计划", f"{plan.get('title', '')}（第 {plan['version']} 版）"),
        ("填报周期", content["period"]),
        ("审核的报送", f"第 {content['answers_revision']} 次报送"),
        ("总体结论", overall["state"]),
        ("总体意见", overall["comment"]),
        ("逐项结论", f"通过 {passed} 项，退回修改 {returned} 项，未审核 {len(items) - passed - returned} 项"),
        ("审核人", content["reviewer"]),
        ("审核时间", content["created_at"][:16].replace("T", " ")),
        ("县局公钥指纹", crypto.format_fingerprint(county_fingerprint, per_line=8)),
        ("意见码", package_code(content["package_id"])),
        ("使用方法", "请在学校台账程序中选择“文件 → 载入审核意见”打开本文件（或执行 taizhang school load 文件名）。"
                  "退回修改的任务会在任务列表中标出，修改后重新导出报送即可。请勿在 Excel/WPS 中修改保存本文件。"),
    ])
    ws = wb.create_sheet(SHEET_ITEMS)
    sheets.write_table(ws, ITEM_HEADERS, [(i["task_id"], titles.get(i["task_id"], ""), i["state"], i["comment"])
                                          for i in items], ITEM_WIDTHS)
    for sheet in wb.worksheets:
        sheets.protect(sheet)
    return wb


def _text(value, limit) -> bool:
    return isinstance(value, str) and len(value) <= limit


def check_content(m: dict) -> None:
    """Validate a verified feedback manifest's shape before anything touches the database."""
    try:
        school, plan, overall = m["school"], m["plan"], m["overall"]
        ok = (_text(m["county"], 200) and _text(school["code"], 64) and _text(school["name"], 200)
              and _text(plan["id"], 64) and isinstance(plan["version"], int) and _text(plan["digest"], 64)
              and _text(m["period"], 100) and type(m["answers_revision"]) is int and m["answers_revision"] >= 1
              and _text(m["package_id"], 64) and _text(m["created_at"], 64) and _text(m["reviewer"], 200)
              and overall["state"] in REVIEW_STATES and _text(overall["comment"], MAX_COMMENT)
              and isinstance(m["items"], list))
        if ok:
            seen = set()
            for i in m["items"]:
                ok = ok and _text(i["task_id"], 64) and i["task_id"] not in seen and i["state"] in REVIEW_STATES \
                    and _text(i["comment"], MAX_COMMENT)
                seen.add(i["task_id"])
    except (KeyError, TypeError) as exc:
        raise PackageInvalid("审核意见内容不完整", "the feedback content is incomplete") from exc
    if not ok:
        raise PackageInvalid("审核意见内容格式不正确", "the feedback content is malformed")


def read_feedback_package(source) -> tuple[VerifiedPackage, dict]:
    """Verify a feedback package (signature, every part) and return it with its checked content."""
    pkg = verify_package(source, expect_kind=PackageKind.FEEDBACK)
    check_content(pkg.manifest)
    visible.check(pkg)  # what the school reads in 审核意见 is what the bureau signed
    return pkg, pkg.manifest
