"""The 通报 draft: read back with python-docx, every figure is the summary workbook's."""

from __future__ import annotations

import docx
import openpyxl

from desktop.core import services
from desktop.core.standing.figures import percent_text

from .conftest import AS_OF


def _pct(value) -> str:
    return "—" if value == "—" else percent_text(value)


def test_every_figure_in_the_bulletin_is_the_one_in_the_summary(merged_but_one, tmp_path):
    db, missing = merged_but_one
    services.standing.write_summary(db, tmp_path / "s.xlsx", as_of=AS_OF)
    services.standing.write_bulletin(db, tmp_path / "b.docx", as_of=AS_OF)
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    doc = docx.Document(str(tmp_path / "b.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    ws = wb["总体情况"]
    pairs = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 14)}
    assert f"应报送学校 {pairs['应报学校']} 所，已报送 {pairs['已报送']} 所" in text
    assert f"报送率 {_pct(pairs['报送率'])}" in text and f"总体完成率 {_pct(pairs['总体完成率'])}" in text
    assert f"应完成 {pairs['应完成任务（已报学校，不含不适用）']} 项，已完成 {pairs['其中已完成']} 项" in text
    name = db.execute("SELECT name FROM schools WHERE code = ?", [missing]).fetchone()[0]
    assert f"未报送 1 所：{name}" in text and "统计截至 2026-09-15 09:00" in text
    by_task = {r[0]: r for r in wb["按任务"].iter_rows(min_row=2, values_only=True)}
    tasks = next(t for t in doc.tables if t.rows[0].cells[0].text == "编号")
    for row in tasks.rows[1:]:
        task_id, _, done, countable, not_reported, rate = (c.text for c in row.cells)
        sheet = by_task[task_id]
        assert (done, countable, not_reported, rate) == (str(sheet[6]), str(sheet[10]), str(sheet[5]), _pct(sheet[11]))
    assert len(tasks.rows) - 1 == len(by_task)
    schools = {r[2]: r for r in wb["按学校"].iter_rows(min_row=2, values_only=True)}
    leading = next(p.text for p in doc.paragraphs if p.text.startswith("完成率较高的学校："))
    first = leading.removeprefix("完成率较高的学校：").split("、")[0]
    school, rate = first.rstrip("）。").split("（")
    assert schools[school][0] == 1 and rate == _pct(schools[school][14])


def test_problems_are_grouped_by_task_with_the_number_of_schools(merged_but_one, tmp_path):
    db, _ = merged_but_one
    services.standing.write_summary(db, tmp_path / "s.xlsx", as_of=AS_OF)
    services.standing.write_bulletin(db, tmp_path / "b.docx", as_of=AS_OF)
    counts = {r[0]: r[2] for r in openpyxl.load_workbook(tmp_path / "s.xlsx")["问题汇总"].iter_rows(
        min_row=2, values_only=True) if r[0]}
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs)
    assert counts
    for task_id, n in counts.items():
        assert f"{n} 所学校提出" in text or task_id in text.split("各有 1 所学校提出问题：")[-1]
