"""Bureau merge outcomes (DESIGN §6) on the packages of a real demo round trip."""

import shutil
import zipfile

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.intake import merge
from desktop.core.intake import store as intake_store
from desktop.core.package.container import verify_package
from desktop.core.records import entries, evidence
from desktop.core.signing import crypto


def _codes(world):
    return sorted(p.stem for p in (world / "reports").glob("*.xlsx"))


def _reexport(world, code, out, **fields):
    """The school edits one task and exports again (revision n+1)."""
    db = open_db(world / "schools" / f"{code}.db")
    try:
        task = services.reporting.school_tasks(db)[0]
        plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        period = services.reporting.default_period(db)
        entries.save_entry(db, code, plan, task["task_id"], period, **fields)
        return services.reporting.export_report(db, out, period=period), task["task_id"]
    finally:
        db.close()


def test_first_merge_accepts_every_report_and_pins_keys(world, county_db):
    results = merge.merge_paths(county_db, [world / "reports"])
    assert [r.outcome for r in results] == ["accepted"] * len(_codes(world))
    assert county_db.execute("SELECT COUNT(*) FROM trusted_keys WHERE owner_kind = 'school' AND status = 'pinned'"
                             ).fetchone()[0] == len(_codes(world))
    assert county_db.execute("SELECT COUNT(DISTINCT school_code) FROM entries").fetchone()[0] == len(_codes(world))
    assert county_db.execute("SELECT COUNT(*) FROM archive").fetchone()[0] == len(_codes(world))


def test_merging_again_is_all_duplicates_and_changes_nothing(world, county_db, counts):
    merge.merge_paths(county_db, [world / "reports"])
    before = counts(county_db) | {"audit": county_db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0],
                                  "subs": county_db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]}
    again = merge.merge_paths(county_db, [world / "reports"])
    assert {r.outcome for r in again} == {"duplicate"}
    after = counts(county_db) | {"audit": county_db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0],
                                 "subs": county_db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]}
    assert after == before


def test_renamed_copy_is_a_duplicate(world, county_db):
    code = _codes(world)[0]
    merge.merge_paths(county_db, [world / "reports" / f"{code}.xlsx"])
    copy = world / "copy-of-report.xlsx"
    shutil.copy(world / "reports" / f"{code}.xlsx", copy)
    [r] = merge.merge_paths(county_db, [copy])
    assert r.outcome == "duplicate"


def test_higher_revision_supersedes_and_old_values_go_to_history(world, county_db):
    code = _codes(world)[0]
    merge.merge_paths(county_db, [world / "reports" / f"{code}.xlsx"])
    m, task_id = _reexport(world, code, world / "rev2.xlsx", status="已完成", narrative="第二次报送：全部完成")
    assert m["revision"] == 2
    [r] = merge.merge_paths(county_db, [world / "rev2.xlsx"])
    assert (r.outcome, r.revision) == ("accepted", 2)
    assert county_db.execute("SELECT narrative, revision FROM entries WHERE school_code = ? AND task_id = ?",
                             [code, task_id]).fetchone() == ("第二次报送：全部完成", 2)
    assert county_db.execute("SELECT COUNT(*) FROM entry_history WHERE school_code = ? AND revision = 1",
                             [code]).fetchone()[0] > 0


def test_lower_revision_after_higher_is_stale_and_changes_no_entry(world, county_db, counts):
    code = _codes(world)[0]
    _reexport(world, code, world / "rev2.xlsx", narrative="新")
    merge.merge_paths(county_db, [world / "rev2.xlsx"])
    entries_before = county_db.execute("SELECT * FROM entries ORDER BY task_id").fetchall()
    [r] = merge.merge_paths(county_db, [world / "reports" / f"{code}.xlsx"])
    assert r.outcome == "stale" and "revision 1" in r.reason
    assert county_db.execute("SELECT * FROM entries ORDER BY task_id").fetchall() == entries_before


def test_order_of_revisions_does_not_change_the_result(world, tmp_path):
    code = _codes(world)[0]
    _reexport(world, code, world / "rev2.xlsx", narrative="第二版")
    snapshots = []
    for order in ([world / "reports" / f"{code}.xlsx", world / "rev2.xlsx"],
                  [world / "rev2.xlsx", world / "reports" / f"{code}.xlsx"]):
        path = tmp_path / f"c{len(snapshots)}.db"
        shutil.copy(world / "county.db", path)
        db = open_db(path)
        merge.merge_paths(db, order)
        snapshots.append((db.execute("SELECT school_code, task_id, status, narrative, revision FROM entries"
                                     " ORDER BY task_id").fetchall(),
                          db.execute("SELECT task_id, revision, data FROM entry_history ORDER BY task_id, revision"
                                     ).fetchall()))
        db.close()
    assert snapshots[0] == snapshots[1]


def test_tampered_file_is_rejected_naming_the_sheet_and_changes_nothing(world, county_db, counts, edit_cell_text):
    code = _codes(world)[0]
    src, bad = world / "reports" / f"{code}.xlsx", world / "tampered.xlsx"
    edit_cell_text(src, bad, "xl/worksheets/sheet2.xml", "进行中", "已完成")
    before = counts(county_db)
    [r] = merge.merge_paths(county_db, [bad])
    assert r.outcome == "rejected" and "任务完成情况" in r.reason
    assert (r.school, r.revision) == (code, 1)  # the signature held: who sent it is known
    assert counts(county_db) == before
    assert county_db.execute("SELECT outcome FROM submissions").fetchall() == [("rejected",)]


def test_new_key_waits_for_approval_then_merges(world, county_db, counts, tmp_path):
    code = _codes(world)[0]
    merge.merge_paths(county_db, [world / "reports" / f"{code}.xlsx"])
    # the school reinstalls: new database, new key, exports again
    fresh = tmp_path / "reinstalled.db"
    services.setup.school_init(world / "plan.xlsx", code, fresh, county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    db = open_db(fresh)
    plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    task = services.reporting.school_tasks(db)[0]["task_id"]
    period = services.reporting.default_period(db)
    entries.save_entry(db, code, plan, task, period, status="进行中", narrative="重装后")
    services.reporting.export_report(db, tmp_path / "newkey.xlsx")
    db.close()
    # revision 1 again from the new install, so make it look newer: export twice
    db = open_db(fresh)
    services.reporting.export_report(db, tmp_path / "newkey2.xlsx")
    db.close()
    before = counts(county_db)
    [r] = merge.merge_paths(county_db, [tmp_path / "newkey2.xlsx"])
    assert r.outcome == "rejected" and "pending approval" in r.reason
    assert counts(county_db) | {"trusted_keys": before["trusted_keys"]} == before  # only a pending request added
    assert county_db.execute("SELECT status FROM trusted_keys WHERE owner_code = ? ORDER BY status", [code]
                             ).fetchall() == [("pending",), ("pinned",)]
    new_fp = county_db.execute("SELECT fingerprint FROM trusted_keys WHERE owner_code = ? AND status = 'pending'",
                               [code]).fetchone()[0]
    [held] = services.intake.approve_key(county_db, code, new_fp)
    assert held.outcome == "accepted"
    assert county_db.execute("SELECT narrative FROM entries WHERE school_code = ? AND task_id = ?",
                             [code, task]).fetchone() == ("重装后",)


def test_same_revision_with_other_content_is_a_conflict(world, county_db, tmp_path):
    code = _codes(world)[0]
    merge.merge_paths(county_db, [world / "reports" / f"{code}.xlsx"])
    # a copy of the school's database exports revision 1 again with other content
    other = tmp_path / "copy.db"
    shutil.copy(world / "schools" / f"{code}.db", other)
    db = open_db(other)
    db.execute("DELETE FROM exports")
    task = services.reporting.school_tasks(db)[0]["task_id"]
    plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    period = services.reporting.default_period(db)
    entries.save_entry(db, code, plan, task, period, narrative="另一份内容")
    services.reporting.export_report(db, tmp_path / "conflict.xlsx")
    db.close()
    [r] = merge.merge_paths(county_db, [tmp_path / "conflict.xlsx"])
    assert r.outcome == "rejected" and "conflict" in r.reason
    assert county_db.execute("SELECT COUNT(*) FROM archive").fetchone()[0] == 2  # both kept for audit


def test_files_share_commits_and_each_is_reported_only_once_committed(world, county_db, monkeypatch):
    """A commit writes each page it changed whole: files merged one after another share one (at most
    COMMIT_FILES); ``progress`` hears of a file only when another connection can see it, so a crash never
    loses a file that was reported merged."""
    import sqlite3

    monkeypatch.setattr(merge, "COMMIT_FILES", 2)
    monkeypatch.setattr(merge, "COMMIT_SECONDS", 60)  # the next file's check is always waited for
    n = len(_codes(world)) + 1
    (world / "reports" / "0-junk.xlsx").write_bytes(b"PK\x03\x04broken")  # a rejection among them, undone alone
    path = county_db.conn.execute("PRAGMA database_list").fetchone()[2]
    seen: list[tuple[int, int]] = []

    def progress(n, outcome):
        other = sqlite3.connect(path)
        try:
            seen.append((n, other.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]))
        finally:
            other.close()

    commits: list[str] = []
    county_db.conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    results = merge.merge_paths(county_db, [world / "reports"], progress=progress, workers=0)
    county_db.conn.set_trace_callback(None)
    assert [r.outcome for r in results] == ["rejected"] + ["accepted"] * (n - 1)
    assert [k for k, _ in seen] == list(range(1, n + 1))
    assert all(visible >= k for k, visible in seen)
    assert len(commits) == (n + 1) // 2
    sent = {verify_package(p).manifest["school"]["code"]: len(verify_package(p).manifest["entries"])
            for p in (world / "reports").glob("[!0]*.xlsx")}
    assert dict(county_db.execute("SELECT school_code, COUNT(*) FROM entries GROUP BY school_code").fetchall()) == sent


def test_zip_archive_of_packages_is_merged(world, county_db, tmp_path):
    archive = tmp_path / "usb.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for p in (world / "reports").glob("*.xlsx"):
            zf.write(p, f"学校报送/{p.name}")
        zf.writestr("说明.txt", "not a package")
    results = merge.merge_paths(county_db, [archive])
    assert [r.outcome for r in results] == ["accepted"] * len(_codes(world))
    assert all("usb.zip!" in r.file for r in results)


@pytest.mark.parametrize("junk", [b"", b"hello", b"PK\x03\x04broken"])
def test_junk_files_are_rejected_with_a_reason(world, county_db, junk, counts):
    f = world / "junk.xlsx"
    f.write_bytes(junk)
    before = counts(county_db)
    [r] = merge.merge_paths(county_db, [f])
    assert r.outcome == "rejected" and r.reason
    assert counts(county_db) == before


def test_school_not_in_roster_is_rejected(world, county_db, counts):
    code = _codes(world)[0]
    county_db.execute("DELETE FROM schools WHERE code = ?", [code])
    before = counts(county_db)
    [r] = merge.merge_paths(county_db, [world / "reports" / f"{code}.xlsx"])
    assert r.outcome == "rejected" and "roster" in r.reason
    assert counts(county_db) == before


def test_closed_period_is_rejected(world, county_db):
    county_db.execute("UPDATE periods SET closed = 1")
    [r, *_] = merge.merge_paths(county_db, [world / "reports"])
    assert r.outcome == "rejected" and "closed" in r.reason


def test_plan_workbook_is_not_a_report(world, county_db):
    [r] = merge.merge_paths(county_db, [world / "plan.xlsx"])
    assert r.outcome == "rejected" and "wrong kind" in r.reason


def test_reports_against_an_older_plan_version_keep_their_tasks(world, county_db):
    """The bureau removes a task and republishes (version 2): reports made on version 1 still merge."""
    removed = county_db.execute("SELECT task_id FROM tasks WHERE is_heading = 0 ORDER BY seq LIMIT 1").fetchone()[0]
    county_db.execute("DELETE FROM targets WHERE task_id = ?", [removed])
    county_db.execute("DELETE FROM tasks WHERE task_id = ?", [removed])
    content = services.tasklist.publish(county_db, world / "plan-v2.xlsx")
    assert content["plan"]["version"] == 2
    results = merge.merge_paths(county_db, [world / "reports"], workers=0)
    assert {r.outcome for r in results} == {"accepted"}
    assert county_db.execute("SELECT COUNT(*) FROM entries WHERE task_id = ?", [removed]).fetchone()[0] > 0


def test_duplicates_say_which_school_sent_them(world, county_db):
    first = merge.merge_paths(county_db, [world / "reports"], workers=0)
    again = merge.merge_paths(county_db, [world / "reports"], workers=0)
    assert [(r.school, r.period, r.revision) for r in again] == [(r.school, r.period, r.revision) for r in first]


def test_a_folder_contributes_only_workbooks_and_archives(world, county_db):
    (world / "reports" / "说明.docx").write_bytes(b"not a report")
    (world / "reports" / "backup.db").write_bytes(b"SQLite format 3\x00")
    results = merge.merge_paths(county_db, [world / "reports"], workers=0)
    assert all(r.file.endswith(".xlsx") for r in results) and {r.outcome for r in results} == {"accepted"}


def test_a_big_package_is_streamed_into_the_archive_and_evidence(world, county_db, monkeypatch):
    """Over ``_READ_WHOLE_BELOW`` (lowered here to 8 MB) a package is checked from disk and its bytes streamed into
    the database, unchanged."""
    import os

    from desktop.core.intake import inputs

    monkeypatch.setattr(inputs, "_READ_WHOLE_BELOW", 8 << 20)

    code = _codes(world)[0]
    photo = world / "现场照片.jpg"
    photo.write_bytes(os.urandom(9 << 20))
    db = open_db(world / "schools" / f"{code}.db")
    task = services.reporting.school_tasks(db)[0]["task_id"]
    plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    sha = evidence.add_evidence(db, code, plan, task, services.reporting.default_period(db), photo)
    services.reporting.export_report(db, world / "big.xlsx")
    db.close()
    assert (world / "big.xlsx").stat().st_size > 9 << 20
    [r] = merge.merge_paths(county_db, [world / "big.xlsx"], workers=0)
    assert r.outcome == "accepted"
    assert evidence.evidence_bytes(county_db, sha) == photo.read_bytes()
    archived = intake_store.file_from_archive(county_db, crypto.sha256_file(world / "big.xlsx"))
    assert archived == (world / "big.xlsx").read_bytes()
    # stored once: the evidence row points into the archived file instead of holding a second copy
    row = county_db.execute("SELECT length(data), archive_sha256 FROM evidence WHERE sha256 = ?", [sha]).fetchone()
    assert row == (0, crypto.sha256_file(world / "big.xlsx"))


def test_a_file_that_changes_after_its_check_is_rejected_and_nothing_is_kept(world, county_db, counts, monkeypatch):
    """The bytes archived are hashed on the way in: a big file changed on the stick between its check and its
    archiving (here: one byte of its evidence) is rejected, with no entry, evidence or archive row."""
    import os

    from desktop.core.intake import checking, inputs

    monkeypatch.setattr(inputs, "_READ_WHOLE_BELOW", 8 << 20)
    from desktop.core.signing import identity

    code = _codes(world)[0]
    photo = world / "现场照片.jpg"
    photo.write_bytes(os.urandom(9 << 20))
    db = open_db(world / "schools" / f"{code}.db")
    task = services.reporting.school_tasks(db)[0]["task_id"]
    plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    evidence.add_evidence(db, code, plan, task, services.reporting.default_period(db), photo)
    services.reporting.export_report(db, world / "big.xlsx")
    db.close()
    before = counts(county_db)
    [inp] = inputs.collect_inputs([world / "big.xlsx"])
    checked = checking.check(inp)
    assert checked.error is None and checked.pkg.data is None  # checked from disk, not held in memory
    with open(world / "big.xlsx", "r+b") as fh:
        fh.seek(5 << 20)
        byte = fh.read(1)
        fh.seek(5 << 20)
        fh.write(bytes([byte[0] ^ 0xFF]))
    ctx = merge._Context(county_db, identity.load(county_db).county)
    r = merge.merge_one(ctx, inp, checked)
    assert (r.outcome, r.code) == ("rejected", "invalid") and "改动" in r.reason
    assert counts(county_db) == before
    assert county_db.execute("SELECT COUNT(*) FROM archive").fetchone()[0] == 0


def _report_with_photo(world, megabytes: int):
    """A school's report carrying one stored (not deflated) photo of ``megabytes`` MB; its path and the photo."""
    import os

    code = _codes(world)[0]
    photo = world / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom((megabytes << 20) - 4))
    db = open_db(world / "schools" / f"{code}.db")
    task = services.reporting.school_tasks(db)[0]["task_id"]
    plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    sha = evidence.add_evidence(db, code, plan, task, services.reporting.default_period(db), photo)
    services.reporting.export_report(db, world / "big.xlsx")
    db.close()
    return world / "big.xlsx", sha


def test_a_report_of_many_megabytes_is_read_once_and_its_evidence_found_where_the_check_saw_it(world, county_db):
    """A 13 MB report (30 photos) is read whole once: the check hashes and verifies those bytes, the archive row
    is written from them, and each evidence reference points where the check's own reading of the zip found the
    member (the same places the archived bytes give)."""
    from desktop.core.intake import checking, inputs
    from desktop.core.signing import identity

    path, sha = _report_with_photo(world, 12)
    [inp] = inputs.collect_inputs([path])
    checked = checking.check(inp)
    assert checked.error is None and checked.pkg.data == path.read_bytes()  # held: no second read
    assert sha in checked.pkg.evidence_at
    r = merge.merge_one(merge._Context(county_db, identity.load(county_db).county), inp, checked)
    assert r.outcome == "accepted"
    assert intake_store.evidence_members(county_db, checked.sha256) == checked.pkg.evidence_at
    assert evidence.evidence_bytes(county_db, sha) == (world / "现场照片.jpg").read_bytes()
    assert intake_store.file_from_archive(county_db, checked.sha256) == path.read_bytes()


def test_a_photo_replaced_with_a_right_crc_in_a_big_report_is_refused_and_nothing_kept(world, county_db, counts):
    """The bytes held in memory are checked as strictly as before: a photo member swapped for other bytes of
    the same length, its CRC and sizes made right in both headers (so only the signed digest can tell), is
    refused and nothing of the file is stored."""
    path, sha = _report_with_photo(world, 12)
    name = f"taizhang/evidence/{sha}.bin"
    forged = world / "forged.xlsx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(forged, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == name:
                data = data[:100] + bytes(b ^ 1 for b in data[100:200]) + data[200:]
            zout.writestr(info, data)  # the same member names, methods and dates; CRCs computed anew
    before = counts(county_db)
    [r] = merge.merge_paths(county_db, [forged], workers=0)
    assert r.outcome == "rejected" and "佐证材料内容与签名不符" in r.reason  # the digest, not the zip's shape
    assert counts(county_db) == before
    assert county_db.execute("SELECT COUNT(*) FROM archive").fetchone()[0] == 0


def test_a_report_inside_a_zip_is_archived_from_the_member_when_the_check_kept_no_bytes(world, county_db):
    """A check run in a worker process may hand back its verdict without the file's bytes: the archive then
    streams the member out of the .zip again (hashed on the way in) and its evidence reads back exactly."""
    from desktop.core.intake import checking, inputs
    from desktop.core.signing import identity

    code = _codes(world)[0]
    bundle = world / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.write(world / "reports" / f"{code}.xlsx", f"报送/{code}.xlsx")
    [inp] = inputs.collect_inputs([bundle])
    checked = checking.check(inp)
    checked.pkg._data = None  # what a worker that returns no bytes leaves
    ctx = merge._Context(county_db, identity.load(county_db).county)
    r = merge.merge_one(ctx, inp, checked)
    assert r.outcome == "accepted", r.reason
    original = (world / "reports" / f"{code}.xlsx").read_bytes()
    assert intake_store.file_from_archive(county_db, crypto.sha256_hex(original)) == original
    shas = [s for (s,) in county_db.execute("SELECT sha256 FROM entry_evidence WHERE school_code = ?", [code])]
    assert shas
    for sha in shas:
        assert crypto.sha256_hex(evidence.evidence_bytes(county_db, sha)) == sha
