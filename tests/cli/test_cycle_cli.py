"""The year as a cycle through the CLI (DESIGN §13, issue 17): period 1 filled and exported → period 2 starts
from it, every answer carried → some confirmed, one edited → export → the bureau's merge and summary tell the
carried answers from the new ones."""

from __future__ import annotations

import json
import zipfile

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.core import services
from desktop.core.db.connection import open_db

SCHOOL = "SLX001"
P1, P2 = "2026年上半年", "2026年全年"


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def ok(capsys, *args) -> str:
    code, out, err = cli(capsys, *args)
    assert code == 0, err
    return out


def _manifest(path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("taizhang/manifest.json"))


@pytest.fixture
def school(world, capsys, tmp_path):
    """A fresh SLX001 install on the demo's plan, period 1 filled (three tasks, a value, a file) and exported."""
    db = tmp_path / "school.db"
    fp = services.setup.plan_fingerprint(world / "plan.xlsx")
    ok(capsys, "school", "init", world / "plan.xlsx", "--school", SCHOOL, "--db", db, "--county-fingerprint", fp)
    rows = json.loads(ok(capsys, "entry", "list", "--db", db, "--period", P1, "--json"))
    tasks = [r["task_id"] for r in rows]
    conn = open_db(db)
    with_target = next(t["task_id"] for t in services.reporting.school_tasks(conn)
                       if t["targets"] and t["task_id"] not in tasks[:3])
    conn.close()
    photo = tmp_path / "签到表.txt"
    photo.write_text("第一期培训签到表\n", encoding="utf-8")
    ok(capsys, "entry", "set", "--db", db, "--period", P1, "--task", tasks[0], "--status", "已完成",
       "--narrative", "召开专题会议两次。", "--attach", photo)
    ok(capsys, "entry", "set", "--db", db, "--period", P1, "--task", tasks[1], "--status", "进行中", "--progress", "40",
       "--narrative", "已启动调研。")
    ok(capsys, "entry", "set", "--db", db, "--period", P1, "--task", with_target, "--status", "进行中",
       "--progress", "50", "--value", "1=7")
    ok(capsys, "export", "--db", db, "--period", P1, "-o", tmp_path / "p1.xlsx")
    return db, tasks, with_target


def test_period_two_starts_from_period_one_carried(school, capsys):
    db, tasks, with_target = school
    rows = {r["task_id"]: r for r in json.loads(ok(capsys, "entry", "list", "--db", db, "--period", P2, "--json"))}
    first = rows[tasks[0]]
    assert (first["status"], first["narrative"], first["evidence"]) == ("已完成", "召开专题会议两次。", 1)
    assert first["carried_from"] == P1 and first["carried_confirmed"] is False
    assert rows[with_target]["indicators"] == [{"seq": 1, "value": "7"}]
    assert rows[with_target]["carried_from"] == P1
    carried = {t for t, r in rows.items() if r["carried_from"]}
    assert carried == {tasks[0], tasks[1], with_target}
    assert "沿用上期·未确认" in ok(capsys, "entry", "list", "--db", db, "--period", P2)
    # period 1 is untouched, and the evidence file is stored once for both periods
    conn = open_db(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM entry_evidence").fetchone()[0] == 2
        assert conn.execute("SELECT COUNT(*) FROM entries WHERE period = ? AND carried_from IS NOT NULL",
                            [P1]).fetchone()[0] == 0
    finally:
        conn.close()


def test_the_round_trip_shows_carried_and_new_answers_at_the_bureau(school, world, capsys, tmp_path):
    db, tasks, with_target = school
    ok(capsys, "entry", "set", "--db", db, "--period", P2, "--task", tasks[0], "--confirm")
    out = ok(capsys, "entry", "set", "--db", db, "--period", P2, "--task", tasks[1], "--progress", "80",
             "--narrative", "调研完成，方案已起草。")
    assert "沿用" not in out  # edited: the school's own answer of period 2
    ws = services.reporting.open_workspace(db)
    try:
        services.reporting.set_period(ws, P2)
        check = services.reporting.export_check(ws)
    finally:
        services.reporting.close_workspace(ws)
    [warning] = [w for w in check["warnings"] if w["code"] == "carried_unconfirmed"]
    assert warning["params"]["task_ids"] == [with_target]
    report = tmp_path / "p2.xlsx"
    ok(capsys, "export", "--db", db, "--period", P2, "-o", report)
    m = {e["task_id"]: e for e in _manifest(report)["entries"]}
    assert (m[tasks[0]]["carried_from"], m[tasks[0]]["carried_confirmed"]) == (P1, True)
    assert (m[with_target]["carried_from"], m[with_target]["carried_confirmed"]) == (P1, False)
    assert "carried_from" not in m[tasks[1]] and "carried_from" not in m[tasks[2]]
    assert _manifest(report)["evidence"][0]["task_id"] == tasks[0]  # the carried evidence link goes with it

    county = world / "county.db"
    merged = json.loads(ok(capsys, "merge", tmp_path / "p1.xlsx", report, "--db", county, "--json"))
    assert [r["outcome"] for r in merged] == ["accepted", "accepted"]
    conn = open_db(county)
    try:
        stored = dict(((t, (c, bool(k))) for t, c, k in conn.execute(
            "SELECT task_id, carried_from, carried_confirmed FROM entries WHERE school_code = ? AND period = ?",
            [SCHOOL, P2]).fetchall()))
        assert stored[tasks[0]] == (P1, True) and stored[with_target] == (P1, False)
        assert stored[tasks[1]] == (None, False)
        figures = services.standing.overview(conn, P2)
        [row] = [p for p in figures["per_school"] if p["code"] == SCHOOL]
        assert (row["n_carried"], row["n_carried_unconfirmed"]) == (2, 1)
        per_task = {p["task_id"]: p["n_carried"] for p in figures["per_task"]}
        assert per_task[tasks[0]] == 1 and per_task[tasks[1]] == 0
        p1 = services.standing.overview(conn, P1)
        assert next(p for p in p1["per_school"] if p["code"] == SCHOOL)["n_carried"] == 0
    finally:
        conn.close()
    summary = tmp_path / "summary.xlsx"
    ok(capsys, "summary", "--db", county, "--period", P2, "-o", summary)
    wb = load_workbook(summary, read_only=True)
    by_school = list(wb["按学校"].values)
    col = by_school[0].index("沿用上期")
    assert next(r for r in by_school if r[1] == SCHOOL)[col] == "2（未确认 1）"
    matrix = list(wb["学校×任务"].values)
    header = next(r for r in matrix if r and r[0] == "学校代码")
    line = next(r for r in matrix if r and r[0] == SCHOOL)
    cell = {h.split("\n")[0]: v for h, v in zip(header, line, strict=True) if h}
    assert cell[tasks[0]] == "已完成（沿用）" and cell[tasks[1]] == "进行中"


def test_a_section_is_confirmed_at_once(school, capsys):
    db, tasks, _ = school
    conn = open_db(db)
    try:
        section = next(t["parent_id"] for t in services.reporting.school_tasks(conn) if t["task_id"] == tasks[0])
    finally:
        conn.close()
    out = ok(capsys, "entry", "set", "--db", db, "--period", P2, "--task", section, "--confirm")
    assert "确认沿用" in out
    rows = {r["task_id"]: r for r in json.loads(ok(capsys, "entry", "list", "--db", db, "--period", P2, "--json"))}
    assert rows[tasks[0]]["carried_confirmed"] is True


def test_saving_the_same_value_keeps_the_carried_mark(school, capsys):
    db, tasks, _ = school
    ok(capsys, "entry", "set", "--db", db, "--period", P2, "--task", tasks[0], "--status", "已完成")
    rows = {r["task_id"]: r for r in json.loads(ok(capsys, "entry", "list", "--db", db, "--period", P2, "--json"))}
    assert rows[tasks[0]]["carried_from"] == P1


def test_bad_entry_input_is_refused_and_changes_nothing(school, capsys, tmp_path):
    db, tasks, _ = school
    before = ok(capsys, "entry", "list", "--db", db, "--period", P2, "--json")
    for args in (("--value", "x"), ("--attach", tmp_path / "missing.txt"), ("--status", "完成了")):
        code, _, err = cli(capsys, "entry", "set", "--db", db, "--period", P2, "--task", tasks[0], *args)
        assert code != 0 and err.strip() and "Traceback" not in err
    code, _, err = cli(capsys, "entry", "set", "--db", db, "--task", "no-such-task", "--status", "已完成")
    assert code != 0 and "no-such-task" in err
    assert ok(capsys, "entry", "list", "--db", db, "--period", P2, "--json") == before


def test_one_file_backs_several_tasks_stored_once(school, capsys, tmp_path):
    db, tasks, _ = school
    ok(capsys, "entry", "set", "--db", db, "--period", P2, "--task", tasks[2], "--status", "已完成",
       "--narrative", "同一次会议。", "--reuse", "签到表.txt")
    code, _, err = cli(capsys, "entry", "set", "--db", db, "--period", P2, "--task", tasks[2], "--reuse", "签到表.txt")
    assert code != 0 and "已经添加" in err
    code, _, err = cli(capsys, "entry", "set", "--db", db, "--period", P2, "--task", tasks[2], "--reuse", "没有.txt")
    assert code != 0 and "SHA-256" in err
    report = tmp_path / "p2.xlsx"
    ok(capsys, "export", "--db", db, "--period", P2, "-o", report)
    m = _manifest(report)
    assert sorted(e["task_id"] for e in m["evidence"]) == sorted([tasks[0], tasks[2]])
    assert len({e["sha256"] for e in m["evidence"]}) == 1
    with zipfile.ZipFile(report) as zf:
        assert sum(n.startswith("taizhang/evidence/") for n in zf.namelist()) == 1
    assert ok(capsys, "verify", report)


def test_carry_again_undoes_an_edit_and_a_confirm(school, capsys, tmp_path):
    db, tasks, with_target = school
    extra = tmp_path / "本期照片.txt"
    extra.write_text("本期才有\n", encoding="utf-8")
    ok(capsys, "entry", "set", "--db", db, "--period", P2, "--task", tasks[0], "--status", "进行中", "--progress", "20",
       "--narrative", "写错了。", "--attach", extra)
    ok(capsys, "entry", "set", "--db", db, "--period", P2, "--task", with_target, "--confirm")
    for task in (tasks[0], with_target):
        out = ok(capsys, "entry", "set", "--db", db, "--period", P2, "--task", task, "--carry-again")
        assert "改回上期" in out
    rows = {r["task_id"]: r for r in json.loads(ok(capsys, "entry", "list", "--db", db, "--period", P2, "--json"))}
    first = rows[tasks[0]]
    assert (first["status"], first["narrative"], first["evidence"]) == ("已完成", "召开专题会议两次。", 1)
    assert (first["carried_from"], first["carried_confirmed"]) == (P1, False)
    assert (rows[with_target]["carried_confirmed"], rows[with_target]["indicators"]) == (False, [{"seq": 1, "value": "7"}])
    conn = open_db(db)
    try:  # the file only period 2 had is gone with its last link; period 1's file stays once
        assert conn.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 1
    finally:
        conn.close()
    # nothing to carry (no answer last period), or mixed with an edit: refused, nothing changes
    before = ok(capsys, "entry", "list", "--db", db, "--period", P2, "--json")
    for args in ((tasks[2], "--carry-again"), (tasks[0], "--carry-again", "--status", "未开始")):
        code, _, err = cli(capsys, "entry", "set", "--db", db, "--period", P2, "--task", *args)
        assert code == 2 and " / error: " in err and "Traceback" not in err
    assert ok(capsys, "entry", "list", "--db", db, "--period", P2, "--json") == before
