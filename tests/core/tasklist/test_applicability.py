"""Which tasks are a school's to report on: by type (a school also runs the grades it covers) or by name."""

import pytest

from desktop.core.tasklist import applicability


@pytest.mark.parametrize("applies,stype,name,expected", [
    ([], "小学", "一小", True),
    (["幼儿园"], "小学", "一小", False),
    (["初中", "高中"], "完全中学", "二中", True),
    (["小学"], "九年一贯制", "东河学校", True),
    (["高中"], "九年一贯制", "东河学校", False),
    (["示例县第一中学"], "高中", "示例县第一中学", True),
])
def test_applicability(applies, stype, name, expected):
    assert applicability.applies_to_school(applies, stype, name) is expected
