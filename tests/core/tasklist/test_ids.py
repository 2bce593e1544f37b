import pytest

from desktop.core.tasklist import applicability, ids


@pytest.mark.parametrize("label,number", [("一", "1"), ("（二）", "2"), ("(十二)", "12"), ("3.", "3"), ("①", "1"),
                                          ("一是", "1"), ("第三部分", "3"), ("二十", "20"), ("一百零五", "105")])
def test_labels_become_numbers(label, number):
    assert ids.label_number(label) == number


def test_task_ids_follow_the_path_and_stay_unique():
    taken = set()
    assert ids.task_id_for(["一", "（二）", "3"], taken) == "1.2.3"
    assert ids.task_id_for(["一", "(二)", "3."], taken) == "1.2.3~2"


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
