"""The domain vocabulary lives in words.py: stored words are enum members whose values are today's
stored words, and code elsewhere names the member instead of repeating the literal."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from desktop.core import words
from desktop.core.words import Outcome, Reason, Status

DESKTOP = Path(words.__file__).resolve().parents[1]

# the words the database and the manifests store (the wire format and the schema must not change)
STORED = {
    Status: ("未开始", "进行中", "已完成", "不适用"),
    Outcome: ("accepted", "duplicate", "stale", "rejected"),
    words.KeyStatus: ("pinned", "pending", "retired", "refused"),
    words.PackageKind: ("plan", "report", "feedback", "county"),
    words.Confirmation: ("unconfirmed", "enrolment", "paper", "approved", "compared"),
    words.ReviewState: ("未审核", "通过", "退回修改"),
    words.ReviewWhy: ("decision", "changed"),
    words.EvidenceRule: ("必需", "可选", "不需"),
    words.PlanChange: ("added", "removed", "changed"),
}

# Status words are also the Chinese UI text, so a translation call (tr/translate/QT_TRANSLATE_NOOP) may
# carry them as its source string: lupdate needs the literal there.
TRANSLATION_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
LITERALS = {str(w) for enum in (Status, Outcome, Reason, words.ReviewState, words.EvidenceRule) for w in enum} - {"stale", "invalid", "conflict"}


def test_stored_words_are_unchanged():
    for enum, stored in STORED.items():
        assert tuple(w.value for w in enum) == stored
        assert all(w == value and str(w) == value for w, value in zip(enum, stored, strict=True))


def test_members_behave_as_the_stored_word():
    assert {"已完成": 1}[Status.DONE] == 1 and {Status.DONE: 1}["已完成"] == 1
    assert json.dumps([Status.NOT_APPLICABLE], ensure_ascii=False) == '["不适用"]'
    assert f"{Outcome.ACCEPTED}" == "accepted"
    assert Status("进行中") is Status.IN_PROGRESS


def test_every_covered_type_is_a_school_type():
    for covering, covered in words.COVERS.items():
        assert covered <= set(words.SCHOOL_TYPES), covering


def _literals(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    translated = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in TRANSLATION_CALLS:
                translated.update(id(a) for a in ast.walk(node))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in LITERALS
                and id(node) not in translated):
            yield node.lineno, node.value


def test_stored_words_are_named_not_spelled_outside_words_py():
    offenders = []
    for path in sorted(DESKTOP.rglob("*.py")):
        rel = path.relative_to(DESKTOP).as_posix()
        if rel == "core/words.py":
            continue
        offenders += [f"desktop/{rel}:{line} {value!r}" for line, value in _literals(path)]
    assert not offenders, "use the member of desktop.core.words instead:\n" + "\n".join(offenders)
