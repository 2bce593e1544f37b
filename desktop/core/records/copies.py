"""Cross-school checks (DESIGN §14): the same evidence file (SHA-256) sent by different schools, and the same
完成情况说明 (compared without any whitespace, at least ``MIN_TEXT`` characters) written by different schools,
are flagged as 疑似重复材料 — shown in the import results, the matrix cell and the summary, never rejected.
Read-only: one pass over a period's entries and evidence links. ``group`` is the rule over any owners; the
city applies it to schools of different counties (``rollup.copies``).
"""

from __future__ import annotations

import json

from desktop.core.words import SUSPECTED_COPY, CopyKind

MIN_TEXT = 20  # characters of narrative, after trimming, before identical texts count as copied


def normalise(text: str) -> str:
    """The text as compared: without whitespace at the ends or inside (full-width spaces, line breaks): Chinese
    prose has no spaces between words, so a copy re-flowed or re-spaced in a chat app is still the same text."""
    return "".join((text or "").split())


def group(evidence, narratives, *, apart=None) -> list[dict]:
    """The rule itself, over any owners: ``evidence`` is (owner, task_id, sha256, file name), ``narratives``
    (owner, task_id, text). Every evidence file or normalised text (at least ``MIN_TEXT`` characters) that two or
    more owners share, as {kind, key, label, items: [(owner, task_id)…], schools: [owners]}; evidence first, then
    by first owner. ``apart(owner)`` says which owners count as different (default: each owner): a county's
    schools for the county, the counties for the city (the same text from two schools of one county is the
    county's business, not the city's)."""
    groups: dict[tuple[str, str], dict] = {}
    for owner, task_id, sha, name in evidence:
        g = groups.setdefault((CopyKind.EVIDENCE, sha), {"kind": CopyKind.EVIDENCE, "key": sha, "label": name, "items": []})
        g["items"].append((owner, task_id))
    for owner, task_id, narrative in narratives:  # a city's 400,000: normalise inlined, a group made when new
        text = "".join((narrative or "").split())
        if len(text) >= MIN_TEXT:
            found = groups.get((CopyKind.NARRATIVE, text))
            if found is None:
                found = groups[(CopyKind.NARRATIVE, text)] = {"kind": CopyKind.NARRATIVE, "key": text, "label": text,
                                                              "items": []}
            found["items"].append((owner, task_id))
    out = []
    for g in groups.values():
        owners = sorted({s for s, _ in g["items"]})
        if len({apart(s) for s in owners} if apart else owners) > 1:
            out.append(g | {"items": sorted(set(g["items"])), "schools": owners})
    return sorted(out, key=lambda g: (g["kind"] != CopyKind.EVIDENCE, g["schools"], g["key"]))


def find(db, plan_id: str, period: str, *, texts=None) -> list[dict]:
    """Every group of schools that share an evidence file or a narrative in the period (see ``group``); ``texts``
    are the period's (school, task_id, narrative) rows of at least ``MIN_TEXT`` characters when the caller has
    read them already (standing.figures reads every entry anyway: a city's 400,000 are not read twice).

    What is read from the database is only what two or more schools share (grouped by SQLite, which spills to
    its temporary files): the 400,000 narratives of 10,000 schools never sit in memory at once."""
    ev = db.execute("SELECT school_code, task_id, sha256, name FROM entry_evidence WHERE plan_id = ? AND period = ?"
                    " AND sha256 IN (SELECT sha256 FROM entry_evidence WHERE plan_id = ? AND period = ?"
                    " GROUP BY sha256 HAVING MIN(school_code) <> MAX(school_code))"
                    " ORDER BY school_code, task_id", [plan_id, period, plan_id, period]).fetchall()
    if texts is None:
        db.register_function(normalise, deterministic=True, name=_NORMALISE_SQL)
        # each narrative normalised once: the groups two schools share give the rows (by rowid) to read
        shared = db.execute(f"SELECT json_group_array(id) FROM (SELECT rowid AS id, school_code,"
                            f" {_NORMALISE_SQL}(narrative) AS text FROM entries WHERE plan_id = ? AND period = ?"
                            f" AND length(narrative) >= ?) GROUP BY text HAVING MIN(school_code) <> MAX(school_code)",
                            [plan_id, period, MIN_TEXT]).fetchall()
        ids = [i for (group_ids,) in shared for i in json.loads(group_ids)]
        texts = db.execute("SELECT school_code, task_id, narrative FROM entries WHERE rowid IN"
                           " (SELECT value FROM json_each(?)) ORDER BY school_code, task_id",
                           [json.dumps(ids)]).fetchall() if ids else []
    return group(ev, texts)


_NORMALISE_SQL = "taizhang_copies_normalise"  # ``normalise`` as an SQL function, for grouping in the database


def for_school(groups: list[dict], school: str) -> list[dict]:
    return [g for g in groups if school in g["schools"]]


def for_cell(groups: list[dict], school: str, task_id: str) -> list[dict]:
    """The groups that this school's entry on this task is part of, each with the *other* schools named."""
    return [g | {"others": [s for s in g["schools"] if s != school]} for g in groups if (school, task_id) in g["items"]]


def describe(groups: list[dict], school, *, apart=None, name=str) -> tuple[str, str]:
    """One line (zh, en) for an import result: what the school shares with which other schools. With ``apart``
    (see ``group``), ``school`` is what ``apart`` gives (a county) and the others are the owners apart from it;
    ``name`` writes an owner for people."""
    evidence = [g for g in groups if g["kind"] == CopyKind.EVIDENCE]
    texts = [g for g in groups if g["kind"] == CopyKind.NARRATIVE]
    others = [name(s) for s in sorted({s for g in groups for s in g["schools"] if (apart(s) if apart else s) != school})]
    named = "、".join(others[:5]) + ("等" if len(others) > 5 else "")
    parts_zh, parts_en = [], []
    if evidence:
        parts_zh.append(f"佐证材料 {len(evidence)} 份")
        parts_en.append(f"{len(evidence)} evidence file(s)")
    if texts:
        parts_zh.append(f"完成情况说明 {len(texts)} 条")
        parts_en.append(f"{len(texts)} narrative(s)")
    return (f"{SUSPECTED_COPY}：与 {named} 相同的{'、'.join(parts_zh)}（仅提示，未拒收）",
            f"suspected copied material: {' and '.join(parts_en)} identical to {', '.join(others[:5])} (flagged, not rejected)")


def by_school(db, periods) -> dict[tuple[str, str], list[dict]]:
    """(school, period) → the groups the school is part of, for every plan with entries in ``periods``."""
    out: dict[tuple[str, str], list[dict]] = {}
    for period in sorted(set(periods)):
        for (plan_id,) in db.execute("SELECT DISTINCT plan_id FROM entries WHERE period = ?", [period]).fetchall():
            for g in find(db, plan_id, period):
                for school in g["schools"]:
                    out.setdefault((school, period), []).append(g)
    return out
