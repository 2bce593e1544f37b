"""Task tables: header detection and rows to plan lines."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.planreader import parse_plan_text
from desktop.core.planreader.parser import parse_lines
from desktop.core.planreader.tables import cell_text, find_header, task_table_lines


@pytest.mark.parametrize(
    "row, kinds",
    [
        (["序号", "工作任务", "责任单位", "完成时限"], {"number": [0], "task": [1], "units": [2], "deadline": [3]}),
        (["编号", "重点工作", "具体内容", "牵头单位", "配合单位", "完成时间"],
         {"number": [0], "group": [1], "task": [2], "units": [3], "support": [4], "deadline": [5]}),
        (["序 号", "任 务", "责任科室", "时间节点", "责任人"], {"number": [0], "task": [1], "units": [2], "deadline": [3]}),
        (["类别", "主要任务", "具体措施", "承办单位"], {"group": [0, 1], "task": [2], "units": [3]}),
    ],
)
def test_find_header(row, kinds):
    found = find_header([["示例县重点任务清单"], row, ["1", "x", "y", "z"]])
    assert found is not None
    index, got = found
    assert index == 1 and got == kinds


def test_no_header():
    assert find_header([["姓名", "电话"], ["张三", "1"]]) is None
    assert task_table_lines([["姓名", "电话"]]) is None


@pytest.mark.parametrize(
    "value, text",
    [(None, ""), (3.0, "3"), (2.5, "2.5"), (dt.datetime(2026, 6, 30), "2026年6月"), (dt.date(2026, 1, 1), "2026年1月"),
     ("  基教股 ", "基教股")],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_rows_become_the_same_tasks_as_text():
    rows = [
        ["序号", "工作任务", "责任单位", "完成时限"],
        ["一", "加强党的建设", "", ""],
        ["1", "完善制度。一是修订规则，二是建立台账。", "党建办、各中小学", "2026年6月"],
        ["2", "开展培训。", "人事股", "年底前"],
        ["二", "提升质量", "", ""],
        ["3", "深化课改。", "教研室", "9月"],
    ]
    from_table = parse_lines(task_table_lines(rows), year=2026)
    from_text = parse_plan_text(
        "一、加强党的建设\n1.完善制度。修订规则。\n责任单位：党建办、各中小学\n完成时限：2026年6月\n"
        "2.开展培训。\n责任单位：人事股\n完成时限：年底前\n二、提升质量\n3.深化课改。\n责任单位：教研室\n完成时限：9月",
        year=2026)
    key = lambda r: [(t["path"], t["title"], t["units"], t["deadline"]) for t in r["tasks"]]  # noqa: E731
    assert key(from_table) == key(from_text)
    # a table row is atomic: its inline 一是/二是 are not split into subtasks
    assert len(from_table["tasks"]) == 3


def test_rows_without_numbers_are_numbered_by_position():
    rows = [["工作任务", "责任单位"], ["完善制度。", "党建办"], ["开展培训。", "人事股"]]
    result = parse_lines(task_table_lines(rows))
    assert [t["path"] for t in result["tasks"]] == [["1"], ["2"]]


def test_tab_separated_table_in_plain_text():
    text = ("示例县2026年重点任务清单\n序号\t工作任务\t责任单位\t完成时限\n"
            "1\t完善制度。修订规则。\t党建办、各中小学\t2026年6月\n"
            "2\t开展培训。全年不少于3次。\t人事股\t年底前\n"
            "附：请各单位按时报送进展。")
    result = parse_plan_text(text)
    assert result["title"] == "示例县2026年重点任务清单"
    assert [(t["path"], t["units"], t["deadline"]) for t in result["tasks"]] == [
        (["1"], ["党建办", "各中小学"], "2026-06"), (["2"], ["人事股"], "2026-12")]


def test_text_with_a_few_tabs_is_not_a_table():
    text = "一、加强管理\n1.完善制度。\t修订规则。\n2.开展培训。\t\t每月一次。"
    assert [t["path"] for t in parse_plan_text(text)["tasks"]] == [["一", "1"], ["一", "2"]]


def test_a_task_name_column_filled_on_every_row_gives_the_titles():
    rows = [
        ["序号", "工作任务", "具体措施", "责任单位", "完成时间"],
        ["1", "推进学前教育普惠发展", "新建城西幼儿园，新增学位540个。", "计财股", "2024年8月"],
        ["2", "加强教师培训", "组织全员培训。", "人事股", "第三季度"],
    ]
    result = parse_lines(task_table_lines(rows), year=2024)
    assert [(t["path"], t["title"]) for t in result["tasks"]] == [(["1"], "推进学前教育普惠发展"), (["2"], "加强教师培训")]
    assert result["tasks"][0]["text"].startswith("推进学前教育普惠发展。新建城西幼儿园")


def test_a_task_name_spanning_rows_is_a_group():
    rows = [
        ["序号", "工作任务", "具体措施", "责任单位", "完成时间"],
        ["1", "推进学前教育普惠发展", "新建城西幼儿园。", "计财股", "2024年8月"],
        ["2", "推进学前教育普惠发展", "开展办园行为督导评估。", "督导室", "2024年11月"],
        ["3", "加强教师培训", "组织全员培训。", "人事股", "第三季度"],
    ]
    result = parse_lines(task_table_lines(rows), year=2024)
    assert [t["path"] for t in result["tasks"]] == [["一", "1"], ["一", "2"], ["二", "3"]]
    assert [h["title"] for h in result["headings"]] == ["推进学前教育普惠发展", "加强教师培训"]


def test_a_space_pasted_table_that_dropped_its_empty_cells():
    """A web copy drops empty cells: each remaining piece goes to the next column that takes it."""
    text = ("示例县教育局2026年重点工作事项\n序号 工作事项 牵头科室 配合科室 完成时限 备注\n"
            "1 召开全面从严治党工作会议 办公室 组织人事股 3月\n2 开展党员教育培训 组织人事股 6月 含新任职干部\n")
    got = [(t["title"], t["units"], t["deadline"]) for t in parse_plan_text(text)["tasks"]]
    assert got == [("召开全面从严治党工作会议", ["办公室", "组织人事股"], "2026-03"),
                   ("开展党员教育培训", ["组织人事股"], "2026-06")]


def test_a_tab_table_with_section_lines_and_its_header_repeated():
    head = "序号\t项目\t牵头单位\t完成时限\n"
    text = ("示例县2026年重点项目表\n" + head + "一、学前教育\n1\t新建幼儿园\t县教育局\t2026年8月\n"
            + head + "二、义务教育\n2\t改造运动场\t体卫艺股\t2026年10月\n")
    got = [(t["path"], t["units"], t["deadline"]) for t in parse_plan_text(text)["tasks"]]
    assert got == [(["一", "1"], ["县教育局"], "2026-08"), (["二", "2"], ["体卫艺股"], "2026-10")]


def test_a_lead_unit_merged_over_rows_and_written_once_in_a_text_copy():
    text = ("示例县教育局2026年重点工作事项\n序号\t工作事项\t牵头单位\t时间节点\n（一）教育质量\n"
            "1\t组织教学开放周\t基础教育股\t2026年4月\n2\t开展学业质量抽测\t\t2026年6月\n"
            "（二）办学条件\n3\t配备实验室设备\t装备中心\t2026年9月\n4\t更新教学设备\t\t2026年11月\n")
    got = [(t["title"], t["units"]) for t in parse_plan_text(text)["tasks"]]
    assert got == [("组织教学开放周", ["基础教育股"]), ("开展学业质量抽测", ["基础教育股"]),
                   ("配备实验室设备", ["装备中心"]), ("更新教学设备", ["装备中心"])]


def test_a_tab_table_with_blank_lines_between_its_rows_and_header_rows():
    text = ("示例县2026年重点项目表\n\n序号\t项目\t责任单位\t\t完成时限\n\n\t\t牵头单位\t配合单位\t\n\n"
            "1\t新建幼儿园\t县教育局\t县住建局\t2026年8月\n\n2\t改造运动场\t体卫艺股\t\t2026年10月\n")
    got = [(t["units"], t["deadline"]) for t in parse_plan_text(text)["tasks"]]
    assert got == [(["县教育局", "县住建局"], "2026-08"), (["体卫艺股"], "2026-10")]


def test_a_flattened_table_with_an_unusual_header_and_glued_units():
    """"重点任务" is no example header word; lead and supporting units are glued; a date's month is
    no row number."""
    text = ("清溪县2026年重点任务分解表序号重点任务牵头单位配合单位完成时限1开展校园安全隐患排查整治县教育局县公安局"
            "2026年6月2新增公办学位2000个县教育局县发改委2026年8月3推进职教中心实训基地建设县人社局县教育局2026年11月\n")
    got = [(t["path"], t["units"], t["deadline"]) for t in parse_plan_text(text)["tasks"]]
    assert got == [(["1"], ["县教育局", "县公安局"], "2026-06"), (["2"], ["县教育局", "县发改委"], "2026-08"),
                   (["3"], ["县人社局", "县教育局"], "2026-11")]


def test_a_space_pasted_table_with_a_name_column_and_section_rows():
    text = ("示例县2026年教育重点项目\n序号 项目名称 建设内容 牵头单位 责任单位 完成时限 进展情况\n一、学前教育\n"
            "1 城南幼儿园 新建幼儿园1所，新增学位270个 县教育局 城南街道办事处 2026年8月 已开工\n"
            "2 乡镇幼儿园改造 改造幼儿园5所 县教育局 各乡镇人民政府 2026年10月 未开工\n"
            "二、义务教育\n3 城东学校 新建九年一贯制学校1所 县教育局 县住建局 2026年12月 前期\n")
    got = [(t["path"], t["title"]) for t in parse_plan_text(text)["tasks"]]
    assert got == [(["一", "1"], "城南幼儿园"), (["一", "2"], "乡镇幼儿园改造"), (["二", "3"], "城东学校")]
