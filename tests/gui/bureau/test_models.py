"""QAbstractItemModelTester on every bureau model, with real data, while the data changes."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core import services
from desktop.core.intake import merge
from desktop.core.roster import store as roster_store
from desktop.core.tasklist import store as task_store
from desktop.gui.bureau.importmodels import KeyRequestsModel, ProblemFilter, ResultsModel
from desktop.gui.bureau.overviewmodels import (
    EvidenceModel,
    MatrixModel,
    RecordsModel,
    SchoolFilter,
    school_columns,
    task_columns,
)
from desktop.gui.bureau.plantree import PlanTreeModel, TaskIdRole
from desktop.gui.bureau.rostermodels import PeriodsModel, SchoolsModel
from desktop.gui.bureau.targetsmodel import TargetsModel

WARN = QAbstractItemModelTester.FailureReportingMode.Warning


def watch(model):
    return QAbstractItemModelTester(model, WARN)


@pytest.fixture
def merged(world, county_db):
    merge.merge_paths(county_db, [world / "reports"])
    return county_db


def test_plan_tree_model(qapp, county_db):
    plan = task_store.current_plan(county_db)
    nodes = task_store.plan_tasks(county_db, plan["id"])
    model = PlanTreeModel()
    t = watch(model)
    model.load(nodes)
    top = [n for n in nodes if n["parent_id"] is None]
    assert model.rowCount() == len(top)
    first = model.index(0, 0)
    assert model.rowCount(first) == sum(1 for n in nodes if n["parent_id"] == top[0]["task_id"])
    child = model.index(0, 0, first)
    assert child.data(TaskIdRole) == nodes[1]["task_id"] and child.parent() == first
    assert model.index_of(nodes[1]["task_id"]) == child
    changed = dict(nodes[1], title="改过的名称")
    model.update_node(changed)
    assert model.index(0, 1, first).data() == "改过的名称"
    model.load(nodes[:5])
    model.load([])
    del t


def test_targets_model_edits_go_through_save(qapp):
    saved = []
    model = TargetsModel(lambda seq, **f: saved.append((seq, f)))
    t = watch(model)
    model.load([{"seq": 1, "text": "建成60处", "value": "60", "unit": "处"},
                {"seq": 2, "text": "培训xx人", "value": None, "unit": "人"}])
    assert model.index(1, 1).data() == "待填写"
    assert model.setData(model.index(1, 1), "30")
    assert saved == [(2, {"value": "30"})]
    assert not model.setData(model.index(0, 1), "60")  # unchanged: nothing saved
    model.replace([{"seq": 1, "text": "建成60处", "value": "60", "unit": "处"},
                   {"seq": 2, "text": "培训xx人", "value": "30", "unit": "人"}])
    assert model.index(1, 1).data() == "30"
    del t


def test_roster_and_period_models(qapp, county_db):
    schools = SchoolsModel(lambda code, **f: services.roster.update_school(county_db, code, **f))
    periods = PeriodsModel(lambda name, **f: services.roster.update_period(county_db, name, **f))
    ts, tp = watch(schools), watch(periods)
    schools.load(roster_store.schools(county_db))
    periods.load(services.roster.period_list(county_db))
    assert schools.rowCount() == len(roster_store.schools(county_db))
    assert not schools.flags(schools.index(0, 0)) & Qt.ItemFlag.ItemIsEditable  # the code stays
    assert schools.setData(schools.index(0, 1), "改名后的学校")
    assert roster_store.schools(county_db)[0]["name"] == "改名后的学校"
    failures = []
    periods.failed.connect(failures.append)
    assert not periods.setData(periods.index(0, 1), "明天")
    assert failures
    assert periods.setData(periods.index(0, 1), "2026-08-01")
    assert services.roster.period_list(county_db)[0]["due_date"] == "2026-08-01"
    del ts, tp


def test_results_and_keys_models(qapp, world, county_db):
    outcomes = merge.merge_paths(county_db, [world / "reports"])
    outcomes += merge.merge_paths(county_db, [world / "reports" / sorted((world / "reports").iterdir())[0].name])
    results = ResultsModel()
    proxy = ProblemFilter()
    proxy.setSourceModel(results)
    t1, t2 = watch(results), watch(proxy)
    results.set_school_names({s["code"]: s["name"] for s in roster_store.schools(county_db)})
    results.append(outcomes[:2])
    results.append(outcomes[2:])
    assert results.rowCount() == len(outcomes)
    proxy.set_problems_only(True)
    assert proxy.rowCount() == 0  # accepted and duplicate are not problems
    proxy.set_problems_only(False)
    assert proxy.rowCount() == len(outcomes)
    results.clear()
    keys = KeyRequestsModel()
    t3 = watch(keys)
    keys.load([{"school": "SLX001", "name": "示例", "fingerprint": "ab" * 32, "fingerprint_groups": "abab " * 16,
                "pinned": "cd" * 32, "pinned_groups": "cdcd " * 16, "first_seen": "2026-01-01T00:00:00", "waiting": 1}])
    assert keys.rowCount() == 1 and keys.index(0, 4).data() == "1"
    keys.load([])
    del t1, t2, t3


def test_overview_models(qapp, merged):
    ov = services.standing.overview(merged)
    matrix = MatrixModel()
    tasks = RecordsModel(task_columns())
    schools = RecordsModel(school_columns())
    proxy = SchoolFilter()
    proxy.setSourceModel(schools)
    evidence = EvidenceModel()
    testers = [watch(m) for m in (matrix, tasks, schools, proxy, evidence)]
    matrix.load(ov)
    tasks.load(ov["per_task"])
    schools.load(ov["per_school"])
    assert (matrix.rowCount(), matrix.columnCount()) == (len(ov["schools"]), len(ov["tasks"]))
    proxy.set_mode(SchoolFilter.MISSING)
    assert proxy.rowCount() == len(ov["missing"])
    proxy.set_mode(SchoolFilter.ALL)
    proxy.sort(11, Qt.SortOrder.DescendingOrder)
    detail = None
    for r in range(matrix.rowCount()):
        for c in range(matrix.columnCount()):
            code, task_id = matrix.cell(matrix.index(r, c))
            if ov["evidence"].get((code, task_id)):
                detail = services.standing.school_task_detail(merged, ov["period"], code, task_id)
                break
        if detail:
            break
    assert detail and detail["evidence"]
    evidence.load(detail["evidence"])
    assert evidence.rowCount() == len(detail["evidence"])
    matrix.load(None)
    evidence.load([])
    del testers


def test_a_school_on_an_unconfirmed_key_is_marked_on_the_overview(qapp, merged):
    """DESIGN §16: the per-school table says 密钥未确认 for a report on a key nobody has confirmed."""
    from desktop.gui.bureau.overviewmodels import school_state

    ov = services.standing.overview(merged)
    reported = [p for p in ov["per_school"] if p["reported"]]
    assert reported and all(p["unconfirmed"] for p in reported)
    assert all("密钥未确认" in school_state(p) for p in reported)
    assert all("未确认" not in school_state(p) for p in ov["missing"])
