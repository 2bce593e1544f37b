"""The task list: importing the bureau's plan document, its review state, and publishing it."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from desktop.core.clock import now_iso
from desktop.core.db.audit import audit
from desktop.core.db.connection import transaction
from desktop.core.errors import TaizhangError
from desktop.core.package import planbook
from desktop.core.package.container import write_package
from desktop.core.roster import store as roster_store
from desktop.core.signing import identity
from desktop.core.tasklist import editing, source_map
from desktop.core.tasklist import store as task_store
from desktop.core.words import EVIDENCE_RULES, PLAN_SUFFIXES, EvidenceRule


def import_plan(db, plan_file, *, plan_id: str | None = None) -> str:
    """Parse the bureau's plan document into a draft plan (a new one, or a new draft of ``plan_id``)."""
    from desktop.core.planreader import parse_plan_file  # the parser is only needed here

    ident = identity.load(db, role="county")
    parsed = parse_plan_file(plan_file)
    if not parsed["tasks"]:
        raise TaizhangError("没有从文件中识别出任何任务", "no tasks were found in the document")
    if plan_id is None:
        existing = task_store.current_plan(db)
        plan_id = existing["id"] if existing and existing["title"] == (parsed.get("title") or Path(plan_file).name) else None
    source_text = plan_source_from_file(plan_file)
    with transaction(db):
        plan_id = task_store.save_parsed_plan(db, parsed, county=ident.county, source_name=Path(plan_file).name,
                                             source_text=source_text, plan_id=plan_id)
        audit(db, "plan.import", plan_id, json.dumps({"file": Path(plan_file).name, "tasks": len(parsed["tasks"])}))
    return plan_id


def plan_state(db) -> dict | None:
    """The current plan: version, when published, and whether it changed since (a new version on publish)."""

    plan = task_store.current_plan(db)
    if plan is None:
        return None
    tasks = task_store.plan_tasks(db, plan["id"])
    digest = planbook.plan_digest(plan["title"], tasks, roster_store.schools(db), roster_store.periods(db))
    published_at = task_store.published_at(db, plan["id"])
    leaves = [t for t in tasks if not t["is_heading"]]
    return plan | {
        "published_at": published_at,
        "changed": bool(plan["version"]) and digest != plan["digest"],
        "tasks": len(leaves),
        "placeholders": sum(1 for t in leaves for x in t["targets"] if x["value"] is None),
    }


def publish_check(db) -> dict:
    """What stops a publish (errors) and what the bureau should look at first (warnings), as (zh, en)."""
    errors, warnings = [], []
    plan = task_store.current_plan(db)
    if plan is None:
        errors.append(("还没有导入工作计划", "no plan has been imported yet"))
    if not roster_store.schools(db):
        errors.append(("学校名单为空，请先导入学校名单", "the roster is empty: import the schools first"))
    if not roster_store.periods(db):
        errors.append(("还没有设置填报周期", "no reporting period has been set"))
    if plan is not None:
        leaves = [t for t in task_store.plan_tasks(db, plan["id"]) if not t["is_heading"]]
        holes = [t for t in leaves if any(x["value"] is None for x in t["targets"])]
        if holes:
            warnings.append((f"有 {len(holes)} 项任务的量化指标还没有填写目标值（如 {holes[0]['task_id']}）",
                             f"{len(holes)} tasks have targets without a value (e.g. {holes[0]['task_id']})"))
        untitled = [t for t in leaves if not t["text"].strip()]
        if untitled:
            warnings.append((f"有 {len(untitled)} 项任务没有具体内容（如 {untitled[0]['task_id']}）",
                             f"{len(untitled)} tasks have no text (e.g. {untitled[0]['task_id']})"))
    return {"errors": errors, "warnings": warnings}


def publish(db, out, *, plan_id: str | None = None, passphrase: str | None = None) -> dict:
    """Write the signed plan workbook; each publish is a new version with the same task ids."""

    ident = identity.load(db, role="county")
    plan = task_store.current_plan(db) if plan_id is None else _plan(db, plan_id)
    if plan is None:
        raise TaizhangError("还没有导入工作计划", "no plan has been imported yet")
    tasks = task_store.plan_tasks(db, plan["id"])
    schools, periods = roster_store.schools(db), roster_store.periods(db)
    if not schools:
        raise TaizhangError("学校名单为空，请先导入学校名单", "the roster is empty: import the schools first")
    if not periods:
        raise TaizhangError("还没有设置填报周期", "no reporting period has been set")
    digest = planbook.plan_digest(plan["title"], tasks, schools, periods)
    version = plan["version"] + (0 if digest == plan["digest"] else 1)
    package_id, created_at = str(uuid.uuid4()), now_iso()
    content = {
        "layout": planbook.LAYOUT,
        "county": ident.county,
        "package_id": package_id,
        "created_at": created_at,
        "plan": {"id": plan["id"], "version": version, "digest": digest, "title": plan["title"], "year": plan["year"]},
        "tasks": tasks,
        "schools": schools,
        "periods": periods,
    }
    wb = planbook.build_workbook(content, ident.fingerprint)
    write_package(out, kind="plan", content=content, workbook=wb, key=ident.private_key(passphrase))
    with transaction(db):
        task_store.record_publish(db, plan["id"], version=version, digest=digest, published_at=created_at,
                                  package_id=package_id,
                                  task_ids=[t["task_id"] for t in tasks if not t["is_heading"]])
        audit(db, "plan.publish", plan["id"], json.dumps({"version": version, "file": Path(out).name}))
    return content


def _plan(db, plan_id: str) -> dict:
    plan = task_store.get_plan(db, plan_id)
    if plan is None:
        raise TaizhangError("找不到该工作计划", "plan not found")
    return plan


def plan_source_from_file(plan_file) -> str:
    """The document's text as the parser read it (lines in reading order); '' when it cannot be read."""
    from desktop.core.planreader.readers import read_lines

    try:
        return "\n".join(text for text, _atomic in read_lines(Path(plan_file)) if isinstance(text, str))
    except (TaizhangError, OSError, ValueError):
        return ""


def plan_source(db, plan_id: str) -> dict:
    """The stored source text of a plan and the name of the file it came from."""
    source = task_store.plan_source(db, plan_id)
    if source is None:
        raise TaizhangError("找不到该工作计划", "plan not found")
    return source


def attach_plan_source(db, plan_id: str, plan_file) -> str:
    """Re-read the plan document (when its text was not kept) and store its text for the review."""
    text = plan_source_from_file(plan_file)
    if not text:
        raise TaizhangError(f"无法读取文件的文字：{Path(plan_file).name}", f"cannot read the text of {Path(plan_file).name}")
    with transaction(db):
        task_store.set_source_text(db, plan_id, text)
    return text


def is_plan_document(path) -> bool:
    """Whether a file dropped on the bureau's window is a plan document to read rather than a file to merge: a
    workbook is a report package when it carries our manifest, a plan (a task table) when it does not (one too
    big to be a plan document is left to the merge, which says what it is)."""
    from desktop.core import zipsafe
    from desktop.core.package.container import carries_manifest

    p = Path(path)
    if not p.is_file() or p.suffix.lower() not in PLAN_SUFFIXES:
        return False
    if p.suffix.lower() != ".xlsx":
        return True
    limit = zipsafe.PLAN_DOCUMENT_MAX_BYTES
    return p.stat().st_size <= limit and not carries_manifest(p, max_bytes=limit)


def parse_plan(plan_file) -> dict:
    """A plan document (.txt/.docx/.xlsx; .doc/.wps/.pdf when LibreOffice/pdftotext are there) as tasks."""
    from desktop.core.planreader import parse_plan_file

    return parse_plan_file(plan_file)



# ---------------------------------------------------------------------- the review (计划核对)
# Thin doors onto tasklist.editing and tasklist.store for the review page and the task editor, so the GUI
# imports services only. Each edit is one action in its own transaction (see tasklist.editing).

def plan_tasks(db, plan_id: str) -> list[dict]:
    """The plan's nodes (headings and tasks) in document order, each with its targets."""
    return task_store.plan_tasks(db, plan_id)


def plan_task(db, plan_id: str, task_id: str) -> dict | None:
    return next((n for n in task_store.plan_tasks(db, plan_id) if n["task_id"] == task_id), None)


# 必需 / 可选 / 不需 as a script may write them (`plan rule --evidence`): the words, or their English
_RULE_WORDS = {str(rule): rule for rule in EVIDENCE_RULES} | {
    "required": EvidenceRule.REQUIRED, "optional": EvidenceRule.OPTIONAL,
    "not-needed": EvidenceRule.NOT_NEEDED, "not_needed": EvidenceRule.NOT_NEEDED, "none": EvidenceRule.NOT_NEEDED}


def evidence_rule_word(value: str) -> EvidenceRule:
    """The evidence rule a person typed (必需 / 可选 / 不需, or required / optional / not-needed)."""
    rule = _RULE_WORDS.get(str(value or "").strip().lower())
    if rule is None:
        raise TaizhangError(f"佐证要求只能是：必需、可选、不需（不是“{str(value)[:20]}”）",
                            f"the evidence rule must be 必需/required, 可选/optional or 不需/not-needed "
                            f"(not {str(value)[:20]!r})")
    return rule


def set_task_rule(db, task_id: str, *, evidence: str | None = None, definition: str | None = None,
                  target: int | None = None) -> dict:
    """What the bureau's plan review sets per task, from a script: the evidence rule and/or a target's 口径说明
    (``target``: its seq; not needed when the task has one target). Everything is checked before anything is
    written. Applies to the current plan; the schools get it with the next published version. Returns the task."""
    plan = task_store.current_plan(db)
    if plan is None:
        raise TaizhangError("还没有导入工作计划", "no plan has been imported yet")
    task = plan_task(db, plan["id"], task_id)
    if task is None:
        raise TaizhangError(f"任务清单中没有任务 {task_id[:20]}", f"the plan has no task {task_id[:20]}")
    if task["is_heading"]:
        raise TaizhangError("标题行没有佐证要求，请选择具体任务", "a heading has no evidence rule; choose a task")
    rule = evidence_rule_word(evidence) if evidence is not None else None
    seq = None
    if definition is not None:
        seqs = [x["seq"] for x in task["targets"]]
        if not seqs:
            raise TaizhangError(f"任务 {task_id} 没有量化指标：口径说明写在指标上",
                                f"task {task_id} has no targets: a definition belongs to a target")
        if target is None and len(seqs) > 1:
            raise TaizhangError(f"任务 {task_id} 有 {len(seqs)} 项指标，请用 --target 指明第几项（{'、'.join(map(str, seqs))}）",
                                f"task {task_id} has {len(seqs)} targets: say which with --target "
                                f"({', '.join(map(str, seqs))})")
        seq = seqs[0] if target is None else target
        if seq not in seqs:
            raise TaizhangError(f"任务 {task_id} 没有第 {seq} 项指标", f"task {task_id} has no target {seq}")
        if len(definition.strip()) > editing.MAX_DEFINITION:
            raise TaizhangError(f"口径说明太长（最多 {editing.MAX_DEFINITION} 字）",
                                f"the definition is too long (at most {editing.MAX_DEFINITION} characters)")
    if rule is not None:
        editing.update_task(db, plan["id"], task_id, evidence=rule)
    if seq is not None:
        editing.update_target(db, plan["id"], task_id, seq, definition=definition)
    return plan_task(db, plan["id"], task_id) or task


def review_school_types() -> tuple[str, ...]:
    """The school types a task's ``applies_to`` may name (besides named schools), in display order."""
    return editing.school_types()


def split_units(value) -> list[str]:
    return editing.split_units(value)


def applies_from_units(units: list[str]) -> list[str]:
    return editing.applies_from_units(units)


def update_task(db, plan_id: str, task_id: str, **fields) -> dict:
    return editing.update_task(db, plan_id, task_id, **fields)


def add_target(db, plan_id: str, task_id: str, text: str = "", value=None, unit: str = "") -> int:
    return editing.add_target(db, plan_id, task_id, text, value, unit)


def update_target(db, plan_id: str, task_id: str, seq: int, **fields) -> None:
    editing.update_target(db, plan_id, task_id, seq, **fields)


def remove_target(db, plan_id: str, task_id: str, seq: int) -> None:
    editing.remove_target(db, plan_id, task_id, seq)


def split_task(db, plan_id: str, task_id: str, at: int) -> str:
    """Split a task's text at ``at``; the new half gets a new id, which is returned."""
    return editing.split_task(db, plan_id, task_id, at)


def merge_with_next(db, plan_id: str, task_id: str) -> str:
    return editing.merge_with_next(db, plan_id, task_id)


def indent(db, plan_id: str, task_id: str) -> None:
    editing.indent(db, plan_id, task_id)


def outdent(db, plan_id: str, task_id: str) -> None:
    editing.outdent(db, plan_id, task_id)


def set_heading(db, plan_id: str, task_id: str, heading: bool) -> None:
    editing.set_heading(db, plan_id, task_id, heading)


def delete_node(db, plan_id: str, task_id: str) -> None:
    editing.delete_node(db, plan_id, task_id)


def add_task_after(db, plan_id: str, task_id: str | None, title: str = "新任务") -> str:
    """A new task after ``task_id`` (at the top when None); its id is returned."""
    return editing.add_task_after(db, plan_id, task_id, title)


def source_kinds() -> tuple[str, ...]:
    """The kinds of span :func:`locate_in_source` marks (title, units, deadline, target)."""
    return source_map.KINDS


def locate_in_source(source: str, nodes: list[dict]) -> dict:
    """task id → where the node sits in the source text (``.block`` and ``.spans`` of (start, end, kind))."""
    return source_map.locate(source, nodes)


def node_at(located: dict, pos: int) -> str | None:
    """The task id whose block holds ``pos`` in the source text (innermost first)."""
    return source_map.node_at(located, pos)
