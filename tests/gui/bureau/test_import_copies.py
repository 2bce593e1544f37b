"""疑似重复材料 in the import results: the flag is found after the batch (one pass over the periods merged),
so the rows already shown must be told to change, or the table keeps showing them unflagged until redrawn."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.records import entries
from desktop.gui.bureau.importmodels import COL_OUTCOME, COL_REASON
from desktop.gui.bureau.window import BureauWindow

COPIED = "本学期开展课后服务，覆盖全校所有班级，家长满意度调查达到百分之九十五。"


@pytest.fixture
def copied_reports(world):
    """SLX001 and SLX002 hand in the same 完成情况说明; their reports are exported again."""
    for code in ("SLX001", "SLX002"):
        db = open_db(world / "schools" / f"{code}.db")
        plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        period = services.reporting.default_period(db)
        task = services.reporting.school_tasks(db)[0]["task_id"]
        entries.save_entry(db, code, plan, task, period, status="已完成", progress=100, narrative=COPIED)
        services.reporting.export_report(db, world / "reports" / f"{code}.xlsx", period=period)
        db.close()
    return world


def test_rows_shown_during_the_import_get_the_copy_flag_after_the_batch(qtbot, copied_reports, chooser,
                                                                       monkeypatch):
    world = copied_reports
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    win.show()
    page = win.importer
    flag_copies = services.intake.flag_copies

    def after_the_rows_are_shown(db, outcomes):  # the worker finds the copies once the table shows every row
        deadline = time.monotonic() + 30
        while page.results.rowCount() < len(outcomes) and time.monotonic() < deadline:
            time.sleep(0.01)
        flag_copies(db, outcomes)
    monkeypatch.setattr(services.intake, "flag_copies", after_the_rows_are_shown)
    model = page.results
    inserted: dict[int, int] = {}  # row -> order of the event that inserted it
    changed: list[tuple[int, int, int]] = []  # (order, first row, last row) of each dataChanged
    events = iter(range(1_000_000))
    shown_flagged: set[int] = set()  # rows already flagged when they came in (none: see after_the_rows_are_shown)

    def rows_in(_parent, a, b):
        for r in range(a, b + 1):
            inserted[r] = next(events)
            if model.outcomes()[r].flags:
                shown_flagged.add(r)
    model.rowsInserted.connect(rows_in)
    model.dataChanged.connect(lambda tl, br, _roles=(): changed.append((next(events), tl.row(), br.row())))
    with qtbot.waitSignal(page.finished, timeout=120000):
        win.import_paths([str(world / "reports")])
    qtbot.waitUntil(lambda: not page.running, timeout=120000)

    flagged = [r for r in range(model.rowCount()) if model.outcomes()[r].school in ("SLX001", "SLX002")]
    assert len(flagged) == 2
    for r in flagged:
        assert "疑似重复材料" in model.index(r, COL_OUTCOME).data()
        assert "SLX00" in model.index(r, COL_REASON).data(Qt.ItemDataRole.ToolTipRole)
        # the view was told: a dataChanged covering the row came after the row was inserted unflagged
        assert any(order > inserted[r] and first <= r <= last for order, first, last in changed)
    assert not shown_flagged
    others = [r for r in range(model.rowCount()) if r not in flagged]
    assert others and all("疑似重复材料" not in model.index(r, COL_OUTCOME).data() for r in others)
    win.close()
