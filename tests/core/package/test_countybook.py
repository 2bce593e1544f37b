"""The county package's visible sheets and the checked shape of its manifest."""

from __future__ import annotations

import copy
import io

import openpyxl
import pytest

from desktop.core.package import countybook, visible
from desktop.core.package.container import PackageInvalid, verify_package


@pytest.fixture
def package(rollup_world):
    return verify_package(rollup_world / "甲县-1.xlsx", expect_kind="county")


def test_the_package_verifies_and_its_sheets_are_what_the_manifest_says(package):
    countybook.check_content(package.manifest)
    visible.check(package)
    buf = io.BytesIO(package.path.read_bytes())
    wb = openpyxl.load_workbook(buf)
    assert wb.sheetnames == [countybook.SHEET_COVER, countybook.SHEET_SCHOOLS, countybook.SHEET_NOTES]
    rows = list(wb[countybook.SHEET_SCHOOLS].iter_rows(min_row=2, values_only=True))
    assert [r[4] for r in rows] == ["已报送", "已报送", "未报送"]


@pytest.mark.parametrize("breakage", [
    lambda m: m.update(revision=0),
    lambda m: m["reports"][0].update(school="NOT-ON-ROSTER"),
    lambda m: m["reports"].append(copy.deepcopy(m["reports"][0])),
    lambda m: m["reports"][0]["entries"][0].update(status="差不多"),
    lambda m: m["reports"][0]["entries"][0].update(task_id="nope"),
    lambda m: m["schools"].append(copy.deepcopy(m["schools"][0])),
    lambda m: m["figures"].update(rate="100%"),
    lambda m: m.pop("tasks"),
    lambda m: m["evidence_refs"].append({"sha256": "0" * 64, "name": "x", "size": 1, "mime": "x", "school": "ZZ",
                                          "task_id": "t"}),
])
def test_malformed_content_is_refused(package, breakage):
    m = copy.deepcopy(package.manifest)
    breakage(m)
    with pytest.raises(PackageInvalid):
        countybook.check_content(m)
