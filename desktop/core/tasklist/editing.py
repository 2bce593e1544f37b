"""The bureau's review of a parsed plan: fix what the parser read before publishing.

Every edit keeps the stable task ids: a task keeps its id through text edits, relabelling, moves
and merges; a split gives the new half a new id and the original keeps its own. Target ``seq``
numbers are never reused or renumbered (school indicator values refer to them).

Each public function is one action in its own transaction, recorded in the audit log. The tree
operations load the plan's nodes, change the ordered list in memory (see :class:`_Tree`) and
write it back with :func:`task_store.store_plan_tasks`.
"""

from __future__ import annotations

import json
import re

from desktop.core import numbers
from desktop.core.db.audit import audit
from desktop.core.db.connection import transaction
from desktop.core.errors import TaizhangError
from desktop.core.tasklist import ids
from desktop.core.tasklist import store as task_store
from desktop.core.words import EVIDENCE_RULES, SCHOOL_TYPES, EvidenceRule

MAX_TITLE = 200
MAX_TEXT = 20000
MAX_LABEL = 20


def school_types() -> tuple[str, ...]:
    """The school types a task can apply to (the roster's types)."""
    return SCHOOL_TYPES


def split_units(value) -> list[str]:
    """'党建办、宣传股，各学校' → ['党建办', '宣传股', '各学校'] (a list is cleaned as given)."""
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    else:
        parts = re.split(r"[、，,；;/\s]+", str(value or ""))
    out = []
    for p in parts:
        p = p.strip(" \t。.:：,，、;；")
        if p and p not in out:
            out.append(p)
    return out


def applies_from_units(units: list[str]) -> list[str]:
    """What the parser would derive as 适用学校 from these units (for "按责任单位推断")."""
    from desktop.core.planreader.charfold import fold
    from desktop.core.planreader.units import applies_to

    return applies_to([(u, fold(u)) for u in units])


_ISO_MONTH = re.compile(r"^\s*((?:19|20)\d{2})\s*[-./年]\s*(\d{1,2})\s*月?\s*$")


def normalise_deadline(value, year: int | None = None) -> str | None:
    """'' → None; '2026-6', '2026年6月', '2026.06' → '2026-06'; '年底前', '6月' with the plan year."""
    text = str(value or "").strip()
    if not text:
        return None
    m = _ISO_MONTH.match(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    from desktop.core.planreader.charfold import fold
    from desktop.core.planreader.deadlines import parse_deadline

    found = parse_deadline(fold(text), year)
    if found:
        return found
    raise TaizhangError(f"完成时限应写成“年-月”，例如 2026-06：{text}",
                        f"the deadline must be year-month, for example 2026-06: {text}")


def normalise_value(value) -> str | None:
    """A target value as the bureau types it: '' → None (to be filled in), '1,000' → '1000'."""
    if value is None or not str(value).strip():
        return None
    return numbers.normalise_number(value, what_zh="目标值", what_en="target value ")


def first_sentence(text: str, limit: int = 40) -> str:
    """A title for a new task: its text up to the first 。/；, cut at ``limit`` characters."""
    text = text.strip()
    m = re.search(r"[。；;！!？?\n]", text)
    head = text[: m.start()] if m else text
    head = head.strip(" ，,、：:")
    return head[:limit] or text[:limit]


# --------------------------------------------------------------------------------- the tree


class _Tree:
    """The plan's nodes in document order, with the helpers the structural edits need."""

    def __init__(self, nodes: list[dict]):
        self.nodes = nodes

    def index(self, task_id: str) -> int:
        for i, n in enumerate(self.nodes):
            if n["task_id"] == task_id:
                return i
        raise TaizhangError(f"找不到任务 {task_id}", f"task {task_id} not found")

    def node(self, task_id: str) -> dict:
        return self.nodes[self.index(task_id)]

    def subtree_end(self, i: int) -> int:
        """Index just past node ``i`` and its descendants (a contiguous block in document order)."""
        ids = {self.nodes[i]["task_id"]}
        j = i + 1
        while j < len(self.nodes) and self.nodes[j]["parent_id"] in ids:
            ids.add(self.nodes[j]["task_id"])
            j += 1
        return j

    def children(self, task_id: str | None) -> list[dict]:
        return [n for n in self.nodes if n["parent_id"] == task_id]

    def previous_sibling(self, i: int) -> dict | None:
        parent = self.nodes[i]["parent_id"]
        for j in range(i - 1, -1, -1):
            if self.nodes[j]["parent_id"] == parent:
                return self.nodes[j]
        return None

    def relabel_paths(self) -> None:
        """Recompute every path from its parent's path and the node's own last label."""
        paths: dict[str, list] = {}
        for n in self.nodes:
            label = n["path"][-1] if n["path"] else "*"
            parent = paths.get(n["parent_id"]) if n["parent_id"] is not None else []
            if parent is None:  # parent missing: make it a top-level node
                n["parent_id"], parent = None, []
            n["path"] = [*parent, label]
            paths[n["task_id"]] = n["path"]


def _load(db, plan_id: str) -> _Tree:
    if db.execute("SELECT 1 FROM plans WHERE plan_id = ?", [plan_id]).fetchone() is None:
        raise TaizhangError("找不到该工作计划", "plan not found")
    return _Tree(task_store.plan_tasks(db, plan_id))


def _store(db, plan_id: str, tree: _Tree, action: str, subject: str, detail: dict | None = None) -> None:
    tree.relabel_paths()
    task_store.store_plan_tasks(db, plan_id, tree.nodes)
    audit(db, f"plan.review.{action}", subject, json.dumps({"plan": plan_id, **(detail or {})}, ensure_ascii=False))


def has_reports(db, plan_id: str, task_id: str) -> bool:
    """Whether any school's merged report holds an entry for this task."""
    return db.execute("SELECT 1 FROM entries WHERE plan_id = ? AND task_id = ? LIMIT 1",
                      [plan_id, task_id]).fetchone() is not None


def _refuse_if_reported(db, plan_id: str, node: dict, zh_action: str, en_action: str) -> None:
    if not node["is_heading"] and has_reports(db, plan_id, node["task_id"]):
        raise TaizhangError(f"任务 {node['task_id']} 已有学校报送的数据，不能{zh_action}",
                            f"task {node['task_id']} already has school reports; it cannot be {en_action}")


def _sibling_label(tree: _Tree, parent_id: str | None, base: str) -> str:
    taken = {ids.label_number(n["path"][-1]) for n in tree.children(parent_id) if n["path"]}
    k = 2
    while ids.label_number(f"{base}-{k}") in taken:
        k += 1
    return f"{base}-{k}"


# ------------------------------------------------------------------------------ field edits

_FIELDS = ("title", "text", "units", "deadline", "applies_to", "label", "evidence")
MAX_DEFINITION = 500  # characters of a 口径说明


def _set_label(node: dict, value) -> None:
    label = str(value or "").strip()
    if not label or len(label) > MAX_LABEL:
        raise TaizhangError("编号不能为空，且不超过 20 个字", "the numbering label must be 1 to 20 characters")
    node["path"] = [*node["path"][:-1], label]


def _set_evidence_rule(node: dict, rule) -> None:
    """必需 / 可选 / 不需 on a task node; 可选 (the default) is not written, so plans without rules keep their digest."""
    rule = rule or EvidenceRule.OPTIONAL
    if rule not in EVIDENCE_RULES:
        raise TaizhangError(f"佐证要求只能是：{'、'.join(EVIDENCE_RULES)}",
                            f"the evidence rule must be one of {', '.join(EVIDENCE_RULES)}")
    if node["is_heading"]:
        raise TaizhangError("标题行没有佐证要求，请选择具体任务", "a heading has no evidence rule; choose a task")
    node.pop("evidence", None)
    if rule != EvidenceRule.OPTIONAL:
        node["evidence"] = str(rule)


def update_task(db, plan_id: str, task_id: str, **fields) -> dict:
    """Change a node's title, text, units, deadline, applies_to, numbering label or evidence rule; returns the
    node."""
    unknown = set(fields) - set(_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    with transaction(db):
        tree = _load(db, plan_id)
        node = tree.node(task_id)
        year = db.execute("SELECT year FROM plans WHERE plan_id = ?", [plan_id]).fetchone()[0]
        if "title" in fields:
            title = str(fields["title"] or "").strip()
            if not title:
                raise TaizhangError("任务名称不能为空", "the task title cannot be empty")
            if len(title) > MAX_TITLE:
                raise TaizhangError(f"任务名称太长（最多 {MAX_TITLE} 字）", f"the title is too long (at most {MAX_TITLE})")
            node["title"] = title
        if "text" in fields:
            text = str(fields["text"] or "").strip()
            if len(text) > MAX_TEXT:
                raise TaizhangError(f"任务内容太长（最多 {MAX_TEXT} 字）", f"the text is too long (at most {MAX_TEXT})")
            node["text"] = text
        if "units" in fields:
            node["units"] = split_units(fields["units"])
        if "deadline" in fields:
            node["deadline"] = normalise_deadline(fields["deadline"], year)
        if "applies_to" in fields:
            node["applies_to"] = split_units(fields["applies_to"])
        if "evidence" in fields:
            _set_evidence_rule(node, fields["evidence"])
        if "label" in fields:
            _set_label(node, fields["label"])
        _store(db, plan_id, tree, "edit", task_id, {"fields": sorted(fields)})
        return tree.node(task_id)


def add_target(db, plan_id: str, task_id: str, text: str = "", value=None, unit: str = "") -> int:
    """Add a quantitative target to a task; returns its seq (never a reused number)."""
    value = normalise_value(value)
    text = str(text or "").strip()
    if not text:
        raise TaizhangError("请填写指标内容", "the target text is empty")
    with transaction(db):
        node = _load(db, plan_id).node(task_id)
        if node["is_heading"]:
            raise TaizhangError("标题行不能添加量化指标，请选择具体任务", "a heading cannot have targets; choose a task")
        seq = task_store.add_target(db, plan_id, task_id, text, value, str(unit or "").strip())
        audit(db, "plan.review.target_add", task_id, json.dumps({"plan": plan_id, "seq": seq}))
        return seq


def update_target(db, plan_id: str, task_id: str, seq: int, **fields) -> None:
    """Change a target's text, value (None/'' = still to be filled in), unit or 口径说明 (``definition``: how to
    count it, shown to the schools)."""
    unknown = set(fields) - {"text", "value", "unit", "definition"}
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    with transaction(db):
        row = task_store.target(db, plan_id, task_id, seq)
        if row is None:
            raise TaizhangError("找不到该量化指标", "target not found")
        text, value, unit = row
        if "text" in fields:
            text = str(fields["text"] or "").strip()
            if not text:
                raise TaizhangError("指标内容不能为空", "the target text cannot be empty")
        if "value" in fields:
            value = normalise_value(fields["value"])
        if "unit" in fields:
            unit = str(fields["unit"] or "").strip()
        definition = None
        if "definition" in fields:
            definition = str(fields["definition"] or "").strip()
            if len(definition) > MAX_DEFINITION:
                raise TaizhangError(f"口径说明太长（最多 {MAX_DEFINITION} 字）",
                                    f"the definition is too long (at most {MAX_DEFINITION} characters)")
        task_store.set_target(db, plan_id, task_id, seq, text, value, unit, definition)
        audit(db, "plan.review.target_edit", task_id, json.dumps({"plan": plan_id, "seq": seq}))


def remove_target(db, plan_id: str, task_id: str, seq: int) -> None:
    with transaction(db):
        if db.execute("SELECT 1 FROM indicator_values WHERE plan_id = ? AND task_id = ? AND target_seq = ? LIMIT 1",
                      [plan_id, task_id, seq]).fetchone():
            raise TaizhangError("已有学校填报了该指标，不能删除", "schools have reported on this target; it cannot be removed")
        if not task_store.delete_target(db, plan_id, task_id, seq):
            raise TaizhangError("找不到该量化指标", "target not found")
        audit(db, "plan.review.target_remove", task_id, json.dumps({"plan": plan_id, "seq": seq}))


# ------------------------------------------------------------------------- structural edits


def split_task(db, plan_id: str, task_id: str, at: int) -> str:
    """Split a task's text at character ``at``: the first part keeps the id, the rest becomes a new
    task right after it (same units, deadline and schools; targets go with the part that holds
    their text). Returns the new task's id."""
    with transaction(db):
        tree = _load(db, plan_id)
        i = tree.index(task_id)
        node = tree.nodes[i]
        if node["is_heading"]:
            raise TaizhangError("只能拆分具体任务，不能拆分标题", "only a task can be split, not a heading")
        text = node["text"]
        first, second = text[:at].strip(), text[at:].strip()
        if not (0 < at < len(text)) or not first or not second:
            raise TaizhangError("请把光标放在要拆开的位置（两部分都要有文字）",
                                "put the cursor where the text should be split (both parts need text)")
        label = node["path"][-1] if node["path"] else "*"
        new_label = _sibling_label(tree, node["parent_id"], label)
        taken = {n["task_id"] for n in tree.nodes}
        new_id = ids.task_id_for([*node["path"][:-1], new_label], taken)
        moved = [t for t in node["targets"] if t["text"] and t["text"] in second and t["text"] not in first]
        kept = [t for t in node["targets"] if t not in moved]
        new = {"task_id": new_id, "parent_id": node["parent_id"], "path": [*node["path"][:-1], new_label],
               "is_heading": False, "title": first_sentence(second), "text": second, "units": list(node["units"]),
               "deadline": node["deadline"], "applies_to": list(node["applies_to"]),
               "targets": [dict(t, seq=k) for k, t in enumerate(moved, start=1)]}
        if node["title"] not in first:
            node["title"] = first_sentence(first)
        node["text"], node["targets"] = first, kept
        tree.nodes.insert(tree.subtree_end(i), new)
        _store(db, plan_id, tree, "split", task_id, {"new": new_id, "at": at})
        return new_id


def next_sibling_task(db, plan_id: str, task_id: str) -> str | None:
    """The task a "merge with the next" would absorb (the following sibling, when it is a task)."""
    tree = _load(db, plan_id)
    i = tree.index(task_id)
    j = tree.subtree_end(i)
    if j < len(tree.nodes) and tree.nodes[j]["parent_id"] == tree.nodes[i]["parent_id"] \
            and not tree.nodes[j]["is_heading"] and not tree.nodes[i]["is_heading"]:
        return tree.nodes[j]["task_id"]
    return None


def merge_with_next(db, plan_id: str, task_id: str) -> str:
    """Merge the next sibling task into this one (text, units, schools and targets joined; the
    later deadline kept). The absorbed task's id disappears; returns it."""
    with transaction(db):
        tree = _load(db, plan_id)
        other_id = next_sibling_task(db, plan_id, task_id)
        if other_id is None:
            raise TaizhangError("下一项不是同级的具体任务，无法合并", "the next item is not a task at the same level")
        a, b = tree.node(task_id), tree.node(other_id)
        _refuse_if_reported(db, plan_id, b, "合并到其他任务", "merged away")
        joint = a["text"].rstrip()
        if joint and joint[-1] not in "。；;.!！?？":
            joint += "。"
        a["text"] = joint + b["text"].strip()
        a["units"] = a["units"] + [u for u in b["units"] if u not in a["units"]]
        a["applies_to"] = a["applies_to"] + [x for x in b["applies_to"] if x not in a["applies_to"]]
        deadlines = [d for d in (a["deadline"], b["deadline"]) if d]
        a["deadline"] = max(deadlines) if deadlines else None
        start = max([t["seq"] for t in a["targets"]] + [0])
        a["targets"] = a["targets"] + [dict(t, seq=start + k) for k, t in enumerate(b["targets"], start=1)]
        tree.nodes.remove(b)
        _store(db, plan_id, tree, "merge", task_id, {"absorbed": other_id})
        return other_id


def indent(db, plan_id: str, task_id: str) -> None:
    """Move a node one level down: it becomes the last child of the node before it at its level
    (that node becomes a heading when it was a task)."""
    with transaction(db):
        tree = _load(db, plan_id)
        i = tree.index(task_id)
        prev = tree.previous_sibling(i)
        if prev is None:
            raise TaizhangError("前面没有同级的条目，不能降级", "there is no item before it at the same level")
        if not prev["is_heading"]:
            _refuse_if_reported(db, plan_id, prev, "变为标题", "turned into a heading")
            if prev["targets"]:
                raise TaizhangError(f"“{prev['title']}”有量化指标，不能变为标题",
                                    f"'{prev['title']}' has targets; it cannot become a heading")
            prev["is_heading"] = True
        tree.nodes[i]["parent_id"] = prev["task_id"]
        _store(db, plan_id, tree, "indent", task_id)


def outdent(db, plan_id: str, task_id: str) -> None:
    """Move a node one level up: it follows its former parent, at the parent's level."""
    with transaction(db):
        tree = _load(db, plan_id)
        i = tree.index(task_id)
        node = tree.nodes[i]
        if node["parent_id"] is None:
            raise TaizhangError("已经是最高一级", "already at the top level")
        parent_i = tree.index(node["parent_id"])
        block = tree.nodes[i: tree.subtree_end(i)]
        del tree.nodes[i: i + len(block)]
        end = tree.subtree_end(parent_i)
        node["parent_id"] = tree.nodes[parent_i]["parent_id"]
        tree.nodes[end:end] = block
        _store(db, plan_id, tree, "outdent", task_id)


def set_heading(db, plan_id: str, task_id: str, heading: bool) -> None:
    """Turn a task into a heading (nothing reported on it yet, no targets) or a childless heading into a task."""
    with transaction(db):
        tree = _load(db, plan_id)
        node = tree.node(task_id)
        if bool(node["is_heading"]) == heading:
            return
        if heading:
            _refuse_if_reported(db, plan_id, node, "变为标题", "turned into a heading")
            if node["targets"]:
                raise TaizhangError("该任务有量化指标，请先删除指标再设为标题", "remove the task's targets first")
        elif tree.children(task_id):
            raise TaizhangError("该标题下还有任务，不能设为任务", "the heading still has tasks under it")
        node["is_heading"] = heading
        _store(db, plan_id, tree, "kind", task_id, {"heading": heading})


def delete_node(db, plan_id: str, task_id: str) -> None:
    """Remove a task the parser should not have made (or an empty heading)."""
    with transaction(db):
        tree = _load(db, plan_id)
        node = tree.node(task_id)
        if tree.children(task_id):
            raise TaizhangError("该标题下还有任务，请先移走或删除这些任务", "the heading still has tasks under it")
        _refuse_if_reported(db, plan_id, node, "删除", "removed")
        tree.nodes.remove(node)
        _store(db, plan_id, tree, "delete", task_id)


def add_task_after(db, plan_id: str, task_id: str | None, title: str = "新任务") -> str:
    """A new empty task right after ``task_id`` (its subtree) at the same level; at the end when None."""
    with transaction(db):
        tree = _load(db, plan_id)
        if task_id is None:
            parent, pos, base = None, len(tree.nodes), str(len(tree.children(None)) + 1)
        else:
            i = tree.index(task_id)
            parent, pos = tree.nodes[i]["parent_id"], tree.subtree_end(i)
            base = tree.nodes[i]["path"][-1] if tree.nodes[i]["path"] else "*"
        label = _sibling_label(tree, parent, base) if task_id is not None else base
        parent_path = tree.node(parent)["path"] if parent is not None else []
        new_id = ids.task_id_for([*parent_path, label], {n["task_id"] for n in tree.nodes})
        tree.nodes.insert(pos, {"task_id": new_id, "parent_id": parent, "path": [*parent_path, label],
                                "is_heading": False, "title": title, "text": "", "units": [], "deadline": None,
                                "applies_to": [], "targets": []})
        _store(db, plan_id, tree, "add", new_id)
        return new_id
