"""The summary workbook (汇总表) at county and city scale: 1,000 schools, and 10,000 when
TAIZHANG_BENCH_10K=1 (making and merging 10,000 reports takes several minutes). Target ≤ 15 s for 10,000
schools × 40 tasks. The figures are printed side by side (seconds, seconds per school); only a generous
limit is asserted, times move with the load of the shared machine. The figures alone (``figures.compute``, what
the screen shows too) are timed beside the whole build, so the layout's share is the difference.

Making the 10,000 reports and merging them takes 20–30 minutes on a loaded machine: with TAIZHANG_BENCH_KEEP=DIR
the merged county database is kept in DIR and later runs reuse it."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import openpyxl
import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.intake import merge
from desktop.core.standing import figures

pytestmark = pytest.mark.bench

SIZES = (1000, 10000) if os.environ.get("TAIZHANG_BENCH_10K") else (1000,)
TARGET_10K_S = 15.0
KEEP = os.environ.get("TAIZHANG_BENCH_KEEP")  # a folder: the merged 10,000-school county is kept there and reused


def _summary_seconds(db_path, out) -> tuple[float, float]:
    """(seconds for the whole workbook, seconds for its figures alone)."""
    db = open_db(db_path)
    try:
        t0 = time.perf_counter()
        services.standing.write_summary(db, out)
        whole = time.perf_counter() - t0
        plan_id, period = db.execute("SELECT plan_id, period FROM submissions LIMIT 1").fetchone()
        t0 = time.perf_counter()
        figures.compute(db, plan_id, period)
        return whole, time.perf_counter() - t0
    finally:
        db.close()


@pytest.fixture(scope="module")
def merged_counties(tmp_path_factory, fleet_factory, fleet_1000):
    """school count → a county database with every school's report merged."""
    make_county, write_reports = fleet_factory
    out = {}
    for n in SIZES:
        base = tmp_path_factory.mktemp(f"summary-{n}")
        if n == 1000:
            src, db_path, _ = fleet_1000
            shutil.copy(db_path, base / "county.db")
            db_path, reports = base / "county.db", src / "reports"
        elif KEEP and (Path(KEEP) / f"county-{n}.db").exists():
            out[n] = Path(KEEP) / f"county-{n}.db"
            continue
        else:
            db_path, plan = make_county(base / "county", n)
            reports = base / "reports"
            write_reports(reports, plan, n)
        db = open_db(db_path)
        merge.merge_paths(db, [reports])
        db.close()
        if KEEP and n != 1000:
            Path(KEEP).mkdir(parents=True, exist_ok=True)
            shutil.copy(db_path, Path(KEEP) / f"county-{n}.db")
        out[n] = db_path
    return out


def test_summary_workbook_at_county_and_city_scale(merged_counties, tmp_path):
    took = {}
    for n, db_path in merged_counties.items():
        out = tmp_path / f"summary-{n}.xlsx"
        took[n] = _summary_seconds(db_path, out)
        wb = openpyxl.load_workbook(out, read_only=True)
        assert wb["按学校"].max_row == n + 1  # one row per school under the header
        print(f"\n[bench] summary {n}: " + ", ".join(f"{ws.title} {ws.max_row}" for ws in wb.worksheets) + " rows")
        wb.close()
    line = "; ".join(f"{n} schools × 40 tasks {s:.1f} s (figures {f:.1f} s, layout and save {s - f:.1f} s; "
                     f"{s / n * 1000:.1f} ms per school)" for n, (s, f) in took.items())
    at_10k = took[10000][0] if 10000 in took else took[1000][0] * 10
    print(f"\n[bench] summary workbook: {line}; 10,000 schools {'measured' if 10000 in took else 'by 10× the 1,000'}"
          f" {at_10k:.1f} s = {at_10k / TARGET_10K_S:.2f}× the {TARGET_10K_S:.0f} s target"
          + ("" if 10000 in took else " (set TAIZHANG_BENCH_10K=1 to measure it)"))
    assert took[1000][0] <= 30  # generous: ~50× the 0.5 s of an idle machine
    if 10000 in took:
        assert took[10000][0] <= 4 * TARGET_10K_S  # generous: ~5.5 s idle; the target itself is printed, not asserted
