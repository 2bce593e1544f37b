"""The task tree model and its filter proxy, with QAbstractItemModelTester watching every change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core import services
from desktop.gui.school.taskmodel import (
    COL_DEADLINE,
    COL_STATUS,
    StatusRole,
    TaskFilterProxy,
    TaskIdRole,
    TaskTreeModel,
    display_label,
)

_NO_PARENT = QModelIndex()  # the default 'parent' of the model methods

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal


def visible_ids(proxy, parent=_NO_PARENT) -> list[str]:
    out = []
    for r in range(proxy.rowCount(parent)):
        idx = proxy.index(r, 0, parent)
        out.append(idx.data(TaskIdRole))
        out += visible_ids(proxy, idx)
    return out


@pytest.fixture
def models(qtbot, workspace):
    model = TaskTreeModel()
    t1 = QAbstractItemModelTester(model, FAIL)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    t2 = QAbstractItemModelTester(proxy, FAIL)
    model.set_board(services.reporting.task_board(workspace))
    yield model, proxy
    del t1, t2


def test_tree_follows_sections(models):
    model, _proxy = models
    assert model.rowCount() == 2  # 一, 二
    first = model.index(0, 0)
    assert first.data() == "一、加强党的建设"
    assert [model.index(r, 0, first).data(TaskIdRole) for r in range(model.rowCount(first))] == ["1.1", "1.2"]
    second = model.index(1, 0)
    assert model.rowCount(second) == 3
    assert model.index(0, 0, second).data() == "1.建设校园阅读角"
    # headings count done / applicable tasks (2.2 is for kindergartens: not counted for a 小学)
    assert model.index(1, COL_STATUS).data() == "0/2"


def test_overdue_deadline_is_red_and_flagged(models):
    model, _ = models
    idx = model.index_for("1.1", COL_DEADLINE)
    assert idx.data() == "2026-03"
    assert idx.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c5221f"


def test_update_row_refreshes_counts(models, workspace, qtbot):
    model, _ = models
    with qtbot.waitSignal(model.dataChanged):
        model.update_row(services.reporting.save_task(workspace, "2.1", status="已完成"))
    assert model.index(1, COL_STATUS).data() == "1/2"
    assert model.index_for("2.1").data(StatusRole) == "已完成"


def test_mine_only_hides_other_school_types(models):
    _, proxy = models
    assert "2.2" not in visible_ids(proxy)
    proxy.set_filters(mine_only=False)
    assert "2.2" in visible_ids(proxy)


def test_filters_by_status_overdue_text_and_evidence(models, workspace, png_file):
    model, proxy = models
    model.update_row(services.reporting.save_task(workspace, "1.2", status="已完成"))
    model.update_row(services.reporting.save_task(workspace, "2.3", status="不适用", na_reason="本校无此条件"))
    proxy.set_filters(statuses=["已完成"])
    assert visible_ids(proxy) == ["1", "1.2"]
    proxy.set_filters(statuses=["不适用"])
    assert visible_ids(proxy) == ["2", "2.3"]
    proxy.set_filters(statuses=None, overdue=True)
    assert visible_ids(proxy) == ["1", "1.1"]
    proxy.set_filters(overdue=False, missing_evidence=True)
    assert visible_ids(proxy) == ["1", "1.2"]
    model.update_row(services.reporting.attach_evidence(workspace, "1.2", png_file))
    proxy.refilter_row()
    assert visible_ids(proxy) == []
    proxy.set_filters(missing_evidence=False, text="阅读角")
    assert visible_ids(proxy) == ["2", "2.1"]
    proxy.set_filters(text="教育股 课后")  # every word must match somewhere (units included)
    assert visible_ids(proxy) == ["2", "2.3"]
    proxy.set_filters(text="")
    assert not proxy.is_filtered()


def test_edited_task_stays_visible_until_refiltered(models, workspace):
    model, proxy = models
    proxy.set_filters(statuses=["未开始"])
    assert "1.2" in visible_ids(proxy)
    model.update_row(services.reporting.save_task(workspace, "1.2", status="进行中"))
    assert "1.2" in visible_ids(proxy)  # not yanked away while being edited
    proxy.refilter_row()
    assert "1.2" not in visible_ids(proxy)


def test_display_label():
    assert display_label("一") == "一、"
    assert display_label("3") == "3."
    assert display_label("（二）") == "（二）"
    assert display_label("1.") == "1."
    assert display_label("①") == "①"
