"""Who may speak for a school (DESIGN §16), attacked the way a school or an outsider could.

Every forged file here is built with the tools anyone has: the published plan workbook, the program
itself (a school database of one's own, edited with any SQLite tool) and a key of one's own.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from desktop.core import services
from desktop.core.db import settings
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge
from desktop.core.records import entries
from desktop.core.signing import crypto, enrolment, identity, trust
from desktop.core.words import Confirmation, Outcome, Reason


def _codes(world):
    return sorted(p.stem for p in (world / "reports").glob("*.xlsx"))


def _signer(path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        import base64

        return base64.b64decode(json.loads(zf.read("taizhang/signature.json"))["public_key"])


def _manifest(path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("taizhang/manifest.json"))


def _install(world, tmp_path, code, name, *, enrol=None, revision_from=None, narrative="冒名填写"):
    """A fresh install for school ``code`` from the published plan (what anyone holding plan.xlsx can do),
    one entry written, exported. ``revision_from`` fakes the export counter (an edited database)."""
    db_path = tmp_path / f"{name}.db"
    plan_file = world / "plan.xlsx"
    services.setup.school_init(plan_file, code, db_path, enrol=enrol,
                               county_fingerprint=services.setup.plan_fingerprint(plan_file))
    db = open_db(db_path)
    try:
        plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        period = services.reporting.default_period(db)
        task = services.reporting.school_tasks(db)[0]["task_id"]
        entries.save_entry(db, code, plan, task, period, status="已完成", narrative=narrative)
        if revision_from:
            db.execute("INSERT INTO exports (package_id, plan_id, period, revision, file_name, sha256, created_at)"
                       " VALUES ('fake', ?, ?, ?, 'x', 'x', '2026-01-01')", [plan, period, revision_from])
        out = tmp_path / f"{name}.xlsx"
        services.reporting.export_report(db, out, period=period)
        return out, task
    finally:
        db.close()


def _codes_for(county_db) -> dict[str, str]:
    return {r["school"]: r["code"] for r in services.intake.enrolment_codes(county_db)}


def _narrative(county_db, school, task):
    row = county_db.execute("SELECT narrative FROM entries WHERE school_code = ? AND task_id = ?", [school, task]).fetchone()
    return row[0] if row else None


# ---- one key for two schools ---------------------------------------------------------------------------

def test_a_school_cannot_sign_for_another_school_with_its_own_key(world, county_db, forger):
    a, b = _codes(world)[:2]
    assert merge.merge_paths(county_db, [world / "reports" / f"{a}.xlsx"])[0].outcome == Outcome.ACCEPTED
    sdb = open_db(world / "schools" / f"{a}.db")
    a_key = identity.load(sdb).private_key()
    sdb.close()
    fake = world / "fake.xlsx"
    forger(world / "reports" / f"{a}.xlsx", fake, key=a_key,
           manifest_edit=lambda m: (m["school"].update(code=b), m.update(revision=100000)))
    [r] = merge.merge_paths(county_db, [fake])
    assert r.outcome == Outcome.REJECTED and r.code == Reason.KEY_OTHER_SCHOOL and "two schools" in r.reason
    assert trust.pinned_key(county_db, "school", b) is None  # B is still free for its real key
    assert trust.key_owner(county_db, crypto.fingerprint(crypto.public_raw(a_key)))[1] == a
    [genuine] = merge.merge_paths(county_db, [world / "reports" / f"{b}.xlsx"])
    assert genuine.outcome == Outcome.ACCEPTED  # not stale, not "key changed"


# ---- enrolment codes ------------------------------------------------------------------------------------

def test_enrolment_code_confirms_the_real_school_and_sets_the_impostor_aside(world, county_db, tmp_path):
    b = _codes(world)[1]
    code = _codes_for(county_db)[b]
    impostor, task = _install(world, tmp_path, b, "impostor", revision_from=99999)
    assert _manifest(impostor)["revision"] == 100000
    [r] = merge.merge_paths(county_db, [impostor])
    assert r.outcome == Outcome.ACCEPTED and r.code == Reason.UNCONFIRMED_KEY and "unconfirmed" in r.reason
    assert services.intake.unconfirmed_schools(county_db) == {b: crypto.fingerprint(_signer(impostor))}
    real, _ = _install(world, tmp_path, b, "real", enrol=code.lower().replace("-", " "), narrative="本校真实填写")
    assert "enrolment" in _manifest(real) and code.replace("-", "") not in real.read_bytes().decode("latin-1")
    [r] = merge.merge_paths(county_db, [real])
    assert r.outcome == Outcome.ACCEPTED and r.code == ""  # revision 1 after the impostor's 100000: not stale
    assert trust.pinned_key(county_db, "school", b) == _signer(real)
    assert trust.confirmation(county_db, "school", b) == Confirmation.ENROLMENT
    assert _narrative(county_db, b, task) == "本校真实填写"
    assert county_db.execute("SELECT outcome, reason_code FROM submissions WHERE signer_fingerprint = ?",
                             [crypto.fingerprint(_signer(impostor))]).fetchall() == [("rejected", "set_aside")]
    kept = county_db.execute("SELECT data FROM entry_history WHERE school_code = ? AND revision = 100000", [b]).fetchall()
    assert any("冒名填写" in d for (d,) in kept)  # set aside, kept in history
    [again] = merge.merge_paths(county_db, [impostor])
    assert again.outcome == Outcome.REJECTED and again.code == Reason.OLD_KEY


def test_a_wrong_enrolment_code_is_rejected_with_a_reason(world, county_db, tmp_path):
    b = _codes(world)[1]
    right = _codes_for(county_db)[b].replace("-", "")
    wrong = right[:-1] + ("A" if right[-1] != "A" else "C")
    f, _ = _install(world, tmp_path, b, "typo", enrol=wrong)
    [r] = merge.merge_paths(county_db, [f])
    assert r.outcome == Outcome.REJECTED and r.code == Reason.ENROLMENT_WRONG and "enrolment" in r.reason
    assert trust.pinned_key(county_db, "school", b) is None


def test_a_proof_copied_from_the_real_school_does_not_fit_another_key(world, county_db, tmp_path):
    b = _codes(world)[1]
    real, _ = _install(world, tmp_path, b, "real", enrol=_codes_for(county_db)[b])
    stolen = _manifest(real)["enrolment"]
    # the impostor puts the real school's proof into its own database before exporting
    db_path = tmp_path / "thief.db"
    services.setup.school_init(world / "plan.xlsx", b, db_path,
                               county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    db = open_db(db_path)
    settings.set_setting(db, settings.ENROLMENT_PROOF, stolen)
    services.reporting.export_report(db, tmp_path / "thief.xlsx")
    db.close()
    [r] = merge.merge_paths(county_db, [tmp_path / "thief.xlsx"])
    assert r.outcome == Outcome.REJECTED and r.code == Reason.ENROLMENT_WRONG
    assert merge.merge_paths(county_db, [real])[0].outcome == Outcome.ACCEPTED


def test_a_spent_code_does_not_confirm_a_second_key(world, county_db, tmp_path):
    b = _codes(world)[1]
    code = _codes_for(county_db)[b]
    first, _ = _install(world, tmp_path, b, "first", enrol=code)
    assert merge.merge_paths(county_db, [first])[0].outcome == Outcome.ACCEPTED
    second, _ = _install(world, tmp_path, b, "second", enrol=code, revision_from=5)
    [r] = merge.merge_paths(county_db, [second])
    assert r.outcome == Outcome.REJECTED and r.code == Reason.ENROLMENT_WRONG
    assert trust.pinned_key(county_db, "school", b) == _signer(first)


def test_enrolment_codes_are_unambiguous_and_one_per_school(county_db):
    rows = services.intake.enrolment_codes(county_db)
    assert len({r["code"] for r in rows}) == len(rows)
    for r in rows:
        raw = r["code"].replace("-", "")
        assert len(raw) == 8 and set(raw) <= set(enrolment.ALPHABET) and not set(raw) & set("0O1IL2Z5S8B")
    assert services.intake.enrolment_codes(county_db) == rows  # stable: printed once, valid until used


# ---- without a code: unconfirmed, never a lock-out ---------------------------------------------------------

def test_a_second_key_for_an_unconfirmed_school_holds_both_until_the_bureau_decides(world, county_db, tmp_path):
    """Also what happens when a school picks the wrong one of three 东河… schools in the wizard: its key
    lands on the other school unconfirmed, and the real school is not locked out."""
    b = _codes(world)[1]
    impostor, task = _install(world, tmp_path, b, "impostor", revision_from=99999)
    merge.merge_paths(county_db, [impostor])
    [held] = merge.merge_paths(county_db, [world / "reports" / f"{b}.xlsx"])
    assert held.outcome == Outcome.REJECTED and held.code == Reason.KEY_PENDING
    requests = services.intake.key_requests(county_db)
    pending = next(r for r in requests if r["kind"] == "pending" and r["school"] == b)
    assert pending["pinned_unconfirmed"] and pending["pinned"] == crypto.fingerprint(_signer(impostor))
    assert [r["kind"] for r in requests if r["school"] == b] == ["pending"]  # one row shows both keys
    real_fp = crypto.fingerprint(_signer(world / "reports" / f"{b}.xlsx"))
    [merged] = services.intake.approve_key(county_db, b, crypto.format_fingerprint(real_fp))
    assert merged.outcome == Outcome.ACCEPTED  # revision 1 after 100000: never stale once confirmed
    assert trust.pinned_key(county_db, "school", b) == _signer(world / "reports" / f"{b}.xlsx")
    assert trust.confirmation(county_db, "school", b) == Confirmation.APPROVED
    assert _narrative(county_db, b, task) != "冒名填写"
    assert b not in services.intake.unconfirmed_schools(county_db)


def test_approving_one_pending_key_pins_exactly_that_key(world, county_db, tmp_path):
    b = _codes(world)[1]
    merge.merge_paths(county_db, [world / "reports" / f"{b}.xlsx"])
    one, _ = _install(world, tmp_path, b, "one", revision_from=3)
    two, _ = _install(world, tmp_path, b, "two", revision_from=4)
    merge.merge_paths(county_db, [one, two])
    seen = crypto.fingerprint(_signer(one))  # the one the person compared; "two" is the newest
    services.intake.approve_key(county_db, b, seen)
    assert trust.pinned_fingerprint(county_db, "school", b) == seen
    assert trust.key_owner(county_db, crypto.fingerprint(_signer(two)))[2] == "refused"
    with pytest.raises(TaizhangError):
        services.intake.approve_key(county_db, b, "")


def test_an_unconfirmed_first_key_can_be_confirmed_by_paper(world, county_db):
    b = _codes(world)[1]
    merge.merge_paths(county_db, [world / "reports" / f"{b}.xlsx"])
    fp = crypto.fingerprint(_signer(world / "reports" / f"{b}.xlsx"))
    services.intake.confirm_key(county_db, b, fp)  # what issue 13's paper-check calls
    assert trust.confirmation(county_db, "school", b) == Confirmation.PAPER
    assert _narrative(county_db, b, services_task(world, b)) is not None  # the data stays: same key


def services_task(world, code):
    db = open_db(world / "schools" / f"{code}.db")
    try:
        return services.reporting.school_tasks(db)[0]["task_id"]
    finally:
        db.close()


# ---- the school side ------------------------------------------------------------------------------------

def test_school_init_pins_the_county_key_only_against_the_fingerprint_given(world, tmp_path):
    with pytest.raises(TaizhangError, match="fingerprint"):
        services.setup.school_init(world / "plan.xlsx", _codes(world)[0], tmp_path / "s.db", county_fingerprint="ab" * 32)
    assert not (tmp_path / "s.db").exists()


def test_the_wizard_pins_the_bytes_it_verified_not_a_file_swapped_later(world, tmp_path, forger):
    plan = world / "plan.xlsx"
    verified = plan.read_bytes()  # what the fingerprint page read and showed
    shown = services.setup.plan_fingerprint(verified)
    # between the fingerprint page and 完成 the file on disk is replaced by one signed with another key
    # a perfect forgery: the sheets rebuilt to show the other key's fingerprint, as our writer would
    forger(world / "plan.xlsx", tmp_path / "swapped.xlsx", key=crypto.new_private_key(), manifest_edit=lambda m: None)
    plan.write_bytes((tmp_path / "swapped.xlsx").read_bytes())
    with pytest.raises(TaizhangError, match="fingerprint"):  # the path now names other bytes: refused
        services.setup.school_init(plan, _codes(world)[0], tmp_path / "bad.db", county_fingerprint=shown)
    services.setup.school_init(verified, _codes(world)[0], tmp_path / "s.db", county_fingerprint=shown)
    db = open_db(tmp_path / "s.db")
    try:
        assert trust.pinned_fingerprint(db, "county", identity.load(db).county) == shown
        assert trust.confirmation(db, "county", identity.load(db).county) == Confirmation.COMPARED
    finally:
        db.close()


def _other_plan(plan_id, title):
    from desktop.core.package import planbook

    def edit(m):
        m["plan"].update(id=plan_id, title=title)
        m["plan"]["digest"] = planbook.plan_digest(title, m["tasks"], m["schools"], m["periods"])
    return edit


def test_a_plan_workbook_of_another_plan_is_not_an_update(world, tmp_path, forger):
    """Last year's plan, signed by the same county key, must not silently replace this year's."""
    cdb = open_db(world / "county.db")
    county_key = identity.load(cdb).private_key()
    cdb.close()

    forger(world / "plan.xlsx", tmp_path / "last-year.xlsx", key=county_key,
           manifest_edit=_other_plan("00000000-0000-4000-8000-000000000000", "2025年工作要点"))
    sdb = open_db(world / "schools" / f"{_codes(world)[0]}.db")
    try:
        current = sdb.execute("SELECT plan_id FROM plans").fetchone()[0]
        with pytest.raises(services.setup.OtherPlan, match="another plan") as caught:
            services.setup.load_plan_update(sdb, tmp_path / "last-year.xlsx")
        assert "2025年工作要点" in caught.value.zh and caught.value.current["id"] == current
        assert sdb.execute("SELECT plan_id FROM plans").fetchall() == [(current,)]
    finally:
        sdb.close()


def test_cli_school_load_names_both_plans_and_school_init_shows_the_fingerprint(world, tmp_path, forger):
    import subprocess
    import sys

    cdb = open_db(world / "county.db")
    county_key = identity.load(cdb).private_key()
    cdb.close()
    forger(world / "plan.xlsx", tmp_path / "ly.xlsx", key=county_key,
           manifest_edit=_other_plan("00000000-0000-4000-8000-000000000001", "旧计划"))

    def run(*args, **kw):
        return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, **kw)

    r = run("school", "load", tmp_path / "ly.xlsx", "--db", world / "schools" / f"{_codes(world)[0]}.db")
    assert r.returncode == 2 and "旧计划" in r.stderr and "another plan" in r.stderr
    r = run("school", "init", world / "plan.xlsx", "--school", _codes(world)[0], "--db", tmp_path / "n.db")
    shown = crypto.format_fingerprint(services.setup.plan_fingerprint(world / "plan.xlsx"))
    assert r.returncode == 2 and shown in r.stdout and "--county-fingerprint" in r.stderr
    assert not (tmp_path / "n.db").exists()
