"""The city's figures (DESIGN §14): a county level and a school level, from each county's current roll-up.

A county's figures are computed from its package with ``standing.figures.compute_from`` — the county's own
computation — so a rate is the same number at the county and the city. A county's plan is its own: the city
compares rates and counts, never task ids across counties.
"""

from __future__ import annotations

from collections import defaultdict

from desktop.core.clock import now_iso
from desktop.core.rollup import copies, store
from desktop.core.signing import trust
from desktop.core.standing import figures
from desktop.core.tasklist import applicability
from desktop.core.words import OwnerKind, Status


def county_data(content: dict) -> dict:
    """A county package's content in the shape ``standing.figures.collect`` gives (what ``compute_from`` takes)."""
    nodes = content["tasks"]
    tasks = [t for t in nodes if not t["is_heading"]]
    schools = sorted(content["schools"], key=lambda s: s["code"])
    subs, status, empty, problems, values = {}, {}, set(), [], defaultdict(list)
    carried: dict[tuple[str, str], bool] = {}
    for r in content["reports"]:
        code = r["school"]
        subs[code] = {"revision": r["revision"], "created_at": r["created_at"] or None,
                      "received_at": r["received_at"] or None, "arrived_at": r["received_at"] or None}
        for e in r["entries"]:
            status[(code, e["task_id"])] = e["status"]
            if e.get("carried_from"):  # the school carried this answer from its last period
                carried[(code, e["task_id"])] = bool(e.get("carried_confirmed"))
            if e["status"] == Status.NOT_STARTED and not e["progress"] and not e["narrative"].strip():
                empty.add((code, e["task_id"]))
            if e["problems"].strip():
                problems.append((e["task_id"], code, e["problems"]))
            for iv in e["indicators"]:
                values[(e["task_id"], iv["seq"])].append((code, iv["value"]))
    evidence = [(ev["school"], ev["task_id"], ev["name"], ev["size"], ev["sha256"]) for ev in content["evidence_refs"]]
    applicable = {s["code"]: [t["task_id"] for t in tasks
                              if applicability.applies_to_school(t["applies_to"], s["type"], s["name"])]
                  for s in schools}
    return {"tasks": tasks, "headings": {t["task_id"]: t for t in nodes if t["is_heading"]}, "schools": schools,
            "due": None, "plan_title": content["plan"].get("title", ""), "county": content["county"],
            "period_name": content["period"], "submissions": subs, "status": status, "empty": empty,
            "problems": problems, "values": values, "evidence": evidence, "applicable": applicable, "review": {},
            "review_overall": {}, "carried": carried,
            "unconfirmed": {r["school"] for r in content["reports"] if r["unconfirmed"]}}


def county_figures(content: dict, *, as_of: str | None = None) -> dict:
    return figures.compute_from(county_data(content), as_of=as_of)


def default_period(db) -> str | None:
    """The period most counties reported (the latest of equals)."""
    counts: dict[str, int] = {}
    for r in store.rollups_index(db):
        counts[r[1]] = counts.get(r[1], 0) + 1
    return max(sorted(counts), key=lambda p: counts[p]) if counts else None


def compute(db, period: str | None = None, *, as_of: str | None = None) -> dict:
    """Every county's figures for the period (one row per county) and every school's, plus the city totals."""
    as_of = as_of or now_iso()
    period = period or default_period(db)
    counties, schools = [], []
    unconfirmed = trust.unconfirmed(db, OwnerKind.COUNTY)
    shared = copies.Finder()  # 疑似重复材料 across counties, gathered on the same pass (one roll-up in memory at a time)
    for r in store.rollups(db, period) if period else ():
        shared.add(r)
        f = county_figures(r["content"], as_of=as_of)
        row = {"county": r["county"], "plan_title": f["plan_title"], "revision": r["revision"],
               "merged_at": r["merged_at"], "exported_at": r["content"]["created_at"], "schools": len(f["schools"]),
               "reported": f["reported"], "n_not_reported": len(f["missing"]), "report_rate": f["report_rate"],
               "rate": f["rate"], "countable": f["countable"], "by_status": f["by_status"],
               "with_evidence": bool(r["content"]["evidence"]), "figures": f,
               "key_unconfirmed": r["county"] in unconfirmed}
        counties.append(row)
        schools += [p | {"county": r["county"]} for p in f["per_school"]]
    n_schools = sum(c["schools"] for c in counties)
    reported = sum(c["reported"] for c in counties)
    done = sum(c["by_status"][Status.DONE] for c in counties)
    countable = sum(c["countable"] for c in counties)
    return {"period": period, "as_of": as_of, "counties": counties, "schools": schools,
            "missing": [s for s in schools if not s["reported"]], "n_schools": n_schools, "reported": reported,
            "report_rate": figures.rate(reported, n_schools), "countable": countable, "n_done": done,
            "rate": figures.rate(done, countable), "periods": store.periods(db),
            "copies": shared.groups()}
