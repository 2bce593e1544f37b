"""Screenshots of the yearly cycle (issue 17) for docs/screenshots, at 1280x720 and 1600x1000:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots_cycle.py [OUT_DIR]

A school's second period carried from its first (沿用上期 badge, 确认沿用, last period's answer, 改回上期内容), the
plan-changes view after the bureau's v2, a task whose evidence is 不需, the bureau's evidence-rule editor and its
matrix and school review with the carried marks. Needs a CJK font (fonts-noto-cjk or fonts-wqy-microhei).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

P1, P2 = "2026年上半年", "2026年全年"
SIZES = ((1280, 720), (1600, 1000))


def main(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    work = Path(tempfile.mkdtemp(prefix="taizhang-cycle-"))
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from desktop import demo
    from desktop.core import services
    from desktop.core.db.connection import open_db
    from desktop.gui.app import make_app, settle_layout
    from desktop.gui.common import locations

    ini = str(work / "settings.ini")
    locations.settings = lambda: QSettings(ini, QSettings.Format.IniFormat)
    app = make_app()
    demo.run(work / "demo", schools=2, merge=False, say=lambda _m: None)
    plan, county = work / "demo" / "plan.xlsx", work / "demo" / "county.db"
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def settle(ms: int = 200) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        path = out_dir / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    # a school: period 1 filled, period 2 begun from it
    school = work / "school.db"
    db = open_db(county)
    try:
        code = db.execute("SELECT code FROM schools ORDER BY code LIMIT 1").fetchone()[0]
    finally:
        db.close()
    services.setup.school_init(plan, code, school, county_fingerprint=services.setup.plan_fingerprint(plan))
    db = open_db(school)
    try:
        ws = services.reporting.workspace_on(db, school)
        services.reporting.set_period(ws, P1)
        tasks = services.reporting.school_tasks(db)
        for i, t in enumerate(tasks):
            done = i % 3 != 2
            services.reporting.save_task(ws, t["task_id"], status="已完成" if done else "进行中",
                                         progress=100 if done else 60,
                                         narrative="召开专题会议两次，形成会议纪要和签到表，全体教师参加。" if done
                                         else "已完成前期调研，方案已起草，下学期推进。")
            for x in t["targets"]:
                services.reporting.set_achieved(ws, t["task_id"], x["seq"], "12")
        f = work / "专题会议纪要.txt"
        f.write_text("专题会议纪要", encoding="utf-8")
        services.reporting.attach_evidence(ws, tasks[0]["task_id"], f)
        services.reporting.set_period(ws, P2)
        services.reporting.confirm_carried(ws, tasks[1]["task_id"])
        services.reporting.save_task(ws, tasks[2]["task_id"], progress=90, narrative="方案已印发，进入实施阶段。")
    finally:
        db.close()

    # the bureau's v2: one task reworded, the second not needing evidence, one required, the last removed
    db = open_db(county)
    try:
        plan_id = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        leaves = [t for t in services.tasklist.plan_tasks(db, plan_id) if not t["is_heading"]]
        services.tasklist.update_task(db, plan_id, tasks[0]["task_id"], text=tasks[0]["text"] + "每学期至少检查一次。")
        services.tasklist.update_task(db, plan_id, tasks[1]["task_id"], evidence="不需")
        services.tasklist.update_task(db, plan_id, tasks[3]["task_id"], evidence="必需")
        services.tasklist.delete_node(db, plan_id, leaves[-1]["task_id"])
        counted = next(t for t in leaves if t["targets"])
        services.tasklist.update_target(db, plan_id, counted["task_id"], counted["targets"][0]["seq"],
                                        definition="按本学期实际开展并留有记录的次数计")
        services.tasklist.publish(db, work / "plan-v2.xlsx")
    finally:
        db.close()

    from desktop.gui.school.window import SchoolWindow

    for w, h in SIZES:
        win = SchoolWindow(str(school), opener=lambda _p: True)
        settle_layout(win)
        win.resize(w, h)
        win.show()
        win.select_task(tasks[0]["task_id"])
        shot(win, f"school-carried-{w}x{h}")
        win.select_task(tasks[2]["task_id"])  # edited this period: 改回上期内容
        shot(win, f"school-carry-again-{w}x{h}")
        win.close()

    win = SchoolWindow(str(school), opener=lambda _p: True, plan_chooser=lambda _parent: str(work / "plan-v2.xlsx"))
    settle_layout(win)
    win.resize(1280, 720)
    win.show()
    win.load_plan_update()
    from desktop.gui.school.planchanges import PlanChangesDialog

    dialog = win.findChild(PlanChangesDialog)
    for w, h in ((900, 520), (1200, 700)):
        dialog.resize(w, h)
        shot(dialog, f"school-plan-changes-{w}x{h}")
    dialog.close()
    for w, h in SIZES:
        win.resize(w, h)
        win.select_task(tasks[0]["task_id"])
        shot(win, f"school-plan-changed-{w}x{h}")
        win.select_task(tasks[1]["task_id"])
        shot(win, f"school-evidence-not-needed-{w}x{h}")
    win.close()

    from desktop.gui.bureau.window import TAB_REVIEW, BureauWindow

    for w, h in SIZES:
        bw = BureauWindow(str(county))
        bw.resize(w, h)
        bw.show()
        bw.tabs.setCurrentIndex(TAB_REVIEW)
        bw.review.select(counted["task_id"])
        shot(bw, f"bureau-evidence-rules-{w}x{h}")
        bw.close()
    bureau_matrix(work, shot, settle_layout)
    return saved


def bureau_matrix(work: Path, shot, settle_layout) -> None:
    """A county whose schools reported both periods: in period 2 some answers carried and unconfirmed, some
    confirmed, some new; the matrix with its corner marks and a carried cell's detail."""
    import random

    from desktop import demo
    from desktop.core import services
    from desktop.core.db.connection import open_db
    from desktop.gui.bureau.window import TAB_OVERVIEW, TAB_SCHOOL_REVIEW, BureauWindow

    base = work / "matrix"
    demo.run(base, schools=14, merge=False, say=lambda _m: None)
    plan, county = base / "plan.xlsx", base / "county.db"
    reports = base / "cycle-reports"
    reports.mkdir()
    db = open_db(county)
    try:
        codes = [r[0] for r in db.execute("SELECT code FROM schools ORDER BY code").fetchall()]
    finally:
        db.close()
    for i, code in enumerate(codes[:-2]):  # the last two have not reported period 2
        rng = random.Random(f"cycle-{code}")
        path = base / f"cycle-{code}.db"
        services.setup.school_init(plan, code, path, county_fingerprint=services.setup.plan_fingerprint(plan))
        sdb = open_db(path)
        try:
            ws = services.reporting.workspace_on(sdb, path)
            services.reporting.set_period(ws, P1)
            leaves = [t for t in services.reporting.school_tasks(sdb) if not t["is_heading"]]
            for t in leaves:
                status = rng.choices(["已完成", "进行中", "未开始"], weights=[50, 35, 15])[0]
                services.reporting.save_task(ws, t["task_id"], status=status,
                                             progress={"已完成": 100, "进行中": 50}.get(status, 0),
                                             narrative=f"{ws.school_name}按计划推进，形成工作记录。")
            services.reporting.export_report(sdb, reports / f"{code}-1.xlsx", period=P1)
            services.reporting.set_period(ws, P2)
            for t in leaves:
                roll = rng.random()
                if roll < 0.35:
                    services.reporting.confirm_carried(ws, t["task_id"])
                elif roll < 0.7 or i % 5 == 0:
                    services.reporting.save_task(ws, t["task_id"], status="已完成", progress=100,
                                                 narrative=f"{ws.school_name}本期已全部完成。")
            services.reporting.export_report(sdb, reports / f"{code}-2.xlsx", period=P2)
        finally:
            sdb.close()
    db = open_db(county)
    try:
        services.intake.merge_files(db, sorted(reports.iterdir()))
    finally:
        db.close()
    for w, h in SIZES:
        bw = BureauWindow(str(county))
        settle_layout(bw)
        bw.resize(w, h)
        bw.show()
        bw.tabs.setCurrentIndex(TAB_OVERVIEW)
        page = bw.overview
        page.period.setCurrentIndex(page.period.findData(P2))
        cell = next(((r, c) for r in range(page.matrix.rowCount()) for c in range(page.matrix.columnCount())
                     if page.matrix.cell_carried(r, c) == "unconfirmed"), (0, 0))
        page.matrix_view.setCurrentIndex(page.matrix.index(*cell))
        shot(bw, f"bureau-matrix-carried-{w}x{h}")
        code, task_id = page.matrix.cell(page.matrix.index(*cell))
        bw.tabs.setCurrentIndex(TAB_SCHOOL_REVIEW)
        bw.school_review.show_school(code, task_id, P2)
        shot(bw, f"bureau-review-carried-{w}x{h}")
        bw.close()


if __name__ == "__main__":
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")):
        print(p)
