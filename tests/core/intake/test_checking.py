"""The checking half of a merge (intake/checking.py): what a worker process hands back, and the pooled merge of
plain files and archive members giving the same result as checking in this process."""

from __future__ import annotations

import gc
import os
import pickle
import shutil
import zipfile

from desktop.core.db.connection import open_db
from desktop.core.intake import checking, merge
from desktop.core.intake import store as intake_store
from desktop.core.intake.inputs import collect_inputs
from desktop.core.records.evidence import evidence_bytes
from desktop.core.signing import crypto


def _reports(world):
    return sorted((world / "reports").glob("*.xlsx"))


def test_a_worker_hands_back_the_verdict_without_the_bytes(world):
    for inp in collect_inputs([_reports(world)[0]]):
        local, sent = checking.check(inp), checking.check_for_merge(inp)
        assert local.pkg.data == inp.read() and sent.pkg.data is None
        assert (sent.sha256, sent.pkg.manifest, sent.pkg.fingerprint, sent.pkg.public_key) == \
               (local.sha256, local.pkg.manifest, local.pkg.fingerprint, local.pkg.public_key)
        assert len(pickle.dumps(sent)) < len(pickle.dumps(local)) - len(inp.read()) // 2
        assert sent.pkg.read_again() == inp.read()


def test_a_worker_checks_with_the_collector_off_and_leaves_it_on(world, tmp_path, monkeypatch):
    """A worker process turns the cyclic collector off while it checks one file (good or bad) and on again after,
    with the same verdict as ``check_for_merge``."""
    bad = tmp_path / "cut.xlsx"
    bad.write_bytes(_reports(world)[0].read_bytes()[:-100])
    seen = []
    real = checking.check_for_merge
    monkeypatch.setattr(checking, "check_for_merge", lambda inp: (seen.append(gc.isenabled()), real(inp))[1])
    assert gc.isenabled()
    for inp in collect_inputs([_reports(world)[0], bad]):
        got, want = checking._checked_in_worker(inp), real(inp)
        assert gc.isenabled()
        assert (got.sha256, got.error is None, got.pkg and got.pkg.manifest) == \
               (want.sha256, want.error is None, want.pkg and want.pkg.manifest)
    assert seen == [False, False]


def test_a_refused_file_hands_back_its_reason(world, tmp_path):
    bad = tmp_path / "cut.xlsx"
    bad.write_bytes(_reports(world)[0].read_bytes()[:-100])
    [inp] = collect_inputs([bad])
    sent = checking.check_for_merge(inp)
    assert sent.pkg is None and sent.error is not None and sent.sha256 == crypto.sha256_file(bad)


def _merged(county_db):
    rows = county_db.execute("SELECT school_code, task_id, status, progress FROM entries ORDER BY 1, 2").fetchall()
    evidence = [(s, evidence_bytes(county_db, s)) for (s,) in county_db.execute(
        "SELECT sha256 FROM evidence ORDER BY 1").fetchall()]  # the bytes as a reader gets them (from the archive)
    archive = county_db.execute("SELECT sha256, data FROM archive ORDER BY 1").fetchall()
    return rows, evidence, [(s, bytes(d)) for s, d in archive]


def test_a_pooled_merge_of_files_and_archive_members_stores_the_checked_bytes(world, tmp_path):
    """Worker processes check, this process reads the bytes again for the archive and the evidence: what is
    stored is byte for byte the files that were checked, from a folder as from a .zip archive."""
    reports = _reports(world)
    usb = tmp_path / "usb.zip"
    with zipfile.ZipFile(usb, "w") as zf:
        for p in reports[1:]:
            zf.write(p, f"报送/{p.name}")
    shutil.copy(world / "county.db", tmp_path / "in-process.db")
    pooled, local = open_db(world / "county.db"), open_db(tmp_path / "in-process.db")
    try:
        results = merge.merge_paths(pooled, [reports[0], usb], workers=2)
        assert [r.outcome for r in results] == ["accepted"] * len(reports)
        merge.merge_paths(local, [reports[0], usb], workers=0)
        assert _merged(pooled) == _merged(local)
        rows, evidence, archive = _merged(pooled)
        assert intake_store.file_from_archive(pooled, crypto.sha256_file(reports[0])) == reports[0].read_bytes()
    finally:
        pooled.close()
        local.close()
    assert rows and evidence, "the demo reports carry entries and evidence"
    assert {s for s, _ in archive} == {crypto.sha256_file(p) for p in reports}
    assert all(crypto.sha256_hex(d) == s for s, d in archive + evidence)


def test_in_this_process_files_are_checked_ahead_on_a_thread_and_handed_back_in_order(world, monkeypatch):
    import threading

    seen: list[str] = []
    real = checking.check

    def check(inp):
        seen.append(threading.current_thread().name)
        return real(inp)

    monkeypatch.setattr(checking, "check", check)
    inputs = list(collect_inputs([world / "reports"]))
    done = list(checking.checked_in_order(inputs, 0, None))
    assert [inp for inp, _, _ in done] == inputs
    assert all(c.sha256 == crypto.sha256_file(inp.path) and c.pkg.data is not None for inp, c, _ in done)
    # each comes with the next file's check under way (the last with none)
    assert all(upcoming is not None for _, _, upcoming in done[:-1]) and done[-1][2] is None
    assert seen and all(name.startswith("taizhang-check") for name in seen)
    calls = 0

    def cancelled():
        nonlocal calls
        calls += 1
        return calls > 1

    assert len(list(checking.checked_in_order(inputs, 0, cancelled))) == 1  # cancel stops after the file in hand


def test_the_pool_is_used_for_many_small_files_only(world, monkeypatch):
    """A worker hands back no bytes, so a big file would be read and hashed again here: many big files are
    checked in this process (one read each, on two threads), many small ones in the pool, a few small ones on
    one thread (a second only slows Python work)."""
    [inp] = collect_inputs([_reports(world)[0]])
    used: list = []

    class Threads(checking.ThreadPoolExecutor):
        def __init__(self, max_workers, **kwargs):
            used.append(("threads", max_workers))
            super().__init__(max_workers, **kwargs)

    class Pool:
        def __init__(self, max_workers, **_kwargs):
            used.append(("pool", max_workers))

        def __enter__(self):
            return checking.ThreadPoolExecutor(1)  # stands in for the processes

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(checking, "ThreadPoolExecutor", Threads)
    monkeypatch.setattr(checking, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(checking, "PARALLEL_FROM", 3)
    cores = max(1, os.cpu_count() or 1)
    for inputs, want in (([inp, inp], ("threads", 1)), ([inp] * 3, ("pool", cores))):
        used.clear()
        assert len(list(checking.checked_in_order(inputs, None, None))) == len(inputs)
        assert used[0] == want
    monkeypatch.setattr(checking, "POOL_BELOW_AVERAGE", 1)  # every file is big now
    for inputs in ([inp, inp], [inp] * 3):
        used.clear()
        assert len(list(checking.checked_in_order(inputs, None, None))) == len(inputs)
        assert used == [("threads", checking._BIG_FILE_THREADS)]
