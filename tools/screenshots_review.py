"""Screenshots of review and send-back (DESIGN §12) for docs/screenshots (run under Xvfb with a CJK font):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots_review.py

Builds demo data, merges it, reviews one school in the bureau window (one task sent back with a comment, the
rest passed), writes the feedback file, loads it in the school window (the flagged task with its comment),
fixes the task, exports, merges revision 2 and shows the diff since the review.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.shots import ScriptedChooser, private_settings, settle, wait_for  # noqa: E402

SIZE = (1500, 860)
SCHOOL = "SLX001"








def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="taizhang-review-shots-"))
    private_settings(work)
    from desktop.gui.app import make_app

    app = make_app()
    from desktop import demo
    from desktop.core import services
    from desktop.core.words import ReviewState
    from desktop.gui.bureau.window import BureauWindow
    from desktop.gui.school.window import SchoolWindow

    world = work / "demo"
    demo.run(world, schools=8, merge=False, say=lambda _m: None)
    feedback = work / "feedback.xlsx"
    shots = []

    def shot(widget, name):
        settle()
        path = out / name
        widget.grab().save(str(path))
        shots.append(path)

    win = BureauWindow(str(world / "county.db"), chooser=ScriptedChooser([feedback]))
    win.resize(*SIZE)
    win.show()
    win.import_paths([str(world / "reports")])
    wait_for(win.importer.finished)
    settle()
    if not win.review_school(SCHOOL):
        raise SystemExit(f"cannot open the review: {win.school_review.status.text()} "
                         f"{[(o.outcome, o.reason) for o in win.importer.results.outcomes()][:3]}")
    page = win.school_review
    page.reviewer.setText("王科长")
    tasks = page.board["tasks"]
    back = next(t for t in tasks if t["status"] == "进行中")["task_id"]
    for t in tasks:
        if t["task_id"] != back:
            page.tasks_view.selectRow(page.tasks.row_of(t["task_id"]))
            page.decide(ReviewState.PASSED)
    page.tasks_view.selectRow(page.tasks.row_of(back))
    page.comment.setPlainText("")
    page._quick_picked(1)
    page.decide(ReviewState.RETURNED)
    page.overall_comment.setText("第 1.4 项请补充后重新报送，其余通过。")
    page.decide_overall(ReviewState.RETURNED)
    page.tasks_view.selectRow(page.tasks.row_of(back))
    shot(win, "bureau-school-review.png")
    page.write_feedback()
    wait_for(page.feedback_op.succeeded) if page.feedback_op else None
    settle(300)

    school = SchoolWindow(str(world / "schools" / f"{SCHOOL}.db"), feedback_chooser=lambda _p: str(feedback))
    school.resize(*SIZE)
    school.show()
    settle()
    school.load_feedback()
    shot(school, "school-sent-back.png")
    school.detail.texts["narrative"].setPlainText("已组织党员教师专题培训两次（5月、6月），签到表和照片已补充。")
    school.detail.flush()
    report = work / "r2.xlsx"
    services.reporting.export_report(school.ws.db, report)
    school.close()

    win.import_paths([str(report)])
    wait_for(win.importer.finished)
    win.review_school(SCHOOL, back)
    shot(win, "bureau-review-diff.png")
    win.close()
    for p in shots:
        print(p)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
