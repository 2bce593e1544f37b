"""The CLI round trip of DESIGN §14: two counties each merge their schools → county export → city merge →
city summary with a county level and a school level; replays, stale and re-keyed county packages."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop.cli import main
from tests.conftest import make_county, write_reports


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def merged(capsys, db, *paths) -> list[dict]:
    code, out, _ = run(capsys, "merge", *paths, "--db", db, "--json")
    assert code == 0
    return json.loads(out)


@pytest.fixture
def counties(tmp_path, capsys):
    """甲县 (3 schools, 2 reported) and 乙县 (2 schools, both reported), each with its schools merged."""
    made = {}
    for name, n, sent in (("甲县", 3, 2), ("乙县", 2, 2)):
        db, plan = make_county(tmp_path / name, n, n_tasks=6, county=name)
        reports = write_reports(tmp_path / name / "reports", plan, n)
        assert {r["outcome"] for r in merged(capsys, db, *reports[:sent])} == {"accepted"}
        made[name] = (db, reports)
    return made


def test_round_trip_two_counties_to_the_city_summary(tmp_path, capsys, counties):
    a1, b1 = tmp_path / "甲县-1.xlsx", tmp_path / "乙县-1.xlsx"
    for name, target in (("甲县", a1), ("乙县", b1)):
        code, out, _ = run(capsys, "county", "export", "--db", counties[name][0], "-o", target)
        assert code == 0 and "第 1 次报送" in out
    city = tmp_path / "city.db"
    assert run(capsys, "city", "init", "--db", city, "--name", "某市")[0] == 0
    first = merged(capsys, city, a1, b1)
    assert [(r["outcome"], r["county"], r["revision"]) for r in first] == [("accepted", "甲县", 1), ("accepted", "乙县", 1)]
    # a replay changes nothing
    assert {r["outcome"] for r in merged(capsys, city, a1, b1)} == {"duplicate"}
    # 甲县 merges its third school and exports twice; the older of the two arrives last: stale
    merged(capsys, counties["甲县"][0], counties["甲县"][1][2])
    a2, a3 = tmp_path / "甲县-2.xlsx", tmp_path / "甲县-3.xlsx"
    for target in (a2, a3):
        assert run(capsys, "county", "export", "--db", counties["甲县"][0], "-o", target)[0] == 0
    later = merged(capsys, city, a3, a2)
    assert [(r["outcome"], r["revision"]) for r in later] == [("accepted", 3), ("stale", 2)]
    assert "替换第 1 次" in later[0]["reason"]

    out = tmp_path / "city.xlsx"
    code, _, _ = run(capsys, "summary", "--db", city, "-o", out)
    assert code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["总体情况", "按县区", "按学校", "未报送学校", "疑似重复材料"]
    by_county = {r[0]: r for r in wb["按县区"].iter_rows(min_row=2, values_only=True)}
    assert set(by_county) == {"甲县", "乙县"}
    assert by_county["甲县"][2] == 3 and by_county["甲县"][4:7] == (3, 3, 0)  # revision 3: all three reported
    schools = list(wb["按学校"].iter_rows(min_row=2, values_only=True))
    assert len(schools) == 5 and {r[0] for r in schools} == {"甲县", "乙县"}
    assert list(wb["未报送学校"].iter_rows(min_row=2, values_only=True)) == []


def test_the_city_summary_lists_each_countys_missing_schools(tmp_path, capsys, counties):
    a1 = tmp_path / "a1.xlsx"
    run(capsys, "county", "export", "--db", counties["甲县"][0], "-o", a1)
    city = tmp_path / "city.db"
    run(capsys, "city", "init", "--db", city, "--name", "某市")
    merged(capsys, city, a1)
    out = tmp_path / "city.xlsx"
    assert run(capsys, "summary", "--db", city, "-o", out)[0] == 0
    missing = list(openpyxl.load_workbook(out)["未报送学校"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in missing] == [("甲县", "B00002")]


def test_a_re_keyed_county_is_held_until_the_city_approves_exactly_its_fingerprint(tmp_path, capsys, counties):
    a1 = tmp_path / "a1.xlsx"
    run(capsys, "county", "export", "--db", counties["甲县"][0], "-o", a1)
    city = tmp_path / "city.db"
    run(capsys, "city", "init", "--db", city, "--name", "某市")
    merged(capsys, city, a1)
    # 甲县 reinstalled: a new database, a new key, its schools merged again
    db, plan = make_county(tmp_path / "甲县-new", 3, n_tasks=6, county="甲县")
    merged(capsys, db, *write_reports(tmp_path / "甲县-new" / "reports", plan, 3))
    run(capsys, "county", "export", "--db", db, "-o", tmp_path / "rekeyed.xlsx")
    held = merged(capsys, city, tmp_path / "rekeyed.xlsx")
    assert held[0]["outcome"] == "rejected" and "等待" in held[0]["reason"] and "pending approval" in held[0]["reason"]
    code, out, _ = run(capsys, "keys", "list", "--db", city, "--json")
    pending = [k for k in json.loads(out) if k["status"] == "pending"]
    assert len(pending) == 1 and pending[0]["owner"] == "甲县"
    code, out, _ = run(capsys, "keys", "approve", "甲县", "--fingerprint", pending[0]["fingerprint"], "--db", city)
    assert code == 0 and "accepted" in out
    # the old key no longer speaks for 甲县
    assert merged(capsys, city, a1)[0]["outcome"] == "duplicate"  # the same bytes: nothing to do


def test_wrong_roles_are_refused_with_a_reason(tmp_path, capsys, counties):
    a1 = tmp_path / "a1.xlsx"
    run(capsys, "county", "export", "--db", counties["甲县"][0], "-o", a1)
    city = tmp_path / "city.db"
    run(capsys, "city", "init", "--db", city, "--name", "某市")
    report = merged(capsys, city, counties["甲县"][1][0])[0]
    assert report["outcome"] == "rejected" and report["reason"].startswith("这是学校的报送文件")
    county = merged(capsys, counties["乙县"][0], a1)[0]
    assert county["outcome"] == "rejected" and "县区汇总" in county["reason"]
    code, _, err = run(capsys, "county", "export", "--db", city, "-o", tmp_path / "x.xlsx")
    assert code == 2 and "错误" in err and not (tmp_path / "x.xlsx").exists()
