"""Summary documents: only the forward-looking section becomes tasks."""

from __future__ import annotations

import pytest

from desktop.core.planreader import parse_plan_text
from desktop.core.planreader.charfold import fold
from desktop.core.planreader.outline import OutlineBuilder
from desktop.core.planreader.sections import select_plan_section

SUMMARY = """\
{year0}年，县教育局围绕中心工作，扎实推进教育高质量发展。
一、{year0}年工作总结
（一）抓党建。全年开展专题学习12次，建成示范校3所。
（二）抓质量。高考上线人数稳步提升。
二、存在的主要问题
（一）教师数量不足。高中教师缺口较大。
三、{heading}
认真贯彻党的二十大精神，推动教育高质量发展。
一是坚持党建引领。落实校长负责制。
二是坚持质量为重。毛入园率达到**％，新建幼儿园2所。
三是坚持安全发展。年底前完成校舍排查。
"""


def parse(heading: str, year0: int = 2022) -> dict:
    return parse_plan_text(SUMMARY.format(heading=heading, year0=year0))


@pytest.mark.parametrize("heading", ["2023年工作打算", "2023年工作思路", "下一步工作计划", "明年工作安排",
                                     "2023年工作计划", "下步工作打算"])
def test_forward_section_is_selected(heading):
    result = parse(heading)
    assert result["kind"] == "summary+plan"
    assert result["plan_section"] == f"三、{heading}"
    assert [t["path"] for t in result["tasks"]] == [["三", "一是"], ["三", "二是"], ["三", "三是"]]
    assert [h["path"] for h in result["headings"]] == [["三"]]
    assert result["tasks"][1]["targets"][0]["unit"] == "％"


def test_plan_year_comes_from_the_forward_section():
    assert parse("2023年工作打算")["year"] == 2023
    assert parse("下一步工作计划")["year"] == 2023  # the review was 2022: the plan is for the year after
    assert parse("下一步工作计划")["tasks"][2]["deadline"] == "2023-12"


def test_summary_without_a_forward_section_keeps_everything():
    text = "一、2022年工作总结\n（一）抓党建。开展学习。\n（二）抓质量。提升质量。\n二、存在问题\n（一）教师不足。缺口大。"
    result = parse_plan_text(text)
    assert result["kind"] == "summary" and result["plan_section"] is None
    assert len(result["tasks"]) == 3


def test_a_plan_with_two_forward_parts_is_a_plan():
    text = ("第一部分2022年教育工作计划\n一、坚持党的领导\n加强党建。\n二、做好安全工作\n抓好防控。\n"
            "第二部分2022年教育工作重点\n（一）推进依法治教。落实法规。\n（二）推进双减。减轻负担。")
    result = parse_plan_text(text)
    assert result["kind"] == "plan" and result["plan_section"] is None
    assert len(result["tasks"]) == 4


def test_words_inside_a_plan_do_not_make_it_a_summary():
    # a plan whose sections mention 成效/问题/计划 in passing is still a plan
    text = ("一、巩固脱贫攻坚成果\n1.落实资助政策。解决突出问题。\n二、实施三年行动计划\n2.推进学校建设。年底前完成。\n"
            "三、加强工作部署\n3.强化督导。定期通报。")
    result = parse_plan_text(text)
    assert result["kind"] == "plan" and len(result["tasks"]) == 3


def test_select_plan_section_on_a_built_outline():
    b = OutlineBuilder()
    for line in ["一、主要工作开展情况", "（一）甲。乙。", "二、存在问题", "（一）丙。丁。", "三、2022年工作思路", "（一）戊。己。"]:
        b.feed(line, fold(line))
    section, kind = select_plan_section(b.root)
    assert kind == "summary+plan" and section.label == "三"


def test_traditional_summary_headings():
    text = "一、2022年工作總結\n（一）抓黨建。開展學習。\n二、存在問題\n（一）不足。缺口。\n三、2023年工作打算\n一是堅持黨建引領。落實制度。\n二是堅持質量為重。提升質量。"
    result = parse_plan_text(text)
    assert result["plan_section"] == "三、2023年工作打算"
    assert [t["path"] for t in result["tasks"]] == [["三", "一是"], ["三", "二是"]]


def test_body_text_of_a_heading_does_not_classify_it():
    text = ("某县教育局2023年工作计划\n一、重点任务\n（一）推进课改。全面推进。\n（二）加强教研。定期开展。\n"
            "二、保障措施\n（一）加强组织领导。成立领导小组。\n（二）强化督导考核。将任务完成情况纳入年度考核。")
    result = parse_plan_text(text)
    assert result["kind"] == "plan" and len(result["tasks"]) == 4


def test_unnumbered_forward_section_gives_one_task_per_paragraph():
    text = ("一、2022年工作总结\n（一）抓党建。开展学习。\n（二）抓质量。提升质量。\n二、2023年工作打算\n"
            "坚持党建引领。落实校长负责制。\n坚持质量为重。毛入园率达到**％。")
    result = parse_plan_text(text)
    assert result["plan_section"] == "二、2023年工作打算"
    assert [(t["path"], t["title"]) for t in result["tasks"]] == [(["二", "*"], "坚持党建引领"),
                                                                   (["二", "*"], "坚持质量为重")]


@pytest.mark.parametrize("heading", ["下一步工作打算", "2023年工作计划", "今后工作思路", "明年工作安排"])
def test_plan_section_written_as_a_plain_line(heading):
    text = SUMMARY.format(year0=2022, heading="x").replace("三、x", heading)
    result = parse_plan_text(text)
    assert result["kind"] == "summary+plan" and result["plan_section"] == heading
    assert [t["path"] for t in result["tasks"]] == [[heading, "一是"], [heading, "二是"], [heading, "三是"]]
    assert result["year"] == 2023 and result["tasks"][2]["deadline"] == "2023-12"


def test_a_whole_year_summary_plans_the_next_year():
    text = "某县教育局2022年工作总结\n一、主要工作\n（一）抓党建。x。\n下一步工作打算\n（一）加强党建。6月底前完成制度修订。\n（二）提升质量。x。"
    result = parse_plan_text(text)
    assert result["year"] == 2023 and result["tasks"][0]["deadline"] == "2023-06"
    half = parse_plan_text(text.replace("2022年工作总结", "2022年上半年工作总结"))
    assert half["year"] == 2022 and half["tasks"][0]["deadline"] == "2022-06"


def test_a_summary_titled_document_without_a_forward_section_is_kept_whole_for_review():
    """Better a task list the bureau prunes than nothing when a forward section is worded unexpectedly."""
    text = ("丰溪县教育局2023年工作总结\n一、2023年主要工作开展情况\n（一）抓党建。全年开展专题学习12次。\n"
            "（二）抓质量。全县已建成标准化食堂45个。\n二、2024年重点抓好的几件事\n（一）推进集团化办学。组建3个教育集团。\n"
            "（二）改善乡村学校条件。新建食堂5个。")
    result = parse_plan_text(text)
    assert result["kind"] == "summary"
    titles = [t["title"] for t in result["tasks"]]
    assert "推进集团化办学" in titles and "改善乡村学校条件" in titles
