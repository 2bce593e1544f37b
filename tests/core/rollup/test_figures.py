"""The city's figures: a county's rates at the city are the county's own numbers (the same computation)."""

from __future__ import annotations

from desktop.core.db.connection import open_db
from desktop.core.rollup import figures, merge
from desktop.core.standing import figures as county_figures


def test_a_countys_figures_at_the_city_are_its_own(rollup_world, city):
    merge.merge_paths(city, [rollup_world / "甲县-1.xlsx", rollup_world / "乙县-1.xlsx"])
    data = figures.compute(city, as_of="2026-06-01T00:00:00")
    assert [c["county"] for c in data["counties"]] == ["乙县", "甲县"]
    for row in data["counties"]:
        db = open_db(rollup_world / row["county"] / "county.db")
        plan_id = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        own = county_figures.compute(db, plan_id, data["period"], as_of="2026-06-01T00:00:00")
        db.close()
        assert (row["rate"], row["report_rate"], row["reported"], row["countable"]) == (
            own["rate"], own["report_rate"], own["reported"], own["countable"])
        assert [(p["code"], p["rate"], p["rank"]) for p in row["figures"]["per_school"]] == [
            (p["code"], p["rate"], p["rank"]) for p in own["per_school"]]
    assert data["n_schools"] == 5 and data["reported"] == 4
    assert [(s["county"], s["code"]) for s in data["missing"]] == [("甲县", "B00002")]


def test_a_city_without_packages_has_no_period(city):
    data = figures.compute(city)
    assert data["period"] is None and data["counties"] == [] and data["rate"] is None
