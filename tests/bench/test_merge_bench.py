"""DESIGN §9 / issue 7: verify + merge 1,000 reports ≤ 10 s, ≥ 10× faster than openpyxl, RSS ≤ 300 MB."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import openpyxl
import pytest

from desktop.core.db.connection import open_db
from desktop.core.intake import merge

pytestmark = pytest.mark.bench


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants (the merge's worker processes too), in MB.
    Walks /proc/PID/task/*/children, so sampling costs little next to the merge itself."""
    total, frontier, seen = 0, [root], set()
    while frontier:
        pid = frontier.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    frontier.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total / (1 << 20)


def _run_merge(db_path, folder) -> tuple[float, float, list]:
    """Merge in a child process (the real CLI); return wall seconds, peak RSS of its whole process tree
    (sampled every 50 ms) in MB, and the outcomes."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "merge", str(folder), "--db", str(db_path), "--json"],
                            stdout=subprocess.PIPE, text=True)
    peak = 0.0
    with ThreadPoolExecutor(1) as pool:
        out = pool.submit(proc.stdout.read)
        while proc.poll() is None:
            peak = max(peak, _tree_rss_mb(proc.pid))
            time.sleep(0.05)
        stdout = out.result()
    wall = time.perf_counter() - t0
    assert proc.returncode == 0
    return wall, peak, json.loads(stdout)


def test_merge_1000_reports(fleet_1000, tmp_path):
    base, db_path, reports = fleet_1000
    db_copy = tmp_path / "county.db"
    shutil.copy(db_path, db_copy)
    wall, rss_mb, outcomes = _run_merge(db_copy, base / "reports")
    assert [o["outcome"] for o in outcomes] == ["accepted"] * 1000

    # Side by side on the same files, both in this process (no interpreter start-up on either side):
    # the merge (verify + classify + apply, worker processes included) against openpyxl merely loading them.
    db_side = tmp_path / "side-by-side.db"
    shutil.copy(db_path, db_side)
    db = open_db(db_side)
    t0 = time.perf_counter()
    side = merge.merge_paths(db, [base / "reports"])
    merge_s = time.perf_counter() - t0
    db.close()
    assert len(side) == 1000
    t0 = time.perf_counter()
    for path in reports:
        openpyxl.load_workbook(path).close()
    openpyxl_s = time.perf_counter() - t0

    ratio = openpyxl_s / merge_s
    print(f"\nmerge+verify 1000 reports (40 tasks), `taizhang merge` command: {wall:.2f} s (target ≤ 10 s, "
          f"{10 / wall:.1f}× headroom); peak RSS {rss_mb:.0f} MB, merge process and its workers together "
          f"(target ≤ 300 MB)")
    print(f"side by side in one process: merge {merge_s:.2f} s, openpyxl.load_workbook {openpyxl_s:.2f} s → merge is "
          f"{ratio:.1f}× faster (target ≥ 10×, goal 25×: {'met' if ratio >= 10 else 'NOT met'})")
    # Times move with the machine's load (2 cores shared): the bench reports them; only memory, which does
    # not, is asserted.
    assert rss_mb <= 300


def test_visible_check_fast_and_full(fleet_1000):
    """The visible-sheet check per report: the recorded build (package/sheetxml.py) against the full openpyxl
    rebuild it stands in for, and openpyxl.load_workbook of the same file, side by side."""
    from desktop.core.package import container, visible

    _, _, reports = fleet_1000
    sample = reports[:100]
    pkgs = [container.verify_package(p) for p in sample]
    t0 = time.perf_counter()
    for pkg in pkgs:
        assert visible._fast_match(pkg.manifest, pkg.fingerprint)
    fast = (time.perf_counter() - t0) / len(pkgs) * 1000
    t0 = time.perf_counter()
    for pkg in pkgs:
        visible.rebuilt_parts(pkg.manifest, pkg.fingerprint)
    full = (time.perf_counter() - t0) / len(pkgs) * 1000
    t0 = time.perf_counter()
    for pkg in pkgs:
        container.verify_package(pkg.path)
    verify = (time.perf_counter() - t0) / len(pkgs) * 1000
    t0 = time.perf_counter()
    for path in sample:
        openpyxl.load_workbook(path).close()
    load = (time.perf_counter() - t0) / len(pkgs) * 1000
    print(f"\nvisible check per report: recorded {fast:.2f} ms, full rebuild {full:.2f} ms ({full / fast:.1f}× faster); "
          f"verify_package {verify:.2f} ms; openpyxl.load_workbook {load:.2f} ms")


def test_merge_time_grows_linearly(fleet_factory, fleet_1000, tmp_path):
    """100 → 1,000 (→ 5,000 with BENCH_SCALE=1) packages: milliseconds per package should stay flat."""
    make_county, write_reports = fleet_factory
    base, db_path, _ = fleet_1000
    sizes = [100, 1000] + ([5000] if os.environ.get("BENCH_SCALE") else [])
    per_package = {}
    for n in sizes:
        if n == 1000:
            folder, county = base / "reports", tmp_path / "c1000.db"
            shutil.copy(db_path, county)
        else:
            county, plan = make_county(tmp_path / f"c{n}", n)
            folder = tmp_path / f"r{n}"
            write_reports(folder, plan, n, seed=n)
        wall, _, outcomes = _run_merge(county, folder)
        assert len(outcomes) == n
        per_package[n] = wall / n * 1000
        print(f"\n{n:5d} packages: {wall:6.2f} s, {per_package[n]:.2f} ms per package")
    ratio = per_package[max(sizes)] / per_package[100]
    print(f"ms per package at {max(sizes)} vs 100: {ratio:.2f}× (1.0 = perfectly linear)")
