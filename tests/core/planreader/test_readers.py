"""Readers: the same plan as .txt, .docx (labels in text / Word list numbering / a table) and
.xlsx parses to the same tasks; text encodings; file-level errors."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from desktop.core.errors import TaizhangError
from desktop.core.planreader import normalise_label, parse_plan_file, parse_plan_text, readers

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "resources" / "samples" / "sample_plan.txt"

# A small plan in the layout of a real 工作要点: sections, run-on task numbers, field lines.
PLAN = """\
示例县2026年教育工作要点
2026年，全县教育工作围绕质量提升和安全稳定两条主线推进。
一、加强党的建设
1.完善学校党组织领导的校长负责制。修订议事规则，建成示范学校5所。
责任单位：党建办，各中小学
完成时间：2026年6月
2.推进清廉学校建设。开展廉政风险排查。
责任单位：纪检组，各学校
完成时间：2026年12月
二、提升教育质量
3.深化课堂教学改革。每所学校每学期公开课不少于10节。
责任单位：教研室，各中小学、幼儿园
完成时间：2026年11月
4.推进示例县第一中学特色发展。完善选课走班制度。
责任单位：基础教育股，示例县第一中学
完成时间：2026年9月
三、守牢安全底线
5.健全校园安全管理体系。一键式报警装置联网率达到100%。
责任单位：安全办，各学校
完成时间：2026年7月
"""


def _task_key(t: dict) -> tuple:
    return (
        tuple(normalise_label(p) for p in t["path"]),
        t["title"],
        tuple(t["units"]),
        t["deadline"],
        tuple((g["value"], g["unit"]) for g in t["targets"]),
        tuple(t["applies_to"]),
    )


def _keys(result: dict) -> list[tuple]:
    return [_task_key(t) for t in result["tasks"]]


# -- builders ------------------------------------------------------------------------------
def _split_plan(text: str):
    """(kind, label, body) per line: kind is section / task / other."""
    out = []
    for line in text.splitlines():
        m = re.match(r"^([一二三四五六七八九十]+)、(.*)$", line)
        if m:
            out.append(("section", m.group(1), m.group(2)))
            continue
        m = re.match(r"^(\d+)\.(.*)$", line)
        if m:
            out.append(("task", m.group(1), m.group(2)))
            continue
        out.append(("other", "", line))
    return out


def _add_numbering(document) -> None:
    """Two Word lists: 一、二、… (chineseCounting) and 1. 2. … (decimal, runs on)."""
    numbering = document.part.numbering_part.element
    abstract_cn = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    )
    abstract_dec = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="92"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    for ab in (abstract_cn, abstract_dec):
        if first_num is not None:
            first_num.addprevious(ab)
        else:
            numbering.append(ab)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="92"><w:abstractNumId w:val="92"/></w:num>'))


def _number(paragraph, num_id: int, ilvl: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def build_docx(text: str, path: Path, *, word_numbering: bool = False) -> Path:
    document = docx.Document()
    if word_numbering:
        _add_numbering(document)
    for kind, label, body in _split_plan(text):
        if word_numbering and kind == "section":
            _number(document.add_paragraph(body), 91)
        elif word_numbering and kind == "task":
            _number(document.add_paragraph(body), 92)
        elif kind == "section":
            document.add_paragraph(f"{label}、{body}")
        elif kind == "task":
            document.add_paragraph(f"{label}.{body}")
        else:
            document.add_paragraph(body)
    document.save(str(path))
    return path


def _table_rows(text: str) -> tuple[list[list[str]], str]:
    """Task table rows (类别, 序号, 工作任务, 责任单位, 完成时间) and the title line."""
    rows, group, title = [], "", ""
    current, first = None, True
    for kind, label, body in _split_plan(text):
        if kind == "section":
            group = f"{label}、{body}"
            first = True
        elif kind == "task":
            current = [group if first else "", label, body, "", ""]
            first = False
            rows.append(current)
        elif body.startswith("责任单位：") and current:
            current[3] = body.split("：", 1)[1]
        elif body.startswith("完成时间：") and current:
            current[4] = body.split("：", 1)[1]
        elif not title:
            title = body
    return rows, title


HEADER = ["类别", "序号", "工作任务", "责任单位", "完成时间"]


def build_xlsx(text: str, path: Path) -> Path:
    rows, title = _table_rows(text)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(HEADER)
    for r in rows:
        ws.append([r[0] or None, int(r[1]), r[2], r[3], r[4]])
    wb.save(str(path))
    return path


def build_docx_table(text: str, path: Path) -> Path:
    rows, title = _table_rows(text)
    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    for j, h in enumerate(HEADER):
        table.cell(0, j).text = h
    for i, r in enumerate(rows, start=1):
        for j, v in enumerate(r):
            table.cell(i, j).text = v
    document.save(str(path))
    return path


# -- same tasks whatever the container -----------------------------------------------------
@pytest.fixture(scope="module")
def txt_result() -> dict:
    return parse_plan_text(PLAN)


def test_plan_text_itself_parses_as_expected(txt_result):
    assert [t["path"] for t in txt_result["tasks"]] == [["一", "1"], ["一", "2"], ["二", "3"], ["二", "4"], ["三", "5"]]
    assert txt_result["tasks"][3]["applies_to"] == ["示例县第一中学"]


def test_docx_with_labels_in_text_matches_txt(tmp_path, txt_result):
    result = parse_plan_file(build_docx(PLAN, tmp_path / "plan.docx"))
    assert _keys(result) == _keys(txt_result)
    assert result["title"] == "示例县2026年教育工作要点"


def test_docx_with_word_list_numbering_matches_txt(tmp_path, txt_result):
    path = build_docx(PLAN, tmp_path / "plan-numbered.docx", word_numbering=True)
    # the labels really are absent from the paragraph text
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "加强党的建设" in texts and not any(t.startswith(("一、", "1.")) for t in texts)
    result = parse_plan_file(path)
    assert _keys(result) == _keys(txt_result)
    assert [h["path"] for h in result["headings"]] == [["一"], ["二"], ["三"]]


def test_docx_task_table_matches_txt(tmp_path, txt_result):
    result = parse_plan_file(build_docx_table(PLAN, tmp_path / "table.docx"))
    assert _keys(result) == _keys(txt_result)


def test_xlsx_task_table_matches_txt(tmp_path, txt_result):
    result = parse_plan_file(build_xlsx(PLAN, tmp_path / "tasks.xlsx"))
    assert _keys(result) == _keys(txt_result)


def test_real_plans_as_docx_and_xlsx_match_txt(tmp_path, shared_plans):
    """003 (tasks with units/deadlines) as .docx, Word-numbered .docx and .xlsx task table."""
    txt = (shared_plans / "003_7c188393b07f2a94.txt").read_text(encoding="utf-8")
    expected = _keys(parse_plan_text(txt))
    assert len(expected) == 21
    assert _keys(parse_plan_file(build_docx(txt, tmp_path / "a.docx"))) == expected
    assert _keys(parse_plan_file(build_docx(txt, tmp_path / "b.docx", word_numbering=True))) == expected
    assert _keys(parse_plan_file(build_xlsx(txt, tmp_path / "c.xlsx"))) == expected


def test_sample_plan_as_docx_matches_txt(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    expected = _keys(parse_plan_text(text))
    assert _keys(parse_plan_file(build_docx(text, tmp_path / "s.docx", word_numbering=True))) == expected


def test_xlsx_header_not_on_first_row_and_merged_group_cells(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["示例县2026年重点任务清单"])
    ws.append([])
    ws.append(["序号", "重点工作", "具体内容", "牵头单位", "配合单位", "完成时限", "备注"])
    ws.append([1, "党建工作", "完善制度。修订议事规则。", "党建办", "各中小学", "2026年6月", ""])
    ws.append([2, None, "开展培训。全年培训不少于3次。", "人事股", "", "年底前", ""])
    ws.append([3, "安全工作", "排查隐患。", "安全办", "各幼儿园", "2026-09", "每月"])
    ws.merge_cells("B4:B5")
    path = tmp_path / "list.xlsx"
    wb.save(str(path))
    result = parse_plan_file(path)
    tasks = result["tasks"]
    assert [t["path"] for t in tasks] == [["一", "1"], ["一", "2"], ["二", "3"]]
    assert [h["title"] for h in result["headings"]] == ["党建工作", "安全工作"]
    assert tasks[0]["units"] == ["党建办", "各中小学"]
    assert tasks[0]["deadline"] == "2026-06"
    assert tasks[1]["deadline"] == "2026-12"
    assert tasks[1]["targets"][0]["value"] == "3"
    assert tasks[2]["deadline"] == "2026-09"
    assert tasks[2]["applies_to"] == ["幼儿园"]


def test_xlsx_without_task_header_is_a_clear_error(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.active.append(["张三", "123"])
    path = tmp_path / "people.xlsx"
    wb.save(str(path))
    with pytest.raises(TaizhangError) as e:
        parse_plan_file(path)
    assert "任务" in e.value.zh


# -- text encodings ------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_encodings(tmp_path, txt_result, encoding):
    path = tmp_path / f"plan-{encoding}.txt"
    path.write_bytes(PLAN.encode(encoding))
    result = parse_plan_file(path)
    assert _keys(result) == _keys(txt_result)
    assert result["title"] == "示例县2026年教育工作要点"  # no BOM left on the first line


def test_gb18030_is_not_mistaken_for_big5():
    raw = PLAN.encode("gb18030")
    assert readers.decode_text(raw) == PLAN


def test_big5_traditional_text_is_decoded():
    text = "一、加強學校管理\n1.完善制度。責任單位：人事股，各中小學\n"
    assert readers.decode_text(text.encode("big5")) == text


# -- errors -----------------------------------------------------------------------------------
def test_unknown_extension(tmp_path):
    path = tmp_path / "plan.odp"
    path.write_bytes(b"x")
    with pytest.raises(TaizhangError) as e:
        parse_plan_file(path)
    assert ".odp" in e.value.zh and ".docx" in e.value.zh


def test_missing_file(tmp_path):
    with pytest.raises(TaizhangError):
        parse_plan_file(tmp_path / "nope.txt")


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text(PLAN, encoding="utf-8")
    with pytest.raises(TaizhangError) as e:
        parse_plan_file(path)
    assert "20 MB" in e.value.zh


def test_real_size_limit_is_20_mb():
    assert readers.MAX_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize("ext", [".docx", ".xlsx"])
def test_damaged_office_files(tmp_path, ext):
    path = tmp_path / f"broken{ext}"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TaizhangError):
        parse_plan_file(path)


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(TaizhangError):
        parse_plan_file(path)


def test_binary_txt_is_an_error(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(TaizhangError):
        parse_plan_file(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(TaizhangError) as e:
        parse_plan_file(path)
    assert "没有" in e.value.zh


@pytest.mark.parametrize("ext", [".doc", ".wps", ".pdf"])
def test_legacy_formats_without_libreoffice(tmp_path, monkeypatch, ext):
    monkeypatch.setattr(readers.shutil, "which", lambda name: None)
    path = tmp_path / f"plan{ext}"
    path.write_bytes(b"\xd0\xcf\x11\xe0 legacy")
    with pytest.raises(TaizhangError) as e:
        parse_plan_file(path)
    assert ".docx" in e.value.zh


def test_legacy_format_is_converted_when_libreoffice_exists(tmp_path, monkeypatch):
    """A fake soffice that "converts" by writing the expected .docx into --outdir."""
    source = build_docx(PLAN, tmp_path / "made.docx")
    calls = []

    def fake_run(args, **kwargs):
        calls.append(args)
        outdir = Path(args[args.index("--outdir") + 1])
        outdir.mkdir(parents=True, exist_ok=True)
        (outdir / "plan.docx").write_bytes(source.read_bytes())

    monkeypatch.setattr(readers.shutil, "which", lambda name: "/usr/bin/soffice" if name == "soffice" else None)
    monkeypatch.setattr(readers.subprocess, "run", fake_run)
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 legacy")
    result = parse_plan_file(path)
    assert calls and "--headless" in calls[0] and "docx" in calls[0]
    assert len(result["tasks"]) == 5


def test_failed_conversion_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(readers.shutil, "which", lambda name: "/usr/bin/soffice")
    monkeypatch.setattr(readers.subprocess, "run", lambda args, **kw: None)
    path = tmp_path / "plan.wps"
    path.write_bytes(b"legacy")
    with pytest.raises(TaizhangError):
        parse_plan_file(path)
