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


def test_all_sheets_present_with_frozen_headers_filters_and_print_setup(merged):
    _, wb, _ = merged
    assert wb.sheetnames == ["总体情况", "按任务", "按学校", "学校×任务", "量化指标", "未报送学校", "问题汇总", "佐证材料"]
    for name in wb.sheetnames[1:]:
        ws = wb[name]
        assert ws.freeze_panes in ("A2", "C2"), name
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1", name
    assert wb["按任务"].auto_filter.ref
    assert len(wb["总体情况"]._charts) == 1


def test_overview_counts_match_the_roster_and_submissions(merged):
    db, wb, missing = merged
    ws = wb["总体情况"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 10)}
    n_schools = db.execute("SELECT COUNT(*) FROM schools").fetchone()[0]
    assert values["应报学校"] == n_schools and values["已报送"] == n_schools - 1 and values["未报送"] == 1
    assert [r[0].value for r in wb["未报送学校"].iter_rows(min_row=2)] == [missing]


def test_by_task_counts_add_up_to_the_entries(merged):
    db, wb, _ = merged
    for row in wb["按任务"].iter_rows(min_row=2, values_only=True):
        task_id, done, doing, todo, na = row[0], row[4], row[5], row[6], row[7]
        stored = dict(db.execute("SELECT status, COUNT(*) FROM entries WHERE task_id = ? GROUP BY status",
                                 [task_id]).fetchall())
        assert (done, doing, na) == (stored.get("已完成", 0), stored.get("进行中", 0), stored.get("不适用", 0))
        assert todo >= stored.get("未开始", 0)


def test_matrix_shows_each_schools_status_and_not_reported(merged):
    db, wb, missing = merged
    ws = wb["学校×任务"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2, values_only=True):
        code = row[0]
        for task_id, cell in zip(header[2:], row[2:], strict=True):
            if cell == "—":
                continue
            if code == missing:
                assert cell == workbook.NOT_REPORTED
            else:
                stored = db.execute("SELECT status FROM entries WHERE school_code = ? AND task_id = ?",
                                    [code, task_id]).fetchone()
                assert cell == (stored[0] if stored else "未开始")
    assert ws.conditional_formatting


def test_indicators_name_every_school_that_misses_its_target(merged):
    """Each reported value is judged by the target's direction (numbers.meets_target, tested on its own)."""
    db, wb, _ = merged
    names = dict(db.execute("SELECT code, name FROM schools").fetchall())
    checked, seq = 0, {}
    for row in wb["量化指标"].iter_rows(min_row=2, values_only=True):
        task_id, text, below = row[0], row[2], row[9] or ""
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


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_summary_opens_in_libreoffice(merged, tmp_path, world):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(world / "workbook.xlsx")],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "workbook.pdf").stat().st_size > 1000
