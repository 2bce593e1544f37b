"""The school's report workbook prints readably: A4 landscape at a readable size, every line of long text
visible (row heights), every target listed, the same task numbers as the plan workbook; and it is still
built only from the manifest (twice the same)."""

from __future__ import annotations

import openpyxl

from desktop.core.package import planbook, reportbook, sheets


def _report(world):
    path = sorted((world / "reports").glob("*.xlsx"))[0]
    return openpyxl.load_workbook(path)


def test_main_sheet_fits_a4_landscape_at_a_readable_scale(world):
    ws = _report(world)[reportbook.SHEET_ENTRIES]
    assert ws.page_setup.paperSize == sheets.PAPER_A4 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$1:$1" and "&P" in ws.oddFooter.center.text
    # A4 landscape holds about 150 column units at 100 %: fitting the width must not shrink below ~80 %
    assert sum(reportbook.ENTRY_WIDTHS) <= 150


def test_long_text_gets_the_row_height_it_needs(world):
    wb = _report(world)
    notes = wb[reportbook.SHEET_NOTES]
    warning = next(r for r in range(1, notes.max_row + 1) if notes.cell(r, 1).value == "注意")
    assert notes.row_dimensions[warning].height >= 2 * sheets.LINE_HEIGHT  # "请勿在 Excel/WPS 中…" wraps
    ws = wb[reportbook.SHEET_ENTRIES]
    long_rows = [r for r in range(2, ws.max_row + 1)
                 if sheets.lines_needed(str(ws.cell(r, 6).value or ""), reportbook.ENTRY_WIDTHS[5]) > 1]
    assert long_rows and all((ws.row_dimensions[r].height or 0) > sheets.LINE_HEIGHT for r in long_rows)


def test_every_target_is_listed_even_when_not_filled_in():
    content = {"county": "县", "school": {"code": "S1", "name": "一校"}, "plan": {"title": "计划", "version": 1},
               "period": "上半年", "revision": 1, "created_at": "2026-06-01T10:00:00+08:00", "package_id": "ab" * 16,
               "tasks": [{"task_id": "2.5", "title": "任务", "deadline": None,
                          "targets": [{"seq": 1, "text": "不少于2次", "value": "2", "unit": "次"},
                                      {"seq": 2, "text": "建成1处", "value": "1", "unit": "处"}]}],
               "entries": [{"task_id": "2.5", "status": "进行中", "progress": 50, "narrative": "", "problems": "",
                            "next_steps": "", "na_reason": "", "updated_at": "2026-06-01T10:00:00+08:00",
                            "indicators": [{"seq": 1, "value": "3"}]}], "evidence": []}
    wb = reportbook.build_workbook(content, "0" * 64)
    rows = [r for r in wb[reportbook.SHEET_INDICATORS].iter_rows(min_row=2, values_only=True)]
    assert [(r[2], r[5]) for r in rows] == [("不少于2次", "3"), ("建成1处", reportbook.NOT_FILLED)]
    again = reportbook.build_workbook(content, "0" * 64)
    for a, b in zip(wb.worksheets, again.worksheets, strict=True):
        assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()]
        assert {k: v.height for k, v in a.row_dimensions.items()} == {k: v.height for k, v in b.row_dimensions.items()}


def test_plan_and_report_number_a_task_the_same_way(world):
    plan = openpyxl.load_workbook(world / "plan.xlsx")[planbook.SHEET_TASKS]
    report = _report(world)[reportbook.SHEET_ENTRIES]
    plan_ids = {r[0] for r in plan.iter_rows(min_row=2, values_only=True)}
    report_ids = {r[0] for r in report.iter_rows(min_row=2, values_only=True)}
    assert report_ids and report_ids <= plan_ids
