"""The city window: import county packages off the GUI thread, approve a changed county key, counties ×
figures with a drill-down to a county's schools and a school's entries, and the city summary."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.gui import app as app_module
from desktop.gui.city.keydialog import KeyApprovalDialog
from desktop.gui.city.setup import CitySetupDialog
from desktop.gui.city.window import TAB_IMPORT, TAB_OVERVIEW, CityWindow
from desktop.gui.common.start import StartScreen
from tests.conftest import make_county, write_reports


def _import(qtbot, win, paths) -> list:
    with qtbot.waitSignal(win.importer.finished, timeout=60000) as blocker:
        assert win.importer.start_import(paths)
    qtbot.waitUntil(lambda: not win.importer.running)
    return blocker.args[0]


@pytest.fixture
def city_window(qtbot, rollup_world, chooser):
    win = CityWindow(str(rollup_world / "city.db"), chooser=chooser)
    qtbot.addWidget(win)
    yield win
    win.close()


def test_an_empty_city_opens_on_the_import_page(city_window):
    assert city_window.tabs.currentIndex() == TAB_IMPORT
    assert "还没有导入县区汇总包" in city_window.overview.headline.text()
    assert not city_window.overview.export_button.isEnabled()


def test_import_then_drill_down_from_counties_to_schools_to_entries(qtbot, city_window, rollup_world, drop, chooser,
                                                                    tmp_path):
    win = city_window
    with qtbot.waitSignal(win.importer.finished, timeout=60000) as blocker:
        drop(win.importer.drop_zone, [rollup_world / "甲县-1.xlsx", rollup_world / "乙县-1.xlsx"])
    qtbot.waitUntil(lambda: not win.importer.running)
    assert [o.outcome for o in blocker.args[0]] == ["accepted", "accepted"]
    assert win.importer.results.rowCount() == 2 and "已合并 2" in win.importer.summary.text()
    # a replay: duplicates, nothing new
    assert [o.outcome for o in _import(qtbot, win, [rollup_world / "甲县-1.xlsx"])] == ["duplicate"]
    ov = win.overview
    again = CityWindow(str(rollup_world / "city.db"), chooser=chooser)  # with counties: opens on the figures
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == TAB_OVERVIEW
    again.close()
    assert ov.counties.rowCount() == 2 and "2 个县区" in ov.headline.text()
    counties = [ov.counties.record(r)["county"] for r in range(2)]
    assert set(counties) == {"甲县", "乙县"}
    row = counties.index("甲县")
    ov.counties_view.selectRow(row)
    assert ov.schools.rowCount() == 3 and "未报送 1 所" in ov.schools_box.title()
    last = ov.schools.record(2)
    assert not last["reported"] and ov.schools.index(2, 3).data() == "未报送"
    ov.schools_view.selectRow(0)
    assert ov.entries.rowCount() == 6 and "第 1 次报送" in ov.entries_box.title()
    ov.schools_view.selectRow(2)
    assert ov.entries.rowCount() == 0 and "未报送" in ov.entries_box.title()
    # the city summary, written off the GUI thread
    chooser.saves.append(tmp_path / "市级汇总.xlsx")
    with qtbot.waitSignal(ov.exported, timeout=60000):
        qtbot.mouseClick(ov.export_button, qtbot_button())
    qtbot.waitUntil(lambda: ov.export_button.isEnabled())
    assert openpyxl.load_workbook(tmp_path / "市级汇总.xlsx").sheetnames == ["总体情况", "按县区", "按学校", "未报送学校", "疑似重复材料"]


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _approve_in_dialog(monkeypatch, seen: list, tick: bool = True):
    """The person reads the fingerprint in the dialog, ticks that it matched (or not) and clicks 批准."""
    def exec_(dialog):
        seen.append((dialog.request["fingerprint"], dialog.fingerprint.text(), dialog.approve_button.isEnabled()))
        if tick:
            dialog.checked.setChecked(True)
        dialog.approve_button.click()
        return dialog.result()

    monkeypatch.setattr(KeyApprovalDialog, "exec", exec_)


def test_a_changed_county_key_is_approved_by_fingerprint_in_the_window(qtbot, city_window, rollup_world, monkeypatch,
                                                                       tmp_path):
    win = city_window
    _import(qtbot, win, [rollup_world / "甲县-1.xlsx"])
    db_path, plan = make_county(tmp_path / "new", 2, n_tasks=6, county="甲县")
    db = open_db(db_path)
    services.intake.merge_files(db, write_reports(tmp_path / "new" / "r", plan, 2))
    services.rollup.county_export(db, tmp_path / "rekeyed.xlsx")
    db.close()
    out = _import(qtbot, win, [tmp_path / "rekeyed.xlsx"])
    assert out[0].code == "key_pending" and "等待" in win.importer.results.index(1, 5).data()
    assert win.importer.results.index(1, 1).data() == "待批准密钥"  # held, not turned down
    assert win.importer.keys.rowCount() == 1 and win.importer.keys.index(0, 1).data() == "密钥已更换"
    assert win.importer.approve_button.isEnabled() and win.importer.refuse_button.isEnabled()
    req = win.importer.keys.record(0)
    seen: list = []
    _approve_in_dialog(monkeypatch, seen)
    with qtbot.waitSignal(win.importer.approved, timeout=60000) as blocker:
        assert win.importer.approve_selected()
    qtbot.waitUntil(lambda: not win.importer.running)
    assert [o.outcome for o in blocker.args[0]] == ["accepted"]
    assert win.importer.results.index(1, 1).data() == "密钥已批准，已重新合并"
    fp, shown, enabled_before_tick = seen[0]
    assert fp == req["fingerprint"] and shown.split() == req["fingerprint_groups"].split()
    assert not enabled_before_tick  # never approved before the person ticked that every group matched
    assert win.importer.keys.rowCount() == 0
    row = [win.overview.counties.record(r)["county"] for r in range(win.overview.counties.rowCount())].index("甲县")
    assert win.overview.counties.record(row)["schools"] == 2


def test_a_first_county_key_is_confirmed_in_the_approval_dialog(qtbot, city_window, rollup_world, monkeypatch):
    win = city_window
    out = _import(qtbot, win, [rollup_world / "乙县-1.xlsx"])
    assert out[0].outcome == "accepted" and "县区密钥尚未核对" in win.importer.results.index(0, 5).data()
    assert win.importer.keys.index(0, 1).data() == "首次收到，未核对"
    assert not win.importer.refuse_button.isEnabled()  # the county's only key: nothing to refuse it for
    county_row = win.overview.counties.rowCount() - 1
    assert win.overview.counties.index(county_row, win.overview.counties.columnCount() - 1).data() == "未核对"
    seen: list = []
    _approve_in_dialog(monkeypatch, seen, tick=False)
    assert not win.importer.approve_selected()  # not ticked: nothing approved
    assert services.rollup.unconfirmed_counties(win.db) == {"乙县"}
    _approve_in_dialog(monkeypatch, seen)
    with qtbot.waitSignal(win.importer.approved, timeout=60000):
        assert win.importer.approve_selected()
    qtbot.waitUntil(lambda: not win.importer.running)
    assert services.rollup.unconfirmed_counties(win.db) == set() and win.importer.keys.rowCount() == 0
    assert win.overview.counties.index(0, win.overview.counties.columnCount() - 1).data() == "已核对"
    assert "已批准乙县的密钥" in win.importer.summary.text()
    assert win.importer.results.index(0, 1).data() == "已合并（密钥已核对）"  # the row stops asking for it
    reason = win.importer.results.index(0, 5).data()  # and its reason no longer says the key is unconfirmed
    assert reason.startswith("县区密钥已核对批准") and "尚未核对" not in reason and "not confirmed yet" not in reason


def test_cross_county_copies_are_flagged_in_the_results_and_the_school_entries(qtbot, chooser, tmp_path):
    from tests.core.rollup.test_copies import copied_packages

    packages, tasks = copied_packages(tmp_path)
    win = CityWindow(str(tmp_path / "city.db"), chooser=chooser)
    qtbot.addWidget(win)
    _import(qtbot, win, packages)
    imp = win.importer
    assert [imp.results.index(r, 1).data() for r in range(2)] == ["已合并（疑似重复材料）"] * 2
    assert "与 乙县 B00001" in imp.results.index(0, 5).data() and "疑似重复材料" in imp.summary.text()
    assert imp.results.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    ov = win.overview
    row = [ov.counties.record(r)["county"] for r in range(ov.counties.rowCount())].index("甲县")
    ov.counties_view.selectRow(row)
    school_row = [ov.schools.record(r)["code"] for r in range(ov.schools.rowCount())].index("B00000")
    ov.schools_view.selectRow(school_row)
    assert ov.schools.index(school_row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "疑似重复材料" in ov.schools.index(school_row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "2 项与其他县区学校的材料相同" in ov.entries_box.title()
    col = [ov.entries.headerData(c, Qt.Orientation.Horizontal) for c in range(ov.entries.columnCount())].index("疑似重复材料")
    cells = {ov.entries.index(r, 0).data(): ov.entries.index(r, col) for r in range(ov.entries.rowCount())}
    assert cells[tasks["甲县"][0]].data() == "同 乙县 B00001"
    assert cells[tasks["甲县"][0]].data(Qt.ItemDataRole.ToolTipRole) == "完成情况说明与 乙县 B00001 基准县第1学校 相同"
    assert cells[tasks["甲县"][1]].data(Qt.ItemDataRole.ToolTipRole) == "佐证材料“照片.jpg”与 乙县 B00001 基准县第1学校 相同"
    assert cells[tasks["甲县"][2]].data() == ""  # shared only inside 甲县: the county's flag, not the city's
    win.close()


def test_a_school_report_dropped_on_the_city_is_refused_with_a_reason(qtbot, city_window, rollup_world):
    report = sorted((rollup_world / "甲县" / "reports").glob("*.xlsx"))[0]
    out = _import(qtbot, city_window, [report])
    assert out[0].outcome == "rejected"
    assert city_window.importer.results.index(0, 1).data() == "拒收"
    assert "县区教育局导入" in city_window.importer.results.index(0, 5).data()


def test_start_screen_offers_the_city_and_a_city_database_opens_the_city_window(qtbot, rollup_world):
    controller = app_module.AppController()
    screen = controller.start()
    qtbot.addWidget(screen)
    assert isinstance(screen, StartScreen) and "我是市局" in screen.city_button.text()
    screen.close()
    controller = app_module.AppController(str(rollup_world / "city.db"))
    window = controller.start()
    assert isinstance(window, CityWindow) and "某市" in window.windowTitle()
    window.close()


def test_city_setup_creates_the_database_and_shows_the_fingerprint(qtbot, tmp_path, chooser):
    dialog = CitySetupDialog(chooser=chooser)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "city.db"))
    assert not dialog.create() and "市名称" in dialog.error.text()
    dialog.name_edit.setText("某市")
    assert dialog.create() and not dialog.create_button.isVisible()
    assert "公钥指纹" in dialog.done_text.text() and services.setup.database_role(tmp_path / "city.db") == "city"


def test_a_new_key_after_an_approved_first_key_still_waits_in_the_results(qtbot, city_window, rollup_world,
                                                                          monkeypatch, tmp_path):
    win = city_window
    _import(qtbot, win, [rollup_world / "甲县-1.xlsx"])
    _approve_in_dialog(monkeypatch, [])
    with qtbot.waitSignal(win.importer.approved, timeout=60000):
        assert win.importer.approve_selected()
    qtbot.waitUntil(lambda: not win.importer.running)
    db_path, plan = make_county(tmp_path / "new", 2, n_tasks=6, county="甲县")
    db = open_db(db_path)
    services.intake.merge_files(db, write_reports(tmp_path / "new" / "r", plan, 2))
    services.rollup.county_export(db, tmp_path / "rekeyed.xlsx")
    db.close()
    _import(qtbot, win, [tmp_path / "rekeyed.xlsx"])
    results = win.importer.results
    assert [results.index(r, 1).data() for r in range(2)] == ["已合并（密钥已核对）", "待批准密钥"]
