"""Merging the same inputs in any order, any number of times, gives the same database (DESIGN §6)."""

import shutil
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.intake import merge
from desktop.core.records import entries


@pytest.fixture(scope="module")
def inputs(demo_template, tmp_path_factory):
    """Revisions 1-3 of one school, other schools' reports, a renamed copy and a tampered file."""
    base = tmp_path_factory.mktemp("props")
    shutil.copytree(demo_template, base / "w")
    world = base / "w"
    reports = sorted((world / "reports").glob("*.xlsx"))
    code = reports[0].stem
    files = list(reports)
    db = open_db(world / "schools" / f"{code}.db")
    plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    period = services.reporting.default_period(db)
    task = services.reporting.school_tasks(db)[0]["task_id"]
    for rev in (2, 3):
        entries.save_entry(db, code, plan, task, period, narrative=f"第{rev}次", progress=rev * 10)
        services.reporting.export_report(db, base / f"rev{rev}.xlsx", period=period)
        files.append(base / f"rev{rev}.xlsx")
    db.close()
    shutil.copy(reports[1], base / "renamed.xlsx")
    files.append(base / "renamed.xlsx")
    with zipfile.ZipFile(reports[2]) as zin, zipfile.ZipFile(base / "tampered.xlsx", "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, data.replace(b"<c ", b"<c  ", 1) if "sheet2" in info.filename else data)
    files.append(base / "tampered.xlsx")
    return world / "county.db", files


def snapshot(db) -> tuple:
    return tuple(db.execute(sql).fetchall() for sql in (
        "SELECT school_code, task_id, period, status, progress, narrative, problems, revision FROM entries ORDER BY 1, 2, 3",
        "SELECT school_code, task_id, target_seq, value FROM indicator_values ORDER BY 1, 2, 3",
        "SELECT school_code, task_id, period, revision, data FROM entry_history ORDER BY 1, 2, 3, 4",
        "SELECT sha256 FROM evidence ORDER BY 1",
        "SELECT school_code, task_id, sha256, name FROM entry_evidence ORDER BY 1, 2, 3",
        "SELECT fingerprint, owner_code, status FROM trusted_keys ORDER BY 1",
        "SELECT sha256 FROM archive ORDER BY 1",
    ))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_order_any_repetition_same_database(inputs, tmp_path, data):
    county, files = inputs
    order = data.draw(st.permutations(files))
    repeats = data.draw(st.lists(st.sampled_from(files), max_size=4))
    results = []
    for run, sequence in enumerate((list(files), order + repeats)):
        path = tmp_path / f"run{run}-{len(results)}.db"
        shutil.copy(county, path)
        db = open_db(path)
        for f in sequence:
            merge.merge_paths(db, [f], workers=0)
        results.append(snapshot(db))
        db.close()
    assert results[0] == results[1]
