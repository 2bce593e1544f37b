"""Reading numbers and judging them against targets: the one rule behind the school's warnings,
the bureau overview and the summary workbook."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import numbers
from desktop.core.errors import TaizhangError
from desktop.core.numbers import TargetKind, meets_target, target_kind


def t(text, value, placeholder=False):
    return {"text": text, "value": value, "placeholder": placeholder}


@pytest.mark.parametrize("target, kind", [
    (t("建成60处", "60"), TargetKind.FLOOR),
    (t("每天校园体育活动不少于1小时", "1"), TargetKind.FLOOR),
    (t("交流比例不低于10%", "10"), TargetKind.FLOOR),  # 不低于 is a floor, not a ceiling
    (t("书面作业平均完成时间不超过90分钟", "90"), TargetKind.CEILING),
    (t("班额控制在45人以内", "45"), TargetKind.CEILING),
    (t("近视率降至5%", "5"), TargetKind.CEILING),
    (t("消除56人以上大班额", "56"), TargetKind.THRESHOLD),
    (t("全县建成20所智慧校园", "20"), TargetKind.NOT_COMPARABLE),  # a county-wide total
    (t("全区新增学位3000个", "3000"), TargetKind.NOT_COMPARABLE),
    (t("培训x人", None, True), TargetKind.NOT_COMPARABLE),  # the bureau has not filled it in
    (t("覆盖率", "较高"), TargetKind.NOT_COMPARABLE),
])
def test_target_kinds(target, kind):
    assert target_kind(target) is kind


def test_a_ceiling_is_missed_above_it_and_met_below_it():
    ceiling = t("书面作业平均完成时间不超过90分钟", "90")
    assert meets_target(ceiling, "100") is False
    assert meets_target(ceiling, "80") is True
    assert meets_target(ceiling, "90") is True


def test_a_floor_is_missed_below_it_and_met_above_it():
    floor = t("建成60处", "60")
    assert meets_target(floor, "59") is False
    assert meets_target(floor, "61") is True
    assert meets_target(floor, "60") is True


def test_nothing_is_judged_without_a_comparable_target_or_a_number():
    assert meets_target(t("全县建成20所智慧校园", "20"), "1") is None
    assert meets_target(t("消除56人以上大班额", "56"), "45") is None
    assert meets_target(t("建成60处", "60"), "约五十") is None
    assert meets_target(t("建成60处", "60"), None) is None


@pytest.mark.parametrize("text, value", [
    ("1,000", Decimal("1000")), (" 12.5% ", Decimal("12.5")), ("１２", Decimal("12")), ("NaN", None), ("Infinity", None),
    ("1e400", None), ("", None), (None, None), (True, None), ("3，500", Decimal("3500")),
])
def test_parse_number(text, value):
    assert numbers.parse_number(text) == value


def test_normalise_number_keeps_what_was_typed_and_refuses_the_rest():
    assert numbers.normalise_number("  12.50 ") == "12.50"
    assert numbers.normalise_number("1,000") == "1000"
    for bad in ("abc", "nan", "inf", "1e99"):
        with pytest.raises(TaizhangError):
            numbers.normalise_number(bad)


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**6, max_value=10**6, places=2),
       st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**6, max_value=10**6, places=2))
def test_floor_and_ceiling_are_mirror_images(goal, got):
    floor = meets_target(t("不少于", str(goal)), str(got))
    ceiling = meets_target(t("不超过", str(goal)), str(got))
    assert floor == (got >= goal) and ceiling == (got <= goal)
