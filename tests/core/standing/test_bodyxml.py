"""The summary's table bodies written as XML text: the file holds what openpyxl cells would hold."""

from copy import copy

import openpyxl
import pytest
from openpyxl import Workbook

from desktop.core import services
from desktop.core.intake import merge
from desktop.core.package import sheets
from desktop.core.standing import bodyxml, workbook

AS_OF = "2026-12-01T09:00:00+08:00"


def _cell(cell) -> tuple:
    """What a user sees of a cell: its value and type, its look, the named style it takes."""
    looks = (copy(s) for s in (cell.font, cell.fill, cell.border, cell.alignment, cell.protection))  # not proxies
    return (cell.value, cell.data_type, cell.style, *looks, cell.number_format, cell.quotePrefix)


def observable(wb) -> dict:
    """Everything of a workbook a user sees or prints: per sheet every cell with a value or a style, row heights,
    column widths, panes, filter, print setup, headers and footers, merged ranges and charts."""
    out = {"sheets": wb.sheetnames, "named styles": sorted(wb.named_styles)}
    for ws in wb.worksheets:
        ps = ws.page_setup
        out[ws.title] = {
            "cells": {c.coordinate: _cell(c) for row in ws.iter_rows() for c in row if c.value is not None or c.has_style},
            "size": (ws.max_row, ws.max_column, ws.dimensions),
            "heights": {r: d.height for r, d in ws.row_dimensions.items() if d.height},
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
            "panes": ws.freeze_panes, "filter": ws.auto_filter.ref,
            "print": (ws.print_title_rows, ws.print_title_cols, ps.paperSize, ps.orientation, ps.fitToWidth,
                      ps.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage, ws.print_options.horizontalCentered,
                      ws.page_margins.left, ws.page_margins.top, ws.page_margins.header),
            "header": [(p.text, p.size) for p in (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right,
                                                  ws.oddFooter.center)],
            "merged": sorted(str(m) for m in ws.merged_cells.ranges), "charts": len(ws._charts),
        }
    return out


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key in a:
        if isinstance(a[key], dict):
            for part in a[key]:
                if part == "cells":
                    diff = [(k, a[key][part].get(k), b[key][part].get(k)) for k in a[key][part].keys() | b[key][part].keys()
                            if a[key][part].get(k) != b[key][part].get(k)]
                    assert not diff, (key, sorted(diff, key=str)[:3], len(diff))
                else:
                    assert a[key][part] == b[key][part], (key, part)
        else:
            assert a[key] == b[key], key


VALUES = ["城关小学", "=SUM(A1)", "=", "#N/A", "#学校", "+86", "-", "@x", "\t缩进", "a\x07b", " 前后空格 ", "a\r\nb",
          "<b>&amp;</b>", "长" * 40000, 12, -3, 3.5, 0.0938, 1e-20, 2**53 + 1, None, ""]


@pytest.mark.parametrize("value", VALUES)
def test_a_body_cell_holds_what_openpyxl_would_store_for_the_same_text(value, tmp_path):
    """Body cells are not openpyxl cells: the value, its type and its style in the file are the ones ``sheets.put``
    + the named style give (a '=…' text stays text, control characters are dropped, '\\r' and spaces are kept)."""
    wb = Workbook()
    ws = wb.active
    looks = bodyxml.Looks.of(wb)
    body = bodyxml.Body.of(ws)
    body.rows[2] = [bodyxml.typed(value, looks.named(workbook._named(ws, workbook.BODY_STYLE)), looks)]
    body.heights[2] = 33.0
    slow = sheets.put(ws, 3, 1, value)
    slow.style = workbook.BODY_STYLE
    if isinstance(value, str) and value.startswith(sheets.FORMULA_START):
        slow.quotePrefix = True
    ws.row_dimensions[3].height = 33.0
    bodyxml.save(wb, tmp_path / "fast.xlsx")
    back = openpyxl.load_workbook(tmp_path / "fast.xlsx").active
    assert _cell(back.cell(2, 1)) == _cell(back.cell(3, 1))
    assert back.row_dimensions[2].height == back.row_dimensions[3].height == 33.0
    assert back.dimensions == "A2:A3"
    bodyxml.materialise(wb)
    fast = ws.cell(2, 1)
    assert (fast.value, fast.data_type, tuple(fast._style)) == (slow.value, slow.data_type, tuple(slow._style))


def test_a_row_cannot_hold_both_openpyxl_cells_and_body_cells(tmp_path):
    wb = Workbook()
    ws = wb.active
    looks = bodyxml.Looks.of(wb)
    bodyxml.Body.of(ws).rows[1] = [bodyxml.typed("x", looks.named("Normal"), looks)]
    ws["B1"] = "y"
    with pytest.raises(ValueError, match="row 1"):
        bodyxml.save(wb, tmp_path / "both.xlsx")


def test_the_summary_file_equals_the_workbook_openpyxl_builds(world, county_db, tmp_path):
    """The written summary (bodies spliced as XML) and the same workbook as openpyxl cells, saved by openpyxl, are
    equal in everything a user sees or prints: values, types, styles, heights, widths, panes, filters, print setup."""
    reports = sorted((world / "reports").glob("*.xlsx"))
    merge.merge_paths(county_db, reports[:-1], workers=0)  # the last school has not reported: its own colours
    fast = services.standing.write_summary(county_db, tmp_path / "fast.xlsx", as_of=AS_OF)
    plan_id, period = county_db.execute("SELECT plan_id, period FROM submissions LIMIT 1").fetchone()
    workbook.build_workbook(county_db, plan_id, period, as_of=AS_OF).save(tmp_path / "openpyxl.xlsx")
    a, b = (observable(openpyxl.load_workbook(p)) for p in (fast, tmp_path / "openpyxl.xlsx"))
    assert_same(a, b)
    assert len(a["按学校"]["cells"]) > 20 * len(reports) and a["按学校"]["heights"]  # bodies and heights compared
