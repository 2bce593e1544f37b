"""The city's received county packages: ``county_submissions`` (one row per file and verdict) and
``county_rollups`` (each county's current roll-up per plan × period), the only writer of both. The original
bytes go to the archive through ``intake.store`` (its writer)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

from desktop.core.clock import now_iso
from desktop.core.db.audit import audit
from desktop.core.db.blobs import read_whole
from desktop.core.signing import crypto
from desktop.core.words import Outcome as Verdict
from desktop.core.words import Reason

_SUB_KEYS = ("sha256", "package_id", "file_name", "county", "plan_id", "period", "revision", "outcome", "reason",
             "reason_code", "signer_fingerprint", "created_at", "received_at")


def record(db, sha: str, display: str, outcome, manifest: dict | None, fingerprint: str | None) -> None:
    """One verdict on one file (a duplicate changes nothing and is not recorded again)."""
    if outcome.outcome == Verdict.DUPLICATE:
        return
    m = manifest if isinstance(manifest, dict) else {}
    prior = db.execute("SELECT outcome, reason, received_at FROM county_submissions WHERE sha256 = ?", [sha]).fetchone()
    if prior is not None and (prior[0], prior[1]) == (outcome.outcome, outcome.reason):
        return
    plan = m["plan"] if isinstance(m.get("plan"), dict) else {}
    db.execute(
        f"INSERT OR REPLACE INTO county_submissions ({', '.join(_SUB_KEYS)}) VALUES ({', '.join('?' * len(_SUB_KEYS))})",
        [sha, m.get("package_id") if isinstance(m.get("package_id"), str) else None, os.path.basename(display)[:255],
         outcome.county, plan.get("id") if isinstance(plan.get("id"), str) else None, outcome.period,
         outcome.revision, outcome.outcome, outcome.reason, outcome.code, fingerprint,
         m.get("created_at") if isinstance(m.get("created_at"), str) else None,
         prior[2] if prior else now_iso()])
    audit(db, f"city.merge.{outcome.outcome}", outcome.county or "",
          json.dumps({"file": display[-200:], "sha256": sha, "reason": outcome.code}, ensure_ascii=False))


def prior_verdict(db, sha: str) -> tuple | None:
    """(outcome, county, period, revision) of a file already received, or None."""
    return db.execute("SELECT outcome, county, period, revision FROM county_submissions WHERE sha256 = ?",
                      [sha]).fetchone()


def package_merged(db, package_id: str) -> bool:
    return db.execute("SELECT 1 FROM county_submissions WHERE package_id = ? AND outcome IN (?, ?)",
                      [package_id, Verdict.ACCEPTED, Verdict.STALE]).fetchone() is not None


def merged_revision(db, county: str, plan_id: str, period: str) -> int | None:
    row = db.execute("SELECT revision FROM county_rollups WHERE county = ? AND plan_id = ? AND period = ?",
                     [county, plan_id, period]).fetchone()
    return row[0] if row else None


def put_rollup(db, sha: str, manifest: dict) -> None:
    """The county's accepted package becomes its current roll-up for the plan and period."""
    body = {k: v for k, v in manifest.items() if k not in ("parts", "sheets")}
    db.execute("INSERT OR REPLACE INTO county_rollups (county, plan_id, period, revision, submission, plan_title,"
               " content, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [manifest["county"], manifest["plan"]["id"], manifest["period"], manifest["revision"], sha,
                manifest["plan"].get("title", ""), crypto.canonical_json(body).decode("utf-8"), now_iso()])


def rollups(db, period: str | None = None, county: str | None = None) -> Iterator[dict]:
    """Every county's current roll-up (content parsed), by county; only ``period``'s, ``county``'s when given. A county has
    one roll-up per period: when it merged packages of two plans (a reinstalled county publishes a new plan
    id), the one merged last counts. One content is read and parsed at a time, as it is reached: parsed, the
    roll-ups of 20 counties of 300 schools are about 300 MB."""
    sql = "SELECT rowid, county, plan_id, period, revision, submission, merged_at FROM county_rollups"
    args: list = []
    where = [(f"{column} = ?", value) for column, value in (("period", period), ("county", county)) if value is not None]
    if where:
        sql += " WHERE " + " AND ".join(w for w, _ in where)
        args += [v for _, v in where]
    rows = db.execute(sql + " ORDER BY county, period, merged_at, rowid", args).fetchall()
    latest = {(c, pe): p for _, c, p, pe, *_ in rows}  # a county that started a new plan: its latest one counts
    for rowid, c, p, pe, r, s, at in rows:
        if latest[(c, pe)] == p:
            body = db.execute("SELECT content FROM county_rollups WHERE rowid = ?", [rowid]).fetchone()[0]
            yield {"county": c, "plan_id": p, "period": pe, "revision": r, "submission": s,
                   "content": json.loads(body), "merged_at": at}


def periods(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT period FROM county_rollups ORDER BY period").fetchall()]


def state(db) -> list[tuple]:
    """What the city holds, comparable across merges (for tests and the order-independence property)."""
    return db.execute("SELECT county, plan_id, period, revision, submission, content FROM county_rollups"
                      " ORDER BY county, plan_id, period").fetchall()


def submissions(db) -> list[dict]:
    return [dict(zip(_SUB_KEYS, r, strict=True)) for r in db.execute(
        f"SELECT {', '.join(_SUB_KEYS)} FROM county_submissions ORDER BY received_at, file_name").fetchall()]


def held_for_key(db, county: str, fingerprint: str) -> Iterator[tuple[str, str, bytes]]:
    """(sha256, file name, bytes) of the county's files that waited for the key ``fingerprint``, one file's bytes
    in memory at a time (read when its turn comes)."""
    held = db.execute("SELECT s.sha256, s.file_name, a.rowid FROM county_submissions s JOIN archive a USING (sha256)"
                      " WHERE s.county = ? AND s.reason_code = ? AND s.signer_fingerprint = ? ORDER BY s.revision",
                      [county, Reason.KEY_PENDING, fingerprint]).fetchall()
    for sha, name, rowid in held:
        yield sha, name, read_whole(db, "archive", "data", rowid)


def waiting_for_key(db, county: str, fingerprint: str) -> int:
    return db.execute("SELECT COUNT(*) FROM county_submissions WHERE county = ? AND reason_code = ?"
                      " AND signer_fingerprint = ?", [county, Reason.KEY_PENDING, fingerprint]).fetchone()[0]


def rollups_index(db) -> list[tuple[str, str, int]]:
    """(county, period, revision) of every current roll-up, without reading the contents."""
    return db.execute("SELECT county, period, revision FROM county_rollups ORDER BY county, period").fetchall()
