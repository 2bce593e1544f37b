"""The city summary workbook: county level, school level, per county 未报送 schools."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.rollup import merge, workbook


def test_the_summary_has_both_levels(rollup_world, city, tmp_path):
    merge.merge_paths(city, [rollup_world / "甲县-1.xlsx", rollup_world / "乙县-1.xlsx"])
    out = services.rollup.write_city_summary(city, tmp_path / "city.xlsx")
    wb = openpyxl.load_workbook(out)
    assert tuple(wb.sheetnames) == workbook.SHEETS
    assert wb["总体情况"]["B4"].value == 2 and wb["总体情况"]["B5"].value == 5
    counties = [r[0] for r in wb["按县区"].iter_rows(min_row=2, values_only=True)]
    assert sorted(counties) == ["乙县", "甲县"]
    schools = list(wb["按学校"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[5]) for r in schools if r[5] == "未报送"] == [("甲县", "B00002", "未报送")]
    assert wb["按学校"].cell(2, 14).number_format.endswith("%") or wb["按学校"].cell(2, 14).value == "—"
    assert [r[:2] for r in wb["未报送学校"].iter_rows(min_row=2, values_only=True)] == [("甲县", "B00002")]


def test_no_packages_yet_is_a_clear_error(city, tmp_path):
    with pytest.raises(TaizhangError, match="还没有导入任何县区汇总包"):
        services.rollup.write_city_summary(city, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
