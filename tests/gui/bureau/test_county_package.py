"""The bureau writes its county package for the city from the 汇总 page, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.gui.bureau.window import BureauWindow


def test_the_county_package_button_writes_a_signed_package(qtbot, world, chooser, tmp_path):
    db = open_db(world / "county.db")
    services.intake.merge_files(db, [world / "reports"])
    db.close()
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    ov = win.overview
    ov.reload()
    assert ov.county_button.isEnabled()
    target = tmp_path / "县区汇总包.xlsx"
    chooser.saves.append(target)
    chooser.confirm_answer = False  # without the evidence bytes
    with qtbot.waitSignal(ov.exported, timeout=60000):
        qtbot.mouseClick(ov.county_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ov.county_button.isEnabled())
    assert ("confirm", "是否附带佐证材料文件") in chooser.asked
    assert ov.county_button.text() == "县区汇总包…"
    city = tmp_path / "city.db"
    services.rollup.city_init(city, "某市")
    cdb = open_db(city)
    out = services.rollup.merge_files(cdb, [target])
    cdb.close()
    assert out[0].outcome == "accepted" and out[0].county == "示例县"
    win.close()


def test_the_file_menu_writes_the_county_package_with_the_same_dialog(qtbot, world, chooser, tmp_path):
    db = open_db(world / "county.db")
    services.intake.merge_files(db, [world / "reports"])
    db.close()
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    file_menu = win.menuBar().actions()[0].menu()
    [act] = [a for a in file_menu.actions() if a.objectName() == "countyPackageAction"]
    assert act.text() == "导出县区汇总包(&C)…"
    target = tmp_path / "菜单导出.xlsx"
    chooser.saves.append(target)
    chooser.confirm_answer = True  # with the evidence bytes this time
    with qtbot.waitSignal(win.overview.exported, timeout=60000):
        act.trigger()
    qtbot.waitUntil(lambda: win.overview.county_button.isEnabled())
    assert win.tabs.currentWidget() is win.overview
    assert ("confirm", "是否附带佐证材料文件") in chooser.asked
    assert services.files.verify_files([target])[0]["valid"]
    win.close()
