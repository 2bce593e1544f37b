"""A county database with every demo school merged but the last one (which has not reported)."""

from __future__ import annotations

import pytest

from desktop.core.intake import merge

AS_OF = "2026-09-15T09:00:00+08:00"


@pytest.fixture
def merged_but_one(world, county_db):
    reports = sorted((world / "reports").glob("*.xlsx"))
    merge.merge_paths(county_db, reports[:-1], workers=0)
    return county_db, reports[-1].stem
