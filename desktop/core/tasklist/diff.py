"""What changed between two versions of a plan's task list (the tasks as package content): one diff for both
sides. Task ids are stable across versions (decisions.md), so a task is matched by its id."""

from __future__ import annotations

from desktop.core.words import PlanChange

# what a school reads of a task; a change in any of these is a change the school should see
COMPARED = ("title", "text", "deadline", "units", "applies_to", "evidence")
TARGET_KEYS = ("text", "value", "unit", "definition")


def _targets(task: dict) -> list[tuple]:
    return [tuple(x.get(k) or "" for k in ("seq", *TARGET_KEYS)) for x in task.get("targets", [])]


def changed_fields(old: dict, new: dict) -> list[str]:
    """The fields of one task that differ between two versions, in a fixed order (targets last)."""
    out = [k for k in COMPARED if (old.get(k) or None) != (new.get(k) or None)]
    if _targets(old) != _targets(new):
        out.append("targets")
    return out


def plan_diff(old_tasks: list[dict], new_tasks: list[dict]) -> list[dict]:
    """[{task_id, kind, fields, old, new}] for the leaf tasks added, removed or changed (headings only group
    tasks and are left out), in the new version's order, removed tasks after it in the old order."""
    old = {t["task_id"]: t for t in old_tasks if not t.get("is_heading")}
    new = {t["task_id"]: t for t in new_tasks if not t.get("is_heading")}
    out = []
    for tid, t in new.items():
        if tid not in old:
            out.append({"task_id": tid, "kind": PlanChange.ADDED, "fields": [], "old": None, "new": t})
        elif fields := changed_fields(old[tid], t):
            out.append({"task_id": tid, "kind": PlanChange.CHANGED, "fields": fields, "old": old[tid], "new": t})
    out += [{"task_id": tid, "kind": PlanChange.REMOVED, "fields": [], "old": t, "new": None}
            for tid, t in old.items() if tid not in new]
    return out
