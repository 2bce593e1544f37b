"""What a newer accepted revision does to the review (DESIGN §12).

A task whose entry changed (status, progress, any text, an achieved value, its evidence files) goes back to
未审核, its decision kept in history; a task whose entry did not change keeps its decision (and the revision
the decision was made on). When anything changed, the overall decision goes back to 未审核 too: it was made on
a report that is no longer the one on file.
"""

from __future__ import annotations

from desktop.core.review import store
from desktop.core.words import ReviewState

COMPARED = ("status", "progress", "narrative", "problems", "next_steps", "na_reason")


def comparable(entry: dict | None) -> tuple:
    """What a reviewer looked at in one entry, as a value two revisions can be compared by (updated_at is not)."""
    if entry is None:
        return ()
    indicators = tuple(sorted((iv["seq"], iv["value"]) for iv in entry.get("indicators", [])))
    files = tuple(sorted(ev["sha256"] for ev in entry.get("evidence", [])))
    return (*(entry.get(k) for k in COMPARED), indicators, files)


def changed_tasks(old: dict[str, dict], new: dict[str, dict]) -> set[str]:
    """Task ids whose entry differs between two revisions (an entry present in only one counts as changed)."""
    return {tid for tid in set(old) | set(new) if comparable(old.get(tid)) != comparable(new.get(tid))}


def on_new_revision(db, school: str, plan_id: str, period: str, revision: int, old: dict[str, dict],
                    new: dict[str, dict]) -> list[str]:
    """Reset the decisions a newer revision invalidates; returns the task ids reset. Call in the merge's transaction."""
    changed = changed_tasks(old, new)
    reset = []
    for task_id, decision in sorted(store.task_states(db, school, plan_id, period).items()):
        if task_id in changed and decision["state"] != ReviewState.UNREVIEWED:
            store.reset(db, school, plan_id, period, task_id, revision)
            reset.append(task_id)
    overall = store.overall_state(db, school, plan_id, period)
    if changed and overall is not None and overall["state"] != ReviewState.UNREVIEWED:
        store.reset_overall(db, school, plan_id, period, revision)
    return reset


def with_evidence(entries: list[dict] | dict, evidence: list[dict]) -> dict[str, dict]:
    """task_id → entry with its ``evidence`` list [{sha256, name}], from a manifest's entries and evidence."""
    items = entries.values() if isinstance(entries, dict) else entries
    out = {e["task_id"]: dict(e, evidence=[]) for e in items}
    for ev in evidence:
        if ev["task_id"] in out:
            out[ev["task_id"]]["evidence"].append({"sha256": ev["sha256"], "name": ev["name"]})
    return out
