"""How lines become the outline: nesting, run-on numbers, inline lists, flattened lines."""

from __future__ import annotations

from desktop.core.planreader.charfold import fold
from desktop.core.planreader.outline import OutlineBuilder, _Open, parent_index


def build(text: str) -> OutlineBuilder:
    b = OutlineBuilder()
    for line in text.splitlines():
        b.feed(line, fold(line))
    return b


def tree(node, depth=0) -> list[str]:
    out = []
    for c in node.children:
        out.append("  " * depth + f"{c.label}|{c.head}")
        out.extend(tree(c, depth + 1))
    return out


def test_numbers_run_on_across_sections():
    b = build("一、甲\n1.a。x\n2.b。x\n二、乙\n3.c。x\n4.d。x")
    assert tree(b.root) == ["一|甲", "  1|a。x", "  2|b。x", "二|乙", "  3|c。x", "  4|d。x"]


def test_missing_levels_collapse():
    # 一、 then straight to 1. (no （一）), and a later （一） goes under 一 by rank
    b = build("一、甲\n1.a\n2.b\n（一）子\n1.c")
    assert tree(b.root) == ["一|甲", "  1|a", "  2|b", "  （一）|子", "    1|c"]


def test_parts_and_skipped_levels():
    b = build("第一部分 计划\n一、甲\n二、乙\n第二部分 重点\n（一）丙\n（二）丁")
    assert tree(b.root) == ["第一部分|计划", "  一|甲", "  二|乙", "第二部分|重点", "  （一）|丙", "  （二）|丁"]


def test_several_levels_on_one_line():
    b = build("一、加强党建（一）完善制度。1.建立台账。每月更新。2.规范流程。\n（二）强化监督")
    assert tree(b.root) == [
        "一|加强党建",
        "  （一）|完善制度。",
        "    1|建立台账。每月更新。",
        "    2|规范流程。",
        "  （二）|强化监督",
    ]


def test_inline_yishi_list_becomes_children():
    b = build("（二）提升教育质量。一是推进学前教育，扩大资源。二是推进义务教育。三是推进高中发展。")
    assert tree(b.root) == [
        "（二）|提升教育质量。",
        "  一是|推进学前教育，扩大资源。",
        "  二是|推进义务教育。",
        "  三是|推进高中发展。",
    ]


def test_a_lone_yishi_is_not_a_list():
    b = build("1.加强管理。这一是关键，一是要落实。")
    assert tree(b.root) == ["1|加强管理。这一是关键，一是要落实。"]


def test_numbers_inside_text_do_not_split():
    b = build("8.推进教育信息化2.0行动计划。投资10256万元，建成3所学校，落实1、2年级课程。")
    assert len(b.root.children) == 1 and not b.root.children[0].children


def test_colon_starts_a_nested_list():
    b = build("3.落实责任：\n1.签订责任书\n2.开展培训\n4.其他工作")
    assert tree(b.root) == ["3|落实责任：", "  1|签订责任书", "  2|开展培训", "4|其他工作"]


def test_label_alone_takes_the_next_line_as_heading():
    b = build("一、\n加强党的建设\n1.完善制度。")
    assert tree(b.root) == ["一|加强党的建设", "  1|完善制度。"]
    assert b.root.children[0].raw == "一、加强党的建设"


def test_preamble_and_body_paragraphs():
    b = build("标题\n前言段落。\n一、甲\n说明段落，介绍本部分。\n1.a。正文")
    assert [o for o, _ in b.preamble] == ["标题", "前言段落。"]
    section = b.root.children[0]
    assert [o for o, _ in section.paras] == ["说明段落，介绍本部分。"]


def test_field_lines_attach_to_the_open_task():
    b = build("1.完善制度。修订规则。\n责任单位：党办\n完成时间：2022年9月\n2.下一项。正文")
    first = b.root.children[0]
    assert [o for o, _ in first.field_lines] == ["责任单位：党办", "完成时间：2022年9月"]
    assert first.closed


def test_unnumbered_task_after_numbered_siblings():
    b = build("六、治理\n33.加大宣传力度。坚持走在前。\n严守安全底线。完善防控机制，强化管理。")
    assert tree(b.root) == ["六|治理", "  33|加大宣传力度。坚持走在前。", "  *|严守安全底线。完善防控机制，强化管理。"]


def test_continuation_paragraph_is_not_a_new_task():
    b = build("1.加大宣传力度。坚持走在前。\n同时，要完善考核机制，建立通报制度。")
    assert tree(b.root) == ["1|加大宣传力度。坚持走在前。"]
    assert len(b.root.children[0].paras) == 1


def test_heading_only_task_keeps_its_paragraphs():
    b = build("一、坚持党的领导\n强化基层党组织建设。统筹抓好党建工作。")
    assert tree(b.root) == ["一|坚持党的领导"]
    assert len(b.root.children[0].paras) == 1


def test_parent_index_prefers_the_predecessor_number():
    opened = [_Open("cn", 1, False), _Open("arabic", 3, True), _Open("arabic", 2, False)]
    assert parent_index(opened, "arabic", 4) == 1  # continues the outer 3 -> sibling of it
    assert parent_index(opened, "arabic", 3) == 2  # continues the nested 2
    assert parent_index(opened, "cn", 2) == 0
    assert parent_index(opened, "pcn", 1) == 1  # not open: goes under 一 by rank


def test_colon_nesting_is_bounded():
    b = build("1.甲：\n" * 3000)
    depth, node = 0, b.root
    while node.children:
        node = node.children[-1]
        depth += 1
    assert depth <= 3


def test_a_lone_bracketed_number_in_running_text_does_not_split():
    b = build("3.落实文件要求。按照省厅(1)号文件精神，完善制度。")
    assert tree(b.root) == ["3|落实文件要求。按照省厅(1)号文件精神，完善制度。"]


# -- unnumbered headings, closing remarks, sub-items -----------------------------------------------
def build_ahead(text: str) -> OutlineBuilder:
    """Feed lines with the line that follows each (as the parser does), then finish."""
    b = OutlineBuilder()
    lines = text.splitlines()
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        b.feed(line, fold(line), next_line=(nxt, fold(nxt)) if nxt is not None else None)
    b.finish()
    return b


def test_unnumbered_headings_over_restarting_numbers():
    b = build_ahead("一、甲\n学前教育\n1.a。x\n2.b。x\n义务教育\n1.c。x\n二、乙\n1.d。x")
    assert tree(b.root) == ["一|甲", "  学前教育|学前教育", "    1|a。x", "    2|b。x", "  义务教育|义务教育",
                            "    1|c。x", "二|乙", "  1|d。x"]


def test_a_restart_after_tasks_opens_a_heading():
    b = build_ahead("一、甲\n1.a。x\n2.b。x\n高中教育\n1.c。x")
    assert tree(b.root) == ["一|甲", "  1|a。x", "  2|b。x", "  高中教育|高中教育", "    1|c。x"]


def test_numbering_running_on_under_unnumbered_headings():
    b = build_ahead("一、甲\n学前教育\n1.a。x\n义务教育\n2.c。x")
    assert tree(b.root) == ["一|甲", "  学前教育|学前教育", "    1|a。x", "  义务教育|义务教育", "    2|c。x"]


def test_a_lone_subtitle_line_is_not_a_level():
    b = build_ahead("一、加强党的建设\n坚持党建引领，全面从严治党\n（一）完善制度。x\n（二）强化监督。x")
    assert tree(b.root) == ["一|加强党的建设", "  （一）|完善制度。x", "  （二）|强化监督。x"]
    assert b.root.children[0].paras[0][0] == "坚持党建引领，全面从严治党"


def test_plain_line_plan_section_of_a_summary_is_top_level():
    b = build_ahead("某县2022年工作总结\n一、主要成绩\n（一）党建有力。x\n二、存在的问题\n（一）学位紧张。x\n"
                    "2023年工作计划\n（一）加强党建。x\n（二）扩充学位。x")
    assert [c.label for c in b.root.children] == ["一", "二", "2023年工作计划"]
    assert [c.label for c in b.root.children[2].children] == ["（一）", "（二）"]


def test_a_forward_looking_clause_in_a_plan_is_not_a_section():
    b = build_ahead("某县2023年工作要点\n一、甲\n1.a。x\n力争明年全面完成\n2.b。x")
    assert [c.label for c in b.root.children] == ["一"]


def test_closing_remarks_leave_the_last_task():
    b = build_ahead("一、甲\n1.a。x\n责任单位：党办\n各股室、各学校要切实提高认识。要结合实际，确保各项工作落到实处。\n"
                    "附件：1.任务分解表\n2.考核细则")
    last = b.root.children[0].children[-1]
    assert tree(b.root) == ["一|甲", "  1|a。x"] and last.paras == []
    assert [o for o, _ in b.epilogue] == ["各股室、各学校要切实提高认识。要结合实际，确保各项工作落到实处。",
                                          "附件：1.任务分解表", "2.考核细则"]


def test_closing_words_after_the_fields():
    b = build_ahead("一、甲\n1.a。x\n责任单位：党办\n新征程上，我们将奋力谱写教育高质量发展新篇章。")
    assert b.root.children[0].children[0].paras == [] and len(b.epilogue) == 1


def test_sub_items_inside_a_task_are_tasks_and_share_its_fields():
    b = build_ahead("一、甲\n1.提升课后服务。要做到：①每周5天；②每天2小时。\n2.加强作业管理。具体包括：\n（1）不布置书面作业；\n"
                    "（2）控制作业时间。\n责任单位：基教股")
    assert tree(b.root) == ["一|甲", "  1|提升课后服务。要做到：", "    ①|每周5天；", "    ②|每天2小时。",
                            "  2|加强作业管理。具体包括：", "    （1）|不布置书面作业；", "    （2）|控制作业时间。"]
    second = b.root.children[0].children[1]
    assert second.field_lines == [("责任单位：基教股", "责任单位:基教股")]
    assert not second.children[-1].field_lines


def test_sub_items_with_fields_of_their_own_are_tasks():
    b = build_ahead("一、甲\n1.安全教育进校园\n（1）防溺水教育。x\n责任单位：安全办\n（2）交通安全教育。x\n责任单位：安全办")
    assert tree(b.root) == ["一|甲", "  1|安全教育进校园", "    （1）|防溺水教育。x", "    （2）|交通安全教育。x"]


def test_circled_items_are_tasks_when_nothing_is_deeper():
    b = build_ahead("一、党建工作\n①深入学习。x\n②推进清廉学校建设。x\n二、教学\n①加强常规管理。x")
    assert tree(b.root) == ["一|党建工作", "  ①|深入学习。x", "  ②|推进清廉学校建设。x", "二|教学", "  ①|加强常规管理。x"]


def test_a_list_glued_to_its_heading():
    b = build_ahead("一、党建工作（一）加强班子建设1.落实制度。x。2.加强民主集中制。x\n（二）新建幼儿园1、改扩建小学2所。")
    assert tree(b.root) == ["一|党建工作", "  （一）|加强班子建设", "    1|落实制度。x。", "    2|加强民主集中制。x",
                            "  （二）|新建幼儿园1、改扩建小学2所。"]


def test_numbering_running_on_after_a_flattened_heading():
    b = build_ahead("一、党建（一）a。x\n（二）b。x\n二、质量（三）c。x")
    assert tree(b.root) == ["一|党建", "  （一）|a。x", "  （二）|b。x", "二|质量", "  （三）|c。x"]
    b = build_ahead("一、党建1.建制度。x\n2.b。x\n二、质量3.改课堂。x\n三、安全5.查隐患。x")
    assert tree(b.root) == ["一|党建", "  1|建制度。x", "  2|b。x", "二|质量", "  3|改课堂。x", "三|安全5.查隐患。x"]


def test_title_lines_with_their_paragraphs_are_unnumbered_tasks():
    b = build_ahead("一、党建\n强化政治引领\n深入学习贯彻党的二十大精神，健全学习制度。\n推进清廉学校建设\n制定实施方案，建成示范点8个。\n"
                    "二、安全\n守牢安全底线\n常态化开展隐患排查，建立整改台账。")
    assert tree(b.root) == ["一|党建", "  *|强化政治引领", "  *|推进清廉学校建设", "二|安全"]
    assert [o for o, _ in b.root.children[1].paras] == ["守牢安全底线", "常态化开展隐患排查，建立整改台账。"]


def test_a_covering_notice_with_numbered_requirements_is_preamble():
    notice = ("关于印发《示例县2023年教育工作要点》的通知\n各学校：\n现将要点印发给你们，并提出以下要求：\n"
              "一、高度重视。认真部署。\n二、狠抓落实。细化分工。\n")
    plan = "示例县2023年教育工作要点\n一、加强党建\n1.落实制度。x\n二、提升质量\n2.深化改革。x"
    for text in (notice + "附件：示例县2023年教育工作要点\n示例县教育局\n2023年2月1日\n" + plan, notice + plan):
        b = build_ahead(text)
        assert tree(b.root) == ["一|加强党建", "  1|落实制度。x", "二|提升质量", "  2|深化改革。x"]
        assert any(o.startswith("一、高度重视") for o, _ in b.preamble)


def test_a_restart_after_the_items_own_sentences_is_its_clauses():
    """"工作要求：" after the item's own sentences, then 1. 2. in the item's style: the item's clauses
    (its text), and the next number continues the outer list."""
    b = build("2.开展排查。每月1次。\n3.加强食堂管理。实行陪餐制度。工作要求：\n1.建立台账；\n2.每周自查；\n"
              "3.及时整改。\n责任单位：后勤中心\n4.做好防溺水教育。")
    assert tree(b.root) == ["2|开展排查。每月1次。", "3|加强食堂管理。实行陪餐制度。工作要求：", "4|做好防溺水教育。"]
    item = b.root.children[1]
    assert [o for o, _ in item.paras] == ["1.建立台账；", "2.每周自查；", "3.及时整改。"]
    assert [o for o, _ in item.field_lines] == ["责任单位：后勤中心"]
