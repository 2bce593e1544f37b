"""The side-by-side review: each task found in the document's text, with the spans read as its fields."""

from desktop.core import services
from desktop.core.tasklist import source_map
from desktop.core.tasklist import store as task_store


def test_locate_finds_title_units_deadline_and_targets_in_the_source(county_db):
    plan_id = task_store.current_plan(county_db)["id"]
    source = services.tasklist.plan_source(county_db, plan_id)["text"]
    assert source, "import_plan keeps the document's text"
    nodes = task_store.plan_tasks(county_db, plan_id)
    found = source_map.locate(source, nodes)
    assert set(found) == {n["task_id"] for n in nodes}
    t = next(n for n in nodes if not n["is_heading"] and n["targets"] and n["deadline"])
    loc = found[t["task_id"]]
    kinds = {k for _, _, k in loc.spans}
    assert kinds == {"title", "units", "deadline", "target"}
    spans = {k: source[a:b] for a, b, k in loc.spans}
    assert spans["title"] == t["title"] and spans["target"] in [x["text"] for x in t["targets"]]
    assert all(loc.block[0] <= a < b <= loc.block[1] for a, b, _ in loc.spans)
    assert source_map.node_at(found, loc.spans[0][0]) == t["task_id"]


def test_locate_skips_what_it_cannot_find():
    found = source_map.locate("一、总则\n没有别的\n", [
        {"task_id": "1", "title": "总则", "is_heading": True, "units": [], "targets": []},
        {"task_id": "2", "title": "根本不在原文里", "text": "也不在", "is_heading": False, "units": [], "targets": []},
    ])
    assert set(found) == {"1"}


