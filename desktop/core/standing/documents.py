"""The .docx the bureau prints (催报通知, 通报): A4, Chinese fonts, tables, written atomically."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from desktop.core.db.atomic import atomic_target

BODY_FONT, TITLE_FONT = "仿宋", "黑体"  # what official notices (公文) use; Windows has both
HEADING_FONT = "黑体"


def _font(run_or_style, name: str, size: float | None = None, bold: bool | None = None) -> None:
    run_or_style.font.name = name
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)  # without it Word/WPS fall back to a Western font for Chinese
    if size is not None:
        run_or_style.font.size = Pt(size)
    if bold is not None:
        run_or_style.font.bold = bold


def new_document(*, landscape: bool = False):
    """An empty A4 document with 2.5 cm margins and the body font set."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    _font(doc.styles["Normal"], BODY_FONT, 12)
    doc.styles["Normal"].paragraph_format.space_after = Pt(4)
    return doc


def title(doc, text: str, size: float = 18) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run(text), TITLE_FONT, size, bold=True)


def heading(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    _font(p.add_run(text), HEADING_FONT, 14, bold=True)


def para(doc, text: str, *, indent: bool = True, bold: bool = False, align_right: bool = False):
    p = doc.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Pt(24)
    if align_right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _font(p.add_run(text), BODY_FONT, 12, bold=bold)
    return p


def table(doc, headers: tuple[str, ...], rows: list[tuple], widths_mm: tuple[float, ...] = ()) -> None:
    """A bordered table with a bold header row repeated on every page; cells are text."""
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(t.rows[0].cells, headers, strict=True):
        cell.text = ""
        _font(cell.paragraphs[0].add_run(text), HEADING_FONT, 10.5, bold=True)
    trpr = t.rows[0]._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {}))
    for row in rows:
        cells = t.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = ""
            _font(cell.paragraphs[0].add_run("" if value is None else str(value)), BODY_FONT, 10.5)
    if widths_mm:
        t.autofit = False  # LibreOffice and WPS keep the widths only with a fixed layout and the grid set
        for i, width in enumerate(widths_mm):
            t.columns[i].width = Mm(width)
            for r in t.rows:
                r.cells[i].width = Mm(width)
    doc.add_paragraph()


def save(doc, target) -> Path:
    with atomic_target(target) as tmp:
        doc.save(str(tmp))
    return Path(target)
