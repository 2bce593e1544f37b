"""`taizhang plan rule`: the bureau sets a task's evidence rule and a target's 口径说明 from a script, as its plan
review does (DESIGN §13); Chinese and English words; bad input changes nothing; the next publish carries them."""

from __future__ import annotations

import json
import zipfile

from desktop.cli import main
from desktop.core import services
from desktop.core.db.connection import open_db

NOTE = "按实际开展并留有记录的次数计"


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _nodes(world) -> list[dict]:
    db = open_db(world / "county.db")
    try:
        plan_id = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        return services.tasklist.plan_tasks(db, plan_id)
    finally:
        db.close()


def _leaves(world) -> list[dict]:
    return [t for t in _nodes(world) if not t["is_heading"]]


def test_rules_in_chinese_and_english_are_published(world, capsys, tmp_path):
    county = world / "county.db"
    leaves = _leaves(world)
    one_target = next(t for t in leaves if len(t["targets"]) == 1)
    plain = next(t for t in leaves if t["task_id"] != one_target["task_id"])
    code, out, err = cli(capsys, "plan", "rule", one_target["task_id"], "--db", county, "--evidence", "必需",
                         "--note", NOTE)
    assert code == 0, err
    assert "佐证材料 必需" in out and f"〔口径：{NOTE}〕" in out and "重新发布" in out
    code, out, err = cli(capsys, "plan", "rule", plain["task_id"], "--db", county, "--evidence", "Not-Needed")
    assert code == 0 and "佐证材料 不需" in out
    code, out, _ = cli(capsys, "plan", "rule", plain["task_id"], "--db", county)  # no option: what is set
    assert code == 0 and "佐证材料 不需" in out and "重新发布" not in out
    stored = {t["task_id"]: t for t in _leaves(world)}
    assert stored[one_target["task_id"]]["evidence"] == "必需"
    assert stored[one_target["task_id"]]["targets"][0]["definition"] == NOTE
    assert stored[plain["task_id"]]["evidence"] == "不需"

    db = open_db(county)
    try:
        services.tasklist.publish(db, tmp_path / "v2.xlsx")
    finally:
        db.close()
    with zipfile.ZipFile(tmp_path / "v2.xlsx") as zf:
        tasks = {t["task_id"]: t for t in json.loads(zf.read("taizhang/manifest.json"))["tasks"]}
    assert tasks[one_target["task_id"]]["evidence"] == "必需"
    assert tasks[one_target["task_id"]]["targets"][0]["definition"] == NOTE
    assert tasks[plain["task_id"]]["evidence"] == "不需"

    code, _, _ = cli(capsys, "plan", "rule", plain["task_id"], "--db", county, "--evidence", "optional")
    assert code == 0 and "evidence" not in {t["task_id"]: t for t in _leaves(world)}[plain["task_id"]]


def test_bad_rules_are_refused_and_change_nothing(world, capsys):
    county = world / "county.db"
    leaves = _leaves(world)
    several = next(t for t in leaves if len(t["targets"]) > 1)
    no_targets = next(t for t in leaves if not t["targets"])
    heading = next(t for t in _nodes(world) if t["is_heading"])
    before = _nodes(world)
    attempts = [
        (leaves[0]["task_id"], "--evidence", "maybe"),
        ("no-such-task", "--evidence", "必需"),
        # the rule is valid but the note is not: neither is written
        (no_targets["task_id"], "--evidence", "必需", "--note", NOTE),
        (several["task_id"], "--evidence", "必需", "--note", "口" * 501),
        (several["task_id"], "--evidence", "必需", "--note", NOTE),  # which target?
        (several["task_id"], "--note", NOTE, "--target", "99"),
        (heading["task_id"], "--evidence", "必需"),
    ]
    for args in attempts:
        code, _, err = cli(capsys, "plan", "rule", *args, "--db", county)
        assert code == 2 and err.startswith("错误：") and " / error: " in err and "Traceback" not in err, args
    assert _nodes(world) == before
