"""Tests mirror the core (ARCHITECTURE Habit 7, in the style of qutebrowser's check_coverage.py).

Every ``desktop/core/<path>/<module>.py`` has ``tests/core/<path>/test_<module>.py``, or an entry in
UNTESTED_ALONE below saying where it is tested instead. A newcomer looking for a module's tests finds them
in one place, and a new module without tests is noticed the day it is added.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "desktop" / "core"
TESTS = ROOT / "tests" / "core"

# Today's gaps: modules exercised only through other modules' tests (or not at all). Burn this down:
# add the mirror test and delete the line; the test below fails on a line whose test now exists.
UNTESTED_ALONE = {
    "safetext.py": "tests/security/test_hostile_inputs.py and test_strict_package.py (strict JSON, escaping)",
    "package/visible.py": "tests/security/test_strict_package.py (what the sheets show is what is signed)",
    "db/audit.py": "through tests/core/intake/test_merge.py (every merge verdict writes an audit line)",
    "db/settings.py": "through tests/core/db/test_upgrade.py and the school window tests",
    "intake/store.py": "through tests/core/intake/test_merge.py and test_provenance.py",
    "records/history.py": "through tests/core/intake/test_provenance.py and test_merge.py (stale revisions)",
    "planreader/vocabulary/closing.py": "tests/core/planreader/test_plan_vocabulary.py tests every table",
    "planreader/vocabulary/dates.py": "tests/core/planreader/test_plan_vocabulary.py tests every table",
    "planreader/vocabulary/field_keys.py": "tests/core/planreader/test_plan_vocabulary.py tests every table",
    "planreader/vocabulary/headings.py": "tests/core/planreader/test_plan_vocabulary.py tests every table",
    "planreader/vocabulary/measures.py": "tests/core/planreader/test_plan_vocabulary.py tests every table",
    "planreader/vocabulary/offices.py": "tests/core/planreader/test_plan_vocabulary.py tests every table",
    "db/atomic.py": "only through its callers (exports, summaries; the kill -9 export test)",
    "errors.py": "through tests/core/signing/test_crypto.py, tests/core/records/test_entries.py, the CLI tests",
    "reporting/checks.py": "through tests/core/services/test_reporting.py",
    "services/files.py": "through tests/core/services/test_reporting.py and tests/gui/school",
    "services/review.py": "through tests/cli/test_review_cli.py, tests/core/db/test_upgrade.py and tests/gui",
    "rollup/store.py": "through tests/core/rollup/test_merge.py (every verdict, the order-independence property)",
    "services/rollup.py": "through tests/cli/test_city_cli.py and tests/core/rollup",
    "services/intake.py": "through tests/security/test_faults.py and the CLI and bureau GUI tests",
    "services/roster.py": "through tests/gui/bureau/test_roster_home.py and test_models.py",
    "services/standing.py": "through tests/core/standing/test_workbook.py and tests/gui/bureau/test_models.py",
    "services/tasklist.py": "through tests/gui/bureau/test_flow.py and tests/gui/conftest.py",
    "services/workspaces.py": "only through its callers (services.reporting, the GUI)",
    "signing/identity.py": "through tests/gui/bureau/test_setup.py and tests/gui/conftest.py",
    "tasklist/store.py": "through tests/gui/bureau/test_review_page.py, test_models.py and tests/gui/conftest.py",
}


def _modules() -> list[str]:
    return sorted(p.relative_to(CORE).as_posix() for p in CORE.rglob("*.py") if p.name != "__init__.py")


def _mirror(module: str) -> Path:
    path = Path(module)
    return TESTS / path.parent / f"test_{path.stem}.py"


def test_every_core_module_has_its_mirror_test():
    missing = [m for m in _modules() if m not in UNTESTED_ALONE and not _mirror(m).is_file()]
    assert not missing, "no mirror test (add it, or a line to UNTESTED_ALONE saying where it is tested):\n" + "\n".join(
        f"  desktop/core/{m} -> {_mirror(m).relative_to(ROOT)}" for m in missing)


def test_the_allowlist_only_names_real_gaps():
    modules = set(_modules())
    stale = [m for m in UNTESTED_ALONE if m not in modules or _mirror(m).is_file()]
    assert not stale, f"delete these lines from UNTESTED_ALONE (module gone, or its mirror test exists): {stale}"
