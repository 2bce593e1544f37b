"""The label grammar: styles, numbers, labels as written, and what is not a label."""

from __future__ import annotations

import pytest

from desktop.core.planreader.charfold import fold
from desktop.core.planreader.numbering import (
    RANK,
    cn_to_int,
    embedded_candidates,
    int_to_cn,
    match_label,
    normalise_label,
)


def label(line: str, **kw):
    return match_label(line, fold(line), **kw)


@pytest.mark.parametrize(
    "line, style, number, text, body",
    [
        ("一、加强党建", "cn", 1, "一", "加强党建"),
        ("十二．完善制度", "cn", 12, "十二", "完善制度"),
        ("三 严格管理", "cn", 3, "三", "严格管理"),
        ("（二）强化监督", "pcn", 2, "（二）", "强化监督"),
        ("(二)强化监督", "pcn", 2, "(二)", "强化监督"),
        ("（ 三 ）强化监督", "pcn", 3, "（三）", "强化监督"),
        ("二）强化监督", "pcn", 2, "二）", "强化监督"),
        ("㈣强化监督", "pcn", 4, "㈣", "强化监督"),
        ("3.深化改革", "arabic", 3, "3", "深化改革"),
        ("3、深化改革", "arabic", 3, "3", "深化改革"),
        ("３．深化改革", "arabic", 3, "３", "深化改革"),
        ("12 深化改革", "arabic", 12, "12", "深化改革"),
        ("⒊深化改革", "arabic", 3, "⒊", "深化改革"),
        ("（1）开展培训", "parabic", 1, "（1）", "开展培训"),
        ("(10)开展培训", "parabic", 10, "(10)", "开展培训"),
        ("2)开展培训", "parabic", 2, "2)", "开展培训"),
        ("⑵开展培训", "parabic", 2, "⑵", "开展培训"),
        ("①建立台账", "circled", 1, "①", "建立台账"),
        ("⑫建立台账", "circled", 12, "⑫", "建立台账"),
        ("一是坚持党建引领。", "seq", 1, "一是", "坚持党建引领。"),
        ("十一是做好宣传", "seq", 11, "十一是", "做好宣传"),
        ("第一，坚持党建引领", "seq", 1, "第一", "坚持党建引领"),
        ("第一部分2022年教育工作计划", "part", 1, "第一部分", "2022年教育工作计划"),
        ("第 二 部分 重点任务", "part", 2, "第二部分", "重点任务"),
        ("第三章 保障", "part", 3, "第三章", "保障"),
        ("第二节 课程", "section", 2, "第二节", "课程"),
        ("第5条 规定", "article", 5, "第5条", "规定"),
        ("壹、總體要求", "formal", 1, "壹", "總體要求"),
        ("貳、重點工作", "formal", 2, "貳", "重點工作"),
        ("1.2 加强党建", "dec2", 2, "1.2", "加强党建"),
        ("2.3.1加强党建", "dec3", 1, "2.3.1", "加强党建"),
        ("A.建立制度", "letter", 1, "A", "建立制度"),
        ("Ⅱ．促进公平", "roman", 2, "Ⅱ", "促进公平"),
        ("Ⅲ、守牢底线", "roman", 3, "Ⅲ", "守牢底线"),
        ("第二项 建设队伍", "item", 2, "第二项", "建设队伍"),
        ("II. 加强队伍建设", "roman", 2, "II", "加强队伍建设"),
        ("IV、深化改革", "roman", 4, "IV", "深化改革"),
        ("第三项：保障安全", "item", 3, "第三项", "保障安全"),
        ("其二，开展评选", "seq", 2, "其二", "开展评选"),
        ("1）加强学习", "parabic", 1, "1）", "加强学习"),
        ("1 . 加强学习", "arabic", 1, "1", "加强学习"),
    ],
)
def test_label_styles(line, style, number, text, body):
    lab = label(line)
    assert lab is not None, line
    assert (lab.style, lab.number, lab.text) == (style, number, text)
    assert line[lab.end:] == body


@pytest.mark.parametrize(
    "line",
    [
        "2022年，全县教育工作……",  # a year
        "2.0行动计划",  # a version number
        "3月15日召开会议",  # a date
        "1至3项运动技能",
        "30的中小学",
        "统一是关键",
        "（2021—2030）规划",
        "（试行）",
        "X市智慧校园",
        "一、",  # a label with nothing after it is only a label when allowed
        "第一项工作是推进改革",  # 第一项 in running text: no separator after it
    ],
)
def test_not_labels(line):
    assert label(line) is None


def test_label_alone_on_its_line_when_allowed():
    lab = label("（一）", allow_empty=True)
    assert lab is not None and lab.style == "pcn" and lab.end == len("（一）")


@pytest.mark.parametrize(
    "text, value",
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("九十九", 99), ("一百零五", 105),
     ("两", 2), ("壹拾贰", 12), ("二〇二二", 2022), ("12", 12), ("", None), ("甲", None)],
)
def test_cn_to_int(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("n", [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 120, 999])
def test_int_to_cn_round_trips(n):
    assert cn_to_int(int_to_cn(n)) == n


@pytest.mark.parametrize(
    "raw, norm",
    [("（二）", "二"), ("(2)", "2"), ("一、", "一"), ("3.", "3"), ("第一部分", "第一部分"), ("一是", "一是"),
     (" ( 三 ) ", "三"), ("*", "*")],
)
def test_normalise_label(raw, norm):
    assert normalise_label(raw) == norm


def test_rank_follows_the_conventional_nesting():
    order = ["part", "formal", "cn", "pcn", "arabic", "parabic", "circled", "seq"]
    assert [RANK[s] for s in order] == sorted(RANK[s] for s in order)


def test_embedded_candidates_need_a_boundary_for_bare_labels():
    line = "加强管理。1.建立制度；2.规范流程，教育信息化2.0行动（1）细则①要求"
    found = [(c.style, c.number, c.text) for c in embedded_candidates(line, fold(line), 0)]
    # "化2.0" is no candidate: no boundary before it, and 2.0 is a version number
    assert found == [("arabic", 1, "1"), ("arabic", 2, "2"), ("parabic", 1, "（1）"), ("circled", 1, "①")]
