"""县区汇总 → 市局 (DESIGN §14): the county's signed roll-up package; the city install that merges county
packages, approves county keys, and writes the city summary."""

from __future__ import annotations

import json

from desktop.core.db.audit import audit
from desktop.core.db.connection import open_db, transaction
from desktop.core.errors import TaizhangError
from desktop.core.services.standing import published
from desktop.core.signing import identity
from desktop.core.words import Role


def county_export(db, out, *, period: str | None = None, with_evidence: bool = False,
                  passphrase: str | None = None) -> dict:
    """Write the county's signed county package for the city (evidence bytes only ``with_evidence``)."""
    from desktop.core.rollup import exports

    identity.load(db, role=Role.COUNTY)
    plan_id, period = published(db, period)
    return exports.write(db, plan_id, period, out, with_evidence=with_evidence, passphrase=passphrase)


def city_init(db_path, name: str, *, passphrase: str | None = None) -> identity.Identity:
    """A city install (市教育局): its identity and key; ``merge`` and ``summary`` then take county packages."""
    name = "".join(str(name).split())
    if not name:
        raise TaizhangError("请填写市名称", "the city name is empty")
    db = open_db(db_path, create=True)
    try:
        with transaction(db):
            ident = identity.create(db, role=Role.CITY, county=name, passphrase=passphrase)
            audit(db, "city.init", name, json.dumps({"fingerprint": ident.fingerprint}))
        return ident
    finally:
        db.close()


def is_city(db) -> bool:
    ident = identity.load(db, required=False)
    return ident is not None and ident.role == Role.CITY


def merge_files(db, paths, **kwargs) -> list:
    """A city merges county packages (files, folders, .zip): one outcome per file, as a county merges reports.
    Each accepted package whose schools share evidence or narrative text with another county's schools is
    flagged 疑似重复材料 in its result (one pass over the periods merged, after the batch)."""
    from desktop.core.rollup import merge

    outcomes = merge.merge_paths(db, paths, **kwargs)
    flag_copies(db, outcomes)
    return outcomes


def flag_copies(db, outcomes: list) -> None:
    """Add the 疑似重复材料 flag and a reason line to each accepted outcome whose county shares material."""
    from desktop.core.rollup import copies
    from desktop.core.words import SUSPECTED_COPY
    from desktop.core.words import Outcome as Verdict

    accepted = [o for o in outcomes if o.outcome == Verdict.ACCEPTED and o.county and o.period]
    if not accepted:
        return
    shared = copies.by_county(db, {o.period for o in accepted})
    for o in accepted:
        groups = shared.get((o.county, o.period))
        if groups:
            zh, en = copies.describe(groups, o.county)
            o.flags = [SUSPECTED_COPY]
            old_zh, _, old_en = o.reason.partition(" / ")
            o.reason = f"{'；'.join(x for x in (old_zh, zh) if x)} / {'; '.join(x for x in (old_en, en) if x)}"


def city_figures(db, period: str | None = None, *, as_of: str | None = None) -> dict:
    """The city's county level and school level for the period (default: the one most counties reported)."""
    from desktop.core.rollup import figures

    identity.load(db, role=Role.CITY)
    return figures.compute(db, period, as_of=as_of)


def write_city_summary(db, out, *, period: str | None = None, as_of: str | None = None):
    """The city summary workbook (county level, school level, per county 未报送 schools), written atomically."""
    from desktop.core.rollup import workbook

    data = city_figures(db, period, as_of=as_of)
    if data["period"] is None:
        raise TaizhangError("还没有导入任何县区汇总包", "no county package has been merged yet")
    if period is not None and period not in data["periods"]:
        raise TaizhangError(f"没有县区报送过填报周期“{period}”", f"no county has reported period {period!r}")
    ident = identity.load(db, role=Role.CITY)
    assert ident is not None
    return workbook.write_summary(data, ident.county, out)


def key_requests(db) -> list[dict]:
    """County keys for the city to decide on: a changed key (``kind`` "pending") with the files waiting for it,
    and a first key trusted on first use only (``kind`` "unconfirmed", 未确认) until the city compared its
    fingerprint with the county over the phone. Each row names the exact ``fingerprint`` an approval pins."""
    from desktop.core.rollup import store
    from desktop.core.signing import trust
    from desktop.core.signing.crypto import format_fingerprint
    from desktop.core.words import Confirmation, OwnerKind

    rows = [{"kind": "pending", "county": r["owner"], "fingerprint": r["fingerprint"],
             "fingerprint_groups": format_fingerprint(r["fingerprint"]), "pinned": r["pinned"],
             "pinned_groups": format_fingerprint(r["pinned"]) if r["pinned"] else "",
             "pinned_unconfirmed": r["pinned_confirmation"] == Confirmation.UNCONFIRMED, "first_seen": r["first_seen"],
             "waiting": store.waiting_for_key(db, r["owner"], r["fingerprint"])}
            for r in trust.pending(db, OwnerKind.COUNTY)]
    held = {r["county"] for r in rows}  # a pending row already shows its county's unconfirmed key beside it
    seen = {k["fingerprint"]: k["first_seen"] for k in trust.keys(db)}
    for county, fp in sorted(trust.unconfirmed(db, OwnerKind.COUNTY).items()):
        if county not in held:
            rows.append({"kind": "unconfirmed", "county": county, "fingerprint": fp,
                         "fingerprint_groups": format_fingerprint(fp), "pinned": fp, "pinned_groups": "",
                         "pinned_unconfirmed": True, "first_seen": seen.get(fp, ""), "waiting": 0})
    return rows


def unconfirmed_counties(db) -> set[str]:
    """Counties whose key the city has not compared yet (their figures are shown with 密钥未确认)."""
    from desktop.core.signing import trust
    from desktop.core.words import OwnerKind

    return set(trust.unconfirmed(db, OwnerKind.COUNTY))


def approve_key(db, county: str, fingerprint: str) -> list:
    """Pin exactly the county key ``fingerprint`` the city compared; the files that waited for it merge now."""
    from desktop.core.rollup import merge

    outcomes = merge.approve_key(db, county, fingerprint)
    flag_copies(db, outcomes)
    return outcomes


def reason_once_approved(reason: str) -> str:
    """What an import row's reason says once its county's key was approved (no more "not confirmed yet")."""
    from desktop.core.rollup import merge

    return merge.reason_once_approved(reason)


def refuse_key(db, county: str, fingerprint: str | None = None) -> None:
    from desktop.core.rollup import merge

    merge.refuse_key(db, county, fingerprint)


def received(db) -> list[dict]:
    """Every county package received, with its verdict (the city's import history)."""
    from desktop.core.rollup import store

    return store.submissions(db)


def county_detail(db, county: str, period: str | None = None, *, as_of: str | None = None) -> dict:
    """Drill-down: one county's figures (its schools, tasks, per-school rates) from its current roll-up."""
    data = city_figures(db, period, as_of=as_of)
    row = next((c for c in data["counties"] if c["county"] == county), None)
    if row is None:
        raise TaizhangError(f"没有县区“{county}”的汇总包", f"no county package from {county!r}")
    return row["figures"]


def school_entries(db, county: str, school: str, period: str | None = None, *, copies_found: list | None = None) -> dict:
    """Drill-down: what one school of a county reported on each task (from the county's current roll-up), each
    entry with ``copies``: the 疑似重复材料 it shares with schools of other counties (``copies_found``: the
    period's groups as ``city_figures`` gave them, so a click on a school does not compute them again)."""
    from desktop.core.rollup import copies, store

    period = period or city_figures(db)["period"]
    finder = copies.Finder() if copies_found is None else None
    content = None
    # one roll-up in memory at a time, this county's kept; every county's only when the groups are to be found
    for r in store.rollups(db, period, None if finder is not None else county):
        if r["county"] == county and content is None:
            content = r["content"]
        if finder is not None:
            finder.add(r)
    if content is None:
        raise TaizhangError(f"没有县区“{county}”的汇总包", f"no county package from {county!r}")
    school_row = next((s for s in content["schools"] if s["code"] == school), None)
    if school_row is None:
        raise TaizhangError(f"{county}的学校名单中没有 {school}", f"school {school} is not on {county}'s roster")
    report = next((r for r in content["reports"] if r["school"] == school), None)
    titles = {t["task_id"]: t["title"] for t in content["tasks"]}
    found = finder.groups() if finder is not None else copies_found or []
    shared = copies.for_county(found, county)
    evidence: dict[str, list] = {}
    for ev in content["evidence_refs"]:
        if ev["school"] == school:
            evidence.setdefault(ev["task_id"], []).append(ev)
    return {"school": school_row, "county": county, "reported": report is not None,
            "revision": report["revision"] if report else None,
            "entries": [e | {"title": titles.get(e["task_id"], ""), "evidence": evidence.get(e["task_id"], []),
                             "copies": copies.for_cell(shared, county, school, e["task_id"])}
                        for e in (report["entries"] if report else [])]}


def city_info(db) -> dict:
    """The city's identity for the window: name and key fingerprint (also in groups of 4)."""
    from desktop.core.signing.crypto import format_fingerprint

    ident = identity.load(db, role=Role.CITY)
    assert ident is not None
    return {"city": ident.county, "fingerprint": ident.fingerprint,
            "fingerprint_groups": format_fingerprint(ident.fingerprint)}
