"""疑似重复材料 across counties (DESIGN §14): ``records.copies``' rule applied to the counties' current roll-ups.

An owner is a school of a county, ``(county, school code)`` (two counties may number their schools alike). A
group counts for the city only when its schools belong to two or more counties: the same text from two schools
of one county is flagged at that county already. Read-only, computed from the roll-ups each time (nothing is
stored, so a flag always reflects the current packages); never a rejection.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.records import copies
from desktop.core.rollup import store


def county_of(owner: tuple[str, str]) -> str:
    return owner[0]


def owner_name(owner: tuple[str, str], names: dict | None = None) -> str:
    """'乙县 B00001 某某小学' (the school's name when known)."""
    name = (names or {}).get(owner, "")
    return f"{owner[0]} {owner[1]}{' ' + name if name else ''}"


class Finder:
    """``find`` one roll-up at a time: ``add`` keeps of each only what the rule needs (owners, tasks, evidence
    hashes, narratives long enough, names and titles), so the roll-ups need not all be in memory at once."""

    def __init__(self):
        self.evidence: list = []
        self.texts: list = []
        self.names: dict = {}
        self.titles: dict = {}

    def add(self, rollup: dict) -> None:
        county, content = rollup["county"], rollup["content"]
        self.names.update({(county, s["code"]): s["name"] for s in content["schools"]})
        self.titles.update({(county, t["task_id"]): t["title"] for t in content["tasks"]})
        self.evidence += [((county, ev["school"]), ev["task_id"], ev["sha256"], ev["name"])
                          for ev in content["evidence_refs"]]
        self.texts += [((county, rep["school"]), e["task_id"], e["narrative"]) for rep in content["reports"]
                       for e in rep["entries"] if len(e["narrative"]) >= copies.MIN_TEXT]

    def groups(self) -> list[dict]:
        names, titles = self.names, self.titles
        groups = copies.group(self.evidence, self.texts, apart=county_of)
        for g in groups:
            g["counties"] = sorted({county_of(o) for o in g["schools"]})
            g["rows"] = [{"county": c, "school": s, "name": names.get((c, s), ""), "task_id": t,
                          "title": titles.get((c, t), "")} for (c, s), t in g["items"]]
            g["names"] = {o: names.get(o, "") for o in g["schools"]}
        return groups


def find(rollups: Iterable[dict]) -> list[dict]:
    """The groups of schools of different counties that share an evidence file or a narrative, over the given
    roll-ups (``store.rollups``), as ``records.copies.group`` gives them plus ``rows``: one per school and task
    {county, school, name, task_id, title}."""
    finder = Finder()
    for r in rollups:
        finder.add(r)
    return finder.groups()


def current(db, period: str) -> list[dict]:
    return find(store.rollups(db, period))


def for_county(groups: list[dict], county: str) -> list[dict]:
    return [g for g in groups if county in g["counties"]]


def for_cell(groups: list[dict], county: str, school: str, task_id: str) -> list[dict]:
    """The groups this school's entry on this task is part of, each with ``others``: the schools of *other*
    counties in it, named for people."""
    return [g | {"others": [owner_name(o, g["names"]) for o in g["schools"] if county_of(o) != county]}
            for g in groups if ((county, school), task_id) in g["items"]]


def describe(groups: list[dict], county: str) -> tuple[str, str]:
    """One line (zh, en) for a county package's import result: what its schools share with other counties'."""
    names = {o: n for g in groups for o, n in g["names"].items()}
    return copies.describe(groups, county, apart=county_of, name=lambda o: owner_name(o, names))


def by_county(db, periods) -> dict[tuple[str, str], list[dict]]:
    """(county, period) → the cross-county groups the county's schools are part of."""
    out: dict[tuple[str, str], list[dict]] = {}
    for period in sorted(set(periods)):
        for g in current(db, period):
            for county in g["counties"]:
                out.setdefault((county, period), []).append(g)
    return out
