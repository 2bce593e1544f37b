"""Shared fixtures: one headless demo round trip per session, copied for each test that changes it."""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import uuid
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.clock import now_iso
from desktop.core.db.connection import open_db, transaction
from desktop.core.package import reportbook
from desktop.core.package.container import EvidenceSource, write_package
from desktop.core.roster import store as roster_store
from desktop.core.signing import crypto
from desktop.core.tasklist import store as task_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

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


def make_county(folder: Path, schools: int, n_tasks: int = TASKS, county: str = "基准县") -> tuple[Path, dict]:
    """A published county database with ``schools`` schools; returns (db path, plan content)."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "county.db"
    services.setup.county_init(db_path, county)
    db = open_db(db_path)
    with transaction(db):
        task_store.save_parsed_plan(db, synthetic_plan(n_tasks), county=county, source_name="bench.txt")
        roster_store.replace_roster(db, [{"code": f"B{i:05d}", "name": f"基准县第{i}学校", "type": "小学",
                                       "township": "城关"} for i in range(schools)])
        roster_store.upsert_period(db, PERIOD, "2026-07-15")
    content = services.tasklist.publish(db, folder / "plan.xlsx")
    db.close()
    return db_path, content


def write_reports(folder: Path, plan: dict, schools: int, seed: int = 1, evidence: int = 0) -> list[Path]:
    """One signed report package per school (what schools would send), written directly; with ``evidence`` small
    text files per school (a meeting record of about 100 bytes, as the demo's schools attach), each its own."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    tasks = [t for t in plan["tasks"] if not t["is_heading"]]
    summaries = reportbook.task_summaries(tasks)
    out = []
    for i in range(schools):
        key = crypto.new_private_key()
        entries = []
        for t in tasks:
            status = rng.choice(["已完成", "进行中", "未开始", "不适用"])
            entries.append({"task_id": t["task_id"], "status": status, "progress": 100 if status == "已完成" else 40,
                            "narrative": f"{plan['county']}第{i}学校：" + "按计划推进，召开专题会议并形成记录。" * rng.randint(1, 3),
                            "problems": "",
                            "next_steps": "", "na_reason": "", "updated_at": now_iso(),
                            "indicators": [{"seq": 1, "value": str(rng.randint(1, 6))}]})
        files = [f"基准县第{i}学校 工作记录 第{n + 1}页\n{rng.random()}\n".encode() for n in range(evidence)]
        sources = [EvidenceSource(hashlib.sha256(data).hexdigest(), f"会议纪要{n + 1}.txt", len(data), "text/plain",
                                  tasks[n % len(tasks)]["task_id"], lambda data=data: io.BytesIO(data))
                   for n, data in enumerate(files)]
        content = {"layout": reportbook.LAYOUT, "county": plan["county"], "package_id": str(uuid.uuid4()),
                   "created_at": now_iso(),
                   "plan": {k: plan["plan"][k] for k in ("id", "version", "digest", "title")},
                   "school": {"code": f"B{i:05d}", "name": f"基准县第{i}学校"}, "period": PERIOD, "revision": 1,
                   "entries": entries, "evidence": [src.manifest_entry() for src in sources], "tasks": summaries}
        path = folder / f"B{i:05d}.xlsx"
        write_package(path, kind="report", content=content, evidence=sources,
                      workbook=reportbook.build_workbook(content, crypto.fingerprint(crypto.public_raw(key))), key=key)
        out.append(path)
    return out


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """county.db with the sample plan published, 4 schools' databases and their exported reports."""
    from desktop import demo

    out = tmp_path_factory.mktemp("demo-template") / "demo"
    demo.run(out, schools=4, merge=False, say=lambda _msg: None)
    return out


@pytest.fixture
def world(demo_template, tmp_path) -> Path:
    """A private copy of the demo folder (tests may change it freely)."""
    dst = tmp_path / "world"
    shutil.copytree(demo_template, dst)
    return dst


@pytest.fixture
def county_db(world):
    from desktop.core.db.connection import open_db

    db = open_db(world / "county.db")
    yield db
    db.close()


def school_data_counts(db) -> dict:
    """Row counts of everything a merge may change for schools (what a rejected file must not touch)."""
    tables = ("entries", "indicator_values", "evidence", "entry_evidence", "entry_history", "trusted_keys")
    return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables} | {
        "entry_values": db.execute("SELECT group_concat(status || progress || narrative, '|') FROM"
                                   " (SELECT * FROM entries ORDER BY school_code, task_id)").fetchone()[0],
        "pinned": db.execute("SELECT group_concat(fingerprint) FROM (SELECT fingerprint FROM trusted_keys"
                             " WHERE status = 'pinned' ORDER BY fingerprint)").fetchone()[0],
    }


@pytest.fixture
def counts():
    return school_data_counts


def xml_text(text: str) -> str:
    """openpyxl writes non-ASCII text as XML character references."""
    return "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in text)


def rewrite_part(src, dst, part: str, old: str, new: str) -> None:
    """Copy a package changing the text ``old`` to ``new`` inside one zip member (a cell edit)."""
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                assert xml_text(old).encode() in data, f"{old!r} not in {part}"
                data = data.replace(xml_text(old).encode(), xml_text(new).encode(), 1)
            zout.writestr(info.filename, data)


@pytest.fixture
def edit_cell_text():
    return rewrite_part


@pytest.fixture(scope="session")
def fleet_factory():
    """(make_county, write_reports): a synthetic county of any size and its schools' signed reports."""
    return make_county, write_reports


@pytest.fixture
def extra_migration(tmp_path):
    """A copy of migrations/ plus one more migration with the given SQL; returns (folder, its number)."""
    from desktop.core.db import connection

    def make(sql: str, name: str = "extra"):
        folder = tmp_path / "migrations"
        folder.mkdir(exist_ok=True)
        for _, mig in connection.migrations():
            (folder / mig.name).write_text(mig.read_text(encoding="utf-8"), encoding="utf-8")
        number = len(connection.migrations()) + 1
        (folder / f"{number:04d}_{name}.sql").write_text(sql, encoding="utf-8")
        return folder, number

    return make


# County packages and a city (DESIGN §14): two counties with their schools merged and exported.
@pytest.fixture(scope="session")
def rollup_template(tmp_path_factory) -> Path:
    """甲县 (3 schools, 2 merged) and 乙县 (2 schools, both merged): county databases and revision-1 packages."""
    base = tmp_path_factory.mktemp("rollup")
    for name, n, sent in (("甲县", 3, 2), ("乙县", 2, 2)):
        db_path, plan = make_county(base / name, n, n_tasks=6, county=name)
        reports = write_reports(base / name / "reports", plan, n)
        db = open_db(db_path)
        services.intake.merge_files(db, reports[:sent])
        services.rollup.county_export(db, base / f"{name}-1.xlsx")
        db.close()
    services.rollup.city_init(base / "city.db", "某市")
    return base


@pytest.fixture
def rollup_world(rollup_template, tmp_path) -> Path:
    dst = tmp_path / "rollup"
    shutil.copytree(rollup_template, dst)
    return dst


@pytest.fixture
def city(rollup_world):
    db = open_db(rollup_world / "city.db")
    yield db
    db.close()
