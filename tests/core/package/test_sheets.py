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


def test_restyle_gives_what_setting_the_styles_gives():
    """The cached restyle and openpyxl's descriptors leave every cell with the same style array, in a
    workbook where the objects are new, repeated, equal but distinct, or set on cells styled before."""
    from openpyxl.styles import Alignment, Font, PatternFill

    red, blue = PatternFill("solid", fgColor="FF0000"), PatternFill("solid", fgColor="0000FF")
    bold, centre = Font(bold=True), Alignment(horizontal="center")
    steps = [dict(fill=red), dict(font=bold), dict(fill=blue, align=centre), dict(fill=red),
             dict(fill=PatternFill("solid", fgColor="FF0000")), dict(align=centre, font=bold), dict(fill=blue)]
    wb_a, wb_b = sheets.new_workbook(), sheets.new_workbook()
    for wb, through_restyle in ((wb_a, False), (wb_b, True)):
        ws = wb.active
        for r in range(1, 30):
            for c, step in enumerate(steps[r % 3:] + steps[:r % 3], start=1):
                cell = sheets.put(ws, r, c, f"{r}-{c}") if c % 2 else ws.cell(r, c)
                if through_restyle:
                    sheets.restyle(cell, **step)
                else:
                    for attr, value in (("font", step.get("font")), ("fill", step.get("fill")),
                                        ("alignment", step.get("align"))):
                        if value is not None:
                            setattr(cell, attr, value)
    a = [[tuple(c._style or ()) for c in row] for row in wb_a.active.iter_rows()]
    b = [[tuple(c._style or ()) for c in row] for row in wb_b.active.iter_rows()]
    assert a == b
    assert list(wb_a._fills) == list(wb_b._fills) and list(wb_a._fonts) == list(wb_b._fonts)
