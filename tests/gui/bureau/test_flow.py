"""The bureau's year, driven through the real widgets: county init → import the plan document →
fix a task in review → roster, period → publish → schools report → drop the reports on the window →
the matrix shows them → export the summary workbook."""

import random

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from desktop import demo
from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.tasklist import store as task_store
from desktop.gui.bureau.overviewmodels import NOT_APPLICABLE, NOT_REPORTED
from desktop.gui.bureau.setup import CountySetupDialog
from desktop.gui.bureau.window import TAB_IMPORT, TAB_OVERVIEW, TAB_REVIEW, BureauWindow
from desktop.paths import samples_dir


def _school_reports(plan_file, folder, codes):
    """What the schools do (headless, as ``taizhang demo`` does): load the plan, fill, export."""
    folder.mkdir(parents=True)
    for code in codes:
        db_path = folder.parent / f"{code}.db"
        services.setup.school_init(plan_file, code, db_path, county_fingerprint=services.setup.plan_fingerprint(plan_file))
        db = open_db(db_path)
        try:
            demo.fill_school(db, random.Random(code), folder.parent)
            services.reporting.export_report(db, folder / f"{code}.xlsx")
        finally:
            db.close()


def test_the_bureau_year_end_to_end(qtbot, tmp_path, chooser, drop, publish):
    # county init
    setup = CountySetupDialog(chooser=chooser)
    qtbot.addWidget(setup)
    setup.name_edit.setText("示例县")
    setup.path_edit.setText(str(tmp_path / "county.db"))
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert setup.db_path

    win = BureauWindow(setup.db_path, chooser=chooser)
    qtbot.addWidget(win)
    win.show()
    assert "示例县" in win.windowTitle()

    # import the plan document (parsed on a worker thread)
    chooser.files.append(str(samples_dir() / "sample_plan.txt"))
    with qtbot.waitSignal(win.plan_imported, timeout=30000):
        win.import_plan_action.trigger()
    assert win.tabs.currentIndex() == TAB_REVIEW
    review = win.review
    assert review.model.rowCount() > 0 and review.located, "source text shown beside the tree, fields found"
    assert review.source.toPlainText().startswith("示例县2026年教育工作要点")

    # edit one task in review: its title (typed), its text, and a target the document left as "xx"
    plan_id = review.plan_id
    nodes = task_store.plan_tasks(win.db, plan_id)
    task = next(n for n in nodes if not n["is_heading"])
    review.select(task["task_id"])
    editor = review.editor
    assert editor.title_edit.text() == task["title"]
    editor.title_edit.setFocus()
    editor.title_edit.setText("深化学校党组织建设（核对后")  # QTest types Latin-1 only: the rest by keys
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_End)
    qtbot.keyClicks(editor.title_edit, " v2")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    editor.text_edit.setPlainText(task["text"] + "每学期检查一次。")
    holey = next(n for n in nodes if any(x["value"] is None for x in n["targets"]))
    review.select(holey["task_id"])  # leaving the task stores the text typed into it
    row = next(i for i, x in enumerate(holey["targets"]) if x["value"] is None)
    assert editor.targets.setData(editor.targets.index(row, 1), "1200")
    stored = {n["task_id"]: n for n in task_store.plan_tasks(win.db, plan_id)}
    assert stored[task["task_id"]]["title"] == "深化学校党组织建设（核对后 v2"
    assert stored[task["task_id"]]["text"].endswith("每学期检查一次。")
    assert stored[holey["task_id"]]["targets"][row]["value"] == "1200"
    assert review.model.index_of(task["task_id"]).siblingAtColumn(1).data() == "深化学校党组织建设（核对后 v2"
    assert [n["task_id"] for n in stored.values()] == [n["task_id"] for n in nodes]  # stable ids

    # roster and a reporting period
    roster_file = tmp_path / "roster.xlsx"
    demo.write_roster_xlsx(demo.sample_roster(5), roster_file)
    chooser.files.append(str(roster_file))
    win.roster.import_button.click()
    assert win.roster.schools.rowCount() == 5
    win.roster.period_name.setText("2026年上半年")
    win.roster.period_due.set_day(QDate(2099, 7, 15))
    qtbot.mouseClick(win.findChild(type(win.roster.import_button), "addPeriod"), Qt.MouseButton.LeftButton)
    assert [p["name"] for p in services.roster.period_list(win.db)] == ["2026年上半年"]

    # publish
    plan_file = tmp_path / "任务清单.xlsx"
    chooser.saves.append(plan_file)
    content = publish(win)
    assert content and content["plan"]["version"] == 1 and plan_file.is_file()
    assert any(t["title"] == "深化学校党组织建设（核对后 v2" for t in content["tasks"])

    # the schools report; the bureau drops the folder of reports on the import page
    reports = tmp_path / "schools" / "reports"
    codes = [s["code"] for s in demo.sample_roster(5)][:4]
    _school_reports(plan_file, reports, codes)
    win.tabs.setCurrentIndex(TAB_IMPORT)
    with qtbot.waitSignal(win.importer.finished, timeout=60000) as blocker:
        drop(win.importer.drop_zone, [reports])
    outcomes, cancelled = blocker.args
    assert not cancelled and [o.outcome for o in outcomes] == ["accepted"] * 4
    qtbot.waitUntil(lambda: not win.importer.running)
    assert win.importer.results.rowCount() == 4
    assert "已合并 4" in win.importer.summary.text()

    # the matrix shows them
    win.tabs.setCurrentIndex(TAB_OVERVIEW)
    ov = win.overview
    matrix = ov.matrix
    assert (matrix.rowCount(), matrix.columnCount()) == (5, content and sum(1 for t in content["tasks"] if not t["is_heading"]))
    school_db = open_db(tmp_path / "schools" / f"{codes[0]}.db")
    reported = dict(school_db.execute("SELECT task_id, status FROM entries").fetchall())
    school_db.close()
    row0 = [matrix.cell_status(0, c) for c in range(matrix.columnCount())]
    assert NOT_REPORTED not in row0
    for c, st in enumerate(row0):
        if st != NOT_APPLICABLE:
            assert st == reported.get(ov.data["tasks"][c]["task_id"], "未开始")
    assert set(matrix.cell_status(4, c) for c in range(matrix.columnCount())) <= {NOT_REPORTED, NOT_APPLICABLE}
    assert "未报送 1" in ov.headline.text()
    # click a cell: the school's entry
    col = next(c for c, st in enumerate(row0) if st == "已完成")
    index = matrix.index(0, col)
    ov.matrix_view.scrollTo(index)
    qtbot.mouseClick(ov.matrix_view.viewport(), Qt.MouseButton.LeftButton, pos=ov.matrix_view.visualRect(index).center())
    assert ov.detail.detail is not None and ov.detail.detail["school"]["code"] == codes[0]
    assert ov.detail.detail["entry"]["status"] == "已完成"
    assert "已完成" in ov.detail.text.toPlainText()

    # export the summary workbook
    summary = tmp_path / "汇总.xlsx"
    chooser.saves.append(summary)
    with qtbot.waitSignal(ov.exported, timeout=60000):
        qtbot.mouseClick(ov.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ov.export_button.isEnabled())
    wb = load_workbook(summary, read_only=True)
    assert "学校×任务" in wb.sheetnames and "未报送学校" in wb.sheetnames
    wb.close()

    # 催报 into a folder, and the draft 通报, both off the GUI thread
    chooser.files.append(str(tmp_path / "催报"))
    with qtbot.waitSignal(ov.exported, timeout=60000):
        qtbot.mouseClick(ov.remind_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ov.remind_button.isEnabled())
    assert (tmp_path / "催报" / "催报通知.docx").is_file() and list((tmp_path / "催报").glob("*.txt"))
    assert ov.remind_button.text() == "催报通知…"
    chooser.saves.append(tmp_path / "通报.docx")
    with qtbot.waitSignal(ov.exported, timeout=60000):
        qtbot.mouseClick(ov.bulletin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ov.bulletin_button.isEnabled())
    assert (tmp_path / "通报.docx").stat().st_size > 5000


def test_a_corrected_plan_is_published_as_a_new_version_with_the_same_ids(qtbot, world, chooser, tmp_path, publish):
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    before = [t["task_id"] for t in task_store.plan_tasks(win.db, win.review.plan_id)]
    task = next(t for t in task_store.plan_tasks(win.db, win.review.plan_id) if not t["is_heading"])
    win.review.select(task["task_id"])
    win.review.editor.deadline_edit.setText("2026年12月")
    win.review.editor.deadline_edit.editingFinished.emit()
    assert win.review.editor.deadline_edit.text() == "2026-12"
    assert "重新发布后成为第 2 版" in win.review.state_label.text()
    chooser.confirm_answer = True  # the sample plan still has a target to fill in: publish anyway
    chooser.saves.append(tmp_path / "v2.xlsx")
    content = publish(win)
    assert content["plan"]["version"] == 2
    assert [t["task_id"] for t in content["tasks"]] == before
    assert ("confirm", "发布任务清单") in chooser.asked


def _fresh_county(tmp_path, passphrase=None):
    db_path = tmp_path / "county.db"
    services.setup.county_init(db_path, "示例县", passphrase=passphrase)
    return db_path


def test_dropping_a_plan_document_imports_the_plan(qtbot, tmp_path, chooser, drop):
    win = BureauWindow(str(_fresh_county(tmp_path)), chooser=chooser)
    qtbot.addWidget(win)
    win.show()
    assert "还没有导入" in win.review.state_label.text()
    with qtbot.waitSignal(win.plan_imported, timeout=30000):
        drop(win, [samples_dir() / "sample_plan.txt"])
    assert win.review.model.rowCount() > 0 and win.importer.results.rowCount() == 0


def test_publish_explains_what_is_missing_and_asks_for_the_passphrase(qtbot, tmp_path, chooser, publish):
    from PySide6.QtWidgets import QMessageBox

    db_path = _fresh_county(tmp_path, passphrase="口令")
    db = open_db(db_path)
    services.tasklist.import_plan(db, samples_dir() / "sample_plan.txt")
    db.close()
    win = BureauWindow(str(db_path), chooser=chooser)
    qtbot.addWidget(win)
    chooser.saves.append(tmp_path / "plan.xlsx")
    assert publish(win) is None  # no roster, no period
    errors = [b for b in win.findChildren(QMessageBox) if b.objectName() == "errorBox"]
    assert errors and "学校名单" in errors[-1].text() and "填报周期" in errors[-1].text()
    roster = tmp_path / "roster.xlsx"
    demo.write_roster_xlsx(demo.sample_roster(3), roster)
    services.roster.import_roster(win.db, roster)
    services.roster.add_period(win.db, "2026年上半年:2026-07-15")
    chooser.saves = [tmp_path / "plan.xlsx"] * 3
    chooser.passphrase_answer = None
    assert publish(win) is None and not (tmp_path / "plan.xlsx").exists()  # passphrase dialog cancelled
    chooser.passphrase_answer = "不对"
    assert publish(win) is None and "口令不正确" in [b for b in win.findChildren(QMessageBox)
                                                      if b.objectName() == "errorBox"][-1].text()
    chooser.passphrase_answer = "口令"
    content = publish(win)
    assert content["plan"]["version"] == 1 and (tmp_path / "plan.xlsx").is_file()
    assert "已发布第 1 版" in win.home.status["publish"].text()
