"""Received files: ``submissions`` (one row per file and verdict) and ``archive`` (the original bytes),
the only writer of both."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from desktop.core.clock import now_iso
from desktop.core.db.audit import audit
from desktop.core.db.blobs import (
    BlobChanged,
    BlobFile,
    insert_bytes,
    insert_streamed,
    read_whole,
    zip_members,
)
from desktop.core.errors import TaizhangError
from desktop.core.package.container import EVIDENCE_PREFIX
from desktop.core.words import Outcome as Verdict
from desktop.core.words import Reason

if TYPE_CHECKING:
    from desktop.core.intake.inputs import Input
    from desktop.core.intake.merge import Outcome
    from desktop.core.package.container import VerifiedPackage


def archive(db, sha: str, inp: Input, pkg: VerifiedPackage | None) -> dict[str, tuple[int, int, int, int]] | None:
    """Keep the original bytes: the checked bytes themselves when the check held them, else streamed from the
    file (or the zip member) again, hashed on the way in: bytes that are not the ones checked (the file changed
    on the stick meanwhile) raise BlobChanged and nothing is kept. Returns the file's evidence members (as
    ``evidence_members``: from the check's own reading of the zip when there was one, else read from the
    bytes on the same pass), or None when the file was archived before. In a transaction."""
    if db.execute("SELECT 1 FROM archive WHERE sha256 = ?", [sha]).fetchone() is not None:
        return None
    data = pkg.data if pkg is not None else None
    if data is not None:  # the very bytes the check hashed
        insert_bytes(db, "archive", "data", {"sha256": sha}, data)
        return pkg.evidence_at if pkg is not None else None
    found = _streamed(db, sha, inp, look=pkg is None)
    return pkg.evidence_at if pkg is not None else _evidence_only(found)


def _streamed(db, sha: str, inp: Input, *, look: bool) -> dict | None:
    """Stream the file (or the zip member) into a new archive row, hashed on the way in; with ``look``, return
    its zip members, read through the blob handle that wrote it."""
    assert inp.path is not None  # only inputs rebuilt from the archive have no path, and they are archived already
    found: list = []
    inspect = (lambda blob: found.append(_zip_members_or_none(blob))) if look else None
    db.execute("SAVEPOINT archive_file")  # a file found changed leaves no half-written row behind
    try:
        if inp.member is None:  # a big file on disk: streamed into the database, not read whole
            with open(inp.path, "rb") as fh:
                written = insert_streamed(db, "archive", "data", {"sha256": sha}, os.fstat(fh.fileno()).st_size, fh,
                                          inspect=inspect)
        else:
            with zipfile.ZipFile(inp.path) as zf, zf.open(inp.member) as fh:
                written = insert_streamed(db, "archive", "data", {"sha256": sha}, zf.getinfo(inp.member).file_size, fh,
                                          inspect=inspect)
        if written != sha:
            raise BlobChanged("文件在导入过程中被改动（与检查时的内容不同），请重新导入",
                              "the file changed while it was being imported (not the bytes that were checked); "
                              "import it again")
    except BaseException:
        db.execute("ROLLBACK TO archive_file")
        db.execute("RELEASE archive_file")
        raise
    db.execute("RELEASE archive_file")
    return found[0] if found else None


def _zip_members_or_none(fh) -> dict | None:
    try:
        return zip_members(fh)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None  # a rejected file kept as it came: not a zip we can look into


def _evidence_only(members: dict | None) -> dict[str, tuple[int, int, int, int]]:
    return {name[len(EVIDENCE_PREFIX):-len(".bin")]: where for name, where in (members or {}).items()
            if name.startswith(EVIDENCE_PREFIX) and name.endswith(".bin")}


def evidence_members(db, sha: str) -> dict[str, tuple[int, int, int, int]]:
    """Evidence SHA-256 → (data offset, compressed length, method, size) of each evidence member of the
    archived file ``sha``, read from the archived bytes themselves."""
    with db.conn.blobopen("archive", "data", _archived_row(db, sha), readonly=True) as blob:
        return _evidence_only(zip_members(blob))


def record(db, sha: str, inp: Input, outcome: Outcome, pkg: VerifiedPackage | None) -> None:
    m = pkg.manifest if pkg is not None else {}
    prior = db.execute("SELECT outcome, reason FROM submissions WHERE sha256 = ?", [sha]).fetchone()
    if prior == (outcome.outcome, outcome.reason):
        return  # the same verdict on the same bytes: nothing new to record
    if outcome.outcome == Verdict.DUPLICATE:
        return
    plan = m["plan"] if isinstance(m.get("plan"), dict) else {}
    first = db.execute("SELECT received_at FROM submissions WHERE sha256 = ?", [sha]).fetchone()
    db.execute(
        "INSERT OR REPLACE INTO submissions (sha256, package_id, file_name, school_code, plan_id, period, revision,"
        " outcome, reason, reason_code, signer_fingerprint, created_at, received_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [sha, m.get("package_id") if isinstance(m.get("package_id"), str) else None, os.path.basename(inp.display)[:255],
         outcome.school, plan.get("id") if isinstance(plan.get("id"), str) else None, outcome.period, outcome.revision,
         outcome.outcome, outcome.reason, outcome.code, pkg.fingerprint if pkg else None,
         m.get("created_at") if isinstance(m.get("created_at"), str) else None,
         first[0] if first else now_iso()])  # arrival is when these bytes first came in (a held file keeps it)
    audit(db, f"merge.{outcome.outcome}", outcome.school or "",
          json.dumps({"file": inp.display[-200:], "sha256": sha, "reason": outcome.code}, ensure_ascii=False))


def periods_from_key(db, school: str, fingerprint: str) -> list[tuple[str, str]]:
    """(plan, period) of every file of the school accepted (or kept as stale) from the key ``fingerprint``."""
    return db.execute("SELECT DISTINCT plan_id, period FROM submissions WHERE school_code = ? AND signer_fingerprint = ?"
                      " AND outcome IN (?, ?)", [school, fingerprint, Verdict.ACCEPTED, Verdict.STALE]).fetchall()


def current_signer(db, school: str, plan_id: str, period: str) -> str | None:
    """The key that signed the file the school's current values for the period came from."""
    row = db.execute("SELECT signer_fingerprint FROM submissions WHERE school_code = ? AND plan_id = ? AND period = ?"
                     " AND outcome = ? ORDER BY revision DESC LIMIT 1", [school, plan_id, period, Verdict.ACCEPTED]).fetchone()
    return row[0] if row else None


def set_aside(db, school: str, fingerprint: str, by: str) -> int:
    """The school was confirmed with the key ``by``: files the unconfirmed key ``fingerprint`` brought stop
    counting (no longer accepted or stale, so they make nothing stale or a conflict); bytes stay archived."""
    cur = db.execute(
        "UPDATE submissions SET outcome = ?, reason_code = ?, reason = ? WHERE school_code = ? AND signer_fingerprint = ?"
        " AND outcome IN (?, ?)",
        [Verdict.REJECTED, Reason.SET_ASIDE, "未确认的密钥发来的报送，学校已用另一密钥确认，此文件已搁置（存档保留） / sent by an "
         "unconfirmed key; the school was confirmed with another key, so this file is set aside (kept in the archive)",
         school, fingerprint, Verdict.ACCEPTED, Verdict.STALE])
    audit(db, "merge.set_aside", school, json.dumps({"fingerprint": fingerprint, "confirmed": by, "files": cur.rowcount}))
    return cur.rowcount


def file_from_archive(db, sha: str) -> bytes:
    return read_whole(db, "archive", "data", _archived_row(db, sha))


def archived_member(db, sha: str, name: str) -> bytes:
    """One member of the archived file ``sha`` (verified when it came in), read through the zip directory without
    reading the rest of the file."""
    with db.conn.blobopen("archive", "data", _archived_row(db, sha), readonly=True) as blob, \
            zipfile.ZipFile(BlobFile(blob)) as zf:
        return zf.read(name)


def _archived_row(db, sha: str) -> int:
    row = db.execute("SELECT rowid FROM archive WHERE sha256 = ?", [sha]).fetchone()
    if row is None:
        raise TaizhangError("存档中没有该文件", "file not in the archive")
    return row[0]


def current_submission(db, school: str, plan_id: str, period: str) -> str:
    """The file the school's current values for the period came from."""
    return db.execute("SELECT sha256 FROM submissions WHERE school_code = ? AND plan_id = ? AND period = ?"
                      " AND outcome = 'accepted' ORDER BY revision DESC LIMIT 1", [school, plan_id, period]).fetchone()[0]


def prior_verdict(db, sha: str) -> tuple | None:
    """(outcome, school, period, revision) of a file already received, or None."""
    return db.execute("SELECT outcome, school_code, period, revision FROM submissions WHERE sha256 = ?",
                      [sha]).fetchone()


def package_merged(db, package_id: str) -> bool:
    return db.execute("SELECT 1 FROM submissions WHERE package_id = ? AND outcome IN ('accepted', 'stale')",
                      [package_id]).fetchone() is not None


def merged_revision(db, school: str, plan_id: str, period: str) -> int | None:
    """The highest accepted revision of the school for the plan and period."""
    return db.execute("SELECT MAX(revision) FROM submissions WHERE school_code = ? AND plan_id = ? AND period = ?"
                      " AND outcome = 'accepted'", [school, plan_id, period]).fetchone()[0]


def latest_period(db, school: str, plan_id: str) -> str | None:
    """The period of the school's most recently received accepted file."""
    row = db.execute("SELECT period FROM submissions WHERE school_code = ? AND plan_id = ? AND outcome = 'accepted'"
                     " ORDER BY received_at DESC LIMIT 1", [school, plan_id]).fetchone()
    return row[0] if row else None


def latest_accepted(db, school: str, plan_id: str, period: str) -> dict | None:
    row = db.execute("SELECT revision, file_name, created_at, received_at FROM submissions WHERE school_code = ?"
                     " AND plan_id = ? AND period = ? AND outcome = 'accepted' ORDER BY revision DESC LIMIT 1",
                     [school, plan_id, period]).fetchone()
    return dict(zip(("revision", "file_name", "created_at", "received_at"), row, strict=True)) if row else None


def held_for_key(db, school: str, fingerprint: str) -> Iterator[tuple[str, str, bytes]]:
    """(sha256, file name, bytes) of the school's files that waited for the key ``fingerprint``, one file's bytes
    in memory at a time (read when its turn comes)."""
    held = db.execute("SELECT s.sha256, s.file_name, a.rowid FROM submissions s JOIN archive a USING (sha256)"
                      " WHERE s.school_code = ? AND s.reason_code = 'key_pending' AND s.signer_fingerprint = ?"
                      " ORDER BY s.revision", [school, fingerprint]).fetchall()
    for sha, name, rowid in held:
        yield sha, name, read_whole(db, "archive", "data", rowid)


def waiting_for_key(db, school: str, fingerprint: str) -> int:
    return db.execute("SELECT COUNT(*) FROM submissions WHERE school_code = ? AND reason_code = 'key_pending'"
                      " AND signer_fingerprint = ?", [school, fingerprint]).fetchone()[0]


def schools_reported_per_period(db) -> dict[str, int]:
    return dict(db.execute("SELECT period, COUNT(DISTINCT school_code) FROM submissions WHERE outcome = 'accepted'"
                           " GROUP BY period").fetchall())


def school_has_reports(db, school: str) -> bool:
    return db.execute("SELECT 1 FROM submissions WHERE school_code = ? AND outcome = 'accepted' LIMIT 1",
                      [school]).fetchone() is not None


def period_has_files(db, period: str) -> bool:
    return db.execute("SELECT 1 FROM submissions WHERE period = ? LIMIT 1", [period]).fetchone() is not None


def by_package_code(db, code: str) -> list[dict]:
    """Received files whose package code (first 8 hex digits of the package id) is ``code``, newest first."""
    keys = ("sha256", "package_id", "file_name", "school_code", "plan_id", "period", "revision", "outcome", "reason",
            "reason_code", "signer_fingerprint", "created_at", "received_at")
    rows = db.execute(f"SELECT {', '.join(keys)} FROM submissions"
                      " WHERE upper(substr(replace(package_id, '-', ''), 1, 8)) = ? ORDER BY received_at DESC",
                      [code.upper()]).fetchall()
    return [dict(zip(keys, r, strict=True)) for r in rows]
