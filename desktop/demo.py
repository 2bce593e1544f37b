"""The headless round trip on the bundled sample plan: county → schools → county (``taizhang demo``)."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.words import Outcome, Status
from desktop.paths import samples_dir

COUNTY = "示例县"
PERIODS = ("2026年上半年:2026-07-15", "2026年全年:2027-01-15")
_TYPES = ("小学", "初中", "九年一贯制", "小学", "幼儿园", "高中")
_TOWNS = ("城关镇", "东河乡", "西岭镇", "南坪乡", "北山镇")
_DONE = ("已按计划完成，召开专题会议{n}次，形成工作记录。", "组织全体教师学习并落实，覆盖全部{n}个班级。",
         "制定实施方案并开展活动{n}场，学生参与率高。")
_DOING = ("已启动，完成前期调研，预计下学期完成。", "正在推进，已完成约{n}成工作量。")
_PROBLEMS = ("专职教师不足，部分活动由兼职教师承担。", "经费紧张，场地设施有待改善。", "乡村学校网络条件较差。", "")
_NEXT = ("下一步将加强督促检查，确保按期完成。", "争取上级支持，补齐短板。", "")


def sample_roster(n: int | None) -> list[dict]:
    with open(samples_dir() / "roster.csv", encoding="utf-8-sig", newline="") as fh:
        rows = [{"code": r["学校代码"], "name": r["学校名称"], "type": r["学校类型"], "township": r["所属乡镇"]}
                for r in csv.DictReader(fh)]
    if n is None or n == len(rows):
        return rows
    if n < len(rows):
        return rows[:n]
    for i in range(len(rows) + 1, n + 1):
        kind = _TYPES[i % len(_TYPES)]
        suffix = {"小学": "小学", "初中": "初级中学", "九年一贯制": "九年一贯制学校", "幼儿园": "幼儿园", "高中": "高级中学"}[kind]
        rows.append({"code": f"SLX{i:03d}" if i < 1000 else f"SLX{i}", "name": f"示例县第{i}{suffix}", "type": kind,
                     "township": _TOWNS[i % len(_TOWNS)]})
    return rows


def write_roster_xlsx(rows: list[dict], target: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "学校名单"
    ws.append(["学校代码", "学校名称", "学校类型", "所属乡镇"])
    for r in rows:
        ws.append([r["code"], r["name"], r["type"], r["township"]])
    wb.save(target)


def fill_school(db, rng: random.Random, scratch: Path) -> None:
    """Varied answers: every status, narratives, indicator values, one or two small evidence files; written
    through the same services as the school window's detail pane and `taizhang entry set`."""
    ws = services.reporting.workspace_on(db)
    services.reporting.set_period(ws, services.reporting.default_period(db))
    for t in services.reporting.school_tasks(db):
        status = rng.choices([Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.NOT_APPLICABLE],
                             weights=[55, 25, 12, 8])[0]
        n = rng.randint(2, 9)
        progress = {Status.DONE: 100, Status.IN_PROGRESS: rng.randint(2, 8) * 10}.get(status, 0)
        fields = {"status": status, "progress": progress}
        if status == Status.DONE:  # each school writes its own text (identical texts are flagged 疑似重复材料)
            fields["narrative"] = f"{ws.school_name}{rng.choice(_DONE).format(n=n)}"
        elif status == Status.IN_PROGRESS:
            fields["narrative"] = f"{ws.school_name}{rng.choice(_DOING).format(n=n)}"
            fields["next_steps"] = rng.choice(_NEXT)
        elif status == Status.NOT_APPLICABLE:
            fields["na_reason"] = "本校无此学段" if rng.random() < 0.5 else "该项工作由教育局统一实施"
        if status in (Status.IN_PROGRESS, Status.NOT_STARTED):
            fields["problems"] = rng.choice(_PROBLEMS)
        services.reporting.save_task(ws, t["task_id"], **fields)
        if status in (Status.DONE, Status.IN_PROGRESS):
            for x in t["targets"]:
                base = float(x["value"]) if _is_number(x["value"]) else 10.0
                services.reporting.set_achieved(ws, t["task_id"], x["seq"],
                                                f"{max(0.0, base * rng.uniform(0.7, 1.3)):.0f}")
            if status == Status.DONE and rng.random() < 0.35:
                for k in range(rng.randint(1, 2)):
                    f = scratch / f"{ws.school_code}-{t['task_id']}-{k}.txt"
                    f.write_text(f"{ws.school_name} {t['title']} 工作记录 第{k + 1}页\n{rng.random()}\n",
                                 encoding="utf-8")
                    services.reporting.attach_evidence(ws, t["task_id"], f, name=("活动记录.txt", "会议纪要.txt")[k])


def _is_number(v) -> bool:
    try:
        float(v)
        return True
    except (TypeError, ValueError):
        return False


def run(out_dir, *, schools: int | None = None, seed: int = 2026, merge: bool = True,
        say: Callable[[str], None] = print) -> dict:
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise TaizhangError(f"输出文件夹不是空的：{out}", f"the output folder is not empty: {out}")
    if schools is not None and not 1 <= schools <= 10000:
        raise TaizhangError("学校数应在 1 到 10000 之间", "the number of schools must be between 1 and 10000")
    for sub in ("schools", "reports", ".scratch"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    county_db = out / "county.db"
    say(f"[1/5] 县教育局初始化 county init: {COUNTY}")
    ident = services.setup.county_init(county_db, COUNTY)
    roster = sample_roster(schools)
    write_roster_xlsx(roster, out / "roster.xlsx")
    db = open_db(county_db)
    try:
        services.tasklist.import_plan(db, samples_dir() / "sample_plan.txt")
        services.roster.import_roster(db, out / "roster.xlsx")
        for p in PERIODS:
            services.roster.add_period(db, p)
        content = services.tasklist.publish(db, out / "plan.xlsx")
    finally:
        db.close()
    n_tasks = sum(1 for t in content["tasks"] if not t["is_heading"])
    say(f"[2/5] 发布任务清单 plan.xlsx: {n_tasks} 项任务, {len(roster)} 所学校, 县局指纹 {ident.fingerprint[:16]}…")
    say(f"[3/5] 学校填报并导出 schools fill + export ({len(roster)})")
    for s in roster:
        sdb_path = out / "schools" / f"{s['code']}.db"
        services.setup.school_init(out / "plan.xlsx", s["code"], sdb_path, county_fingerprint=services.setup.plan_fingerprint(out / "plan.xlsx"))
        sdb = open_db(sdb_path)
        try:
            fill_school(sdb, random.Random(f"{seed}-{s['code']}"), out / ".scratch")
            services.reporting.export_report(sdb, out / "reports" / f"{s['code']}.xlsx")
        finally:
            sdb.close()
    for f in (out / ".scratch").iterdir():
        f.unlink()
    (out / ".scratch").rmdir()
    result = {"dir": str(out), "schools": len(roster), "tasks": n_tasks}
    if not merge:
        say("[4/5] 跳过合并 (--no-merge)")
        return result
    db = open_db(county_db)
    try:
        outcomes = services.intake.merge_files(db, [out / "reports"])
        accepted = sum(1 for o in outcomes if o.outcome == Outcome.ACCEPTED)
        say(f"[4/5] 县局导入合并 merge: {accepted}/{len(outcomes)} accepted")
        services.standing.write_summary(db, out / "summary.xlsx")
        say(f"[5/5] 汇总表 summary.xlsx → {out / 'summary.xlsx'}")
        result[Outcome.ACCEPTED] = accepted
    finally:
        db.close()
    return result
