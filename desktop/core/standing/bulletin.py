"""The draft 通报 (.docx): overall figures, by section and task, leading and lagging schools, problems
raised grouped by task, next steps. The bureau edits it before issuing. Every figure is
``figures.compute``'s, printed with the summary workbook's rounding, and each part names the sheet of
the summary it comes from, so a reader can check it there."""

from __future__ import annotations

from pathlib import Path

from desktop.core.clock import human_time
from desktop.core.standing import documents
from desktop.core.standing.figures import percent_text
from desktop.core.words import Status

DONE = Status.DONE
PROBLEM_TEXTS_SHOWN = 3  # wordings quoted per task; the rest are counted


def _school(p: dict) -> str:
    return f"{p['name']}（{percent_text(p['rate'])}）"


def _overall(doc, d: dict) -> None:
    documents.heading(doc, "一、总体情况")
    late = f"，其中逾期报送 {len(d['late'])} 所" if d["late"] else ""
    missing = (f"未报送 {len(d['missing'])} 所：{'、'.join(p['name'] for p in d['missing'])}。"
               if d["missing"] else "全部学校均已报送。")
    documents.para(doc, f"截至 {human_time(d['as_of'])}，全县应报送学校 {len(d['schools'])} 所，已报送 {d['reported']} 所，"
                        f"报送率 {percent_text(d['report_rate'])}{late}；{missing}")
    documents.para(doc, f"已报送学校适用任务中（不含不适用）应完成 {d['countable']} 项，已完成 {d['by_status'][DONE]} 项，"
                        f"进行中 {d['by_status'][Status.IN_PROGRESS]} 项，未开始 {d['by_status'][Status.NOT_STARTED]} 项，"
                        f"总体完成率 {percent_text(d['rate'])}。（见汇总表“总体情况”）")


def _by_section(doc, d: dict) -> None:
    documents.heading(doc, "二、分项完成情况")
    documents.para(doc, "按计划部分（见汇总表“分类小计”）：")
    documents.table(doc, ("计划部分", "任务数", str(DONE), "应完成", "完成率"),
                    [(f"{s['section']} {s['title']}".strip() or "全部任务", s["tasks"], s[f"n_{DONE}"], s["countable"],
                      percent_text(s["rate"])) for s in d["sections"]], (80, 18, 18, 18, 20))
    documents.para(doc, "按任务（见汇总表“按任务”）：")
    documents.table(doc, ("编号", "任务", str(DONE), "应完成", "未报送", "完成率"),
                    [(p["task_id"], p["title"], p[f"n_{DONE}"], p["countable"], p["n_not_reported"],
                      percent_text(p["rate"])) for p in d["per_task"]], (14, 78, 16, 16, 16, 18))
    rated = [p for p in d["per_task"] if p["rate"] is not None]
    if rated:
        low = sorted(rated, key=lambda p: (p["rate"], p["task_id"]))[:3]
        documents.para(doc, "完成率较低的任务：" + "；".join(f"{p['task_id']} {p['title']}（{percent_text(p['rate'])}）"
                                                    for p in low) + "。")
    if d["overdue_tasks"]:
        open_ = sum(p["n_open"] for p in d["overdue_tasks"])
        documents.para(doc, f"已过完成时限的任务 {len(d['overdue_tasks'])} 项，涉及逾期未完成 {open_} 校次"
                            "（见汇总表“逾期任务”）。")


def _schools(doc, d: dict) -> None:
    documents.heading(doc, "三、学校完成情况")
    if d["leading"]:
        documents.para(doc, "完成率较高的学校：" + "、".join(_school(p) for p in d["leading"]) + "。")
        documents.para(doc, "完成率较低的学校：" + "、".join(_school(p) for p in d["lagging"]) + "。")
    elif d["ranked"]:
        documents.para(doc, "已报送学校：" + "、".join(_school(p) for p in d["ranked"]) + "。")
    documents.para(doc, "按乡镇（见汇总表“分类小计”；排名见“按学校”）：")
    documents.table(doc, ("乡镇", "学校数", "已报送", "未报送", "完成率"),
                    [(g["group"] or "（未填）", g["schools"], g["reported"], g["n_not_reported"], percent_text(g["rate"]))
                     for g in d["by_township"]], (60, 20, 20, 20, 24))


def _problems(doc, d: dict) -> None:
    documents.heading(doc, "四、存在的问题")
    if not d["problem_groups"]:
        documents.para(doc, "各校报送中未提出问题。")
        return
    documents.para(doc, "各校在报送中提出的问题，按任务归纳如下（见汇总表“问题汇总”）：")
    groups = sorted(d["problem_groups"], key=lambda g: -g["n_schools"])
    several = [g for g in groups if g["n_schools"] > 1] or groups
    for g in several:
        quoted = "；".join(f"“{i['text']}”（{len(i['schools'])} 所）" for i in g["items"][:PROBLEM_TEXTS_SHOWN])
        more = f"；另有 {len(g['items']) - PROBLEM_TEXTS_SHOWN} 种说法" if len(g["items"]) > PROBLEM_TEXTS_SHOWN else ""
        documents.para(doc, f"{g['task_id']} {g['title']}：{g['n_schools']} 所学校提出，{quoted}{more}。")
    if len(several) < len(groups):
        rest = [g["task_id"] for g in groups if g not in several]
        documents.para(doc, f"另有 {len(rest)} 项任务各有 1 所学校提出问题：{'、'.join(rest)}。")


def _next_steps(doc, d: dict) -> None:
    documents.heading(doc, "五、下步工作")
    steps = []
    if d["missing"]:
        steps.append(f"未报送的 {len(d['missing'])} 所学校务必于【日期】前完成报送。")
    if d["overdue_tasks"]:
        steps.append("已过完成时限的任务，相关学校要说明原因，限期完成并补充佐证材料。")
    steps.append("各校对照本通报查漏补缺，完善佐证材料，在台账程序中更新后重新导出报送。")
    steps.append("【请教育局补充、修改下步工作要求】")
    for i, text in enumerate(steps, start=1):
        documents.para(doc, f"{i}. {text}")


def build(d: dict):
    doc = documents.new_document()
    documents.title(doc, f"关于{d['plan_title']}（{d['period_name']}）落实情况的通报")
    documents.para(doc, "（草稿：请核对、修改后印发）", indent=False).alignment = 1
    documents.para(doc, f"各学校：现将{d['plan_title']}{d['period_name']}工作台账报送和完成情况通报如下。")
    for part in (_overall, _by_section, _schools, _problems, _next_steps):
        part(doc, d)
    documents.para(doc, f"数据来源：台账汇总表，统计截至 {human_time(d['as_of'])}；本通报各项数字与汇总表一致。", indent=False)
    documents.para(doc, d["county"], indent=False, align_right=True)
    documents.para(doc, human_time(d["as_of"])[:10], indent=False, align_right=True)
    return doc


def write_bulletin(d: dict, target) -> Path:
    return documents.save(build(d), target)
