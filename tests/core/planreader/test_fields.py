"""Field lines, trailers and titles of a task."""

from __future__ import annotations

import pytest

from desktop.core.planreader.charfold import fold
from desktop.core.planreader.fields import body_units, collect, has_title_sentence, is_field_line, make_title


def lines(*texts: str) -> list[tuple[str, str]]:
    return [(t, fold(t)) for t in texts]


@pytest.mark.parametrize(
    "line, ok",
    [("责任单位：党办", True), ("牵头单位:基教股", True), ("（责任科室：人事股）", True), ("完成时限：3月", True),
     ("責任單位：教務處", True), ("配合单位：各学校", True), ("时间节点：6月底", True),
     ("压实责任单位责任", False), ("明确整改时限，严格要求", False), ("1.完善制度", False)],
)
def test_is_field_line(line, ok):
    assert is_field_line(fold(line)) is ok


def test_collect_field_lines():
    f = collect(lines("完善制度。修订规则。", "责任单位：党办、活动中心，各中小学", "完成时间：2022年12月"))
    assert [u for u, _ in f.units] == ["党办", "活动中心", "各中小学"]
    assert f.deadline_texts == ["2022年12月"]
    assert [o for o, _ in f.lines] == ["完善制度。修订规则。"]


def test_collect_inline_bracketed_fields_lead_before_support():
    f = collect(lines("开展培训。（配合单位：各学校；牵头单位：人事股；完成时限：6月底前）"))
    assert [u for u, _ in f.units] == ["人事股", "各学校"]
    assert f.deadline_texts == ["6月底前"]
    assert [o for o, _ in f.lines] == ["开展培训。"]


def test_collect_fields_after_the_body_on_one_line():
    f = collect(lines("规范流程，完成时间：2023年6月。责任单位：基教股；责任人：张三"))
    assert [u for u, _ in f.units] == ["基教股"]  # the person is not a unit
    assert f.deadline_texts and f.deadline_texts[0].startswith("2023年6月")
    assert [o for o, _ in f.lines] == ["规范流程，"]


def test_collect_trailers():
    f = collect(lines("推进课改（教研室，9月底前）"))
    assert [u for u, _ in f.units] == ["教研室"] and f.deadline_texts == ["9月底前"]
    assert [o for o, _ in f.lines] == ["推进课改"]
    kept = collect(lines("修订《实施方案（试行）》", "建设城区学校（幼儿园）扩容工程"))
    assert kept.units == [] and kept.deadline_texts == [] and len(kept.lines) == 2


@pytest.mark.parametrize(
    "head, expected, inline",
    [
        ("坚持把党的政治建设摆在首要位置。持续推进……", "坚持把党的政治建设摆在首要位置", False),
        ("实施党建引领工程，加强党对教育工作的全面领导", "实施党建引领工程，加强党对教育工作的全面领导", False),
        ("继续推进“双减”和“五项管理”工作，加强校外培训机构专项治理，确保学生过重校外培训负担、家庭教育支出和家长相应精力负担取得显著成效。",
         "继续推进“双减”和“五项管理”工作，加强校外培训机构专项治理", False),
        ("统筹抓好校园疫情防控和学生校内外安全管理，有针对性地开展防性侵、防溺水、传染病、交通事故、心理健康、电信网络诈骗等安全教育和管理工作。",
         "统筹抓好校园疫情防控和学生校内外安全管理", False),
        ("推进普通高中多样化发展，深化育人方式改革，改进评价。", "推进普通高中多样化发展", True),
        ("加强安全管理：完善制度，落实责任。", "加强安全管理", False),
        ("", "", False),
    ],
)
def test_make_title(head, expected, inline):
    assert make_title(head, fold(head), inline_item=inline) == expected


@pytest.mark.parametrize(
    "text, ok",
    [("严守校园安全稳定底线。完善机制。", True), ("同时，要完善机制。", False), ("加强管理。", False),
     ("各学校要高度重视，认真落实。再次强调。", False)],
)
def test_has_title_sentence(text, ok):
    assert has_title_sentence(fold(text)) is ok


def test_roles_written_after_the_names():
    f = collect(lines("推进智慧校园建设。（电教股牵头，各中小学配合）"))
    assert [u for u, _ in f.units] == ["电教股", "各中小学"] and [o for o, _ in f.lines] == ["推进智慧校园建设。"]
    f = collect(lines("责任单位：各中小学配合，基教股牵头"))
    assert [u for u, _ in f.units] == ["基教股", "各中小学"]  # lead first


def test_a_date_inside_a_unit_value_is_the_deadline():
    f = collect(lines("改善办学条件。（牵头：项目办，配合：计财股、相关学校，9月底前）"))
    assert [u for u, _ in f.units] == ["项目办", "计财股", "相关学校"]
    assert f.deadline_texts == ["9月底前"]


def test_a_note_after_a_unit_name_is_dropped():
    f = collect(lines("牵头科室：民办教育股（综合执法）", "配合科室：安全办"))
    assert [u for u, _ in f.units] == ["民办教育股", "安全办"]


def test_open_ended_deadline_in_a_trailer():
    f = collect(lines("加强师德建设。（人事股，长期坚持）"))
    assert [u for u, _ in f.units] == ["人事股"] and f.deadline_texts == ["长期坚持"]
    kept = collect(lines("加强师德建设（长期）"))  # a lone open-ended word is not a trailer
    assert kept.units == [] and kept.deadline_texts == []


def test_keys_in_square_brackets_or_followed_by_spaces():
    f = collect(lines("开展培训。组织全员培训。【责任单位】人事股【完成时限】10月底前"))
    assert [u for u, _ in f.units] == ["人事股"] and f.deadline_texts == ["10月底前"]
    assert [o for o, _ in f.lines] == ["开展培训。组织全员培训。"]
    f = collect(lines("完善制度。", "责任单位  基教股、教研室等", "完成时限　2023年6月"))
    assert [u for u, _ in f.units] == ["基教股", "教研室"] and f.deadline_texts == ["2023年6月"]
    assert is_field_line(fold("责任单位  基教股")) and not is_field_line(fold("责任 落实到人"))


def test_person_fields_are_not_units():
    """牵头领导 / 负责人 name people: their values are neither units nor task text."""
    f = collect(lines("开展督导。", "责任单位：督导室（负责人：赵六）", "牵头领导：张三", "负责人：李四"))
    assert [u for u, _ in f.units] == ["督导室"]
    assert [o for o, _ in f.lines] == ["开展督导。"]


@pytest.mark.parametrize("text, names", [
    ("评选读写姿势正确班，班级自荐及校卫生考核小组评选而成", ["校卫生考核小组"]),
    ("由卫生室和值周队联合检查", ["卫生室", "值周队"]),
    ("班级自荐及家长代表评选", []),  # only bodies set up for the work (小组, 委员会) act without 由
])
def test_units_named_in_the_body(text, names):
    assert [o for o, _ in body_units([(text, fold(text))])] == names


@pytest.mark.parametrize("line, units, deadline", [
    ("责任：德育办；时间：2026年5月", ["德育办"], ["2026年5月"]),
    ("牵头：德育办 配合：各中小学 时间：2026年12月", ["德育办", "各中小学"], ["2026年12月"]),
    ("建立少先队辅导员培训制度。时间：2026年10月", [], ["2026年10月"]),
    ("时间：3月5日上午9:00 地点：县教育局会议室", [], []),  # a meeting's time: no deadline key alone
])
def test_a_bare_time_key_after_another_key_or_ending_a_sentence(line, units, deadline):
    got = collect([(line, fold(line))])
    assert [o for o, _ in got.units] == units
    assert got.deadline_texts == [fold(d) for d in deadline]
