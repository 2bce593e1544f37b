import pytest

from desktop.core.tasklist import ids


@pytest.mark.parametrize("label,number", [("一", "1"), ("（二）", "2"), ("(十二)", "12"), ("3.", "3"), ("①", "1"),
                                          ("一是", "1"), ("第三部分", "3"), ("二十", "20"), ("一百零五", "105")])
def test_labels_become_numbers(label, number):
    assert ids.label_number(label) == number


def test_task_ids_follow_the_path_and_stay_unique():
    taken = set()
    assert ids.task_id_for(["一", "（二）", "3"], taken) == "1.2.3"
    assert ids.task_id_for(["一", "(二)", "3."], taken) == "1.2.3~2"
