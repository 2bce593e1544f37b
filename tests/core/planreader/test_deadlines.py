"""Deadlines as YYYY-MM."""

from __future__ import annotations

import pytest

from desktop.core.planreader.charfold import fold
from desktop.core.planreader.deadlines import body_deadline, is_date_only, is_open_ended, parse_deadline


@pytest.mark.parametrize(
    "value, year, expected",
    [
        ("2022年12月", None, "2022-12"),
        ("2022年9月", 2021, "2022-09"),
        ("２０２２年６月底", None, "2022-06"),
        ("2022.12", None, "2022-12"),
        ("2022-03-14", None, "2022-03"),
        ("3月", 2022, "2022-03"),
        ("十二月", 2022, "2022-12"),
        ("6月底前", 2024, "2024-06"),
        ("年底前", 2022, "2022-12"),
        ("2022年底", None, "2022-12"),
        ("上半年", 2023, "2023-06"),
        ("下半年", 2023, "2023-12"),
        ("第三季度", 2023, "2023-09"),
        ("2023年第一季度", None, "2023-03"),
        ("2022年3月至6月", None, "2022-06"),
        ("3月、9月", 2022, "2022-09"),
        ("2023年", None, "2023-12"),
        ("111年6月", None, "2022-06"),  # 民国纪年
        ("長期堅持", 2022, None),
        ("持续推进", 2022, None),
        ("3月", None, None),  # no year anywhere: unknown
        ("", 2022, None),
    ],
)
def test_parse_deadline(value, year, expected):
    assert parse_deadline(fold(value), year) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("确保6月底前完成改造。", "2022-06"),
        ("于2022年9月前建成投用。", "2022-09"),
        ("年底前全部完成。", "2022-12"),
        ("力争10月完成验收。", "2022-10"),
        ("3月召开动员会，6月底前完成初验，11月底前完成终验。", "2022-11"),
        ("每年3月召开会议。", None),  # a bare month is not a deadline
        ("秋季开学建成投用。", None),
        ("确保在2022年顺利通过评估认定。", None),
        ("根据2021年监测结果。", None),
        ("即日起至6月开展专项整治。", "2022-06"),  # a period from now: its end
        ("即日起至2022年8月底。", "2022-08"),
        ("2022-06-30前完成验收。", "2022-06"),
        ("2022.9前建成投用。", "2022-09"),
        ("推广2.0版本。", None),
    ],
)
def test_body_deadline(text, expected):
    assert body_deadline(fold(text), 2022) == expected


@pytest.mark.parametrize("text, ok", [("3月", True), ("年底前", True), ("2022年6月底前", True), ("6月底", True),
                                      ("基教股", False), ("试行", False), ("长期", False),
                                      ("2022.6", True), ("2022-06-30", True), ("2022/6/30", True),
                                      ("2022.6.30前", True), ("12月中旬", True)])
def test_is_date_only(text, ok):
    assert is_date_only(fold(text)) is ok


@pytest.mark.parametrize(
    "value, expected",
    [
        ("3月底前", "2023-03"),
        ("上半年", "2023-06"),
        ("第三季度", "2023-09"),
        ("三季度末", "2023-09"),
        ("9月—12月", "2023-12"),  # a range gives its end
        ("9-12月", "2023-12"),
        ("9月-12月", "2023-12"),
        ("2023年3-5月", "2023-05"),
        ("2023年9月至2024年1月", "2024-01"),
        ("全年", "2023-12"),  # within the year: its end
        ("长期坚持", None),
        ("常态化推进", None),
        ("每学期", None),
    ],
)
def test_deadline_words(value, expected):
    assert parse_deadline(fold(value), 2023) == expected


@pytest.mark.parametrize("text, ok", [("长期坚持", True), ("長期堅持", True), ("常态化", True), ("每学期", True),
                                      ("持续推进", True), ("全年", False), ("6月底前", False), ("基教股", False),
                                      ("长期坚持到2023年12月", False)])
def test_is_open_ended(text, ok):
    assert is_open_ended(fold(text)) is ok


@pytest.mark.parametrize(
    "text, expected",
    [
        ("组织全县教师专业知识测试，上半年完成。", "2022-06"),
        ("第三季度前完成设备安装。", "2022-09"),
        ("下半年开展督导评估。", None),  # a period, not a committed date
        ("上半年实现全县中小学全覆盖。", "2022-06"),  # a verb of achievement commits to the date
        ("城东小学9月建成投用。", "2022-09"),
    ],
)
def test_body_deadline_words(text, expected):
    assert body_deadline(fold(text), 2022) == expected


@pytest.mark.parametrize("value, want", [
    ("秋季开学前", "2024-08"), ("2024年秋季开学前", "2024-08"), ("秋季开学", "2024-09"), ("春季开学前", "2024-02"),
    ("暑假期间", "2024-08"), ("暑期", "2024-08"), ("暑假前", "2024-07"), ("2024年春季学期", "2024-07"),
    ("秋季学期", "2024-12"), ("寒假期间", None), ("每月", None), ("每季度", None),
])
def test_school_calendar_words(value, want):
    from desktop.core.planreader.deadlines import parse_deadline as _pd

    assert _pd(value, 2024) == want


def test_school_calendar_words_in_the_body():
    from desktop.core.planreader.deadlines import body_deadline as _bd

    assert _bd("确保秋季开学前全部投入使用", 2024) == "2024-08"
    assert _bd("放暑假前召开家长会", 2024) == "2024-07"
    assert _bd("暑假期间开展家访", 2024) is None


@pytest.mark.parametrize("value, expected", [
    ("二〇二六年十二月底前", "2026-12"),  # was 2026-02: "二月" read inside "十二月"
    ("二〇二七年三月", "2027-03"),
    ("2026年十二月", "2026-12"),
    ("十一月", "2025-11"),
])
def test_a_year_in_chinese_numerals_and_a_month_of_two(value, expected):
    """A formal document writes its dates in Chinese numerals (二〇二六年十二月); "十二月" is December, never the
    "二月" inside it."""
    assert parse_deadline(fold(value), 2025) == expected
