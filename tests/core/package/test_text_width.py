"""The display width row heights are measured by (package/sheets.py ``text_width``): a wide character (east-asian
W or F) counts two, any other one, exactly as ``unicodedata`` says, however the count is made. The school's writer
and the bureau's check must agree on every height, or a report is refused as not showing what it signed."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.package import sheets


def _reference(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
       | st.text(alphabet="本学期组织“示范”——（2026年）ＡＢ①·…€é한가\U0002000b😀 ,.", max_size=60))
def test_the_width_is_what_unicodedata_says(text):
    assert sheets.text_width(text) == _reference(text)


def test_a_full_table_of_known_characters_still_counts_new_ones(monkeypatch):
    """Characters are classified once and kept (bounded); past the bound they are looked up each time."""
    monkeypatch.setattr(sheets, "_CLASSED", {})
    monkeypatch.setattr(sheets, "_CLASSED_LIMIT", 3)
    for text in ("本学期", "工作要点——“示范”", "한가😀é本", "本学期"):
        assert sheets.text_width(text) == _reference(text)
    assert len(sheets._CLASSED) == 3
