"""疑似重复材料: the same evidence file or the same narrative from different schools is flagged, never rejected."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.records import copies, entries, evidence
from desktop.core.words import SUSPECTED_COPY, CopyKind

COPIED = "本学期开展课后服务，覆盖全校所有班级，家长满意度调查达到百分之九十五。"


def test_normalise_drops_whitespace_at_the_ends_and_inside():
    assert copies.normalise("  甲\u3000\u3000乙\n\n丙  ") == "甲乙丙"


@pytest.fixture
def copied_world(world, tmp_path):
    """SLX001 and SLX002 share a narrative (spaced differently) and a photo; SLX003 repeats a short text and
    uses one text on two of its own tasks. The reports are exported again."""
    photo = tmp_path / "照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"the same photo" * 50)
    for code, text in (("SLX001", COPIED), ("SLX002", f"  {COPIED[:10]}\n{COPIED[10:]}  "), ("SLX003", "已完成。")):
        db = open_db(world / "schools" / f"{code}.db")
        plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        period = services.reporting.default_period(db)
        tasks = [t["task_id"] for t in services.reporting.school_tasks(db)]
        entries.save_entry(db, code, plan, tasks[0], period, status="已完成", progress=100, narrative=text)
        if code == "SLX003":
            own = "本校独有的一段较长的完成情况说明文字，用在两项任务上。"
            for tid in tasks[1:3]:
                entries.save_entry(db, code, plan, tid, period, narrative=own)
        else:
            evidence.add_evidence(db, code, plan, tasks[0], period, photo)
        services.reporting.export_report(db, world / "reports" / f"{code}.xlsx", period=period)
        db.close()
    return world, plan, period, tasks[0]


def test_copies_are_flagged_in_the_import_results_and_still_merged(copied_world):
    world, plan, period, task = copied_world
    db = open_db(world / "county.db")
    try:
        out = {o.school: o for o in services.intake.merge_files(db, [world / "reports"])}
        assert {o.outcome for o in out.values()} == {"accepted"}
        assert out["SLX001"].flags == [SUSPECTED_COPY] and out["SLX002"].flags == [SUSPECTED_COPY]
        assert "与 SLX002 相同的佐证材料 1 份、完成情况说明 1 条" in out["SLX001"].reason
        assert "suspected copied material" in out["SLX001"].reason
        assert out["SLX003"].flags == [] and out["SLX004"].flags == []
        assert out["SLX001"].as_dict()["flags"] == [SUSPECTED_COPY]
        groups = copies.find(db, plan, period)
        assert [(g["kind"], g["schools"]) for g in groups] == [(CopyKind.EVIDENCE, ["SLX001", "SLX002"]),
                                                                (CopyKind.NARRATIVE, ["SLX001", "SLX002"])]
        cell = services.standing.school_task_detail(db, period, "SLX001", task)
        assert [(g["kind"], g["others"]) for g in cell["copies"]] == [(CopyKind.EVIDENCE, ["SLX002"]),
                                                                       (CopyKind.NARRATIVE, ["SLX002"])]
        assert services.standing.school_task_detail(db, period, "SLX004", task)["copies"] == []
    finally:
        db.close()


def test_the_summary_has_a_sheet_of_suspected_copies(copied_world, tmp_path):
    world, _plan, period, task = copied_world
    db = open_db(world / "county.db")
    try:
        services.intake.merge_files(db, [world / "reports"])
        services.standing.write_summary(db, tmp_path / "summary.xlsx", period=period)
    finally:
        db.close()
    ws = openpyxl.load_workbook(tmp_path / "summary.xlsx")[SUSPECTED_COPY]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None and isinstance(r[0], int)]
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        (1, "相同的佐证材料", "SLX001", task), (1, "相同的佐证材料", "SLX002", task),
        (2, "相同的完成情况说明", "SLX001", task), (2, "相同的完成情况说明", "SLX002", task)]
    assert rows[2][7] == COPIED


def test_only_what_two_schools_share_is_read_and_the_groups_are_the_rules(copied_world, monkeypatch):
    """A county of 10,000 schools has 400,000 narratives: the database groups them, and only the shared ones
    reach the rule (they once all sat in memory at the end of every merge, ~180 MB). Same groups as the rule
    applied to every row."""
    world, plan, period, _task = copied_world
    db = open_db(world / "county.db")
    services.intake.merge_files(db, [world / "reports"])
    db.close()
    db = open_db(world / "county.db")  # a connection whose SQL functions are not registered yet
    try:
        every_ev = db.execute("SELECT school_code, task_id, sha256, name FROM entry_evidence WHERE plan_id = ?"
                              " AND period = ? ORDER BY school_code, task_id", [plan, period]).fetchall()
        every_text = db.execute("SELECT school_code, task_id, narrative FROM entries WHERE plan_id = ? AND period = ?"
                                " ORDER BY school_code, task_id", [plan, period]).fetchall()
        seen, normalised = [], []
        rule, normalise = copies.group, copies.normalise
        monkeypatch.setattr(copies, "group", lambda ev, texts, **kw: seen.append((list(ev), list(texts))) or rule(ev, texts, **kw))
        monkeypatch.setattr(copies, "normalise", lambda text: normalised.append(text) or normalise(text))
        found = copies.find(db, plan, period)
    finally:
        db.close()
    assert found == rule(every_ev, every_text) and len(found) == 2
    # each long enough narrative is normalised once in the database (it was twice: to group, then to pick the rows)
    assert sorted(normalised) == sorted(t for *_, t in every_text if len(t) >= copies.MIN_TEXT)
    (ev, texts), = seen
    assert {s for s, *_ in ev} == {s for s, *_ in texts} == {"SLX001", "SLX002"}
    assert len(every_text) > len(texts) == 2  # SLX003's own text on two of its tasks is one school's: not read
