"""The review round trip through the CLI (DESIGN §12, issue 16): merge → review (one task sent back, the others
passed) → feedback → school load → the school fixes the task → export → merge → the task is 未审核 again with
its diff, the others keep 通过. And hostile feedback files: each a clear refusal that changes nothing."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from desktop.cli import main
from desktop.core.db.connection import open_db

SCHOOL = "SLX001"


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _tasks(capsys, county) -> dict[str, dict]:
    code, out, err = cli(capsys, "review", "--db", county, "--school", SCHOOL, "--json")
    assert code == 0, err
    return {r["task_id"]: r for r in json.loads(out)}


@pytest.fixture
def reviewed(world, capsys):
    """The demo world merged, SLX001 reviewed (first task sent back, the others passed), its feedback written."""
    county = world / "county.db"
    assert cli(capsys, "merge", world / "reports", "--db", county)[0] == 0
    tasks = list(_tasks(capsys, county))
    back, passed = tasks[0], tasks[1:]
    code, _, err = cli(capsys, "review", "--db", county, "--school", SCHOOL, "--task", back, "--return",
                       "--comment", "请补充培训照片和签到表", "--reviewer", "张审核")
    assert code == 0, err
    for tid in passed:
        assert cli(capsys, "review", "--db", county, "--school", SCHOOL, "--task", tid, "--pass")[0] == 0
    assert cli(capsys, "review", "--db", county, "--school", SCHOOL, "--overall", "--return",
               "--comment", "一项需修改")[0] == 0
    feedback = world / "feedback.xlsx"
    code, out, err = cli(capsys, "feedback", "--db", county, "--school", SCHOOL, "-o", feedback)
    assert code == 0, err
    assert "退回修改 1 项" in out
    return world, back, passed, feedback


def test_the_round_trip_through_the_cli(reviewed, capsys):
    world, back, passed, feedback = reviewed
    county, school = world / "county.db", world / "schools" / f"{SCHOOL}.db"
    code, out, err = cli(capsys, "school", "load", feedback, "--db", school)
    assert code == 0, err
    assert "退回修改 1 项" in out and back in out and "请补充培训照片和签到表" in out

    code, _, err = cli(capsys, "entry", "set", "--db", school, "--task", back, "--status", "已完成",
                       "--narrative", "已组织培训两次，补充签到表。")
    assert code == 0, err
    report = world / "r2.xlsx"
    assert cli(capsys, "export", "--db", school, "-o", report)[0] == 0
    with zipfile.ZipFile(report) as zf:
        manifest = json.loads(zf.read("taizhang/manifest.json"))
    with zipfile.ZipFile(feedback) as zf:
        assert manifest["responds_to"] == json.loads(zf.read("taizhang/manifest.json"))["package_id"]
    code, out, err = cli(capsys, "merge", report, "--db", county, "--json")
    assert code == 0 and json.loads(out)[0]["outcome"] == "accepted", out

    after = _tasks(capsys, county)
    assert after[back]["state"] == "未审核" and after[back]["revision"] == 2
    assert "narrative" in {f["field"] for f in after[back]["changes"]}
    assert all(after[t]["state"] == "通过" and after[t]["reviewed_revision"] == 1 and not after[t]["changes"]
               for t in passed)
    code, out, _ = cli(capsys, "history", "--db", county, "--school", SCHOOL, "--since-review")
    assert code == 0 and back in out and "+已组织培训两次，补充签到表。" in out
    code, out, _ = cli(capsys, "history", "--db", county, "--school", SCHOOL, "--since-review", "--json")
    [changed] = json.loads(out)
    assert (changed["task_id"], changed["from_revision"], changed["to_revision"]) == (back, 1, 2)
    # the sent-back decision is kept in history, and the overall decision went back to 未审核
    db = open_db(county)
    try:
        kept = db.execute("SELECT state, comment, revision, why FROM review_history WHERE task_id = ?", [back]).fetchall()
        assert kept == [("退回修改", "请补充培训照片和签到表", 1, "changed")]
        assert db.execute("SELECT state FROM review_overall").fetchone()[0] == "未审核"
    finally:
        db.close()


def test_an_unchanged_resubmission_keeps_every_decision(reviewed, capsys):
    world, back, passed, _ = reviewed
    county, school = world / "county.db", world / "schools" / f"{SCHOOL}.db"
    report = world / "r2.xlsx"
    assert cli(capsys, "export", "--db", school, "-o", report)[0] == 0
    assert cli(capsys, "merge", report, "--db", county)[0] == 0
    after = _tasks(capsys, county)
    assert after[back]["state"] == "退回修改" and all(after[t]["state"] == "通过" for t in passed)


def test_feedback_all_writes_one_file_per_school_with_decisions(reviewed, capsys):
    world, *_ = reviewed
    out_dir = world / "fb"
    code, out, err = cli(capsys, "feedback", "--db", world / "county.db", "--all", "-o", out_dir)
    assert code == 0, err
    [only] = list(out_dir.glob("*.xlsx"))
    assert only.name.startswith(SCHOOL) and "审核意见" in only.name
    code, out, _ = cli(capsys, "verify", only)
    assert code == 0 and "feedback" in out


def test_review_refuses_what_it_cannot_record(world, capsys):
    county = world / "county.db"
    code, _, err = cli(capsys, "review", "--db", county, "--school", SCHOOL, "--task", "1.1", "--pass")
    assert code == 2 and "没有已合并的报送" in err
    assert cli(capsys, "merge", world / "reports", "--db", county)[0] == 0
    code, _, err = cli(capsys, "review", "--db", county, "--school", SCHOOL, "--task", "no-such", "--pass")
    assert code == 2 and "no-such" in err
    code, _, err = cli(capsys, "review", "--db", county, "--school", "NOPE", "--overall", "--pass")
    assert code == 2 and "NOPE" in err
    code, _, err = cli(capsys, "review", "--db", county, "--school", SCHOOL, "--pass")
    assert code == 2 and "--overall" in err


# ------------------------------------------------------------------------------------------- hostile feedback


def _school_state(path) -> tuple:
    db = open_db(path)
    try:
        return (db.execute("SELECT COUNT(*) FROM feedback_received").fetchone()[0],
                db.execute("SELECT group_concat(package_id) FROM feedback_received").fetchone()[0])
    finally:
        db.close()


def _refused(capsys, feedback, school_db, words: str):
    before = _school_state(school_db)
    code, _, err = cli(capsys, "school", "load", feedback, "--db", school_db)
    assert code == 2, err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert _school_state(school_db) == before


def test_feedback_for_another_school_is_refused(reviewed, capsys):
    world, _, _, feedback = reviewed
    _refused(capsys, feedback, world / "schools" / "SLX002.db", "不是本校的")


def test_feedback_from_another_county_is_refused(reviewed, capsys, tmp_path):
    world, _, _, feedback = reviewed
    other = tmp_path / "other"
    # the same county name, another install (another key): not the pinned county key
    shutil.copytree(world, other)
    (other / "county.db").unlink()
    for extra in other.glob("county.db-*"):
        extra.unlink()
    assert cli(capsys, "county", "init", "--db", other / "county.db", "--name", "示例县")[0] == 0
    db = open_db(other / "county.db")
    db.close()
    # forge: re-sign the SLX001 feedback's content with the other county's key
    from desktop.core.package import feedbackbook
    from desktop.core.package.container import verify_package, write_package
    from desktop.core.signing import identity

    m = dict(verify_package(feedback).manifest)
    db = open_db(other / "county.db")
    try:
        ident = identity.load(db)
        forged = tmp_path / "forged.xlsx"
        content = {k: v for k, v in m.items() if k not in ("parts", "format", "kind", "sheets", "evidence")}
        write_package(forged, kind="feedback", content=content, workbook=feedbackbook.build_workbook(content, ident.fingerprint),
                      key=ident.private_key())
    finally:
        db.close()
    _refused(capsys, forged, world / "schools" / f"{SCHOOL}.db", "不是由本县教育局")


def test_feedback_for_a_revision_never_exported_is_refused(reviewed, capsys, tmp_path):
    world, *_ = reviewed
    county = open_db(world / "county.db")
    try:
        from desktop.core.package import feedbackbook
        from desktop.core.package.container import verify_package, write_package
        from desktop.core.signing import identity

        m = dict(verify_package(world / "feedback.xlsx").manifest)
        content = {k: v for k, v in m.items() if k not in ("parts", "format", "kind", "sheets", "evidence")}
        content["answers_revision"] = 7
        ident = identity.load(county)
        forged = tmp_path / "rev7.xlsx"
        write_package(forged, kind="feedback", content=content,
                      workbook=feedbackbook.build_workbook(content, ident.fingerprint), key=ident.private_key())
    finally:
        county.close()
    _refused(capsys, forged, world / "schools" / f"{SCHOOL}.db", "第 7 次报送")


def test_a_resaved_feedback_file_is_refused(reviewed, capsys, edit_cell_text, tmp_path):
    world, _, _, feedback = reviewed
    edited = tmp_path / "edited.xlsx"
    edit_cell_text(feedback, edited, "xl/worksheets/sheet2.xml", "请补充培训照片和签到表", "不用改了")
    _refused(capsys, edited, world / "schools" / f"{SCHOOL}.db", "签名后被改动：工作表 审核意见")


def test_an_older_feedback_replayed_after_a_newer_one_is_refused(reviewed, capsys):
    world, back, _, first = reviewed
    county, school = world / "county.db", world / "schools" / f"{SCHOOL}.db"
    assert cli(capsys, "review", "--db", county, "--school", SCHOOL, "--task", back, "--pass")[0] == 0
    second = world / "feedback2.xlsx"
    assert cli(capsys, "feedback", "--db", county, "--school", SCHOOL, "-o", second)[0] == 0
    assert cli(capsys, "school", "load", second, "--db", school)[0] == 0
    _refused(capsys, first, school, "更新的审核意见")
    _refused(capsys, second, school, "已经载入过")


def test_a_report_is_not_a_feedback_file(world, capsys):
    _refused(capsys, world / "reports" / f"{SCHOOL}.xlsx", world / "schools" / f"{SCHOOL}.db", "不是任务清单或审核意见")


def test_the_summary_shows_the_review_state_per_school_and_per_task(reviewed, capsys):
    import openpyxl

    world, back, passed, _ = reviewed
    out = world / "summary.xlsx"
    assert cli(capsys, "summary", "--db", world / "county.db", "-o", out)[0] == 0
    wb = openpyxl.load_workbook(out)

    def rows_by(sheet, key):
        rows = list(wb[sheet].iter_rows(values_only=True))
        h = next(i for i, r in enumerate(rows) if "审核状态" in r)
        header = rows[h]
        return {r[header.index(key)]: dict(zip(header, r, strict=True)) for r in rows[h + 1:]}

    by_school = rows_by("按学校", "学校代码")
    assert by_school[SCHOOL]["审核状态"] == f"退回修改（通过 {len(passed)}，退回 1）"
    by_task = rows_by("按任务", "编号")
    assert by_task[back]["审核状态"] == "通过 0，退回 1" and by_task[passed[0]]["审核状态"] == "通过 1，退回 0"
