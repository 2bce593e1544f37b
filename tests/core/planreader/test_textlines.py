"""Preparing a document's lines (planreader/textlines.py): hard wraps undone, items kept apart."""

from __future__ import annotations

from desktop.core.planreader import textlines


def _prepared(lines: list[str]) -> list[str]:
    return [orig for orig, _folded, _atomic in textlines.prepare([(line, False) for line in lines])]


def _as_wide(text: str, width: int) -> str:
    """``text`` padded with 事 (2 units) to ``width`` units, unpunctuated: as a wrapped line ends."""
    while textlines.visual_width(text) + 2 <= width:
        text += "事"
    return text


def test_a_numbering_gap_after_a_full_width_heading_still_starts_an_item():
    """A list that skips a number (26 then 28) after a heading as wide as the wrapped lines: "28." is met
    after its near predecessors, so it starts an item and is not taken for the wrapped heading's tail."""
    width = 60
    items = [_as_wide(f"{n}.推进项目建设", width) for n in range(21, 27)]
    heading = _as_wide("（五）职业教育提质培优工程", width)
    lines = ["示例市2026年教育工作要点", "（四）基础教育公平优质均衡工程", *items, heading, "28.提高中等职业教育办学质量"]
    out = _prepared(lines)
    assert out[-2:] == [heading, "28.提高中等职业教育办学质量"]


def test_quotation_marks_count_full_width():
    """A Chinese font sets “ ” full width: a wrapped line full of quoted names is as wide as the others."""
    assert textlines.visual_width("“县管校聘”") == textlines.visual_width("县县管校聘聘")
