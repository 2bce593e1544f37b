"""The bureau window stays responsive while ~300 report packages are imported (ARCHITECTURE Habit 6).

make test only checks the architectural claim (the merge's progress arrives off the GUI thread,
tests/gui/bureau/test_import.py). Here the pauses are measured: a 20 ms QTimer ticks on the GUI thread,
and the gaps between ticks are recorded only between the merge op's ``counted`` and its ``succeeded``
(the window being built and the result table filling in afterwards are not the merge). The threshold is
lenient (a pause of 2 s or more fails); the figures are printed for the record.

The 1,000-file case beats a 10 ms heartbeat from the drop until the pages have reloaded after the import,
the whole of what the user sees, in the real window at 1280×720, shown and settled before the drop (its opening
is printed apart: a person drops files on a window that has finished drawing itself).
"""

from __future__ import annotations

import itertools
import shutil
import statistics
import time

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.gui.bureau.window import TAB_IMPORT, BureauWindow
from desktop.gui.common import locations

pytestmark = pytest.mark.bench

N_SCHOOLS = 300
TICK_MS = 20
PAUSE_LIMIT = 2.0


@pytest.fixture(scope="module")
def county_300(tmp_path_factory, fleet_factory):
    make_county, write_reports = fleet_factory
    base = tmp_path_factory.mktemp("import-gui")
    db_path, plan = make_county(base / "county", N_SCHOOLS)
    write_reports(base / "reports", plan, N_SCHOOLS)
    return db_path, base / "reports"


def test_importing_300_packages_keeps_the_window_responsive(qtbot, county_300, tmp_path, monkeypatch):
    ini = str(tmp_path / "settings" / "taizhang.ini")
    monkeypatch.setattr(locations, "settings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    db_path, reports = county_300
    win = BureauWindow(str(db_path))
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentIndex(TAB_IMPORT)

    ticks: list[float] = []
    measuring = {"on": False}
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()) if measuring["on"] else None)
    timer.start()

    def watch(op):
        def counted(_total):
            measuring["on"] = True
            ticks.append(time.perf_counter())

        def completed(_result):
            ticks.append(time.perf_counter())
            measuring["on"] = False

        op.counted.connect(counted)  # queued to the GUI thread: the first tick of the window
        op.succeeded.connect(completed)
    win.importer.worker_created.connect(watch)

    flushes: list[float] = []
    flush = win.importer._flush

    def timed_flush():  # how much of a pause is the result table taking in the rows
        t = time.perf_counter()
        flush()
        flushes.append(time.perf_counter() - t)
    win.importer._flush_timer.timeout.disconnect()
    win.importer._flush_timer.timeout.connect(timed_flush)

    t0 = time.perf_counter()
    with qtbot.waitSignal(win.importer.finished, timeout=600000) as blocker:
        assert win.import_paths([str(reports)])
    wall = time.perf_counter() - t0
    qtbot.waitUntil(lambda: not win.importer.running, timeout=60000)
    timer.stop()
    outcomes, cancelled = blocker.args
    assert not cancelled and [o.outcome for o in outcomes] == ["accepted"] * N_SCHOOLS

    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert gaps, "the timer never ran during the merge"
    longest = max(gaps)
    p95 = statistics.quantiles(gaps, n=20, method="inclusive")[-1] if len(gaps) > 1 else longest
    print(f"\n[bench] bureau window importing {N_SCHOOLS} packages: {wall:.1f} s; event-loop pauses during the merge "
          f"({len(gaps)} gaps of a {TICK_MS} ms timer): longest {longest * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
          f"median {statistics.median(gaps) * 1000:.0f} ms (fails at ≥ {PAUSE_LIMIT:.0f} s); result-table flushes: "
          f"{len(flushes)}, longest {max(flushes, default=0) * 1000:.0f} ms, total {sum(flushes) * 1000:.0f} ms")
    assert longest < PAUSE_LIMIT
    win.close()


HEARTBEAT_MS = 10
GOAL_MS, TARGET_MS = 50, 100  # printed, not asserted: on a shared 2-core machine the scheduler alone pauses
P95_LIMIT_MS, LONGEST_LIMIT_MS = 400, 2000  # asserted (before the chunked table: p95 ≈ 1.3 s, longest ≈ 2 s)


def _heartbeat_gaps(qtbot, win, folder, n_files) -> tuple[list[float], float, list[float]]:
    """Import ``folder`` in the real window with a 10 ms QTimer beating on the GUI thread, from the drop until
    the pages have reloaded after the import (the reload included); the gaps between beats, the wall time
    and the durations of the result table's flushes."""
    beats: list[float] = []
    timer = QTimer()
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    flushes: list[float] = []
    flush = win.importer._flush

    def timed_flush():
        t = time.perf_counter()
        flush()
        flushes.append(time.perf_counter() - t)
    win.importer._flush_timer.timeout.disconnect()
    win.importer._flush_timer.timeout.connect(timed_flush)
    reloaded = {"at": None}
    win.importer.merged.connect(lambda: reloaded.update(at=time.perf_counter()))
    timer.start()
    t0 = time.perf_counter()
    beats.append(t0)
    with qtbot.waitSignal(win.importer.finished, timeout=600000) as blocker:
        assert win.import_paths([str(folder)])
    qtbot.waitUntil(lambda: not win.importer.running and reloaded["at"] is not None, timeout=600000)
    # whatever the reload left to finish (a page filled off the thread, then applied) is measured too
    qtbot.waitUntil(lambda: not getattr(win.overview, "loading", False), timeout=600000)
    qtbot.wait(300)
    wall = time.perf_counter() - t0
    timer.stop()
    outcomes, cancelled = blocker.args
    assert not cancelled and [o.outcome for o in outcomes] == ["accepted"] * n_files
    return [b - a for a, b in itertools.pairwise(beats)], wall, flushes


def test_importing_1000_files_the_window_never_stalls(qtbot, fleet_1000, tmp_path, monkeypatch):
    """The longest event-loop pause while the window imports 1,000 files and reloads after it."""
    ini = str(tmp_path / "settings" / "taizhang.ini")
    monkeypatch.setattr(locations, "settings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    base, db_path, _ = fleet_1000
    db_copy = tmp_path / "county.db"
    shutil.copy(db_path, db_copy)
    win = BureauWindow(str(db_copy))
    qtbot.addWidget(win)
    win.resize(1280, 720)
    t_open = time.perf_counter()
    win.show()
    win.tabs.setCurrentIndex(TAB_IMPORT)
    qtbot.waitExposed(win)
    QApplication.processEvents()  # the window's first layout and paint: over before a person can drop files
    opening = time.perf_counter() - t_open
    qtbot.wait(200)
    gaps, wall, flushes = _heartbeat_gaps(qtbot, win, base / "reports", 1000)
    longest = max(gaps)
    p95 = statistics.quantiles(gaps, n=20, method="inclusive")[-1]
    over = sum(1 for g in gaps if g > TARGET_MS / 1000)
    print(f"\n[bench] bureau window importing 1000 files: {wall:.1f} s; event-loop pauses ({len(gaps)} gaps of a "
          f"{HEARTBEAT_MS} ms heartbeat, the reload after the import included): longest {longest * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, {over} over {TARGET_MS} ms (target ≤ {TARGET_MS} ms, goal {GOAL_MS} ms); "
          f"result-table flushes: {len(flushes)}, longest {max(flushes, default=0) * 1000:.0f} ms; the window's "
          f"opening before the drop (not counted): {opening * 1000:.0f} ms")
    assert p95 <= P95_LIMIT_MS / 1000 and longest < LONGEST_LIMIT_MS / 1000
    win.close()
