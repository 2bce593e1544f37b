"""DESIGN §9: export a report with 200 tasks and 100 evidence files (200 MB) ≤ 5 s, peak RSS ≤ 150 MB."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.package.container import verify_package
from desktop.core.records import entries, evidence

pytestmark = pytest.mark.bench


def test_export_200_tasks_100_evidence_200mb(fleet_factory, tmp_path):
    make_county, _ = fleet_factory
    _, plan = make_county(tmp_path / "county", 1, n_tasks=200)
    school_db = tmp_path / "school.db"
    services.setup.school_init(tmp_path / "county" / "plan.xlsx", "B00000", school_db, county_fingerprint=services.setup.plan_fingerprint(tmp_path / "county" / "plan.xlsx"))
    db = open_db(school_db)
    plan_id = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    period = db.execute("SELECT name FROM periods").fetchone()[0]
    tasks = services.reporting.school_tasks(db)
    assert len(tasks) == 200
    for i, t in enumerate(tasks):
        entries.save_entry(db, "B00000", plan_id, t["task_id"], period, status="已完成", progress=100,
                           narrative="完成情况说明。" * 20)
        if i < 100:
            photo = tmp_path / f"现场照片{i}.jpg"
            photo.write_bytes(os.urandom(2 << 20))  # photos do not compress: stored as-is
            evidence.add_evidence(db, "B00000", plan_id, t["task_id"], period, photo)
            photo.unlink()
    db.close()
    out = tmp_path / "report.xlsx"
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("export_job.py")), str(school_db), str(out)],
                          capture_output=True, text=True, check=True)
    figures = json.loads(proc.stdout)
    size_mb = out.stat().st_size / (1 << 20)
    print(f"\nexport 200 tasks + {figures['evidence']} evidence files ({size_mb:.0f} MB): {figures['seconds']:.2f} s "
          f"(target ≤ 5 s, {5 / figures['seconds']:.1f}× headroom); peak RSS {figures['rss_mb']:.0f} MB (target ≤ 150 MB)")
    assert figures["evidence"] == 100 and size_mb > 200
    assert verify_package(out).manifest["revision"] == 1
    assert figures["seconds"] <= 5
    assert figures["rss_mb"] <= 150
