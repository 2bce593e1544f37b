"""Each database table has exactly one module that writes it (ARCHITECTURE "Goals" and "Boundaries").

Every INSERT / UPDATE / DELETE in ``desktop/`` (string constants and f-strings, found with the AST) is
checked against the table → owner map below. Reading is free; writing a table from anywhere but its
owner means a second place that must keep the table's rules. Migrations (``migrations/*.sql``) are exempt:
they are the schema's own history; so are their Python steps (``desktop/core/db/upgrades.py``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "desktop"

OWNERS = {
    "identity": "desktop/core/signing/identity.py",
    "trusted_keys": "desktop/core/signing/trust.py",
    "enrolment_codes": "desktop/core/signing/enrolment.py",
    "plans": "desktop/core/tasklist/store.py",
    "plan_versions": "desktop/core/tasklist/store.py",
    "tasks": "desktop/core/tasklist/store.py",
    "targets": "desktop/core/tasklist/store.py",
    "schools": "desktop/core/roster/store.py",
    "periods": "desktop/core/roster/store.py",
    "entries": "desktop/core/records/entries.py",
    "indicator_values": "desktop/core/records/entries.py",
    "entry_history": "desktop/core/records/history.py",
    "evidence": "desktop/core/records/evidence.py",
    "entry_evidence": "desktop/core/records/evidence.py",
    "submissions": "desktop/core/intake/store.py",
    "archive": "desktop/core/intake/store.py",
    "exports": "desktop/core/reporting/exports.py",
    "export_files": "desktop/core/reporting/exports.py",
    "settings": "desktop/core/db/settings.py",
    "audit_log": "desktop/core/db/audit.py",
    "reviews": "desktop/core/review/store.py",
    "review_overall": "desktop/core/review/store.py",
    "review_history": "desktop/core/review/store.py",
    "feedback_received": "desktop/core/review/received.py",
    "plan_changes": "desktop/core/tasklist/changes.py",
    "county_exports": "desktop/core/rollup/exports.py",
    "county_submissions": "desktop/core/rollup/store.py",
    "county_rollups": "desktop/core/rollup/store.py",
}

# "DO UPDATE SET" (an upsert's second half) is not an UPDATE of a table called SET
WRITE = re.compile(r"(INSERT( OR \w+)? INTO|(?<!DO )UPDATE|DELETE FROM)\s+(\w+)")

def _strings(tree: ast.AST):
    """(line, text) of every string constant and f-string; an f-string's fields read as ``{}``."""
    in_fstring = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    parts.append(value.value)
                    in_fstring.add(id(value))
                else:
                    parts.append("{}")
            yield node.lineno, "".join(parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_fstring:
            yield node.lineno, node.value


def writes_in(source: str):
    """(line, table) of every INSERT / UPDATE / DELETE written in ``source``."""
    for line, text in _strings(ast.parse(source)):
        for match in WRITE.finditer(text):
            yield line, match.group(3)


def writes() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(DESKTOP.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        found.extend((rel, line, table) for line, table in writes_in(path.read_text(encoding="utf-8")))
    return found


MIGRATION_STEPS = "desktop/core/db/upgrades.py"


def violations() -> list[tuple[str, int, str]]:
    return [(rel, line, table) for rel, line, table in writes() if OWNERS.get(table) != rel and rel != MIGRATION_STEPS]


def _report(found) -> str:
    lines = [f"  {rel}:{line} writes {table} (owner: {OWNERS.get(table, 'none: add the table to OWNERS')})"
             for rel, line, table in found]
    return "writes outside the table's owner:\n" + "\n".join(lines)


def test_the_checker_finds_every_kind_of_write():
    source = '''
db.execute("INSERT INTO plans (a) VALUES (?)")
db.execute("INSERT OR REPLACE INTO settings (k, v) VALUES (?, ?)")
db.execute(f"UPDATE entries SET {column} = ?")
db.execute(f"DELETE FROM tasks WHERE plan_id = {plan!r}")
db.execute("INSERT INTO exports (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = excluded.a")
db.execute("SELECT * FROM schools")  # reading is free
'''
    assert sorted(table for _, table in writes_in(source)) == ["entries", "exports", "plans", "settings", "tasks"]


def test_every_written_table_has_an_owner():
    unknown = sorted({table for _, _, table in writes() if table not in OWNERS})
    assert unknown == [], f"tables written but missing from OWNERS: {unknown}"


def test_each_table_is_written_only_by_its_owner():
    found = violations()
    assert not found, _report(found)
