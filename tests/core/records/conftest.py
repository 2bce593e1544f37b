"""A fresh school database to record in (shared by the records tests)."""

from __future__ import annotations

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.roster import store as roster_store
from desktop.core.signing import identity
from desktop.core.tasklist import store as task_store


@pytest.fixture
def school(world, tmp_path):
    """A fresh school database (first school of the sample roster) with nothing recorded yet."""
    code = roster_store.schools(open_db(world / "county.db"))[0]["code"]
    path = tmp_path / "s.db"
    services.setup.school_init(world / "plan.xlsx", code, path, county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    db = open_db(path)
    ident = identity.load(db)
    plan = task_store.current_plan(db)
    task = services.reporting.school_tasks(db)[0]
    period = services.reporting.default_period(db)
    yield db, ident.school_code, plan["id"], task["task_id"], period
    db.close()
