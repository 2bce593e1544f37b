"""What changed in one task since the reviewed revision."""

from desktop.core.review import diff


def test_text_status_values_and_evidence_changes():
    old = {"status": "进行中", "progress": 50, "narrative": "第一行\n第二行", "problems": "", "next_steps": "",
           "na_reason": "", "indicators": [{"seq": 1, "value": "3"}], "evidence": [{"sha256": "a", "name": "旧.png"}]}
    new = dict(old, status="已完成", progress=100, narrative="第一行\n第二行改了", indicators=[{"seq": 1, "value": "5"}],
               evidence=[{"sha256": "b", "name": "新.png"}])
    changes = {c["field"]: c for c in diff.entry_changes(old, new)}
    assert set(changes) == {"status", "progress", "narrative", "indicators", "evidence"}
    assert changes["narrative"]["lines"] == [" 第一行", "-第二行", "+第二行改了"]
    assert (changes["evidence"]["added"], changes["evidence"]["removed"]) == (["新.png"], ["旧.png"])
    lines = [line for c in diff.entry_changes(old, new) for line in diff.describe(c)]
    assert "状态：进行中 → 已完成" in lines and "量化指标 第1项：3 → 5" in lines
    assert "佐证材料：新增 新.png，删除 旧.png" in lines


def test_no_change_is_an_empty_list():
    e = {"status": "已完成", "narrative": "x", "indicators": [], "evidence": []}
    assert diff.entry_changes(e, dict(e)) == []
