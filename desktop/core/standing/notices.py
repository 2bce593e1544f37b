"""催报: per school what is still missing, as short text to paste into a chat group (one .txt per school
and one per 乡镇) and as one printable .docx notice. Every fact is ``figures.compute``'s."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.clock import human_time
from desktop.core.db.atomic import atomic_target
from desktop.core.errors import TaizhangError
from desktop.core.standing import documents
from desktop.core.standing.figures import percent_text

IDS_SHOWN = 12  # task numbers listed in a chat message before "等 n 项"
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def owes(p: dict) -> bool:
    """The school has something to do: not reported, tasks empty, evidence missing or overdue tasks."""
    return not p["reported"] or bool(p["empty_tasks"] or p["no_evidence"] or p["overdue_tasks"])


def _ids(ids: list[str]) -> str:
    shown = "、".join(ids[:IDS_SHOWN])
    return f"{shown} 等 {len(ids)} 项" if len(ids) > IDS_SHOWN else shown


def gaps(p: dict, due: str | None) -> list[str]:
    """What the school still owes, one short sentence each."""
    if not p["reported"]:
        when = f"请于 {due} 前" if due else "请尽快"
        return [f"尚未报送。{when}在台账程序中导出报送文件交教育局。"]
    out = []
    if p["empty_tasks"]:
        out.append(f"{len(p['empty_tasks'])} 项任务未填写：{_ids(p['empty_tasks'])}。")
    if p["no_evidence"]:
        out.append(f"{len(p['no_evidence'])} 项已完成的任务缺佐证材料：{_ids(p['no_evidence'])}。")
    if p["overdue_tasks"]:
        out.append(f"{len(p['overdue_tasks'])} 项任务已过完成时限仍未完成：{_ids(p['overdue_tasks'])}。")
    return out


def short_gaps(p: dict) -> str:
    """One line per school for the 乡镇 message and the printed table."""
    if not p["reported"]:
        return "未报送"
    parts = [f"{len(p[k])} 项{word}" for k, word in (("empty_tasks", "未填写"), ("no_evidence", "缺佐证"),
                                                    ("overdue_tasks", "逾期未完成")) if p[k]]
    return "，".join(parts)


def school_text(data: dict, p: dict) -> str:
    lines = [f"【催报】{p['name']}：", f"{data['plan_title']}（{data['period_name']}），统计截至 "
             f"{human_time(data['as_of'])}，贵校："]
    lines += [f"{i}. {g}" for i, g in enumerate(gaps(p, data["due"]), start=1)]
    if p["reported"]:
        lines.append(f"目前完成率 {percent_text(p['rate'])}（第 {p['revision']} 次报送）。请在台账程序中补充后重新导出"
                     "（版次自动加一）并报送。")
    lines.append(f"—— {data['county']}")
    return "\r\n".join(lines) + "\r\n"


def township_text(data: dict, township: str, schools: list[dict]) -> str:
    lines = [f"【催报】{township or '未填乡镇'}各校：{data['period_name']}台账报送情况（统计截至 "
             f"{human_time(data['as_of'])}）"]
    lines += [f"· {p['name']}：{short_gaps(p)}" for p in schools]
    lines.append("请以上学校抓紧补报、补充，详情见各校催报通知。")
    lines.append(f"—— {data['county']}")
    return "\r\n".join(lines) + "\r\n"


def _docx(data: dict, owing: list[dict], target: Path) -> Path:
    doc = documents.new_document()
    documents.title(doc, "催报通知")
    documents.para(doc, f"{data['plan_title']} · {data['period_name']}", indent=False)
    documents.para(doc, f"统计截至 {human_time(data['as_of'])}，应报 {len(data['schools'])} 所学校，已报送 "
                        f"{data['reported']} 所，未报送 {len(data['missing'])} 所。下列 {len(owing)} 所学校"
                        f"尚有未完成事项，请于{data['due'] or '近日'}前补报、补充后重新导出报送文件。")
    rows = [(i, p["township"] or "—", p["name"], short_gaps(p), "\n".join(gaps(p, data["due"])))
            for i, p in enumerate(owing, start=1)]
    documents.table(doc, ("序号", "乡镇", "学校", "情况", "需要补充"), rows, (10, 18, 34, 30, 68))
    documents.para(doc, "说明：“未填写”指报送文件中该任务为未开始且无进度、无说明；“缺佐证”指标为已完成但没有佐证材料；"
                        "“逾期未完成”指完成时限已过仍未完成。")
    documents.para(doc, data["county"], indent=False, align_right=True)
    documents.para(doc, human_time(data["as_of"])[:10], indent=False, align_right=True)
    return documents.save(doc, target)


def file_name(text: str) -> str:
    return UNSAFE.sub("_", text).strip(" .") or "_"


def write_notices(data: dict, out_dir) -> dict:
    """Write the notices into ``out_dir`` (created if missing): <code>-<name>.txt per school that owes
    something, 乡镇-<name>.txt per 乡镇 with such schools, and 催报通知.docx."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise TaizhangError(f"{out} 不是文件夹", f"{out} is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TaizhangError(f"无法创建文件夹 {out}：{exc.strerror or exc}", f"cannot create {out}: {exc}") from exc
    owing = sorted((p for p in data["per_school"] if owes(p)), key=lambda p: (p["township"] or "", p["code"]))
    written: dict = {"schools": [], "townships": [], "files": []}
    for p in owing:
        path = out / f"{file_name(p['code'])}-{file_name(p['name'])}.txt"
        _write_text(path, school_text(data, p))
        written["schools"].append(p["code"])
        written["files"].append(path)
    towns: dict[str, list[dict]] = {}
    for p in owing:
        towns.setdefault(p["township"] or "", []).append(p)
    for town, schools in towns.items():
        path = out / f"乡镇-{file_name(town or '未填乡镇')}.txt"
        _write_text(path, township_text(data, town, schools))
        written["townships"].append(town)
        written["files"].append(path)
    written["docx"] = _docx(data, owing, out / "催报通知.docx")
    written["files"].append(written["docx"])
    return written


def _write_text(path: Path, text: str) -> None:
    with atomic_target(path) as tmp:
        tmp.write_bytes(text.encode("utf-8-sig"))  # the BOM: old Windows Notepad then reads it as UTF-8
