"""The plan review screen: source beside the tree, highlights, and every kind of fix, kept in the db."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from desktop.core.tasklist import store as task_store
from desktop.gui.bureau.window import BureauWindow
from desktop.paths import samples_dir


@pytest.fixture
def win(qtbot, world, chooser):
    w = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentIndex(1)
    return w


def _stored(win, task_id):
    return next((n for n in task_store.plan_tasks(win.db, win.review.plan_id) if n["task_id"] == task_id), None)


def _first_task(win):
    return next(n for n in task_store.plan_tasks(win.db, win.review.plan_id) if not n["is_heading"])


def test_source_and_tree_follow_each_other(win):
    page = win.review
    task = _first_task(win)
    page.select(task["task_id"])
    loc = page.located[task["task_id"]]
    kinds = {k for _, _, k in loc.spans}
    assert {"title", "units", "deadline"} <= kinds
    sels = page.source.extraSelections()
    assert len(sels) >= sum(len(x.spans) for x in page.located.values())
    # clicking in the source text selects the task written there
    other = [n for n in task_store.plan_tasks(win.db, page.plan_id) if not n["is_heading"]][5]
    cursor = page.source.textCursor()
    cursor.setPosition(page.located[other["task_id"]].spans[0][0] + 1)
    page.source.setTextCursor(cursor)
    assert page.current_id() == other["task_id"]
    assert page.editor.title_edit.text() == other["title"]


def test_field_edits_are_kept_and_bad_values_explained(win, qtbot):
    page, editor = win.review, win.review.editor
    task = _first_task(win)
    page.select(task["task_id"])
    editor.units_edit.setText("办公室、各幼儿园")
    editor.units_edit.editingFinished.emit()
    assert _stored(win, task["task_id"])["units"] == ["办公室", "各幼儿园"]
    editor.deadline_edit.setText("下个月")
    editor.deadline_edit.editingFinished.emit()
    assert "年-月" in editor.error.text() and _stored(win, task["task_id"])["deadline"] == task["deadline"]
    editor.type_boxes["幼儿园"].setChecked(True)
    assert "幼儿园" in _stored(win, task["task_id"])["applies_to"]
    editor.named_edit.setText("示例县第一中学")
    editor.named_edit.editingFinished.emit()
    assert _stored(win, task["task_id"])["applies_to"][-1] == "示例县第一中学"
    qtbot.mouseClick(editor.infer_button, Qt.MouseButton.LeftButton)
    assert _stored(win, task["task_id"])["applies_to"] == ["幼儿园"]
    assert editor.type_boxes["幼儿园"].isChecked() and not editor.type_boxes["小学"].isChecked()
    # typing in the text is saved after a pause
    editor.text_edit.setPlainText("新的具体内容。")
    qtbot.waitUntil(lambda: _stored(win, task["task_id"])["text"] == "新的具体内容。", timeout=3000)


def test_targets_added_filled_and_removed(win, qtbot):
    page, editor = win.review, win.review.editor
    task = _first_task(win)
    page.select(task["task_id"])
    n = len(task["targets"])
    qtbot.mouseClick(editor.add_target_button, Qt.MouseButton.LeftButton)
    assert editor.targets.rowCount() == n + 1
    assert editor.targets.setData(editor.targets.index(n, 0), "培训教师x人")
    assert editor.targets.setData(editor.targets.index(n, 1), "120")
    assert editor.targets.setData(editor.targets.index(n, 2), "人")
    added = _stored(win, task["task_id"])["targets"][-1]
    assert (added["text"], added["value"], added["unit"], added["placeholder"]) == ("培训教师x人", "120", "人", False)
    assert not editor.targets.setData(editor.targets.index(n, 1), "很多")
    assert "数字" in editor.error.text()
    editor.targets_view.selectRow(n)
    qtbot.mouseClick(editor.remove_target_button, Qt.MouseButton.LeftButton)
    assert len(_stored(win, task["task_id"])["targets"]) == n


def test_split_at_the_cursor_then_merge_back(win, qtbot):
    page, editor = win.review, win.review.editor
    task = _first_task(win)
    page.select(task["task_id"])
    at = task["text"].index("。") + 1
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(at)
    editor.text_edit.setTextCursor(cursor)
    qtbot.mouseClick(page.findChild(QToolButton, "splitButton"), Qt.MouseButton.LeftButton)
    new_id = page.current_id()
    assert new_id != task["task_id"], page.struct_error.text()
    assert _stored(win, task["task_id"])["text"] == task["text"][:at]
    assert _stored(win, new_id)["text"] == task["text"][at:].strip()
    assert page.model.index_of(new_id).isValid()
    page.select(task["task_id"])
    qtbot.mouseClick(page.findChild(QToolButton, "mergeButton"), Qt.MouseButton.LeftButton)
    assert _stored(win, new_id) is None
    assert _stored(win, task["task_id"])["text"] == task["text"]


def test_levels_kind_add_and_delete(win):
    page = win.review
    nodes = task_store.plan_tasks(win.db, page.plan_id)
    second_heading = next(n for n in nodes[1:] if n["is_heading"])
    page.select(second_heading["task_id"])
    page.actions["indent"].trigger()
    assert _stored(win, second_heading["task_id"])["parent_id"] == nodes[0]["task_id"]
    assert page.model.index_of(second_heading["task_id"]).parent() == page.model.index_of(nodes[0]["task_id"])
    page.actions["outdent"].trigger()
    assert _stored(win, second_heading["task_id"])["parent_id"] is None
    page.actions["outdent"].trigger()  # already at the top: explained, nothing changes
    assert "最高一级" in page.struct_error.text()
    task = _first_task(win)
    page.select(task["task_id"])
    page.actions["add"].trigger()
    new_id = page.current_id()
    assert _stored(win, new_id)["title"] == "新任务"
    page.actions["kind"].trigger()
    assert _stored(win, new_id)["is_heading"] and page.actions["kind"].text() == "设为任务"
    page.actions["delete"].trigger()
    assert _stored(win, new_id) is None
    assert ("confirm", "删除任务") in win.chooser.asked


def test_a_plan_without_its_source_text_can_have_it_attached(win, chooser):
    win.db.execute("UPDATE plans SET source_text = ''")
    page = win.review
    page.reload()
    assert not page.attach_button.isHidden() and not page.located
    chooser.files.append(str(samples_dir() / "sample_plan.txt"))
    page.attach_button.click()
    assert page.attach_button.isHidden() and page.located
    assert page.source.toPlainText().startswith("示例县")


def test_reimporting_the_plan_asks_first(win, chooser, qtbot):
    chooser.confirm_answer = False
    assert not win.import_plan(str(samples_dir() / "sample_plan.txt"))
    chooser.confirm_answer = True
    before = [n["task_id"] for n in task_store.plan_tasks(win.db, win.review.plan_id)]
    with qtbot.waitSignal(win.plan_imported, timeout=30000):
        assert win.import_plan(str(samples_dir() / "sample_plan.txt"))
    assert [n["task_id"] for n in task_store.plan_tasks(win.db, win.review.plan_id)] == before


def test_a_bad_plan_file_is_explained(win, qtbot, tmp_path):
    bad = tmp_path / "空白.txt"
    bad.write_text("\n\n", encoding="utf-8")
    assert win.import_plan(str(bad))
    qtbot.waitUntil(lambda: win.plan_worker is None, timeout=30000)
    boxes = [b for b in win.findChildren(QMessageBox) if b.objectName() == "errorBox"]
    assert boxes and "没有" in boxes[-1].text()
    assert win.import_plan_action.isEnabled()


def test_edits_in_a_focused_field_are_kept_when_the_window_closes(win, qtbot, world, chooser):
    """Issue 14: typing into a field and closing the window without leaving the field kept nothing."""
    page, editor = win.review, win.review.editor
    task = _first_task(win)
    page.select(task["task_id"])
    win.activateWindow()
    editor.title_edit.setFocus()
    editor.title_edit.selectAll()
    qtbot.keyClicks(editor.title_edit, "Renamed task")
    assert QApplication.focusWidget() is editor.title_edit
    win.close()
    w2 = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(w2)
    stored = next(n for n in task_store.plan_tasks(w2.db, w2.review.plan_id) if n["task_id"] == task["task_id"])
    assert stored["title"] == "Renamed task"


def test_an_open_targets_cell_is_kept_when_the_window_closes(win, qtbot, world, chooser):
    page, editor = win.review, win.review.editor
    task = next(n for n in task_store.plan_tasks(win.db, win.review.plan_id) if n["targets"])
    page.select(task["task_id"])
    win.activateWindow()
    index = editor.targets.index(0, 0)
    editor.targets_view.setFocus()
    editor.targets_view.setCurrentIndex(index)
    editor.targets_view.edit(index)
    cell = QApplication.focusWidget()
    assert cell is not None and editor.targets_view.isAncestorOf(cell)
    cell.setText("新的指标文字")
    win.close()
    w2 = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(w2)
    stored = next(n for n in task_store.plan_tasks(w2.db, w2.review.plan_id) if n["task_id"] == task["task_id"])
    assert stored["targets"][0]["text"] == "新的指标文字"


def test_a_long_value_shows_its_start(win):
    """A task with many units, in a field too narrow for them all, shows the first (the lead unit), not the last."""
    page, editor = win.review, win.review.editor
    task = _first_task(win)
    many = [f"第{n}责任单位" for n in range(1, 30)]
    page.select(task["task_id"])
    editor.units_edit.setText("、".join(many))
    editor.units_edit.editingFinished.emit()
    other = next(n for n in task_store.plan_tasks(win.db, page.plan_id) if not n["is_heading"] and n is not task
                 and n["task_id"] != task["task_id"])
    page.select(other["task_id"])
    page.select(task["task_id"])
    assert editor.units_edit.text().startswith("第1责任单位") and editor.units_edit.cursorPosition() == 0
