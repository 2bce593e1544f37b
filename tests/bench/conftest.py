"""Synthetic county-scale data for the benchmarks: a 40-task plan and N signed school reports."""

from __future__ import annotations

import random
import uuid
from pathlib import Path

import pytest

from desktop.core import crypto, planstore, report, services
from desktop.core.package import write_package
from desktop.core.store import now_iso, open_db, transaction

TASKS = 40
PERIOD = "2026年上半年"


def synthetic_plan(n_tasks: int = TASKS) -> dict:
    sections = 8
    tasks, headings = [], []
    for s in range(1, sections + 1):
        headings.append({"path": [f"{s}"], "title": f"第{s}部分工作"})
    for i in range(n_tasks):
        s = i % sections + 1
        tasks.append({"path": [f"{s}", f"{i + 1}"], "title": f"任务{i + 1}：推进某项工作",
                      "text": f"任务{i + 1}：推进某项工作。每学期不少于{i % 5 + 1}次。", "units": ["基础教育股", "各中小学"],
                      "deadline": "2026-06", "applies_to": [],
                      "targets": [{"text": f"每学期不少于{i % 5 + 1}次", "value": str(i % 5 + 1), "unit": "次"}]})
    return {"title": "基准测试县工作要点", "year": 2026, "headings": headings, "tasks": tasks}


def make_county(folder: Path, schools: int, n_tasks: int = TASKS) -> tuple[Path, dict]:
    """A published county database with ``schools`` schools; returns (db path, plan content)."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "county.db"
    services.county_init(db_path, "基准县")
    db = open_db(db_path)
    with transaction(db):
        planstore.save_parsed_plan(db, synthetic_plan(n_tasks), county="基准县", source_name="bench.txt")
        planstore.replace_roster(db, [{"code": f"B{i:05d}", "name": f"基准县第{i}学校", "type": "小学",
                                       "township": "城关"} for i in range(schools)])
        planstore.upsert_period(db, PERIOD, "2026-07-15")
    content = services.publish(db, folder / "plan.xlsx")
    db.close()
    return db_path, content


def write_reports(folder: Path, plan: dict, schools: int, seed: int = 1) -> list[Path]:
    """One signed report package per school (what schools would send), written directly."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    tasks = [t for t in plan["tasks"] if not t["is_heading"]]
    summaries = report.task_summaries(tasks)
    out = []
    for i in range(schools):
        key = crypto.new_private_key()
        entries = []
        for t in tasks:
            status = rng.choice(["已完成", "进行中", "未开始", "不适用"])
            entries.append({"task_id": t["task_id"], "status": status, "progress": 100 if status == "已完成" else 40,
                            "narrative": "按计划推进，召开专题会议并形成记录。" * rng.randint(1, 3), "problems": "",
                            "next_steps": "", "na_reason": "", "updated_at": now_iso(),
                            "indicators": [{"seq": 1, "value": str(rng.randint(1, 6))}]})
        content = {"county": plan["county"], "package_id": str(uuid.uuid4()), "created_at": now_iso(),
                   "plan": {k: plan["plan"][k] for k in ("id", "version", "digest", "title")},
                   "school": {"code": f"B{i:05d}", "name": f"基准县第{i}学校"}, "period": PERIOD, "revision": 1,
                   "entries": entries, "evidence": [], "tasks": summaries}
        path = folder / f"B{i:05d}.xlsx"
        write_package(path, kind="report", content=content,
                      workbook=report.build_workbook(content, crypto.fingerprint(crypto.public_raw(key))), key=key)
        out.append(path)
    return out


@pytest.fixture(scope="session")
def fleet_1000(tmp_path_factory):
    base = tmp_path_factory.mktemp("fleet")
    db_path, plan = make_county(base / "county", 1000)
    reports = write_reports(base / "reports", plan, 1000)
    return base, db_path, reports


@pytest.fixture(scope="session")
def fleet_factory():
    """(make_county, write_reports) for benchmarks that build their own sizes."""
    return make_county, write_reports
