"""The one computation of who reported and what is done, for one plan and period.

The bureau's overview screen, the summary workbook, the 催报 notices and the 通报 draft all show these
figures, so all of them call ``compute``: a figure is computed here, once, and each face only formats it.

The rules, each written once:
- 未报送 (no accepted file for the period) is a state of its own. A school that has not reported has no
  completion rate and no rank; a task's counts add up to its applicable schools with 未报送 among them.
- A completion rate is 已完成 / (适用 − 不适用), rounded to 0.01 %. With nothing to count it is ``None``
  (shown as "—"), never 0 %.
- A task is overdue when the month of its 完成时限 (YYYY-MM) is over on the "as of" day and a school it
  applies to has not marked it 已完成 or 不适用.
- A task is left empty when the school sent no entry for it, or 未开始 with no progress and no text.
- Evidence is missing for a task marked 已完成 without any evidence file (the plan has no per-task
  evidence rule yet; when it has, ``needs_evidence`` is where it goes).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from decimal import Decimal

from desktop.core import numbers
from desktop.core.clock import now_iso
from desktop.core.records import copies
from desktop.core.reporting import checks
from desktop.core.review import store as review_store
from desktop.core.signing import trust
from desktop.core.tasklist import applicability
from desktop.core.tasklist import store as task_store
from desktop.core.words import NOT_REPORTED, STATUSES, EvidenceRule, ReviewState, Status

RANKED_SHOWN = 5  # leading and lagging schools named in the 通报
PERCENT_UNITS = ("%", "％")  # a rate per school: its county total means nothing


def rate(done: int, total: int) -> float | None:
    """done / total rounded to 0.01 % (what every face shows); None when there is nothing to count."""
    return round(done / total, 4) if total else None


def is_late(sub: dict, due: str | None) -> bool:
    """Late when the school's first accepted file for the period arrived after the due date.

    The export time in a file (``created_at``) is the school's own clock and anyone can backdate it, so it
    is shown, never judged: only what the bureau itself knows counts — when a file first arrived
    (``arrived_at``; ``received_at`` for rows without it). A file cannot arrive before the plan and period
    it answers existed, so arrival needs no other bound."""
    arrived = sub.get("arrived_at") or sub.get("received_at")
    return bool(due and arrived and arrived[:10] > due)


def is_overdue(deadline: str | None, as_of: str) -> bool:
    """The deadline's month (YYYY-MM) is over on the day ``as_of`` (ISO time)."""
    return bool(deadline) and str(deadline)[:7] < as_of[:7]


needs_evidence = checks.needs_evidence  # the school's export check and the bureau's figures ask the same question


def _counts() -> dict[str, int]:
    return {str(s): 0 for s in STATUSES}


def _plain(n: Decimal | None) -> float | int | None:
    """A Decimal as the number a sheet stores: int when whole, else float rounded to 2 places."""
    if n is None:
        return None
    n = round(n, 2)
    return int(n) if n == n.to_integral_value() else float(n)


def collect(db, plan_id: str, period: str) -> dict:
    """The merged data of the period as plain rows: tasks, schools, accepted files, statuses, problems,
    indicator values and evidence."""
    nodes = task_store.plan_tasks(db, plan_id)
    tasks = [t for t in nodes if not t["is_heading"]]
    headings = {t["task_id"]: t for t in nodes if t["is_heading"]}
    schools = [dict(zip(("code", "name", "type", "township"), r, strict=True)) for r in db.execute(
        "SELECT code, name, type, township FROM schools ORDER BY code").fetchall()]
    plan = db.execute("SELECT title, county FROM plans WHERE plan_id = ?", [plan_id]).fetchone()
    due = db.execute("SELECT due_date FROM periods WHERE name = ?", [period]).fetchone()
    subs: dict[str, dict] = {}
    for code, revision, created_at, received_at in db.execute(
            "SELECT school_code, revision, created_at, received_at FROM submissions WHERE plan_id = ? AND period = ?"
            " AND outcome = 'accepted' ORDER BY revision", [plan_id, period]).fetchall():
        first = subs.get(code, {}).get("arrived_at") or received_at
        subs[code] = {"revision": revision, "created_at": created_at, "received_at": received_at,
                      "arrived_at": min(first, received_at)}
    status: dict[tuple[str, str], str] = {}
    empty: set[tuple[str, str]] = set()
    problems = []
    texts = []  # narratives long enough for the copies check (copies.find would read them again)
    carried: dict[tuple[str, str], bool] = {}  # answers the school carried from its last period → confirmed
    for code, task_id, st, progress, narrative, prob, carried_from, confirmed in db.execute(
            "SELECT school_code, task_id, status, progress, narrative, problems, carried_from, carried_confirmed"
            " FROM entries WHERE plan_id = ? AND period = ?", [plan_id, period]).fetchall():
        status[(code, task_id)] = st
        if carried_from:
            carried[(code, task_id)] = bool(confirmed)
        if st == Status.NOT_STARTED and not progress and not (narrative or "").strip():
            empty.add((code, task_id))
        if narrative and len(narrative) >= copies.MIN_TEXT:
            texts.append((code, task_id, narrative))
        if prob.strip():
            problems.append((task_id, code, prob))
    values = defaultdict(list)
    for code, task_id, seq, value in db.execute(
            "SELECT school_code, task_id, target_seq, value FROM indicator_values WHERE plan_id = ? AND period = ?"
            " ORDER BY school_code", [plan_id, period]).fetchall():
        values[(task_id, seq)].append((code, value))
    evidence = db.execute("SELECT ee.school_code, ee.task_id, ee.name, e.size, ee.sha256 FROM entry_evidence ee"
                          " JOIN evidence e USING (sha256) WHERE ee.plan_id = ? AND ee.period = ?"
                          " ORDER BY ee.school_code, ee.task_id", [plan_id, period]).fetchall()
    applicable = {s["code"]: [t["task_id"] for t in tasks
                              if applicability.applies_to_school(t["applies_to"], s["type"], s["name"])]
                  for s in schools}
    review_tasks, review_overall = review_store.period_states(db, plan_id, period)
    return {"tasks": tasks, "headings": headings, "schools": schools, "due": due[0] if due else None,
            "plan_title": plan[0] if plan else "", "county": plan[1] if plan else "", "period_name": period,
            "submissions": subs, "status": status, "empty": empty, "problems": problems, "values": values,
            "evidence": evidence, "applicable": applicable, "review": review_tasks, "review_overall": review_overall,
            "carried": carried,
            "unconfirmed": set(trust.unconfirmed(db)),  # schools whose reports come from a key nobody confirmed
            "copies": copies.find(db, plan_id, period, texts=texts)}  # 疑似重复材料: shared evidence and narratives


def is_carried(data: dict, code: str, task_id: str) -> bool:
    """The school's answer is the one it carried from its last period (confirmed or not), not a new one."""
    return code in data["submissions"] and (code, task_id) in data["carried"]


def status_of(data: dict, code: str, task_id: str) -> str:
    """未报送, or what the school said (no entry sent = 未开始)."""
    if code not in data["submissions"]:
        return NOT_REPORTED
    return data["status"].get((code, task_id), Status.NOT_STARTED)


def _task_rules(data: dict, as_of: str) -> dict[str, tuple[dict, bool, bool]]:
    """Per task id: ({status: evidence needed}, evidence required, overdue) — asked once per task, not per school."""
    return {t["task_id"]: ({str(st): needs_evidence(t, st) for st in STATUSES}, t.get("evidence") == EvidenceRule.REQUIRED,
                           is_overdue(t["deadline"], as_of)) for t in data["tasks"]}


def _gaps(data: dict, code: str, rules: dict, evidence: dict) -> dict:
    """What a reported school still owes: tasks left empty, evidence missing, overdue tasks (task ids)."""
    out: dict[str, list[str]] = {"empty": [], "no_evidence": [], "required_missing": [], "overdue": []}
    status, empty, not_started = data["status"], data["empty"], Status.NOT_STARTED
    for tid in data["applicable"][code]:
        key = (code, tid)
        st = status.get(key)
        if st is None or key in empty:
            out["empty"].append(tid)
        if st is None:
            st = not_started
        needs, required, overdue = rules[tid]
        if needs.get(st, False) and not evidence.get(key):
            out["no_evidence"].append(tid)
            if required:
                out["required_missing"].append(tid)
        if overdue and st not in (Status.DONE, Status.NOT_APPLICABLE):
            out["overdue"].append(tid)
    return out


def _per_school(data: dict, as_of: str, evidence: dict) -> list[dict]:
    subs, status, review, carried_from = data["submissions"], data["status"], data["review"], data["carried"]
    rules = _task_rules(data, as_of)
    nothing: dict[str, list[str]] = {"empty": [], "no_evidence": [], "required_missing": [], "overdue": []}
    out = []
    for s in data["schools"]:
        code = s["code"]
        sub = subs.get(code)
        counts = _counts()
        app = data["applicable"][code]
        n_passed = n_returned = 0
        carried: list[bool] = []
        if sub:
            for tid in app:
                key = (code, tid)
                counts[status.get(key, Status.NOT_STARTED)] += 1
                state = review.get(key, ReviewState.UNREVIEWED)
                if state == ReviewState.PASSED:
                    n_passed += 1
                elif state == ReviewState.RETURNED:
                    n_returned += 1
                if key in carried_from:
                    carried.append(carried_from[key])
        due = len(app) - counts[Status.NOT_APPLICABLE]
        gaps = _gaps(data, code, rules, evidence) if sub else {k: [] for k in nothing}
        out.append(s | {"n_carried": len(carried), "n_carried_unconfirmed": carried.count(False),
                        "review": data["review_overall"].get(code, ReviewState.UNREVIEWED) if sub else "",
                        "n_passed": n_passed, "n_returned": n_returned,
                        "unconfirmed": sub is not None and code in data["unconfirmed"],
                        "reported": sub is not None, "revision": sub["revision"] if sub else None,
                        "created_at": sub["created_at"] if sub else None,
                        "late": bool(sub) and is_late(sub, data["due"]),
                        "applicable": len(app), **{f"n_{k}": v for k, v in counts.items()},
                        "countable": due if sub else None,
                        "rate": rate(counts[Status.DONE], due) if sub else None,
                        "empty_tasks": gaps["empty"], "no_evidence": gaps["no_evidence"],
                        "required_missing": gaps["required_missing"],
                        "overdue_tasks": gaps["overdue"], "rank": None})
    _rank(out)
    return out


def _rank(per_school: list[dict]) -> None:
    """Rank the schools with a rate: higher rate first, then more tasks done; equal figures share a rank."""
    ranked = sorted((p for p in per_school if p["rate"] is not None),
                    key=lambda p: (-p["rate"], -p[f"n_{Status.DONE}"], p["code"]))
    previous, rank = None, 0
    for i, p in enumerate(ranked, start=1):
        key = (p["rate"], p[f"n_{Status.DONE}"])
        if key != previous:
            rank, previous = i, key
        p["rank"] = rank


def _per_task(data: dict, as_of: str) -> list[dict]:
    """Per task: its schools' statuses (未报送 among them), review decisions and carried answers, in one pass over
    the schools (not one per task)."""
    subs, status, review, carried = data["submissions"], data["status"], data["review"], data["carried"]
    counts = {t["task_id"]: _counts() | {NOT_REPORTED: 0} for t in data["tasks"]}
    tallies = {tid: [0, 0, 0] for tid in counts}  # passed, returned, carried
    for s in data["schools"]:
        code = s["code"]
        reported = code in subs
        for tid in data["applicable_sets"][code]:
            c = counts.get(tid)
            if c is None:
                continue  # not a task of the plan
            if not reported:
                c[NOT_REPORTED] += 1
                continue
            key = (code, tid)
            c[status.get(key, Status.NOT_STARTED)] += 1
            tally = tallies[tid]
            state = review.get(key, ReviewState.UNREVIEWED)
            if state == ReviewState.PASSED:
                tally[0] += 1
            elif state == ReviewState.RETURNED:
                tally[1] += 1
            if key in carried:
                tally[2] += 1
    out = []
    for t in data["tasks"]:
        tid = t["task_id"]
        c, (n_passed, n_returned, n_carried) = counts[tid], tallies[tid]
        answered = sum(c[str(k)] for k in STATUSES)
        applicable = answered + c[NOT_REPORTED]
        overdue = is_overdue(t["deadline"], as_of)
        out.append({"task_id": tid, "title": t["title"], "deadline": t["deadline"], "section": _section(data, t),
                    "n_carried": n_carried,
                    "applicable": applicable, "reported": answered, "n_not_reported": c[NOT_REPORTED],
                    **{f"n_{k}": c[str(k)] for k in STATUSES},
                    "countable": answered - c[Status.NOT_APPLICABLE],
                    "rate": rate(c[Status.DONE], answered - c[Status.NOT_APPLICABLE]),
                    "overdue": overdue,
                    "n_open": (c[Status.NOT_STARTED] + c[Status.IN_PROGRESS]) if overdue else 0,
                    "n_passed": n_passed, "n_returned": n_returned})
    return out


def _section(data: dict, task: dict) -> str:
    """The top heading a task sits under ('' when the plan has no headings)."""
    node, seen = task, set()
    while node.get("parent_id") and node["parent_id"] in data["headings"] and node["task_id"] not in seen:
        seen.add(node["task_id"])
        node = data["headings"][node["parent_id"]]
    return node["task_id"] if node is not task else ""


def _pool(schools: list[dict]) -> dict:
    """Pooled counts of a group of schools: the rate is all done over all countable tasks of its reporters."""
    reported = [p for p in schools if p["reported"]]
    done = sum(p[f"n_{Status.DONE}"] for p in reported)
    countable = sum(p["countable"] for p in reported)
    return {"schools": len(schools), "reported": len(reported), "n_not_reported": len(schools) - len(reported),
            "late": sum(1 for p in reported if p["late"]), "report_rate": rate(len(reported), len(schools)),
            f"n_{Status.DONE}": done, "countable": countable, "rate": rate(done, countable)}


def _subtotals(per_school: list[dict], key: str) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for p in per_school:
        groups.setdefault(p[key] or "", []).append(p)
    return [{"group": g} | _pool(rows) for g, rows in sorted(groups.items())]


def _sections(data: dict, per_task: list[dict]) -> list[dict]:
    out: dict[str, dict] = {}
    for p in per_task:
        head = data["headings"].get(p["section"])
        row = out.setdefault(p["section"], {"section": p["section"], "title": head["title"] if head else "",
                                            "tasks": 0, f"n_{Status.DONE}": 0, "countable": 0})
        row["tasks"] += 1
        row[f"n_{Status.DONE}"] += p[f"n_{Status.DONE}"]
        row["countable"] += p["countable"]
    return [r | {"rate": rate(r[f"n_{Status.DONE}"], r["countable"])} for r in out.values()]


def below_target(data: dict, task_id: str, target: dict, parse=numbers.parse_number) -> list[str]:
    """Codes of the schools whose reported value misses the target (below a floor, above a ceiling);
    none for a target no single school is measured against (a county-wide total, a placeholder)."""
    judge = numbers.target_judge(target)
    return [code for code, value in data["values"].get((task_id, target["seq"]), []) if judge(parse(value)) is False]


def _indicators(data: dict) -> list[dict]:
    """Per target: how many schools gave a number, their total (not for a % target), mean, min and max."""
    out = []
    # the values schools type repeat ("3", "100"): each distinct one is parsed once (a Decimal is immutable)
    parse = functools.lru_cache(maxsize=None)(numbers.parse_number)
    for t in data["tasks"]:
        for x in t["targets"]:
            reported = [(c, v) for c, v in data["values"].get((t["task_id"], x["seq"]), []) if str(v).strip()]
            nums = [n for _, v in reported if (n := parse(v)) is not None]
            is_rate = (x["unit"] or "").strip() in PERCENT_UNITS
            out.append({"task_id": t["task_id"], "title": t["title"], "seq": x["seq"], "text": x["text"],
                        "target": _plain(numbers.parse_number(x["value"])), "target_text": x["value"],
                        "unit": x["unit"], "placeholder": x.get("placeholder", False),
                        "n_reported": len(reported), "n_numbers": len(nums),
                        "total": None if is_rate or not nums else _plain(sum(nums, Decimal(0))),
                        "mean": _plain(sum(nums, Decimal(0)) / len(nums)) if nums else None,
                        "min": _plain(min(nums)) if nums else None, "max": _plain(max(nums)) if nums else None,
                        "below": below_target(data, t["task_id"], x, parse)})
    return out


def _problem_groups(data: dict) -> list[dict]:
    """问题汇总: per task, the schools that raised a problem, and each distinct wording with its schools."""
    order = {t["task_id"]: i for i, t in enumerate(data["tasks"])}
    titles = {t["task_id"]: t["title"] for t in data["tasks"]}
    by_task: dict[str, dict[str, list[str]]] = {}
    for tid, code, text in data["problems"]:
        if code not in data["submissions"]:
            continue
        words = " ".join(text.split())
        by_task.setdefault(tid, {}).setdefault(words, []).append(code)
    out = []
    for tid, texts in sorted(by_task.items(), key=lambda kv: (order.get(kv[0], 1 << 30), kv[0])):
        items = sorted(({"text": k, "schools": sorted(v)} for k, v in texts.items()),
                       key=lambda i: (-len(i["schools"]), i["text"]))
        out.append({"task_id": tid, "title": titles.get(tid, ""), "items": items,
                    "n_schools": len({c for i in items for c in i["schools"]})})
    return out


def compute(db, plan_id: str, period: str, *, as_of: str | None = None) -> dict:
    """Every figure of the period, as of ``as_of`` (default: now): ``collect``'s rows plus per school
    (ranked), per task, per section, subtotals by 乡镇 and school type, overdue tasks, indicators,
    grouped problems and the overall counts and rates."""
    return compute_from(collect(db, plan_id, period), as_of=as_of)


def compute_from(data: dict, *, as_of: str | None = None) -> dict:
    """``compute`` over rows already collected (``collect``'s shape): a city computes each county's figures
    from the county package with this, so a county's rates are the same numbers at the county and the city."""
    as_of = as_of or now_iso()
    data["applicable_sets"] = {code: set(ids) for code, ids in data["applicable"].items()}
    evidence: dict[tuple[str, str], int] = {}
    for code, task_id, *_ in data["evidence"]:
        evidence[(code, task_id)] = evidence.get((code, task_id), 0) + 1
    per_school = _per_school(data, as_of, evidence)
    per_task = _per_task(data, as_of)
    overall = _counts()
    for p in per_school:
        if p["reported"]:
            for k in overall:
                overall[k] += p[f"n_{k}"]
    pooled = _pool(per_school)
    ranked = sorted((p for p in per_school if p["rank"] is not None), key=lambda p: (p["rank"], p["code"]))
    shown = min(RANKED_SHOWN, len(ranked) // 2)  # the two lists never name the same school
    received = [s["received_at"] for s in data["submissions"].values() if s["received_at"]]
    return data | {
        "as_of": as_of, "last_received": max(received) if received else None,
        "per_school": per_school, "per_task": per_task, "sections": _sections(data, per_task),
        "by_township": _subtotals(per_school, "township"), "by_type": _subtotals(per_school, "type"),
        "overdue_tasks": [p for p in per_task if p["overdue"]],
        "indicators": _indicators(data), "problem_groups": _problem_groups(data),
        "missing": [p for p in per_school if not p["reported"]],
        "late": [p for p in per_school if p["late"]],
        "reported": pooled["reported"], "report_rate": pooled["report_rate"],
        "by_status": overall, "countable": pooled["countable"], "rate": pooled["rate"],
        "ranked": ranked, "leading": ranked[:shown], "lagging": list(reversed(ranked[len(ranked) - shown:])),
        "evidence_counts": evidence,
    }


def percent_text(value: float | None) -> str:
    """A rate as every document prints it (the workbook's 0.0 % format); "—" with nothing to count."""
    return "—" if value is None else f"{value * 100:.1f}%"
