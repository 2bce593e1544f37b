"""How lines become the outline: nesting, run-on numbers, inline lists, flattened lines."""

from __future__ import annotations

from desktop.core.plan.charfold import fold
from desktop.core.plan.outline import OutlineBuilder, _Open, parent_index


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
