"""The county package: what it holds, and each export of a plan × period is the next revision."""

from __future__ import annotations

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.rollup import exports


def test_the_package_holds_every_reported_school_with_its_revision_and_the_roster(rollup_world):
    db = open_db(rollup_world / "甲县" / "county.db")
    try:
        m = services.rollup.county_export(db, rollup_world / "again.xlsx")
        assert m["kind"] == "county" and m["county"] == "甲县" and m["revision"] == 2
        assert [s["code"] for s in m["schools"]] == ["B00000", "B00001", "B00002"]
        assert [(r["school"], r["revision"]) for r in m["reports"]] == [("B00000", 1), ("B00001", 1)]
        assert len(m["reports"][0]["entries"]) == 6 and m["reports"][0]["entries"][0]["indicators"]
        assert m["figures"]["reported"] == 2 and m["figures"]["schools"] == 3
        assert [e["revision"] for e in exports.exports(db)] == [1, 2]
    finally:
        db.close()


def test_next_revision_counts_per_plan_and_period(rollup_world):
    db = open_db(rollup_world / "乙县" / "county.db")
    try:
        plan_id = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        assert exports.next_revision(db, plan_id, "2026年上半年") == 2
        assert exports.next_revision(db, plan_id, "另一周期") == 1
    finally:
        db.close()
