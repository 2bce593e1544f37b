"""The one computation of who reported and what is done, for one plan and period.

The bureau's overview screen and the summary workbook both show these figures, so both call
``compute``: a rate is computed here, once, and each face only formats it.
"""

from __future__ import annotations

from collections import defaultdict

from desktop.core import numbers
from desktop.core.tasklist import applicability
from desktop.core.tasklist import store as task_store
from desktop.core.words import STATUSES, Status


def rate(done: int, total: int) -> float:
    """done / total rounded to 0.01 % (what screen and workbook show); 0.0 when there is nothing to count."""
    return round(done / total, 4) if total else 0.0


def is_late(sub: dict, due: str | None) -> bool:
    return bool(due and sub.get("created_at") and sub["created_at"][:10] > due)


def _counts() -> dict[str, int]:
    return {str(s): 0 for s in STATUSES}


def collect(db, plan_id: str, period: str) -> dict:
    """The merged data of the period as plain rows: tasks, schools, accepted files, statuses, problems,
    indicator values and evidence."""
    tasks = [t for t in task_store.plan_tasks(db, plan_id) if not t["is_heading"]]
    schools = [dict(zip(("code", "name", "type", "township"), r, strict=True)) for r in db.execute(
        "SELECT code, name, type, township FROM schools ORDER BY code").fetchall()]
    due = db.execute("SELECT due_date FROM periods WHERE name = ?", [period]).fetchone()
    subs = {}
    for code, revision, created_at, received_at in db.execute(
            "SELECT school_code, revision, created_at, received_at FROM submissions WHERE plan_id = ? AND period = ?"
            " AND outcome = 'accepted' ORDER BY revision", [plan_id, period]).fetchall():
        subs[code] = {"revision": revision, "created_at": created_at, "received_at": received_at}
    status: dict[tuple[str, str], str] = {}
    problems = []
    for code, task_id, st, prob in db.execute(
            "SELECT school_code, task_id, status, problems FROM entries WHERE plan_id = ? AND period = ?",
            [plan_id, period]).fetchall():
        status[(code, task_id)] = st
        if prob.strip():
            problems.append((task_id, code, prob))
    values = defaultdict(list)
    for code, task_id, seq, value in db.execute(
            "SELECT school_code, task_id, target_seq, value FROM indicator_values WHERE plan_id = ? AND period = ?",
            [plan_id, period]).fetchall():
        values[(task_id, seq)].append((code, value))
    evidence = db.execute("SELECT ee.school_code, ee.task_id, ee.name, e.size, ee.sha256 FROM entry_evidence ee"
                          " JOIN evidence e USING (sha256) WHERE ee.plan_id = ? AND ee.period = ?"
                          " ORDER BY ee.school_code, ee.task_id", [plan_id, period]).fetchall()
    applicable = {s["code"]: [t["task_id"] for t in tasks
                              if applicability.applies_to_school(t["applies_to"], s["type"], s["name"])]
                  for s in schools}
    return {"tasks": tasks, "schools": schools, "due": due[0] if due else None, "submissions": subs,
            "status": status, "problems": problems, "values": values, "evidence": evidence,
            "applicable": applicable}


def _per_school(data: dict) -> list[dict]:
    subs, status = data["submissions"], data["status"]
    out = []
    for s in data["schools"]:
        sub = subs.get(s["code"])
        counts = _counts()
        app = data["applicable"][s["code"]]
        if sub:
            for tid in app:
                counts[status.get((s["code"], tid), Status.NOT_STARTED)] += 1
        out.append(s | {"reported": sub is not None, "revision": sub["revision"] if sub else None,
                        "created_at": sub["created_at"] if sub else None,
                        "late": bool(sub) and is_late(sub, data["due"]),
                        "applicable": len(app), **{f"n_{k}": v for k, v in counts.items()},
                        "rate": rate(counts[Status.DONE], len(app) - counts[Status.NOT_APPLICABLE]) if sub else 0.0})
    return out


def _per_task(data: dict) -> list[dict]:
    status, schools = data["status"], data["schools"]
    reported_codes = [s["code"] for s in schools if s["code"] in data["submissions"]]
    applicable = {code: set(ids) for code, ids in data["applicable"].items()}
    out = []
    for t in data["tasks"]:
        tid = t["task_id"]
        counts = _counts()
        for code in reported_codes:
            if tid in applicable[code]:
                counts[status.get((code, tid), Status.NOT_STARTED)] += 1
        answered = sum(counts.values())
        out.append({"task_id": tid, "title": t["title"], "deadline": t["deadline"],
                    "applicable": sum(1 for s in schools if tid in applicable[s["code"]]),
                    "reported": answered, **{f"n_{k}": v for k, v in counts.items()},
                    "rate": rate(counts[Status.DONE], answered - counts[Status.NOT_APPLICABLE])})
    return out


def below_target(data: dict, task_id: str, target: dict) -> list[str]:
    """Codes of the schools whose reported value misses the target (below a floor, above a ceiling);
    none for a target no single school is measured against (a county-wide total, a placeholder)."""
    return [code for code, value in data["values"].get((task_id, target["seq"]), [])
            if numbers.misses_target(target, value)]


def compute(db, plan_id: str, period: str) -> dict:
    """Every figure of the period: ``collect``'s rows plus per school, per task and overall counts and rates."""
    data = collect(db, plan_id, period)
    per_school = _per_school(data)
    overall = _counts()
    for p in per_school:
        if p["reported"]:
            for k in overall:
                overall[k] += p[f"n_{k}"]
    answered = sum(v for k, v in overall.items() if k != Status.NOT_APPLICABLE)
    evidence: dict[tuple[str, str], int] = {}
    for code, task_id, *_ in data["evidence"]:
        evidence[(code, task_id)] = evidence.get((code, task_id), 0) + 1
    return data | {
        "per_school": per_school, "per_task": _per_task(data),
        "missing": [p for p in per_school if not p["reported"]],
        "late": [p for p in per_school if p["late"]],
        "reported": sum(1 for p in per_school if p["reported"]),
        "by_status": overall, "rate": rate(overall[Status.DONE], answered),
        "evidence_counts": evidence,
    }
