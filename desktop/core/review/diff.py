"""What changed in one task between the revision a reviewer saw and a newer one (DESIGN §12).

Text fields (完成情况说明, 存在问题, 下步打算, 不适用原因) get a line diff (difflib, lines prefixed ``-``/``+``);
status and progress are shown old → new; achieved values by target; evidence files as added / removed.
"""

from __future__ import annotations

import difflib

TEXT_FIELDS = ("narrative", "problems", "next_steps", "na_reason")
LABELS = {"status": "状态", "progress": "进度", "narrative": "完成情况说明", "problems": "存在问题",
          "next_steps": "下步打算", "na_reason": "不适用原因", "indicators": "量化指标", "evidence": "佐证材料"}


def text_diff(old: str, new: str) -> list[str]:
    """``-`` removed lines, ``+`` added lines, ``' '`` unchanged context (no file headers)."""
    lines = difflib.unified_diff((old or "").splitlines(), (new or "").splitlines(), lineterm="", n=1)
    return [line for line in lines if not line.startswith(("---", "+++", "@@"))]


def entry_changes(old: dict | None, new: dict | None) -> list[dict]:
    """Each change: {field, label, old, new} plus ``lines`` for text, ``added``/``removed`` for evidence."""
    old, new = old or {}, new or {}
    out: list[dict] = [{"field": f, "label": LABELS[f], "old": old.get(f), "new": new.get(f)}
                       for f in ("status", "progress") if old.get(f) != new.get(f)]
    for field in TEXT_FIELDS:
        a, b = old.get(field) or "", new.get(field) or ""
        if a != b:
            out.append({"field": field, "label": LABELS[field], "old": a, "new": b, "lines": text_diff(a, b)})
    a = {iv["seq"]: iv["value"] for iv in old.get("indicators", [])}
    b = {iv["seq"]: iv["value"] for iv in new.get("indicators", [])}
    out.extend({"field": "indicators", "label": LABELS["indicators"], "seq": seq, "old": a.get(seq),
                "new": b.get(seq)} for seq in sorted(set(a) | set(b)) if a.get(seq) != b.get(seq))
    a_ev = {ev["sha256"]: ev["name"] for ev in old.get("evidence", [])}
    b_ev = {ev["sha256"]: ev["name"] for ev in new.get("evidence", [])}
    added = sorted(b_ev[s] for s in set(b_ev) - set(a_ev))
    removed = sorted(a_ev[s] for s in set(a_ev) - set(b_ev))
    if added or removed:
        out.append({"field": "evidence", "label": LABELS["evidence"], "added": added, "removed": removed,
                    "old": len(a_ev), "new": len(b_ev)})
    return out


def describe(change: dict) -> list[str]:
    """The change as lines a person reads (CLI, the bureau's diff view)."""
    label = change["label"]
    if change["field"] == "evidence":
        lines = [f"{label}：" + "，".join(
            [*(f"新增 {n}" for n in change["added"]), *(f"删除 {n}" for n in change["removed"])])]
    elif change["field"] == "indicators":
        lines = [f"{label} 第{change['seq']}项：{change['old'] or '（空）'} → {change['new'] or '（空）'}"]
    elif "lines" in change:
        lines = [f"{label}：", *(f"    {line}" for line in change["lines"])]
    else:
        lines = [f"{label}：{change['old']} → {change['new']}"]
    return lines
