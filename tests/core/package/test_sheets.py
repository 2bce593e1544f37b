"""Workbooks we write open and close in Excel/WPS/LibreOffice without a "save changes?" prompt (issue 13).

Excel asks to save on close when it recalculated on open: ``fullCalcOnLoad``, an older ``calcId`` than
its own engine, volatile formulas (NOW/TODAY/RAND/OFFSET/INDIRECT…), or a calc chain to rebuild. This
reads ``xl/workbook.xml`` and every sheet of each kind we write: plan, report and summary.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.package import sheets

_VOLATILE = re.compile(r"\b(NOW|TODAY|RAND|RANDBETWEEN|OFFSET|INDIRECT|CELL|INFO)\s*\(", re.I)


def _assert_quiet(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        workbook = zf.read("xl/workbook.xml").decode("utf-8")
        assert "fullCalcOnLoad=\"1\"" not in workbook and "forceFullCalc=\"1\"" not in workbook, path.name
        calc = re.search(r"<calcPr[^>]*calcId=\"(\d+)\"", workbook)
        assert calc is not None and int(calc.group(1)) >= sheets.CALC_ENGINE_ID, path.name
        assert "xl/calcChain.xml" not in names, path.name
        for name in names:
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = zf.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, f"{path.name}: a formula in {name}"
                assert not _VOLATILE.search(xml), f"{path.name}: a volatile function in {name}"


def test_plan_and_report_workbooks_do_not_invite_a_save(world):
    _assert_quiet(world / "plan.xlsx")
    reports = sorted((world / "reports").glob("*.xlsx"))
    assert reports
    for report in reports:
        _assert_quiet(report)


def test_summary_workbook_does_not_invite_a_save(world):
    from desktop.core.intake import merge

    db = open_db(world / "county.db")
    try:
        merge.merge_paths(db, sorted((world / "reports").glob("*.xlsx")), workers=0)
        out = world / "summary.xlsx"
        services.standing.write_summary(db, out)
    finally:
        db.close()
    _assert_quiet(out)


@pytest.mark.parametrize("text", ["=NOW()", "+TODAY()", "@RAND()"])
def test_text_that_looks_like_a_volatile_formula_is_written_as_text(tmp_path, text):
    wb = sheets.new_workbook()
    sheets.put(wb.active, 1, 1, text)
    wb.save(tmp_path / "x.xlsx")
    with zipfile.ZipFile(tmp_path / "x.xlsx") as zf:
        assert "<f>" not in zf.read("xl/worksheets/sheet1.xml").decode("utf-8")
