"""疑似重复材料 at the city: the same evidence file or narrative from schools of different counties is flagged in
the import results, the school's entries and the city summary, never rejected; a copy inside one county is not
the city's flag (the county's summary lists it)."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.records import entries, evidence
from desktop.core.rollup import copies
from desktop.core.words import SUSPECTED_COPY, CopyKind
from tests.conftest import PERIOD, make_county, write_reports

COPIED = "本学期开展课后服务，覆盖全校所有班级，家长满意度调查达到百分之九十五以上，下学期继续扩大参与面。"
INSIDE = "校内开展读书节活动，各年级分别组织了朗诵比赛和手抄报展示。"


def copied_packages(base):
    """甲县 B00000 and 乙县 B00001 share a narrative (spaced differently) on their first task and a photo; 甲县's
    two schools share a text between themselves only. Both counties export; a city database ``city.db`` waits.
    Returns (the two packages, task ids per county)."""
    photo = base / "照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"the same photo" * 50)
    tasks = {}
    for county, shared_school in (("甲县", "B00000"), ("乙县", "B00001")):
        db_path, plan = make_county(base / county, 2, n_tasks=6, county=county)
        db = open_db(db_path)
        services.intake.merge_files(db, write_reports(base / county / "reports", plan, 2))
        plan_id = plan["plan"]["id"]
        ids = [t["task_id"] for t in plan["tasks"] if not t["is_heading"]]
        tasks[county] = ids
        text = COPIED if county == "甲县" else f"  {COPIED[:12]}\n{COPIED[12:]} "
        entries.save_entry(db, shared_school, plan_id, ids[0], PERIOD, narrative=text)
        evidence.add_evidence(db, shared_school, plan_id, ids[1], PERIOD, photo)
        if county == "甲县":
            for school in ("B00000", "B00001"):
                entries.save_entry(db, school, plan_id, ids[2], PERIOD, narrative=INSIDE)
        services.rollup.county_export(db, base / f"{county}.xlsx")
        db.close()
    services.rollup.city_init(base / "city.db", "某市")
    return [base / "甲县.xlsx", base / "乙县.xlsx"], tasks


@pytest.fixture(scope="module")
def copied_city(tmp_path_factory):
    base = tmp_path_factory.mktemp("copied-city")
    packages, tasks = copied_packages(base)
    db = open_db(base / "city.db")
    outcomes = services.rollup.merge_files(db, packages)
    db.close()
    return base, outcomes, tasks


def test_cross_county_copies_are_flagged_in_the_import_results_and_merged(copied_city):
    _base, outcomes, _tasks = copied_city
    out = {o.county: o for o in outcomes}
    assert {o.outcome for o in outcomes} == {"accepted"}
    assert out["甲县"].flags == [SUSPECTED_COPY] and out["乙县"].flags == [SUSPECTED_COPY]
    assert "与 乙县 B00001 基准县第1学校 相同的佐证材料 1 份、完成情况说明 1 条" in out["甲县"].reason
    assert "与 甲县 B00000" in out["乙县"].reason and "suspected copied material" in out["乙县"].reason
    assert out["甲县"].as_dict()["flags"] == [SUSPECTED_COPY]


def test_only_schools_of_different_counties_make_a_group(copied_city):
    base, _outcomes, tasks = copied_city
    db = open_db(base / "city.db")
    try:
        groups = services.rollup.city_figures(db)["copies"]
    finally:
        db.close()
    assert [(g["kind"], g["schools"], g["counties"]) for g in groups] == [
        (CopyKind.EVIDENCE, [("乙县", "B00001"), ("甲县", "B00000")], ["乙县", "甲县"]),
        (CopyKind.NARRATIVE, [("乙县", "B00001"), ("甲县", "B00000")], ["乙县", "甲县"])]
    assert groups[1]["label"] == "".join(COPIED.split())
    assert {(r["county"], r["task_id"]) for r in groups[0]["rows"]} == {("甲县", tasks["甲县"][1]), ("乙县", tasks["乙县"][1])}
    assert all(g["label"] != INSIDE for g in groups)  # 甲县's own two schools: the county's flag, not the city's


def test_a_school_entry_names_the_other_countys_school(copied_city):
    base, _outcomes, tasks = copied_city
    db = open_db(base / "city.db")
    try:
        detail = services.rollup.school_entries(db, "甲县", "B00000")
        other = services.rollup.school_entries(db, "甲县", "B00001")
    finally:
        db.close()
    by_task = {e["task_id"]: e["copies"] for e in detail["entries"]}
    assert [(g["kind"], g["others"]) for g in by_task[tasks["甲县"][0]]] == [(CopyKind.NARRATIVE, ["乙县 B00001 基准县第1学校"])]
    assert [g["kind"] for g in by_task[tasks["甲县"][1]]] == [CopyKind.EVIDENCE]
    assert by_task[tasks["甲县"][2]] == []
    assert all(e["copies"] == [] for e in other["entries"])


def test_the_city_summary_has_a_sheet_of_cross_county_copies(copied_city, tmp_path):
    base, _outcomes, tasks = copied_city
    db = open_db(base / "city.db")
    try:
        services.rollup.write_city_summary(db, tmp_path / "city.xlsx")
    finally:
        db.close()
    ws = openpyxl.load_workbook(tmp_path / "city.xlsx")[SUSPECTED_COPY]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if isinstance(r[0], int)]
    assert [(r[0], r[1], r[2], r[3], r[5], r[6]) for r in rows] == [
        (1, "相同的佐证材料", 2, "乙县", "B00001", tasks["乙县"][1]), (1, "相同的佐证材料", 2, "甲县", "B00000", tasks["甲县"][1]),
        (2, "相同的完成情况说明", 2, "乙县", "B00001", tasks["乙县"][0]), (2, "相同的完成情况说明", 2, "甲县", "B00000", tasks["甲县"][0])]
    assert rows[0][8] == "照片.jpg" and len(rows[0][9]) == 64
    assert rows[2][8].startswith(COPIED[:20]) and rows[2][8].endswith("…")


def test_the_rule_is_records_copies_rule():
    """Whitespace inside does not matter, short texts never count, one county alone is no group."""
    texts = [(("甲县", "S1"), "t1", "甲" * 19), (("乙县", "S1"), "t1", "甲" * 19),
             (("甲县", "S1"), "t2", "乙 " * 20), (("甲县", "S2"), "t2", "乙" * 20)]
    assert copies.find([]) == []
    from desktop.core.records import copies as rule

    assert rule.group([], texts, apart=copies.county_of) == []
    assert [g["schools"] for g in rule.group([], texts)] == [[("甲县", "S1"), ("甲县", "S2")]]


def test_the_drill_down_takes_the_groups_already_found(copied_city):
    base, _outcomes, _tasks = copied_city
    db = open_db(base / "city.db")
    try:
        found = services.rollup.city_figures(db)["copies"]
        again = services.rollup.school_entries(db, "甲县", "B00000", copies_found=found)
        fresh = services.rollup.school_entries(db, "甲县", "B00000")
        none = services.rollup.school_entries(db, "甲县", "B00000", copies_found=[])
    finally:
        db.close()
    assert [e["copies"] for e in again["entries"]] == [e["copies"] for e in fresh["entries"]]
    assert all(e["copies"] == [] for e in none["entries"])
