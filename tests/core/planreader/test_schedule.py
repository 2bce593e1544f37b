"""Plans laid out by month or by week: each item is a task due at its period's end (invented
plans in the style of school term calendars, as text, as a Word table and as a worksheet)."""

from __future__ import annotations

import pytest

from desktop.core.planreader import parse_plan_file, parse_plan_text
from desktop.core.planreader.charfold import fold
from desktop.core.planreader.schedule import period_at, term_start


def _tasks(text: str) -> list[tuple]:
    return [(t["path"], t["title"], t["deadline"]) for t in parse_plan_text(text)["tasks"]]


BY_MONTH = """城南小学2025年春季学期工作安排
为扎实推进本学期各项工作，结合学校实际，现将每月主要工作安排如下。
二月：
做好开学准备工作，开展校园安全隐患大排查。
召开全体教师会议，部署新学期工作。
三月：
1.开展学雷锋志愿服务活动。
2.组织教师参加县级优质课评比，每个学科推荐1节。
4月份：组织清明节祭扫活动；召开春季田径运动会；开展“世界读书日”系列活动。
五月
1.开展劳动教育实践周活动。
2.组织期中教学质量检测。
六月：
做好期末复习与考试工作。
各处室要按照安排抓好落实，确保各项工作落到实处。
"""


def test_items_under_months_are_tasks_due_at_the_months_end():
    assert _tasks(BY_MONTH) == [
        (["二月", "1"], "做好开学准备工作，开展校园安全隐患大排查", "2025-02"),
        (["二月", "2"], "召开全体教师会议，部署新学期工作", "2025-02"),
        (["三月", "1"], "开展学雷锋志愿服务活动", "2025-03"),
        (["三月", "2"], "组织教师参加县级优质课评比，每个学科推荐1节", "2025-03"),
        (["4月份", "1"], "组织清明节祭扫活动", "2025-04"),
        (["4月份", "2"], "召开春季田径运动会", "2025-04"),
        (["4月份", "3"], "开展“世界读书日”系列活动", "2025-04"),
        (["五月", "1"], "开展劳动教育实践周活动", "2025-05"),
        (["五月", "2"], "组织期中教学质量检测", "2025-05"),
        (["六月", "1"], "做好期末复习与考试工作", "2025-06"),
    ]


AUTUMN_MONTHS = """育才小学2025-2026学年度第一学期工作计划
一、工作目标
全面提高教育教学质量。
二、月工作安排
（一）九月份
1.做好开学工作，完成新生入学报到。
2.制定各学科教学计划。
（二）十月份
1.开展国庆节系列教育活动。
（三）十二月份
1.组织元旦文艺汇演。
（四）一月份
1.组织期末考试，做好学期总结。
"""


def test_numbered_month_headings_and_a_term_that_crosses_the_year():
    assert [(p, d) for p, _t, d in _tasks(AUTUMN_MONTHS)] == [
        (["二", "（一）", "1"], "2025-09"), (["二", "（一）", "2"], "2025-09"), (["二", "（二）", "1"], "2025-10"),
        (["二", "（三）", "1"], "2025-12"), (["二", "（四）", "1"], "2026-01")]


BY_WEEK = """东关中学2025年秋季学期德育工作行事历
一、指导思想
以立德树人为根本任务，扎实开展德育工作。
二、工作安排
第一周至第二周：
1.开展入学教育和行为规范训练。
2.召开新学期班主任工作会议。
第三周（9月15日—9月19日）：组织开展“中秋”主题班会；评选文明班级。
第5周：
开展国庆节爱国主义教育活动。
第17周：
做好寒假安全教育。
"""


def test_items_under_weeks_are_due_at_the_weeks_end():
    assert _tasks(BY_WEEK) == [
        (["二", "第一周至第二周", "1"], "开展入学教育和行为规范训练", "2025-09"),
        (["二", "第一周至第二周", "2"], "召开新学期班主任工作会议", "2025-09"),
        (["二", "第三周", "1"], "组织开展“中秋”主题班会", "2025-09"),
        (["二", "第三周", "2"], "评选文明班级", "2025-09"),
        (["二", "第5周", "1"], "开展国庆节爱国主义教育活动", "2025-10"),
        (["二", "第17周", "1"], "做好寒假安全教育", "2025-12"),
    ]


def test_a_plan_with_one_month_in_a_sentence_is_not_a_schedule():
    text = "示例县2025年教育工作要点\n一、推进学前教育\n1.新建幼儿园2所。\n完成时限：9月\n2.三月 召开学前教育工作会议。\n"
    assert [t["deadline"] for t in parse_plan_text(text)["tasks"]] == ["2025-09", None]


def test_periods_and_terms():
    assert period_at(fold("第3周：")) is not None and period_at(fold("三月上旬：")) is not None
    assert period_at(fold("第三项：")) is None and period_at(fold("十三月")) is None
    assert period_at(fold("3月召开运动会。")) is None
    assert term_start("2024—2025学年度第二学期", 2025).month == 2
    assert term_start("学校工作计划", 2025) is None


TABLE = [
    ["月份", "工作内容", "负责部门"],
    ["二月", "做好开学准备工作，开展校园安全隐患大排查。", "政教处"],
    ["", "召开全体教师会议，部署新学期工作。", "校长室"],
    ["三月", "开展学雷锋志愿服务活动。", "少先队"],
    ["", "组织教师参加县级优质课评比。", "教务处"],
    ["四月", "召开春季田径运动会。", "体育组"],
]
TABLE_TASKS = [
    (["一", "1"], "做好开学准备工作，开展校园安全隐患大排查", ["政教处"], "2025-02"),
    (["一", "2"], "召开全体教师会议，部署新学期工作", ["校长室"], "2025-02"),
    (["二", "3"], "开展学雷锋志愿服务活动", ["少先队"], "2025-03"),
    (["二", "4"], "组织教师参加县级优质课评比", ["教务处"], "2025-03"),
    (["三", "5"], "召开春季田径运动会", ["体育组"], "2025-04"),
]
TITLE = "城南小学2025年春季学期工作行事历"


def _table_tasks(path) -> list[tuple]:
    return [(t["path"], t["title"], t["units"], t["deadline"]) for t in parse_plan_file(path)["tasks"]]


def test_a_schedule_table_with_merged_month_cells_as_a_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([TITLE])
    ws.merge_cells("A1:C1")
    for row in TABLE:
        ws.append([c or None for c in row])
    ws.merge_cells("A3:A4")
    ws.merge_cells("A5:A6")
    path = tmp_path / "schedule.xlsx"
    wb.save(path)
    assert _table_tasks(path) == TABLE_TASKS


def test_a_schedule_table_with_merged_month_cells_as_a_word_table(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph(TITLE)
    table = doc.add_table(rows=len(TABLE), cols=3)
    for i, row in enumerate(TABLE):
        for j, cell in enumerate(row):
            if cell:
                table.cell(i, j).text = cell
    table.cell(1, 0).merge(table.cell(2, 0)).text = "二月"
    table.cell(3, 0).merge(table.cell(4, 0)).text = "三月"
    path = tmp_path / "schedule.docx"
    doc.save(str(path))
    assert _table_tasks(path) == TABLE_TASKS


def test_the_schedule_table_pasted_as_text():
    text = TITLE + "\n" + "\n".join("\t".join(r) for r in TABLE) + "\n"
    assert [(p, t, u, d) for p, t, u, d in
            [(x["path"], x["title"], x["units"], x["deadline"]) for x in parse_plan_text(text)["tasks"]]] == TABLE_TASKS


@pytest.mark.parametrize("text", [BY_MONTH, BY_WEEK], ids=["months", "weeks"])
def test_the_schedules_as_word_paragraphs(tmp_path, text):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    path = tmp_path / "schedule.docx"
    doc.save(str(path))
    assert [(t["path"], t["title"], t["deadline"]) for t in parse_plan_file(path)["tasks"]] == _tasks(text)


WEEK_TABLE = [
    ["周次", "工作内容", "责任部门"],
    ["第1周（9月1日—9月5日）", "召开开学工作会议。", "校长室"],
    ["第2周", "开展新生入学教育。", "政教处"],
    ["", "组织教师教学常规检查。", "教务处"],
    ["第5周", "举行国庆节主题活动。", "少先队"],
]


def test_a_week_table_as_a_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["实验中学2025年秋季学期工作行事历"])
    for row in WEEK_TABLE:
        ws.append([c or None for c in row])
    ws.merge_cells("A4:A5")
    path = tmp_path / "weeks.xlsx"
    wb.save(path)
    assert [(t["units"], t["deadline"]) for t in parse_plan_file(path)["tasks"]] == [
        (["校长室"], "2025-09"), (["政教处"], "2025-09"), (["教务处"], "2025-09"), (["少先队"], "2025-10")]


def test_weeks_flattened_onto_one_line_are_split():
    text = ("实验小学2026年春季学期政教处工作周历\n本学期各项工作由政教处负责组织实施。\n"
            "第一周：1)开学典礼；2)收缴寒假作业。第二周：1)召开班主任会议；2)检查教室卫生。\n")
    got = [(t["path"], t["units"], t["deadline"]) for t in parse_plan_text(text)["tasks"]]
    assert [p for p, _u, _d in got] == [["第一周", "1)"], ["第一周", "2)"], ["第二周", "1)"], ["第二周", "2)"]]
    assert {tuple(u) for _p, u, _d in got} == {("政教处",)}  # the sentence puts 政教处 in charge of all
    assert [d for _p, _u, d in got] == ["2026-02", "2026-02", "2026-03", "2026-03"]


def test_a_closing_sentence_names_the_lead_and_the_supporting_units_of_a_schedule():
    text = ("示例县2026年教育系统安全工作计划\n一月份：部署寒假安全工作。\n二月份：开展开学安全检查；组织安全教育第一课。\n"
            "以上工作由县教育局安全办牵头组织实施，各学校配合落实。\n")
    got = [(t["path"], t["units"], t["deadline"]) for t in parse_plan_text(text)["tasks"]]
    assert got == [(["一月份", "1"], ["县教育局安全办", "各学校"], "2026-01"),
                   (["二月份", "1"], ["县教育局安全办", "各学校"], "2026-02"),
                   (["二月份", "2"], ["县教育局安全办", "各学校"], "2026-02")]


def test_weeks_under_months_are_one_level_down():
    text = ("城关小学2026年秋季学期工作安排\n九月：\n第1周：开学典礼；新生入学教育。\n第2周：教师节表彰会。\n"
            "十月：\n第8周：期中考试。\n")
    got = [(t["path"], t["deadline"]) for t in parse_plan_text(text)["tasks"]]
    assert got == [(["九月", "第1周", "1"], "2026-09"), (["九月", "第1周", "2"], "2026-09"),
                   (["九月", "第2周", "1"], "2026-09"), (["十月", "第8周", "1"], "2026-10")]
