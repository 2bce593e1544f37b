"""Quantitative targets: value, unit, placeholders, and what is not a target."""

from __future__ import annotations

import pytest

from desktop.core.planreader.charfold import fold
from desktop.core.planreader.targets import extract_targets


def targets(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["placeholder"]) for t in extract_targets(text, fold(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("每天校园体育活动时间不少于1小时", [("1", "小时", False)]),
        ("建成60处高标准的家长接送区", [("60", "处", False)]),
        ("覆盖率达到100%", [("100", "%", False)]),
        ("合格率达到95％以上", [("95", "％", False)]),
        ("每周2节艺术课", [("2", "节", False)]),
        ("掌握1至3项运动技能", [("1至3", "项", False)]),
        ("学会1-2项艺术技能", [("1-2", "项", False)]),
        ("年度计划投资10256万元", [("10256", "万元", False)]),
        ("全县30的中小学建成智慧校园", [("30", "", False)]),
        ("3所以上中小学", [("3", "所", False)]),
        ("参训教师300余人", [("300", "人", False)]),
        ("培训学时不少于72学时", [("72", "学时", False)]),
        ("近视率下降1个百分点", [("1", "个百分点", False)]),
        ("打造x所示范校", [(None, "所", True)]),
        ("合格率xx%及以上", [(None, "%", True)]),
        ("毛入园率达到**％", [(None, "％", True)]),
        ("招聘教师***名以上", [(None, "名", True)]),
        ("新增学位XX个", [(None, "个", True)]),
    ],
)
def test_targets(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2022年，全县教育工作",
        "3月15日召开会议",
        "组织35岁以下中层干部轮岗",
        "第13届运动会",
        "庆祝建党100周年",
        "推进教育信息化2.0行动",
        "落实《2021年监测方案（5项）》要求",
        "开展“五项管理”和三所学校建设",
        "建设X市智慧校园",
        "xx县第一中学",
        "“x+x”模式",
        "（2021—2030）规划",
    ],
)
def test_not_targets(text):
    assert targets(text) == []


def test_target_text_is_its_clause_and_values_keep_placeholders_in_text():
    found = extract_targets("强化体育，保证学生体质健康合格率xx%及以上、优良率xx%及以上。",
                            fold("强化体育，保证学生体质健康合格率xx%及以上、优良率xx%及以上。"))
    assert [t["text"] for t in found] == ["保证学生体质健康合格率xx%及以上", "优良率xx%及以上"]
    assert all(t["value"] is None and "xx" in t["text"] for t in found)


def test_two_targets_in_one_clause_split_the_words_between_them():
    text = "计划投资****万元更换班班通设备***套"
    found = extract_targets(text, fold(text))
    assert [t["text"] for t in found] == ["计划投资****万元", "更换班班通设备***套"]


def test_count_of_targets_is_not_a_target():
    text = "实现校园安防建设4个100%目标"
    assert targets(text) == [("100", "%", False)]


@pytest.mark.parametrize(
    "text",
    [
        "对照巡察反馈的9项突出问题建立整改台账",
        "依据《督导检查反馈意见》指出五个方面、9项突出问题",
        "针对上年度排查出的23处薄弱环节逐项整改",
        "目前全县共有中小学45所",
        "去年全县高考本科上线1200人",
        "全县现有专任教师3200名",
        "涉及全县3个学区的学校布局",  # a count with no commitment in its phrase
    ],
)
def test_counts_cited_or_described_are_not_targets(text):
    assert targets(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("针对薄弱学校新建3所标准化学校", [("3", "所", False)]),  # the commitment follows the reference
        ("确保已建成的3所幼儿园秋季投入使用", [("3", "所", False)]),
        ("课后服务参与率95%", [("95", "%", False)]),  # a rate
        ("小学、初中班额分别控制在45人、50人以内", [("45", "人", False), ("50", "人", False)]),
        ("选派30名骨干教师赴名校跟岗学习", [("30", "名", False)]),
        ("各学科每周开展集体备课1次", [("1", "次", False)]),
        ("落实学校安保“三个100%”要求", [("100", "%", False)]),
        ("对照反馈问题，整改xx项", [(None, "项", True)]),  # a placeholder is the bureau's own blank
    ],
)
def test_commitments_are_targets(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text, want", [
    ("全县已建成标准化食堂45个", []), ("目前已完成改造12所", []), ("已累计培训教师3000人次", []),
    ("全县共有中小学56所", []), ("全县有幼儿园38所", []), ("去年建成食堂5个，今年再建成8个", [("8", "个")]),
    ("全年共举办讲座5场", [("5", "场")]), ("学前三年毛入园率达到92%", [("92", "%")]),
    ("辍学率控制在0.5%以内", [("0.5", "%")]), ("认定市级示范校3所", [("3", "所")]),
    ("优秀率提高2个百分点", [("2", "个百分点")]), ("举办艺术节1届", [("1", "届")]),
])
def test_past_counts_are_not_targets(text, want):
    from desktop.core.planreader.charfold import fold as _fold
    from desktop.core.planreader.targets import extract_targets as _x

    assert [(t["value"], t["unit"]) for t in _x(text, _fold(text))] == want


@pytest.mark.parametrize("text, want", [
    ("坚持每月一次彻底大清扫，一日三小扫，不留死角", [("1", "次"), ("3", "小扫")]),
    ("校园保安一日四巡", [("4", "巡")]),
    ("第一日三检", []),  # an ordinal day, not a rate
])
def test_routine_acts_counted_per_day(text, want):
    assert [(t["value"], t["unit"]) for t in extract_targets(text, fold(text))] == want
