"""How far a school has got: per-task flags (overdue, missing evidence, warnings) and dashboard counts.

Pure functions over plain dicts (no database, no Qt), so the GUI, the CLI and tests agree on what
"overdue" or "missing evidence" means.
"""

from __future__ import annotations

from desktop.core import numbers
from desktop.core.words import STATUSES, EvidenceRule, Status

NOT_STARTED, IN_PROGRESS, DONE, NOT_APPLICABLE = Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.NOT_APPLICABLE


def is_overdue(deadline: str | None, status: str, today: str) -> bool:
    """A deadline ``YYYY-MM`` (or ``YYYY-MM-DD``) has passed and the task is neither done nor not applicable."""
    if not deadline or status in (DONE, NOT_APPLICABLE):
        return False
    if len(deadline) >= 10:
        return today[:10] > deadline[:10]
    return today[:7] > deadline[:7]


def _warning(code: str, task_id: str, zh: str, en: str, **params) -> dict:
    return {"code": code, "task_id": task_id, "zh": zh, "en": en, "params": params}


def task_warnings(task: dict, entry: dict, evidence_count: int) -> list[dict]:
    """What the school should look at before reporting this task (shown in place, and at export)."""
    tid, status = task["task_id"], entry["status"]
    out = []
    if status == NOT_APPLICABLE:
        if not entry.get("na_reason", "").strip():
            out.append(_warning("na_no_reason", tid, "标为“不适用”但没有说明原因",
                                "marked not applicable without a reason"))
        return out
    values = {iv["seq"]: iv["value"] for iv in entry.get("indicators", [])}
    rule = evidence_rule(task)
    if rule == EvidenceRule.REQUIRED and status in (DONE, IN_PROGRESS) and evidence_count == 0:
        out.append(_warning("required_evidence", tid, "教育局要求本任务必须上传佐证材料，但还没有上传",
                            "the bureau requires evidence for this task, and none is attached"))
    if status == DONE:
        if not entry.get("narrative", "").strip():
            out.append(_warning("done_no_narrative", tid, "已完成，但没有填写完成情况说明",
                                "done, but the 完成情况说明 is empty"))
        if evidence_count == 0 and rule == EvidenceRule.OPTIONAL:
            out.append(_warning("done_no_evidence", tid, "已完成，但没有上传佐证材料", "done, but no evidence attached"))
        if entry.get("progress", 0) < 100:
            out.append(_warning("done_progress", tid, "已完成，但进度不是 100%", "done, but progress is not 100%",
                                progress=entry.get("progress", 0)))
        for t in task.get("targets", []):
            if numbers.parse_number(t.get("value")) is not None and not t.get("placeholder") and t["seq"] not in values:
                out.append(_warning("done_no_value", tid, f"已完成，但指标“{t['text']}”没有填写完成值",
                                    f"done, but no achieved value for '{t['text']}'", target=t["text"]))
    for t in task.get("targets", []):
        got = values.get(t["seq"])
        if got is not None and numbers.misses_target(t, got):
            upper = numbers.target_kind(t) is numbers.TargetKind.CEILING
            zh = (f"完成值 {got}{t.get('unit', '')} 高于上限 {t['value']}{t.get('unit', '')}" if upper
                  else f"完成值 {got}{t.get('unit', '')} 低于目标 {t['value']}{t.get('unit', '')}")
            en = (f"achieved {got} {t.get('unit', '')} is above the limit {t['value']}" if upper
                  else f"achieved {got} {t.get('unit', '')} is below the target {t['value']}")
            out.append(_warning("above_limit" if upper else "below_target", tid, zh, en, value=got,
                                target=t["value"], unit=t.get("unit", ""), text=t["text"]))
    return out


def evidence_rule(task: dict) -> str:
    """必需 / 可选 / 不需 as the plan says (可选 when it does not)."""
    return task.get("evidence") or EvidenceRule.OPTIONAL


def needs_evidence(task: dict, status: str) -> bool:
    """Whether an entry with ``status`` lacks something without evidence: 必需 once work is under way or done,
    可选 when done, 不需 never (the bureau chose not to ask)."""
    rule = evidence_rule(task)
    if rule == EvidenceRule.NOT_NEEDED:
        return False
    if rule == EvidenceRule.REQUIRED:
        return status in (DONE, IN_PROGRESS)
    return status == DONE


def task_flags(task: dict, entry: dict, evidence_count: int, today: str) -> dict:
    """The flags the task list filters on and shows as icons."""
    status = entry["status"]
    carried = bool(entry.get("carried_from"))
    return {
        "carried": carried,
        "carried_unconfirmed": carried and not entry.get("carried_confirmed"),
        "overdue": is_overdue(task.get("deadline"), status, today),
        "missing_evidence": evidence_count == 0 and needs_evidence(task, status),
        "evidence_rule": evidence_rule(task),
        "warnings": task_warnings(task, entry, evidence_count),
    }


def summarize(rows: list[dict]) -> dict:
    """Dashboard counts over the board rows (leaf tasks that apply to the school)."""
    tasks = [r for r in rows if not r["is_heading"] and r["applies"]]
    by_status = {s: 0 for s in STATUSES}
    for r in tasks:
        by_status[r["entry"]["status"]] += 1
    relevant = len(tasks) - by_status[NOT_APPLICABLE]
    done = by_status[DONE]
    return {
        "tasks": len(tasks),
        "by_status": by_status,
        "done": done,
        "relevant": relevant,
        "percent": round(100 * done / relevant) if relevant else 0,
        "overdue": sum(1 for r in tasks if r["overdue"]),
        "missing_evidence": sum(1 for r in tasks if r["missing_evidence"]),
        "with_warnings": sum(1 for r in tasks if r["warnings"]),
        "evidence_files": sum(r["evidence"] for r in tasks),
        "carried_unconfirmed": sum(1 for r in tasks if r.get("carried_unconfirmed")),
    }
