"""Invented county plans written the ways real plans are written (fixtures/*.txt), each with the
task list a careful reader would label (fixtures/*.json), scored with ../shared/tools/score_plan.py.

The fixtures are the parser's generality checks: unnumbered sub-headings over restarting numbers
(subheads_restart), summaries whose plan section is a plain line (summary_plain_heading,
summary_next_steps, summary_unnumbered_plan), closing remarks, annex lists and signatures
(closing_remarks), a covering notice with numbered requirements (notice_then_plan), tasks at （一）
or at 1. level (tasks_at_pcn, tasks_at_arabic), 第一部分 parts (parts_then_cn), fields on the
task's own line (same_line_fields), 牵头/配合 units and trailers (lead_support_units), several
levels on one physical line (flattened_levels), Traditional characters (traditional), a numbered
task table as .txt and .docx (table_plan), deadline words (deadline_forms), ①/(1) sub-items (tasks) inside
a task (subitems_in_tasks), ① as the task level (circled_tasks), inline 一是…二是… (inline_seq)
unnumbered title lines over their paragraphs (title_lines), a short PDF copy hard-wrapped at a fixed
width with field keys broken across lines and school-calendar deadlines (hard_wrapped_short), and
（一） sub-headings in one section only, over the 1. tasks the other sections have (mixed_depth_sections),
Ⅰ．/Ⅱ． Roman sections under a 发文字号 and 主送 line with 负责人/牵头领导 fields and mixed date forms
(roman_sections), 第一项 items over 其一，/一是 lists that start their lines and share one field block
(article_items), tasks carrying their own "：1.……；2.……" clauses on one line (inline_clauses), and
ASCII I./II. sections over 第一条 articles with （一） items, numeric dates (2023.8, 2023-06-30,
2023-08-31前) and 即日起至10月 (articles_dates). Each is also parsed as a .docx and
rewritten a little (blank lines, indentation, 1、 for 1., ASCII brackets, closing remarks and a
signature appended, a covering notice prepended, a heading and its first item on one line): the
tasks must not change.

Each expected task gives ``path``, ``title``, ``units``, ``deadline`` and ``targets`` as
``[value, unit]`` pairs (value null for a placeholder); the test wants F1 = 1.0, every title, unit
list and deadline exact, the paths in order, and exactly the expected targets (counts cited from
other documents are not targets). ``not_in_text`` lists words no task's text may contain (closing
remarks, annex lists, signatures).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.planreader import parse_plan_file, parse_plan_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.json"))


def _expected(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def _gold(expected: dict) -> dict:
    """The expected list in the gold-file shape the scorer reads."""
    return {"tasks": [{**t, "targets": [{"text": "", "value": v, "unit": u} for v, u in t["targets"]]}
                      for t in expected["tasks"]]}


def check(parsed: dict, expected: dict, score_plan) -> None:
    parsed = json.loads(json.dumps(parsed, ensure_ascii=False))  # what `plan parse --json` prints
    s = score_plan.score(_gold(expected), parsed)
    got = [(score_plan.norm_path(t["path"]), t["title"], t["units"], t["deadline"]) for t in parsed["tasks"]]
    want = [(score_plan.norm_path(t["path"]), t["title"], t["units"], t["deadline"]) for t in expected["tasks"]]
    assert got == want, s
    assert s["f1"] == 1.0 and s["title_match"] == 1.0, s
    assert s["units_exact"] == 1.0 and s["deadline_exact"] == 1.0, s
    for t, e in zip(parsed["tasks"], expected["tasks"], strict=True):
        found = Counter((g["value"], g["unit"]) for g in t["targets"])
        assert found == Counter((v, u) for v, u in e["targets"]), (t["path"], t["targets"])
        assert all(g["placeholder"] == (g["value"] is None) for g in t["targets"])
    for t in parsed["tasks"]:  # closing remarks, annexes, signatures, a section's introduction
        assert not any(x in t["text"] for x in expected.get("not_in_text", [])), (t["path"], t["text"])
    for key in ("year", "kind", "plan_section"):
        if key in expected:
            assert parsed[key] == expected[key], key


@pytest.mark.parametrize("name", NAMES)
def test_fixture_plan(name, score_plan):
    check(parse_plan_file(FIXTURES / f"{name}.txt"), _expected(name), score_plan)


def test_fixture_files_are_small_realistic_documents():
    assert len(NAMES) >= 15
    for name in NAMES:
        size = (FIXTURES / f"{name}.txt").stat().st_size
        assert 1000 <= size <= 3 * 1024, (name, size)


def test_table_plan_as_docx(tmp_path, score_plan):
    """The numbered task table (序号|工作任务|具体措施|责任单位|完成时间) saved as a Word table."""
    docx = pytest.importorskip("docx")
    lines = (FIXTURES / "table_plan.txt").read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines[1:] if ln.strip()]
    doc = docx.Document()
    doc.add_paragraph(lines[0])
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    doc.add_paragraph("柳河县教育局")
    path = tmp_path / "table_plan.docx"
    doc.save(str(path))
    check(parse_plan_file(path), _expected("table_plan"), score_plan)


def test_table_plan_with_merged_task_cells_groups_rows(tmp_path, score_plan):
    """When 工作任务 is one merged cell over several numbered 具体措施 rows, it is a heading."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("柳河县教育局2024年重点工作任务清单")
    rows = [
        ["序号", "工作任务", "具体措施", "责任单位", "完成时间"],
        ["1", "推进学前教育普惠发展", "新建城西幼儿园，新增公办学位540个。", "计财股", "2024年8月"],
        ["2", "", "开展幼儿园办园行为督导评估。", "督导室", "2024年11月"],
        ["3", "加强教师培训", "组织全员培训，每位教师年度培训学时不少于72学时。", "人事股", "第三季度"],
    ]
    table = doc.add_table(rows=len(rows), cols=5)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(1, 1).text = "推进学前教育普惠发展"
    path = tmp_path / "merged.docx"
    doc.save(str(path))
    expected = {"tasks": [
        {"path": ["一", "1"], "title": "新建城西幼儿园，新增公办学位540个", "units": ["计财股"],
         "deadline": "2024-08", "targets": [["540", "个"]]},
        {"path": ["一", "2"], "title": "开展幼儿园办园行为督导评估", "units": ["督导室"], "deadline": "2024-11",
         "targets": []},
        {"path": ["二", "3"], "title": "组织全员培训，每位教师年度培训学时不少于72学时", "units": ["人事股"],
         "deadline": "2024-09", "targets": [["72", "学时"]]},
    ]}
    check(parse_plan_file(path), expected, score_plan)


# -- the same documents written a little differently must give the same tasks --------------------
def _blank_lines(t: str) -> str:
    return t.replace("\n", "\n\n")


def _indented(t: str) -> str:
    return "\n".join("\u3000\u3000" + ln if ln.strip() else ln for ln in t.split("\n"))


def _dunhao(t: str) -> str:
    return re.sub(r"(?m)^(\d+)\.", r"\1、", t)


def _ascii_brackets(t: str) -> str:
    return re.sub(r"（([一二三四五六七八九十\d]+)）", r"(\1)", t)


def _closing_and_signature(t: str) -> str:
    lines = t.rstrip("\n").split("\n")
    signature = []
    while lines and re.search(r"局$|^\d{4}年\d{1,2}月(\d{1,2}日)?$", lines[-1]):
        signature.insert(0, lines.pop())
    closing = ["各学校、各股室要高度重视，结合实际细化措施，确保各项工作落到实处。", "附件：1.重点工作任务分解表",
               "2.年度考核细则"]
    return "\n".join(lines + closing + (signature or ["示例县教育局", "2023年2月"])) + "\n"


def _notice(t: str) -> str:
    title = t.split("\n", 1)[0]
    return (f"关于印发《{title}》的通知\n各中小学、幼儿园，局属各单位：\n现将《{title}》印发给你们，请结合实际认真贯彻落实。\n"
            f"示例县教育局\n2023年2月1日\n{t}")


def _flattened(t: str) -> str:
    """A heading without a full stop and the numbered line after it written as one line."""
    out: list[str] = []
    for ln in t.split("\n"):
        if (out and re.match(r"^[一二三四五六七八九十]+、[^。]{2,40}$", out[-1])
                and re.match(r"^(\d+[.、]|（[一二三四五六七八九十]+）)", ln)):
            out[-1] += ln
        else:
            out.append(ln)
    return "\n".join(out)


VARIANTS = {"blank": _blank_lines, "indent": _indented, "dunhao": _dunhao, "ascii": _ascii_brackets,
            "closing": _closing_and_signature, "notice": _notice, "flatten": _flattened}


@pytest.mark.parametrize("name", NAMES)
def test_fixture_plan_as_docx_paragraphs(name, tmp_path, score_plan):
    """Each line of the text saved as a Word paragraph (a table plan's rows as a Word table)."""
    docx = pytest.importorskip("docx")
    lines = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    doc = docx.Document()
    k = 0
    while k < len(lines):
        rows = []
        while k < len(lines) and "\t" in lines[k]:
            rows.append(lines[k].split("\t"))
            k += 1
        if rows:
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        else:
            doc.add_paragraph(lines[k])
            k += 1
    path = tmp_path / f"{name}.docx"
    doc.save(str(path))
    check(parse_plan_file(path), _expected(name), score_plan)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", NAMES)
def test_fixture_plan_written_differently(name, variant, score_plan):
    if name == "table_plan" and variant in ("dunhao", "flatten", "indent"):
        pytest.skip("a table's cells are not lines of text")
    text = VARIANTS[variant]((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    expected = _expected(name)
    if variant == "closing":
        expected = {**expected, "not_in_text": [*expected.get("not_in_text", []), "落到实处", "附件", "考核细则"]}
    check(parse_plan_text(text), expected, score_plan)
