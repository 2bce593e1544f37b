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


def test_the_city_reads_one_county_roll_up_at_a_time(tmp_path, monkeypatch):
    """A city's figures (and its cross-county copy check, and a school's drill-down) hold one county's parsed
    roll-up at a time (two while the next is read), not every county's at once: 20 counties of 300 schools were
    about 300 MB parsed, and the city's merge peaked at 400 MB for 2.6 MB of packages."""
    import json
    import random
    import types

    from desktop.core import services
    from desktop.core.rollup import store
    from tests.bench.test_city_bench import _tasks, write_county_package

    rng, tasks = random.Random(3), _tasks(10)
    for c in range(5):
        write_county_package(tmp_path / f"county{c}.xlsx", f"第{c + 1}县", 20, tasks, rng)
    services.rollup.city_init(tmp_path / "city.db", "某市")
    db = open_db(tmp_path / "city.db")
    live, most = [0], [0]

    class Parsed(dict):  # a parsed roll-up that counts how many are alive (freed as soon as unreferenced)
        def __init__(self, *args):
            super().__init__(*args)
            live[0] += 1
            most[0] = max(most[0], live[0])

        def __del__(self):
            live[0] -= 1

    try:
        assert [o.outcome for o in merge.merge_paths(db, sorted(tmp_path.glob("county*.xlsx")))] == ["accepted"] * 5
        monkeypatch.setattr(store, "json", types.SimpleNamespace(loads=lambda body: Parsed(json.loads(body)),
                                                                 dumps=json.dumps))
        period = store.periods(db)[0]
        data = figures.compute(db, period)
        assert len(data["counties"]) == 5 and most[0] <= 2
        most[0] = 0
        entries = services.rollup.school_entries(db, "第2县", data["schools"][0]["code"], period)
        assert entries["county"] == "第2县" and most[0] <= 3  # and the county asked for, kept
        most[0] = 0  # a click in the window hands in the groups it has: only that county's roll-up is read
        again = services.rollup.school_entries(db, "第2县", data["schools"][0]["code"], period, copies_found=data["copies"])
        assert again == entries and most[0] == 1
    finally:
        db.close()
