"""The county package a county sends its city (kind "county", DESIGN §14): what it holds, and the record of
every one written (``county_exports``, the only writer), so each export of a plan × period is the next revision.

Only accepted reports count: every school's current entries and indicator values with the school revision
they came from, the references of its evidence (the bytes only ``with_evidence``), the roster and the county's
figures as ``standing.figures`` computes them for its own summary.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from desktop.core.clock import now_iso
from desktop.core.db.audit import audit
from desktop.core.db.connection import transaction
from desktop.core.errors import TaizhangError
from desktop.core.package import countybook
from desktop.core.package.container import EvidenceSource, write_package
from desktop.core.records import entries, evidence
from desktop.core.roster import store as roster_store
from desktop.core.signing import identity
from desktop.core.standing import figures
from desktop.core.tasklist import store as task_store
from desktop.core.words import PackageKind, Role, Status

TASK_KEYS = ("task_id", "parent_id", "is_heading", "title", "deadline", "applies_to", "targets")
PER_SCHOOL_KEYS = ("code", "reported", "revision", "rate", "rank", "countable",
                   *(f"n_{s}" for s in Status))



def _as_reported(entry: dict) -> dict:
    """An entry as a school's report states it: the carried-forward mark only on carried entries."""
    if entry.get("carried_from"):
        return entry
    return {k: v for k, v in entry.items() if k not in ("carried_from", "carried_confirmed")}

def _county(db) -> identity.Identity:
    ident = identity.load(db, role=Role.COUNTY)
    assert ident is not None  # load raises when there is none
    return ident


def _opener(db, sha256: str):
    return lambda: evidence.open_evidence_blob(db, sha256)


def next_revision(db, plan_id: str, period: str) -> int:
    row = db.execute("SELECT MAX(revision) FROM county_exports WHERE plan_id = ? AND period = ?",
                     [plan_id, period]).fetchone()
    return (row[0] or 0) + 1


def content(db, plan_id: str, period: str, *, with_evidence: bool = False) -> tuple[dict, list[EvidenceSource]]:
    """The manifest content of the county package for the plan and period, and the evidence bytes to include."""
    ident = _county(db)
    plan = task_store.get_plan(db, plan_id)
    if plan is None or not plan["version"]:
        raise TaizhangError("还没有发布工作计划", "no plan has been published yet")
    figs = figures.compute(db, plan_id, period)
    reports, refs = [], []
    for code, sub in sorted(figs["submissions"].items()):
        got = entries.get_entries(db, code, plan_id, period)
        reports.append({"school": code, "revision": sub["revision"], "created_at": sub["created_at"] or "",
                        "received_at": sub["received_at"] or "", "unconfirmed": code in figs["unconfirmed"],
                        "entries": [_as_reported(got[t]) for t in sorted(got)]})
        refs += [{"sha256": e["sha256"], "name": e["name"], "size": e["size"], "mime": e["mime"], "school": code,
                  "task_id": e["task_id"]} for e in evidence.list_evidence(db, code, plan_id, period)]
    sources: list[EvidenceSource] = []
    if with_evidence:
        seen: set[str] = set()
        for ref in refs:
            if ref["sha256"] not in seen:
                seen.add(ref["sha256"])
                sources.append(EvidenceSource(ref["sha256"], ref["name"], ref["size"], ref["mime"], ref["task_id"],
                                              _opener(db, ref["sha256"])))
    per_school = [{k: p[k] for k in PER_SCHOOL_KEYS} for p in figs["per_school"]]
    out = {
        "layout": countybook.LAYOUT,
        "county": ident.county,
        "package_id": str(uuid.uuid4()),
        "created_at": now_iso(),
        "plan": {"id": plan["id"], "version": plan["version"], "digest": plan["digest"], "title": plan["title"]},
        "period": period,
        "revision": next_revision(db, plan_id, period),
        "tasks": [{k: t[k] for k in TASK_KEYS} for t in task_store.plan_tasks(db, plan_id)],
        "schools": [{k: s[k] for k in ("code", "name", "type", "township")} for s in roster_store.schools(db)],
        "reports": reports,
        "evidence_refs": refs,
        "evidence": [ev.manifest_entry() for ev in sources],
        "figures": {"schools": len(figs["per_school"]), "reported": figs["reported"],
                    "report_rate": figs["report_rate"], "rate": figs["rate"], "countable": figs["countable"],
                    "by_status": figs["by_status"], "as_of": figs["as_of"], "per_school": per_school},
    }
    return out, sources


def write(db, plan_id: str, period: str, target, *, with_evidence: bool = False,
          passphrase: str | None = None) -> dict:
    """Write the signed county package to ``target`` (temp file, then rename) and record it; the manifest."""
    ident = _county(db)
    body, sources = content(db, plan_id, period, with_evidence=with_evidence)
    wb = countybook.build_workbook(body, ident.fingerprint)
    manifest = write_package(target, kind=PackageKind.COUNTY, content=body, workbook=wb, evidence=sources,
                             key=ident.private_key(passphrase))
    with transaction(db):
        db.execute("INSERT INTO county_exports (package_id, plan_id, period, revision, with_evidence, file_name,"
                   " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [body["package_id"], plan_id, period, body["revision"], int(with_evidence), Path(target).name[:255],
                    body["created_at"]])
        audit(db, "county.export", plan_id, json.dumps({"period": period, "revision": body["revision"]}, ensure_ascii=False))
    return manifest


def exports(db) -> list[dict]:
    keys = ("package_id", "plan_id", "period", "revision", "with_evidence", "file_name", "created_at")
    return [dict(zip(keys, r, strict=True)) for r in db.execute(
        f"SELECT {', '.join(keys)} FROM county_exports ORDER BY created_at").fetchall()]
