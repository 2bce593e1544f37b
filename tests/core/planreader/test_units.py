"""Unit names and the schools they reach (applies_to)."""

from __future__ import annotations

import pytest

from desktop.core.planreader.charfold import fold
from desktop.core.planreader.units import TYPES, applies_to, is_org_name, split_names

K12 = ["小学", "初中", "九年一贯制", "高中"]


def names(value: str) -> list[str]:
    return [n for n, _ in split_names(value, fold(value))]


def reach(*units: str) -> list[str]:
    return applies_to([(u, fold(u)) for u in units])


@pytest.mark.parametrize(
    "value, expected",
    [
        ("党办、活动中心，各中小学、幼儿园，民办教育机构", ["党办", "活动中心", "各中小学", "幼儿园", "民办教育机构"]),
        ("基教股；安全办;人事股,计财股", ["基教股", "安全办", "人事股", "计财股"]),
        ("艺术特教股、 活动中心。", ["艺术特教股", "活动中心"]),
        ("基教股 安全办", ["基教股", "安全办"]),
        ("县教育局（基教股、安全办），各学校", ["县教育局（基教股、安全办）", "各学校"]),
        ("無", []),
        ("无", []),
    ],
)
def test_split_names(value, expected):
    assert names(value) == expected


@pytest.mark.parametrize(
    "units, expected",
    [
        (["各中小学"], K12),
        (["幼儿园"], ["幼儿园"]),
        (["各幼儿园"], ["幼儿园"]),
        (["各中小学", "幼儿园"], K12 + ["幼儿园"]),
        (["各义务教育学校"], ["小学", "初中", "九年一贯制"]),
        (["各初级中学"], ["初中"]),
        (["各高中"], ["高中"]),
        (["各学校"], list(TYPES)),
        (["各级各类学校"], list(TYPES)),
        (["特殊教育学校"], ["特殊教育"]),
        (["职业学校"], ["职业学校"]),
        (["民乐一中"], ["民乐一中"]),
        (["思源实验学校", "工业园区学校"], ["思源实验学校", "工业园区学校"]),
        (["示例县第一中学"], ["示例县第一中学"]),
        (["基教股", "教研室", "教育发展中心"], []),
        (["民办教育机构"], []),
        (["各相关学校"], []),
        (["各学区"], []),
        (["各初级中学", "思源实验学校"], ["初中", "思源实验学校"]),
        (["各中小學", "各幼兒園"], K12 + ["幼儿园"]),  # Traditional characters
    ],
)
def test_applies_to(units, expected):
    assert reach(*units) == expected


def test_applies_to_keeps_type_order_and_dedupes():
    assert reach("各幼儿园", "各中小学", "各小学", "民乐一中", "民乐一中") == K12 + ["幼儿园", "民乐一中"]


@pytest.mark.parametrize("name, ok", [("基教股", True), ("安全办", True), ("各中小学", True), ("民乐一中", True),
                                      ("试行", False), ("2021版", False), ("初中部", False), ("", False)])
def test_is_org_name(name, ok):
    assert is_org_name(fold(name)) is ok
