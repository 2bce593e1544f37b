"""Word list numbering: number formats, counters, restarts and style numbering."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from desktop.core.planreader.wordlists import WordNumbering, format_number


@pytest.mark.parametrize(
    "n, fmt, text",
    [(3, "decimal", "3"), (12, "chineseCounting", "十二"), (21, "chineseCountingThousand", "二十一"),
     (3, "chineseLegalSimplified", "叁"), (2, "decimalEnclosedCircle", "②"), (2, "decimalEnclosedCircleChinese", "②"),
     (4, "decimalEnclosedParen", "⑷"), (3, "ideographTraditional", "丙"), (10, "ideographDigital", "一〇"),
     (2, "upperLetter", "B"), (28, "lowerLetter", "bb"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"),
     (5, "decimalZero", "05"), (7, "decimalFullWidth", "７")],
)
def test_format_number(n, fmt, text):
    assert format_number(n, fmt) == text


def _doc_with_list():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        '<w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
        '<w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
        '</w:abstractNum>')
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="78"><w:abstractNumId w:val="77"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return document


def _para(document, num_id, ilvl):
    p = document.add_paragraph("x")
    p._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def test_counters_levels_and_resets():
    document = _doc_with_list()
    plan = [(77, 0), (77, 1), (77, 2), (77, 2), (77, 3), (77, 1), (77, 2), (77, 0), (77, 2)]
    paras = [_para(document, n, i) for n, i in plan]
    numbering = WordNumbering(document)
    labels = [numbering.label(p._p) for p in paras]
    assert labels == ["一、", "（一）", "1. ", "2. ", "", "（二）", "1. ", "二、", "1. "]


def test_lists_sharing_an_abstract_continue_unless_restarted():
    document = _doc_with_list()
    paras = [_para(document, 77, 0), _para(document, 77, 0), _para(document, 78, 0), _para(document, 78, 0)]
    numbering = WordNumbering(document)
    assert [numbering.label(p._p) for p in paras] == ["一、", "二、", "一、", "二、"]


def test_unnumbered_and_unknown_lists():
    document = _doc_with_list()
    plain = document.add_paragraph("plain")
    unknown = _para(document, 999, 0)
    zero = _para(document, 0, 0)
    numbering = WordNumbering(document)
    assert numbering.label(plain._p) == ""
    assert numbering.label(unknown._p) == ""
    assert numbering.label(zero._p) == ""


def test_style_numbering_list_number():
    """python-docx's "List Number" style numbers through the style, not the paragraph."""
    document = docx.Document()
    paras = [document.add_paragraph("a", style="List Number"), document.add_paragraph("b", style="List Number")]
    numbering = WordNumbering(document)
    labels = [numbering.label(p._p) for p in paras]
    assert labels[0].strip() and labels[0] != labels[1]
