"""A bureau user can see what a school changed between revisions and which file each value came from."""

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge, provenance
from desktop.core.intake import store as intake_store
from desktop.core.records import entries


def _school(world):
    return sorted(p.stem for p in (world / "reports").glob("*.xlsx"))[0]


def test_history_and_trace_follow_revisions_to_their_files(world, county_db):
    code = _school(world)
    merge.merge_paths(county_db, [world / "reports" / f"{code}.xlsx"])
    db = open_db(world / "schools" / f"{code}.db")
    task = services.reporting.school_tasks(db)[0]["task_id"]
    plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    period = services.reporting.default_period(db)
    entries.save_entry(db, code, plan, task, period, status="已完成", progress=100, narrative="第二次：已完成")
    services.reporting.export_report(db, world / "rev2.xlsx", period=period)
    db.close()
    merge.merge_paths(county_db, [world / "rev2.xlsx"])

    changes = provenance.history(county_db, code)
    mine = [c for c in changes if c["task_id"] == task]
    assert len(mine) == 1 and (mine[0]["from_revision"], mine[0]["to_revision"]) == (1, 2)
    narrative = next(d for d in mine[0]["changes"] if d["field"] == "narrative")
    assert narrative["new"] == "第二次：已完成"

    found = provenance.trace(county_db, code, task)
    versions = found["periods"][0]["versions"]
    assert [v["revision"] for v in versions] == [1, 2] and versions[-1]["current"]
    assert versions[-1]["source"]["file"] == "rev2.xlsx" and versions[-1]["source"]["archived"]
    assert versions[0]["source"]["file"] == f"{code}.xlsx"
    original = intake_store.file_from_archive(county_db, versions[-1]["submission"])
    assert original == (world / "rev2.xlsx").read_bytes()


def test_unknown_school_or_task_is_a_clear_error(county_db):
    with pytest.raises(TaizhangError, match="不在学校名单"):
        provenance.history(county_db, "NOPE")
    with pytest.raises(TaizhangError, match="没有"):
        provenance.trace(county_db, "NOPE", "1.1")
