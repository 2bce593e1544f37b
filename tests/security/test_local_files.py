"""Local files as an attacker on the same PC, a hostile USB stick or a school's own clock would have them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge
from desktop.core.records import entries, evidence
from desktop.core.signing import identity
from desktop.core.standing import figures
from desktop.core.words import Outcome, Reason

posix = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env={**os.environ, **(env or {})})


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix
def test_databases_and_backups_are_owner_only(tmp_path, world):
    old = os.umask(0o022)  # the usual umask that made 0644 files
    try:
        services.setup.county_init(tmp_path / "c.db", "某县")
        plan = world / "plan.xlsx"
        services.setup.school_init(plan, "SLX001", tmp_path / "s.db",
                                   county_fingerprint=services.setup.plan_fingerprint(plan))
        services.files.backup(tmp_path / "s.db", tmp_path / "copy.db")
    finally:
        os.umask(old)
    for name in ("c.db", "s.db", "copy.db"):
        assert _mode(tmp_path / name) == 0o600, name
    for side in tmp_path.glob("*.db-*"):
        assert _mode(side) & 0o077 == 0, side.name


@posix
def test_an_existing_world_readable_database_is_narrowed_on_open(world):
    path = world / "county.db"
    os.chmod(path, 0o644)
    open_db(path).close()
    assert _mode(path) == 0o600


def test_cli_inits_protect_the_key_with_a_passphrase(tmp_path, world):
    env = {"TAIZHANG_PASSPHRASE": "县局口令"}
    assert _run("county", "init", "--db", tmp_path / "c.db", "--name", "某县", "--passphrase", env=env).returncode == 0
    plan = world / "plan.xlsx"
    fp = services.setup.plan_fingerprint(plan)
    r = _run("school", "init", plan, "--school", "SLX001", "--db", tmp_path / "s.db", "--county-fingerprint", fp,
             "--passphrase", env={"TAIZHANG_PASSPHRASE": "学校口令"})
    assert r.returncode == 0, r.stderr
    for name, phrase in (("c.db", "县局口令"), ("s.db", "学校口令")):
        db = open_db(tmp_path / name)
        ident = identity.load(db)
        db.close()
        assert ident.key_protected
        with pytest.raises(TaizhangError):
            ident.private_key("wrong")
        ident.private_key(phrase)
    r = _run("export", "--db", tmp_path / "s.db", "-o", tmp_path / "r.xlsx")  # without the passphrase: refused
    assert r.returncode == 2 and not (tmp_path / "r.xlsx").exists()
    r = _run("export", "--db", tmp_path / "s.db", "-o", tmp_path / "r.xlsx", "--passphrase",
             env={"TAIZHANG_PASSPHRASE": "学校口令"})
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("sql", [
    "CREATE TRIGGER auto_approve AFTER INSERT ON trusted_keys BEGIN"
    " UPDATE trusted_keys SET status = 'pinned' WHERE fingerprint = NEW.fingerprint; END",
    "CREATE VIEW schools_v AS SELECT * FROM schools",
])
def test_a_database_with_foreign_triggers_or_views_is_refused(world, sql):
    path = world / "county.db"
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(TaizhangError, match="triggers or views"):
        open_db(path)
    assert path.read_bytes() == before
    r = _run("keys", "list", "--db", path)
    assert r.returncode == 2 and "触发器" in r.stderr


# ---- folders from a USB stick -----------------------------------------------------------------------------

@posix
def test_folder_import_skips_fifos_devices_and_links_out_of_the_folder(world, county_db, tmp_path):
    drop = tmp_path / "usb"
    drop.mkdir()
    good = sorted((world / "reports").glob("*.xlsx"))[0]
    (drop / good.name).write_bytes(good.read_bytes())
    os.mkfifo(drop / "pipe.xlsx")  # reading it would hang for ever
    (drop / "zero.xlsx").symlink_to("/dev/zero")  # reading it would fill memory
    outside = tmp_path / "secret.xlsx"
    outside.write_bytes(good.read_bytes())
    (drop / "out.xlsx").symlink_to(outside)
    (drop / "loop").symlink_to(drop, target_is_directory=True)  # a folder loop is not descended
    results = {Path(r.file).name: r for r in merge.merge_paths(county_db, [drop], workers=0)}
    assert results[good.name].outcome == Outcome.ACCEPTED
    assert results["pipe.xlsx"].code == Reason.NOT_A_FILE and results["zero.xlsx"].code == Reason.NOT_A_FILE
    assert results["out.xlsx"].code == Reason.OUTSIDE_FOLDER
    assert all(results[n].outcome == Outcome.REJECTED for n in ("pipe.xlsx", "zero.xlsx", "out.xlsx"))
    assert len(results) == 4


def test_temp_copies_of_evidence_are_removed_at_exit(tmp_path):
    code = ("from desktop.core import services; f = services.files.temp_folder(); (f / 'x.jpg').write_bytes(b'1');"
            " print(f)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    folder = Path(r.stdout.strip())
    assert folder.name.startswith("taizhang-open-") and not folder.exists()


# ---- the school's clock -----------------------------------------------------------------------------------

def test_a_backdated_export_time_does_not_make_a_late_file_on_time(world, county_db, forger):
    src = sorted((world / "reports").glob("*.xlsx"))[0]
    back = world / "backdated.xlsx"
    sdb = open_db(world / "schools" / f"{src.stem}.db")
    key = identity.load(sdb).private_key()
    sdb.close()
    forger(src, back, key=key, manifest_edit=lambda m: m.update(created_at="2000-01-01T08:00:00+08:00"))
    [r] = merge.merge_paths(county_db, [back], workers=0)
    assert r.outcome == Outcome.ACCEPTED
    row = county_db.execute("SELECT created_at, received_at FROM submissions WHERE sha256 IS NOT NULL"
                            " AND outcome = 'accepted'").fetchone()
    sub = {"created_at": row[0], "received_at": row[1], "arrived_at": row[1]}
    yesterday = "2000-01-02"  # a due date long past when the file arrived, though the file claims 2000-01-01
    assert figures.is_late(sub, yesterday)
    assert not figures.is_late(sub, "9999-12-31")


# ---- storage ----------------------------------------------------------------------------------------------

def _revise_with_evidence(world, tmp_path, code, name, data: bytes):
    db = open_db(world / "schools" / f"{code}.db")
    try:
        plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        period = services.reporting.default_period(db)
        task = services.reporting.school_tasks(db)[0]["task_id"]
        f = tmp_path / name
        f.write_bytes(data)
        from desktop.core.records import evidence

        for ev in evidence.list_evidence(db, code, plan, period):
            evidence.remove_evidence(db, code, plan, ev["task_id"], period, ev["sha256"])
        evidence.add_evidence(db, code, plan, task, period, f)
        entries.save_entry(db, code, plan, task, period, narrative=name)
        out = tmp_path / f"{name}.xlsx"
        services.reporting.export_report(db, out, period=period)
        return out
    finally:
        db.close()


def test_compressible_evidence_counts_at_its_real_size_and_superseded_evidence_is_kept_once(world, county_db, tmp_path):
    code = sorted(p.stem for p in (world / "reports").glob("*.xlsx"))[0]
    # 4 MB of one repeated byte (a log or a blank scan): deflates about 1000x, past the ratio a zip bomb
    # is judged by; evidence is only streamed, so it is the school's file, counted at its real size
    text = b"\0" * (4 << 20)
    first = _revise_with_evidence(world, tmp_path, code, "one", text)
    with zipfile.ZipFile(first) as zf:
        part = next(i for i in zf.infolist() if i.filename.startswith("taizhang/evidence/"))
        assert part.file_size > 200 * part.compress_size
    [r] = merge.merge_paths(county_db, [first], workers=0)
    assert r.outcome == Outcome.ACCEPTED, r.reason
    sha = hashlib.sha256(text).hexdigest()
    # the real size, not the compressed one; the bytes are read (inflated) from the archived file, not copied
    assert county_db.execute("SELECT size, length(data) FROM evidence WHERE sha256 = ?", [sha]).fetchone() \
        == (len(text), 0)
    assert evidence.evidence_bytes(county_db, sha) == text
    second = _revise_with_evidence(world, tmp_path, code, "two", b"\1" * 1000)
    [r] = merge.merge_paths(county_db, [second], workers=0)
    assert r.outcome == Outcome.ACCEPTED, r.reason
    # the superseded 4 MB file is no longer linked: it stays once, inside the archived file, not twice
    assert county_db.execute("SELECT COUNT(*) FROM evidence WHERE size = ?", [len(text)]).fetchone()[0] == 0
    assert county_db.execute("SELECT COUNT(*) FROM archive").fetchone()[0] == 2
