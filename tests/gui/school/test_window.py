"""The school main window end to end: wizard → edit → evidence → restart → export → verify."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QMessageBox, QPushButton

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.records import entries
from desktop.gui.app import settle_layout
from desktop.gui.school.taskmodel import TaskIdRole
from desktop.gui.school.window import TAB_DASHBOARD, SchoolWindow

from .test_wizard import run_wizard


class Opened:
    def __init__(self):
        self.paths: list[Path] = []

    def __call__(self, path) -> bool:
        self.paths.append(Path(path))
        return True


def open_window(qtbot, db, **kwargs) -> SchoolWindow:
    win = SchoolWindow(str(db), **kwargs)
    qtbot.addWidget(win)
    settle_layout(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def close_window(win: SchoolWindow) -> None:
    win.close()


def stored(db_path, task_id: str, period: str | None = None) -> dict:
    db = open_db(db_path)
    try:
        ws_period = period or services.reporting.default_period(db)
        code = db.execute("SELECT school_code FROM identity").fetchone()[0]
        plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        return entries.get_entry(db, code, plan, ws_period, task_id)
    finally:
        db.close()


def test_whole_school_job(qtbot, plan_file, png_file, tmp_path, drop):
    # first run
    db = tmp_path / "school.db"
    run_wizard(qtbot, plan_file, db)
    opened = Opened()
    win = open_window(qtbot, db, opener=opened)
    detail = win.detail
    assert win.select_task("2.1")
    assert detail.task_id == "2.1"

    # status: saved at once; 已完成 moves progress to 100; warnings show in place
    detail.status_combo.setCurrentIndex(2)
    assert stored(db, "2.1")["status"] == "已完成"
    assert detail.progress_spin.value() == 100
    assert detail.warning_box.isVisible()
    assert "没有填写完成情况说明" in detail.warning_label.text()
    assert "没有上传佐证材料" in detail.warning_label.text()

    # text: saved after a short pause
    edit = detail.texts["narrative"]
    edit.setFocus()
    with qtbot.waitSignal(detail.saved, timeout=3000):
        edit.insertPlainText("建成阅读角3处，")
    with qtbot.waitSignal(detail.saved, timeout=3000):
        edit.insertPlainText("配备图书2000册。")
    assert stored(db, "2.1")["narrative"] == "建成阅读角3处，配备图书2000册。"
    assert "完成情况说明" not in detail.warning_label.text()

    # undo in the text box is undone in the database too
    with qtbot.waitSignal(detail.saved, timeout=3000):
        qtbot.keySequence(edit, QKeySequence.StandardKey.Undo)
    assert edit.toPlainText() != "建成阅读角3处，配备图书2000册。"
    assert stored(db, "2.1")["narrative"] == edit.toPlainText()
    with qtbot.waitSignal(detail.saved, timeout=3000):
        qtbot.keySequence(edit, QKeySequence.StandardKey.Redo)
    assert stored(db, "2.1")["narrative"] == "建成阅读角3处，配备图书2000册。"

    # achieved value: validated number, below-target warning next to it
    target = detail.target_edits[1]
    qtbot.keyClicks(target, "5x5")  # the validator refuses the letter
    assert target.text() == "55"
    with qtbot.waitSignal(detail.saved, timeout=3000):
        target.editingFinished.emit()
    assert stored(db, "2.1")["indicators"] == [{"seq": 1, "value": "55"}]
    assert detail.target_notes[1].isVisible() and "低于目标" in detail.target_notes[1].text()

    # evidence: dropped onto the list, thumbnail, open a temp copy, and the warning goes away
    with qtbot.waitSignal(detail.saved, timeout=3000):
        drop(detail.evidence_view, [png_file])
    assert detail.evidence_model.rowCount() == 1
    assert detail.evidence_model.index(0).data() == "活动照片.png"
    assert "没有上传佐证材料" not in detail.warning_label.text()
    detail.evidence_view.setCurrentIndex(detail.evidence_model.index(0))
    qtbot.mouseClick(detail.open_button, Qt.MouseButton.LeftButton)
    assert opened.paths and opened.paths[0].read_bytes() == png_file.read_bytes()
    assert opened.paths[0].name.endswith("活动照片.png")

    # the tree shows it
    idx = win.model.index_for("2.1", 3)
    assert idx.data() == "1"
    close_window(win)

    # restart: a new window on the same file comes back on the same task with everything
    win2 = open_window(qtbot, db, opener=opened)
    assert win2.detail.task_id == "2.1"
    assert win2.tree.currentIndex().data(TaskIdRole) == "2.1"
    assert win2.detail.texts["narrative"].toPlainText() == "建成阅读角3处，配备图书2000册。"
    assert win2.detail.status_combo.currentData() == "已完成"
    assert win2.detail.target_edits[1].text() == "55"
    assert win2.detail.evidence_model.rowCount() == 1

    # export: warnings listed, confirmation needed, written off the GUI thread, verified
    dialog = win2.open_export()
    assert dialog.warnings.count() > 0 and dialog.errors.count() == 0
    out = tmp_path / "报送.xlsx"
    dialog.target.setText(str(out))
    assert not dialog.export_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    info = blocker.args[0]
    assert info["revision"] == 1 and len(info["package_code"]) == 8
    assert dialog.stack.currentIndex() == 1
    assert dialog.done_code.text() == info["package_code"]
    assert dialog.done_fingerprint.text().replace("\n", " ") == info["fingerprint_groups"]
    result = services.files.verify_files([out])[0]
    assert result["valid"], result["reason"]
    assert result["school"] == "SLX001" and result["revision"] == 1
    cli = subprocess.run([sys.executable, "-m", "desktop", "verify", str(out)], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stdout + cli.stderr  # `taizhang verify` accepts the file
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    # re-export is revision 2
    dialog = win2.open_export()
    assert "第 2 次报送" in dialog.summary.text()
    dialog.confirm.setChecked(True)
    dialog.target.setText(str(tmp_path / "报送2.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        dialog.start_export()
    assert blocker.args[0]["revision"] == 2
    assert services.files.verify_files([tmp_path / "报送2.xlsx"])[0]["valid"]
    dialog.accept()
    assert "第 2 次" in win2.dashboard.exports_label.text()
    close_window(win2)


@pytest.fixture
def win(qtbot, school_db):
    w = open_window(qtbot, school_db, opener=Opened())
    yield w
    w.close()


def test_first_applicable_task_is_selected_on_a_fresh_database(win):
    assert win.detail.task_id == "1.1"
    assert win.count_label.text() == "显示 4 项任务（本校共 4 项）"


def test_overdue_deadline_in_red(win):
    win.select_task("1.1")
    assert "已超期" in win.detail.deadline_label.text()
    assert "#c5221f" in win.detail.deadline_label.styleSheet()
    win.select_task("1.2")
    assert "已超期" not in win.detail.deadline_label.text()


def test_not_applicable_needs_a_reason_and_blocks_export(qtbot, win, school_db):
    win.select_task("1.2")
    detail = win.detail
    assert not detail.na_reason.isVisible()
    detail.status_combo.setCurrentIndex(3)
    assert detail.na_reason.isVisible()
    assert "没有说明原因" in detail.warning_label.text()
    dialog = win.open_export()
    assert dialog.errors.count() == 1 and not dialog.export_button.isEnabled()
    item = dialog.errors.item(0)
    assert "加强师德师风建设" in item.text()
    with qtbot.waitSignal(dialog.go_to_task) as blocker:
        dialog.errors.itemActivated.emit(item)
    assert blocker.args == ["1.2"]
    qtbot.keyClicks(detail.na_reason, "no such grade")
    with qtbot.waitSignal(detail.saved, timeout=3000):
        pass
    assert stored(school_db, "1.2")["na_reason"] == "no such grade"
    assert not detail.warning_box.isVisible()


def test_choosing_a_status_does_not_move_the_fields(qtbot, win):
    """Issue 14: the warning banner (and the 不适用 reason row) appeared above the fields and moved them
    about 60 px under the cursor as a status was chosen."""
    win.show()
    win.select_task("1.2")
    detail = win.detail
    fields = [detail.status_combo, detail.texts["narrative"], detail.texts["problems"], detail.texts["next_steps"]]

    def ys():
        QApplication.processEvents()
        return [w.mapTo(detail.content, QPoint(0, 0)).y() for w in fields]

    assert not detail.warning_box.isVisible()
    qtbot.waitExposed(win)
    seen: list[list[int]] = []  # the panel as laid out once the shown window has its size (a loaded machine lags)

    def steady() -> bool:
        seen.append(ys())
        return len(seen) > 1 and seen[-1] == seen[-2]

    qtbot.waitUntil(steady, timeout=5000)
    before = seen[-1]
    detail.status_combo.setCurrentIndex(2)  # 已完成, with nothing written: warnings
    assert detail.warning_box.isVisible()
    assert ys() == before
    detail.status_combo.setCurrentIndex(3)  # 不适用: the reason field shows
    assert detail.na_reason.isVisible() and detail.warning_box.isVisible()
    assert ys() == before
    assert detail.warning_box.mapTo(detail.content, QPoint(0, 0)).y() > before[-1]


def test_filters_and_dashboard_cards(qtbot, win):
    win.select_task("1.2")
    win.detail.status_combo.setCurrentIndex(2)
    assert win.dashboard.cards["已完成"].number.text() == "1"
    assert win.dashboard.percent.text() == "25%"
    assert win.dashboard.cards["missing_evidence"].number.text() == "1"
    assert win.dashboard.cards["overdue"].number.text() == "1"
    win.tabs.setCurrentIndex(TAB_DASHBOARD)
    qtbot.mouseClick(win.dashboard.cards["overdue"], Qt.MouseButton.LeftButton)
    assert win.overdue_only.isChecked()
    assert win.count_label.text().startswith("显示 1 项")
    qtbot.mouseClick(win.dashboard.cards["已完成"], Qt.MouseButton.LeftButton)
    assert not win.overdue_only.isChecked()
    assert win.status_filter.currentData() == "已完成"
    assert win.count_label.text().startswith("显示 1 项")
    win.mine_only.setChecked(False)
    win.reset_filters()
    assert win.count_label.text().startswith("显示 5 项")
    qtbot.keyClicks(win.search, "x")  # nothing matches
    assert win.count_label.text().startswith("显示 0 项")


def test_select_task_of_another_school_type_turns_off_mine_only(win):
    assert win.mine_only.isChecked()
    assert win.select_task("2.2")
    assert not win.mine_only.isChecked() and win.detail.task_id == "2.2"


def test_keyboard_moves_through_the_tree(qtbot, win):
    win.tree.setFocus()
    start = win.detail.task_id
    qtbot.keyClick(win.tree, Qt.Key.Key_Down)
    assert win.detail.task_id != start
    qtbot.keyClick(win.tree, Qt.Key.Key_Up)
    assert win.detail.task_id == start


def test_remove_evidence_asks_first(qtbot, win, png_file):
    detail = win.detail
    with qtbot.waitSignal(detail.saved):
        assert detail.attach_files([str(png_file)])
        assert detail.busy and not detail.add_button.isEnabled() and not detail.work_group.isEnabled()
    qtbot.waitUntil(lambda: not detail.busy)
    assert detail.work_group.isEnabled() and detail.evidence_busy.isHidden()
    detail.evidence_view.setCurrentIndex(detail.evidence_model.index(0))
    qtbot.mouseClick(detail.remove_button, Qt.MouseButton.LeftButton)
    box = detail.findChild(QMessageBox, "confirmRemove")
    assert box is not None and box.isVisible()
    assert detail.evidence_model.rowCount() == 1
    with qtbot.waitSignal(detail.saved):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert detail.evidence_model.rowCount() == 0
    assert services.reporting.task_evidence(win.ws, "1.1") == []


def test_bad_evidence_file_is_reported_not_crashing(qtbot, win, tmp_path):
    assert win.detail.attach_files([str(tmp_path / "missing.png")])
    qtbot.waitUntil(lambda: not win.detail.busy)
    assert win.detail.save_error.isVisible()


def test_empty_and_repeated_evidence_files_are_refused_saying_why(qtbot, win, tmp_path, png_file):
    """Issue 14: a 0-byte file was accepted, and the same file attached twice was silently ignored."""
    empty = tmp_path / "空白.pdf"
    empty.write_bytes(b"")
    assert win.detail.attach_files([str(png_file)])
    qtbot.waitUntil(lambda: not win.detail.busy)
    assert not win.detail.save_error.isVisible()
    assert win.detail.attach_files([str(empty), str(png_file)])
    qtbot.waitUntil(lambda: not win.detail.busy)
    text = win.detail.save_error.text()
    assert win.detail.save_error.isVisible()
    assert "空白.pdf" in text and "0 字节" in text
    assert png_file.name in text and "已经添加" in text
    assert win.detail.evidence_model.rowCount() == 1


def test_evidence_added_to_a_task_left_meanwhile_lands_on_that_task(qtbot, win, png_file):
    """The op keeps the task it was started for: switching tasks while it runs refreshes the right row."""
    win.select_task("1.1")
    rows: list[dict] = []
    win.detail.saved.connect(rows.append)
    assert win.detail.attach_files([str(png_file)])
    win.select_task("1.2")
    qtbot.waitUntil(lambda: not win.detail.busy)
    assert [r["task_id"] for r in rows] == ["1.1"] and rows[0]["evidence"] == 1
    assert win.detail.task_id == "1.2" and win.detail.evidence_model.rowCount() == 0
    assert len(services.reporting.task_evidence(win.ws, "1.1")) == 1
    assert services.reporting.task_evidence(win.ws, "1.2") == []


def test_switching_tasks_saves_pending_text_at_once(qtbot, win, school_db):
    win.select_task("1.1")
    win.detail.texts["problems"].insertPlainText("缺少场地")
    assert win.detail.pending()
    win.select_task("1.2")  # before the debounce timer fired
    assert stored(school_db, "1.1")["problems"] == "缺少场地"


def test_period_switch_keeps_entries_apart(qtbot, win, school_db):
    win.select_task("1.2")
    win.detail.status_combo.setCurrentIndex(1)
    first = win.ws.period
    other = next(win.period_combo.itemData(i) for i in range(win.period_combo.count())
                 if win.period_combo.itemData(i) != first)
    win.period_combo.setCurrentIndex(win.period_combo.findData(other))
    assert win.ws.period == other and win.detail.task_id == "1.2"
    assert win.detail.status_combo.currentData() == "未开始"
    assert stored(school_db, "1.2", first)["status"] == "进行中"


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_labels_are_not_truncated(qtbot, win, size):
    win.resize(*size)
    win.select_task("2.1")
    QApplication.processEvents()
    for tab in (0, 1):
        win.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        cut = []
        for w in win.findChildren(QLabel) + win.findChildren(QPushButton) + win.findChildren(QCheckBox):
            if not w.isVisible() or not w.text():
                continue
            if isinstance(w, QLabel) and w.wordWrap():
                # a wrapped label must be given the height its lines need, or they are drawn over what follows
                if w.height() < w.heightForWidth(w.width()) - 1:
                    cut.append((w.text(), w.height(), w.heightForWidth(w.width())))
            elif w.width() < w.minimumSizeHint().width() - 1:
                cut.append((w.text(), w.width(), w.minimumSizeHint().width()))
        assert cut == []
    assert win.width() <= size[0]


def test_tree_model_passes_tester_inside_the_window(win):
    from PySide6.QtTest import QAbstractItemModelTester

    t = QAbstractItemModelTester(win.proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    win.search.setText("阅读")
    win.search.clear()
    win.reload()
    del t
    assert win.proxy.rowCount(QModelIndex()) == 2
