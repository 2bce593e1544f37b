"""Shared fixtures for the plan-ingestion tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

# The real plans and the scorer live next to the repository (../shared); a bare clone has neither.
SHARED = Path(__file__).resolve().parents[3].parent / "shared"


@pytest.fixture(scope="session")
def shared_plans() -> Path:
    plans = SHARED / "plans"
    if not plans.is_dir() or not any(plans.glob("*.gold.json")):
        pytest.skip(f"{plans} is absent (a bare clone): the real plans are not part of the repository")
    return plans


@pytest.fixture(scope="session")
def score_plan():
    """The scorer module from ../shared/tools/score_plan.py, imported by path."""
    path = SHARED / "tools" / "score_plan.py"
    if not path.is_file():
        pytest.skip(f"{path} is absent (a bare clone)")
    spec = importlib.util.spec_from_file_location("score_plan", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
