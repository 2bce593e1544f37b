"""County-scale data for the benchmarks (the generators live in tests/conftest.py)."""

import pytest


@pytest.fixture(scope="session")
def fleet_1000(tmp_path_factory, fleet_factory):
    make_county, write_reports = fleet_factory
    base = tmp_path_factory.mktemp("fleet")
    db_path, plan = make_county(base / "county", 1000)
    reports = write_reports(base / "reports", plan, 1000)
    return base, db_path, reports


@pytest.fixture(scope="session")
def fleet_design(tmp_path_factory, fleet_factory):
    """1,000 reports as DESIGN §9 describes demo-like ones: 60 tasks and 11 small evidence files each."""
    make_county, write_reports = fleet_factory
    base = tmp_path_factory.mktemp("fleet-design")
    db_path, plan = make_county(base / "county", 1000, n_tasks=60)
    reports = write_reports(base / "reports", plan, 1000, evidence=11)
    return base, db_path, reports
