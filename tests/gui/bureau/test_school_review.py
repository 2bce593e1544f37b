"""Review and send-back through both windows (DESIGN §12, issue 16): the bureau merges, reviews task by task
from the matrix (one sent back with a quick comment, the others passed), decides overall and writes the
feedback file; the school loads it (文件 → 载入审核意见), sees the task flagged with the comment and the
"退回修改" filter and dashboard count, fixes it and exports; the bureau merges again and sees the task
未审核 with its diff while the others keep 通过."""

from __future__ import annotations

import json
import zipfile

from desktop.core.words import ReviewState
from desktop.gui.app import settle_layout
from desktop.gui.bureau.window import TAB_SCHOOL_REVIEW, BureauWindow
from desktop.gui.school.window import SchoolWindow

SCHOOL = "SLX001"


def _bureau(qtbot, world, chooser) -> BureauWindow:
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _merge(qtbot, win, paths):
    with qtbot.waitSignal(win.importer.finished, timeout=120000):
        win.import_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: not win.importer.running and not win.overview.loading, timeout=120000)


def _wait_op(qtbot, page):
    qtbot.waitUntil(lambda: page.feedback_op is None, timeout=60000)


def _review_and_write_feedback(qtbot, win, world, chooser):
    _merge(qtbot, win, [world / "reports"])
    # the import result links to the review of that school
    page = win.importer
    row = next(i for i, o in enumerate(page.results.outcomes()) if o.school == SCHOOL)
    page._review_row(page.filter.mapFromSource(page.results.index(row, 0)))
    assert win.tabs.currentIndex() == TAB_SCHOOL_REVIEW
    review = win.school_review
    assert review.board["school"]["code"] == SCHOOL
    # from the matrix: double-click SLX001 × its first task
    first = review.board["tasks"][0]["task_id"]
    matrix = win.overview.matrix
    r = next(i for i in range(matrix.rowCount()) if matrix.cell(matrix.index(i, 0))[0] == SCHOOL)
    c = next(j for j in range(matrix.columnCount()) if matrix.cell(matrix.index(r, j))[1] == first)
    win.overview._review_cell(matrix.index(r, c))
    assert review.current_task()["task_id"] == first
    review.reviewer.setText("张审核")
    # 退回修改 without a comment is refused with a reason; a quick comment fills it in
    assert not review.decide(ReviewState.RETURNED)
    assert review.decision_error.text()
    review._quick_picked(1)
    assert review.comment.toPlainText() == review.quick.itemData(1)
    assert review.decide(ReviewState.RETURNED)
    # the selection moved on: pass every other task
    while (t := review.current_task()) is not None and t["state"] == ReviewState.UNREVIEWED:
        assert review.decide(ReviewState.PASSED)
    counts = review.board["counts"]
    assert counts[ReviewState.RETURNED] == 1 and counts[ReviewState.UNREVIEWED] == 0
    review.overall_comment.setText("请按意见修改第一项后重报")
    assert review.decide_overall(ReviewState.RETURNED)
    assert "退回修改" in review.overall_label.text()
    out = world / "feedback.xlsx"
    chooser.saves.append(out)
    assert review.write_feedback() == str(out)
    _wait_op(qtbot, review)
    assert out.is_file() and "已写出 1 份" in review.status.text()
    return first, out


def test_both_windows_through_the_review_round_trip(qtbot, world, chooser, tmp_path):
    win = _bureau(qtbot, world, chooser)
    back, feedback = _review_and_write_feedback(qtbot, win, world, chooser)

    school = SchoolWindow(str(world / "schools" / f"{SCHOOL}.db"), feedback_chooser=lambda _p: str(feedback))
    qtbot.addWidget(school)
    settle_layout(school)
    school.show()
    qtbot.waitExposed(school)
    loaded = school.feedback_action.trigger() or school.statusBar().currentMessage()
    assert "退回修改 1 项" in loaded
    # flagged in the tree, the filter on, the comment beside the entry, the dashboard counts it
    assert school.returned_only.isChecked() and school.proxy.visible_count == 1
    assert school.detail.task_id == back
    assert not school.detail.review_box.isHidden()
    assert "请" in school.detail.review_label.text() and "教育局退回修改" in school.detail.review_label.text()
    assert school.dashboard.cards["sent_back"].number.text() == "1"
    row = school.model.row_for(back)
    assert row["sent_back"] and school.model.data(school.model.index_for(back, 1)) == "退回"
    # the school fixes the task and exports
    school.detail.texts["narrative"].setPlainText("已按意见补充：组织培训两次，附签到表。")
    school.detail.flush()
    from desktop.core import services

    out = tmp_path / "r2.xlsx"
    services.reporting.export_report(school.ws.db, out)
    with zipfile.ZipFile(out) as zf, zipfile.ZipFile(feedback) as fz:
        assert json.loads(zf.read("taizhang/manifest.json"))["responds_to"] == \
            json.loads(fz.read("taizhang/manifest.json"))["package_id"]
    school.close()

    # the bureau merges revision 2: the task is 未审核 again with its diff, the others keep 通过
    _merge(qtbot, win, [out])
    assert win.review_school(SCHOOL, back)
    review = win.school_review
    t = review.current_task()
    assert t["task_id"] == back and t["state"] == ReviewState.UNREVIEWED and t["changes"]
    assert "已按意见补充" in review.entry.toPlainText() and "自审核的第 1 次报送以来的改动" in review.entry.toPlainText()
    others = [r for r in review.board["tasks"] if r["task_id"] != back]
    assert others and all(r["state"] == ReviewState.PASSED and not r["changes"] for r in others)
    assert review.board["overall"]["state"] == ReviewState.UNREVIEWED
    win.close()


def test_a_hostile_feedback_file_is_refused_in_the_school_window(qtbot, world, chooser, monkeypatch):
    win = _bureau(qtbot, world, chooser)
    _, feedback = _review_and_write_feedback(qtbot, win, world, chooser)
    win.close()
    shown = []
    monkeypatch.setattr("desktop.gui.school.window.show_error", lambda _w, exc: shown.append(exc))
    other = SchoolWindow(str(world / "schools" / "SLX002.db"))
    qtbot.addWidget(other)
    assert other.load_feedback(str(feedback)) is None
    assert shown and "不是本校的" in shown[0].zh
    assert other.dashboard.cards["sent_back"].number.text() == "0"
    other.close()


def test_write_all_feedback_into_a_folder(qtbot, world, chooser):
    win = _bureau(qtbot, world, chooser)
    _review_and_write_feedback(qtbot, win, world, chooser)
    folder = world / "fb"
    chooser.files.append(str(folder))
    assert win.school_review.write_all_feedback() == str(folder)
    _wait_op(qtbot, win.school_review)
    assert [p.name.startswith(SCHOOL) for p in folder.glob("*.xlsx")] == [True]
    win.close()


def test_a_review_opens_on_the_period_of_the_schools_report(qtbot, world, chooser):
    """The tab showed another period (picked before, or the default before any merge): opening a school's
    review switches to the period of its latest report instead of saying it has none."""
    win = _bureau(qtbot, world, chooser)
    _merge(qtbot, win, [world / "reports"])
    page = win.school_review
    win.tabs.setCurrentWidget(page)  # a page out of view when the import ended reloads when it is shown
    assert page.schools.rowCount() > 0
    reported = page.period.currentData()
    other = next(page.period.itemData(i) for i in range(page.period.count()) if page.period.itemData(i) != reported)
    page.period.setCurrentIndex(page.period.findData(other))
    assert page.schools.rowCount() == 0
    assert win.review_school(SCHOOL)
    assert page.period.currentData() == reported and page.board["school"]["code"] == SCHOOL
    win.close()
