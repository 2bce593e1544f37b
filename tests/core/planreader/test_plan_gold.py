"""The acceptance bar of issue 4: every real plan in ../shared/plans scored against its gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.planreader import parse_plan_file

SHARED = Path(__file__).resolve().parents[3].parent / "shared"

_GOLDS = sorted((SHARED / "plans").glob("*.gold.json")) if (SHARED / "plans").is_dir() else []
_PARAMS = [pytest.param(g.name.removesuffix(".gold.json"), id=g.name[:3]) for g in _GOLDS] or [
    pytest.param(None, marks=pytest.mark.skip(reason="../shared/plans is absent (a bare clone)"))
]


@pytest.mark.parametrize("stem", _PARAMS)
def test_plan_scores_against_gold(stem, shared_plans, score_plan):
    gold = json.loads((shared_plans / f"{stem}.gold.json").read_text(encoding="utf-8"))
    parsed = parse_plan_file(shared_plans / f"{stem}.txt")
    parsed = json.loads(json.dumps(parsed, ensure_ascii=False))  # what `plan parse --json` prints
    s = score_plan.score(gold, parsed)
    assert s["f1"] >= 0.95, s
    if any(t["targets"] for t in gold["tasks"]):
        assert s["target_recall"] >= 0.9, s
    if stem.startswith("003"):
        assert s["units_exact"] == 1.0, s
        assert s["deadline_exact"] == 1.0, s
    assert parsed["plan_section"] == gold.get("plan_section")


def test_every_shared_plan_has_a_gold_file(shared_plans):
    texts = sorted(p.name.removesuffix(".txt") for p in shared_plans.glob("*.txt"))
    golds = sorted(p.name.removesuffix(".gold.json") for p in shared_plans.glob("*.gold.json"))
    assert texts == golds and len(texts) >= 5
