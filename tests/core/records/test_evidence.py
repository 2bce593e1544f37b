"""Evidence files: stored once, attached to an entry, copied out, gone with their last use."""

from __future__ import annotations

import pytest

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.records import entries, evidence


def test_evidence_counts_copy_and_removal(school, tmp_path):
    db, code, plan, task, period = school
    f = tmp_path / "记录.txt"
    f.write_bytes(b"x" * 3_000_000)
    sha = evidence.add_evidence(db, code, plan, task, period, f)
    assert evidence.evidence_counts(db, code, plan, period) == {task: 1}
    out = evidence.copy_evidence_to(db, sha, tmp_path / "copy.txt")
    assert out.read_bytes() == f.read_bytes()
    evidence.remove_evidence(db, code, plan, task, period, sha)
    assert evidence.evidence_counts(db, code, plan, period) == {}
    with pytest.raises(TaizhangError):
        evidence.open_evidence_blob(db, sha)  # the blob went with its last use
    assert db.execute("SELECT COUNT(*) FROM evidence_bytes").fetchone()[0] == 0  # its bytes too, not only its row


def test_adding_evidence_marks_the_entry_touched(school, tmp_path):
    db, code, plan, task, period = school
    f = tmp_path / "a.txt"
    f.write_text("a", encoding="utf-8")
    evidence.add_evidence(db, code, plan, task, period, f)
    assert entries.get_entry(db, code, plan, period, task)["updated_at"]


def test_the_same_file_for_two_tasks_is_stored_once(school, tmp_path):
    db, code, plan, task, period = school
    other = next(t["task_id"] for t in services.reporting.school_tasks(db) if t["task_id"] != task)
    f = tmp_path / "合影.jpg"
    f.write_bytes(b"\xff\xd8" + b"p" * 5000)
    a = evidence.add_evidence(db, code, plan, task, period, f)
    b = evidence.add_evidence(db, code, plan, other, period, f)
    assert a == b and db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM evidence_bytes").fetchone()[0] == 1
    evidence.remove_evidence(db, code, plan, task, period, a)
    assert evidence.is_stored(db, a), "still backs the other task"
    evidence.remove_evidence(db, code, plan, other, period, a)
    assert not evidence.is_stored(db, a)


def test_an_empty_file_is_refused_saying_why(school, tmp_path):
    """Issue 14: a 0-byte file (a failed download, an unsaved scan) was accepted as evidence."""
    db, code, plan, task, period = school
    f = tmp_path / "扫描件.pdf"
    f.write_bytes(b"")
    with pytest.raises(TaizhangError) as err:
        evidence.add_evidence(db, code, plan, task, period, f)
    assert "0 字节" in err.value.zh and "empty" in err.value.en
    assert evidence.list_evidence(db, code, plan, period) == []
    assert db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 0


def test_the_same_file_twice_on_one_task_is_refused_saying_so(school, tmp_path):
    """Issue 14: attaching the same file again was silently ignored (renamed in place)."""
    db, code, plan, task, period = school
    f = tmp_path / "照片.txt"
    f.write_bytes(b"same content")
    copy = tmp_path / "照片 - 副本.txt"
    copy.write_bytes(b"same content")
    evidence.add_evidence(db, code, plan, task, period, f)
    with pytest.raises(TaizhangError) as err:
        evidence.add_evidence(db, code, plan, task, period, copy)
    assert "已经添加" in err.value.zh and "照片.txt" in err.value.zh and "already attached" in err.value.en
    assert [e["name"] for e in evidence.list_evidence(db, code, plan, period)] == ["照片.txt"]


def test_a_stored_file_is_reused_for_another_task_without_a_second_copy(school, tmp_path):
    from desktop.core.errors import TaizhangError
    from desktop.core.records import evidence as ev

    db, code, plan, task, period = school
    f = tmp_path / "会议纪要.txt"
    f.write_text("纪要", encoding="utf-8")
    sha = ev.add_evidence(db, code, plan, task, period, f)
    assert ev.reuse_evidence(db, code, plan, "other-task", period, sha) == "会议纪要.txt"
    [stored] = ev.school_files(db, code)
    assert stored["sha256"] == sha and {u["task_id"] for u in stored["uses"]} == {task, "other-task"}
    assert db.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 1
    with pytest.raises(TaizhangError):
        ev.reuse_evidence(db, code, plan, "other-task", period, sha)  # already there
    with pytest.raises(TaizhangError):
        ev.reuse_evidence(db, code, plan, task, period, "0" * 64)  # not the school's


def test_bureau_evidence_is_read_from_the_archived_file_and_damage_is_refused(world, county_db):
    """Bureau side an evidence file is the member of the archived report it came in (no second copy); bytes
    damaged in the archive raise a clear error instead of being shown or exported as the school's file."""
    import hashlib

    from desktop.core.intake import merge

    merge.merge_paths(county_db, [world / "reports"])
    sha, archived, offset, length = county_db.execute(
        "SELECT sha256, archive_sha256, member_offset, member_length FROM evidence LIMIT 1").fetchone()
    assert hashlib.sha256(evidence.evidence_bytes(county_db, sha)).hexdigest() == sha
    rowid = county_db.execute("SELECT rowid FROM archive WHERE sha256 = ?", [archived]).fetchone()[0]
    with county_db.conn.blobopen("archive", "data", rowid) as blob:
        blob.seek(offset + length // 2)
        byte = blob.read(1)
        blob.seek(offset + length // 2)
        blob.write(bytes([byte[0] ^ 0x55]))
    with pytest.raises(TaizhangError):
        evidence.evidence_bytes(county_db, sha)
