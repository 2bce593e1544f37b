"""The bureau summary workbook: the numbers people act on match what was merged."""

import shutil
import subprocess

import openpyxl
import pytest

from desktop.core import numbers, services
from desktop.core.intake import merge
from desktop.core.standing import workbook


@pytest.fixture
def merged(world, county_db):
    reports = sorted((world / "reports").glob("*.xlsx"))
    merge.merge_paths(county_db, reports[:-1], workers=0)  # the last school has not reported
    out = world / "workbook.xlsx"
    services.standing.write_summary(county_db, out)
    return county_db, openpyxl.load_workbook(out), reports[-1].stem


def test_all_sheets_present_with_a4_print_setup_page_numbers_and_header(merged):
    db, wb, _ = merged
    assert wb.sheetnames == ["总体情况", "按学校", "按任务", "分类小计", "学校×任务", "逾期任务", "量化指标", "未报送学校",
                             "问题汇总", "佐证材料", "疑似重复材料"]
    county = db.execute("SELECT county FROM plans").fetchone()[0]
    portrait = {"总体情况", "分类小计", "未报送学校"}
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == 9, ws.title  # A4
        assert ws.page_setup.orientation == ("portrait" if ws.title in portrait else "landscape"), ws.title
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text, ws.title
        assert ws.oddHeader.left.text == county and ws.oddHeader.right.text.startswith("统计截至"), ws.title
        if ws.title != "总体情况":
            assert ws.print_title_rows, ws.title
    assert wb["学校×任务"].print_title_cols == "$A:$B" and not wb["学校×任务"].sheet_properties.pageSetUpPr.fitToPage
    assert wb["按任务"].sheet_properties.pageSetUpPr.fitToPage and wb["按任务"].page_setup.fitToWidth == 1
    assert wb["按任务"].auto_filter.ref
    assert len(wb["总体情况"]._charts) == 1


def test_rates_are_numbers_with_a_percent_format_and_counts_are_numbers(merged):
    _, wb, _ = merged
    for name, col in (("按学校", 15), ("按任务", 12)):
        for row in wb[name].iter_rows(min_row=2):
            cell = row[col - 1]
            if cell.value == "—":
                continue
            assert isinstance(cell.value, (int, float)) and 0 <= cell.value <= 1 and cell.number_format == "0.0%", (name, cell.coordinate)
            assert all(isinstance(c.value, int) for c in row[col - 5:col - 1]), (name, cell.coordinate)


def test_a_school_not_reported_has_no_rate_no_rank_and_its_own_colour(merged):
    _db, wb, missing = merged
    row = next(r for r in wb["按学校"].iter_rows(min_row=2) if r[1].value == missing)
    assert row[5].value == "未报送" and row[14].value == "—" and row[0].value == "—"
    assert row[5].fill.fgColor.rgb.endswith(workbook.STATUS_FILL["未报送"])
    last = [r[1].value for r in wb["按学校"].iter_rows(min_row=2)][-1]
    assert last == missing  # below every ranked school


def test_wrapped_text_gets_row_heights(merged):
    _, wb, _ = merged
    ws = wb["问题汇总"]
    assert any((ws.row_dimensions[r].height or 0) > 20 for r in range(2, ws.max_row + 1)) or ws.max_row < 3
    assert wb["学校×任务"].row_dimensions[4].height > 60  # the task names under their numbers


def test_the_matrix_legend_row_holds_its_longest_text_when_printed(merged):
    """The legend sits in the narrow task columns: its row is as tall as the longest legend text wraps to
    (the last one, 沿用上期, was cut off on paper at a fixed 30 pt)."""
    from desktop.core.package import sheets

    ws = merged[1]["学校×任务"]
    legend = [c for c in ws[1][1:] if c.value]
    assert [c.value for c in legend] == [text for _, text in workbook.MATRIX_LEGEND]
    assert all(c.alignment.wrap_text for c in legend)
    need = max(sheets.lines_needed(c.value, ws.column_dimensions[c.column_letter].width or 8.43) for c in legend)
    assert need >= 3 and ws.row_dimensions[1].height >= sheets.LINE_HEIGHT * need


def test_overview_counts_match_the_roster_and_submissions(merged):
    db, wb, missing = merged
    ws = wb["总体情况"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 10)}
    n_schools = db.execute("SELECT COUNT(*) FROM schools").fetchone()[0]
    assert values["应报学校"] == n_schools and values["已报送"] == n_schools - 1 and values["未报送"] == 1
    assert [r[0].value for r in wb["未报送学校"].iter_rows(min_row=2)] == [missing]


def test_by_task_counts_add_up_to_the_entries(merged):
    db, wb, _ = merged
    n_missing = 1
    for row in wb["按任务"].iter_rows(min_row=2, values_only=True):
        task_id, done, doing, todo, na = row[0], row[6], row[7], row[8], row[9]
        assert row[3] == row[4] + row[5] and row[5] <= n_missing
        stored = dict(db.execute("SELECT status, COUNT(*) FROM entries WHERE task_id = ? GROUP BY status",
                                 [task_id]).fetchall())
        assert (done, doing, na) == (stored.get("已完成", 0), stored.get("进行中", 0), stored.get("不适用", 0))
        assert todo >= stored.get("未开始", 0)


def test_matrix_shows_each_schools_status_and_not_reported(merged):
    db, wb, missing = merged
    ws = wb["学校×任务"]
    header = [str(c.value).split("\n")[0] for c in ws[4]]
    for r, row in enumerate(ws.iter_rows(min_row=5, values_only=True), start=5):
        code = row[0]
        for c, (task_id, cell) in enumerate(zip(header[2:], row[2:], strict=True), start=3):
            if cell in workbook.STATUS_FILL:
                assert ws.cell(r, c).fill.fgColor.rgb.endswith(workbook.STATUS_FILL[cell])
            if cell == "—":
                continue
            if code == missing:
                assert cell == workbook.NOT_REPORTED
            else:
                stored = db.execute("SELECT status FROM entries WHERE school_code = ? AND task_id = ?",
                                    [code, task_id]).fetchone()
                assert cell == (stored[0] if stored else "未开始")
    legend = [c.value for c in ws[1]]
    assert "未报送（整校未交）" in legend and "任务不适用于该校类型" in legend


def test_indicators_name_every_school_that_misses_its_target(merged):
    """Each reported value is judged by the target's direction (numbers.meets_target, tested on its own)."""
    db, wb, _ = merged
    names = dict(db.execute("SELECT code, name FROM schools").fetchall())
    checked, seq = 0, {}
    for row in wb["量化指标"].iter_rows(min_row=2, values_only=True):
        if row[0] is None or row[1] is None:
            continue  # the note under the table
        task_id, text, below = row[0], row[2], row[10] or ""
        seq[task_id] = seq.get(task_id, 0) + 1  # rows follow the targets of each task in order
        target = dict(zip(("text", "value", "placeholder"), db.execute(
            "SELECT text, value, placeholder FROM targets WHERE task_id = ? AND seq = ?",
            [task_id, seq[task_id]]).fetchone(), strict=True))
        assert target["text"] == text
        low = {names[c] for c, v in db.execute("SELECT school_code, value FROM indicator_values WHERE task_id = ?"
                                                " AND target_seq = ?", [task_id, seq[task_id]]).fetchall()
               if numbers.meets_target(target, v) is False}
        assert set(filter(None, below.split("、"))) == low
        checked += bool(low)
    assert checked > 0


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _render(source, out):
    """LibreOffice prints ``source`` to PDF; pdftoppm (when there) makes a PNG of the first page."""
    subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=240)
    pdf = out / (source.stem + ".pdf")
    assert pdf.stat().st_size > 1000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        size = next(line for line in info.splitlines() if line.startswith("Page size"))
        assert "595" in size and ("842" in size or "841" in size), size  # A4 (points), either orientation
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf),
                        str(out / source.stem)], check=True, timeout=120)
        assert (out / f"{source.stem}.png").stat().st_size > 1000
    return pdf


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice not installed")
def test_summary_report_and_documents_print_on_a4_in_libreoffice(merged, tmp_path, world):
    db, _, _ = merged
    out = tmp_path / "pdf"
    out.mkdir()
    _render(world / "workbook.xlsx", out)
    _render(sorted((world / "reports").glob("*.xlsx"))[0], out)
    _render(services.standing.write_bulletin(db, tmp_path / "bulletin.docx"), out)
    _render(services.standing.write_reminders(db, tmp_path / "remind")["docx"], out)


def test_a_school_reporting_on_an_unconfirmed_key_is_marked_until_its_key_is_confirmed(merged, tmp_path):
    """DESIGN §16: an unconfirmed first key is visible everywhere the bureau reads figures."""
    from desktop.core.signing import trust

    db, wb, missing = merged

    def states(book):
        rows = list(book["按学校"].iter_rows(values_only=True))
        h = next(i for i, r in enumerate(rows) if "报送情况" in r)
        col, code = rows[h].index("报送情况"), rows[h].index("学校代码")
        return {r[code]: r[col] for r in rows[h + 1:]}

    before = states(wb)
    reported = [c for c in before if c != missing]
    assert reported and all("密钥未确认" in before[c] for c in reported)
    assert "未确认" not in before[missing]
    school = reported[0]
    services.intake.confirm_key(db, school, trust.pinned_fingerprint(db, "school", school), "paper")
    services.standing.write_summary(db, tmp_path / "after.xlsx")
    after = states(openpyxl.load_workbook(tmp_path / "after.xlsx"))
    assert "未确认" not in after[school] and all("密钥未确认" in after[c] for c in reported[1:])


def test_body_cells_share_named_styles_and_look_as_before(merged):
    """A city's summary has hundreds of thousands of body cells: they take a few named styles registered once
    (宋体, thin grey border, wrapped; a matrix cell centred with its status colour), not styles set per cell."""
    _, wb, _ = merged
    assert {workbook.BODY_STYLE, workbook.MATRIX_STYLE} <= set(wb.named_styles)
    cell = wb["按学校"].cell(2, 3)
    assert cell.style == workbook.BODY_STYLE
    assert cell.font.name == "宋体" and cell.alignment.wrap_text and cell.border.left.style == "thin"
    matrix = wb["学校×任务"]
    done = next(c for row in matrix.iter_rows(min_row=5, min_col=3) for c in row if c.value == "已完成")
    assert done.style == f"{workbook.MATRIX_STYLE}·已完成"
    assert done.alignment.horizontal == "center" and done.fill.fgColor.rgb.endswith(workbook.STATUS_FILL["已完成"])
    assert wb["按学校"].cell(1, 1).font.bold  # the header row keeps its own style


def test_a_long_list_of_schools_in_one_cell_names_the_first_and_counts_the_rest(world, county_db, monkeypatch):
    """At county scale a task is overdue or missed in thousands of schools: the cell names the first schools and
    says how many there are, instead of being cut mid-name at the 32,767 characters a cell holds."""
    names = [f"示例县第{i}学校" for i in range(1, 2001)]
    assert workbook.school_list(names[:workbook.SCHOOLS_IN_A_CELL]) == "、".join(names[:workbook.SCHOOLS_IN_A_CELL])
    cell = workbook.school_list(names)
    assert len(cell) < 2000 and cell.startswith("示例县第1学校、") and "等 2000 所" in cell
    assert workbook.SHEET_MATRIX in cell  # where the whole list is

    monkeypatch.setattr(workbook, "SCHOOLS_IN_A_CELL", 1)
    merge.merge_paths(county_db, sorted((world / "reports").glob("*.xlsx")), workers=0)
    out = world / "short-lists.xlsx"
    services.standing.write_summary(county_db, out)
    counted = [row[10] for row in openpyxl.load_workbook(out)["量化指标"].iter_rows(min_row=2, values_only=True)
               if row[0] is not None and row[10] and "等" in row[10]]
    assert counted, "some target is missed by more than one demo school"
    assert all("、" not in c.split("……")[0] for c in counted)  # one school named, the rest counted
