"""Plans and their task trees in the database: save a parsed plan, read it back as package content."""

from __future__ import annotations

import json
import uuid

from desktop.core.clock import now_iso
from desktop.core.tasklist import ids
from desktop.core.words import EVIDENCE_RULES, EvidenceRule


def _norm(path) -> tuple:
    return tuple(ids.label_number(p) for p in path)


def ordered_nodes(parsed: dict) -> list[dict]:
    """Headings and leaf tasks interleaved in document order (each heading just before its first task)."""
    headings = [dict(h, is_heading=True) for h in parsed.get("headings", [])]
    out, emitted = [], set()
    for task in parsed["tasks"]:
        tp = _norm(task["path"])
        for i, h in enumerate(headings):
            hp = _norm(h["path"])
            if i not in emitted and len(hp) < len(tp) and tp[: len(hp)] == hp:
                emitted.add(i)
                out.append(h)
        out.append(dict(task, is_heading=False))
    out.extend(h for i, h in enumerate(headings) if i not in emitted)
    return out


def save_parsed_plan(db, parsed: dict, *, county: str, source_name: str, source_text: str = "",
                     plan_id: str | None = None) -> str:
    """Store a parsed plan as the draft of ``plan_id`` (new when None). Call inside a transaction.

    Re-saving a plan keeps the task id of every task whose numbering path is unchanged, so reports
    against older versions still line up.
    """
    now = now_iso()
    if plan_id is None:
        plan_id = str(uuid.uuid4())
        db.execute("INSERT INTO plans (plan_id, title, county, year, source_name, source_text, created_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [plan_id, parsed.get("title") or source_name, county, parsed.get("year"), source_name,
                    source_text, now])
        old_ids = {}
    else:
        db.execute("UPDATE plans SET title = ?, year = ?, source_name = ?, source_text = ? WHERE plan_id = ?",
                   [parsed.get("title") or source_name, parsed.get("year"), source_name, source_text, plan_id])
        old_ids = {_norm(json.loads(p)): tid for tid, p in
                   db.execute("SELECT task_id, path FROM tasks WHERE plan_id = ?", [plan_id]).fetchall()}
        db.execute("DELETE FROM targets WHERE plan_id = ?", [plan_id])
        db.execute("DELETE FROM tasks WHERE plan_id = ?", [plan_id])
    taken = set(old_ids.values())
    by_path: dict[tuple, str] = {}
    for seq, node in enumerate(ordered_nodes(parsed), start=1):
        norm = _norm(node["path"])
        task_id = old_ids.pop(norm, None)
        if task_id is None:
            task_id = ids.task_id_for(node["path"], taken)
        parent = next((by_path[norm[:k]] for k in range(len(norm) - 1, 0, -1) if norm[:k] in by_path), None)
        by_path.setdefault(norm, task_id)
        db.execute(
            "INSERT INTO tasks (plan_id, task_id, parent_id, seq, path, is_heading, title, text, units, deadline,"
            " applies_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [plan_id, task_id, parent, seq, json.dumps(node["path"], ensure_ascii=False), int(node["is_heading"]),
             node.get("title", ""), node.get("text", ""), json.dumps(node.get("units", []), ensure_ascii=False),
             node.get("deadline"), json.dumps(node.get("applies_to", []), ensure_ascii=False)],
        )
        for tseq, t in enumerate(node.get("targets", []), start=1):
            db.execute("INSERT INTO targets (plan_id, task_id, seq, text, value, unit, placeholder)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [plan_id, task_id, tseq, t.get("text", ""), t.get("value"), t.get("unit", ""),
                        int(bool(t.get("placeholder")) or t.get("value") is None)])
    return plan_id


def plan_tasks(db, plan_id: str) -> list[dict]:
    """Every node of the plan (headings and tasks) in document order, as package content."""
    targets: dict[str, list] = {}
    for task_id, seq, text, value, unit, placeholder, definition in db.execute(
            "SELECT task_id, seq, text, value, unit, placeholder, definition FROM targets WHERE plan_id = ?"
            " ORDER BY task_id, seq", [plan_id]).fetchall():
        target = {"seq": seq, "text": text, "value": value, "unit": unit, "placeholder": bool(placeholder)}
        if definition:  # additive (DESIGN §13): only where the bureau wrote how to count
            target["definition"] = definition
        targets.setdefault(task_id, []).append(target)
    out = []
    for row in db.execute("SELECT task_id, parent_id, path, is_heading, title, text, units, deadline, applies_to,"
                          " evidence_rule FROM tasks WHERE plan_id = ? ORDER BY seq", [plan_id]).fetchall():
        task = {"task_id": row[0], "parent_id": row[1], "path": json.loads(row[2]), "is_heading": bool(row[3]),
                "title": row[4], "text": row[5], "units": json.loads(row[6]), "deadline": row[7],
                "applies_to": json.loads(row[8]), "targets": targets.get(row[0], [])}
        if row[9] != EvidenceRule.OPTIONAL:  # additive: the default 可选 is not written, so digests stay
            task["evidence"] = row[9]
        out.append(task)
    return out


def evidence_rule(task: dict) -> str:
    """A task's evidence rule (必需 / 可选 / 不需); 可选 when the plan does not say."""
    return task.get("evidence") or EvidenceRule.OPTIONAL


def store_plan_tasks(db, plan_id: str, tasks: list[dict]) -> None:
    """Replace the plan's task tree with ``tasks`` (package content). Call inside a transaction."""
    db.execute("DELETE FROM targets WHERE plan_id = ?", [plan_id])
    db.execute("DELETE FROM tasks WHERE plan_id = ?", [plan_id])
    for seq, t in enumerate(tasks, start=1):
        db.execute(
            "INSERT INTO tasks (plan_id, task_id, parent_id, seq, path, is_heading, title, text, units, deadline,"
            " applies_to, evidence_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [plan_id, t["task_id"], t.get("parent_id"), seq, json.dumps(t["path"], ensure_ascii=False),
             int(bool(t.get("is_heading"))), t["title"], t.get("text", ""),
             json.dumps(t.get("units", []), ensure_ascii=False), t.get("deadline"),
             json.dumps(t.get("applies_to", []), ensure_ascii=False), _rule(t.get("evidence"))],
        )
        for x in t.get("targets", []):
            db.execute("INSERT INTO targets (plan_id, task_id, seq, text, value, unit, placeholder, definition)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [plan_id, t["task_id"], x["seq"], x.get("text", ""), x.get("value"), x.get("unit", ""),
                        int(bool(x.get("placeholder"))), str(x.get("definition") or "")])


def _rule(value) -> str:
    return value if value in EVIDENCE_RULES else EvidenceRule.OPTIONAL


def current_plan(db) -> dict | None:
    row = db.execute("SELECT plan_id, title, county, year, version, digest FROM plans"
                     " ORDER BY created_at DESC, rowid DESC LIMIT 1").fetchone()
    if row is None:
        return None
    return {"id": row[0], "title": row[1], "county": row[2], "year": row[3], "version": row[4], "digest": row[5]}


def get_plan(db, plan_id: str) -> dict | None:
    row = db.execute("SELECT plan_id, title, county, year, version, digest, published_at FROM plans WHERE plan_id = ?",
                     [plan_id]).fetchone()
    if row is None:
        return None
    return dict(zip(("id", "title", "county", "year", "version", "digest", "published_at"), row, strict=True))


def published_at(db, plan_id: str) -> str | None:
    row = db.execute("SELECT published_at FROM plans WHERE plan_id = ?", [plan_id]).fetchone()
    return row[0] if row else None


def record_publish(db, plan_id: str, *, version: int, digest: str, published_at: str, package_id: str,
                   task_ids: list[str]) -> None:
    """The county published ``version`` of the plan (each version keeps the ids of its tasks)."""
    db.execute("UPDATE plans SET version = ?, digest = ?, published_at = ? WHERE plan_id = ?",
               [version, digest, published_at, plan_id])
    db.execute("INSERT OR IGNORE INTO plan_versions (plan_id, version, digest, published_at, package_id, task_ids)"
               " VALUES (?, ?, ?, ?, ?, ?)",
               [plan_id, version, digest, published_at, package_id, json.dumps(task_ids, ensure_ascii=False)])


def store_published_plan(db, m: dict) -> None:
    """School side: keep the plan of a verified plan workbook (its manifest ``m``) and its task tree."""
    plan = m["plan"]
    db.execute("INSERT INTO plans (plan_id, title, county, year, version, digest, created_at, published_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id) DO UPDATE SET title = excluded.title,"
               " version = excluded.version, digest = excluded.digest, published_at = excluded.published_at",
               [plan["id"], plan["title"], m["county"], plan.get("year"), plan["version"], plan["digest"],
                now_iso(), m["created_at"]])
    db.execute("INSERT OR IGNORE INTO plan_versions (plan_id, version, digest, published_at, package_id)"
               " VALUES (?, ?, ?, ?, ?)", [plan["id"], plan["version"], plan["digest"], m["created_at"], m["package_id"]])
    store_plan_tasks(db, plan["id"], m["tasks"])


def plan_source(db, plan_id: str) -> dict | None:
    """The stored source text of a plan and the name of the file it came from."""
    row = db.execute("SELECT source_text, source_name FROM plans WHERE plan_id = ?", [plan_id]).fetchone()
    return {"text": row[0] or "", "name": row[1] or ""} if row else None


def set_source_text(db, plan_id: str, text: str) -> None:
    db.execute("UPDATE plans SET source_text = ? WHERE plan_id = ?", [text, plan_id])


def target(db, plan_id: str, task_id: str, seq: int) -> tuple | None:
    """(text, value, unit) of one target."""
    return db.execute("SELECT text, value, unit FROM targets WHERE plan_id = ? AND task_id = ? AND seq = ?",
                      [plan_id, task_id, seq]).fetchone()


def add_target(db, plan_id: str, task_id: str, text: str, value: str | None, unit: str) -> int:
    """Append a target to a task; returns its seq. A target without a value is a placeholder to fill in."""
    seq = 1 + (db.execute("SELECT MAX(seq) FROM targets WHERE plan_id = ? AND task_id = ?",
                          [plan_id, task_id]).fetchone()[0] or 0)
    db.execute("INSERT INTO targets (plan_id, task_id, seq, text, value, unit, placeholder) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [plan_id, task_id, seq, text, value, unit, int(value is None)])
    return seq


def set_target(db, plan_id: str, task_id: str, seq: int, text: str, value: str | None, unit: str,
               definition: str | None = None) -> None:
    db.execute("UPDATE targets SET text = ?, value = ?, unit = ?, placeholder = ? WHERE plan_id = ? AND task_id = ?"
               " AND seq = ?", [text, value, unit, int(value is None), plan_id, task_id, seq])
    if definition is not None:
        db.execute("UPDATE targets SET definition = ? WHERE plan_id = ? AND task_id = ? AND seq = ?",
                   [definition, plan_id, task_id, seq])


def delete_target(db, plan_id: str, task_id: str, seq: int) -> bool:
    return db.execute("DELETE FROM targets WHERE plan_id = ? AND task_id = ? AND seq = ?",
                      [plan_id, task_id, seq]).rowcount > 0
