"""Issue 18: a city of 20 counties × 300 schools merges its county packages; prints time and peak memory."""

from __future__ import annotations

import random
import time
import uuid

import pytest

from desktop.core import services
from desktop.core.clock import now_iso
from desktop.core.db.connection import open_db
from desktop.core.package import countybook
from desktop.core.package.container import write_package
from desktop.core.rollup import copies as city_copies
from desktop.core.rollup import figures as city_figures
from desktop.core.signing import crypto
from tests.bench.test_merge_bench import _run_merge
from tests.conftest import PERIOD, TASKS, synthetic_plan

pytestmark = pytest.mark.bench

COUNTIES, SCHOOLS = 20, 300


def _tasks(n_tasks: int) -> list[dict]:
    plan = synthetic_plan(n_tasks)
    nodes = [{"task_id": f"H{i}", "parent_id": None, "is_heading": True, "title": h["title"], "deadline": None,
              "applies_to": [], "targets": []} for i, h in enumerate(plan["headings"], start=1)]
    for i, t in enumerate(plan["tasks"], start=1):
        nodes.append({"task_id": f"T{i:03d}", "parent_id": f"H{t['path'][0]}", "is_heading": False, "title": t["title"],
                      "deadline": t["deadline"], "applies_to": [],
                      "targets": [dict(x, seq=1, placeholder=False) for x in t["targets"]]})
    return nodes


def write_county_package(path, county: str, schools: int, tasks: list[dict], rng: random.Random, *,
                         key=None, tweak=None) -> None:
    """One county's signed package, as `county export` writes it, with ``schools`` schools (9 in 10 reported);
    signed by ``key`` (default: a new one); ``tweak(content)`` may change the content before it is signed."""
    key = key or crypto.new_private_key()
    roster = [{"code": f"C{i:04d}", "name": f"{county}第{i}学校", "type": "小学", "township": f"乡镇{i % 12}"}
              for i in range(schools)]
    reports, refs = [], []
    for s in roster:
        if rng.random() < 0.1:
            continue
        entries = []
        for t in tasks:
            if t["is_heading"]:
                continue
            status = rng.choice(["已完成", "进行中", "未开始", "不适用"])
            entries.append({"task_id": t["task_id"], "status": status, "progress": 100 if status == "已完成" else 40,
                            "narrative": f"{s['name']}按计划推进，召开专题会议{rng.randint(1, 9)}次并形成记录。",
                            "problems": "", "next_steps": "", "na_reason": "", "updated_at": now_iso(),
                            "indicators": [{"seq": 1, "value": str(rng.randint(1, 6))}]})
        reports.append({"school": s["code"], "revision": 1, "created_at": now_iso(), "received_at": now_iso(),
                        "unconfirmed": False, "entries": entries})
        refs += [{"sha256": f"{rng.getrandbits(256):064x}", "name": f"照片{k}.jpg", "size": 200_000,
                  "mime": "image/jpeg", "school": s["code"], "task_id": "T001"} for k in range(3)]
    content = {"layout": countybook.LAYOUT, "county": county, "package_id": str(uuid.uuid4()), "created_at": now_iso(),
               "plan": {"id": str(uuid.uuid4()), "version": 1, "digest": "0" * 64, "title": f"{county}工作要点"},
               "period": PERIOD, "revision": 1, "tasks": tasks, "schools": roster, "reports": reports,
               "evidence_refs": refs, "evidence": []}
    if tweak is not None:
        tweak(content)
    f = city_figures.county_figures(content)
    content["figures"] = {"schools": len(roster), "reported": f["reported"], "report_rate": f["report_rate"],
                          "rate": f["rate"], "countable": f["countable"], "by_status": f["by_status"], "as_of": f["as_of"],
                          "per_school": [{"code": p["code"], "rate": p["rate"]} for p in f["per_school"]]}
    wb = countybook.build_workbook(content, crypto.fingerprint(crypto.public_raw(key)))
    write_package(path, kind="county", content=content, workbook=wb, key=key)


def test_city_merges_20_counties_of_300_schools(tmp_path):
    rng = random.Random(18)
    tasks = _tasks(TASKS)
    folder = tmp_path / "packages"
    folder.mkdir()
    t0 = time.perf_counter()
    for c in range(COUNTIES):
        write_county_package(folder / f"county{c:02d}.xlsx", f"第{c + 1}县", SCHOOLS, tasks, rng)
    made = time.perf_counter() - t0
    size_mb = sum(p.stat().st_size for p in folder.iterdir()) / (1 << 20)
    city = tmp_path / "city.db"
    services.rollup.city_init(city, "基准市")
    wall, peak, outcomes = _run_merge(city, folder)
    assert [o["outcome"] for o in outcomes] == ["accepted"] * COUNTIES
    replay, replay_peak, again = _run_merge(city, folder)
    assert {o["outcome"] for o in again} == {"duplicate"}
    db = open_db(city)
    t0 = time.perf_counter()
    services.rollup.write_city_summary(db, tmp_path / "city.xlsx")
    summary = time.perf_counter() - t0
    t0 = time.perf_counter()
    groups = city_copies.current(db, PERIOD)  # the cross-county copy check the merge and the summary each run once
    copy_check = time.perf_counter() - t0
    db.close()
    print(f"\ncity merge: {COUNTIES} counties x {SCHOOLS} schools x {TASKS} tasks ({size_mb:.1f} MB of packages, "
          f"written in {made:.1f} s)\n"
          f"  merge   {wall:6.2f} s  ({wall / COUNTIES * 1000:.0f} ms per county package), peak RSS {peak:.0f} MB\n"
          f"  replay  {replay:6.2f} s  (all duplicates), peak RSS {replay_peak:.0f} MB\n"
          f"  summary {summary:6.2f} s  (county level + {COUNTIES * SCHOOLS} schools)\n"
          f"  copy check {copy_check:6.2f} s  ({len(groups)} groups; {copy_check / wall:.0%} of the merge,"
          f" {copy_check / summary:.0%} of the summary)")
