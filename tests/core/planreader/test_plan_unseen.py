"""Issue 19: the shapes plans take in documents the reader has never seen, one invented plan per
failure class (written for these tests in the style of real plans, never copied from one)."""

from __future__ import annotations

from desktop.core.plan import parse_plan_text


def _tasks(text: str, year: int | None = None) -> list[tuple]:
    return [(t["path"], t["units"], t["deadline"]) for t in parse_plan_text(text, year=year)["tasks"]]


# -- tables that arrive as text -------------------------------------------------------------
ONE_CELL_PER_LINE = """示例县教育局2025年重点工作任务分解表
发布时间：2025-03-02 信息来源：示例县教育局

序号

重点工作任务

牵头单位

协同配合单位

一、推进教育优质均衡

1

新建城北幼儿园，新增学位360个。

县教育局

县住建局、城关镇人民政府

二、全面加强社会保障

三、办好人民满意教育

7

推进中小学课后服务全覆盖。

县教育局

各中小学
"""

BAR_ROWS = """附件
示例县2024年民生实事进度表
类别 | 项目名称 | 2024年度任务目标 | 责任单位 | 分管县领导 | 1-6月完成情况 |
一、教育 | 3.改造薄弱学校 | 完成5所农村学校校舍改造。 | 县教育局 | 王某 | 已完成3所。 |
4.建设塑胶运动场 | 建成塑胶运动场4处。 | 县教育局、县体育中心 | 王某 | 完成基础施工。 |
发布机构: | 示例县教育局 | 成文日期: | 2024-07-08 |
"""

CELL_BAR_LINES = """序号 |
目标与任务 |
分 管 县领导 |
牵头单位 |
责任单位 |
12 |
落实义务教育学校课后服务，参与率达到95%以上。 |
李 某 |
县教育局 |
各中小学 |
13 |
推进县职教中心实训基地建设。 |
李 某 |
县教育局 |
县职教中心 |
"""


def test_a_table_with_one_cell_per_line_is_read_as_rows():
    got = _tasks(ONE_CELL_PER_LINE)
    assert got == [(["一", "1"], ["县教育局", "县住建局", "城关镇人民政府"], None),
                   (["三", "7"], ["县教育局", "各中小学"], None)]  # the empty 二、 row is no task


def test_a_table_with_bars_between_cells_keeps_its_merged_group_column():
    got = _tasks(BAR_ROWS)
    # the year named by the target column is the deadline; progress columns are not tasks
    assert got == [(["一", "3"], ["县教育局"], "2024-12"), (["一", "4"], ["县教育局", "县体育中心"], "2024-12")]
    texts = [t["text"] for t in parse_plan_text(BAR_ROWS)["tasks"]]
    assert not any("已完成" in t or "成文日期" in t for t in texts)


def test_cells_ending_in_bars_one_per_line():
    result = parse_plan_text(CELL_BAR_LINES, year=2025)
    assert [(t["path"], t["units"]) for t in result["tasks"]] == [
        (["12"], ["县教育局", "各中小学"]), (["13"], ["县教育局", "县职教中心"])]
    assert [(x["value"], x["unit"]) for x in result["tasks"][0]["targets"]] == [("95", "%")]


# -- a whole document on one long line ------------------------------------------------------
ONE_LINE = (
    "2025年春季学期实验小学工作计划根据县教育局的安排，本学期学校重点做好以下工作：一、抓实安全管理，守牢校园底线。"
    "安全是学校一切工作的前提，要利用班会、国旗下讲话等途径开展防溺水、防欺凌和交通安全教育，定期排查校舍和周边隐患，"
    "落实门卫登记和值班巡查制度，确保师生安全。二、加强德育工作，涵养良好习惯。(一)加强师德师风建设全体教师要严守职业"
    "规范，关爱每一名学生，杜绝体罚和变相体罚。(二)养成教育1、开展文明礼仪月活动(3月)由德育处和少先队大队部联合组织"
    "评比。2、做好学生一日常规检查，促进良好行为习惯养成。3、清明节祭扫烈士墓主题教育4、评选文明班级，由班级自荐、"
    "学校评议产生。三、深化课堂教学改革，提升教学质量。"
)


def test_a_flattened_document_splits_at_glued_markers():
    got = _tasks(ONE_LINE)
    assert [p for p, _u, _d in got] == [["一"], ["二", "(一)"], ["二", "(二)", "1"], ["二", "(二)", "2"],
                                        ["二", "(二)", "3"], ["二", "(二)", "4"], ["三"]]
    # 由……联合组织 names the units; the month in brackets after the item's words is its deadline
    assert got[2][1:] == (["德育处", "少先队大队部"], "2025-03")
