"""Roster and periods edited in the window; the home page's fingerprint and steps."""

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QHeaderView

from desktop.core import services
from desktop.core.intake import merge
from desktop.core.roster import store as roster_store
from desktop.gui.bureau.window import TAB_OVERVIEW, TAB_REVIEW, TAB_ROSTER, BureauWindow


def _win(qtbot, world, chooser):
    w = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(w)
    w.show()
    return w


def test_schools_added_edited_and_removed(qtbot, world, chooser):
    win = _win(qtbot, world, chooser)
    page = win.roster
    n = page.schools.rowCount()
    page.new_code.setText("SLX900")
    page.new_name.setText("示例县新建小学")
    page.new_type.setCurrentText("小学")
    qtbot.mouseClick(win.findChild(type(page.import_button), "addSchool"), Qt.MouseButton.LeftButton)
    assert page.schools.rowCount() == n + 1
    assert "重新发布" in win.home.status["publish"].text()  # the roster is part of the published plan
    page.new_code.setText("SLX900")
    page.new_name.setText("重复")
    assert not page.add_school() and "已存在" in page.error.text()
    row = next(r for r in range(page.schools.rowCount()) if page.schools.row_data(r)["code"] == "SLX900")
    assert page.schools.setData(page.schools.index(row, 3), "城关镇")
    assert next(s for s in roster_store.schools(win.db) if s["code"] == "SLX900")["township"] == "城关镇"
    page.schools_view.selectRow(row)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.schools.rowCount() == n


def test_a_school_with_reports_stays_in_the_roster(qtbot, world, chooser):
    win = _win(qtbot, world, chooser)
    merge.merge_paths(win.db, [world / "reports"])
    page = win.roster
    page.reload()
    page.schools_view.selectRow(0)
    assert not page.remove_school() and "已有报送" in page.error.text()


def test_periods_added_closed_and_removed(qtbot, world, chooser):
    win = _win(qtbot, world, chooser)
    page = win.roster
    page.period_name.setText("2027年上半年")
    page.period_due.set_day(QDate(2027, 7, 10))
    assert page.add_period()
    names = [p["name"] for p in services.roster.period_list(win.db)]
    assert "2027年上半年" in names
    row = names.index("2027年上半年")
    page.periods_view.selectRow(row)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert services.roster.period_list(win.db)[row]["closed"] and page.periods.index(row, 2).data() == "已关闭"
    page.periods_view.selectRow(row)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert not services.roster.period_list(win.db)[row]["closed"]
    page.periods_view.selectRow(row)
    qtbot.mouseClick(page.remove_period_button, Qt.MouseButton.LeftButton)
    assert "2027年上半年" not in [p["name"] for p in services.roster.period_list(win.db)]
    page.period_name.setText("")
    assert not page.add_period() and page.error.text()


@pytest.mark.parametrize("typed", ["2027-07-10", "2027/7/10", "2027年7月10日", "2027.7.10"])
def test_a_due_date_typed_whole_is_taken(qtbot, world, chooser, typed):
    """Issue 14: only the calendar worked; a date typed or pasted into the field was lost."""
    win = _win(qtbot, world, chooser)
    page = win.roster
    page.period_name.setText("2027年上半年")
    page.period_due.edit.clear()
    qtbot.keyClicks(page.period_due.edit, typed) if typed.isascii() else page.period_due.edit.setText(typed)
    page.period_due.edit.editingFinished.emit()
    assert page.period_due.edit.text() == "2027-07-10"
    assert page.add_period()
    due = {p["name"]: p["due_date"] for p in services.roster.period_list(win.db)}
    assert due["2027年上半年"] == "2027-07-10"


def test_a_due_date_that_is_no_date_is_refused_saying_why(qtbot, world, chooser):
    win = _win(qtbot, world, chooser)
    page = win.roster
    before = services.roster.period_list(win.db)
    page.period_name.setText("2027年上半年")
    page.period_due.edit.setText("2027-02-30")
    assert not page.add_period() and "2026-07-10" in page.error.text()
    assert services.roster.period_list(win.db) == before


def test_a_closed_period_refuses_files_with_advice(qtbot, world, chooser, drop):
    win = _win(qtbot, world, chooser)
    for p in services.roster.period_list(win.db):
        services.roster.update_period(win.db, p["name"], closed=True)
    with qtbot.waitSignal(win.importer.finished, timeout=60000) as blocker:
        drop(win, [world / "reports"])
    qtbot.waitUntil(lambda: not win.importer.running)
    outcomes, _ = blocker.args
    assert {o.code for o in outcomes} == {"period_closed"}
    assert "重新开放" in win.importer.results.index(0, 6).data()


def test_home_shows_the_fingerprint_and_leads_to_each_step(qtbot, world, chooser, tmp_path):
    win = _win(qtbot, world, chooser)
    home = win.home
    fp = services.setup.county_info(win.db)["fingerprint"]
    assert "".join(home.fingerprint.label.text().split()) == fp
    chooser.saves.append(tmp_path / "通知.txt")
    win.notice_action.trigger()
    assert (tmp_path / "通知.txt").read_bytes().decode("utf-8-sig").count(fp[:4]) >= 1
    assert "待填写" in home.status["review"].text() or "还没填写" in home.status["review"].text()
    for step, tab in (("review", TAB_REVIEW), ("roster", TAB_ROSTER), ("overview", TAB_OVERVIEW)):
        qtbot.mouseClick(home.buttons[step], Qt.MouseButton.LeftButton)
        assert win.tabs.currentIndex() == tab
    chooser.saves.append(tmp_path / "备份.db")
    assert win.backup() == str(tmp_path / "备份.db") and (tmp_path / "备份.db").stat().st_size > 0


def test_the_roster_shows_each_schools_enrolment_code_and_saves_the_list(qtbot, world, chooser, tmp_path):
    """DESIGN §16 way 1: the bureau sends each school its code; the roster page shows them and saves a list."""
    import csv

    win = _win(qtbot, world, chooser)
    win.tabs.setCurrentIndex(TAB_ROSTER)
    page = win.roster
    codes = {c["school"]: c["code"] for c in services.intake.enrolment_codes(win.db)}
    assert codes and all(len(c.replace("-", "")) == 8 for c in codes.values())  # shown as XXXX-XXXX
    out = tmp_path / "学校注册码.csv"
    assert page.save_codes(str(out))
    with open(out, encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    rows = list(csv.reader(text.splitlines()))
    assert all(any(code in r for r in rows) for code in codes.values())
def test_shift_wheel_scrolls_the_matrix_sideways(qtbot, world, chooser):
    """Issue 14: Shift + wheel paged the matrix down instead of across."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    win = _win(qtbot, world, chooser)
    win.show()
    win.resize(700, 520)
    win.tabs.setCurrentIndex(TAB_OVERVIEW)
    view = win.overview.matrix_view
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    across, down = view.horizontalScrollBar(), view.verticalScrollBar()
    x0, y0 = across.value(), down.value()
    pos = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ShiftModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert across.value() > x0 and down.value() == y0


def test_ctrl_page_down_and_up_switch_tabs(qtbot, world, chooser):
    from PySide6.QtWidgets import QApplication

    win = _win(qtbot, world, chooser)
    win.show()
    win.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.tabs.setCurrentIndex(TAB_ROSTER)
    win.roster.period_name.setFocus()
    qtbot.keyClick(win.roster.period_name, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert win.tabs.currentIndex() == TAB_ROSTER + 1
    win.tabs.setCurrentIndex(1)
    qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert win.tabs.currentIndex() == win.tabs.count() - 1


def test_the_roster_template_is_saved_from_the_roster_page(qtbot, world, chooser, tmp_path):
    """Issue 13: the template was only in the CLI; the bureau clerk needs it where the roster is imported."""
    import openpyxl

    win = _win(qtbot, world, chooser)
    page = win.roster
    chooser.saves.append(tmp_path / "名单")  # no extension typed: .xlsx is added
    saved = []
    page.saved.connect(saved.append)
    assert page.save_template()
    target = tmp_path / "名单.xlsx"
    assert saved == [str(target)]
    headers = [c.value for c in next(openpyxl.load_workbook(target).active.iter_rows(max_row=1))]
    assert "学校代码" in headers and "学校名称" in headers
    chooser.saves.append(None)  # cancelled: nothing written, nothing said
    assert not page.save_template()


def test_the_roster_on_a_hidden_tab_measures_a_bounded_sample_of_its_schools(qtbot, world, chooser, monkeypatch):
    """Qt measures every row of a hidden view whose columns fit their contents unless the sample is bounded: a
    county's thousand schools were all measured on the window's first layout and after each import."""
    from desktop.gui.bureau.rostermodels import SchoolsModel
    from desktop.gui.common.tableviews import FIT_ROWS

    win = _win(qtbot, world, chooser)
    win.tabs.setCurrentIndex(TAB_OVERVIEW)
    page = win.roster
    asked: set[int] = set()
    data = SchoolsModel.data

    def counted(self, index, role=Qt.ItemDataRole.DisplayRole):
        asked.add(index.row())
        return data(self, index, role)
    monkeypatch.setattr(SchoolsModel, "data", counted)
    many = 3 * FIT_ROWS
    page.schools.load([{"code": f"S{i:04d}", "name": f"学校{i}", "type": "小学", "township": "", "enrolment": ""}
                       for i in range(many)])
    page.schools_view.horizontalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
    qtbot.wait(50)
    assert not page.isVisible() and asked and len(asked) <= FIT_ROWS
