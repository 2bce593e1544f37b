"""Issue 19: the shapes plans take in documents the reader has never seen, one invented plan per
failure class (written for these tests in the style of real plans, never copied from one)."""

from __future__ import annotations

import pytest

from desktop.core.planreader import parse_plan_text


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


# -- a notice: preamble, document-level units and dates, decoy dates, mirror noise ----------
NOTICE = """关于对示例区教育局2025年度重点民生实事项目完成情况的公示
现将我局所承办的2025年重点民生实事项目完成情况予以公示。
一、省重点民生实事项目
1.校园安防提升项目。项目任务数为新增视频监控点位120个，实际完成126个。
2.学生饮用水改造项目。全年完成16所农村学校饮水设备更新。
二、区重点民生实事项目
区重点民生实事项目实施3所学校食堂改造工程。公示时间为2025年12月11日至12月17日。
联系电话：0000-1234567。
示例区教育局
2025年12月10日
"""

NOISY = """示例市教育體育局2024年重點(diǎn)民生實(shí)事項(xiàng)目完成情況公示
現(xiàn)將教育體育局2024年民生實(shí)事項(xiàng)目建設(shè)情況公示如下:
1、省實(shí)事工程:新建公辦幼兒園學(xué)位 600 個(gè)。
2、市民生實(shí)事工程:①改造鄉(xiāng)村小規(guī)模學(xué)校 12 所;②建成校園足球場(chǎng) 4 個(gè)。
至2024年12月底,教育體育局圓滿完成2024年民生實(shí)事工程建設(shè)任務(wù)。
"""


def test_a_notice_names_its_office_once_for_all_items_and_its_dates_are_not_deadlines():
    result = parse_plan_text(NOTICE)
    got = [(t["path"], t["units"], t["deadline"]) for t in result["tasks"]]
    assert got == [(["一", "1"], ["示例区教育局"], None), (["一", "2"], ["示例区教育局"], None),
                   (["二"], ["示例区教育局"], None)]
    # the planned number is a target, the achieved one is not
    assert [(x["value"], x["unit"]) for x in result["tasks"][0]["targets"]] == [("120", "个")]


def test_mirror_noise_and_a_closing_sentence_for_all_items():
    got = _tasks(NOISY)
    assert [p for p, _u, _d in got] == [["1"], ["2", "①"], ["2", "②"]]  # ① under a heading phrase: tasks
    assert all(u == ["教育體育局"] and d == "2024-12" for _p, u, d in got)
    assert "diǎn" not in parse_plan_text(NOISY)["title"]


# -- frequencies written in Chinese numerals ------------------------------------------------
FREQUENCIES = """实验中学体育工作实施措施
1.开齐开足体育课，初中每周三节体育课，保证学生每天校园体育活动时间不少于一小时。
2.每学期举办一次全校运动会，组建五个兴趣小组。
"""


def test_frequencies_and_thresholds_in_chinese_numerals_are_targets():
    tasks = parse_plan_text(FREQUENCIES)["tasks"]
    assert [(x["value"], x["unit"]) for x in tasks[0]["targets"]] == [("3", "节"), ("1", "小时")]
    assert [(x["value"], x["unit"]) for x in tasks[1]["targets"]] == [("1", "次")]  # 五个兴趣小组 names no target


# -- task tables a person reads at once: title row, two-row header, kind-named task column ----
TABLE = [
    ["示例县2025年教育民生实事任务清单", "", "", "", "", ""],
    ["序号", "民生实事", "责任单位", "", "完成时限", "1-6月进展"],
    ["", "", "牵头", "配合", "", ""],
    ["一、", "学前教育", "", "", "", ""],
    ["1", "新建城东幼儿园，新增学位270个。", "县教育局", "县住建局", "2025年8月", "主体完工"],
    ["序号", "民生实事", "责任单位", "", "完成时限", "1-6月进展"],
    ["2", "改造农村幼儿园户外活动场地12处。", "县教育局", "各乡镇人民政府", "2025年10月", "已开工"],
    ["二、", "义务教育", "", "", "", ""],
    ["3", "为全县义务教育学校配备心理健康教师。", "县教育局", "", "年底前", ""],
]
WANT = [(["一", "1"], ["县教育局", "县住建局"], "2025-08"), (["一", "2"], ["县教育局", "各乡镇人民政府"], "2025-10"),
        (["二", "3"], ["县教育局"], "2025-12")]


def _parsed(path) -> list[tuple]:
    from desktop.core.planreader import parse_plan_file

    result = parse_plan_file(path, year=2025)
    assert not any("开工" in t["text"] or "完工" in t["text"] for t in result["tasks"])  # progress is no task
    return [(t["path"], t["units"], t["deadline"]) for t in result["tasks"]]


def test_a_workbook_with_a_two_row_header_and_a_task_column_named_for_its_items(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in TABLE:
        ws.append(row)
    ws.merge_cells("A1:F1")
    path = tmp_path / "minsheng.xlsx"
    wb.save(path)
    assert _parsed(path) == WANT


def test_the_same_table_in_a_word_document(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(TABLE) - 1, cols=6)
    for i, row in enumerate(TABLE[1:]):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    document.add_paragraph("示例县教育局")
    path = tmp_path / "minsheng.docx"
    document.save(path)
    assert _parsed(path) == WANT


def test_the_same_table_pasted_as_text_with_tabs():
    text = "\n".join("\t".join(r) for r in TABLE[1:])
    assert _tasks(text, year=2025) == WANT


# -- a table of contents ---------------------------------------------------------------------
CONTENTS_LEADERS = """示例县教育局2025年工作要点
目  录
一、总体要求……………………………………1
二、重点任务……………………………………2
三、保障措施……………………………………5
一、总体要求
坚持立德树人根本任务，办好人民满意的教育。
二、重点任务
1.推进学前教育普惠发展。新建公办幼儿园2所。
责任单位：基础教育股
2.加强教师队伍建设。完成教师全员培训。
责任单位：人事股
三、保障措施
3.强化经费保障。落实教育经费“两个只增不减”。
责任单位：计财股
"""

COMPILATION_CONTENTS = """目录
1.
2.示例市教育局2025年工作要点3
3.示例县教育局2025年工作要点17
4.示例区教育局2025年工作要点26
一、提高教育质量
1.深化课堂教学改革
2.加强教研队伍建设
二、推进教育公平
3.改善农村学校办学条件
4.落实学生资助政策
"""


def test_a_table_of_contents_gives_no_tasks():
    assert _tasks(CONTENTS_LEADERS) == [
        (["二", "1"], ["基础教育股"], None), (["二", "2"], ["人事股"], None), (["三", "3"], ["计财股"], None)]
    assert [t["path"] for t in parse_plan_text(COMPILATION_CONTENTS)["tasks"]] == [
        ["一", "1"], ["一", "2"], ["二", "3"], ["二", "4"]]


def test_numbers_at_the_end_of_task_lines_are_not_page_numbers():
    text = "示例县2025年工作要点\n一、办学条件\n1.新建教学楼2\n2.改造运动场1\n3.购置课桌椅3\n"
    assert len(parse_plan_text(text)["tasks"]) == 3


# -- vertically merged cells in task tables ----------------------------------------------------
MERGED_TITLE = "示例县教育局2025年重点工作任务分解表"
MERGED_ROWS = [
    ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
    ["一、", "办好公平优质教育", "", "", ""],
    ["1", "新建城东幼儿园，新增学位270个。", "基础教育股", "计财股", "2025年8月"],
    ["2", "改造农村学校旱厕15所。", "", "", ""],  # units and deadline merged with the row above
    ["3", "开展义务教育质量监测。", "教研室", "", "2025年6月"],
    ["", "", "督导室", "", ""],  # task cell merged with the row above: one task, two lead units
    ["二、", "建设高素质教师队伍", "", "", ""],
    ["4", "组织全员培训，每位教师不少于72学时。", "人事股", "教师发展中心", "2025年12月"],
]
MERGED_TASKS = [
    (["一", "1"], ["基础教育股", "计财股"], "2025-08"),
    (["一", "2"], ["基础教育股", "计财股"], "2025-08"),
    (["一", "3"], ["教研室", "督导室"], "2025-06"),
    (["二", "4"], ["人事股", "教师发展中心"], "2025-12"),
]


def _file_tasks(path) -> list[tuple]:
    from desktop.core.planreader import parse_plan_file
    return [(t["path"], t["units"], t["deadline"]) for t in parse_plan_file(path)["tasks"]]


def test_merged_cells_in_a_workbook_give_their_value_to_every_row(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([MERGED_TITLE])
    ws.merge_cells("A1:E1")
    for row in MERGED_ROWS:
        ws.append([c or None for c in row])
    for rng in ("C4:C5", "D4:D5", "E4:E5", "A6:A7", "B6:B7", "E6:E7", "B3:E3", "B8:E8"):
        ws.merge_cells(rng)
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    assert _file_tasks(path) == MERGED_TASKS


def test_merged_cells_in_a_word_table_give_their_value_to_every_row(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph(MERGED_TITLE)
    table = doc.add_table(rows=len(MERGED_ROWS), cols=5)
    for i, row in enumerate(MERGED_ROWS):
        for j, cell in enumerate(row):
            if cell:
                table.cell(i, j).text = cell
    for col in (2, 3, 4):
        text = MERGED_ROWS[2][col]
        table.cell(2, col).merge(table.cell(3, col)).text = text
    table.cell(4, 0).merge(table.cell(5, 0)).text = "3"
    table.cell(4, 1).merge(table.cell(5, 1)).text = MERGED_ROWS[4][1]
    table.cell(4, 4).merge(table.cell(5, 4)).text = "2025年6月"
    path = tmp_path / "merged.docx"
    doc.save(str(path))
    assert _file_tasks(path) == MERGED_TASKS


# -- several inline 一是…二是… lists in one text ---------------------------------------------
TWO_LISTS = """示例县教育局召开2025年春季开学工作会议
3月1日，县教育局召开全县春季开学工作会议。
会上，分管副局长对开学工作作了安排：一是抓好校园安全排查；二是做好学生返校工作；三是加强食堂卫生管理。
局长在讲话中强调：一是提高政治站位，压实安全责任；二是加强督导检查，确保工作落实。
"""


def test_a_second_inline_list_in_a_new_paragraph_stands_beside_the_first():
    assert [(t["path"], t["title"]) for t in parse_plan_text(TWO_LISTS)["tasks"]] == [
        (["*1", "一是"], "抓好校园安全排查"), (["*1", "二是"], "做好学生返校工作"), (["*1", "三是"], "加强食堂卫生管理"),
        (["*2", "一是"], "提高政治站位"), (["*2", "二是"], "加强督导检查")]


# -- several unit columns, a year's-target column and a progress column ---------------------------
UNIT_COLUMNS = """示例县2025年教育民生实事任务分解表
序号\t实事项目\t年度目标\t牵头单位\t责任单位\t配合单位\t1-6月完成情况
1\t新建城北幼儿园\t新增学位360个\t县教育局\t城关镇政府\t县住建局\t已完成主体工程
2\t改造农村学校食堂\t完成10所学校食堂改造\t县教育局\t各乡镇中心校\t县财政局\t完成5所
"""


def test_lead_responsible_and_support_columns_a_target_column_and_progress_that_is_not_a_task(tmp_path):
    want = [(["1"], ["县教育局", "城关镇政府", "县住建局"], ["360"]), (["2"], ["县教育局", "各乡镇中心校", "县财政局"], ["10"])]
    parsed = parse_plan_text(UNIT_COLUMNS)
    assert [(t["path"], t["units"], [g["value"] for g in t["targets"]]) for t in parsed["tasks"]] == want
    assert not any("已完成" in t["text"] or "完成5所" in t["text"] for t in parsed["tasks"])
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    for line in UNIT_COLUMNS.splitlines():
        wb.active.append(line.split("\t"))
    path = tmp_path / "units.xlsx"
    wb.save(path)
    from desktop.core.planreader import parse_plan_file
    assert [(t["path"], t["units"], [g["value"] for g in t["targets"]])
            for t in parse_plan_file(path)["tasks"]] == want
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    lines = UNIT_COLUMNS.splitlines()
    doc.add_paragraph(lines[0])
    table = doc.add_table(rows=len(lines) - 1, cols=7)
    for i, line in enumerate(lines[1:]):
        for j, cell in enumerate(line.split("\t")):
            table.cell(i, j).text = cell
    path = tmp_path / "units.docx"
    doc.save(str(path))
    assert [(t["path"], t["units"], [g["value"] for g in t["targets"]])
            for t in parse_plan_file(path)["tasks"]] == want


# -- a table copied with spaces between its cells, or with no separator at all ---------------------
SPACED = """示例县教育局2025年重点工作任务清单
序号 工作任务 责任单位 完成时限
一、 办好公平优质教育
1 新建城东幼儿园，新增学位270个 基础教育股 2025年8月
2 改造农村学校旱厕15所 计财股 2025年10月
二、 建设高素质教师队伍
3 组织教师全员培训 每位教师不少于72学时 人事股 2025年12月
"""

GLUED = ("示例县教育局2025年重点工作任务清单序号工作任务责任单位完成时限1新建城东幼儿园，新增学位270个基础教育股"
         "2025年8月2改造农村学校旱厕15所计财股2025年10月3组织教师全员培训，每位教师不少于72学时。人事股年底前\n")


def test_a_table_with_spaces_between_cells():
    assert _tasks(SPACED) == [(["一", "1"], ["基础教育股"], "2025-08"), (["一", "2"], ["计财股"], "2025-10"),
                              (["二", "3"], ["人事股"], "2025-12")]
    assert parse_plan_text(SPACED)["tasks"][2]["title"] == "组织教师全员培训 每位教师不少于72学时"


def test_a_table_flattened_with_no_separator():
    parsed = parse_plan_text(GLUED)
    assert [(t["path"], t["title"], t["units"], t["deadline"]) for t in parsed["tasks"]] == [
        (["1"], "新建城东幼儿园，新增学位270个", ["基础教育股"], "2025-08"),
        (["2"], "改造农村学校旱厕15所", ["计财股"], "2025-10"),
        (["3"], "组织教师全员培训，每位教师不少于72学时", ["人事股"], "2025-12")]


# -- inline lists under unnumbered headings ----------------------------------------------------------
LISTS_UNDER_HEADINGS = """示例镇中心学校2025年安全工作计划
为切实加强学校安全工作，确保师生生命财产安全，特制定本计划。
安全教育
一是开展安全教育周活动；二是每月组织一次应急疏散演练；三是利用国旗下讲话开展安全宣传。
隐患排查
一是开学前开展校舍安全大排查；二是每周检查消防设施。
食品安全
一是落实校长陪餐制度；二是加强食堂从业人员健康管理。
"""


def test_inline_lists_under_unnumbered_headings_are_all_tasks():
    assert [t["path"] for t in parse_plan_text(LISTS_UNDER_HEADINGS)["tasks"]] == [
        ["安全教育", "一是"], ["安全教育", "二是"], ["安全教育", "三是"], ["隐患排查", "一是"], ["隐患排查", "二是"],
        ["食品安全", "一是"], ["食品安全", "二是"]]


NOTICE_YEAR_FIRST = """关于2025年示例县教育局重点民生实事项目完成情况的公示
为接受社会监督，现将我局承办的2025年重点民生实事项目完成情况公示如下：
一、新建城西幼儿园项目。新增学位360个，于2025年11月投入使用。
二、农村学校食堂改造项目。完成15所学校食堂改造。
公示时间：2025年12月20日至2025年12月26日。
附件：1.项目完成情况明细表
2.项目资金使用情况
示例县教育局
2025年12月19日
"""


def test_a_notice_whose_title_puts_the_year_before_the_office():
    assert _tasks(NOTICE_YEAR_FIRST) == [(["一"], ["示例县教育局"], "2025-11"), (["二"], ["示例县教育局"], None)]


# -- a document flattened onto one line: title glued to the first heading, fields glued --------------
FLAT_TITLE_GLUED = ("示例县教育局2025年工作要点一、全面加强党的建设1.强化理论武装。深入学习贯彻党的二十大精神，全年开展专题学习12次，推动理论学习走深走实。2.加强基层党建。推进党建品牌创建，打造示范党支部5个，持续提升基层党组织组织力。二、推动教育优质均衡发展3.扩大优质学前教育资源。新建公办幼儿园3所，新增学"
                    "位900个。责任单位：基础教育股完成时限：2025年8月4.推进义务教育优质均衡。完成2所学校改扩建工程，有序扩大城区学位供给。三、建设高素质教师队伍5.加强师德师风建设。开展师德专题教育，建立师德考核负面清单。6.实施教师素养提升工程。培训教师3000人次，评选骨干教师100名。")
FLAT_WITH_SUBITEMS = "示例县教育局2025年工作要点 一、全面加强党的建设 （一）强化理论武装。深入学习贯彻党的二十大精神。（二）加强基层党建。推进党建品牌创建。二、推动教育优质均衡发展 （三）扩大优质学前教育资源。新建公办幼儿园3所。①新建城北幼儿园；②改扩建实验幼儿园。（四）推进义务教育优质均衡。完成2所学校改扩建工程。"


def test_a_flattened_document_with_its_title_and_fields_glued():
    parsed = parse_plan_text(FLAT_TITLE_GLUED)
    assert parsed["title"] == "示例县教育局2025年工作要点"
    assert _tasks(FLAT_TITLE_GLUED) == [
        (["一", "1"], [], None), (["一", "2"], [], None), (["二", "3"], ["基础教育股"], "2025-08"),
        (["二", "4"], [], None), (["三", "5"], [], None), (["三", "6"], [], None)]


def test_a_flattened_document_with_numbering_run_on_and_circled_items():
    assert [p for p, _u, _d in _tasks(FLAT_WITH_SUBITEMS)] == [
        ["一", "（一）"], ["一", "（二）"], ["二", "（三）", "①"], ["二", "（三）", "②"], ["二", "（四）"]]


# -- a Traditional-character table: title row, two-row header repeated mid-table, section rows -------
TRAD_ROWS = [
    ["示例縣2025年教育重點工作任務分解表", "", "", "", "", "", ""],
    ["序號", "類別", "改革事項", "責任單位", "", "完成時限", "1-6月進展情況"],
    ["", "", "", "牽頭單位", "配合單位", "", ""],
    ["一、辦好人民滿意教育", "", "", "", "", "", ""],
    ["1", "學前教育", "新建城東幼兒園，新增學位270個。", "基礎教育股", "計財股", "2025年8月", "已開工"],
    ["2", "", "開展普惠性幼兒園認定。", "基礎教育股", "", "2025年10月", "推進中"],
    ["序號", "類別", "改革事項", "責任單位", "", "完成時限", "1-6月進展情況"],
    ["二、建設高素質教師隊伍", "", "", "", "", "", ""],
    ["3", "教師隊伍", "組織教師全員培訓，每位教師不少於72學時。", "人事股", "教師發展中心", "年底前", "完成40%"],
]
TRAD_TASKS = [
    (["一", "（一）", "1"], ["基礎教育股", "計財股"], "2025-08"),
    (["一", "（一）", "2"], ["基礎教育股"], "2025-10"),
    (["二", "（一）", "3"], ["人事股", "教師發展中心"], "2025-12"),
]


def test_a_traditional_table_with_a_title_row_a_two_row_header_and_section_rows(tmp_path):
    from desktop.core.planreader import parse_plan_file
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in TRAD_ROWS:
        ws.append([c or None for c in row])
    for rng in ("A1:G1", "D2:E2", "A2:A3", "B2:B3", "C2:C3", "F2:F3", "G2:G3", "A4:G4", "B5:B6", "A8:G8"):
        ws.merge_cells(rng)
    path = tmp_path / "trad.xlsx"
    wb.save(path)
    parsed = parse_plan_file(path)
    assert parsed["year"] == 2025
    assert [(t["path"], t["units"], t["deadline"]) for t in parsed["tasks"]] == TRAD_TASKS
    assert not any("進展" in t["text"] or "已開工" in t["text"] for t in parsed["tasks"])

    docx = pytest.importorskip("docx")
    doc = docx.Document()
    table = doc.add_table(rows=len(TRAD_ROWS), cols=7)
    for i, row in enumerate(TRAD_ROWS):
        for j, cell in enumerate(row):
            if cell:
                table.cell(i, j).text = cell
    for r in (0, 3, 7):
        table.cell(r, 0).merge(table.cell(r, 6)).text = TRAD_ROWS[r][0]
    table.cell(4, 1).merge(table.cell(5, 1)).text = "學前教育"
    path = tmp_path / "trad.docx"
    doc.save(str(path))
    assert [(t["path"], t["units"], t["deadline"]) for t in parse_plan_file(path)["tasks"]] == TRAD_TASKS

    text = "\n".join("\t".join(r) for r in TRAD_ROWS) + "\n"
    assert _tasks(text) == TRAD_TASKS


def test_a_workbook_without_a_number_column_whose_task_column_is_named_for_its_items(tmp_path):
    from desktop.core.planreader import parse_plan_file
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    for row in (["示例县2025年十件民生实事任务表"], ["民生实事", "建设规模", "主管部门", "计划完成时间"],
                ["新建城北幼儿园", "新增学位360个", "县教育局", "2025年8月"],
                ["改造农村学校食堂", "改造食堂10所", "县教育局", "2025年10月"]):
        wb.active.append(row)
    path = tmp_path / "plain.xlsx"
    wb.save(path)
    parsed = parse_plan_file(path)
    assert [(t["path"], t["title"], t["units"], t["deadline"], [g["value"] for g in t["targets"]])
            for t in parsed["tasks"]] == [
        (["1"], "新建城北幼儿园", ["县教育局"], "2025-08", ["360"]),
        (["2"], "改造农村学校食堂", ["县教育局"], "2025-10", ["10"])]


# -- a summary whose plan part is a few unnumbered paragraphs after an introducing sentence -----------
SUMMARY_LATE_PLAN = """示例县教育局2024年工作总结和2025年工作计划
2024年全县教育工作取得新成效。全县共有各级各类学校86所，在校学生5.2万人。
一、2024年工作总结
1.教育质量持续提升。高考本科上线率达68%。
2.办学条件不断改善。完成12所学校改造。
二、2025年工作计划
2025年，我们将重点做好以下工作：
加快教育项目建设。新建城东幼儿园，新增学位540个。
深化教育教学改革。推进“双减”工作落地见效。
加强教师队伍建设。招聘教师100名。
"""


def test_a_late_short_plan_part_in_paragraphs_without_its_introduction():
    parsed = parse_plan_text(SUMMARY_LATE_PLAN)
    assert parsed["kind"] == "summary+plan" and parsed["year"] == 2025
    assert [t["title"] for t in parsed["tasks"]] == ["加快教育项目建设", "深化教育教学改革", "加强教师队伍建设"]


def test_a_web_pages_furniture_is_not_in_the_tasks():
    text = ("示例县2025年教育工作要点\n来源：示例县教育局 发布时间：2025-03-02 浏览次数：356\n一、加强党的建设\n"
            "1.深化理论武装。全年开展专题学习12次。\n责任单位：办公室\n2.加强基层党组织建设。\n责任单位：人事股\n"
            "完成时限：2025年6月\n责任编辑：李明\n【打印本页】【关闭窗口】\n上一篇：示例县2024年教育工作总结\n")
    parsed = parse_plan_text(text)
    assert [(t["path"], t["units"], t["deadline"]) for t in parsed["tasks"]] == [
        (["一", "1"], ["办公室"], None), (["一", "2"], ["人事股"], "2025-06")]
    assert parsed["tasks"][-1]["text"] == "加强基层党组织建设。"
