"""The printed .docx: A4, Chinese fonts named for East Asian text, header rows repeated, atomic writes."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from desktop.core.standing import documents


def test_a4_with_east_asian_fonts_and_a_repeated_table_header(tmp_path):
    doc = documents.new_document()
    documents.title(doc, "标题")
    documents.table(doc, ("甲", "乙"), [(1, "二"), (None, "三")])
    path = documents.save(doc, tmp_path / "t.docx")
    back = docx.Document(str(path))
    assert round(back.sections[0].page_width.mm) == 210 and round(back.sections[0].page_height.mm) == 297
    run = back.paragraphs[0].runs[0]
    assert run.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == documents.TITLE_FONT
    t = back.tables[0]
    assert [[c.text for c in r.cells] for r in t.rows] == [["甲", "乙"], ["1", "二"], ["", "三"]]
    assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert not list(tmp_path.glob("*.part"))
