"""Plan review edits (desktop.core.tasklist.editing): fields, targets, split/merge, levels; stable ids kept."""

import pytest

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge
from desktop.core.tasklist import editing
from desktop.core.tasklist import store as task_store


@pytest.fixture
def plan_id(county_db):
    return task_store.current_plan(county_db)["id"]


def _nodes(db, plan_id):
    return task_store.plan_tasks(db, plan_id)


def _node(db, plan_id, task_id):
    return next(n for n in _nodes(db, plan_id) if n["task_id"] == task_id)


def _first_task(db, plan_id):
    return next(n for n in _nodes(db, plan_id) if not n["is_heading"])


def test_field_edits_persist_and_keep_the_id(county_db, plan_id):
    t = _first_task(county_db, plan_id)
    editing.update_task(county_db, plan_id, t["task_id"], title="新的任务名称", text="改过的内容。", units="办公室、 各幼儿园，",
                       deadline="2026年9月", applies_to=["幼儿园", "示例县第一中学"])
    n = _node(county_db, plan_id, t["task_id"])
    assert (n["title"], n["text"], n["units"], n["deadline"]) == ("新的任务名称", "改过的内容。", ["办公室", "各幼儿园"], "2026-09")
    assert n["applies_to"] == ["幼儿园", "示例县第一中学"]
    assert [x["task_id"] for x in _nodes(county_db, plan_id)] == [x["task_id"] for x in _nodes(county_db, plan_id)]
    assert county_db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'plan.review.edit'").fetchone()[0] == 1


@pytest.mark.parametrize("typed, stored", [("2026-6", "2026-06"), ("2026.06", "2026-06"), ("年底前", "2026-12"),
                                           ("", None), ("6月底", "2026-06")])
def test_deadline_is_normalised(county_db, plan_id, typed, stored):
    t = _first_task(county_db, plan_id)
    editing.update_task(county_db, plan_id, t["task_id"], deadline=typed)
    assert _node(county_db, plan_id, t["task_id"])["deadline"] == stored


def test_bad_values_are_refused_and_change_nothing(county_db, plan_id):
    t = _first_task(county_db, plan_id)
    before = _nodes(county_db, plan_id)
    with pytest.raises(TaizhangError):
        editing.update_task(county_db, plan_id, t["task_id"], deadline="下个月吧")
    with pytest.raises(TaizhangError):
        editing.update_task(county_db, plan_id, t["task_id"], title="   ")
    with pytest.raises(TaizhangError):
        editing.add_target(county_db, plan_id, t["task_id"], "开展活动", value="很多")
    assert _nodes(county_db, plan_id) == before


def test_targets_add_fill_in_and_remove_without_reusing_numbers(county_db, plan_id):
    t = _first_task(county_db, plan_id)
    seq = editing.add_target(county_db, plan_id, t["task_id"], "培训教师x人", unit="人")
    x = _node(county_db, plan_id, t["task_id"])["targets"][-1]
    assert (x["seq"], x["value"], x["placeholder"]) == (seq, None, True)
    editing.update_target(county_db, plan_id, t["task_id"], seq, value="1,200")
    x = _node(county_db, plan_id, t["task_id"])["targets"][-1]
    assert (x["value"], x["placeholder"]) == ("1200", False)
    seq2 = editing.add_target(county_db, plan_id, t["task_id"], "建成示范校", value="3", unit="所")
    editing.remove_target(county_db, plan_id, t["task_id"], seq)
    seq3 = editing.add_target(county_db, plan_id, t["task_id"], "再加一个", value="1")
    assert seq3 > seq2 > seq
    assert seq not in [x["seq"] for x in _node(county_db, plan_id, t["task_id"])["targets"]]


def test_split_keeps_the_id_and_adds_a_task_after_it(county_db, plan_id):
    t = next(n for n in _nodes(county_db, plan_id) if not n["is_heading"] and n["targets"])
    target_text = t["targets"][0]["text"]
    at = t["text"].index(target_text)
    new_id = editing.split_task(county_db, plan_id, t["task_id"], at)
    nodes = _nodes(county_db, plan_id)
    ids = [n["task_id"] for n in nodes]
    assert ids[ids.index(t["task_id"]) + 1] == new_id and new_id != t["task_id"]
    first, second = nodes[ids.index(t["task_id"])], nodes[ids.index(new_id)]
    assert first["text"] == t["text"][:at].strip() and second["text"] == t["text"][at:].strip()
    assert second["parent_id"] == first["parent_id"] and second["units"] == first["units"]
    assert second["path"][-1] == f"{t['path'][-1]}-2"
    assert [x["text"] for x in second["targets"]] == [target_text]
    assert first["title"] == t["title"]
    with pytest.raises(TaizhangError):
        editing.split_task(county_db, plan_id, new_id, 0)


def test_merge_with_next_joins_text_targets_and_units(county_db, plan_id):
    nodes = _nodes(county_db, plan_id)
    a = nodes[1]
    b = nodes[2]
    assert not a["is_heading"] and not b["is_heading"] and a["parent_id"] == b["parent_id"]
    assert editing.next_sibling_task(county_db, plan_id, a["task_id"]) == b["task_id"]
    absorbed = editing.merge_with_next(county_db, plan_id, a["task_id"])
    assert absorbed == b["task_id"]
    m = _node(county_db, plan_id, a["task_id"])
    assert m["text"].startswith(a["text"].rstrip("。")) and m["text"].endswith(b["text"])
    assert [x["text"] for x in m["targets"]] == [x["text"] for x in a["targets"] + b["targets"]]
    assert len({x["seq"] for x in m["targets"]}) == len(m["targets"])
    assert set(b["units"]) <= set(m["units"])
    assert b["task_id"] not in [n["task_id"] for n in _nodes(county_db, plan_id)]


def test_merge_refuses_to_swallow_a_task_schools_reported_on(world, county_db, plan_id):
    merge.merge_paths(county_db, [world / "reports"])
    nodes = _nodes(county_db, plan_id)
    with pytest.raises(TaizhangError, match="已有学校报送"):
        editing.merge_with_next(county_db, plan_id, nodes[1]["task_id"])
    with pytest.raises(TaizhangError):
        editing.delete_node(county_db, plan_id, nodes[2]["task_id"])


def test_indent_and_outdent_move_levels_and_keep_ids(county_db, plan_id):
    nodes = _nodes(county_db, plan_id)
    heading2 = next(n for n in nodes[1:] if n["is_heading"])
    # heading 二 goes under heading 一, then back out
    editing.indent(county_db, plan_id, heading2["task_id"])
    h = _node(county_db, plan_id, heading2["task_id"])
    assert h["parent_id"] == nodes[0]["task_id"] and h["path"] == [nodes[0]["path"][0], heading2["path"][0]]
    child = next(n for n in _nodes(county_db, plan_id) if n["parent_id"] == heading2["task_id"])
    assert child["path"][:2] == h["path"]
    editing.outdent(county_db, plan_id, heading2["task_id"])
    assert [(n["task_id"], n["parent_id"], n["path"]) for n in _nodes(county_db, plan_id)] == \
        [(n["task_id"], n["parent_id"], n["path"]) for n in nodes]
    with pytest.raises(TaizhangError):
        editing.outdent(county_db, plan_id, nodes[0]["task_id"])
    with pytest.raises(TaizhangError):
        editing.indent(county_db, plan_id, nodes[0]["task_id"])


def test_indent_under_a_task_turns_it_into_a_heading(county_db, plan_id):
    nodes = _nodes(county_db, plan_id)
    a = next(n for n in nodes if not n["is_heading"] and not n["targets"])
    b = nodes[nodes.index(a) + 1]
    editing.indent(county_db, plan_id, b["task_id"])
    assert _node(county_db, plan_id, a["task_id"])["is_heading"]
    assert _node(county_db, plan_id, b["task_id"])["parent_id"] == a["task_id"]
    editing.outdent(county_db, plan_id, b["task_id"])
    editing.set_heading(county_db, plan_id, a["task_id"], False)
    assert not _node(county_db, plan_id, a["task_id"])["is_heading"]


def test_outdent_moves_the_node_after_its_former_parent(county_db, plan_id):
    nodes = _nodes(county_db, plan_id)
    first_child = nodes[1]
    editing.outdent(county_db, plan_id, first_child["task_id"])
    after = _nodes(county_db, plan_id)
    moved = next(n for n in after if n["task_id"] == first_child["task_id"])
    assert moved["parent_id"] is None and moved["path"] == [first_child["path"][-1]]
    ids = [n["task_id"] for n in after]
    siblings_of_old = [n["task_id"] for n in nodes if n["parent_id"] == nodes[0]["task_id"]][1:]
    assert ids.index(first_child["task_id"]) == ids.index(siblings_of_old[-1]) + 1


def test_add_delete_and_heading_toggle(county_db, plan_id):
    t = _first_task(county_db, plan_id)
    new_id = editing.add_task_after(county_db, plan_id, t["task_id"])
    ids = [n["task_id"] for n in _nodes(county_db, plan_id)]
    assert ids[ids.index(t["task_id"]) + 1] == new_id
    editing.set_heading(county_db, plan_id, new_id, True)
    assert _node(county_db, plan_id, new_id)["is_heading"]
    editing.delete_node(county_db, plan_id, new_id)
    assert new_id not in [n["task_id"] for n in _nodes(county_db, plan_id)]
    with pytest.raises(TaizhangError):
        editing.delete_node(county_db, plan_id, _nodes(county_db, plan_id)[0]["task_id"])  # a heading with tasks


def test_corrected_plan_is_a_new_version_and_old_reports_still_merge(world, county_db, plan_id, tmp_path):
    ids = [n["task_id"] for n in _nodes(county_db, plan_id)]
    t = _first_task(county_db, plan_id)
    editing.update_task(county_db, plan_id, t["task_id"], text=t["text"] + "（修订）")
    assert services.tasklist.plan_state(county_db)["changed"]
    content = services.tasklist.publish(county_db, tmp_path / "plan-v2.xlsx")
    assert content["plan"]["version"] == 2
    assert [x["task_id"] for x in content["tasks"]] == ids
    assert not services.tasklist.plan_state(county_db)["changed"]
    results = merge.merge_paths(county_db, [world / "reports"])  # exported against version 1
    assert {r.outcome for r in results} == {"accepted"}


def test_split_units_and_values():
    assert editing.split_units("党建办、宣传股，各学校; 各幼儿园") == ["党建办", "宣传股", "各学校", "各幼儿园"]
    assert editing.normalise_value(" 95% ") == "95"
    assert editing.normalise_value("") is None
    assert editing.first_sentence("建成示范校3所。其余内容") == "建成示范校3所"
    assert "幼儿园" in editing.applies_from_units(["各幼儿园"])
